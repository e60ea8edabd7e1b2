"""Country outlines decoded from the shipped TopoJSON, and the country a point lies in (offline).

**Outlines.** ``resources/geo/countries-*.json`` (Natural Earth, public domain, see its README)
are TopoJSON: shared borders ("arcs") stored once as delta-encoded integers that
``transform.scale``/``translate`` turn into degrees; each country is a Polygon or MultiPolygon of
rings of arc indices (``~i`` is arc ``i`` reversed). Each geometry's ``id`` is its ISO 3166-1
*numeric* code (none for Kosovo, Somaliland, Northern Cyprus and a few others);
``resources/geo/country-codes.csv`` maps every geometry to the alpha-2 code the legal data
(``resources/legal/countries.csv``) uses: a territory without a code of its own there is the
State's territory (Jersey is GB), Northern Cyprus is CY, Somaliland SO, Kosovo XK, the Siachen
Glacier is disputed (IN and PK), Antarctica is no State's.

**Point in country** lives in :mod:`caseapp.core.geo_lookup`. Standard library only.
"""

from __future__ import annotations

import csv
import io
import itertools
import json
import threading
from dataclasses import dataclass
from functools import cache
from typing import Any

from caseapp.core.errors import ValidationError
from caseapp.core.resources import resource_path

DETAILS = ("110m", "50m")  # coarse (the world) and finer (a country, a city)

Point = tuple[float, float]  # (longitude, latitude) in degrees
Ring = tuple[Point, ...]


def decode_arcs(topology: dict[str, object]) -> list[list[Point]]:
    """Every arc of a quantized topology as (longitude, latitude) points."""
    transform = topology.get("transform")
    if not isinstance(transform, dict):
        raise ValueError("the outlines are not quantized TopoJSON (no transform)")
    (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
    arcs: list[list[Point]] = []
    raw_arcs = topology["arcs"]
    if not isinstance(raw_arcs, list):
        raise ValueError("the outlines have no list of arcs")
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


def unwrap(points: list[Point] | Ring) -> tuple[list[Point], bool]:
    """A ring with continuous longitudes, and whether it goes round a pole.

    A ring that crosses the 180th meridian (Fiji, the east of Russia) jumps from one edge of the
    map to the other; its longitudes are made continuous (past 180°). A ring around a pole
    (Antarctica) cannot be: it is returned as it is, with ``True``."""
    out: list[Point] = [points[0]]
    shift = 0.0
    for (lon0, _), (lon, lat) in itertools.pairwise(points):
        if lon - lon0 > 180:
            shift -= 360
        elif lon0 - lon > 180:
            shift += 360
        out.append((lon + shift, lat))
    if shift != 0:
        return list(points), True
    return out, False


@dataclass(frozen=True, slots=True)
class CountryShape:
    """One geometry of the outlines: its name there, the alpha-2 code(s) of the State whose territory it
    is (two for a disputed area, none for Antarctica), a note on that mapping, and its polygons."""

    name: str
    codes: tuple[str, ...]
    note: str
    polygons: tuple[tuple[Ring, ...], ...]


def _codes() -> dict[tuple[str, str], tuple[tuple[str, ...], str]]:
    text = resource_path("geo", "country-codes.csv").read_text(encoding="utf-8")
    return {
        (row["id"], row["name"]): (tuple(row["iso2"].split()), row["note"]) for row in csv.DictReader(io.StringIO(text))
    }


_lock = threading.Lock()


@cache
def _shapes(detail: str) -> tuple[CountryShape, ...]:
    topology = json.loads(resource_path("geo", f"countries-{detail}.json").read_text(encoding="utf-8"))
    arcs = decode_arcs(topology)
    codes = _codes()
    out: list[CountryShape] = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        name = str((geometry.get("properties") or {}).get("name", ""))
        key = (str(geometry.get("id") or ""), name)
        if key not in codes:
            raise ValueError(f"country {key} of the {detail} outlines is missing from resources/geo/country-codes.csv")
        iso, note = codes[key]
        shapes = tuple(tuple(tuple(r) for r in polygon if len(r) >= 3) for polygon in polygons(geometry, arcs))
        out.append(CountryShape(name, iso, note, tuple(p for p in shapes if p)))
    return tuple(out)


def country_shapes(detail: str = "50m") -> tuple[CountryShape, ...]:
    """The country outlines at ``detail`` (``110m`` or ``50m``), decoded once and kept."""
    if detail not in DETAILS:
        raise ValueError(f"no outlines at {detail!r}: {', '.join(DETAILS)}")
    with _lock:  # two loads at once decode once
        return _shapes(detail)


@cache
def country_codes() -> frozenset[str]:
    """Every alpha-2 code ``resources/geo/country-codes.csv`` gives a country (ISO 3166-1, and XK)."""
    return frozenset(code for codes, _note in _codes().values() for code in codes)


def country_code(value: object) -> str | None:
    """A country as typed (``SY``, ``sy``) checked against :func:`country_codes`; empty is None."""
    typed = "" if value is None else str(value).strip()
    if not typed:
        return None
    code = typed.upper()
    if code not in country_codes():
        raise ValidationError(
            f"country {typed!r} is not a two-letter country code caseapp knows; "
            "write an ISO 3166-1 alpha-2 code such as SY, UA or FR, or leave it empty"
        )
    return code
