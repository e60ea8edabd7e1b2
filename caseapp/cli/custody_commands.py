"""Commands about integrity: the custody log and its verification."""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from typing import TYPE_CHECKING

from caseapp.cli import unlock
from caseapp.cli.output import print_json, print_table

if TYPE_CHECKING:
    from caseapp.app.verification import CaseVerification
from caseapp.core.custody import hashed_fields
from caseapp.core.ports import CustodyQuery, Page
from caseapp.core.refs import parse_ref


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    log = subparsers.add_parser("log", help="show the custody log (every action on the case)")
    unlock.add_case_options(log)
    log.add_argument("--target", help="only entries about this record (EX-1, W-001, ...)")
    log.add_argument("--actor", help="only entries by this person")
    log.add_argument("--action", help="only entries of this action (e.g. exhibit.import)")
    log.add_argument("--limit", type=int, help="at most this many entries")
    log.add_argument("--newest-first", action="store_true")
    log.add_argument("--json", action="store_true", help="entries as JSON, hashes included, for re-checking")
    log.set_defaults(func=cmd_log)

    verify = subparsers.add_parser("verify", help="recompute the custody chain; exit 3 if anything differs")
    unlock.add_case_options(verify)
    verify.add_argument("--full", action="store_true", help="also decrypt every stored file and check its SHA-256")
    verify.add_argument("--json", action="store_true")
    verify.set_defaults(func=cmd_verify)


def cmd_log(args: argparse.Namespace) -> int:
    query = CustodyQuery(
        target_ref=parse_ref(args.target).text if args.target else None,
        actor=args.actor,
        action=args.action,
        page=Page(limit=args.limit),
        newest_first=args.newest_first,
    )
    with unlock.unlock(args) as case:
        if args.target:  # entries written with the record's UUID too (a ref is stable, but be exact)
            found = case.records.target(parse_ref(args.target))
            query = replace(query, target_id=found.id)
        entries = case.custody.entries(query)
    if args.json:
        # Exactly the hashed fields plus the hash: `jq -cjS 'del(.hash)' | sha256sum` re-checks each.
        print_json([{**hashed_fields(e), "hash": e.hash} for e in entries])
    else:
        print_table(
            ["seq", "time (UTC)", "actor", "action", "target", "hash"],
            [[e.seq, e.at[:19].replace("T", " "), e.actor, e.action, e.target, e.hash[:16]] for e in entries],
        )
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    from caseapp.app.verification import verify_case
    from caseapp.core.errors import CaseDamagedError

    try:
        opened = unlock.unlock(args)
    except CaseDamagedError as error:  # damage that stops the case from opening is still damage: exit 3
        if args.json:
            print_json({"ok": False, "damaged": str(error)})
        else:
            sys.stdout.write(f"DAMAGED: {error}\n")
        return 3
    with opened as case:
        result = verify_case(case, full=args.full)
    report = result.chain
    if args.json:
        print_json(
            {
                "ok": result.ok,
                "database_integrity": result.database_integrity,
                "custody_entries": report.entries,
                "head": report.last,
                "recorded_head": report.anchor,
                "problems": report.problems,
                "files_checked": result.files_checked,
                "file_problems": result.file_problems,
                "record_problems": result.record_problems,
                "keyslot_problems": result.keyslot_problems,
                "notes": result.notes,
            }
        )
        return 0 if result.ok else 3
    if result.ok:
        assert report.last is not None
        what = (
            "custody entries and every stored file verified"
            if args.full
            else ("custody entries verified, every stored file present")
        )
        sys.stdout.write(f"OK: {report.entries} {what}; head {report.last.seq} {report.last.hash}\n")
    else:
        _print_problems(result)
    for note in result.notes:
        sys.stdout.write(f"note: {note}\n")
    return 0 if result.ok else 3


def _print_problems(result: CaseVerification) -> None:
    """What differs, one line each, the first broken custody entry first."""
    out = sys.stdout
    if result.database_integrity != "ok":
        out.write(f"DATABASE DAMAGED: {result.database_integrity}\n")
    first = result.chain.first_broken
    if first is not None:
        out.write(f"BROKEN: {first.message}\n")
        for problem in result.chain.problems[1:]:
            out.write(f"  also: {problem.message}\n")
    for file_problem in result.file_problems:
        out.write(f"FILE: {file_problem.message}\n")
    for mismatch in result.record_problems:
        out.write(f"RECORD: {mismatch.message}\n")
    for slot_problem in result.keyslot_problems:
        out.write(f"KEYSLOTS: {slot_problem}\n")
