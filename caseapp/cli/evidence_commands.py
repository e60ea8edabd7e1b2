"""Commands about evidence files: import, list, show, export-original, quarantine."""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from caseapp.cli import unlock
from caseapp.cli.output import print_json, print_table, to_jsonable, when

if TYPE_CHECKING:
    from caseapp.app.importing import FileOutcome, ImportProgress, ImportReport
    from caseapp.core.evidence import Problem

KINDS = ["document", "image", "video", "audio", "testimony", "physical", "other"]


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    take = subparsers.add_parser("import", help="take files and folders in, encrypted, with hashes and metadata")
    unlock.add_case_options(take)
    take.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    take.add_argument("--source", help="the source they came from (SRC-n)")
    take.add_argument("--note", default="", help="acquisition note: how, where and from whom")
    take.add_argument("--json", action="store_true", help="print the full report as JSON")
    take.set_defaults(func=cmd_import)

    listing = subparsers.add_parser("list", help="list exhibits; search their names and extracted text")
    unlock.add_case_options(listing)
    listing.add_argument("--type", choices=KINDS, help="only this kind of exhibit")
    listing.add_argument("--search", metavar="TEXT", help="words in the file name or the extracted text")
    listing.add_argument("--tag")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(func=cmd_list)

    show = subparsers.add_parser("show", help="show one exhibit: hashes, metadata, derivatives, acquisitions")
    unlock.add_case_options(show)
    show.add_argument("exhibit", help="EX-n")
    show.add_argument("--json", action="store_true")
    show.set_defaults(func=cmd_show)

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

    def __call__(self, progress: ImportProgress) -> None:
        if not self.enabled:
            return
        share = progress.bytes_done / progress.bytes_total if progress.bytes_total else 1.0
        bar = "#" * int(share * 20)
        text = (
            f"[{bar:<20}] {progress.files_done}/{progress.files_total} files, "
            f"{progress.bytes_done / 2**20:.1f}/{progress.bytes_total / 2**20:.1f} MiB {progress.current}"
        )
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
        self.asked = False
        self.previous: Any = None

    def requested(self) -> bool:
        return self.asked

    def _handle(self, _signum: int, _frame: object) -> None:
        if self.asked:
            raise KeyboardInterrupt
        self.asked = True
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
    from caseapp.app.importing import FileStatus, import_paths

    bar = _ProgressLine()
    stop = _FirstInterruptCancels()
    with unlock.unlock(args) as case:
        for line in case.open_report:
            sys.stderr.write(f"caseapp: note: {line}\n")
        try:
            with stop:
                report = import_paths(
                    case, args.paths, source=args.source, note=args.note, progress=bar, cancel=stop.requested
                )
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
        "job": report.job_id,
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


def cmd_list(args: argparse.Namespace) -> int:
    from caseapp.app.exhibits import list_exhibits

    with unlock.unlock(args) as case:
        exhibits = list_exhibits(case, kind=args.type, search=args.search, tag=args.tag)
    if args.json:
        print_json(exhibits)
    else:
        print_table(
            ["ref", "kind", "type", "size", "captured", "tags", "title"],
            [
                [
                    e.ref,
                    e.kind.value,
                    e.mime or "",
                    e.size if e.size is not None else "",
                    e.captured or "",
                    ",".join(e.tags),
                    e.title,
                ]
                for e in exhibits
            ],
        )
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    from caseapp.app.exhibits import detail

    with unlock.unlock(args) as case:
        found = detail(case, args.exhibit)
    if args.json:
        print_json(found)
        return 0
    e = found.exhibit
    out = sys.stdout
    out.write(f"{e.ref}  {_shown(e.title)}\n")
    rows = [
        ("kind", e.kind.value),
        ("type", e.mime),
        ("sha256", e.sha256),
        ("size", e.size),
        ("original name", e.original_name),
        ("found at", e.relative_path),
        ("file modified", e.file_modified),
        ("captured", e.captured),
        ("GPS", f"{e.latitude:.6f}, {e.longitude:.6f}" if e.latitude is not None and e.longitude is not None else None),
        ("imported by", e.imported_by),
        ("imported at", when(e.created_at) + " UTC"),
        ("source", f"SRC-{e.source_id}" if e.source_id else None),
        ("note", e.acquisition_note),
        ("tags", ", ".join(e.tags) or None),
    ]
    detected = found.metadata.get("detected") or {}
    if detected.get("extension_matches") is False:
        rows.insert(2, ("warning", "the file's extension does not match its content"))
    for label, value in rows:
        if value not in (None, ""):
            out.write(f"  {label:<14} {_shown(value)}\n")
    fields = found.metadata.get("fields") or {}
    if fields:
        out.write("Metadata (as found in the file; control characters shown escaped)\n")
        for key, value in fields.items():
            out.write(f"  {key:<14} {_shown(value)}\n")
    if found.derivatives:
        out.write("Derivatives\n")
        for d in found.derivatives:
            out.write(
                f"  {d.kind:<10} {d.media_type:<28} {d.size:>9} bytes  sha256 {d.sha256[:16]}…  {_shown(d.note)}\n"
            )
    out.write("Acquisitions\n")
    for a in found.acquisitions:
        note = f" — {_shown(a.note)}" if a.note else ""
        out.write(f"  {when(a.seen_at)} UTC by {_shown(a.actor)}: {a.relative_path} ({a.size} bytes){note}\n")
    return 0


def _shown(value: object) -> str:
    """Text from a file is never printed raw: a crafted value could fake lines or drive the terminal."""
    from caseapp.intake.names import escape_name

    return escape_name(value if isinstance(value, str) else str(value))


def cmd_export(args: argparse.Namespace) -> int:
    from caseapp.app.exhibits import export_original

    with unlock.unlock(args) as case:
        result = export_original(case, args.exhibit, args.destination)
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
