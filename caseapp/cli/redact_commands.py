"""``exhibit redact`` and ``exhibit export-redacted``: redacted copies of exhibits for a public version.

    caseapp exhibit redact EX-n [--region "x,y,w,h"]... [--page N] --reason TEXT
    caseapp exhibit export-redacted EX-n OUT_DIR

A region is x,y,width,height from the top-left corner of the picture as shown: pixels of an image,
points (1/72 inch) of a PDF page, or percentages of the width and height with ``%`` on every value.
``--page N`` is the page of every region that does not name its own (``2:72,90,300,20``). Without a
region an image is copied without its metadata. The original is never changed.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from caseapp.cli import unlock
from caseapp.cli.output import print_json, to_jsonable
from caseapp.core.operations import CancelToken, Task
from caseapp.core.refs import RefKind, parse_ref_of

if TYPE_CHECKING:
    from caseapp.cli.record_commands import Subparsers


def register(group_: Subparsers) -> None:
    """Add ``redact`` and ``export-redacted`` to the ``exhibit`` group."""
    redact = group_.add_parser(
        "redact", help="make a redacted copy (regions blacked out, metadata removed); the original is not changed"
    )
    unlock.add_case_options(redact)
    redact.add_argument("ref", metavar="EX-n")
    redact.add_argument(
        "--region",
        action="append",
        default=[],
        metavar="X,Y,W,H",
        help="a rectangle to black out: pixels (images), points (PDF pages) or percentages (10%%,5%%,30%%,8%%); "
        "repeatable; PAGE:X,Y,W,H names its own page",
    )
    redact.add_argument("--page", type=int, help="the PDF page (1 = first) of the regions that do not name one")
    redact.add_argument("--reason", required=True, help="why it is redacted (recorded in custody)")
    redact.add_argument("--json", action="store_true", help="print JSON for scripts")
    redact.set_defaults(func=cmd_redact)

    export = group_.add_parser("export-redacted", help="decrypt the newest redacted copy of an exhibit into a folder")
    unlock.add_case_options(export)
    export.add_argument("ref", metavar="EX-n")
    export.add_argument("destination", help="folder to write it to (as EX-n-redacted.<ext>)")
    export.add_argument("--json", action="store_true", help="print JSON for scripts")
    export.set_defaults(func=cmd_export_redacted)


def cmd_redact(args: argparse.Namespace) -> int:
    from caseapp.app.exhibits import redact_exhibit
    from caseapp.core.exhibit_redaction import parse_region

    ref = parse_ref_of(args.ref, RefKind.EXHIBIT)
    regions = [parse_region(text, page=args.page) for text in args.region]
    with unlock.unlock(args) as case:
        made = redact_exhibit(case, ref, regions, args.reason, Task(cancel=CancelToken())).value
    if args.json:
        print_json(to_jsonable(made))
    else:
        sys.stdout.write(
            f"Made a redacted copy of {ref}: {made.media_type}, {made.size} bytes, sha256 {made.sha256}\n"
            f"{made.note}\nThe original is unchanged. `caseapp exhibit export-redacted {ref} FOLDER` writes it out.\n"
        )
    return 0


def cmd_export_redacted(args: argparse.Namespace) -> int:
    from pathlib import Path

    from caseapp.app.exhibits import export_redacted

    ref = parse_ref_of(args.ref, RefKind.EXHIBIT)
    with unlock.unlock(args) as case:
        result = export_redacted(case, ref, Path(args.destination))
    if args.json:
        print_json(
            {"path": str(result.path), "sha256": result.sha256, "size": result.size, "recorded": result.recorded}
        )
    else:
        sys.stdout.write(f"Exported the redacted copy of {ref} to {result.path}\nsha256 {result.sha256} (checked)\n")
    if not result.recorded:
        sys.stderr.write("caseapp: note: the case is on read-only media, so this export was not recorded in custody\n")
    return 0
