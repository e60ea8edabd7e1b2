"""Incident suggestions: geotagged, dated exhibits not yet linked to an incident, grouped by place
and time (a pure function; a person always confirms or dismisses what it suggests).

**The rule** (:func:`suggest_incidents`). Two exhibits are *neighbours* when both hold:

- **place**: the great-circle (haversine) distance between their coordinates is at most
  ``radius_m`` plus the precision radius of each place (:data:`PRECISION_RADIUS_M`: a file's own GPS
  position is read as exact, ±10 m): they *may* have been taken within ``radius_m`` of each other;
- **time**: the gap between their capture-time ranges (:func:`caseapp.core.timeline.captured_range`:
  an exact time is an instant, a date alone the whole day) is at most ``window``.

A suggestion is a group of exhibits joined by a chain of neighbours (the clusters of DBSCAN with
``eps`` = that distance and time and ``min_samples`` = 1), kept when it has at least
``min_members`` exhibits. Chains can make a suggestion wider than ``radius_m``: its own radius
and time range are what it says. An exhibit whose time is known less precisely than ``window``
(a date alone against 6 hours) or whose place is known less precisely than ``radius_m`` is left
out and counted: it could belong to any group of its day or area.

Each suggestion has a centre (the mean of its members' positions on the sphere), a radius (the
farthest member from the centre plus that member's precision, rounded up), a time range (the
earliest start to the latest end), its members in ref order, and an id derived from the members'
UUIDs (``SUG-`` and 10 hex digits of their SHA-256): the same exhibits give the same id in every
session and on every machine. Suggestions come in time order, then by id.

**Speed.** Positions become points on a sphere of the Earth's radius (no trouble at the 180th
meridian or the poles), hashed into cubes of side ``radius_m/√3`` and time cells of ``window``:
two exhibits in one cell are always neighbours and are joined without measuring. Cells are then
compared only with nearby cells not yet in the same group, exhibit pairs measured until one pair
of neighbours is found. 100 000 exhibits take a fraction of a second (``python -m bench suggest``).
Standard library only.
"""

from __future__ import annotations

import hashlib
import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from uuid import UUID
from zoneinfo import ZoneInfo

from caseapp.core.entities import ExhibitKind, PlacePrecision
from caseapp.core.errors import ValidationError

EARTH_RADIUS_M = 6_371_008.8  # the mean radius (IUGG)
DEFAULT_RADIUS_M = 1_000.0
DEFAULT_WINDOW = timedelta(hours=6)
MIN_MEMBERS = 2
PRECISION_RADIUS_M: dict[PlacePrecision, float] = {
    PlacePrecision.EXACT: 10.0,
    PlacePrecision.VICINITY: 100.0,
    PlacePrecision.LOCALITY: 1_000.0,
    PlacePrecision.REGION: 10_000.0,
}
"""How far from its coordinates a place may be (as :mod:`caseapp.core.geo_lookup` reads them)."""


@dataclass(frozen=True, slots=True)
class Sighting:
    """An exhibit with a place and a capture time, as the clustering reads it."""

    id: UUID
    ref: str
    kind: ExhibitKind
    latitude: float
    longitude: float
    start: datetime  # aware: the earliest the capture may have been
    end: datetime  # the latest (equal to start for an exact time)
    place_precision: PlacePrecision = PlacePrecision.EXACT


@dataclass(frozen=True, slots=True)
class Suggestion:
    id: str
    latitude: float
    longitude: float
    radius_m: float
    start: datetime  # UTC
    end: datetime  # UTC
    members: tuple[UUID, ...]  # in ref order
    member_refs: tuple[str, ...]
    kinds: tuple[tuple[str, int], ...]  # (exhibit kind, count), most first
    reason: str  # e.g. "7 photos and 2 videos within 600 m, 14:02-15:40 on 3 May 2016" (with an en dash)

    @property
    def place_precision(self) -> PlacePrecision:
        """The coarsest precision that holds the whole suggestion."""
        for precision in (PlacePrecision.EXACT, PlacePrecision.VICINITY, PlacePrecision.LOCALITY):
            if self.radius_m <= PRECISION_RADIUS_M[precision]:
                return precision
        return PlacePrecision.REGION


