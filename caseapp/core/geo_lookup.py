"""Which country a place is in, offline, from the Natural Earth 1:50 million outlines.

**Inside.** Ray casting (even-odd) in longitude/latitude: a point is in a polygon when it is
inside its outline and in none of its holes; a country is a set of polygons. Rings that cross the
180th meridian are unwrapped to continuous longitudes and the point is tried at its longitude and
360° either side; rings round a pole (Antarctica) are tested as they are.

**Precision.** A place is known only within a radius (:data:`PRECISION_RADIUS_M`: exact ±10 m,
vicinity ±100 m, locality ±1 km, region ±10 km). When another country's border is within that
radius, the country is *uncertain* and every country the circle reaches is named. Distances are
measured on a local flat approximation (equirectangular about the point), good to well under 1%
at these distances.

**Occupied territory.** Natural Earth draws some borders as they are held, not as international law
has them: Crimea inside Russia, the Golan Heights inside Israel. A point in those areas is given
the State whose territory it is (:data:`ANNEXED`), with a note saying so.

**Limits.** At 1:50 million borders are generalised: they can be a few kilometres off. A place
found nearer than :data:`BORDER_CAUTION_M` to another country's border therefore carries a
caution to confirm the country (``--territory``), even when its precision is finer.
"""

from __future__ import annotations

import enum
import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from caseapp.core.entities import PlacePrecision
from caseapp.core.errors import ValidationError
from caseapp.core.geo import CountryShape, Point, Ring, country_shapes, unwrap

LOOKUP_DETAIL = "50m"
PRECISION_RADIUS_M: dict[PlacePrecision, float] = {
    PlacePrecision.EXACT: 10.0,
    PlacePrecision.VICINITY: 100.0,
    PlacePrecision.LOCALITY: 1_000.0,
    PlacePrecision.REGION: 10_000.0,
}
BORDER_CAUTION_M = 5_000.0
"""Nearer than this to another country's border, the generalised outlines cannot be trusted alone."""
METRES_PER_DEGREE = 111_320.0  # of latitude, and of longitude at the equator (WGS 84, rounded)


@dataclass(frozen=True, slots=True)
class Annexed:
    """An area the outlines draw inside ``drawn_in`` that is ``territory_of`` under international law."""

    name: str
    drawn_in: str
    territory_of: str
    outline: tuple[Point, ...]  # a rough (longitude, latitude) ring; only points already in ``drawn_in`` are tested
    note: str


ANNEXED = (
    Annexed(
        "Crimea",
        "RU",
        "UA",
        (
            (32.3, 45.3),
            (33.4, 46.3),
            (35.1, 46.3),
            (35.4, 45.6),
            (36.58, 45.55),
            (36.58, 45.0),
            (35.5, 44.3),
            (33.3, 44.3),
        ),
        "Crimea (with Sevastopol) is drawn inside Russia by the outlines; it is Ukraine's territory under "
        "international law (UN General Assembly resolution 68/262 of 27 March 2014), occupied by Russia since 2014.",
    ),
    Annexed(
        "Golan Heights",
        "IL",
        "SY",
        (
            (35.63, 32.68),
            (35.80, 32.68),
            (35.95, 32.90),
            (35.90, 33.10),
            (35.82, 33.35),
            (35.70, 33.30),
            (35.62, 33.10),
            (35.64, 32.85),
        ),
        "The Golan Heights are drawn inside Israel by the outlines; they are Syria's territory under international "
        "law (Security Council resolution 497 (1981)), occupied by Israel since 1967.",
    ),
)


class Finding(enum.StrEnum):
    FOUND = "found"  # one country, and the precision circle stays inside it
    UNCERTAIN = "uncertain"  # the circle reaches another country (or the sea), or the area is disputed
    NONE = "none"  # no country: the sea, or Antarctica


@dataclass(frozen=True, slots=True)
class CountryAt:
    """The answer for one place. ``country`` is the country the point itself is in (None at sea);
    ``candidates`` every country the place may be in, the point's own first."""

    latitude: float
    longitude: float
    precision: PlacePrecision
    radius_m: float | None
    finding: Finding
    country: str | None
    candidates: tuple[str, ...]
    nearest_other_border_m: float | None
    notes: tuple[str, ...]

    def as_dict(self) -> dict[str, object]:
        return {
            "latitude": self.latitude,
            "longitude": self.longitude,
            "precision": self.precision.value,
            "radius_m": self.radius_m,
            "finding": self.finding.value,
            "country": self.country,
            "candidates": list(self.candidates),
            "nearest_other_border_m": (
                None if self.nearest_other_border_m is None else round(self.nearest_other_border_m)
            ),
            "notes": list(self.notes),
        }


@dataclass(frozen=True, slots=True)
class _Ring:
    points: tuple[Point, ...]
    polar: bool
    west: float
    east: float
    south: float
    north: float


@dataclass(frozen=True, slots=True)
class _Country:
    shape: CountryShape
    polygons: tuple[tuple[_Ring, ...], ...]  # outline first, then holes
    west: float
    east: float
    south: float
    north: float


def _prepare(points: Ring) -> _Ring:
    unwrapped, polar = unwrap(points)
    lons = [p[0] for p in unwrapped]
    lats = [p[1] for p in unwrapped]
    return _Ring(tuple(unwrapped), polar, min(lons), max(lons), min(lats), max(lats))


