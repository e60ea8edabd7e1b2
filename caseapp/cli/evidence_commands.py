"""Commands about evidence files: import, export-original, quarantine (listing and showing
exhibits are in record_commands)."""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from caseapp.cli import unlock
from caseapp.cli.output import print_json, print_table, to_jsonable
from caseapp.core.operations import CancelToken, Task
from caseapp.core.refs import RefKind, parse_ref_of

if TYPE_CHECKING:
    from caseapp.core.evidence import Problem
    from caseapp.core.services.import_report import FileOutcome, ImportReport

KINDS = ["document", "image", "video", "audio", "testimony", "physical", "other"]


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    take = subparsers.add_parser("import", help="take files and folders in, encrypted, with hashes and metadata")
    unlock.add_case_options(take)
    take.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    take.add_argument("--source", help="the source they came from (SRC-n)")
    take.add_argument("--note", default="", help="acquisition note: how, where and from whom")
    take.add_argument("--json", action="store_true", help="print the full report as JSON")
    take.set_defaults(func=cmd_import)

    export = subparsers.add_parser("export-original", help="decrypt an exhibit's original into a folder")
    unlock.add_case_options(export)
    export.add_argument("exhibit", help="EX-n")
    export.add_argument("destination", type=Path, help="folder to write it to")
    export.add_argument("--json", action="store_true")
    export.set_defaults(func=cmd_export)

    quarantine = subparsers.add_parser(
        "quarantine", help="encrypted files no record refers to (left by interrupted imports): list or delete them"
    )
    actions = quarantine.add_subparsers(metavar="ACTION", parser_class=type(quarantine))
    quarantine.set_defaults(func=lambda _args, p=quarantine: (p.print_help(), 1)[1])
    q_list = actions.add_parser("list", help="list the quarantined files and their sizes")
    unlock.add_case_options(q_list)
    q_list.add_argument("--json", action="store_true")
    q_list.set_defaults(func=cmd_quarantine_list)
    q_purge = actions.add_parser("purge", help="delete every quarantined file (recorded in custody)")
    unlock.add_case_options(q_purge)
    q_purge.add_argument("--yes", action="store_true", help="do not ask for confirmation (needed without a terminal)")
    q_purge.set_defaults(func=cmd_quarantine_purge)


class _ProgressLine:
    """One self-overwriting line on a terminal; nothing when output is not a terminal."""

    def __init__(self) -> None:
        self.enabled = sys.stderr.isatty()
        self.width = shutil.get_terminal_size((80, 20)).columns

    def __call__(self, done: int, total: int, label: str) -> None:
        if not self.enabled:
            return
        share = done / total if total else 1.0
        bar = "#" * int(share * 20)
        text = f"[{bar:<20}] {done / 2**20:.1f}/{total / 2**20:.1f} MiB, {label}"
        sys.stderr.write("\r" + text[: self.width - 1].ljust(self.width - 1))
        sys.stderr.flush()

    def clear(self) -> None:
        if self.enabled:
            sys.stderr.write("\r" + " " * (self.width - 1) + "\r")

    def close(self) -> None:
        self.clear()


class _FirstInterruptCancels:
    """Ctrl-C once: finish the file being read, keep everything complete, stop. Twice: stop now."""

    def __init__(self) -> None:
        self.token = CancelToken()
        self.previous: Any = None

    @property
    def asked(self) -> bool:
        return self.token.cancelled

    def _handle(self, _signum: int, _frame: object) -> None:
        if self.asked:
            raise KeyboardInterrupt
        self.token.cancel()
        sys.stderr.write("\ncaseapp: stopping; every file read to the end is kept (Ctrl-C again to stop at once)\n")

    def __enter__(self) -> _FirstInterruptCancels:
        import signal
        import threading

        if threading.current_thread() is threading.main_thread():
            self.previous = signal.signal(signal.SIGINT, self._handle)
        return self

    def __exit__(self, *_exc: object) -> None:
        import signal

        if self.previous is not None:
            signal.signal(signal.SIGINT, self.previous)


def _outcome_line(outcome: FileOutcome) -> str:
    where = f" {outcome.exhibit}" if outcome.exhibit else ""
    return f"{outcome.status.value.replace('_', ' ')}{where}  {outcome.path}"


