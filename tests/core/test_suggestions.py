"""The incident-suggestion rule: clusters by place and time, the boundaries of the radius and the
window, each place's precision, imprecise times left out, ids and order that never change."""

from __future__ import annotations

import math
import random
import uuid
from datetime import UTC, datetime, timedelta

import pytest

from caseapp.core.entities import ExhibitKind, PlacePrecision
from caseapp.core.errors import ValidationError
from caseapp.core.suggestions import Sighting, haversine_m, suggest_incidents, suggestion_id

T0 = datetime(2016, 5, 3, 11, 2, tzinfo=UTC)  # 14:02 in Damascus (UTC+3 in May 2016)
HOSPITAL = (36.2021, 37.1343)
METRES_PER_DEGREE_LAT = math.pi * 6_371_008.8 / 180


def north(metres: float, of: tuple[float, float] = HOSPITAL) -> tuple[float, float]:
    """The point ``metres`` due north (a meridian: the distance is exactly that)."""
    return of[0] + metres / METRES_PER_DEGREE_LAT, of[1]


def sight(
    n: int,
    where: tuple[float, float],
    when: datetime,
    *,
    kind: ExhibitKind = ExhibitKind.IMAGE,
    until: datetime | None = None,
    precision: PlacePrecision = PlacePrecision.EXACT,
) -> Sighting:
    return Sighting(uuid.UUID(int=n), f"EX-{n}", kind, where[0], where[1], when, until or when, precision)


def refs(sightings: list[Sighting], **options: object) -> list[tuple[str, ...]]:
    return [s.member_refs for s in suggest_incidents(sightings, **options).suggestions]  # type: ignore[arg-type]


def test_photos_and_videos_close_in_place_and_time_make_one_suggestion_with_a_plain_reason() -> None:
    photos = [sight(n, north(40 * n), T0 + timedelta(minutes=14 * n)) for n in range(1, 8)]
    videos = [sight(n, north(300), T0 + timedelta(minutes=90 + n), kind=ExhibitKind.VIDEO) for n in (8, 9)]
    far_away = sight(10, north(20_000), T0)  # 20 km north: alone, no suggestion
    found = suggest_incidents([*videos, far_away, *photos], time_zone="Asia/Damascus")
    assert len(found.suggestions) == 1
    suggestion = found.suggestions[0]
    assert suggestion.member_refs == tuple(f"EX-{n}" for n in range(1, 10))
    assert suggestion.kinds == (("image", 7), ("video", 2))
    assert suggestion.start == T0 + timedelta(minutes=14) and suggestion.end == T0 + timedelta(minutes=99)
    # the centre is among the members, the radius holds each member and its precision (±10 m)
    for n in range(1, 8):
        assert haversine_m(suggestion.latitude, suggestion.longitude, *north(40 * n)) + 10 <= suggestion.radius_m
    assert suggestion.radius_m < 300
    assert suggestion.reason == (
        f"7 photos and 2 videos within {suggestion.radius_m:.0f} m, 14:16\u201315:41 on 3 May 2016"
    )
    assert suggestion.place_precision is PlacePrecision.LOCALITY


def test_the_radius_boundary_counts_both_places_precision() -> None:
    # Exact places (±10 m each) 1 020 m apart may have been 1 000 m apart: neighbours; 1 021 m: not.
    assert refs([sight(1, HOSPITAL, T0), sight(2, north(1019.9), T0)]) == [("EX-1", "EX-2")]
    assert refs([sight(1, HOSPITAL, T0), sight(2, north(1020.1), T0)]) == []
    # A vicinity (±100 m) reaches further.
    vicinity = sight(2, north(1100), T0, precision=PlacePrecision.VICINITY)
    assert refs([sight(1, HOSPITAL, T0), vicinity]) == [("EX-1", "EX-2")]
    # With a radius of 500 m the same pair is apart.
    assert refs([sight(1, HOSPITAL, T0), sight(2, north(900), T0)], radius_m=500) == []


def test_the_window_boundary_is_the_gap_between_the_time_ranges() -> None:
    window = timedelta(hours=6)
    assert refs([sight(1, HOSPITAL, T0), sight(2, HOSPITAL, T0 + window)]) == [("EX-1", "EX-2")]
    assert refs([sight(1, HOSPITAL, T0), sight(2, HOSPITAL, T0 + window + timedelta(seconds=1))]) == []
    # a range known to the hour ends an hour later: the gap is measured from its end
    hour = sight(1, HOSPITAL, T0, until=T0 + timedelta(hours=1))
    assert refs([hour, sight(2, HOSPITAL, T0 + timedelta(hours=7))]) == [("EX-1", "EX-2")]
    assert refs([sight(1, HOSPITAL, T0), sight(2, HOSPITAL, T0 + timedelta(hours=2))], window=timedelta(hours=1)) == []


