# ruff: noqa: RUF001  (Arabic letters look like Latin ones to ruff)
"""The search normaliser: each folding rule, the definite article on both sides, Latin untouched."""

from __future__ import annotations

import sqlite3

import pytest

from caseapp.core.errors import ValidationError
from caseapp.core.searchtext import (
    MAX_QUERY_CHARS,
    MAX_QUERY_WORDS,
    fts_query,
    index_form,
    normalise,
    query_words,
    strip_article,
)


@pytest.mark.parametrize(
    ("written", "folded"),
    [
        ("إفادة", "افاده"),  # hamza under alef, taa marbuta
        ("أحمد", "احمد"),  # hamza over alef
        ("آمنة", "امنه"),  # madda
        ("ٱلرَّحْمَٰن", "الرحمن"),  # wasla, shadda, fatha, sukun, superscript alef
        ("مُسْتَشْفَى", "مستشفي"),  # harakat, alef maqsura
        ("مستشفى", "مستشفي"),
        ("شـــهادة", "شهاده"),  # tatweel
        ("شهيدًا", "شهيدا"),  # tanween
        ("مسؤول", "مسوول"),  # hamza on waw
        ("جائزة", "جايزه"),  # hamza on yeh
        ("سماء", "سماء"),  # the lone hamza stays
        ("ﻻ ﺑﻴﺖ", "لا بيت"),  # presentation forms (NFKC)
        ("کتاب فارسی", "كتاب فارسي"),  # Persian keheh and yeh
        ("١٣/١٢/٢٠١٦ ۱۲", "13/12/2016 12"),  # Arabic-Indic and Persian digits
        ("ن\u200cص", "نص"),  # zero-width non-joiner removed inside a word
        ("كلمة\u200fأخرى", "كلمه اخري"),  # a bidi mark between words becomes a space
    ],
)
def test_arabic_folding(written: str, folded: str) -> None:
    assert normalise(written) == folded


@pytest.mark.parametrize(
    "latin",
    ["Témoignage : les soldats sont entrés à l'aube.", "Straße über Brücke", "Statement: shelling at 06:41", "Ça"],
)
def test_latin_is_left_to_the_index_tokenizer(latin: str) -> None:
    assert normalise(latin) == latin  # accents and case are folded by FTS5 unicode61, not here
    assert index_form(latin) == latin


def test_nfkc_folds_latin_ligatures_and_full_width() -> None:
    assert normalise("ﬁn ＡＢＣ") == "fin ABC"


def test_the_same_word_in_every_spelling_has_one_search_form() -> None:
    spellings = ["مستشفى", "مستشفي", "مُسْتَشْفَى", "مـسـتـشـفـى", "ﻣﺴﺘﺸﻔﻰ"]
    assert {normalise(s) for s in spellings} == {"مستشفي"}


@pytest.mark.parametrize(
    ("word", "bare"),
    [
        ("القدس", "قدس"),
        ("بالقدس", "قدس"),
        ("والقدس", "قدس"),
        ("فالقدس", "قدس"),
        ("كالقدس", "قدس"),
        ("للقدس", "قدس"),
        ("وللقدس", "قدس"),
        ("الله", "له"),  # two letters remain: the index keeps the bare form too
        ("الم", "الم"),  # one letter would remain: not an article
        ("قدس", "قدس"),
        ("ال", "ال"),
    ],
)
def test_article_stripping_for_the_index(word: str, bare: str) -> None:
    assert strip_article(word) == bare


def test_index_form_keeps_each_word_and_adds_its_bare_form() -> None:
    assert index_form("مستشفى القدس بالقرب من المخبز") == "مستشفي القدس قدس بالقرب قرب من المخبز مخبز"
    assert index_form("شاهد") == "شاهد"


def test_query_words_are_normalised_and_drop_the_article_only_when_three_letters_remain() -> None:
    assert query_words("المُسْتَشْفَى في القدس") == ["مستشفي", "في", "قدس"]
    assert query_words("الله") == ["الله"]  # not "له", which would find every "لها", "لهم" ...
    assert query_words("القد") == ["القد"]  # a partly typed word still prefix-matches "القدس"
    assert query_words("témoin, 2016!") == ["témoin", "2016"]
    assert query_words(" -- ") == []


def test_a_vowelled_query_is_one_word_not_letters() -> None:
    # Python's \\w and FTS5 both treat harakat as separators: without folding, "مُسْتَشْفَى" is 5 words.
    assert query_words("مُسْتَشْفَى") == ["مستشفي"]


@pytest.mark.parametrize(
    ("query", "text", "found"),
    [
        ("افادة", "إفادة الشاهد", True),
        ("مستشفي", "مستشفى الشفاء", True),
        ("مُسْتَشْفَى", "مستشفى الشفاء", True),
        ("قدس", "مستشفى القدس", True),
        ("القدس", "في قدس الأقداس", True),
        ("القد", "مستشفى القدس", True),
        ("الله", "عبد الله", True),
        ("الله", "قال له", False),
        ("مخبز", "مستشفى القدس", False),
        ("temoin", "Le témoin est venu", True),
        ("shell", "Shelling of the market", True),
        ("market shell", "Shelling of the bakery", False),
    ],
)
def test_matching_through_fts5_with_the_case_tokenizer(query: str, text: str, found: bool) -> None:
    """Index and query forms meet in a real FTS5 table built as the case database builds it."""
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE t USING fts5(body, tokenize = 'unicode61 remove_diacritics 2')")
    db.execute("INSERT INTO t (body) VALUES (?)", (index_form(text),))
    match = " ".join(f'"{w}"*' for w in query_words(query))
    assert bool(db.execute("SELECT count(*) FROM t WHERE t MATCH ?", (match,)).fetchone()[0]) is found


def test_a_huge_query_is_refused_with_the_limit_named() -> None:
    """A 1 MB query took 496 s through the services: it is refused before any work, saying the limit."""
    with pytest.raises(ValidationError) as refused:
        fts_query("témoin " * 150_000)
    message = str(refused.value)
    assert f"{MAX_QUERY_CHARS} characters" in message
    assert "témoin" not in message  # never the searched text itself


def test_a_query_with_too_many_words_is_refused() -> None:
    """Under the character bound, but every one-letter word is a prefix term FTS5 must expand."""
    query = " ".join("a" for _ in range(MAX_QUERY_WORDS + 1))
    assert len(query) <= MAX_QUERY_CHARS
    with pytest.raises(ValidationError, match=f"{MAX_QUERY_WORDS} words"):
        fts_query(query)


def test_a_query_at_the_limits_is_accepted() -> None:
    words = ["w" * 3] * MAX_QUERY_WORDS
    assert fts_query(" ".join(words)) == " ".join('"www"*' for _ in words)
    long_word = "x" * (MAX_QUERY_CHARS - 1)
    assert fts_query(long_word + " ") == f'"{long_word}"*'
