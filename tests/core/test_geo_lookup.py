"""The country a place is in, offline, from the shipped Natural Earth outlines."""

from __future__ import annotations

import csv

import pytest

from caseapp.core.entities import PlacePrecision
from caseapp.core.errors import ValidationError
from caseapp.core.geo import country_shapes
from caseapp.core.geo_lookup import Finding, country_at
from caseapp.core.resources import resource_path


@pytest.mark.parametrize(
    ("latitude", "longitude", "code"),
    [
        (36.20, 37.13, "SY"),  # Aleppo
        (50.45, 30.52, "UA"),  # Kyiv
        (31.90, 35.20, "PS"),  # Ramallah
        (48.86, 2.35, "FR"),  # Paris
        (-17.80, 178.00, "FJ"),  # Fiji, beside the 180th meridian
        (65.00, 178.00, "RU"),  # Chukotka, whose outline crosses the 180th meridian
    ],
)
def test_known_places_are_in_their_country(latitude: float, longitude: float, code: str) -> None:
    found = country_at(latitude, longitude, PlacePrecision.LOCALITY)
    assert (found.finding, found.country, found.candidates) == (Finding.FOUND, code, (code,))


def test_a_point_at_sea_is_in_no_country() -> None:
    found = country_at(35.0, 18.0, PlacePrecision.EXACT)  # the Ionian Sea
    assert (found.finding, found.country, found.candidates) == (Finding.NONE, None, ())


def test_the_precision_circle_reaching_a_border_makes_the_country_uncertain() -> None:
    # about 500 m south of the Syria-Turkey border north of Azaz (the border is near 36.695 N on 37.0 E)
    near = country_at(36.6885, 37.0, PlacePrecision.LOCALITY)
    assert near.nearest_other_border_m is not None and 300 < near.nearest_other_border_m < 700
    assert (near.finding, near.country, near.candidates) == (Finding.UNCERTAIN, "SY", ("SY", "TR"))
    # the same point known to within 100 m stays in Syria, with a caution about the generalised borders
    exact = country_at(36.6885, 37.0, PlacePrecision.VICINITY)
    assert (exact.finding, exact.candidates) == (Finding.FOUND, ("SY",))
    assert any("--territory" in note for note in exact.notes)
    # an unknown precision never confirms a country
    assert country_at(36.20, 37.13, PlacePrecision.UNKNOWN).finding is Finding.UNCERTAIN


def test_occupied_territory_is_given_to_the_state_whose_territory_it_is() -> None:
    sevastopol = country_at(44.60, 33.52)  # drawn inside Russia by Natural Earth
    assert sevastopol.country == "UA" and "68/262" in " ".join(sevastopol.notes)
    assert country_at(45.00, 37.50).country == "RU"  # Krasnodar Krai, across the Kerch Strait
    assert country_at(32.99, 35.69).country == "SY"  # Katzrin, Golan Heights
    assert country_at(32.08, 34.78).country == "IL"  # Tel Aviv
    assert country_at(35.20, 33.50).country == "CY"  # Northern Cyprus


def test_bad_coordinates_are_refused() -> None:
    with pytest.raises(ValidationError, match=r"latitude -90\.\.90"):
        country_at(95.0, 10.0)


@pytest.mark.parametrize("detail", ["110m", "50m"])
def test_every_outline_maps_to_a_code_the_legal_data_knows(detail: str) -> None:
    known = {row["iso2"] for row in csv.DictReader(resource_path("legal", "countries.csv").open(encoding="utf-8"))}
    shapes = country_shapes(detail)
    assert len(shapes) == {"110m": 177, "50m": 241}[detail]
    for shape in shapes:
        assert set(shape.codes) <= known, shape.name
        assert shape.codes or shape.name == "Antarctica"
