"""`caseapp export dossier|bundle`: what a case sends out (the Article 15 communication and its
evidence bundle). The shapes are fixed: scripts depend on them."""

from __future__ import annotations

import argparse
import sys

from caseapp.cli import unlock
from caseapp.cli.output import print_json
from caseapp.core.operations import Task


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    export = subparsers.add_parser("export", help="send the case out: the dossier (PDF, DOCX) or an evidence bundle")
    actions = export.add_subparsers(metavar="WHAT", parser_class=type(export))
    export.set_defaults(func=lambda _args, p=export: (p.print_help(), 1)[1])

    dossier = actions.add_parser(
        "dossier",
        help="the Article 15 communication: full (confidential) and public redacted versions",
        description="Write the communication into OUT_DIR (a new or empty folder): the full confidential version "
        "and the public redacted version (only the public one with --public), in each format asked for. "
        "Protected persons appear only by pseudonym; --confidential-annex adds the key to the pseudonyms "
        "(real names; each reveal is recorded in custody).",
    )
    unlock.add_case_options(dossier)
    dossier.add_argument("out_dir", metavar="OUT_DIR", type=str)
    dossier.add_argument("--format", default="pdf,docx", help="pdf, docx or pdf,docx (the default)")
    dossier.add_argument("--lang", choices=["en", "fr"], default="en", help="the dossier's language (default en)")
    dossier.add_argument("--public", action="store_true", help="only the public redacted version")
    dossier.add_argument(
        "--confidential-annex", action="store_true", help="also the confidential key annex (real identities)"
    )
    dossier.add_argument("--json", action="store_true")
    dossier.set_defaults(func=cmd_dossier)


def _formats(text: str) -> tuple[str, ...]:
    from caseapp.core.errors import ValidationError

    names = tuple(dict.fromkeys(part.strip().lower() for part in text.split(",") if part.strip()))
    unknown = [n for n in names if n not in ("pdf", "docx")]
    if unknown or not names:
        raise ValidationError(f"--format takes pdf, docx or pdf,docx; not {text!r}")
    return names


def cmd_dossier(args: argparse.Namespace) -> int:
    from pathlib import Path

    from caseapp.app.dossier_export import export_dossier
    from caseapp.cli.evidence_commands import _FirstInterruptCancels
    from caseapp.core.dossier.model import Language
    from caseapp.core.services.dossier_export import DossierFormat, DossierRequest

    request = DossierRequest(
        formats=tuple(DossierFormat(f) for f in _formats(args.format)),
        language=Language(args.lang),
        public_only=args.public,
        key_annex=args.confidential_annex,
    )
    with unlock.unlock(args) as case, _FirstInterruptCancels() as interrupt:
        result = export_dossier(case, request, Path(args.out_dir), task=Task(cancel=interrupt.token)).value
    if args.json:
        print_json(
            {
                "folder": result.folder,
                "files": [
                    {"name": f.name, "version": f.version.value, "format": f.format.value, "sha256": f.sha256}
                    for f in result.files
                ],
                "key_annex": list(result.revealed),
                "recorded": result.recorded,
            }
        )
        return 0
    sys.stdout.write(f"Wrote the communication to {result.folder}\n")
    for produced in result.files:
        sys.stdout.write(f"  {produced.name:32} {produced.sha256}\n")
    if result.revealed:
        sys.stdout.write(
            f"The key annex names {len(result.revealed)} protected person(s); keep it apart from the public version.\n"
        )
    if not result.recorded:
        sys.stderr.write("caseapp: note: the case is on read-only media, so this export was not recorded in custody\n")
    return 0
