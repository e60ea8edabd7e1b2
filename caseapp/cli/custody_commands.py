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
    ok = report.ok and integrity == "ok"
    if args.json:
        print_json(
            {
                "ok": ok,
                "database_integrity": integrity,
                "custody_entries": report.entries,
                "head": report.last,
                "recorded_head": report.anchor,
                "problems": report.problems,
            }
        )
    elif ok:
        assert report.last is not None
        sys.stdout.write(f"OK: {report.entries} custody entries verified; head {report.last.seq} {report.last.hash}\n")
    else:
        if integrity != "ok":
            sys.stdout.write(f"DATABASE DAMAGED: {integrity}\n")
        first = report.first_broken
        if first is not None:
            sys.stdout.write(f"BROKEN: {first.message}\n")
            for problem in report.problems[1:]:
                sys.stdout.write(f"  also: {problem.message}\n")
    return 0 if ok else 3
