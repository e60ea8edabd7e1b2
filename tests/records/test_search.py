"""One search over a real SQLCipher case (issue 14): every filter narrows, Arabic and French match
whatever the case, accents and spelling, exact words rank first, deleted records stay hidden
unless asked for, and a protected witness's name typed into other records finds them without ever
being shown, nor tying the name to a person record."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

import pytest

from caseapp.app.case_folder import OpenCase
from caseapp.core.entities import ExhibitKind, PersonRole
from caseapp.core.errors import ValidationError
from caseapp.core.ports import Deleted, Page
from caseapp.core.refs import CASE_REF, parse_ref
from caseapp.core.search import SearchKind, SearchQuery, SearchResults
from caseapp.core.services.search import SearchService
from tests.intake.intake_factories import write_jpeg
from tests.records.aleppo import Aleppo, build
from tests.records.test_export_view import VARIANT, WITNESS, case_with_witness, leaks, strings

__all__ = ["case_with_witness"]  # the fixture, shared with the export view's tests


def search(case: OpenCase, text: str = "", **filters: object) -> SearchResults:
    filters.setdefault("page", Page(0, 1000))
    return SearchService(case.db, "tester").search(SearchQuery(text=text, **filters))  # type: ignore[arg-type]


def refs(results: SearchResults, kind: SearchKind | None = None) -> set[str]:
    return {hit.ref for hit in results.hits if kind is None or hit.kind is kind}


@pytest.fixture
def aleppo(make_case: Callable[..., tuple[OpenCase, str]]) -> tuple[OpenCase, Aleppo]:
    case, _ = make_case()
    sample = build(case)
    work = sample.work
    work.link(parse_ref("EX-3"), parse_ref("INC-1"), reasoning="MSF names the hospital struck")
    work.add_exhibit(title="Unrelated leaflet", kind=ExhibitKind.DOCUMENT)  # EX-10: linked to nothing
    work.tag(parse_ref("EX-1"), ["crater"])
    work.tag(parse_ref("INC-1"), ["crater"])
    work.add_note(parse_ref("INC-2"), "Shelling seen from the roof")
    return case, sample


def test_each_filter_narrows_the_search(aleppo: tuple[OpenCase, Aleppo]) -> None:
    case, sample = aleppo
    links = sample.links
    everything = search(case, "", kinds=frozenset(SearchKind))
    assert everything.total == len(everything.hits) > 30

    reasoning = search(case, "reasoning")
    assert refs(reasoning) == {str(ref) for ref in links.values()}  # every element link, nothing else
    awaiting = search(case, "reasoning", awaiting_review=True)
    assert refs(awaiting) == {str(links["control-coi"])}

    element = search(case, "", element_id="8(2)(e)(iv)-1")
    assert refs(element, SearchKind.ELEMENT_LINK) == {str(links["attack-msf"]), str(links["attack-satellite"])}
    assert refs(element, SearchKind.EXHIBIT) == {"EX-3", "EX-4"}  # the rejected link's EX-5 is not evidence
    assert refs(element, SearchKind.CHARGE) == {str(sample.charges["hospital"])}
    assert refs(element) < refs(everything)

    exhibits = search(case, "", kinds=frozenset({SearchKind.EXHIBIT}))
    assert len(exhibits.hits) == 10
    graded = search(case, "", kinds=frozenset({SearchKind.EXHIBIT}), grade="A-B")
    assert refs(graded) == {"EX-1", "EX-2", "EX-3", "EX-4", "EX-7", "EX-8", "EX-9"}
    assert refs(search(case, "", grade="E5")) == {"EX-5", "SRC-4"} | {
        str(links["attack-channel"]),
        str(links["commander-post"]),
    }
    assert refs(search(case, "", unlinked=True)) == {"EX-10"}
    assert refs(search(case, "", exhibit_kind=ExhibitKind.VIDEO)) == {"EX-2", "EX-9"}
    assert refs(search(case, "", tag="crater")) == {"EX-1", "INC-1"}

    incident = search(case, "", incident="INC-1")
    assert refs(incident) == {"INC-1", "EX-3", "LNK-1", str(sample.charges["hospital"])}

    may = search(case, "", kinds=frozenset({SearchKind.INCIDENT}), date_from="2016-05", date_to="2016-05")
    assert refs(may) == {"INC-2"}
    assert refs(search(case, "shelling")) == {"INC-2", "NOTE-1"}
    assert refs(search(case, "shelling", kinds=frozenset({SearchKind.NOTE}))) == {"NOTE-1"}
    assert refs(search(case, "video")) == {"EX-2", "EX-9", str(links["intent-video"])}  # its reasoning names it
    assert refs(search(case, "video buses")) == {"EX-9"}


def test_bad_filters_are_refused_with_a_clear_message(aleppo: tuple[OpenCase, Aleppo]) -> None:
    case, _ = aleppo
    with pytest.raises(ValidationError, match="Admiralty grading"):
        search(case, "x", grade="G7")
    with pytest.raises(ValidationError, match="a filter"):
        search(case, "")
    with pytest.raises(ValidationError, match=r"ends .* before it starts"):
        search(case, "strike", date_from="2016-05", date_to="2016-04")
    with pytest.raises(ValidationError, match="not an incident"):
        search(case, "strike", incident="EX-1")


def test_arabic_and_french_match_whatever_the_case_accents_and_spelling(
    make_case: Callable[..., tuple[OpenCase, str]],
) -> None:
    case, _ = make_case()
    work = case.records
    work.add_exhibit(title="صورة المُسْتَشْفَى بعد القصف")  # EX-1: tashkeel, alef maqsura, article
    work.add_exhibit(title="Témoignage de l'infirmière")  # EX-2
    work.add_incident(title="Frappe sur l'hôpital", place_name="إدلب")  # INC-1
    work.add_note(CASE_REF, "مدرسة أطفال قرب الجامع")  # NOTE-1: taa marbuta, hamza

    for query in ("مستشفي", "المستشفى", "مستشفى", "بالمستشفى"):
        assert refs(search(case, query)) == {"EX-1"}, query
    assert refs(search(case, "TEMOIGNAGE infirmiere")) == {"EX-2"}
    assert refs(search(case, "hopital")) == {"INC-1"}
    assert refs(search(case, "ادلب")) == {"INC-1"}  # bare alef for إ
    assert refs(search(case, "مدرسه اطفال")) == {"NOTE-1"}
    hit = search(case, "infirm").hits[0]
    assert hit.snippet is not None and hit.snippet.marked() == "Témoignage de l'[infirmière]"
    assert not hit.exact  # a word's beginning, not the whole word
    arabic = search(case, "المستشفى").hits[0]
    assert arabic.snippet is not None and arabic.snippet.marked() == "صورة [المُسْتَشْفَى] بعد القصف"  # as typed


def test_whole_words_rank_before_beginnings_and_pages_follow_the_ranking(
    make_case: Callable[..., tuple[OpenCase, str]],
) -> None:
    case, _ = make_case()
    work = case.records
    work.add_exhibit(title="Photos of two hospitals")  # EX-1: "hospital" only begins a word
    work.add_exhibit(title="Hospital gate")  # EX-2
    work.add_incident(title="Strike near the hospitality school")  # INC-1
    work.add_note(CASE_REF, "The hospital director called")  # NOTE-1
    ranked = [hit.ref for hit in search(case, "hospital").hits]
    assert ranked[:2] == ["EX-2", "NOTE-1"]  # whole words first (then by kind)
    assert set(ranked[2:]) == {"EX-1", "INC-1"}
    second = search(case, "hospital", page=Page(1, 2))
    assert [hit.ref for hit in second.hits] == ranked[1:3] and second.total == 4


def test_deleted_records_are_found_only_when_asked(make_case: Callable[..., tuple[OpenCase, str]]) -> None:
    case, _ = make_case()
    work = case.records
    work.add_exhibit(title="Crater photo")
    work.add_note(CASE_REF, "crater measured at 12 m")
    work.delete(parse_ref("EX-1"), reason="duplicate")
    work.delete(parse_ref("NOTE-1"), reason="wrong case")
    assert search(case, "crater").total == 0
    found = search(case, "crater", deleted=Deleted.INCLUDE)
    assert refs(found) == {"EX-1", "NOTE-1"} and all(hit.deleted for hit in found.hits)


def test_a_protected_name_finds_the_records_it_was_typed_into_but_is_never_shown(
    case_with_witness: tuple[OpenCase, str],
) -> None:
    case, imported = case_with_witness
    case.records.add_person(role=PersonRole.VICTIM, full_name="Layla Haddad")  # typed nowhere else
    for query in (WITNESS, VARIANT, "محمد الحلبي"):
        found = search(case, query)
        kinds = {hit.kind for hit in found.hits}
        # The title, the note, the link, the element link, the imported statement's text.
        assert {SearchKind.EXHIBIT, SearchKind.NOTE, SearchKind.LINK, SearchKind.ELEMENT_LINK} <= kinds, query
        assert imported in refs(found)
        assert SearchKind.PERSON not in kinds  # the name never leads to the person record
        shown = [text for _, text in strings([dataclasses.replace(hit, id=None) for hit in found.hits])]
        assert not [text for text in shown if leaks(text)], query
        assert any("W-001" in text for text in shown)  # the pseudonym, as every listing shows it
    statement = next(hit for hit in search(case, WITNESS).hits if hit.ref == imported)
    assert statement.why == "extracted text" and statement.snippet is None  # never points at the pseudonym
    # A protected name typed nowhere finds nothing, not even its person: no oracle of who is a witness.
    assert search(case, "Layla Haddad").total == 0 and search(case, "Haddad").total == 0
    assert refs(search(case, "W-001"), SearchKind.PERSON) == {"W-001"}
    assert refs(search(case, "witness"), SearchKind.PERSON) == {"W-001"}
    # A public suspect is found by name.
    assert refs(search(case, "جميل حسن"), SearchKind.PERSON) == {"S-001"}


def test_snippets_of_long_extracted_text_do_not_cut_a_protected_name_in_half(
    make_case: Callable[..., tuple[OpenCase, str]], tmp_path: Path
) -> None:
    case, _ = make_case()
    case.records.add_person(role=PersonRole.WITNESS, full_name="Samir Khaled Nasser")
    filler = " ".join(f"word{n}" for n in range(200))
    report = tmp_path / "report.txt"
    report.write_text(f"{filler} Samir Khaled Nasser {' '.join(['pad'] * 40)} crater {filler}", encoding="utf-8")
    case.imports.import_paths([report])
    hit = search(case, "crater").hits[0]
    assert hit.why == "extracted text" and hit.snippet is not None
    text = hit.snippet.text
    assert "[crater]" in hit.snippet.marked() and hit.snippet.cut_start and hit.snippet.cut_end
    assert "Nasser" not in text and "Khaled" not in text and "Samir" not in text


def test_timeline_orders_incidents_and_dated_exhibits_and_counts_the_undated(
    make_case: Callable[..., tuple[OpenCase, str]], tmp_path: Path
) -> None:
    case, _ = make_case(time_zone="Asia/Damascus")
    work = case.records
    work.add_incident(title="Evacuation", when="2016-12")  # INC-1: a month
    work.add_incident(title="Strike", when="2016-04-27", place_name="حلب", latitude=36.2, longitude=37.13)  # INC-2
    work.add_incident(title="Rumoured strike")  # INC-3: no time
    work.add_exhibit(title="Paper statement")  # EX-1: no capture time
    photo = write_jpeg(tmp_path / "photo.jpg", taken="2016:04:27 14:05:00", gps=(36.2021, 37.1343))
    case.imports.import_paths([photo])  # EX-2
    timeline = SearchService(case.db, "tester").timeline()
    assert [e.ref for e in timeline.entries] == ["INC-2", "EX-2", "INC-1"]
    strike, photo_entry, evacuation = timeline.entries
    assert (strike.start.isoformat(), strike.end.isoformat()) == (
        "2016-04-26T21:00:00+00:00",  # midnight in Damascus (UTC+3 in summer)
        "2016-04-27T20:59:59.999999+00:00",
    )
    assert photo_entry.start == photo_entry.end and photo_entry.zone_assumed
    assert photo_entry.start.isoformat() == "2016-04-27T11:05:00+00:00"
    assert photo_entry.has_coordinates and photo_entry.place_precision.value == "exact"
    assert evacuation.start.day == 30 and evacuation.end.month == 12 and evacuation.end.day == 31  # Dec in Damascus
    assert timeline.undated == {"incident": 1, "exhibit": 1}
    april = SearchService(case.db, "tester").timeline("2016-04", "2016-04")
    assert [e.ref for e in april.entries] == ["INC-2", "EX-2"] and april.undated_total == 2
