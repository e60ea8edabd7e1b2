"""Jurisdiction over an incident: its country and its whole time range, and whether the answer changes inside it.

The country is the one typed (``territory``), else the one set on the incident (its ``country``),
else the one its coordinates are in (:func:`caseapp.core.geo_lookup.country_at`, with the place
precision honoured). When the
coordinates leave the country uncertain, every country the place may be in is assessed.

The time range is the incident's (:func:`caseapp.core.timeline.incident_range`: a day, a month, a
typed span, an estimate widened), as calendar dates in the zone the incident was given in. The
answer of :func:`~caseapp.core.legal.jurisdiction.check_jurisdiction` is taken at the start of the
range and on every date inside it where the shipped data changes (entry into force of the Statute
or of an amendment for a State, a withdrawal taking effect, an Art 12(3) declaration's scope
starting or ending, a referral, an Art 124 declaration, the data date, ...): every date the data
holds, and the day after each (ends are sometimes inclusive), is tried, so none is missed. A date
where the verdict or any ground's status differs from the day before starts a new period; the
answer "changes" inside the range when the verdict does (a period may only change its grounds,
e.g. from "before the Statute" to "no State accepted", both outside).
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from caseapp.core.entities import Incident
from caseapp.core.errors import ValidationError
from caseapp.core.geo_lookup import CountryAt, Finding, country_at
from caseapp.core.legal.consent import name
from caseapp.core.legal.jurisdiction import JurisdictionAnswer, check_jurisdiction, parse_date
from caseapp.core.legal.loader import load_catalogue
from caseapp.core.legal.model import Catalogue
from caseapp.core.legal.states import JurisdictionData, load_jurisdiction_data
from caseapp.core.timeinput import zone
from caseapp.core.timeline import incident_range


class CountryFrom(enum.StrEnum):
    TYPED = "typed"
    INCIDENT = "incident"  # the country set on the incident
    COORDINATES = "coordinates"


@dataclass(frozen=True, slots=True)
class Period:
    """Dates ``start``..``end`` (both inclusive) over which the answer stays the same."""

    start: dt.date
    end: dt.date
    answer: JurisdictionAnswer

    def as_dict(self) -> dict[str, Any]:
        return {"from": self.start.isoformat(), "to": self.end.isoformat(), "answer": self.answer.as_dict()}


@dataclass(frozen=True, slots=True)
class Change:
    day: dt.date
    before: str
    after: str
    because: tuple[str, ...]

    def as_dict(self) -> dict[str, Any]:
        return {"date": self.day.isoformat(), "before": self.before, "after": self.after, "because": list(self.because)}


@dataclass(frozen=True, slots=True)
class TerritoryAnswers:
    territory: str
    name: str
    periods: tuple[Period, ...]
    changes: tuple[Change, ...]  # every date a verdict or a ground's status changes

    @property
    def verdict_changes(self) -> bool:
        """Whether the verdict itself changes inside the range (not only the grounds behind it)."""
        return any(c.before != c.after for c in self.changes)

    def as_dict(self) -> dict[str, Any]:
        return {
            "territory": self.territory,
            "name": self.name,
            "changes_inside_range": self.verdict_changes,
            "periods": [p.as_dict() for p in self.periods],
            "changes": [c.as_dict() for c in self.changes],
        }


@dataclass(frozen=True, slots=True)
class IncidentJurisdiction:
    incident: str
    title: str
    country_from: CountryFrom
    located: CountryAt | None  # the coordinates lookup, when the country came from it
    start: dt.date
    end: dt.date
    time_precision: str
    time_zone: str
    crime: str | None
    nationalities: tuple[str, ...]
    territories: tuple[TerritoryAnswers, ...]
    notes: tuple[str, ...]

    @property
    def changes(self) -> bool:
        """Whether the verdict changes inside the range (for any country the incident may be in)."""
        return any(t.verdict_changes for t in self.territories)

    @property
    def depends_on_country(self) -> bool:
        """Whether the countries the incident may be in get different answers."""
        return len({tuple(p.answer.verdict for p in t.periods) for t in self.territories}) > 1

    def as_dict(self) -> dict[str, Any]:
        return {
            "incident": self.incident,
            "title": self.title,
            "country": {
                "from": self.country_from.value,
                "candidates": [t.territory for t in self.territories],
                "uncertain": len(self.territories) > 1
                or (self.located is not None and self.located.finding is not Finding.FOUND),
                "lookup": self.located.as_dict() if self.located else None,
            },
            "range": {
                "from": self.start.isoformat(),
                "to": self.end.isoformat(),
                "precision": self.time_precision,
                "time_zone": self.time_zone,
            },
            "crime": self.crime,
            "nationalities": list(self.nationalities),
            "changes": self.changes,
            "depends_on_country": self.depends_on_country,
            "territories": [t.as_dict() for t in self.territories],
            "notes": list(self.notes),
        }


def incident_jurisdiction(
    incident: Incident,
    crime: str | None,
    nationalities: Sequence[str] = (),
    territory: str | None = None,
    *,
    element_territories: Sequence[str] = (),
    victim_state: str | None = None,
    data: JurisdictionData | None = None,
    catalogue: Catalogue | None = None,
) -> IncidentJurisdiction:
    """Assess jurisdiction over ``incident`` for ``crime`` across its whole time range (errors name what to give)."""
    data = data or load_jurisdiction_data()
    catalogue = catalogue or load_catalogue()
    located: CountryAt | None = None
    if territory:
        how, codes = CountryFrom.TYPED, [data.country(territory).iso2]
    elif incident.country:
        how, codes = CountryFrom.INCIDENT, [data.country(incident.country).iso2]
    else:
        how, located = CountryFrom.COORDINATES, _locate(incident)
        codes = list(located.candidates)
    start, end, notes = _dates(incident, data)
    answers = tuple(
        _over_range(
            _asker(
                code,
                element_territories=element_territories,
                nationalities=nationalities,
                crime=crime,
                victim_state=victim_state,
                data=data,
                catalogue=catalogue,
            ),
            code,
            name(data, code),
            start=start,
            end=end,
            data=data,
        )
        for code in codes
    )
    first = answers[0].periods[0].answer.query
    return IncidentJurisdiction(
        incident=incident.ref,
        title=incident.title,
        country_from=how,
        located=located,
        start=start,
        end=end,
        time_precision=incident.time_precision.value,
        time_zone=incident.time_zone,
        crime=first.crime,
        nationalities=first.nationalities,
        territories=answers,
        notes=tuple(notes),
    )


def jurisdiction_over_range(
    start: str | dt.date,
    end: str | dt.date,
    *,
    territory: str | None = None,
    element_territories: Sequence[str] = (),
    nationalities: Sequence[str] = (),
    crime: str | None = None,
    victim_state: str | None = None,
    data: JurisdictionData | None = None,
    catalogue: Catalogue | None = None,
) -> TerritoryAnswers:
    """The answer for every day ``start``..``end`` (both inclusive), in periods, with the dates it changes on:
    the same question as :func:`~caseapp.core.legal.jurisdiction.check_jurisdiction` asked over a range of
    dates instead of one. ``territory`` names the result ("" and "no territory given" when only a
    nationality is asked about). Errors name the bad value."""
    data = data or load_jurisdiction_data()
    catalogue = catalogue or load_catalogue()
    first, last = parse_date(start, data), parse_date(end, data)
    if last < first:
        raise ValidationError(f"the range ends on {last} before it starts on {first}: swap the two dates")
    code = data.country(territory).iso2 if territory else ""
    ask = _asker(
        code,
        element_territories=element_territories,
        nationalities=nationalities,
        crime=crime,
        victim_state=victim_state,
        data=data,
        catalogue=catalogue,
    )
    label = name(data, code) if code else "no territory given"
    return _over_range(ask, code, label, start=first, end=last, data=data)


def _asker(
    territory: str,
    *,
    element_territories: Sequence[str],
    nationalities: Sequence[str],
    crime: str | None,
    victim_state: str | None,
    data: JurisdictionData,
    catalogue: Catalogue,
) -> Callable[[dt.date], JurisdictionAnswer]:
    """The one question asked on any day of a range ("" territory: none given)."""

    def ask(day: dt.date) -> JurisdictionAnswer:
        return check_jurisdiction(
            date=day,
            territory=territory or None,
            element_territories=element_territories,
            nationalities=nationalities,
            crime=crime,
            victim_state=victim_state,
            data=data,
            catalogue=catalogue,
        )

    return ask


def _locate(incident: Incident) -> CountryAt:
    if incident.latitude is None or incident.longitude is None:
        raise ValidationError(
            f"{incident.ref} has no coordinates and no country set, so its country cannot be found: give it "
            "with --territory (an ISO 3166-1 code such as SY), or set it with `caseapp incident edit "
            f"{incident.ref} --country SY` (or --lat ... --lon ...)"
        )
    found = country_at(incident.latitude, incident.longitude, incident.place_precision)
    if not found.candidates:
        raise ValidationError(
            f"{incident.ref} is at {incident.latitude}, {incident.longitude}, which is in no country on the shipped "
            "outlines (the sea, or Antarctica): check the coordinates, or give the country with --territory "
            "(e.g. --territory SY); for a ship or aircraft give the State of registration."
        )
    return found


def _dates(incident: Incident, data: JurisdictionData) -> tuple[dt.date, dt.date, list[str]]:
    span = incident_range(incident)
    if span is None:
        raise ValidationError(
            f"{incident.ref} has no time, so there is no date to check: set it with "
            f"`caseapp incident edit {incident.ref} --when 2016-04-27` (or --when ... --until ... for a span)"
        )
    where = zone(incident.time_zone)
    start, end = (moment.astimezone(where).date() for moment in span)
    notes: list[str] = []
    if end < data.statute_adopted:
        raise ValidationError(
            f"{incident.ref} happened by {end}, before the Rome Statute was adopted on {data.statute_adopted}: "
            "the Court can never have jurisdiction over it (Art 11(1), Art 24(1))"
        )
    if start < data.statute_adopted:
        notes.append(f"The range starts before the Statute was adopted; it is checked from {data.statute_adopted}.")
        start = data.statute_adopted
    return start, end, notes


def data_dates(data: JurisdictionData) -> set[dt.date]:
    """Every date on which the shipped jurisdiction data may change an answer (and the day after each)."""
    found: set[dt.date | None] = {data.statute_in_force, data.aggression_activation, data.as_of}
    for party in data.parties.values():
        found |= {party.start, party.end, party.pending_end, party.eif_alternative}
    for decl in data.declarations:
        found |= {decl.start, decl.end}
    for referral in data.referrals:
        found.add(referral.start)
    for amendment in data.amendments:
        found.add(amendment.decisive_until)
        found |= {a.in_force for a in amendment.acceptances.values()}
    for art124 in data.art124:
        found |= {art124.start, art124.end, art124.uncertain_from, art124.uncertain_until}
    for predecessor in data.predecessors:
        found |= {predecessor.start, predecessor.end}
    for announced in data.announced_withdrawals.values():
        found.add(announced.earliest_effect)
    days = {d for d in found if d is not None}
    return days | {d + dt.timedelta(days=1) for d in days}


def _key(answer: JurisdictionAnswer) -> tuple[object, ...]:
    return (answer.verdict, tuple((g.kind, g.state, g.title, g.status) for g in answer.grounds))


def _over_range(
    ask: Callable[[dt.date], JurisdictionAnswer],
    code: str,
    label: str,
    *,
    start: dt.date,
    end: dt.date,
    data: JurisdictionData,
) -> TerritoryAnswers:
    periods: list[Period] = []
    changes: list[Change] = []
    current_start, current = start, ask(start)
    for day in _inside(start, end, data):
        answer = ask(day)
        if _key(answer) == _key(current):
            continue
        periods.append(Period(current_start, day - dt.timedelta(days=1), current))
        changes.append(Change(day, current.verdict.value, answer.verdict.value, tuple(_because(current, answer))))
        current_start, current = day, answer
    periods.append(Period(current_start, end, current))
    return TerritoryAnswers(code, label, tuple(periods), tuple(changes))


def _inside(start: dt.date, end: dt.date, data: JurisdictionData) -> list[dt.date]:
    return sorted(d for d in data_dates(data) if start < d <= end)


def _because(before: JurisdictionAnswer, after: JurisdictionAnswer) -> Iterator[str]:
    """The grounds whose status changed, each with its new reason."""
    old = {(g.kind, g.state, g.title): g for g in before.grounds}
    new = {(g.kind, g.state, g.title): g for g in after.grounds}
    for key, ground in new.items():
        was = old.get(key)
        if was is None:
            yield f"{ground.title} now applies ({ground.status.value}): {ground.reason}"
        elif was.status is not ground.status:
            yield f"{ground.title}: {was.status.value} -> {ground.status.value}. {ground.reason}"
    for key, ground in old.items():
        if key not in new:
            yield f"{ground.title} no longer applies (was {ground.status.value})."
