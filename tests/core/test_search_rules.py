"""The pure rules under search and the timeline: gradings as typed, word matching and exactness,
snippets that never keep half a protected name, the index form made readable, time ranges."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import pytest

from caseapp.core.entities import (
    Exhibit,
    ExhibitKind,
    Incident,
    InformationCredibility,
    Person,
    PersonRole,
    PlacePrecision,
    ProtectionLevel,
    Sensitivity,
    SourceReliability,
    TimePrecision,
)
from caseapp.core.errors import ValidationError
from caseapp.core.redaction import NameRedactor
from caseapp.core.search import Match, from_index_form, make_snippet, match_text, parse_grade, query_terms
from caseapp.core.searchtext import index_form, normalise
from caseapp.core.timeline import ESTIMATE_MARGIN, build_timeline

NOW = datetime(2024, 1, 1, tzinfo=UTC)


def test_gradings_as_typed() -> None:
    b2 = parse_grade("b2")
    assert b2.accepts(SourceReliability.B, InformationCredibility("2"))
    assert not b2.accepts(SourceReliability.B, InformationCredibility("3"))
    a_c = parse_grade("A-C")
    assert a_c.accepts(SourceReliability.C, InformationCredibility("6"))
    assert not a_c.accepts(SourceReliability.D, InformationCredibility("1"))
    both = parse_grade("A-B/1-2")
    assert both.accepts(SourceReliability.A, InformationCredibility("2"))
    assert not both.accepts(SourceReliability.A, InformationCredibility("3"))
    assert parse_grade("1-3").accepts(SourceReliability.F, InformationCredibility("3"))
    for bad in ("", "G", "7", "C-A", "B2x"):
        with pytest.raises(ValidationError):
            parse_grade(bad)


def test_every_word_must_match_and_whole_words_are_exact() -> None:
    assert match_text(query_terms("hospital strike"), ["Strike on the hospital"]) is Match.EXACT
    assert match_text(query_terms("hosp"), ["Strike on the hospital"]) is Match.PREFIX
    assert match_text(query_terms("hospital school"), ["Strike on the hospital"]) is Match.NONE
    assert match_text(query_terms("المستشفى"), ["قرب مُسْتَشْفى القدس"]) is Match.EXACT
    assert match_text(query_terms("الله"), ["بسم الله"]) is Match.EXACT  # an article-looking word kept whole
    with pytest.raises(ValidationError, match="limit"):
        query_terms("word " * 70)


def test_the_index_form_reads_as_written_again() -> None:
    typed = "شهد محمد الحلبي، والمستشفى"
    assert index_form(typed) != typed
    assert from_index_form(index_form(typed)) == normalise(typed)  # in search form (ى → ي), no copies


def test_a_snippet_cut_inside_a_protected_name_drops_its_remainder() -> None:
    person = Person(
        uuid.uuid4(), "W-001", PersonRole.WITNESS, ProtectionLevel.PROTECTED, "Samir Khaled Nasser", "", NOW
    )
    redactor = NameRedactor.for_persons([person])
    # A window the index cut inside the name: "Nasser" alone is not a phrase the redactor replaces.
    piece = make_snippet("Nasser saw the crater near the gate", ["crater"], redactor, cut_start=True)
    assert "Khaled" not in piece.text and "Nasser" not in piece.text and piece.cut_start
    assert piece.marked() == "…the [crater] near the gate"  # a name has at most 3 words: 2 dropped
    whole = make_snippet("Samir Khaled Nasser saw the crater", ["crater"], redactor)
    assert whole.marked() == "W-001 saw the [crater]"


def _incident(ref: str, start: datetime | None, end: datetime | None, precision: TimePrecision) -> Incident:
    return Incident(uuid.uuid4(), ref, ref, "", start, end, precision, "", None, None, PlacePrecision.UNKNOWN, NOW)


def _exhibit(ref: str, captured: str | None) -> Exhibit:
    return Exhibit(uuid.uuid4(), ref, ref, ExhibitKind.IMAGE, "", None, Sensitivity.NONE, None, NOW, captured=captured)


def test_timeline_ranges_from_precision_and_undated_counts() -> None:
    day = datetime(2016, 4, 27, tzinfo=UTC)
    estimated = _incident("INC-1", day, day + timedelta(days=1), TimePrecision.ESTIMATED)
    exact = _incident("INC-2", day, None, TimePrecision.EXACT)
    undated = _incident("INC-3", None, None, TimePrecision.ESTIMATED)
    exhibits = [
        _exhibit("EX-1", "2016-04-27T10:00:00+03:00"),
        _exhibit("EX-2", "2016-04"),
        _exhibit("EX-3", None),
        _exhibit("EX-4", "27/04/2016"),
    ]
    timeline = build_timeline([estimated, exact, undated], exhibits, case_zone="UTC")
    assert [e.ref for e in timeline.entries] == ["EX-2", "INC-1", "INC-2", "EX-1"]
    by_ref = {e.ref: e for e in timeline.entries}
    assert (
        by_ref["INC-1"].start == day - ESTIMATE_MARGIN
        and by_ref["INC-1"].end == day + timedelta(days=1) + ESTIMATE_MARGIN
    )
    assert by_ref["INC-2"].start == by_ref["INC-2"].end == day
    assert by_ref["EX-1"].start == datetime(2016, 4, 27, 7, tzinfo=UTC) and not by_ref["EX-1"].zone_assumed
    month = by_ref["EX-2"]
    assert month.time_precision is TimePrecision.MONTH and month.end.day == 30
    assert timeline.undated == {"incident": 1, "exhibit": 2} and timeline.unreadable == ("EX-4",)
    window = (datetime(2016, 4, 27, 12, tzinfo=UTC), datetime(2016, 4, 28, tzinfo=UTC))
    assert [e.ref for e in build_timeline([estimated, exact], exhibits, case_zone="UTC", window=window).entries] == [
        "EX-2",
        "INC-1",
    ]