@cache
def _countries() -> tuple[_Country, ...]:
    out: list[_Country] = []
    for shape in country_shapes(LOOKUP_DETAIL):
        polys = tuple(tuple(_prepare(r) for r in polygon) for polygon in shape.polygons)
        rings = [r for polygon in polys for r in polygon]
        if not rings:
            continue
        out.append(
            _Country(
                shape,
                polys,
                min(r.west for r in rings),
                max(r.east for r in rings),
                min(r.south for r in rings),
                max(r.north for r in rings),
            )
        )
    return tuple(out)


def _in_ring(ring: _Ring, lon: float, lat: float) -> bool:
    if not ring.south <= lat <= ring.north:
        return False
    tries = (lon,) if ring.polar else (lon, lon + 360.0, lon - 360.0)
    for x in tries:
        if ring.west <= x <= ring.east and _crossings(ring.points, x, lat):
            return True
    return False


def _crossings(points: Sequence[Point], x: float, y: float) -> bool:
    inside = False
    previous = points[-1]
    for current in points:
        (x0, y0), (x1, y1) = previous, current
        if (y0 > y) != (y1 > y) and x < x0 + (y - y0) * (x1 - x0) / (y1 - y0):
            inside = not inside
        previous = current
    return inside


def _contains(country: _Country, lon: float, lat: float) -> bool:
    return any(_in_ring(p[0], lon, lat) and not any(_in_ring(h, lon, lat) for h in p[1:]) for p in country.polygons)


def _distance_m(country: _Country, lon: float, lat: float) -> float:
    """Shortest distance from the point to the country's outline, in metres (flat about the point)."""
    kx = METRES_PER_DEGREE * math.cos(math.radians(lat))
    ky = METRES_PER_DEGREE
    best = math.inf
    for polygon in country.polygons:
        for ring in polygon:
            previous: tuple[float, float] | None = None
            for plon, plat in ring.points:
                dlon = (plon - lon + 180.0) % 360.0 - 180.0  # across the 180th meridian too
                here = (dlon * kx, (plat - lat) * ky)
                if previous is not None:
                    best = min(best, _to_segment(previous, here))
                previous = here
    return best


def _to_segment(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Distance from the origin to the segment from ``a`` to ``b``."""
    (ax, ay), (bx, by) = a, b
    dx, dy = bx - ax, by - ay
    length = dx * dx + dy * dy
    t = 0.0 if length == 0 else max(0.0, min(1.0, -(ax * dx + ay * dy) / length))
    return math.hypot(ax + t * dx, ay + t * dy)


def _near(country: _Country, lon: float, lat: float, metres: float) -> bool:
    """Whether the country's box, widened by ``metres``, holds the point (a cheap first filter)."""
    margin_lat = metres / METRES_PER_DEGREE
    if not country.south - margin_lat <= lat <= country.north + margin_lat:
        return False
    margin_lon = metres / (METRES_PER_DEGREE * max(0.01, math.cos(math.radians(lat))))
    return any(country.west - margin_lon <= x <= country.east + margin_lon for x in (lon, lon + 360.0, lon - 360.0))


def country_at(latitude: float, longitude: float, precision: PlacePrecision = PlacePrecision.EXACT) -> CountryAt:
    """The country (ISO 3166-1 alpha-2, as the legal data spells it) a place is in, with its precision honoured."""
    if not -90.0 <= latitude <= 90.0 or not -180.0 <= longitude <= 180.0:
        raise ValidationError(f"{latitude}, {longitude} is not a place: latitude -90..90, longitude -180..180")
    radius = PRECISION_RADIUS_M.get(precision)
    countries = _countries()
    home = next((c for c in countries if _contains(c, longitude, latitude)), None)
    reach = max(radius or 0.0, BORDER_CAUTION_M)
    distances = sorted(
        (d, c)
        for c in countries
        if c is not home and _near(c, longitude, latitude, reach)
        for d in (_distance_m(c, longitude, latitude),)
        if d <= reach
    )
    nearest = distances[0][0] if distances else None
    reached = [c for d, c in distances if radius is not None and d <= radius]
    notes: list[str] = []
    codes: list[str] = list(home.shape.codes) if home else []
    for area in ANNEXED:
        if codes == [area.drawn_in] and _crossings(area.outline, longitude, latitude):
            codes = [area.territory_of]
            notes.append(area.note)
    for country in [c for c in (home, *reached) if c is not None]:
        if country.shape.note:
            notes.append(country.shape.note)
    codes.extend(code for c in reached for code in c.shape.codes)
    candidates = tuple(dict.fromkeys(codes))  # the country the point is in first
    own = codes[0] if home and len(home.shape.codes) == 1 else None
    if not candidates:
        finding = Finding.NONE
    elif radius is None or len(candidates) > 1 or home is None or own is None:
        finding = Finding.UNCERTAIN
    else:
        finding = Finding.FOUND
    if radius is None and candidates:
        notes.append("The place's precision is unknown, so the country cannot be confirmed from the coordinates.")
    if home is None and candidates:
        notes.append(f"The point itself is at sea; within its precision (±{_metres(radius)}) it may be on land.")
    elif home is not None and radius is not None and _distance_m(home, longitude, latitude) <= radius:
        notes.append(f"The coast or border of the country is within the precision (±{_metres(radius)}).")
    if nearest is not None and finding is Finding.FOUND:
        notes.append(
            f"Another country's border is {_metres(nearest)} away on the 1:50 million outlines, which can be a few "
            "kilometres off near borders: confirm the country with --territory."
        )
    return CountryAt(
        latitude, longitude, precision, radius, finding, own, candidates, nearest, tuple(dict.fromkeys(notes))
    )


def _metres(value: float | None) -> str:
    if value is None:
        return "unknown"
    return f"{value / 1000:.1f} km" if value >= 1000 else f"{value:.0f} m"
