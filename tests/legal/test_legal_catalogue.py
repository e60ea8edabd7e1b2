"""The catalogue's shape against the official structure of Arts 6, 7, 8 and 8 bis and the Elements of Crimes."""

from __future__ import annotations

import dataclasses
import json
import re
from collections import Counter
from pathlib import Path

import pytest

from caseapp.core.legal.loader import CatalogueError, load_catalogue
from caseapp.core.legal.model import Conflict, Role, VerificationStatus
from caseapp.core.resources import resource_path

CAT = load_catalogue()

# The ids are a public contract (exhibits are linked to them): this list must only ever grow.
STABLE_IDS = (
    "6(a) 6(b) 6(c) 6(d) 6(e) "
    "7(1)(a) 7(1)(b) 7(1)(c) 7(1)(d) 7(1)(e) 7(1)(f) 7(1)(g)-1 7(1)(g)-2 7(1)(g)-3 7(1)(g)-4 7(1)(g)-5 "
    "7(1)(g)-6 7(1)(h) 7(1)(i) 7(1)(j) 7(1)(k) "
    "8(2)(a)(i) 8(2)(a)(ii)-1 8(2)(a)(ii)-2 8(2)(a)(ii)-3 8(2)(a)(iii) 8(2)(a)(iv) 8(2)(a)(v) 8(2)(a)(vi) "
    "8(2)(a)(vii)-1 8(2)(a)(vii)-2 8(2)(a)(viii) "
    "8(2)(b)(i) 8(2)(b)(ii) 8(2)(b)(iii) 8(2)(b)(iv) 8(2)(b)(v) 8(2)(b)(vi) 8(2)(b)(vii)-1 8(2)(b)(vii)-2 "
    "8(2)(b)(vii)-3 8(2)(b)(vii)-4 8(2)(b)(viii) 8(2)(b)(ix) 8(2)(b)(x)-1 8(2)(b)(x)-2 8(2)(b)(xi) 8(2)(b)(xii) "
    "8(2)(b)(xiii) 8(2)(b)(xiv) 8(2)(b)(xv) 8(2)(b)(xvi) 8(2)(b)(xvii) 8(2)(b)(xviii) 8(2)(b)(xix) 8(2)(b)(xx) "
    "8(2)(b)(xxi) 8(2)(b)(xxii)-1 8(2)(b)(xxii)-2 8(2)(b)(xxii)-3 8(2)(b)(xxii)-4 8(2)(b)(xxii)-5 "
    "8(2)(b)(xxii)-6 8(2)(b)(xxiii) 8(2)(b)(xxiv) 8(2)(b)(xxv) 8(2)(b)(xxvi) 8(2)(b)(xxvii) 8(2)(b)(xxviii) "
    "8(2)(b)(xxix) "
    "8(2)(c)(i)-1 8(2)(c)(i)-2 8(2)(c)(i)-3 8(2)(c)(i)-4 8(2)(c)(ii) 8(2)(c)(iii) 8(2)(c)(iv) "
    "8(2)(e)(i) 8(2)(e)(ii) 8(2)(e)(iii) 8(2)(e)(iv) 8(2)(e)(v) 8(2)(e)(vi)-1 8(2)(e)(vi)-2 8(2)(e)(vi)-3 "
    "8(2)(e)(vi)-4 8(2)(e)(vi)-5 8(2)(e)(vi)-6 8(2)(e)(vii) 8(2)(e)(viii) 8(2)(e)(ix) 8(2)(e)(x) 8(2)(e)(xi)-1 "
    "8(2)(e)(xi)-2 8(2)(e)(xii) 8(2)(e)(xiii) 8(2)(e)(xiv) 8(2)(e)(xv) 8(2)(e)(xvi) 8(2)(e)(xvii) "
    "8(2)(e)(xviii) 8(2)(e)(xix)"
).split()
STABLE_IDS.append("8 bis")

ROMANS = (
    "i ii iii iv v vi vii viii ix x xi xii xiii xiv xv "
    "xvi xvii xviii xix xx xxi xxii xxiii xxiv xxv xxvi xxvii xxviii xxix"
).split()

