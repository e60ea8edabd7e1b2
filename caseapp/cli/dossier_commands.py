"""Commands for the author's dossier inputs: ``dossier show``, ``dossier set``, ``dossier write``,
``dossier clear``. Each change is one operation recorded in custody; ``caseapp undo`` takes it back."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import Any

from caseapp.cli import unlock
from caseapp.cli.output import print_fields, print_json, to_jsonable, when
from caseapp.cli.record_commands import Subparsers, command, group
from caseapp.core.dossier.inputs import DossierInputs, PriorCommunication, SectionKey
from caseapp.core.errors import UserError, ValidationError

SECTIONS = [key.value for key in SectionKey]


def register(subparsers: Subparsers) -> None:
    dossier = group(subparsers, "dossier", "what you give the Article 15 dossier: cover facts, sender, sections")
    command(dossier, "show", "show the dossier inputs and which sections you wrote (others get a draft)", cmd_show)

    setting = command(dossier, "set", "set cover, sender and jurisdiction facts (an empty value clears one)", cmd_set)
    setting.add_argument("--situation", metavar="T", help='as you name it: "Situation in ..."')
    setting.add_argument("--situation-number", metavar="T", help="only one the Court gave; never made up")
    setting.add_argument("--title", metavar="T", help="the communication's title (empty: from the case's title)")
    setting.add_argument("--short-title", metavar="T", help="for the page header (empty: from the title)")
    setting.add_argument(
        "--sender", metavar="LINE", action="append", help="a line of the sender block; repeat for each line"
    )
    setting.add_argument("--contact", metavar="T", help="the secure contact printed with the sender block")
    setting.add_argument(
        "--undertaking",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="print the undertaking to provide further information (the default) or not",
    )
    setting.add_argument("--territory", metavar="XX", help="ISO 3166 code of the State where the conduct occurred")
    setting.add_argument(
        "--element-territory", metavar="XX", action="append", help="a State where an element occurred; repeatable"
    )
    setting.add_argument("--nationality", metavar="XX", action="append", help="nationality of the accused; repeatable")
    setting.add_argument("--victim-state", metavar="XX", help="ISO 3166 code of the victim State (aggression)")
    setting.add_argument("--supplement-to-date", metavar="YYYY-MM-DD", help="date of the earlier communication")
    setting.add_argument("--supplement-to-hash", metavar="HEX", help="SHA-256 of the earlier bundle's tag manifest")
    setting.add_argument("--supplement-to-title", metavar="T", default="", help="title of the earlier communication")
    setting.add_argument("--no-supplement-to", action="store_true", help="this communication supplements none")
    setting.add_argument("--reason", default="", help="why (kept in custody)")

    write = command(dossier, "write", "write a section's text (paragraphs separated by blank lines)", cmd_write)
    write.add_argument("section", choices=SECTIONS, metavar="SECTION", help="one of: " + ", ".join(SECTIONS))
    source = write.add_mutually_exclusive_group(required=True)
    source.add_argument("--file", metavar="PATH", help="a UTF-8 text file; - reads standard input")
    source.add_argument("--text", metavar="TEXT", help="the text itself")
    write.add_argument("--reason", default="", help="why (kept in custody)")

    clear = command(dossier, "clear", "take a section's text away (the generated draft is used again)", cmd_clear)
    clear.add_argument("section", choices=SECTIONS, metavar="SECTION", help="one of: " + ", ".join(SECTIONS))
    clear.add_argument("--reason", default="", help="why (kept in custody)")


def _listed(values: list[str] | None) -> list[str] | None:
    """A repeated option: None if not given; one empty value clears the list."""
    if values is None:
        return None
    return [v for v in values if v.strip()]


def _changes(args: argparse.Namespace) -> dict[str, Any]:
    changes: dict[str, Any] = {}
    singles = {
        "situation": args.situation,
        "situation_number": args.situation_number,
        "title": args.title,
        "short_title": args.short_title,
        "secure_contact": args.contact,
        "undertaking": args.undertaking,
        "territory": args.territory,
        "victim_state": args.victim_state,
    }
    changes.update({name: value for name, value in singles.items() if value is not None})
    for name, values in (
        ("sender", args.sender),
        ("element_territories", args.element_territory),
        ("nationalities", args.nationality),
    ):
        listed = _listed(values)
        if listed is not None:
            changes[name] = listed
    prior = _prior(args)
    if prior is not False:
        changes["supplement_to"] = prior
    return changes


def _prior(args: argparse.Namespace) -> PriorCommunication | bool | None:
    """The earlier communication given, None to clear it, False if not asked about."""
    given = args.supplement_to_date is not None or args.supplement_to_hash is not None
    if args.no_supplement_to:
        if given:
            raise ValidationError("give either --no-supplement-to or the earlier communication's date and hash")
        return None
    if not given:
        return False
    if args.supplement_to_date is None or args.supplement_to_hash is None:
        raise ValidationError("an earlier communication is cited by both --supplement-to-date and --supplement-to-hash")
    try:
        sent_on = date.fromisoformat(args.supplement_to_date)
    except ValueError:
        raise ValidationError(
            f"--supplement-to-date {args.supplement_to_date!r} is not a date; write it as YYYY-MM-DD"
        ) from None
    return PriorCommunication(sent_on, args.supplement_to_hash, args.supplement_to_title)


def read_text(path: str) -> str:
    """A section's text from a file (``-``: standard input), which must be UTF-8."""
    name = "standard input" if path == "-" else path
    try:
        if path == "-":
            stream = getattr(sys.stdin, "buffer", None)
            data = stream.read() if stream is not None else sys.stdin.read().encode("utf-8", "surrogateescape")
        else:
            data = Path(path).read_bytes()
    except FileNotFoundError:
        raise UserError(f"there is no file {path}; check the path. Nothing was changed.") from None
    except IsADirectoryError:
        raise UserError(f"{path} is a folder, not a text file. Nothing was changed.") from None
    except OSError as error:
        raise UserError(f"cannot read {name}: {error.strerror}. Nothing was changed.") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ValidationError(
            f"{name} is not UTF-8 text (byte {data[error.start]:#04x} at offset {error.start}); save it as UTF-8 "
            "(in most editors: Save As, encoding UTF-8) and try again. Nothing was changed."
        ) from None


