"""``caseapp jurisdiction INC-n --crime CRIME [--territory XX] [--nationality XX]... [--json]``.

The incident's country (typed, set on the incident, or found offline from its coordinates) and its whole time range;
the answer for each period of the range over which it stays the same, and why it changes.
"""

from __future__ import annotations

import argparse
import json
import sys

from caseapp.cli import unlock
from caseapp.cli.legal_display import wrap
from caseapp.core.entities import Incident
from caseapp.core.errors import ValidationError
from caseapp.core.geo_lookup import Finding
from caseapp.core.legal.incident_jurisdiction import (
    CountryFrom,
    IncidentJurisdiction,
    TerritoryAnswers,
    incident_jurisdiction,
)
from caseapp.core.refs import RefKind, parse_ref_of

_MARK = {"met": "[met]", "not met": "[not met]", "uncertain": "[uncertain]"}


def incident_jurisdiction_command(args: argparse.Namespace) -> int:
    if args.date:
        raise ValidationError(
            f"--date is not used with an incident: {args.incident}'s own time range gives the dates "
            "(drop --date, or drop the incident to ask about one date)"
        )
    ref = parse_ref_of(args.incident, RefKind.INCIDENT)
    with unlock.unlock(args) as case:
        incident = case.records.get(ref, RefKind.INCIDENT)
    assert isinstance(incident, Incident)
    result = incident_jurisdiction(
        incident,
        args.crime,
        args.nationality,
        args.territory,
        element_territories=args.element_territory,
        victim_state=args.victim_state,
    )
    if args.json:
        json.dump(result.as_dict(), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        print_incident_answer(result)
    return 0


def _country_line(result: IncidentJurisdiction) -> str:
    codes = ", ".join(t.name for t in result.territories)
    if result.country_from is CountryFrom.TYPED:
        return f"Country: {codes} (typed with --territory)"
    if result.country_from is CountryFrom.INCIDENT:
        return f"Country: {codes} (set on the incident; its coordinates were not used)"
    found = result.located
    assert found is not None
    radius = "unknown" if found.radius_m is None else f"±{found.radius_m:g} m"
    where = f"from the coordinates {found.latitude}, {found.longitude} (precision {found.precision.value}, {radius})"
    if found.finding is Finding.UNCERTAIN:
        return f"Country: UNCERTAIN, {where}: may be {' or '.join(t.name for t in result.territories)}"
    return f"Country: {codes}, {where}"


def print_incident_answer(result: IncidentJurisdiction) -> None:
    print(f"Incident: {result.incident} {result.title}")
    print(wrap(_country_line(result), first="", indent="  "))
    if result.located is not None:
        for note in result.located.notes:
            print(wrap(note, indent="    ", first="  - "))
    span = str(result.start) if result.start == result.end else f"{result.start} to {result.end}"
    print(f"Range: {span} (time precision {result.time_precision}, zone {result.time_zone})")
    for note in result.notes:
        print(wrap(note, indent="    ", first="  - "))
    asked = [f"crime {result.crime}" if result.crime else "no crime given"]
    if result.nationalities:
        asked.append("accused national of " + ", ".join(result.nationalities))
    print("Question: " + "; ".join(asked))
    for territory in result.territories:
        shift = ", ".join(f"{c.day} ({c.before} -> {c.after})" for c in territory.changes if c.before != c.after)
        print(
            f"{territory.name}: the answer changes inside the range on {shift}."
            if shift
            else f"{territory.name}: the answer does not change inside the range."
        )
    for territory in result.territories:
        _print_territory(territory)
    if len(result.territories) > 1 and not result.depends_on_country:
        print("\nThe answer is the same whichever of these countries it is.")
    elif len(result.territories) > 1:
        print("\nThe answer depends on which country it is: confirm it with --territory.")
    caveats = result.territories[0].periods[0].answer.caveats
    print("\nCaveats:")
    for caveat in caveats:
        print(wrap(caveat, indent="    ", first="  - "))


def _print_territory(territory: TerritoryAnswers) -> None:
    print(f"\nOn the territory of {territory.name}:")
    if not territory.changes:
        answer = territory.periods[0].answer
        print(f"  Answer: {answer.verdict.value.upper()} over the whole range, the answer does not change.")
    for period in territory.periods:
        answer = period.answer
        if territory.changes:
            print(f"  {period.start} to {period.end}: {answer.verdict.value.upper()}")
        print(wrap(answer.summary, indent="    "))
        for ground in answer.grounds:
            print(wrap(f"{_MARK[ground.status.value]} {ground.title}", indent="      ", first="    "))
            print(wrap(ground.reason, indent="        "))
            print(wrap("; ".join(ground.sources), indent="        ", first="      Sources: "))
    for change in territory.changes:
        what = (
            f"The answer changes on {change.day} ({change.before} -> {change.after})"
            if change.before != change.after
            else f"The answer stays {change.before} but its grounds change on {change.day}"
        )
        print(
            wrap(
                f"{what} because: " + " ".join(change.because),
                indent="    ",
                first="  ",
            )
        )
