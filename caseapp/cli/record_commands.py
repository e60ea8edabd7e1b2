"""Commands that add and list records: person, incident, source, exhibit, tag, note, link."""

from __future__ import annotations

import argparse
import sys
from typing import TypeAlias

from caseapp.cli import unlock
from caseapp.cli.output import print_json, print_table, when
from caseapp.core.entities import ExhibitKind, PersonRole, ProtectionLevel, Sensitivity
from caseapp.core.ports import ExhibitQuery

Subparsers: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"


def _group(subparsers: Subparsers, name: str, help_text: str) -> Subparsers:
    parser = subparsers.add_parser(name, help=help_text)
    parser.set_defaults(func=lambda _args, p=parser: (p.print_help(), 1)[1])
    return parser.add_subparsers(metavar="ACTION", parser_class=type(parser))


def _command(
    group: Subparsers, name: str, help_text: str, func: object, *, json: bool = False
) -> argparse.ArgumentParser:
    parser = group.add_parser(name, help=help_text)
    unlock.add_case_options(parser)
    if json:
        parser.add_argument("--json", action="store_true", help="print JSON for scripts")
    parser.set_defaults(func=func)
    return parser


def register(subparsers: Subparsers) -> None:
    _register_records(subparsers)
    _register_annotations(subparsers)


def _register_records(subparsers: Subparsers) -> None:
    persons = _group(subparsers, "person", "add or list persons (victims, witnesses, suspects)")
    add = _command(
        persons, "add", "add a person; a pseudonym such as W-001 is given automatically", cmd_person_add, json=True
    )
    add.add_argument("--role", required=True, choices=[r.value for r in PersonRole])
    add.add_argument("--name", default="", help="full name (kept encrypted; never in shared documents if protected)")
    add.add_argument("--description", default="")
    add.add_argument(
        "--protection", choices=[p.value for p in ProtectionLevel], help="default: protected for victims and witnesses"
    )
    _command(persons, "list", "list persons", cmd_person_list, json=True)

    incidents = _group(subparsers, "incident", "add or list incidents")
    add = _command(incidents, "add", "add an incident", cmd_incident_add, json=True)
    add.add_argument("--title", required=True)
    add.add_argument("--description", default="")
    add.add_argument("--when", help="2016, 2016-12, 2016-12-13 or 2016-12-13T14:05Z")
    add.add_argument("--until", help="end of the time range, same forms")
    add.add_argument("--place", default="", help="place name")
    add.add_argument("--lat", type=float, help="latitude, decimal degrees")
    add.add_argument("--lon", type=float, help="longitude, decimal degrees")
    add.add_argument("--place-precision", choices=["exact", "vicinity", "locality", "region", "unknown"])
    _command(incidents, "list", "list incidents", cmd_incident_list, json=True)

    sources = _group(subparsers, "source", "add or list sources with their Admiralty grading")
    add = _command(sources, "add", "add a source", cmd_source_add, json=True)
    add.add_argument("--name", required=True)
    add.add_argument("--reliability", default="F", help="A (completely reliable) to F (cannot be judged)")
    add.add_argument("--credibility", default="6", help="1 (confirmed) to 6 (cannot be judged)")
    add.add_argument("--description", default="")
    _command(sources, "list", "list sources", cmd_source_list, json=True)

    exhibits = _group(subparsers, "exhibit", "add or list exhibit records (files come in with `import`)")
    add = _command(exhibits, "add", "add an exhibit record, e.g. a physical item", cmd_exhibit_add, json=True)
    add.add_argument("--title", required=True)
    add.add_argument("--kind", default="other", choices=[k.value for k in ExhibitKind])
    add.add_argument("--description", default="")
    add.add_argument("--source", help="SRC-n")
    add.add_argument("--sensitivity", default="none", choices=[s.value for s in Sensitivity])
    add.add_argument("--acquired", help="when it was acquired: 2016-12-13 or 2016-12-13T14:05Z")
    listing = _command(exhibits, "list", "list exhibit records", cmd_exhibit_list, json=True)
    listing.add_argument("--kind", choices=[k.value for k in ExhibitKind])
    listing.add_argument("--tag")
    listing.add_argument("--search", help="text in the title or description")


def _register_annotations(subparsers: Subparsers) -> None:
    tag = subparsers.add_parser("tag", help="tag a record (EX-1, W-001, INC-2, SRC-3), or list tags")
    unlock.add_case_options(tag)
    tag.add_argument("ref", nargs="?", help="record to tag; without it, list all tags with counts")
    tag.add_argument("tags", nargs="*", help="tags to add")
    tag.add_argument("--remove", action="store_true", help="remove the tags instead")
    tag.add_argument("--json", action="store_true")
    tag.set_defaults(func=cmd_tag)

    notes = _group(subparsers, "note", "add or list notes on a record or on the CASE")
    add = _command(notes, "add", "add a note", cmd_note_add, json=True)
    add.add_argument("ref", help="EX-1, W-001, INC-2, SRC-3 or CASE")
    add.add_argument("text")
    listing = _command(notes, "list", "list notes", cmd_note_list, json=True)
    listing.add_argument("ref", nargs="?")

    link = subparsers.add_parser("link", help="link an exhibit to a person or incident, saying what it shows")
    unlock.add_case_options(link)
    link.add_argument("exhibit", help="EX-n")
    link.add_argument("target", help="a person (W-001) or an incident (INC-n)")
    link.add_argument("--reasoning", required=True, help="what this exhibit shows about the target")
    link.add_argument("--stance", default="supports", choices=["supports", "contradicts", "context"])
    link.add_argument("--json", action="store_true")
    link.set_defaults(func=cmd_link)


