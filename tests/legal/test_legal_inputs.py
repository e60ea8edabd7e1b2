"""Bad input gives a clear error that names the bad value; ids are normalised."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from caseapp.core.errors import NotFoundError, ValidationError
from caseapp.core.legal.ids import normalise_ref, parse_crime_ref, split_element_id
from caseapp.core.legal.jurisdiction import check_jurisdiction, parse_date, resolve_crime
from caseapp.core.legal.states import load_jurisdiction_data

DATA = load_jurisdiction_data()


@pytest.mark.parametrize("code", ["XX", "ZZ", "SYR", "Syria", "1", ""])
def test_unknown_country_codes_are_named(code: str) -> None:
    with pytest.raises(ValidationError, match=re.escape(f"unknown country code '{code}'")):
        DATA.country(code)


@pytest.mark.parametrize("field", ["territory", "element_territories", "nationalities"])
def test_unknown_codes_are_rejected_in_every_field(field: str) -> None:
    kwargs: dict[str, object] = {"date": "2016-12-13", "territory": "SY"}
    kwargs[field] = ["QQ"] if field != "territory" else "QQ"
    with pytest.raises(ValidationError, match="'QQ'"):
        check_jurisdiction(**kwargs)  # type: ignore[arg-type]


def test_country_codes_are_case_insensitive() -> None:
    assert DATA.country(" sy ").iso2 == "SY"
    answer = check_jurisdiction(date="2016-12-13", territory="jo")
    assert answer.query.territory == "JO"


@pytest.mark.parametrize("value", ["1997-12-31", "1998-07-16", "1950-01-01"])
def test_dates_before_the_statute_are_refused_by_name(value: str) -> None:
    with pytest.raises(ValidationError, match=value):
        parse_date(value)


@pytest.mark.parametrize("value", ["2016-13-01", "13/12/2016", "yesterday", "2016-02-30"])
def test_malformed_dates_are_named(value: str) -> None:
    with pytest.raises(ValidationError, match=f"'{value}' is not a date"):
        check_jurisdiction(date=value, territory="SY")


def test_the_adoption_day_itself_is_accepted_but_outside() -> None:
    assert parse_date("1998-07-17") == dt.date(1998, 7, 17)
    answer = check_jurisdiction(date="1998-07-17", territory="IT")
    assert answer.verdict.value == "outside"


@pytest.mark.parametrize(
    "value", ["8(2)(z)(i)", "9(1)", "8(2)(b)(xxx)", "7(1)(l)", "8.2.e.i", "six", "8(2)(b)()", "7(2)(a)"]
)
def test_malformed_crime_ids_are_named(value: str) -> None:
    with pytest.raises(ValidationError, match=re.escape(f"'{value.strip()}' is not a crime reference")):
        parse_crime_ref(value)
    with pytest.raises(ValidationError, match="is not a crime reference"):
        check_jurisdiction(date="2016-12-13", territory="JO", crime=value)


@pytest.mark.parametrize("value", ["8(2)(c)(v)", "7(1)(g)-7", "8(2)(a)(ix)", "8(2)(e)(xx)"])
def test_well_formed_but_unknown_crimes_are_not_found(value: str) -> None:
    with pytest.raises(NotFoundError, match=re.escape(f"'{value}' is well formed but no such crime")):
        resolve_crime(value)


def test_a_reference_mixing_regimes_must_be_narrowed() -> None:
    with pytest.raises(ValidationError, match="'8\\(2\\)\\(e\\)' covers crimes with different jurisdiction regimes"):
        resolve_crime("8(2)(e)")


def test_a_territory_or_nationality_is_required() -> None:
    with pytest.raises(ValidationError, match="territory or a nationality"):
        check_jurisdiction(date="2016-12-13")


@pytest.mark.parametrize(
    ("typed", "canonical"),
    [
        ("8 (2) (E) (I)", "8(2)(e)(i)"),
        ("8bis", "8 bis"),
        ("8 BIS", "8 bis"),
        ("Art. 7(1)(a)", "7(1)(a)"),
        ("article 6(c)", "6(c)"),
        ("7(1)(g)-1", "7(1)(g)-1"),
    ],
)
def test_ids_are_normalised(typed: str, canonical: str) -> None:
    assert normalise_ref(typed) == canonical
    assert parse_crime_ref(typed) == canonical


def test_element_ids_split_into_crime_and_number() -> None:
    assert split_element_id("7(1)(a)-1") == ("7(1)(a)", 1)
    assert split_element_id("7(1)(g)-1-2") == ("7(1)(g)-1", 2)
    assert split_element_id("7(1)(a)") is None


def test_broad_but_uniform_references_are_accepted() -> None:
    ref, crimes = resolve_crime("7(1)(g)")
    assert ref == "7(1)(g)"
    assert len(crimes) == 6
    answer = check_jurisdiction(date="2016-06-01", territory="JO", crime="7(1)(g)")
    assert answer.crime_title == "6 crimes under 7(1)(g)"
