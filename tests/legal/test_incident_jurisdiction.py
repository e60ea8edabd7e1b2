"""Jurisdiction over an incident: its country (typed or from coordinates) and its whole time range."""

from __future__ import annotations

import datetime as dt
import uuid
from datetime import UTC, datetime

import pytest

from caseapp.core.entities import Incident, PlacePrecision, TimePrecision
from caseapp.core.errors import ValidationError
from caseapp.core.legal.incident_jurisdiction import (
    CountryFrom,
    data_dates,
    incident_jurisdiction,
    jurisdiction_over_range,
)
from caseapp.core.legal.jurisdiction import Verdict
from caseapp.core.legal.states import load_jurisdiction_data

NOW = datetime(2026, 1, 1, tzinfo=UTC)


def incident(
    start: str | None,
    end: str | None = None,
    *,
    at: tuple[float, float] | None = None,
    precision: PlacePrecision = PlacePrecision.LOCALITY,
    time_precision: TimePrecision = TimePrecision.DAY,
    zone: str = "UTC",
) -> Incident:
    """An incident whose range is the days ``start``..``end`` (whole days in UTC)."""
    first = datetime.fromisoformat(start).replace(tzinfo=UTC) if start else None
    last = (
        datetime.fromisoformat(end or start).replace(tzinfo=UTC) + dt.timedelta(days=1, microseconds=-1)
        if start
        else None
    )
    lat, lon = at if at else (None, None)
    return Incident(
        uuid.uuid4(), "INC-7", "Strike", "", first, last, time_precision, "", lat, lon, precision, NOW, time_zone=zone
    )


def test_palestine_declaration_start_inside_the_range_changes_the_answer() -> None:
    gaza = incident("2014-06-01", "2014-07-31", at=(31.50, 34.45), precision=PlacePrecision.VICINITY)
    result = incident_jurisdiction(gaza, "8(2)(e)(i)")
    assert result.country_from is CountryFrom.COORDINATES and result.located is not None
    (territory,) = result.territories
    assert territory.territory == "PS" and result.changes
    assert [(p.start, p.end, p.answer.verdict) for p in territory.periods] == [
        (dt.date(2014, 6, 1), dt.date(2014, 6, 12), Verdict.OUTSIDE),
        (dt.date(2014, 6, 13), dt.date(2014, 7, 31), Verdict.WITHIN),
    ]
    (change,) = territory.changes
    assert change.day == dt.date(2014, 6, 13) and (change.before, change.after) == ("outside", "within")
    assert "Art 12(3) declaration lodged on 2015-01-01" in " ".join(change.because)


def test_armenia_declaration_then_membership() -> None:
    yerevan = incident("2021-05-01", "2024-03-01", at=(40.18, 44.51))
    (territory,) = incident_jurisdiction(yerevan, "7(1)(a)").territories
    assert territory.territory == "AM"
    # within from the declaration's start (10 May 2021); becoming a State Party on 1 Feb 2024 keeps it within
    assert [(c.day, c.before, c.after) for c in territory.changes] == [(dt.date(2021, 5, 10), "outside", "within")]
    assert territory.periods[-1].end == dt.date(2024, 3, 1)


def test_ukraine_declarations_overlap_so_the_answer_does_not_change() -> None:
    kyiv = incident("2014-02-01", "2014-03-31", at=(50.45, 30.52))
    result = incident_jurisdiction(kyiv, "8(2)(e)(i)")
    assert not result.changes
    (territory,) = result.territories
    assert territory.territory == "UA" and territory.periods[0].answer.verdict is Verdict.WITHIN


def test_a_typed_territory_wins_over_the_coordinates_and_needs_none() -> None:
    result = incident_jurisdiction(incident("2016-04-27"), "8(2)(e)(i)", territory="sy")
    assert result.country_from is CountryFrom.TYPED and result.located is None
    assert [t.territory for t in result.territories] == ["SY"]
    # Syria is no party and has made no declaration; a national of a State Party gives a basis
    assert result.territories[0].periods[0].answer.verdict is Verdict.OUTSIDE
    with_national = incident_jurisdiction(incident("2016-04-27"), "8(2)(e)(i)", ["FR"], territory="SY")
    assert with_national.territories[0].periods[0].answer.verdict is Verdict.WITHIN