def _done(args: argparse.Namespace, value: object, message: str) -> int:
    if getattr(args, "json", False):
        print_json(value)
    else:
        sys.stdout.write(message + "\n")
    return 0


def cmd_person_add(args: argparse.Namespace) -> int:
    with unlock.unlock(args) as case:
        person, _ = case.records.add_person(
            role=args.role, full_name=args.name, description=args.description, protection=args.protection
        )
    return _done(args, person, f"Added {person.pseudonym} ({person.role.value}, {person.protection.value})")


def cmd_person_list(args: argparse.Namespace) -> int:
    with unlock.unlock(args) as case:
        persons = case.records.persons()
    if args.json:
        print_json(persons)
    else:
        print_table(
            ["pseudonym", "role", "protection", "name"],
            [[p.pseudonym, p.role.value, p.protection.value, p.full_name] for p in persons],
        )
    return 0


def cmd_incident_add(args: argparse.Namespace) -> int:
    with unlock.unlock(args) as case:
        incident, _ = case.records.add_incident(
            title=args.title,
            description=args.description,
            when=args.when,
            until=args.until,
            place_name=args.place,
            latitude=args.lat,
            longitude=args.lon,
            place_precision=args.place_precision,
        )
    return _done(args, incident, f"Added {incident.ref}: {incident.title}")


def cmd_incident_list(args: argparse.Namespace) -> int:
    with unlock.unlock(args) as case:
        incidents = case.records.incidents()
    if args.json:
        print_json(incidents)
    else:
        rows = []
        for i in incidents:
            where = i.place_name + (f" ({i.latitude:.5f}, {i.longitude:.5f})" if i.latitude is not None else "")
            rows.append([i.ref, when(i.time_start), i.time_precision.value, where, i.title])
        print_table(["ref", "from", "precision", "place", "title"], rows)
    return 0


def cmd_source_add(args: argparse.Namespace) -> int:
    with unlock.unlock(args) as case:
        source, _ = case.records.add_source(
            name=args.name, reliability=args.reliability, credibility=args.credibility, description=args.description
        )
    return _done(args, source, f"Added {source.ref}: {source.name} ({source.grading})")


def cmd_source_list(args: argparse.Namespace) -> int:
    with unlock.unlock(args) as case:
        sources = case.records.sources()
    if args.json:
        print_json(sources)
    else:
        print_table(["ref", "grading", "name"], [[s.ref, s.grading, s.name] for s in sources])
    return 0


def cmd_exhibit_add(args: argparse.Namespace) -> int:
    with unlock.unlock(args) as case:
        exhibit, _ = case.records.add_exhibit(
            title=args.title,
            kind=args.kind,
            description=args.description,
            source=args.source,
            sensitivity=args.sensitivity,
            acquired=args.acquired,
        )
    return _done(args, exhibit, f"Added {exhibit.ref}: {exhibit.title}")


def cmd_exhibit_list(args: argparse.Namespace) -> int:
    query = ExhibitQuery(kind=ExhibitKind(args.kind) if args.kind else None, tag=args.tag, text=args.search)
    with unlock.unlock(args) as case:
        exhibits = case.records.exhibits(query)
    if args.json:
        print_json(exhibits)
    else:
        print_table(
            ["ref", "kind", "acquired", "tags", "title"],
            [[e.ref, e.kind.value, when(e.acquired_at), ",".join(e.tags), e.title] for e in exhibits],
        )
    return 0


def cmd_tag(args: argparse.Namespace) -> int:
    with unlock.unlock(args) as case:
        if args.ref is None:
            counts = case.records.tag_counts()
            if args.json:
                print_json([{"tag": name, "count": count} for name, count in counts])
            else:
                print_table(["tag", "count"], counts)
            return 0
        if args.tags:
            case.records.tag(args.ref, args.tags, remove=args.remove)
        tags = case.records.tags_of(args.ref)
    if args.json:
        print_json({"ref": args.ref.upper(), "tags": tags})
    else:
        sys.stdout.write(f"{args.ref.upper()}: {', '.join(tags) if tags else '(no tags)'}\n")
    return 0


def cmd_note_add(args: argparse.Namespace) -> int:
    with unlock.unlock(args) as case:
        note, _ = case.records.add_note(args.ref, args.text)
    return _done(args, note, f"Added note {note.id} on {note.target}")


def cmd_note_list(args: argparse.Namespace) -> int:
    with unlock.unlock(args) as case:
        notes = case.records.notes(args.ref)
    if args.json:
        print_json(notes)
    else:
        print_table(
            ["id", "on", "when", "author", "text"],
            [[n.id, n.target, when(n.created_at), n.author, n.text] for n in notes],
        )
    return 0


def cmd_link(args: argparse.Namespace) -> int:
    with unlock.unlock(args) as case:
        link, _ = case.records.link(args.exhibit, args.target, reasoning=args.reasoning, stance=args.stance)
    return _done(args, link, f"Linked EX-{link.exhibit_id} to {link.target} ({link.stance.value})")
