"""Commands on the records of a case, one shape for every kind (person, incident, source,
exhibit, note):

    KIND add ...            KIND list [--deleted] [--json]      KIND show REF [--json]
    KIND edit REF --FIELD VALUE ... --reason TEXT               KIND delete REF --reason TEXT
    KIND restore REF

``caseapp list`` and ``caseapp show`` are the exhibit listing and detail (the same commands as
``exhibit list`` and ``exhibit show``)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import Any, TypeAlias

from caseapp.cli import unlock
from caseapp.cli.output import print_json, print_table, when
from caseapp.cli.show import show_record
from caseapp.core.entities import (
    ExhibitKind,
    InformationCredibility,
    LinkStance,
    PersonRole,
    PlacePrecision,
    ProtectionLevel,
    Sensitivity,
    SourceReliability,
)
from caseapp.core.ports import Deleted, ExhibitQuery, ExhibitSort, Page, RecordQuery
from caseapp.core.refs import RefKind, parse_ref, parse_ref_of
from caseapp.core.services.editing import Dependents

Subparsers: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"

# Command-line option -> edit field, per kind (what `KIND edit` accepts).
EDIT_OPTIONS: dict[RefKind, list[tuple[str, str, dict[str, Any]]]] = {
    RefKind.PERSON: [
        ("--role", "role", {"choices": [r.value for r in PersonRole]}),
        ("--protection", "protection", {"choices": [p.value for p in ProtectionLevel]}),
        ("--name", "full_name", {}),
        ("--description", "description", {}),
        ("--risk", "risk", {"choices": ["low", "medium", "high", "unknown"]}),
    ],
    RefKind.INCIDENT: [
        ("--title", "title", {}),
        ("--description", "description", {}),
        ("--when", "when", {"help": "2016, 2016-12, 2016-12-13 or 2016-12-13T14:05 (the case's zone unless given)"}),
        ("--until", "until", {}),
        ("--place", "place_name", {}),
        ("--lat", "latitude", {"type": float}),
        ("--lon", "longitude", {"type": float}),
        ("--place-precision", "place_precision", {"choices": [p.value for p in PlacePrecision]}),
        ("--country", "country", {"help": "ISO 3166-1 alpha-2 code (SY, UA, ...); an empty value clears it"}),
    ],
    RefKind.SOURCE: [
        ("--name", "name", {}),
        ("--description", "description", {}),
        ("--reliability", "reliability", {"choices": [r.value for r in SourceReliability]}),
        ("--credibility", "credibility", {"choices": [c.value for c in InformationCredibility]}),
    ],
    RefKind.EXHIBIT: [
        ("--title", "title", {}),
        ("--description", "description", {}),
        ("--kind", "kind", {"choices": [k.value for k in ExhibitKind]}),
        ("--sensitivity", "sensitivity", {"choices": [s.value for s in Sensitivity]}),
        ("--source", "source", {"help": "SRC-n, or '' for none"}),
        ("--acquired", "acquired", {}),
    ],
    RefKind.NOTE: [("--text", "text", {})],
    RefKind.LINK: [
        ("--stance", "stance", {"choices": [s.value for s in LinkStance]}),
        ("--reasoning", "reasoning", {}),
    ],
    RefKind.CHARGE: [
        ("--crime", "crime_id", {}),
        ("--status", "status", {"choices": ["draft", "supported", "ready"]}),
        ("--analysis", "analysis", {}),
        ("--suspect", "suspect_refs", {"action": "append", "help": "the suspects now (each with a --mode)"}),
        ("--mode", "suspect_modes", {"action": "append"}),
        ("--incident", "incidents", {"action": "append", "help": "the incidents now (repeat)"}),
    ],
    RefKind.ELEMENT_LINK: [
        ("--element", "element_id", {}),
        ("--stance", "stance", {"choices": [s.value for s in LinkStance]}),
        ("--weight", "weight", {"choices": ["maybe", "likely", "certain"]}),
        ("--basis", "basis", {"choices": ["observed", "alleged"]}),
        ("--excerpt", "excerpt", {"help": "page=3, time=0:42-1:10, chars=120-380;quote=... ('' for the whole)"}),
        ("--reasoning", "reasoning", {}),
    ],
}
KIND_WORD = {
    RefKind.PERSON: "person",
    RefKind.INCIDENT: "incident",
    RefKind.SOURCE: "source",
    RefKind.EXHIBIT: "exhibit",
    RefKind.NOTE: "note",
    RefKind.LINK: "link",
    RefKind.CHARGE: "charge",
    RefKind.ELEMENT_LINK: "element-link",
}


def group(subparsers: Subparsers, name: str, help_text: str) -> Subparsers:
    parser = subparsers.add_parser(name, help=help_text)
    parser.set_defaults(func=lambda _args, p=parser: (p.print_help(), 1)[1])
    return parser.add_subparsers(metavar="ACTION", parser_class=type(parser))


def command(
    group_: Subparsers, name: str, help_text: str, func: Callable[[argparse.Namespace], int], *, json: bool = True
) -> argparse.ArgumentParser:
    parser = group_.add_parser(name, help=help_text)
    unlock.add_case_options(parser)
    if json:
        parser.add_argument("--json", action="store_true", help="print JSON for scripts")
    parser.set_defaults(func=func)
    return parser


def add_listing_options(parser: argparse.ArgumentParser) -> None:
    shown = parser.add_mutually_exclusive_group()
    shown.add_argument("--deleted", action="store_true", help="show deleted records too")
    shown.add_argument("--only-deleted", action="store_true", help="show only deleted records")
    parser.add_argument("--limit", type=int, help="at most this many")
    parser.add_argument("--offset", type=int, default=0, help="skip this many first")


def deleted_choice(args: argparse.Namespace) -> Deleted:
    if getattr(args, "only_deleted", False):
        return Deleted.ONLY
    return Deleted.INCLUDE if getattr(args, "deleted", False) else Deleted.HIDE


def page(args: argparse.Namespace) -> Page:
    return Page(offset=max(0, args.offset or 0), limit=args.limit)


def register_common(group_: Subparsers, kind: RefKind) -> None:
    """show / edit / delete / restore for one kind of record."""
    word = KIND_WORD[kind]
    show = command(group_, "show", f"show one {word}", cmd_show)
    show.add_argument("ref")
    if kind is RefKind.PERSON:
        show.add_argument("--reveal", action="store_true", help="show the real name and identity (recorded in custody)")
        from caseapp.cli import person_commands

        person_commands.register(group_)
    edit = command(group_, "edit", f"change fields of a {word}, saying why (recorded in custody)", cmd_edit)
    edit.add_argument("ref")
    for option, field, extra in EDIT_OPTIONS[kind]:
        edit.add_argument(option, dest=f"field_{field}", **extra)
    edit.add_argument("--reason", required=True, help="why the change is made")
    delete = command(group_, "delete", f"delete a {word} (a tombstone; `restore` takes it back)", cmd_delete)
    delete.add_argument("ref")
    delete.add_argument("--reason", required=True, help="why it is deleted")
    what = delete.add_mutually_exclusive_group()
    what.add_argument("--with-dependents", action="store_true", help="also delete the links and notes on it")
    what.add_argument("--keep-dependents", action="store_true", help="delete it alone; its links and notes stay")
    restore = command(group_, "restore", f"restore a deleted {word}", cmd_restore)
    restore.add_argument("ref")
    for parser in (show, edit, delete, restore):
        parser.set_defaults(kind=kind)


def register(subparsers: Subparsers) -> None:
    from caseapp.cli import record_adds

    for kind, help_text in (
        (RefKind.PERSON, "persons: victims, witnesses, suspects (protected names stay hidden)"),
        (RefKind.INCIDENT, "incidents: what happened, when and where"),
        (RefKind.SOURCE, "sources of evidence with their Admiralty grading"),
        (RefKind.EXHIBIT, "exhibits: items of evidence (files come in with `import`)"),
        (RefKind.NOTE, "notes on a record or on the CASE"),
    ):
        group_ = group(subparsers, KIND_WORD[kind], help_text)
        record_adds.register_add(group_, kind)
        listing = command(group_, "list", f"list {KIND_WORD[kind]}s", cmd_list)
        listing.set_defaults(kind=kind)
        add_listing_options(listing)
        if kind is RefKind.EXHIBIT:
            add_exhibit_filters(listing)
            from caseapp.cli import redact_commands

            redact_commands.register(group_)
        if kind is RefKind.NOTE:
            listing.add_argument("ref", nargs="?", help="only the notes on this record (or CASE)")
        register_common(group_, kind)
    listing = subparsers.add_parser("list", help="list exhibits (the same as `exhibit list`)")
    unlock.add_case_options(listing)
    listing.add_argument("--json", action="store_true", help="print JSON for scripts")
    add_listing_options(listing)
    add_exhibit_filters(listing)
    listing.set_defaults(func=cmd_list, kind=RefKind.EXHIBIT)
    show = subparsers.add_parser("show", help="show any record by its ref (EX-1, W-001, INC-2, LNK-3 ...)")
    unlock.add_case_options(show)
    show.add_argument("ref")
    show.add_argument("--json", action="store_true", help="print JSON for scripts")
    show.add_argument("--reveal", action="store_true", help="for a person: show the real name (recorded)")
    show.set_defaults(func=cmd_show, kind=None)


def add_exhibit_filters(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--kind", "--type", dest="exhibit_kind", choices=[k.value for k in ExhibitKind])
    parser.add_argument("--tag")
    parser.add_argument("--search", metavar="TEXT", help="words in titles, descriptions and extracted text")
    parser.add_argument("--source", help="only exhibits from this source (SRC-n)")
    parser.add_argument("--sort", choices=[s.value for s in ExhibitSort], default=ExhibitSort.REF.value)
    parser.add_argument("--descending", action="store_true")


def cmd_list(args: argparse.Namespace) -> int:
    kind: RefKind = args.kind
    query = RecordQuery(deleted=deleted_choice(args), page=page(args))
    with unlock.unlock(args) as case:
        records = case.records
        if kind is RefKind.EXHIBIT:
            source = records.target(parse_ref_of(args.source, RefKind.SOURCE)).id if args.source else None
            exhibit_query = ExhibitQuery(
                kind=ExhibitKind(args.exhibit_kind) if args.exhibit_kind else None,
                tag=args.tag,
                text=args.search,
                source_id=source,
                sort=ExhibitSort(args.sort),
                descending=args.descending,
                deleted=query.deleted,
                page=query.page,
            )
            found: list[Any] = records.exhibits(exhibit_query)
        elif kind is RefKind.PERSON:
            found = records.persons(query)
        elif kind is RefKind.INCIDENT:
            found = records.incidents(query)
        elif kind is RefKind.SOURCE:
            found = records.sources(query)
        else:
            found = records.notes(parse_ref(args.ref) if args.ref else None, query)
    if args.json:
        print_json(found)
        return 0
    print_listing(kind, found)
    return 0


def _deleted_mark(record: Any) -> str:
    return " (deleted)" if getattr(record, "deleted", None) is not None else ""


def print_listing(kind: RefKind, found: list[Any]) -> None:
    if kind is RefKind.PERSON:
        rows = [
            [
                p.ref + _deleted_mark(p),
                p.role.value,
                p.protection.value,
                "(hidden)" if p.name_hidden else p.full_name,
                ",".join(p.tags),
            ]
            for p in found
        ]
        print_table(["ref", "role", "protection", "name", "tags"], rows)
    elif kind is RefKind.INCIDENT:
        rows = []
        for i in found:
            where = i.place_name + (f" ({i.latitude:.5f}, {i.longitude:.5f})" if i.latitude is not None else "")
            day = i.time_precision.value in ("day", "month", "year")
            rows.append(
                [
                    i.ref + _deleted_mark(i),
                    when(i.time_start, day_only=day, keep_zone=True),
                    i.time_precision.value,
                    where,
                    i.title,
                    ",".join(i.tags),
                ]
            )
        print_table(["ref", "from", "precision", "place", "title", "tags"], rows)
    elif kind is RefKind.SOURCE:
        print_table(
            ["ref", "grading", "name", "tags"],
            [[s.ref + _deleted_mark(s), s.grading, s.name, ",".join(s.tags)] for s in found],
        )
    elif kind is RefKind.NOTE:
        print_table(
            ["ref", "on", "when", "author", "text"],
            [[n.ref + _deleted_mark(n), n.target_ref, when(n.created_at), n.author, n.text] for n in found],
        )
    else:
        print_table(
            ["ref", "kind", "type", "size", "captured", "source", "links", "tags", "title"],
            [
                [
                    e.ref + _deleted_mark(e),
                    e.kind.value,
                    e.mime or "",
                    e.size if e.size is not None else "",
                    e.captured or "",
                    e.source_ref or "",
                    e.link_count or "",
                    ",".join(e.tags),
                    e.title,
                ]
                for e in found
            ],
        )


def cmd_show(args: argparse.Namespace) -> int:
    ref = parse_ref(args.ref) if args.kind is None else parse_ref_of(args.ref, args.kind)
    with unlock.unlock(args) as case:
        return show_record(case, ref, as_json=args.json, reveal=getattr(args, "reveal", False))


def cmd_edit(args: argparse.Namespace) -> int:
    kind: RefKind = args.kind
    values = {field: getattr(args, f"field_{field}") for _, field, _ in EDIT_OPTIONS[kind]}
    values = {field: value for field, value in values.items() if value is not None}
    if "suspect_refs" in values or "suspect_modes" in values:
        from caseapp.cli.case_building import suspect_pairs

        values["suspects"] = suspect_pairs(values.pop("suspect_refs", None), values.pop("suspect_modes", None))
    ref = parse_ref_of(args.ref, kind)
    with unlock.unlock(args) as case:
        result = case.records.edit(ref, values, reason=args.reason)
    if args.json:
        print_json(result.value)
    else:
        sys.stdout.write(f"Changed {', '.join(values)} of {ref}\n")
    return 0


def cmd_delete(args: argparse.Namespace) -> int:
    ref = parse_ref_of(args.ref, args.kind)
    dependents = (
        Dependents.DELETE if args.with_dependents else Dependents.KEEP if args.keep_dependents else Dependents.REFUSE
    )
    with unlock.unlock(args) as case:
        result = case.records.delete(ref, reason=args.reason, dependents=dependents)
    if args.json:
        print_json({"id": result.value.id, "ref": result.value.ref, "deleted": True})
    else:
        sys.stdout.write(
            f"Deleted {result.value.ref} (`{KIND_WORD[args.kind]} restore {result.value.ref}` takes it back)\n"
        )
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    ref = parse_ref_of(args.ref, args.kind)
    with unlock.unlock(args) as case:
        result = case.records.restore(ref)
    if args.json:
        print_json(result.value)
    else:
        sys.stdout.write(f"Restored {result.value.ref}\n")
    return 0