def test_chains_join_and_singletons_are_not_suggestions() -> None:
    # Each 900 m from the next: one chain of four, 2.7 km long; its radius says so.
    chain = [sight(n, north(900 * n), T0 + timedelta(minutes=n)) for n in range(4)]
    (suggestion,) = suggest_incidents(chain).suggestions
    assert len(suggestion.members) == 4 and suggestion.radius_m >= 1350
    assert "within 1.4 km" in suggestion.reason
    assert refs([sight(1, HOSPITAL, T0)]) == []
    assert refs([sight(1, HOSPITAL, T0), sight(2, HOSPITAL, T0)], min_members=3) == []


def test_imprecise_times_and_places_are_left_out_and_counted() -> None:
    day = sight(3, HOSPITAL, T0, until=T0 + timedelta(days=1) - timedelta(microseconds=1))
    region = sight(4, HOSPITAL, T0, precision=PlacePrecision.REGION)
    found = suggest_incidents([sight(1, HOSPITAL, T0), sight(2, north(100), T0), day, region])
    assert [s.member_refs for s in found.suggestions] == [("EX-1", "EX-2")]
    assert (found.imprecise_time, found.imprecise_place) == (1, 1)
    # a day is within a window of two days
    found = suggest_incidents([sight(1, HOSPITAL, T0), day], window=timedelta(days=2))
    assert [s.member_refs for s in found.suggestions] == [("EX-1", "EX-3")]


def test_across_the_180th_meridian_and_at_the_pole() -> None:
    fiji = [sight(1, (-16.5, 179.9995), T0), sight(2, (-16.5, -179.9995), T0)]  # about 107 m apart
    (suggestion,) = suggest_incidents(fiji).suggestions
    assert abs(abs(suggestion.longitude) - 180) < 0.001
    pole = [sight(1, (89.9999, 0.0), T0), sight(2, (89.9999, 180.0), T0)]  # about 22 m apart
    assert len(suggest_incidents(pole).suggestions) == 1


def test_ids_and_order_do_not_depend_on_the_input_order() -> None:
    rng = random.Random(7)
    sightings = [
        sight(n, north(rng.uniform(0, 50_000)), T0 + timedelta(hours=rng.uniform(0, 240)), kind=ExhibitKind.VIDEO)
        for n in range(1, 400)
    ]
    first = suggest_incidents(sightings).suggestions
    shuffled = list(sightings)
    rng.shuffle(shuffled)
    assert suggest_incidents(shuffled).suggestions == first
    assert len(first) > 3
    assert [s.start for s in first] == sorted(s.start for s in first)
    for suggestion in first:
        assert suggestion.id == suggestion_id(reversed(suggestion.members))
        assert suggestion.id.startswith("SUG-") and len(suggestion.id) == 14


def test_the_grid_finds_exactly_the_pairs_a_plain_comparison_finds() -> None:
    """Against a brute-force single-linkage over every pair (the rule written out again)."""
    rng = random.Random(3)
    sightings = []
    for n in range(300):
        precision = rng.choice([PlacePrecision.EXACT, PlacePrecision.VICINITY])
        where = (36.2 + rng.uniform(0, 0.05), 37.1 + rng.uniform(0, 0.05))
        start = T0 + timedelta(minutes=rng.uniform(0, 3000))
        sightings.append(
            sight(n, where, start, until=start + timedelta(minutes=rng.choice([0, 30])), precision=precision)
        )
    reach = {PlacePrecision.EXACT: 10.0, PlacePrecision.VICINITY: 100.0}
    parent = list(range(len(sightings)))

    def find(i: int) -> int:
        while parent[i] != i:
            i = parent[i]
        return i

    for i, a in enumerate(sightings):
        for j, b in enumerate(sightings[:i]):
            close = (
                haversine_m(a.latitude, a.longitude, b.latitude, b.longitude)
                <= 800 + reach[a.place_precision] + reach[b.place_precision]
            )
            gap = max(timedelta(0), b.start - a.end, a.start - b.end)
            if close and gap <= timedelta(hours=2):
                parent[find(i)] = find(j)
    expected: dict[int, set[str]] = {}
    for i, s in enumerate(sightings):
        expected.setdefault(find(i), set()).add(s.ref)
    wanted = sorted(sorted(g) for g in expected.values() if len(g) >= 2)
    got = sorted(
        sorted(s.member_refs) for s in suggest_incidents(sightings, radius_m=800, window=timedelta(hours=2)).suggestions
    )
    assert got == wanted and len(wanted) > 5


def test_bad_parameters_are_refused() -> None:
    with pytest.raises(ValidationError, match="radius"):
        suggest_incidents([], radius_m=0)
    with pytest.raises(ValidationError, match="window"):
        suggest_incidents([], window=timedelta(0))
    assert suggest_incidents([]).suggestions == ()
