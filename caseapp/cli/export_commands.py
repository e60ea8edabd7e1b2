"""``caseapp export ...``: what leaves the case for others (issue 15). ``export bundle`` writes the
evidence bundle; other exports (the dossier) add their own sub-command to the same group."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from caseapp.cli import unlock
from caseapp.cli.evidence_commands import _FirstInterruptCancels, _ProgressLine
from caseapp.cli.output import print_json
from caseapp.core.operations import Task

if TYPE_CHECKING:
    from caseapp.core.dossier.selection import Section


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    export = subparsers.add_parser(
        "export", help="send the case out: the Article 15 dossier (PDF, DOCX) or the evidence bundle"
    )
    actions = export.add_subparsers(metavar="WHAT", parser_class=type(export))
    export.set_defaults(func=lambda _args, p=export: (p.print_help(), 1)[1])
    register_dossier(actions)
    register_bundle(actions)


def register_dossier(actions: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
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
    dossier.add_argument(
        "--omit",
        metavar="SECTION[,SECTION]",
        default="",
        help="leave optional sections out: introduction, executive-summary, contextual-elements, perpetrators, "
        "admissibility, interests-of-justice, methodology, conclusion (parts and paragraphs are numbered without them)",
    )
    dossier.add_argument("--json", action="store_true")
    dossier.set_defaults(func=cmd_dossier)


def register_bundle(actions: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    bundle = actions.add_parser(
        "bundle",
        help="write the evidence bundle (a BagIt bag anyone can check with sha256sum, bagit.py, sqv or gpg)",
    )
    unlock.add_case_options(bundle)
    bundle.add_argument("out_dir", type=Path, metavar="OUT_DIR", help="a new or empty folder for the bundle")
    bundle.add_argument(
        "--public",
        action="store_true",
        help="the public version: public fields only, sensitive exhibits without their file, redacted copies sent",
    )
    bundle.add_argument(
        "--sign",
        action="store_true",
        help="sign it with the organisation's key (made and kept in the case on first use)",
    )
    bundle.add_argument(
        "--part-size",
        metavar="SIZE",
        help="split into parts of at most SIZE each (500M, 2G, or bytes), for upload limits",
    )
    bundle.add_argument(
        "--organisation", metavar="NAME", help="the name a new signing key carries (default: the case title)"
    )
    bundle.add_argument(
        "--new-only",
        action="store_true",
        help="a supplement: leave out every file an earlier bundle of the same kind sent (as custody recorded it)",
    )
    bundle.add_argument("--lang", choices=["en", "fr"], default="en", help="the language of the dossier in it")
    bundle.add_argument(
        "--no-dossier", action="store_true", help="leave the dossier (PDF, DOCX) out; by default it is in data/dossier/"
    )
    bundle.add_argument("--json", action="store_true")
    bundle.set_defaults(func=cmd_bundle)


def cmd_bundle(args: argparse.Namespace) -> int:
    from caseapp.app.bundle_export import BundleOptions
    from caseapp.app.dossier_export import export_bundle_with_dossier
    from caseapp.core.dossier.model import Language
    from caseapp.export.bag_parts import human_size, parse_size

    options = BundleOptions(
        public=args.public,
        sign=args.sign,
        part_size=parse_size(args.part_size) if args.part_size else None,
        organisation=args.organisation,
        new_only=args.new_only,
    )
    dossier = None if args.no_dossier else Language(args.lang)
    bar = _ProgressLine()
    stop = _FirstInterruptCancels()
    with unlock.unlock(args) as case:
        try:
            with stop:
                task = Task(progress=bar, cancel=stop.token)
                result = export_bundle_with_dossier(case, args.out_dir, options, dossier=dossier, task=task)
        finally:
            bar.close()
    if args.json:
        print_json(_as_json(result))
    else:
        kind = "public" if args.public else "full"
        sys.stdout.write(f"Wrote the {kind} evidence bundle to {result.path}\n")
        sys.stdout.write(f"{len(result.sent)} exhibit file(s) sent, {len(result.withheld)} listed without their file\n")
        for part in result.parts:
            where = part.folder or "bag"
            sys.stdout.write(
                f"{where}: {part.files} files, {human_size(part.payload_bytes)}, "
                f"tagmanifest sha256 {part.tagmanifest_sha256}\n"
            )
        if result.fingerprint:
            made = " (new key, made for this case)" if result.key_created else ""
            sys.stdout.write(f"Signed by key {result.fingerprint}{made}\n")
        sys.stdout.write("VERIFY.txt in the bundle tells the recipient how to check it.\n")
    if not result.recorded:
        sys.stderr.write("caseapp: note: the case is on read-only media, so this export was not recorded in custody\n")
    return 0


def _as_json(result: Any) -> dict[str, Any]:
    return {
        "path": str(result.path),
        "sent": list(result.sent),
        "withheld": list(result.withheld),
        "fingerprint": result.fingerprint.replace(" ", "") if result.fingerprint else None,
        "key_created": result.key_created,
        "recorded": result.recorded,
        "parts": [
            {
                "folder": p.folder,
                "files": p.files,
                "bytes": p.payload_bytes,
                "manifest_sha256": p.manifest_sha256,
                "tagmanifest_sha256": p.tagmanifest_sha256,
                "oversize": p.oversize,
            }
            for p in result.parts
        ],
    }


def _formats(text: str) -> tuple[str, ...]:
    from caseapp.core.errors import ValidationError

    names = tuple(dict.fromkeys(part.strip().lower() for part in text.split(",") if part.strip()))
    unknown = [n for n in names if n not in ("pdf", "docx")]
    if unknown or not names:
        raise ValidationError(f"--format takes pdf, docx or pdf,docx; not {text!r}")
    return names


def _omitted(text: str) -> frozenset[Section]:
    """``--omit introduction,conclusion`` as sections; none when not given."""
    from caseapp.core.dossier.selection import parse_sections
    from caseapp.core.errors import ValidationError

    if not text.strip():
        return frozenset()
    try:
        return parse_sections(text)
    except ValueError as error:
        raise ValidationError(f"--omit: {error}") from None


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
        omit=_omitted(args.omit),
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
