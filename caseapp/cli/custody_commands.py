"""Commands about integrity: the custody log and its verification."""

from __future__ import annotations

import argparse
import sys

from caseapp.cli import unlock
from caseapp.cli.output import print_json, print_table


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    log = subparsers.add_parser("log", help="show the custody log (every action on the case)")
    unlock.add_case_options(log)
    log.add_argument("--target", help="only entries about this record (EX-1, W-001, ...)")
    log.add_argument("--json", action="store_true", help="entries as JSON, hashes included, for re-checking")
    log.set_defaults(func=cmd_log)

    verify = subparsers.add_parser("verify", help="recompute the custody chain; exit 3 if anything differs")
    unlock.add_case_options(verify)
    verify.add_argument("--full", action="store_true", help="also decrypt every stored file and check its SHA-256")
    verify.add_argument("--json", action="store_true")
    verify.set_defaults(func=cmd_verify)


def cmd_log(args: argparse.Namespace) -> int:
    with unlock.unlock(args) as case:
        entries = case.custody.entries(target=args.target)
    if args.json:
        print_json(entries)
    else:
        print_table(
            ["seq", "time (UTC)", "actor", "action", "target", "hash"],
            [[e.seq, e.at[:19].replace("T", " "), e.actor, e.action, e.target, e.hash[:16]] for e in entries],
        )
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    with unlock.unlock(args) as case:
        report = case.custody.verify()
        integrity = case.db.integrity_check()
        from caseapp.app.exhibits import verify_blobs

        files = verify_blobs(case, full=args.full)
        blob_problems = list(files.problems)
    ok = report.ok and integrity == "ok" and not blob_problems
    notes = (*report.notes, *files.notes)
    if args.json:
        print_json(
            {
                "ok": ok,
                "database_integrity": integrity,
                "custody_entries": report.entries,
                "head": report.last,
                "recorded_head": report.anchor,
                "problems": report.problems,
                "files_checked": args.full,
                "file_problems": blob_problems,
                "notes": notes,
            }
        )
    elif ok:
        assert report.last is not None
        what = (
            "custody entries and every stored file verified"
            if args.full
            else ("custody entries verified, every stored file present")
        )
        sys.stdout.write(f"OK: {report.entries} {what}; head {report.last.seq} {report.last.hash}\n")
    else:
        if integrity != "ok":
            sys.stdout.write(f"DATABASE DAMAGED: {integrity}\n")
        first = report.first_broken
        if first is not None:
            sys.stdout.write(f"BROKEN: {first.message}\n")
            for problem in report.problems[1:]:
                sys.stdout.write(f"  also: {problem.message}\n")
        for blob_problem in blob_problems:
            sys.stdout.write(f"FILE: {blob_problem.message}\n")
    if not args.json:
        for note in notes:
            sys.stdout.write(f"note: {note}\n")
    return 0 if ok else 3
