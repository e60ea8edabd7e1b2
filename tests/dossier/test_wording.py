"""The dossier's fixed words: French has every English key with the same placeholders; dates,
lists, annex numbers and Roman numerals come out as a reader expects."""

from __future__ import annotations

import string
from datetime import date

from caseapp.core.dossier.model import Language
from caseapp.core.dossier.wording import EN, FR, TERMS, Words, numbers, paragraphs, roman


def fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_french_has_every_english_key_with_the_same_placeholders() -> None:
    assert set(FR) == set(EN)
    assert {k: fields(v) for k, v in FR.items()} == {k: fields(v) for k, v in EN.items()}
    assert set(TERMS[Language.FR]) == set(TERMS[Language.EN])


def test_dates_lists_numbers_and_paragraphs() -> None:
    en, fr = Words(Language.EN), Words(Language.FR)
    assert en.date(date(2026, 11, 27)) == "27 November 2026"
    assert fr.date(date(2026, 11, 27)) == "27 novembre 2026" and fr.date(date(2016, 8, 1)) == "1er août 2016"
    assert en.join(["a", "b", "c"]) == "a, b and c" and fr.join(["a", "b"]) == "a et b" and en.join([]) == ""
    assert numbers([11, 1, 2, 3, 5, 6, 9]) == "1-3, 5, 6, 9, 11"
    assert [roman(n) for n in (1, 4, 9, 14, 15, 40)] == ["I", "IV", "IX", "XIV", "XV", "XL"]
    assert paragraphs("one\r\ntwo\n \nthree\n\n\n") == ["one two", "three"]
    assert fr.phrase('one independent source; only "maybe"') == "une seule source indépendante; seulement « possible »"


def test_reasons_that_differ_in_a_few_words_merge_and_others_do_not() -> None:
    from caseapp.core.dossier.jurisdiction_part import merged_reason

    same_but_date = {
        "2016-04-27 is on or after 2002-07-01, when the Statute entered into force.": ["CHG-1"],
        "2016-05-03 is on or after 2002-07-01, when the Statute entered into force.": ["CHG-2", "CHG-3"],
    }
    assert merged_reason(same_but_date, "{text} for {answers}") == (
        "[2016-04-27 for CHG-1; 2016-05-03 for CHG-2, CHG-3] is on or after 2002-07-01, "
        "when the Statute entered into force."
    )
    unlike = {"The territory is a State Party.": ["CHG-1"], "No declaration " + "was lodged " * 10 + ".": ["CHG-2"]}
    assert merged_reason(unlike, "{text} for {answers}") is None
