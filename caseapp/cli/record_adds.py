"""`KIND add` for each kind of record."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from caseapp.cli import unlock
from caseapp.cli.output import print_json
from caseapp.core.entities import (
    ExhibitKind,
    InformationCredibility,
    PersonRole,
    PlacePrecision,
    ProtectionLevel,
    Sensitivity,
    SourceReliability,
)
from caseapp.core.refs import RefKind, parse_ref, parse_ref_of

if TYPE_CHECKING:
    from caseapp.cli.record_commands import Subparsers


def register_add(group_: Subparsers, kind: RefKind) -> None:
    from caseapp.cli.record_commands import command

    if kind is RefKind.PERSON:
        add = command(group_, "add", "add a person; a pseudonym such as W-001 is given automatically", cmd_person_add)
        add.add_argument("--role", required=True, choices=[r.value for r in PersonRole])
        add.add_argument(
            "--name", default="", help="full name (kept encrypted; never in shared documents if protected)"
        )
        add.add_argument("--description", default="")
        add.add_argument(
            "--protection",
            choices=[p.value for p in ProtectionLevel],
            help="default: protected for victims and witnesses",
        )
    elif kind is RefKind.INCIDENT:
        add = command(group_, "add", "add an incident", cmd_incident_add)
        add.add_argument("--title", required=True)
        add.add_argument("--description", default="")
        add.add_argument(
            "--when", help="2016, 2016-12, 2016-12-13 or 2016-12-13T14:05 (in the case's time zone unless given)"
        )
        add.add_argument("--until", help="end of the time range, same forms")
        add.add_argument("--place", default="", help="place name")
        add.add_argument("--lat", type=float, help="latitude, decimal degrees")
        add.add_argument("--lon", type=float, help="longitude, decimal degrees")
        add.add_argument("--place-precision", choices=[p.value for p in PlacePrecision])
        add.add_argument("--country", help="the country it took place in, ISO 3166-1 alpha-2 (SY, UA, ...)")
        from caseapp.cli import suggestion_commands

        suggestion_commands.register(group_)  # incident suggest
    elif kind is RefKind.SOURCE:
        add = command(group_, "add", "add a source", cmd_source_add)
        add.add_argument("--name", required=True)
        add.add_argument("--reliability", default="F", type=str.upper, choices=[r.value for r in SourceReliability])
        add.add_argument("--credibility", default="6", choices=[c.value for c in InformationCredibility])
        add.add_argument("--description", default="")
    elif kind is RefKind.EXHIBIT:
        add = command(group_, "add", "add an exhibit record, e.g. a physical item", cmd_exhibit_add)
        add.add_argument("--title", required=True)
        add.add_argument("--kind", default="other", choices=[k.value for k in ExhibitKind])
        add.add_argument("--description", default="")
        add.add_argument("--source", help="SRC-n")
        add.add_argument("--sensitivity", default="none", choices=[s.value for s in Sensitivity])
        add.add_argument("--acquired", help="when it was acquired: 2016-12-13 or 2016-12-13T14:05")
    else:
        add = command(group_, "add", "add a note", cmd_note_add)
        add.add_argument("ref", help="EX-1, W-001, INC-2, SRC-3 or CASE")
        add.add_argument("text")


def done(args: argparse.Namespace, value: Any, message: str) -> int:
    if getattr(args, "json", False):
        print_json(value)
    else:
        sys.stdout.write(message + "\n")
    return 0


def cmd_person_add(args: argparse.Namespace) -> int:
    with unlock.unlock(args) as case:
        person = case.records.add_person(
            role=PersonRole(args.role),
            full_name=args.name,
            description=args.description,
            protection=ProtectionLevel(args.protection) if args.protection else None,
        ).value
    return done(args, person, f"Added {person.ref} ({person.role.value}, {person.protection.value})")


def cmd_incident_add(args: argparse.Namespace) -> int:
    with unlock.unlock(args) as case:
        incident = case.records.add_incident(
            title=args.title,
            description=args.description,
            when=args.when,
            until=args.until,
            place_name=args.place,
            latitude=args.lat,
            longitude=args.lon,
            place_precision=PlacePrecision(args.place_precision) if args.place_precision else None,
            country=args.country,
        ).value
    zone = f" (times in {incident.time_zone})" if incident.time_start is not None else ""
    return done(args, incident, f"Added {incident.ref}: {incident.title}{zone}")


def cmd_source_add(args: argparse.Namespace) -> int:
    with unlock.unlock(args) as case:
        source = case.records.add_source(
            name=args.name,
            reliability=SourceReliability(args.reliability),
            credibility=InformationCredibility(args.credibility),
            description=args.description,
        ).value
    return done(args, source, f"Added {source.ref}: {source.name} ({source.grading})")


def cmd_exhibit_add(args: argparse.Namespace) -> int:
    source = parse_ref_of(args.source, RefKind.SOURCE) if args.source else None
    with unlock.unlock(args) as case:
        exhibit = case.records.add_exhibit(
            title=args.title,
            kind=ExhibitKind(args.kind),
            description=args.description,
            source=source,
            sensitivity=Sensitivity(args.sensitivity),
            acquired=args.acquired,
        ).value
    return done(args, exhibit, f"Added {exhibit.ref}: {exhibit.title}")


def cmd_note_add(args: argparse.Namespace) -> int:
    target = parse_ref(args.ref)
    with unlock.unlock(args) as case:
        note = case.records.add_note(target, args.text).value
    return done(args, note, f"Added {note.ref} on {note.target_ref}")
