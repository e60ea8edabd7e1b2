"""Catalogue search a lawyer can use (issue 14): word forms, everyday terms in English, French and Arabic mapped
to crimes through the shipped lexicon, footnotes searched, and the crimes that name the term ranked first."""

from __future__ import annotations

import json

import pytest

from caseapp.cli import main as cli_main
from caseapp.core.legal.lexicon import load_lexicon
from caseapp.core.legal.loader import load_catalogue
from caseapp.core.legal.search import SearchIndex, stem

CAT = load_catalogue()
INDEX = SearchIndex(CAT, lexicon=load_lexicon(CAT))
PLAIN = SearchIndex(CAT)  # no lexicon: what the search did before

ATTACKS = {"8(2)(b)(i)", "8(2)(e)(i)", "8(2)(b)(ii)"}
# term -> (English, French, Arabic), crimes that must be found, the crime that must rank first (None: any of them)
EVERYDAY = {
    "hospital": (("hospital", "hôpital", "مستشفى"), {"8(2)(b)(ix)", "8(2)(e)(iv)"}, {"8(2)(b)(ix)", "8(2)(e)(iv)"}),
    "shelling": (("shelling", "pilonnage", "قصف مدفعي"), ATTACKS, None),
    "airstrike": (("airstrike", "frappe aérienne", "غارة جوية"), ATTACKS, None),
    "bombardment": (("bombardment", "bombardement", "القصف"), ATTACKS | {"8(2)(b)(v)"}, {"8(2)(b)(v)"}),
    "siege": (("siege", "siège", "حصار"), {"8(2)(b)(xxv)", "8(2)(e)(xix)"}, None),
    "starvation": (
        ("starvation", "famine", "تجويع"),
        {"8(2)(b)(xxv)", "8(2)(e)(xix)"},
        {"8(2)(b)(xxv)", "8(2)(e)(xix)"},
    ),
    "chlorine": (("chlorine", "chlore", "الكلور"), {"8(2)(b)(xviii)", "8(2)(e)(xiv)"}, None),
    "chemical": (("chemical", "chimique", "كيميائي"), {"8(2)(b)(xviii)", "8(2)(e)(xiv)"}, None),
    "evacuation": (("evacuation", "évacuation", "إخلاء"), {"7(1)(d)", "8(2)(e)(viii)"}, None),
    "forced displacement": (
        ("forced displacement", "déplacement forcé", "تهجير قسري"),
        {"7(1)(d)", "8(2)(e)(viii)"},
        {"8(2)(e)(viii)"},
    ),
    "aid convoy": (("aid convoy", "convoi humanitaire", "قافلة مساعدات"), {"8(2)(b)(iii)", "8(2)(e)(iii)"}, None),
}
CASES = [
    (name, lang, query)
    for name, (q, _, _) in EVERYDAY.items()
    for lang, query in zip(("en", "fr", "ar"), q, strict=True)
]


@pytest.mark.parametrize(("name", "lang", "query"), CASES, ids=[f"{n}-{lang}" for n, lang, _ in CASES])
def test_everyday_term_finds_the_crimes(name: str, lang: str, query: str) -> None:
    _, expected, first = EVERYDAY[name]
    found = INDEX.matching_crimes(query)
    assert expected <= set(found), (query, found)
    if first is not None:
        assert found[0] in first, (query, found[:3])


@pytest.mark.parametrize("name", list(EVERYDAY))
def test_the_three_languages_find_the_same_crimes_in_the_same_order(name: str) -> None:
    en, fr, ar = (INDEX.matching_crimes(q) for q in EVERYDAY[name][0])
    assert en[: len(EVERYDAY[name][1])] == fr[: len(EVERYDAY[name][1])] == ar[: len(EVERYDAY[name][1])]


def test_everyday_terms_found_nothing_before() -> None:
    for query in ("shelling", "airstrike", "siege", "chlorine", "frappe aérienne", "حصار", "convoi humanitaire"):
        assert PLAIN.matching_crimes(query) == [], query


def test_word_forms() -> None:
    assert stem("killing") == stem("killed") == stem("kill")
    assert stem("pillage") == stem("pillaging")
    killing = PLAIN.matching_crimes("killing")
    assert {"7(1)(a)", "8(2)(c)(i)-1", "8(2)(a)(i)"} <= set(killing)  # murder found through "killed"
    assert set(PLAIN.matching_crimes("pillage")) >= {"8(2)(b)(xvi)", "8(2)(e)(v)"}


def test_crimes_that_name_the_term_rank_first() -> None:
    killing = INDEX.matching_crimes("killing")
    named = {"8(2)(a)(i)", "6(a)", "8(2)(b)(vi)", "8(2)(b)(xi)", "8(2)(e)(ix)"}  # "killing" in title
    assert set(killing[: len(named)]) == named, killing[:8]
    assert {"7(1)(a)", "8(2)(c)(i)-1"} <= set(killing)


def test_footnotes_are_searched() -> None:
    # Footnote 6 (Art 7 Introduction) and fn 56 ("religious personnel") are only in footnotes.
    hits = PLAIN.search("religious personnel")
    assert any(h.crime_id == "8(2)(c)(i)-1" for h in hits)
    hits = PLAIN.search("natural induced incapacity")
    assert {"7(1)(g)-1", "8(2)(b)(xxii)-1", "8(2)(e)(vi)-1"} <= {h.crime_id for h in hits}
    assert all(h.source == "footnote" for h in hits)


def test_extra_words_still_narrow_a_lexicon_match() -> None:
    assert INDEX.matching_crimes("starvation hostages") == []
    assert "8(2)(b)(ix)" in INDEX.matching_crimes("hôpital wounded")


def test_the_lexicon_names_only_existing_crimes_and_every_language() -> None:
    lexicon = load_lexicon(CAT)
    assert lexicon.languages == ("en", "fr", "ar")
    for concept in lexicon.concepts:
        assert all(concept.terms.get(lang) for lang in ("en", "fr", "ar")), concept.id
        assert all(CAT.crime(c) is not None for c in concept.crimes)


def test_cli_search_says_the_texts_are_english_only(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli_main.main(["elements", "--search", "غارة جوية"]) == 0
    out = capsys.readouterr().out
    assert "8(2)(b)(i)" in out
    assert "texts are in English only" in out
    assert "airstrike" in out  # says which everyday term matched
    assert cli_main.main(["elements", "--search", "convoi humanitaire", "--json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert payload["crimes"][0]["id"] in {"8(2)(b)(iii)", "8(2)(e)(iii)"}
    assert payload["lexicon_matches"][0]["concept"] == "aid-convoy"
    assert payload["texts_language"] == "en"
