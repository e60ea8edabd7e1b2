"""Catalogue corrections from the legal review (issue 14): the Elements of Crimes introductions shown with the
contextual elements they explain, footnotes 6 and 60 attached, Art 25(3)(d) limbs and Art 25(3 bis), and the
transcription artefacts ("suchan", "age- related", "non- international")."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from caseapp.cli import main as cli_main
from caseapp.core.legal.loader import load_catalogue

CAT = load_catalogue()
SHIPPED = Path(__file__).resolve().parents[2] / "resources" / "legal" / "catalogue.json"
ITEM_C = (
    "There is only a requirement for the awareness of the factual circumstances that established the existence "
    "of an armed conflict that is implicit in the terms “took place in the context of and was associated with”."
)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    assert cli_main.main(list(argv)) == 0
    return capsys.readouterr().out


def test_the_art_8_introduction_keeps_item_c() -> None:
    intro = CAT.introduction("8")
    assert intro is not None
    items = [(p.label, p.text.en) for p in intro.paragraphs if p.label.startswith("(")]
    assert [label for label, _ in items] == ["(a)", "(b)", "(c)"]
    assert items[2][1] == ITEM_C


def test_the_introductions_are_in_the_model_with_their_footnotes() -> None:
    general = CAT.introduction("general")
    assert general is not None
    labels = [p.label for p in general.paragraphs]
    assert labels == ["1.", "2.", "3.", "4.", "5.", "6.", "7.", "(a)", "(b)", "(c)", "8.", "9.", "10."]
    assert next(p for p in general.paragraphs if p.label == "5.").footnotes == (1,)
    art7 = CAT.introduction("7")
    assert art7 is not None
    policy = art7.paragraphs[2]
    assert policy.label == "3." and "actively promote or encourage" in policy.text.en
    assert policy.footnotes == (6,)
    assert {i.article for i in CAT.introductions} == {"general", "6", "7", "8"}


def test_every_footnote_is_attached_to_something() -> None:
    used: set[int] = set()
    for crime in CAT:
        used |= {*crime.heading_footnotes, *crime.paragraph_footnotes}
        for e in crime.elements:
            used |= {*e.footnotes, *(n for a in e.alternatives for n in a.footnotes)}
    for intro in CAT.introductions:
        used |= {n for p in intro.paragraphs for n in p.footnotes}
    assert set(CAT.footnotes) - used == set()


def test_footnote_60_is_on_the_art_8_2_e_paragraph() -> None:
    for crime in CAT.crimes_under("8(2)(e)"):
        assert crime.paragraph_footnotes == (60,), crime.id
    assert CAT.crime("8(2)(c)(i)-1").paragraph_footnotes == ()  # type: ignore[union-attr]


def test_no_transcription_artefacts_remain() -> None:
    shipped = json.loads(SHIPPED.read_text(encoding="utf-8"))
    assert any("suchan" in c for c in shipped.pop("corrections"))  # the correction is recorded ...
    text = json.dumps(shipped, ensure_ascii=False)  # ... and no catalogue text keeps the artefact
    for bad in ("suchan", "age- related", "non- international"):
        assert bad not in text, bad
    assert re.search(r"[a-z]- [a-z]", text) is None
    element = CAT.element("8(2)(b)(iv)-3")
    assert element is not None and "would be of such an extent as to be clearly excessive" in element.text.en
    assert "age-related incapacity" in CAT.footnotes[16].text.en


def test_article_25_3_d_has_both_limbs_and_25_3_bis_is_shipped() -> None:
    mode = CAT.mode("25(3)(d)")
    assert mode is not None
    text = mode.statute_text.en
    assert text.startswith("(d) In any other way contributes")
    assert "\n(i) Be made with the aim of furthering the criminal activity" in text
    assert "\n(ii) Be made in the knowledge of the intention of the group to commit the crime" in text
    assert "(e) In respect of the crime of genocide" not in text
    clause = CAT.leadership_clause
    assert clause.provision == "25(3 bis)"
    assert clause.text.en.startswith("In respect of the crime of aggression, the provisions of this article")


def test_show_crime_prints_the_introduction_with_the_contextual_elements(capsys: pytest.CaptureFixture[str]) -> None:
    out = run(capsys, "elements", "show", "7(1)(a)")
    ctx = out.index("Contextual elements shared with the other crimes of Art 7")
    intro = out.index("Introduction to Article 7 (Elements of Crimes)")
    assert ctx < intro
    assert "C-7a" in out[ctx:] and "widespread or systematic attack directed against a civilian" in out[ctx:]
    assert "actively promote or encourage" in out[intro:]
    assert "[6] A policy which has a civilian population as the object of the attack" in out
    assert "General Introduction" in out


def test_show_war_crime_prints_item_c_and_footnote_60(capsys: pytest.CaptureFixture[str]) -> None:
    out = run(capsys, "elements", "show", "8(2)(e)(i)")
    flat = " ".join(out.split())
    assert "(c) " + ITEM_C in flat
    assert "[60] As amended by resolution RC/Res.5." in flat
    assert "non-international;" in flat


def test_elements_introduction_prints_the_general_introduction(capsys: pytest.CaptureFixture[str]) -> None:
    out = run(capsys, "elements", "--introduction")
    flat = " ".join(out.split())
    assert "General introduction" in flat
    assert "(c) Contextual circumstances are listed last." in flat
    assert "10. The use of short titles for the crimes has no legal effect." in flat
    assert "Introduction to Article 6" in flat and "Introduction to Article 8" in flat
    payload = json.loads(run(capsys, "elements", "--introduction", "--json"))
    assert [i["article"] for i in payload["introductions"]] == ["general", "6", "7", "8"]
    art7 = json.loads(run(capsys, "elements", "show", "7(1)(a)", "--json"))
    assert art7["introduction_of_article"]["paragraphs"][2]["footnotes"] == [6]
    assert art7["contextual_elements"][0]["id"] == "C-7a"


def test_modes_show_both_limbs_and_the_leadership_clause(capsys: pytest.CaptureFixture[str]) -> None:
    out = run(capsys, "elements", "show", "25(3)(d)")
    assert "(ii) Be made in the knowledge of the intention of the group" in out
    modes = run(capsys, "elements", "--modes")
    assert "25(3 bis)" in modes
    aggression = " ".join(run(capsys, "elements", "show", "8 bis").split())
    assert "Art 25(3 bis): In respect of the crime of aggression" in aggression
