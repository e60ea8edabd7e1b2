"""``caseapp incident suggest``: incidents suggested from exhibits' GPS positions and capture times,
to confirm (an incident with its exhibits linked) or dismiss; nothing is made without being asked.

    caseapp incident suggest [--radius 1km] [--window 6h] [--dismissed] [--json]
    caseapp incident suggest --confirm SUG-... [--title TEXT]     (same --radius/--window as listed)
    caseapp incident suggest --dismiss SUG-...  |  --undismiss SUG-...
"""

from __future__ import annotations

import argparse
import re
import sys
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from caseapp.cli import unlock
from caseapp.cli.output import print_json
from caseapp.core.errors import ValidationError
from caseapp.core.suggestions import DEFAULT_RADIUS_M, DEFAULT_WINDOW

if TYPE_CHECKING:
    from caseapp.cli.record_commands import Subparsers

_DISTANCE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(m|km)?\s*$", re.IGNORECASE)
_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(min|m|h|d)?\s*$", re.IGNORECASE)


def distance(text: str) -> float:
    """``1km``, ``600m``, ``600`` (metres) as metres."""
    found = _DISTANCE.match(text)
    if not found or float(found.group(1)) <= 0:
        raise argparse.ArgumentTypeError(f"{text!r} is not a distance such as 1km or 600m")
    value = float(found.group(1))
    return value * 1000 if (found.group(2) or "m").lower() == "km" else value


def duration(text: str) -> timedelta:
    """``6h``, ``90min``, ``2d``, ``6`` (hours) as a time span."""
    found = _DURATION.match(text)
    if not found or float(found.group(1)) <= 0:
        raise argparse.ArgumentTypeError(f"{text!r} is not a time span such as 6h, 90min or 2d")
    value, unit = float(found.group(1)), (found.group(2) or "h").lower()
    return {"min": timedelta(minutes=value), "m": timedelta(minutes=value), "h": timedelta(hours=value)}.get(
        unit, timedelta(days=value)
    )


def register(group_: Subparsers) -> None:
    from caseapp.cli.record_commands import command

    parser = command(
        group_,
        "suggest",
        "incidents suggested from exhibits' GPS positions and capture times; confirm or dismiss them",
        cmd_suggest,
    )
    parser.add_argument("--radius", type=distance, default=DEFAULT_RADIUS_M, help="how close in place (default 1km)")
    parser.add_argument("--window", type=duration, default=DEFAULT_WINDOW, help="how close in time (default 6h)")
    what = parser.add_mutually_exclusive_group()
    what.add_argument("--confirm", metavar="SUGGESTION", help="make it an incident and link its exhibits to it")
    what.add_argument("--dismiss", metavar="SUGGESTION", help="hide it from the listings (kept in the case)")
    what.add_argument("--undismiss", metavar="SUGGESTION", help="show a dismissed suggestion again")
    parser.add_argument("--title", help="with --confirm: the incident's title (default: its place and time)")
    parser.add_argument("--dismissed", action="store_true", help="list dismissed suggestions too")


def cmd_suggest(args: argparse.Namespace) -> int:
    if args.title is not None and not args.confirm:
        raise ValidationError("--title is given with --confirm SUGGESTION")
    with unlock.unlock(args) as case:
        records = case.records
        if args.confirm:
            result = records.confirm_suggestion(
                args.confirm, title=args.title, radius_m=args.radius, window=args.window
            )
            incident = result.value
            links = len(result.undo.values.get("with", [])) if result.undo else 0
            return _done(args, incident, f"Added {incident.ref}: {incident.title}, with {links} exhibits linked to it")
        if args.dismiss or args.undismiss:
            wanted = args.dismiss or args.undismiss
            done = records.dismiss_suggestion(wanted, dismiss=bool(args.dismiss)).value
            verb = "Dismissed" if args.dismiss else "Shown again:"
            return _done(args, {"suggestion": done, "dismissed": bool(args.dismiss)}, f"{verb} {done}")
        listed = records.incident_suggestions(
            radius_m=args.radius, window=args.window, include_dismissed=args.dismissed
        )
    if args.json:
        print_json(
            {
                "radius_m": listed.radius_m,
                "window_seconds": listed.window.total_seconds(),
                "suggestions": [
                    {**_jsonable(s), "dismissed": s.id in listed.dismissed_ids} for s in listed.suggestions
                ],
                "hidden_as_dismissed": listed.dismissed,
                "left_out": {"imprecise_time": listed.imprecise_time, "imprecise_place": listed.imprecise_place},
            }
        )
        return 0
    out = sys.stdout
    if not listed.suggestions:
        out.write("No suggestions: no exhibits close in place and time that no incident holds yet.\n")
    for s in listed.suggestions:
        mark = " (dismissed)" if s.id in listed.dismissed_ids else ""
        out.write(f"{s.id}{mark}  {s.reason}\n")
        out.write(f"    centre {s.latitude:.5f}, {s.longitude:.5f}; exhibits {', '.join(s.member_refs)}\n")
    notes = []
    if listed.dismissed:
        notes.append(f"{listed.dismissed} dismissed (--dismissed lists them)")
    if listed.imprecise_time:
        notes.append(f"{listed.imprecise_time} exhibits left out: capture time known less precisely than the window")
    if listed.imprecise_place:
        notes.append(f"{listed.imprecise_place} exhibits left out: place known less precisely than the radius")
    for note in notes:
        out.write(f"({note})\n")
    if listed.suggestions:
        out.write("Confirm one with: caseapp incident suggest --confirm SUG-... [--title TEXT]\n")
    return 0


def _jsonable(value: Any) -> Any:
    from caseapp.cli.output import to_jsonable

    data = to_jsonable(value)
    data["kinds"] = dict(value.kinds)
    return data


def _done(args: argparse.Namespace, value: Any, message: str) -> int:
    if args.json:
        print_json(value)
    else:
        sys.stdout.write(message + "\n")
    return 0
