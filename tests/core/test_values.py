"""Typed references, time ranges and text checks."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from caseapp.core.changes import Changes
from caseapp.core.entities import TimePrecision
from caseapp.core.errors import ValidationError
from caseapp.core.refs import RefKind, parse_ref
from caseapp.core.text import clean_text
from caseapp.core.timeinput import parse_time_range


@pytest.mark.parametrize(
    ("text", "kind", "shown"),
    [
        ("ex-12", RefKind.EXHIBIT, "EX-12"),
        ("INC-3", RefKind.INCIDENT, "INC-3"),
        ("SRC-2", RefKind.SOURCE, "SRC-2"),
        ("w-001", RefKind.PERSON, "W-001"),
        ("case", RefKind.CASE, "CASE"),
        ("note-4", RefKind.NOTE, "NOTE-4"),
        ("LNK-5", RefKind.LINK, "LNK-5"),
    ],
)
def test_references_parse(text: str, kind: RefKind, shown: str) -> None:
    ref = parse_ref(text)
    assert ref.kind is kind and str(ref) == shown


@pytest.mark.parametrize("bad", ["", "EX-0", "EX-", "X-1", "W-1", "EX-1; DROP TABLE", "١٢"])
def test_bad_references_name_the_value(bad: str) -> None:
    with pytest.raises(ValidationError, match="is not a reference"):
        parse_ref(bad)


def test_time_ranges_cover_the_named_period() -> None:
    start, end, precision, zone_name = parse_time_range("2016-12")
    assert (start, precision, zone_name) == (datetime(2016, 12, 1, tzinfo=UTC), TimePrecision.MONTH, "UTC")
    assert end == datetime(2016, 12, 31, 23, 59, 59, 999999, tzinfo=UTC)
    start, end, precision, zone_name = parse_time_range("2016-12-13T14:05+03:00")
    assert start == end == datetime(2016, 12, 13, 11, 5, tzinfo=UTC) and precision is TimePrecision.EXACT
    assert zone_name == "+03:00"
    # A time typed without a zone is read in the case's zone.
    start, end, precision, zone_name = parse_time_range("2016-12-13", "Asia/Damascus")
    assert (start, zone_name, precision) == (
        datetime(2016, 12, 12, 22, 0, tzinfo=UTC),
        "Asia/Damascus",
        TimePrecision.DAY,
    )
    assert end == datetime(2016, 12, 13, 21, 59, 59, 999999, tzinfo=UTC)
    with pytest.raises(ValidationError, match="'13/12/2016' is not a time"):
        parse_time_range("13/12/2016")


def test_text_is_nfc_normalised_and_control_characters_refused() -> None:
    assert clean_text("  e\u0301lise ", field="name") == "\u00e9lise"
    with pytest.raises(ValidationError, match="U\\+202E"):
        clean_text("abc\u202edef", field="name")
    with pytest.raises(ValidationError, match="U\\+0007"):
        clean_text("bell\x07", field="note", multiline=True)
    assert clean_text("line one\nline two", field="note", multiline=True) == "line one\nline two"


def test_changes_merge() -> None:
    merged = Changes(persons=True) | Changes(custody=True)
    assert merged.names() == ("persons", "custody") and merged.any and not Changes().any