def test_an_uncertain_country_is_assessed_for_each_country_it_may_be() -> None:
    border = incident("2016-04-27", at=(36.6885, 37.0), precision=PlacePrecision.LOCALITY)
    result = incident_jurisdiction(border, "8(2)(e)(i)")
    assert [t.territory for t in result.territories] == ["SY", "TR"]
    assert result.as_dict()["country"]["uncertain"] is True
    assert not result.depends_on_country  # neither Syria nor Turkey is a party
    assert not result.changes


def test_the_local_date_is_used() -> None:
    # 2016-04-26 23:30 in UTC is already 2016-04-27 in Damascus
    moment = datetime(2016, 4, 26, 23, 30, tzinfo=UTC)
    aleppo = incident("2016-04-26", at=(36.20, 37.13), zone="Asia/Damascus")
    shifted = Incident(
        **{**{f: getattr(aleppo, f) for f in aleppo.__slots__}, "time_start": moment, "time_end": moment}
    )
    result = incident_jurisdiction(shifted, None, territory="SY")
    assert (result.start, result.end) == (dt.date(2016, 4, 27), dt.date(2016, 4, 27))


@pytest.mark.parametrize(
    ("case", "message"),
    [
        (incident("2016-04-27", at=(35.0, 18.0)), "in no country on the shipped outlines"),
        (incident("2016-04-27"), "has no coordinates"),
        (incident(None, at=(36.20, 37.13)), "has no time"),
        (incident("1990-01-01", at=(36.20, 37.13)), "before the Rome Statute was adopted"),
    ],
)
def test_what_cannot_be_answered_says_what_to_give(case: Incident, message: str) -> None:
    with pytest.raises(ValidationError, match=message) as raised:
        incident_jurisdiction(case, "8(2)(e)(i)")
    assert "--territory" in str(raised.value) or "--when" in str(raised.value) or "Statute" in str(raised.value)


def test_every_kind_of_data_date_is_a_candidate() -> None:
    data = load_jurisdiction_data()
    days = data_dates(data)
    assert {data.statute_in_force, data.aggression_activation, data.parties["UA"].start} <= days
    assert {d.start for d in data.declarations} <= days
    assert all(d.end + dt.timedelta(days=1) in days for d in data.declarations if d.end)  # the day after an end


def test_a_change_of_grounds_alone_is_a_new_period_but_not_a_change_of_answer() -> None:
    kyiv = incident("2001-01-01", "2002-12-31", at=(50.45, 30.52))
    result = incident_jurisdiction(kyiv, "8(2)(e)(i)")
    (territory,) = result.territories
    assert [(c.day, c.before, c.after) for c in territory.changes] == [(dt.date(2002, 7, 1), "outside", "outside")]
    assert "After the Statute entered into force" in " ".join(territory.changes[0].because)
    assert not result.changes and not territory.verdict_changes
    assert incident_jurisdiction(incident("2001-01-01", "2014-01-01", at=(50.45, 30.52)), "8(2)(e)(i)").changes


def test_a_range_of_dates_asked_without_an_incident_gives_the_same_periods() -> None:
    territory = jurisdiction_over_range("2014-06-01", "2014-07-31", territory="ps", crime="8(2)(e)(i)")
    assert territory.territory == "PS" and territory.verdict_changes
    assert [(p.start, p.end, p.answer.verdict) for p in territory.periods] == [
        (dt.date(2014, 6, 1), dt.date(2014, 6, 12), Verdict.OUTSIDE),
        (dt.date(2014, 6, 13), dt.date(2014, 7, 31), Verdict.WITHIN),
    ]
    by_nationality = jurisdiction_over_range("2016-04-01", "2016-04-30", nationalities=["FR"])
    assert by_nationality.territory == "" and not by_nationality.changes
    with pytest.raises(ValidationError, match="ends on 2014-06-01 before it starts on 2014-07-31"):
        jurisdiction_over_range("2014-07-31", "2014-06-01", territory="PS")