@dataclass(frozen=True, slots=True)
class Suggestions:
    suggestions: tuple[Suggestion, ...]
    imprecise_time: int = 0  # left out: time known less precisely than the window
    imprecise_place: int = 0  # left out: place known less precisely than the radius


def haversine_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in metres on a sphere of :data:`EARTH_RADIUS_M`."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(min(1.0, math.sqrt(h)))


def suggestion_id(members: Iterable[UUID]) -> str:
    """``SUG-`` and 10 hex digits of the SHA-256 of the members' UUIDs (their 16 bytes, sorted, joined):
    the same exhibits give the same id everywhere."""
    digest = hashlib.sha256(b"".join(sorted(m.bytes for m in members))).hexdigest()
    return f"SUG-{digest[:10]}"


class _Groups:
    """Union-find over 0..n-1 (path halving, union by size)."""

    __slots__ = ("parent", "size")

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))
        self.size = [1] * n

    def find(self, i: int) -> int:
        parent = self.parent
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(self, a: int, b: int) -> int:
        a, b = self.find(a), self.find(b)
        if a == b:
            return a
        if self.size[a] < self.size[b]:
            a, b = b, a
        self.parent[b] = a
        self.size[a] += self.size[b]
        return a


def suggest_incidents(
    sightings: Sequence[Sighting],
    *,
    radius_m: float = DEFAULT_RADIUS_M,
    window: timedelta = DEFAULT_WINDOW,
    min_members: int = MIN_MEMBERS,
    time_zone: str = "UTC",
) -> Suggestions:
    """Group ``sightings`` into suggested incidents by the rule of the module docstring.
    ``time_zone`` is the zone the reasons give times in."""
    if not radius_m > 0 or not math.isfinite(radius_m):
        raise ValidationError(f"the radius must be a positive distance, not {radius_m!r} m")
    if window <= timedelta(0):
        raise ValidationError("the time window must be longer than zero")
    seconds = window.total_seconds()
    kept: list[Sighting] = []
    imprecise_time = imprecise_place = 0
    for s in sightings:
        if (s.end - s.start).total_seconds() > seconds:
            imprecise_time += 1
        elif PRECISION_RADIUS_M.get(s.place_precision, math.inf) > radius_m:
            imprecise_place += 1
        else:
            kept.append(s)
    space = _Space.of(kept, radius_m, seconds)
    zone = ZoneInfo(time_zone)
    found = [
        _suggestion(space, [kept[i] for i in members], members, zone)
        for members in _cluster(space)
        if len(members) >= min_members
    ]
    found.sort(key=lambda s: (s.start, s.end, s.id))
    return Suggestions(tuple(found), imprecise_time, imprecise_place)


@dataclass(slots=True)
class _Space:
    """The points as the clustering measures them: on a sphere in metres, times in seconds."""

    xyz: list[tuple[float, float, float]]
    starts: list[float]
    ends: list[float]
    reach: list[float]  # each point's precision radius
    radius_m: float
    window_s: float
    limit_sq: float = 0.0  # no two neighbours are farther apart than its square root

    @staticmethod
    def of(points: list[Sighting], radius_m: float, window_s: float) -> _Space:
        space = _Space([], [], [], [], radius_m, window_s)
        xyz, starts, ends, reach = space.xyz, space.starts, space.ends, space.reach
        cos, sin, rad, precision = math.cos, math.sin, math.radians, PRECISION_RADIUS_M
        for s in points:
            lat, lon = rad(s.latitude), rad(s.longitude)
            c = EARTH_RADIUS_M * cos(lat)
            xyz.append((c * cos(lon), c * sin(lon), EARTH_RADIUS_M * sin(lat)))
            start = s.start.timestamp()
            starts.append(start)
            ends.append(start if s.end == s.start else s.end.timestamp())
            reach.append(precision.get(s.place_precision, 0.0))
        space.limit_sq = (radius_m + 2 * max(reach, default=0.0)) ** 2
        return space

    def near(self, a_members: list[int], b_members: list[int]) -> tuple[int, int] | None:
        """A pair of neighbours, one from each list, or None."""
        xyz, starts, ends, reach = self.xyz, self.starts, self.ends, self.reach
        window_s, limit_sq, radius_m = self.window_s, self.limit_sq, self.radius_m
        for a in a_members:
            ax, ay, az = xyz[a]
            for b in b_members:
                if starts[b] - ends[a] > window_s or starts[a] - ends[b] > window_s:
                    continue
                bx, by, bz = xyz[b]
                chord_sq = (ax - bx) ** 2 + (ay - by) ** 2 + (az - bz) ** 2
                if chord_sq > limit_sq:
                    continue  # a chord is shorter than its arc: too far whatever the arc
                arc = 2 * EARTH_RADIUS_M * math.asin(min(1.0, math.sqrt(chord_sq) / (2 * EARTH_RADIUS_M)))
                if arc <= radius_m + reach[a] + reach[b]:
                    return a, b
        return None