def cmd_show(args: argparse.Namespace) -> int:
    with unlock.unlock(args) as case:
        inputs = case.records.dossier_inputs()
    if args.json:
        print_json(shown(inputs))
        return 0
    prior = inputs.supplement_to
    print_fields(
        [
            ("situation", inputs.situation),
            ("number", inputs.situation_number),
            ("title", inputs.title),
            ("short title", inputs.short_title),
            ("sender", " / ".join(inputs.sender)),
            ("contact", inputs.secure_contact),
            ("undertaking", "yes" if inputs.undertaking else "no"),
            ("territory", inputs.territory),
            ("elements in", ", ".join(inputs.element_territories)),
            ("nationalities", ", ".join(inputs.nationalities)),
            ("victim State", inputs.victim_state),
            ("supplements", f"{prior.sent_on} {prior.bundle_sha256} {prior.title}".strip() if prior else ""),
        ]
    )
    sys.stdout.write("Sections:\n")
    width = max(len(key) for key in SECTIONS)
    for key in SectionKey:
        section = inputs.sections.get(key)
        if section is None:
            state = "draft (generated until you write it)"
        else:
            paragraphs = len([p for p in section.text.split("\n\n") if p.strip()])
            state = f"written by {section.author}, {when(section.updated_at)} ({paragraphs} paragraph(s))"
        sys.stdout.write(f"  {key.value:<{width}}  {state}\n")
    return 0


def shown(inputs: DossierInputs) -> dict[str, Any]:
    """The inputs for scripts: every field, and every section as written (with its text) or draft."""
    result = to_jsonable(inputs)
    prior = inputs.supplement_to
    if prior is not None:
        result["supplement_to"] = {**result["supplement_to"], "sent_on": prior.sent_on.isoformat()}
    result["sections"] = {
        key.value: (
            {"status": "written", **to_jsonable(inputs.sections[key])}
            if key in inputs.sections
            else {"status": "draft"}
        )
        for key in SectionKey
    }
    return dict(result)


def cmd_set(args: argparse.Namespace) -> int:
    changes = _changes(args)
    if not changes:
        raise ValidationError("give at least one field to set (see `caseapp dossier set --help`)")
    with unlock.unlock(args) as case:
        result = case.records.set_dossier_fields(reason=args.reason, **changes)
    if args.json:
        print_json(shown(result.value))
    else:
        assert result.undo is not None
        sys.stdout.write(
            f"Set the dossier's {', '.join(n.replace('_', ' ') for n in result.undo.values)} "
            "(`caseapp undo` sets them back)\n"
        )
    return 0


def cmd_write(args: argparse.Namespace) -> int:
    text = read_text(args.file) if args.file is not None else args.text
    with unlock.unlock(args) as case:
        written = case.records.write_section(args.section, text, reason=args.reason).value
    if args.json:
        print_json({"section": args.section, "status": "written", **to_jsonable(written)})
    else:
        sys.stdout.write(f"Wrote the {args.section} section ({len(written.text)} characters)\n")
    return 0


def cmd_clear(args: argparse.Namespace) -> int:
    with unlock.unlock(args) as case:
        case.records.clear_section(args.section, reason=args.reason)
    if args.json:
        print_json({"section": args.section, "status": "draft"})
    else:
        sys.stdout.write(f"Cleared the {args.section} section; the dossier uses a generated draft (`caseapp undo`)\n")
    return 0
