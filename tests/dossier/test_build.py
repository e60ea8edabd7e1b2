"""The dossier builder on the Aleppo sample case (a real SQLCipher case, the real export view, the
real jurisdiction assistant): sections in order, numbering and cross-references resolved, element
tables that match the gap matrix, a public version that withholds what it must and leaks nothing,
French wording, the key annex, drafts and supplements."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from caseapp.app.case_folder import OpenCase
from caseapp.core.dossier.build import KeyAnnexEntry, build_dossier, build_key_annex
from caseapp.core.dossier.inputs import DossierInputs, PriorCommunication, SectionKey, SectionText
from caseapp.core.dossier.model import (
    Document,
    Heading,
    Inline,
    Language,
    NoteRef,
    Paragraph,
    Redaction,
    Span,
    Table,
    Version,
    XRef,
    plain,
)
from caseapp.core.dossier.text import document_text
from caseapp.core.legal.loader import load_catalogue
from caseapp.core.refs import parse_ref
from tests.dossier.aleppo_dossier import (
    ACQUISITION,
    PHOTO_NAME,
    TODAY,
    WITNESS,
    WITNESS_AR,
    AleppoDossier,
    prepare,
    strings,
)

EN_PARTS = [
    "Introduction",
    "Executive summary",
    "Factual background",
    "Jurisdiction",
    "Contextual elements",
    "War crime of attacking protected objects (article 8(2)(e)(iv))",
    "War crime of attacking civilians (article 8(2)(e)(i))",
    "War crime of murder (article 8(2)(c)(i))",
    "Crime against humanity of murder (article 7(1)(a))",
    "Crime against humanity of deportation or forcible transfer of population (article 7(1)(d))",
    "Alleged perpetrators and modes of liability",
    "Admissibility",
    "Interests of justice",
    "Protection of witnesses and methodology",
    "Conclusion and request",
    "Evidence index",
    "Annexes",
]
ROMAN = ["I.", "II.", "III.", "IV.", "V.", "VI.", "VII.", "VIII.", "IX.", "X.", "XI.", "XII.", "XIII.", "XIV.", "XV."]


@pytest.fixture
def aleppo(make_case: Callable[..., tuple[OpenCase, str]], tmp_path: Path) -> AleppoDossier:
    case, _ = make_case()
    return prepare(case, tmp_path)


def make(d: AleppoDossier, version: Version, language: Language = Language.EN, **kwargs: object) -> Document:
    return build_dossier(
        d.view,
        kwargs.pop("inputs", d.inputs),  # type: ignore[arg-type]
        version=version,
        language=language,
        catalogue=d.catalogue,
        jurisdiction=d.answers,
        today=TODAY,
        **kwargs,  # type: ignore[arg-type]
    )


def inlines(doc: Document) -> Iterator[Inline]:
    for part in doc.parts:
        for block in part.blocks:
            if isinstance(block, Paragraph):
                yield from block.inlines
            elif isinstance(block, Table):
                yield from (x for row in block.rows for cell in row for x in cell)
        yield from (x for note in part.notes for x in note.inlines)


def paragraphs(doc: Document) -> list[Paragraph]:
    return [b for p in doc.parts for b in p.blocks if isinstance(b, Paragraph)]


def table(doc: Document, anchor: str) -> Table:
    return next(b for p in doc.parts for b in p.blocks if isinstance(b, Table) and b.anchor == anchor)


def test_sections_numbering_cross_references_and_element_tables(aleppo: AleppoDossier) -> None:
    doc = make(aleppo, Version.FULL, custody_entries=40, signing_fingerprint="1234 ABCD")
    assert [p.title for p in doc.parts] == EN_PARTS
    assert [p.label for p in doc.parts] == [*ROMAN, "", ""]
    headings = [h.title for p in doc.parts for h in p.headings()]
    for wanted in ("Subject-matter jurisdiction", "Temporal jurisdiction", "Territorial or personal jurisdiction"):
        assert wanted in headings
    assert "Partial-territory theory" in headings and "Not manifestly outside the Court's jurisdiction" in headings
    assert headings.count("Applicable law") == headings.count("Relevant facts") == 5
    assert headings.count("Analysis") == headings.count("Conclusion") == 5
    assert {"Complementarity", "Gravity", "General allegations", "Illustrative incidents"} <= set(headings)

    # Paragraph numbers run 1..n through the whole document; every cross-reference lands.
    numbered = [p for p in paragraphs(doc) if p.number is not None]
    assert [p.number for p in numbered] == list(range(1, len(numbered) + 1))
    assert all(p.anchor == f"para-{p.number}" for p in numbered)
    assert doc.meta["paragraphs"] == str(len(numbered)) and doc.meta["parts"] == "17"
    anchors = {p.anchor for p in doc.parts} | {a for p in doc.parts for a in _block_anchors(p.blocks)}
    xrefs = [x for x in inlines(doc) if isinstance(x, XRef)]
    assert len(xrefs) > 50 and {x.anchor for x in xrefs} <= anchors
    for x in xrefs:
        if x.anchor.startswith("para-"):
            assert x.text.split()[-1] == x.anchor.removeprefix("para-")
    for part in doc.parts:  # notes per part, numbered from 1, each one cited
        assert [n.number for n in part.notes] == list(range(1, len(part.notes) + 1))
        cited = {x.number for b in part.blocks if isinstance(b, Paragraph) for x in b.inlines if isinstance(x, NoteRef)}
        assert cited == {n.number for n in part.notes}

    # Every charge has an element table with the gap matrix's statuses, row for row.
    by_number = {p.number: p for p in numbered}
    for gaps in aleppo.view.gaps:
        rows = table(doc, f"table-{gaps.charge_ref}").rows
        assert len(rows) == len(gaps.cells) > 0
        for row, cell in zip(rows, gaps.cells, strict=True):
            assert plain(row[0]).startswith(f"{cell.suspect_ref}, " if cell.suspect_ref else cell.element_id)
            assert row[1][0] == Span(cell.status.value, bold=True)
            assert cell.why in plain(row[1])
            assert plain(row[4]) == str(cell.independent_sources)
            # each supporting exhibit points to a paragraph that discusses that exhibit
            refs = [x for x in row[2] if isinstance(x, XRef)]
            assert len(refs) == 2 * len(cell.supporting)
            for exhibit, para in zip(refs[::2], refs[1::2], strict=True):
                assert exhibit.anchor == "evidence-index" and para.anchor.startswith("para-")
                discussed = by_number[int(para.anchor.removeprefix("para-"))]
                assert exhibit in discussed.inlines
    hospital = table(doc, "table-CHG-1").rows
    assert [plain(r[1]).split()[0] for r in hospital[:5]] == [
        "corroborated",
        "unaddressed",
        "corroborated",
        "contested",
        "weak",
    ]

    # FULL keeps the private metadata; the cover lists annexes by number and status.
    text = document_text(doc)
    assert "36.202100, 37.134300" in text and "36.198765" in text and PHOTO_NAME in text and ACQUISITION in text
    assert doc.cover.classification == "CONFIDENTIAL with Confidential Annex 10; Public Annexes 1-9, 11, 12"
    assert doc.cover.situation_number is None and doc.cover.signing_fingerprint.endswith("1234 ABCD")  # type: ignore[union-attr]
    assert doc.furniture.classification == "CONFIDENTIAL" and doc.file_stem == "communication-full"
    assert "custody log of 40 entries (Annex 12)" in text
    assert doc.meta["redactions"] == "0" and WITNESS not in text

    # Drafts are marked, and only drafts.
    marker = doc.labels.draft_marker
    assert all(p.draft == plain(p.inlines).startswith(marker) for p in paragraphs(doc))
    assert 0 < int(doc.meta["drafts"]) == sum(p.draft for p in paragraphs(doc))


def _block_anchors(blocks: tuple[Heading | Paragraph | Table, ...]) -> Iterator[str]:
    for block in blocks:
        if block.anchor:
            yield block.anchor


def test_the_public_version_withholds_and_leaks_nothing(aleppo: AleppoDossier) -> None:
    doc = make(aleppo, Version.PUBLIC, key_annex=True, custody_entries=40)
    found = list(strings(doc))
    assert len(found) > 500
    secrets = [WITNESS, "Samira", "Haddad", WITNESS_AR, PHOTO_NAME, "SM-G930F", "R58M123456", ACQUISITION]
    secrets += ["36.20", "37.13", "36.19", "37.16", "saw the second strike"]
    assert [(where, s) for where, text in found for s in secrets if s in text] == []
    assert "W-002" in document_text(doc)  # the witness appears by pseudonym

    markers = [x.text for x in inlines(doc) if isinstance(x, Redaction)]
    assert doc.meta["redactions"] == str(len(markers))
    for wanted in ("sensitive exhibit", "exact location", "original file name", "acquisition note"):
        assert any(wanted in m for m in markers), wanted
    index = {plain(row[0]): row for row in table(doc, "evidence-index").rows}
    statement = index[aleppo.statement]
    assert isinstance(statement[2][0], Redaction) and "testimony" in plain(statement[2])
    photo = index[aleppo.photo]
    sha = aleppo.case.evidence.detail(parse_ref(aleppo.photo)).exhibit.sha256  # type: ignore[attr-defined]
    # The photo records where it was taken and has no redacted copy: the public bundle leaves it out.
    assert plain(photo[3]) == f"{sha} [REDACTED: not in the public bundle]"
    assert plain(index["EX-1"][3]) == "no file (described record)"
    place = next(p for p in paragraphs(doc) if plain(p.inlines).startswith("Incident 4: Strike on the Bab"))
    assert any(isinstance(x, Redaction) for x in place.inlines)  # the place name stays, the coordinates go

    assert doc.cover.classification == (
        "PUBLIC REDACTED VERSION with Confidential Annexes 10, 13; Public Annexes 1-9, 11, 12"
    )
    assert doc.furniture.classification == "PUBLIC REDACTED VERSION" and doc.file_stem == "communication-public"
    assert doc.properties.title == doc.cover.title and doc.properties.author == "Aleppo Documentation Clinic"
    assert doc.properties.subject == "Situation in the Syrian Arab Republic"


def test_french_wording_and_the_key_annex(aleppo: AleppoDossier) -> None:
    doc = make(aleppo, Version.PUBLIC, Language.FR)
    assert [p.title for p in doc.parts][:5] == [
        "Introduction",
        "Résumé",
        "Contexte factuel",
        "Compétence",
        "Éléments contextuels",
    ]
    assert [p.title for p in doc.parts][-6:] == [
        "Recevabilité",
        "Intérêts de la justice",
        "Protection des témoins et méthodologie",
        "Conclusion et demande",
        "Index des éléments de preuve",
        "Annexes",
    ]
    assert doc.cover.date == "Date : 27 novembre 2026" and doc.cover.original_language == "Original : français"
    assert doc.cover.classification.startswith("VERSION PUBLIQUE EXPURGÉE avec annexe confidentielle 10")
    assert doc.labels.contents == "Table des matières" and doc.furniture.page_label == "page {page} / {pages}"
    assert doc.labels.draft_marker.startswith("[PROJET")
    text = document_text(doc)
    assert "Compétence temporelle" in text and "Théorie de la territorialité partielle" in text
    assert "corroboré (2 sources indépendantes)" in text and "[EXPURGÉ : lieu exact]" in text
    assert "Bab al-Nairab, حلب" in text  # the case's Arabic as typed
    for english in ("Executive summary", "Relevant facts", "[REDACTED", "[DRAFT", "Annex 1", "Incident 1:", "para. "):
        assert english not in text, english  # fixed words are French; the catalogue's own text stays English

    entries = []
    for person in aleppo.view.persons:
        if person.protection != "none":
            real = aleppo.aleppo.work.reveal_person(parse_ref(person.ref)).value
            entries.append(KeyAnnexEntry(person.ref, real.full_name, person.role, person.protection))
    key = build_key_annex(entries, aleppo.inputs, language=Language.EN, today=TODAY)
    key_text = document_text(key)
    assert WITNESS in key_text and "W-002" in key_text
    assert key.version is Version.KEY_ANNEX and key.file_stem == "key-annex"
    assert key.furniture.classification == key.cover.classification == "CONFIDENTIAL — KEY TO PSEUDONYMS"
    assert not any(WITNESS in text for _, text in strings((key.properties, key.file_stem, key.furniture)))
    full = make(aleppo, Version.FULL, key_annex=True)
    assert WITNESS not in document_text(full) and "Confidential Annexes 10, 12" in full.cover.classification


def test_author_text_drafts_placeholders_and_a_supplement(make_case: Callable[..., tuple[OpenCase, str]]) -> None:
    case, _ = make_case()
    view = case.records.export_view()
    written = SectionText(
        "We write first.\nStill the first paragraph.\n\n  Second paragraph.  ", "me", datetime.now(UTC)
    )
    prior = PriorCommunication(date(2026, 3, 1), "ab" * 32, "First communication")
    inputs = DossierInputs(sections={SectionKey.INTRODUCTION: written}, supplement_to=prior, situation_number="X-1")
    doc = build_dossier(
        view,
        inputs,
        version=Version.FULL,
        language=Language.EN,
        catalogue=load_catalogue(),
        jurisdiction=(),
        today=TODAY,
    )
    intro = [plain(p.inlines) for p in paragraphs(doc) if p.anchor and doc.parts[0].blocks.count(p)]
    assert intro[0].startswith("This is a supplementary communication.") and "1 March 2026" in intro[0]
    assert "ab" * 32 in intro[0] and "(First communication)" in intro[0]
    assert intro[1:] == ["We write first. Still the first paragraph.", "Second paragraph."]
    assert doc.cover.title.startswith("Supplementary communication") and doc.cover.situation_number == "No.: X-1"
    drafts = [plain(p.inlines) for p in paragraphs(doc) if p.draft]
    assert any("To be written: national proceedings" in d for d in drafts)  # nothing to draft from: a placeholder
    assert all(d.startswith(doc.labels.draft_marker) for d in drafts)
    assert "No jurisdiction assessment was made" in document_text(doc)
    assert doc.cover.classification == "CONFIDENTIAL" and doc.cover.secure_contact == ""


def test_document_text_reads_the_cover_then_each_part_with_its_notes() -> None:
    from tests.dossier.sample_document import sample_document

    lines = document_text(sample_document()).splitlines()
    assert lines[:3] == ["Original: English", "Date: 27 November 2026", "Situation in the Syrian Arab Republic"]
    assert "I. Introduction" in lines and "1. This communication concerns attacks on civilians in حلب الشرقية (Aleppo)."
    assert lines.index("Notes") > lines.index(
        "2. The sender submits it under Article 15 of the Rome Statute.1 See para. 3."
    )
    assert lines[lines.index("Notes") + 1] == "1. Rome Statute, art. 15(1)."
    assert lines[-3:] == [
        "EX-1",
        "Crater photo حلب الشرقية",
        "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
    ]


def test_a_redacted_copy_is_what_the_public_index_names(aleppo: AleppoDossier) -> None:
    from caseapp.app.exhibits import redact_exhibit

    copy = redact_exhibit(aleppo.case, parse_ref(aleppo.photo), (), "strip the GPS and camera metadata").value
    view = aleppo.case.records.export_view()
    doc = make(dataclasses.replace(aleppo, view=view), Version.PUBLIC)
    row = {plain(r[0]): r for r in table(doc, "evidence-index").rows}[aleppo.photo]
    sha = aleppo.case.evidence.detail(parse_ref(aleppo.photo)).exhibit.sha256  # type: ignore[attr-defined]
    assert plain(row[3]) == f"{sha} sent as a redacted copy: {copy.sha256} (file ending .jpg)"
    full = make(dataclasses.replace(aleppo, view=view), Version.FULL)
    full_row = {plain(r[0]): r for r in table(full, "evidence-index").rows}[aleppo.photo]
    assert plain(full_row[3]) == f"{sha} (file ending .jpg)"  # the full bundle sends the original