def _cluster(space: _Space) -> list[list[int]]:
    """The groups of points joined by chains of neighbours (indices, each group in input order).

    Fine cells (cubes whose diagonal is under the radius, a window of time by start) hold only
    mutual neighbours (a chord is shorter than its arc; a margin is kept): their points are joined
    unmeasured. Coarse cells (2 x 2 x 2 fine ones) are paired with the coarse cells within reach,
    found by shifting every cell key by each offset at once (set operations, not one lookup per
    cell and offset); the fine cells of each pair not yet in one group are then measured."""
    n = len(space.xyz)
    if n == 0:
        return []
    fine = space.radius_m / math.sqrt(3) * 0.999
    coarse = 2 * fine
    reach_max = space.radius_m + 2 * max(space.reach)
    k = math.ceil(reach_max / coarse)  # coarse cells a neighbour may lie away, in space
    longest = max(e - s for s, e in zip(space.starts, space.ends, strict=True))
    kt = math.ceil((space.window_s + longest) / space.window_s)  # and in time
    t0 = math.floor(min(space.starts) / space.window_s)
    span = math.ceil(EARTH_RADIUS_M / fine) + 2 * k + 4
    base = 2 * span + 1  # packs (x, y, z, t) cell indices into one int: x, y, z in [-span, span]
    fine_cells: dict[int, list[int]] = defaultdict(list)
    coarse_of: dict[int, int] = {}  # fine key -> the key of the coarse cell (2 x 2 x 2 fine ones) it is in
    floor, window_s, starts = math.floor, space.window_s, space.starts
    for i, (x, y, z) in enumerate(space.xyz):
        t = floor(starts[i] / window_s) - t0
        fx, fy, fz = floor(x / fine), floor(y / fine), floor(z / fine)
        key = ((t * base + fx + span) * base + fy + span) * base + fz + span
        members = fine_cells[key]
        if not members:
            coarse_of[key] = ((t * base + fx // 2 + span) * base + fy // 2 + span) * base + fz // 2 + span
        members.append(i)
    groups = _Groups(n)
    parent, size = groups.parent, groups.size
    coarse_cells: dict[int, list[int]] = defaultdict(list)  # coarse key -> fine keys
    for key, members in fine_cells.items():
        first = members[0]  # every point is still alone: join the cell's points under its first
        for other in members[1:]:
            parent[other] = first
        size[first] = len(members)
        coarse_cells[coarse_of[key]].append(key)
    keys = set(coarse_cells)
    for delta in _forward_deltas(k, kt, base):
        for target in keys & {key + delta for key in keys} if delta else keys:
            a_cells = coarse_cells[target - delta]
            b_cells = coarse_cells[target]
            for i, a in enumerate(a_cells):
                for b in b_cells[i + 1 :] if delta == 0 else b_cells:
                    a_members, b_members = fine_cells[a], fine_cells[b]
                    if groups.find(a_members[0]) != groups.find(b_members[0]):
                        pair = space.near(a_members, b_members)
                        if pair is not None:
                            groups.union(*pair)
    out: dict[int, list[int]] = defaultdict(list)
    for i in range(n):
        out[groups.find(i)].append(i)
    return list(out.values())


def _forward_deltas(k: int, kt: int, base: int) -> list[int]:
    """The packed offsets to the cells a cell is compared with, each pair of cells once: itself
    (0), and of the others only those after it in (t, x, y, z) order."""
    steps = range(-k, k + 1)
    offsets = [(dt, dx, dy, dz) for dt in range(kt + 1) for dx in steps for dy in steps for dz in steps]
    return [
        ((dt * base + dx) * base + dy) * base + dz for dt, dx, dy, dz in offsets if (dt, dx, dy, dz) >= (0, 0, 0, 0)
    ]


def _suggestion(space: _Space, members: list[Sighting], indices: list[int], zone: ZoneInfo) -> Suggestion:
    x = y = z = 0.0
    for i in indices:
        px, py, pz = space.xyz[i]
        x, y, z = x + px, y + py, z + pz
    norm = math.sqrt(x * x + y * y + z * z) or 1.0
    cx, cy, cz = x / norm * EARTH_RADIUS_M, y / norm * EARTH_RADIUS_M, z / norm * EARTH_RADIUS_M
    far = 0.0
    for i in indices:
        px, py, pz = space.xyz[i]
        chord = math.sqrt((px - cx) ** 2 + (py - cy) ** 2 + (pz - cz) ** 2)
        arc = 2 * EARTH_RADIUS_M * math.asin(min(1.0, chord / (2 * EARTH_RADIUS_M)))
        far = max(far, arc + space.reach[i])
    radius = _round_up(far)
    members.sort(key=lambda s: _ref_key(s.ref))  # refs are unique
    start = datetime.fromtimestamp(min(space.starts[i] for i in indices), UTC)
    end = datetime.fromtimestamp(max(space.ends[i] for i in indices), UTC)
    kinds = Counter(s.kind.value for s in members)
    ordered = tuple(sorted(kinds.items(), key=lambda item: (-item[1], item[0])))
    reason = f"{kind_counts_text(ordered)} within {distance_text(radius)}, {time_span_text(start, end, zone)}"
    return Suggestion(
        suggestion_id(s.id for s in members),
        round(math.degrees(math.atan2(cz, math.hypot(cx, cy))), 6),
        round(math.degrees(math.atan2(cy, cx)), 6),
        radius,
        start,
        end,
        tuple(s.id for s in members),
        tuple(s.ref for s in members),
        ordered,
        reason,
    )


def _ref_key(ref: str) -> tuple[str, int]:
    prefix, _, number = ref.rpartition("-")
    return (prefix, int(number)) if number.isdigit() else (ref, 0)


def _round_up(metres: float) -> float:
    """Up to 10 m under a kilometre, to 100 m above."""
    step = 10.0 if metres < 1_000 else 100.0
    return max(step, math.ceil(metres / step - 1e-9) * step)


KIND_WORDS = {
    "image": ("photo", "photos"),
    "video": ("video", "videos"),
    "audio": ("audio recording", "audio recordings"),
    "document": ("document", "documents"),
    "testimony": ("testimony", "testimonies"),
    "physical": ("physical item", "physical items"),
    "other": ("other exhibit", "other exhibits"),
}


def kind_counts_text(kinds: Sequence[tuple[str, int]]) -> str:
    """``7 photos and 2 videos``; ``3 photos, 2 videos and 1 document``."""
    parts = [f"{n} {KIND_WORDS.get(kind, (kind, kind))[n != 1]}" for kind, n in kinds]
    return parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} and {parts[-1]}"


def distance_text(metres: float) -> str:
    return f"{metres:.0f} m" if metres < 1_000 else f"{metres / 1000:.1f} km"


MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def time_span_text(start: datetime, end: datetime, zone: ZoneInfo) -> str:
    """``14:02-15:40 on 3 May 2016`` (in ``zone``, joined by an en dash); across midnight both dates."""
    a, b = start.astimezone(zone), end.astimezone(zone)

    def day(d: datetime) -> str:
        return f"{d.day} {MONTHS[d.month - 1]} {d.year}"  # not strftime: its month names follow the locale

    if a.date() == b.date():
        times = f"{a:%H:%M}" if (a.hour, a.minute) == (b.hour, b.minute) else f"{a:%H:%M}\u2013{b:%H:%M}"
        return f"{times} on {day(a)}"
    return f"{a:%H:%M} on {day(a)} to {b:%H:%M} on {day(b)}"