def cmd_import(args: argparse.Namespace) -> int:
    from caseapp.core.services.import_report import FileStatus

    bar = _ProgressLine()
    stop = _FirstInterruptCancels()
    source = parse_ref_of(args.source, RefKind.SOURCE) if args.source else None
    with unlock.unlock(args) as case:
        try:
            with stop:
                report = case.imports.import_paths(
                    args.paths, source=source, note=args.note, task=Task(progress=bar, cancel=stop.token)
                ).value
        finally:
            bar.close()
    if args.json:
        print_json(_report_json(report))
    else:
        for outcome in report.outcomes:
            sys.stdout.write(_outcome_line(outcome) + "\n")
        for problem in report.all_problems():
            sys.stderr.write(f"{problem.severity.value}: {problem.message}\n")
        counts = report.summary
        sys.stdout.write(
            f"{counts['imported']} imported, {counts['duplicate']} duplicate(s), {counts['already_in']} already in, "
            f"{counts['skipped']} skipped, {counts['left_out']} left out"
            + (" — CANCELLED, run the same import again to resume" if report.cancelled else "")
            + "\n"
        )
    skipped = report.count(FileStatus.SKIPPED) + len(report.problems)
    return 1 if report.cancelled or skipped else 0


def _report_json(report: ImportReport) -> dict[str, Any]:
    return {
        "job": str(report.job_id),
        "cancelled": report.cancelled,
        "summary": report.summary,
        "files": [{**to_jsonable(o), "problems": [_problem_json(p) for p in o.problems]} for o in report.outcomes],
        "left_out": [_problem_json(p) for p in report.problems],
    }


def _problem_json(problem: Problem) -> dict[str, str]:
    """A report for scripts: the path escaped like every name caseapp shows (valid UTF-8 always)."""
    from caseapp.intake.names import escape_name

    return {
        "path": escape_name(problem.path),
        "code": problem.code.value,
        "severity": problem.severity.value,
        "message": problem.message,
    }


def cmd_export(args: argparse.Namespace) -> int:
    from caseapp.app.exhibits import export_original

    ref = parse_ref_of(args.exhibit, RefKind.EXHIBIT)
    with unlock.unlock(args) as case:
        result = export_original(case, ref, args.destination)
    if args.json:
        print_json(
            {"path": str(result.path), "sha256": result.sha256, "size": result.size, "recorded": result.recorded}
        )
    else:
        sys.stdout.write(f"Exported {args.exhibit.upper()} to {result.path}\nsha256 {result.sha256} (checked)\n")
    if not result.recorded:
        sys.stderr.write("caseapp: note: the case is on read-only media, so this export was not recorded in custody\n")
    return 0


def cmd_quarantine_list(args: argparse.Namespace) -> int:
    from datetime import UTC, datetime

    from caseapp.app.quarantine import list_quarantine

    with unlock.unlock(args) as case:
        found = list_quarantine(case)
    files = [
        {"name": q.name, "size": q.size, "modified": datetime.fromtimestamp(q.modified, UTC).isoformat()} for q in found
    ]
    if args.json:
        print_json({"files": files, "count": len(files), "bytes": sum(q.size for q in found)})
        return 0
    print_table(["file", "size", "modified (UTC)"], [[f["name"], f["size"], str(f["modified"])[:19]] for f in files])
    total = sum(q.size for q in found)
    sys.stdout.write(
        f"{len(found)} encrypted file(s), {total / 2**20:.1f} MiB in quarantine"
        + (" (delete them with `caseapp quarantine purge`)\n" if found else "\n")
    )
    return 0


def cmd_quarantine_purge(args: argparse.Namespace) -> int:
    from caseapp.app.quarantine import NOT_SECURE, list_quarantine, purge_quarantine
    from caseapp.core.errors import UserError

    with unlock.unlock(args) as case:
        found = list_quarantine(case)
        if not found:
            sys.stdout.write("The quarantine is empty; nothing to delete.\n")
            return 0
        if not args.yes:
            if not (sys.stdin is not None and sys.stdin.isatty()):
                raise UserError("deleting quarantined files needs confirmation: run again with --yes")
            total = sum(q.size for q in found)
            answer = input(f"Delete {len(found)} quarantined file(s) ({total / 2**20:.1f} MiB)? [y/N] ")
            if answer.strip().lower() not in ("y", "yes"):
                sys.stdout.write("Nothing was deleted.\n")
                return 1
        purged = purge_quarantine(case)
    sys.stdout.write(
        f"Deleted {purged.count} quarantined file(s) ({purged.size / 2**20:.1f} MiB), recorded in custody.\n"
    )
    sys.stdout.write(NOT_SECURE + "\n")
    return 0