NO_ELEMENTS = {
    "8(2)(b)(xx)",  # the EoC leave it for a future annex of weapons
    "8(2)(b)(xxvii)",
    "8(2)(b)(xxviii)",
    "8(2)(b)(xxix)",
    "8(2)(e)(xvi)",
    "8(2)(e)(xvii)",
    "8(2)(e)(xviii)",
    "8(2)(e)(xix)",
}


def test_crime_ids_are_stable_and_in_statute_order() -> None:
    assert [c.id for c in CAT] == STABLE_IDS


@pytest.mark.parametrize(
    ("paragraph", "crimes", "provisions"),
    [
        ("6", 5, 5),  # 6(a)-(e)
        ("7(1)", 16, 11),  # 7(1)(a)-(k); (g) split into six sexual-violence crimes
        ("8(2)(a)", 11, 8),  # (ii) split in three, (vii) in two
        ("8(2)(b)", 38, 29),  # (vii) x4, (x) x2, (xxii) x6; (xxvii)-(xxix) added in 2017
        ("8(2)(c)", 7, 4),  # (i) x4
        ("8(2)(e)", 25, 19),  # (vi) x6, (xi) x2; (xiii)-(xv) 2010, (xvi)-(xviii) 2017, (xix) 2019
        ("8 bis", 1, 1),
    ],
)
def test_counts_per_paragraph_match_the_statute_and_the_elements(paragraph: str, crimes: int, provisions: int) -> None:
    found = [c for c in CAT if c.paragraph == paragraph]
    assert len(found) == crimes
    assert len({c.statute_ref for c in found}) == provisions


@pytest.mark.parametrize(
    ("paragraph", "last"), [("8(2)(a)", "viii"), ("8(2)(b)", "xxix"), ("8(2)(c)", "iv"), ("8(2)(e)", "xix")]
)
def test_every_war_crime_subparagraph_is_covered_without_gaps(paragraph: str, last: str) -> None:
    refs = {c.statute_ref for c in CAT if c.paragraph == paragraph}
    expected = {f"{paragraph}({r})" for r in ROMANS[: ROMANS.index(last) + 1]}
    assert refs == expected


def test_totals_and_letters_of_articles_6_and_7() -> None:
    assert len(CAT) == 103
    assert sum(len(c.elements) for c in CAT) == 485
    assert {c.statute_ref for c in CAT if c.article == "6"} == {f"6({x})" for x in "abcde"}
    assert {c.statute_ref for c in CAT if c.article == "7"} == {f"7(1)({x})" for x in "abcdefghijk"}


def test_every_crime_with_elements_has_specific_and_contextual_elements_of_its_group() -> None:
    for crime in CAT:
        if crime.id in NO_ELEMENTS:
            continue
        assert crime.elements_available, crime.id
        assert crime.specific_elements, crime.id
        if crime.article == "8 bis":
            assert crime.contextual_group is None
            assert not crime.contextual_elements
            continue
        group = CAT.group(crime.contextual_group or "")
        assert group is not None, crime.id
        expected = [e.id for e in group.elements]
        # Contextual circumstances are listed last (EoC General Introduction para 7(c)).
        tail = crime.elements[-len(expected) :]
        assert [e.context_ref for e in tail] == expected, crime.id
        assert all(e.role is Role.CONTEXTUAL for e in tail), crime.id
        assert len(crime.contextual_elements) == len(expected), crime.id


def test_contextual_groups_and_conflict_types() -> None:
    assert {g.id for g in CAT.contextual_groups} == {"ctx-6", "ctx-7", "ctx-8-iac", "ctx-8-niac"}
    for crime in CAT:
        if crime.paragraph in ("8(2)(a)", "8(2)(b)"):
            assert crime.conflict is Conflict.IAC and crime.contextual_group == "ctx-8-iac", crime.id
        elif crime.paragraph in ("8(2)(c)", "8(2)(e)"):
            assert crime.conflict is Conflict.NIAC and crime.contextual_group == "ctx-8-niac", crime.id
        else:
            assert crime.conflict is None, crime.id
    assert CAT.group("ctx-7") is not None
    assert (
        "widespread or systematic attack directed against a civilian population"
        in CAT.group("ctx-7").elements[0].text.en
    )  # type: ignore[union-attr]


