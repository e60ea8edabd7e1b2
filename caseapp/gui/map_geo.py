"""The world the offline map paints: country outlines decoded from TopoJSON, in Web Mercator.

**Projection.** Web Mercator (the projection of street maps), on a square "world" of side 1:
``x`` runs from 0 at 180° W to 1 at 180° E, ``y`` from 0 at 85.05° N to 1 at 85.05° S (the
latitudes beyond are clamped). Shapes and angles are true locally, so a city and the circle of a
place's precision look as they do on the ground; areas grow towards the poles. North is always up.
The map view turns world units into pixels with one scale (pixels per world unit) and a centre.

**Outlines.** ``resources/geo/countries-*.json`` (Natural Earth, public domain), decoded by
:mod:`caseapp.core.geo` (shared with the offline country lookup). Decoding happens once per detail
level, on a worker thread.
"""

from __future__ import annotations

import math
import threading
from dataclasses import dataclass
from functools import cache

from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainterPath

from caseapp.core.geo import DETAILS, Point, Ring, country_shapes, unwrap

MAX_LATITUDE = 85.0511287798  # Web Mercator's square world
EARTH_CIRCUMFERENCE_M = 40_075_016.686  # at the equator (WGS 84)


def project(latitude: float, longitude: float) -> Point:
    """World coordinates (x, y in 0..1, y down) of a place."""
    lat = max(-MAX_LATITUDE, min(MAX_LATITUDE, latitude))
    x = (longitude + 180.0) / 360.0
    y = (1.0 - math.log(math.tan(math.pi / 4 + math.radians(lat) / 2)) / math.pi) / 2.0
    return x, y


def unproject(x: float, y: float) -> Point:
    """(latitude, longitude) of world coordinates."""
    latitude = math.degrees(math.atan(math.sinh(math.pi * (1.0 - 2.0 * y))))
    return latitude, x * 360.0 - 180.0


def metres_per_unit(latitude: float) -> float:
    """Metres on the ground for one world unit at ``latitude`` (Mercator stretches by 1/cos)."""
    lat = max(-MAX_LATITUDE, min(MAX_LATITUDE, latitude))
    return EARTH_CIRCUMFERENCE_M * math.cos(math.radians(lat))


@dataclass(frozen=True, slots=True)
class Country:
    name: str
    path: QPainterPath  # in world units, odd-even filled (holes stay holes)
    bounds: QRectF


@dataclass(frozen=True, slots=True)
class World:
    detail: str
    countries: tuple[Country, ...]


def unwrapped(points: Ring) -> list[list[Point]]:
    """A ring as drawn on the flat map. A ring that crosses the 180th meridian (Fiji, the east of
    Russia) has its longitudes made continuous (past 180°) and is given once more shifted by 360°
    so each edge of the map shows its half. A ring around a pole (Antarctica) is left as it is:
    its jump runs along the map's edge."""
    out, polar = unwrap(points)
    if polar:
        return [out]
    low, high = min(p[0] for p in out), max(p[0] for p in out)
    copies = [out]
    if high > 180:
        copies.append([(lon - 360, lat) for lon, lat in out])
    if low < -180:
        copies.append([(lon + 360, lat) for lon, lat in out])
    return copies


def _path(shapes: tuple[tuple[Ring, ...], ...]) -> QPainterPath:
    path = QPainterPath()
    for polygon in shapes:
        for points in polygon:
            if len(points) < 3:
                continue
            for copy in unwrapped(points):
                path.moveTo(*project(copy[0][1], copy[0][0]))
                for lon, lat in copy[1:]:
                    path.lineTo(*project(lat, lon))
                path.closeSubpath()
    return path


_lock = threading.Lock()


@cache
def _world(detail: str) -> World:
    countries = []
    for shape in country_shapes(detail):
        path = _path(shape.polygons)
        if not path.isEmpty():
            countries.append(Country(shape.name, path, path.boundingRect()))
    return World(detail, tuple(countries))


def world(detail: str = "110m") -> World:
    """The country outlines at ``detail`` (``110m`` or ``50m``), decoded once and kept."""
    if detail not in DETAILS:
        raise ValueError(f"no outlines at {detail!r}: {', '.join(DETAILS)}")
    with _lock:  # two loads at once decode once
        return _world(detail)
