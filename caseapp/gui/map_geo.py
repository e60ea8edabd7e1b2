"""The world the offline map paints: country outlines decoded from TopoJSON, in Web Mercator.

**Projection.** Web Mercator (the projection of street maps), on a square "world" of side 1:
``x`` runs from 0 at 180° W to 1 at 180° E, ``y`` from 0 at 85.05° N to 1 at 85.05° S (the
latitudes beyond are clamped). Shapes and angles are true locally, so a city and the circle of a
place's precision look as they do on the ground; areas grow towards the poles. North is always up.
The map view turns world units into pixels with one scale (pixels per world unit) and a centre.

**Outlines.** ``resources/geo/countries-*.json`` (Natural Earth, public domain, see its README)
are TopoJSON: shared borders ("arcs") stored once as delta-encoded integers that
``transform.scale``/``translate`` turn into degrees; each country is a Polygon or MultiPolygon of
rings of arc indices (``~i`` is arc ``i`` reversed). No maintained small library decodes it
(the PyPI ``topojson`` package builds topologies and pulls in shapely and pandas), so the few
lines below do. Decoding happens once per detail level, on a worker thread.
"""

from __future__ import annotations

import itertools
import json
import math
import threading
from dataclasses import dataclass
from functools import cache
from typing import Any

from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainterPath

from caseapp.core.resources import resource_path

MAX_LATITUDE = 85.0511287798  # Web Mercator's square world
EARTH_CIRCUMFERENCE_M = 40_075_016.686  # at the equator (WGS 84)
DETAILS = ("110m", "50m")  # coarse (the world) and finer (a country, a city)

Point = tuple[float, float]


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


def decode_arcs(topology: dict[str, object]) -> list[list[Point]]:
    """Every arc of a quantized topology as (longitude, latitude) points."""
    transform = topology.get("transform")
    assert isinstance(transform, dict), "the outlines are quantized TopoJSON"
    (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
    arcs: list[list[Point]] = []
    raw_arcs = topology["arcs"]
    assert isinstance(raw_arcs, list)
    for raw in raw_arcs:
        x = y = 0
        points: list[Point] = []
        for dx, dy, *_ in raw:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring(arcs: list[list[Point]], indices: list[int]) -> list[Point]:
    """One closed ring: its arcs joined end to end (``~i`` reversed), shared end points once."""
    points: list[Point] = []
    for index in indices:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc[1:] if points else arc)
    return points


def polygons(geometry: dict[str, Any], arcs: list[list[Point]]) -> list[list[list[Point]]]:
    """The polygons (each a list of rings, the first the outline, the others holes) of a geometry."""
    kind, parts = geometry.get("type"), geometry.get("arcs") or []
    if kind == "Polygon":
        return [[ring(arcs, r) for r in parts]]
    if kind == "MultiPolygon":
        return [[ring(arcs, r) for r in polygon] for polygon in parts]
    return []  # a country without a shape (null geometry)


@dataclass(frozen=True, slots=True)
class Country:
    name: str
    path: QPainterPath  # in world units, odd-even filled (holes stay holes)
    bounds: QRectF


@dataclass(frozen=True, slots=True)
class World:
    detail: str
    countries: tuple[Country, ...]


def unwrapped(points: list[Point]) -> list[list[Point]]:
    """A ring as drawn on the flat map. A ring that crosses the 180th meridian (Fiji, the east of
    Russia) jumps from one edge to the other: its longitudes are made continuous (past 180°), and
    the ring is given once more shifted by 360° so each edge of the map shows its half. A ring
    around a pole (Antarctica) is left as it is: its jump runs along the map's edge."""
    out: list[Point] = [points[0]]
    shift = 0.0
    for (lon0, _), (lon, lat) in itertools.pairwise(points):
        if lon - lon0 > 180:
            shift -= 360
        elif lon0 - lon > 180:
            shift += 360
        out.append((lon + shift, lat))
    if shift != 0:  # around a pole
        return [points]
    low, high = min(p[0] for p in out), max(p[0] for p in out)
    copies = [out]
    if high > 180:
        copies.append([(lon - 360, lat) for lon, lat in out])
    if low < -180:
        copies.append([(lon + 360, lat) for lon, lat in out])
    return copies


def _path(shapes: list[list[list[Point]]]) -> QPainterPath:
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
    topology = json.loads(resource_path("geo", f"countries-{detail}.json").read_text(encoding="utf-8"))
    arcs = decode_arcs(topology)
    countries = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        path = _path(polygons(geometry, arcs))
        if not path.isEmpty():
            name = (geometry.get("properties") or {}).get("name", "")
            countries.append(Country(str(name), path, path.boundingRect()))
    return World(detail, tuple(countries))


def world(detail: str = "110m") -> World:
    """The country outlines at ``detail`` (``110m`` or ``50m``), decoded once and kept."""
    if detail not in DETAILS:
        raise ValueError(f"no outlines at {detail!r}: {', '.join(DETAILS)}")
    with _lock:  # two loads at once decode once
        return _world(detail)