def test_crimes_without_elements_are_exactly_the_known_ones_and_visibly_marked() -> None:
    missing = {c.id for c in CAT if not c.elements}
    assert missing == NO_ELEMENTS
    for cid in NO_ELEMENTS:
        crime = CAT.crime(cid)
        assert crime is not None
        assert not crime.elements_available
        assert crime.verification.status is VerificationStatus.ELEMENTS_NOT_AVAILABLE
        assert crime.verification.status.label == "elements not available"
        assert crime.statute_text.en.startswith(("Employing", "Intentionally"))


def test_amendments_are_recorded_on_their_crimes() -> None:
    amended = {c.id: c.amendment for c in CAT if c.amendment}
    assert amended == {
        "8(2)(e)(xiii)": "RC/Res.5",
        "8(2)(e)(xiv)": "RC/Res.5",
        "8(2)(e)(xv)": "RC/Res.5",
        "8 bis": "RC/Res.6",
        "8(2)(b)(xxvii)": "ICC-ASP/16/Res.4-bio",
        "8(2)(e)(xvi)": "ICC-ASP/16/Res.4-bio",
        "8(2)(b)(xxviii)": "ICC-ASP/16/Res.4-frag",
        "8(2)(e)(xvii)": "ICC-ASP/16/Res.4-frag",
        "8(2)(b)(xxix)": "ICC-ASP/16/Res.4-laser",
        "8(2)(e)(xviii)": "ICC-ASP/16/Res.4-laser",
        "8(2)(e)(xix)": "ICC-ASP/18/Res.5",
    }
    # Kampala weapons crimes and aggression do have their elements (EoC 2011 edition).
    assert len(CAT.crime("8(2)(e)(xiii)").elements) == 4  # type: ignore[union-attr]
    assert len(CAT.crime("8 bis").elements) == 6  # type: ignore[union-attr]


def test_element_ids_are_unique_numbered_and_derived_from_the_crime_id() -> None:
    ids = [e.id for c in CAT for e in c.elements]
    assert len(ids) == len(set(ids))
    for crime in CAT:
        assert [e.number for e in crime.elements] == list(range(1, len(crime.elements) + 1))
        for element in crime.elements:
            assert element.id == f"{crime.id}-{element.number}"
            assert element.crime_id == crime.id
            assert CAT.element(element.id) is element
    assert CAT.element("7(1)(a)-1").text.en == "The perpetrator killed one or more persons."  # type: ignore[union-attr]
    assert CAT.element("7(1)(g)-1-1").crime_id == "7(1)(g)-1"  # type: ignore[union-attr]


def test_every_footnote_reference_resolves() -> None:
    referenced: set[int] = set()
    for crime in CAT:
        referenced.update(crime.heading_footnotes)
        for element in crime.elements:
            referenced.update(element.footnotes)
            for alt in element.alternatives:
                referenced.update(alt.footnotes)
    assert referenced, "no footnote referenced at all"
    assert referenced <= set(CAT.footnotes)
    # Only the footnotes of the General Introduction (1), the Art 7 Introduction (6) and the 8(2)(e)
    # paragraph heading (60) are not attached to a crime.
    assert set(CAT.footnotes) - referenced == {1, 6, 60}
    assert CAT.footnotes[2].text.en.startswith("The term “killed”")


def test_every_element_has_text_and_alternatives_are_lettered() -> None:
    for element in (e for c in CAT for e in c.elements):
        assert element.text.en or element.alternatives, element.id
        assert [a.letter for a in element.alternatives] == list("ab"[: len(element.alternatives)]), element.id
        assert re.search(r"[.;:,]$|or$", element.full_text), element.id
        # No footnote number left glued to a word ("interest.46", "personnel56").
        assert not re.search(r"[A-Za-z.;,)]\d", element.full_text), element.id


