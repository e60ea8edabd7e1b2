"""Full-text search over crimes and elements."""

from __future__ import annotations

from caseapp.core.legal.loader import load_catalogue
from caseapp.core.legal.model import LocalText
from caseapp.core.legal.search import SearchIndex, fold, tokens

INDEX = SearchIndex(load_catalogue())


def test_prefix_and_case_insensitive_matching() -> None:
    crimes = INDEX.matching_crimes("DEPORT")
    assert "7(1)(d)" in crimes
    assert "8(2)(a)(vii)-1" in crimes
    assert "6(a)" not in crimes


def test_every_word_must_match() -> None:
    both = set(INDEX.matching_crimes("starvation civilians"))
    assert {"8(2)(b)(xxv)", "8(2)(e)(xix)"} <= both
    assert INDEX.matching_crimes("starvation hostages") == []


def test_title_matches_rank_above_element_matches() -> None:
    hits = INDEX.search("pillaging")
    assert hits, "no hit for pillaging"
    assert hits[0].element_id is None
    assert hits[0].crime_id in {"8(2)(b)(xvi)", "8(2)(e)(v)"}
    element_hits = [h for h in hits if h.element_id]
    assert all(h.score <= hits[0].score for h in element_hits)


def test_element_hits_name_the_element_and_carry_a_snippet() -> None:
    hits = [h for h in INDEX.search("genuine consent") if h.element_id]
    assert any(h.element_id == "7(1)(g)-1-2" for h in hits)
    assert all(len(h.snippet) <= 160 for h in hits)


def test_alternatives_are_searchable() -> None:
    # 7(1)(i)-1 holds its words only in its (a)/(b) alternatives.
    hits = INDEX.search("abducted")
    assert any(h.element_id == "7(1)(i)-1" for h in hits)


def test_empty_and_unknown_queries() -> None:
    assert INDEX.search("") == []
    assert INDEX.search("   ,;  ") == []
    assert INDEX.search("zzzzqqq") == []


def test_folding_handles_accents_arabic_diacritics_and_case() -> None:
    assert fold("Déportation") == "deportation"
    assert fold("ÉLÉMENT") == "element"
    # Arabic: harakat and tatweel are dropped, so a vocalised word matches the plain one.
    assert fold("جَرِيمَة") == fold("جريمة")
    assert fold("جـــريمة") == fold("جريمة")
    assert tokens("Crime contre l'humanité") == ["crime", "contre", "l", "humanite"]


def test_other_languages_are_indexed_side_by_side() -> None:
    text = LocalText((("en", "Crime against humanity of murder"), ("fr", "Crime contre l'humanité de meurtre")))
    assert text.get("fr") == "Crime contre l'humanité de meurtre"
    assert text.get("ar") is None
    french = SearchIndex(load_catalogue(), language="fr")
    # No French text ships yet: the French index is empty rather than falling back to English.
    assert french.search("murder") == []
