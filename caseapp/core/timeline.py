"""Timeline and map data: incidents and dated exhibits as entries with a time range, a place and
its precision, in time order (a pure function over records; the GUI's timeline and map read it).

Each entry's ``start``/``end`` is the range within which the event happened, from how precisely
its time is known:

- an incident's own range (``2016-04-27`` is the whole day in the zone it was given in;
  ``2016-04`` the whole month; ``--when ... --until ...`` the span typed); an incident whose
  precision is ``estimated`` is widened by :data:`ESTIMATE_MARGIN` on each side;
- an exhibit's capture time as its file recorded it (EXIF, PDF, video metadata): a time with
  seconds is exact, a date alone a day, a year-month a month; a time without a zone is read in the
  case's zone and the entry says so (``zone_assumed``).

Records with no time (an incident without ``--when``, an exhibit whose file recorded no capture
time) are counted apart, as are capture times that cannot be read.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from uuid import UUID

from caseapp.core.entities import Exhibit, Incident, PlacePrecision, TimePrecision
from caseapp.core.errors import ValidationError
from caseapp.core.refs import ref_number
from caseapp.core.timeinput import parse_time_range

ESTIMATE_MARGIN = timedelta(days=7)
"""How far an estimated time may be off, on each side of the range given."""


class EntryKind(enum.StrEnum):
    INCIDENT = "incident"
    EXHIBIT = "exhibit"


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    kind: EntryKind
    id: UUID
    ref: str
    title: str
    start: datetime  # UTC: the earliest the event may have happened
    end: datetime  # UTC: the latest (equal to start for an exact time)
    time_precision: TimePrecision
    time_zone: str  # the zone the time was given or recorded in (to show it as the user saw it)
    place_name: str
    place_precision: PlacePrecision
    latitude: float | None
    longitude: float | None
    zone_assumed: bool = False  # a capture time without a zone, read in the case's zone

    @property
    def has_coordinates(self) -> bool:
        return self.latitude is not None and self.longitude is not None


@dataclass(frozen=True, slots=True)
class Timeline:
    entries: tuple[TimelineEntry, ...]
    undated: dict[str, int] = field(default_factory=dict)
    """Records without a usable time, by kind (``incident``, ``exhibit``)."""
    unreadable: tuple[str, ...] = ()
    """Refs of exhibits whose recorded capture time could not be read (counted as undated)."""

    @property
    def undated_total(self) -> int:
        return sum(self.undated.values())


def incident_range(incident: Incident) -> tuple[datetime, datetime] | None:
    """The range within which an incident happened, or None when it has no time."""
    if incident.time_start is None:
        return None
    start = incident.time_start.astimezone(UTC)
    end = incident.time_end.astimezone(UTC) if incident.time_end is not None else start
    if incident.time_precision is TimePrecision.ESTIMATED:
        start, end = start - ESTIMATE_MARGIN, end + ESTIMATE_MARGIN
    return start, end


def captured_range(captured: str, case_zone: str) -> tuple[datetime, datetime, TimePrecision, str, bool]:
    """(start, end, precision, zone, zone assumed) of a recorded capture time; raises
    ValidationError when it cannot be read."""
    text = captured.strip().replace(" ", "T", 1) if len(captured.strip()) > 10 else captured.strip()
    start, end, precision, zone = parse_time_range(text, case_zone)
    assumed = precision is TimePrecision.EXACT and zone == case_zone and not _has_offset(text)
    return start, end, precision, zone, assumed


def _has_offset(text: str) -> bool:
    tail = text[10:]
    return tail.endswith("Z") or "+" in tail or "-" in tail


def build_timeline(
    incidents: Iterable[Incident],
    exhibits: Iterable[Exhibit],
    *,
    case_zone: str,
    window: tuple[datetime, datetime] | None = None,
) -> Timeline:
    """Entries of ``incidents`` and ``exhibits`` in time order (start, then end, then incidents
    before exhibits, then ref); with ``window`` only those whose range overlaps it. Records
    without a time are counted in ``undated`` whatever the window."""
    entries: list[TimelineEntry] = []
    undated = {EntryKind.INCIDENT.value: 0, EntryKind.EXHIBIT.value: 0}
    unreadable: list[str] = []
    for incident in incidents:
        span = incident_range(incident)
        if span is None:
            undated[EntryKind.INCIDENT.value] += 1
            continue
        entries.append(
            TimelineEntry(
                EntryKind.INCIDENT,
                incident.id,
                incident.ref,
                incident.title,
                span[0],
                span[1],
                incident.time_precision,
                incident.time_zone,
                incident.place_name,
                incident.place_precision,
                incident.latitude,
                incident.longitude,
            )
        )
    for exhibit in exhibits:
        if not exhibit.captured:
            undated[EntryKind.EXHIBIT.value] += 1
            continue
        try:
            start, end, precision, zone, assumed = captured_range(exhibit.captured, case_zone)
        except ValidationError:
            undated[EntryKind.EXHIBIT.value] += 1
            unreadable.append(exhibit.ref)
            continue
        located = exhibit.latitude is not None and exhibit.longitude is not None
        entries.append(
            TimelineEntry(
                EntryKind.EXHIBIT,
                exhibit.id,
                exhibit.ref,
                exhibit.title,
                start,
                end,
                precision,
                zone,
                "",
                PlacePrecision.EXACT if located else PlacePrecision.UNKNOWN,
                exhibit.latitude,
                exhibit.longitude,
                zone_assumed=assumed,
            )
        )
    if window is not None:
        entries = [e for e in entries if e.start <= window[1] and e.end >= window[0]]
    order = {EntryKind.INCIDENT: 0, EntryKind.EXHIBIT: 1}
    entries.sort(key=lambda e: (e.start, e.end, order[e.kind], ref_number(e.ref)))
    return Timeline(tuple(entries), undated, tuple(unreadable))