def test_every_entry_shows_source_and_verification() -> None:
    for crime in CAT:
        assert crime.sources, crime.id
        assert crime.verification.note, crime.id
        assert crime.statute_text.en, crime.id
        assert crime.title.en, crime.id
    assert CAT.crime("8(2)(b)(ii)").verification.status is VerificationStatus.SPOT_CHECKED  # type: ignore[union-attr]
    assert CAT.crime("7(1)(b)").verification.status is VerificationStatus.UNVERIFIED  # type: ignore[union-attr]


def test_corrections_are_applied_and_recorded() -> None:
    assert CAT.element("8(2)(a)(i)-3").text.en.endswith("protected status.")  # type: ignore[union-attr]
    assert any("Malawi" in c for c in CAT.corrections)
    assert any("Art 28" in c for c in CAT.corrections)
    # The open wording question on 7(1)(a) element 3 is flagged, not silently "fixed".
    flagged = CAT.element("7(1)(a)-3")
    assert flagged is not None and flagged.note and "UNVERIFIED" in flagged.note
    provenance = resource_path("legal", "PROVENANCE.md").read_text(encoding="utf-8")
    for needle in ("Malawi", "8(2)(a)(i)-3", "Art 28", "Tunisia", "Côte d'Ivoire", "elements not available"):
        assert needle in provenance


def test_modes_of_liability_and_the_default_mental_element() -> None:
    assert {m.provision for m in CAT.modes_of_liability} == {
        "25(3)(a)",
        "25(3)(b)",
        "25(3)(c)",
        "25(3)(d)",
        "25(3)(e)",
        "25(3)(f)",
        "28(a)",
        "28(b)",
    }
    commander = CAT.mode("28(a)")
    superior = CAT.mode("28(b)")
    assert commander is not None and superior is not None
    assert commander.statute_text.en.startswith("(a) A military commander")
    assert "(ii) That military commander" in commander.statute_text.en
    assert "(iii) The superior failed" in superior.statute_text.en
    joint = CAT.mode("25(3)(a)-joint")
    assert joint is not None and len(joint.elements) == 6
    for mode in CAT.modes_of_liability:
        if not mode.elements:
            assert mode.verification.status is VerificationStatus.ELEMENTS_NOT_AVAILABLE
    assert CAT.mental_element.article == "30"
    assert CAT.mental_element.text.en.startswith("1. Unless otherwise provided")


def test_catalogue_objects_are_immutable() -> None:
    crime = CAT.crime("7(1)(a)")
    assert crime is not None
    with pytest.raises(dataclasses.FrozenInstanceError):
        crime.title = crime.title  # type: ignore[misc]
    assert not hasattr(crime, "__dict__")  # slots


def test_translations_can_sit_beside_english(tmp_path: Path) -> None:
    raw = json.loads(resource_path("legal", "catalogue.json").read_text(encoding="utf-8"))
    raw["crimes"][5]["title"] = {
        "en": "Crime against humanity of murder",
        "fr": "Crime contre l\u2019humanit\u00e9 de meurtre",
    }
    path = tmp_path / "catalogue.json"
    path.write_text(json.dumps(raw), encoding="utf-8")
    translated = load_catalogue(path)
    title = translated.crime("7(1)(a)").title  # type: ignore[union-attr]
    assert title.en == "Crime against humanity of murder"
    assert title.get("fr") == "Crime contre l\u2019humanit\u00e9 de meurtre"
    assert title.languages == ("en", "fr")


def test_a_damaged_catalogue_fails_loudly(tmp_path: Path) -> None:
    raw = json.loads(resource_path("legal", "catalogue.json").read_text(encoding="utf-8"))
    raw["crimes"].append(raw["crimes"][0])
    path = tmp_path / "dup.json"
    path.write_text(json.dumps(raw), encoding="utf-8")
    with pytest.raises(CatalogueError, match="duplicate crime id 6\\(a\\)"):
        load_catalogue(path)


def test_titles_follow_the_elements_of_crimes_pattern() -> None:
    prefixes = Counter(c.title.en.split(" of ")[0] for c in CAT if c.elements_available)
    assert prefixes["Crime against humanity"] == 16
    assert prefixes["War crime"] >= 70
