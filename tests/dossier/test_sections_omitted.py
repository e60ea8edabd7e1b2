"""Optional sections left out of the communication (caseapp.core.dossier.selection), on the Aleppo
sample case: the part is absent from the model, the PDF (pdftotext) and the DOCX; parts and
paragraphs are numbered without it; no cross-reference points to it, and sentences that named it
no longer do; the mandatory sections cannot be left out; the export's custody entry says what was
left out."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path

import docx
import pytest

from caseapp.app.case_folder import OpenCase
from caseapp.app.dossier_export import export_dossier
from caseapp.core.custody import CustodyAction
from caseapp.core.dossier.build import build_dossier
from caseapp.core.dossier.model import Document, Inline, Language, Paragraph, Table, Version, XRef, plain
from caseapp.core.dossier.selection import MANDATORY, OPTIONAL, Section, parse_sections
from caseapp.core.dossier.text import document_text
from caseapp.core.dossier.wording import roman
from caseapp.core.errors import ValidationError
from caseapp.core.ports import CustodyQuery
from caseapp.core.services.dossier_export import DossierFormat, DossierRequest
from tests.dossier.aleppo_dossier import TODAY, AleppoDossier, prepare
from tests.export.readers import docx_text, norm, pdf_text

LEFT_OUT = frozenset({Section.INTRODUCTION, Section.CONTEXTUAL_ELEMENTS, Section.ADMISSIBILITY, Section.CONCLUSION})
LEFT_OUT_TITLES = ("Introduction", "Contextual elements", "Admissibility", "Conclusion and request")


@pytest.fixture
def aleppo(make_case: Callable[..., tuple[OpenCase, str]], tmp_path: Path) -> AleppoDossier:
    case, _ = make_case()
    return prepare(case, tmp_path)


def make(d: AleppoDossier, omit: frozenset[Section], language: Language = Language.EN) -> Document:
    return build_dossier(
        d.view,
        d.inputs,
        version=Version.PUBLIC,
        language=language,
        catalogue=d.catalogue,
        jurisdiction=d.answers,
        today=TODAY,
        omit=omit,
    )


def inlines(doc: Document) -> Iterator[Inline]:
    for part in doc.parts:
        for block in part.blocks:
            if isinstance(block, Paragraph):
                yield from block.inlines
            elif isinstance(block, Table):
                yield from (x for row in block.rows for cell in row for x in cell)
        yield from (x for note in part.notes for x in note.inlines)


def anchors(doc: Document) -> set[str]:
    found = {p.anchor for p in doc.parts}
    return found | {b.anchor for p in doc.parts for b in p.blocks if b.anchor}


def assert_numbered_and_resolved(doc: Document) -> None:
    numbered = [b for p in doc.parts for b in p.blocks if isinstance(b, Paragraph) and b.number is not None]
    assert [p.number for p in numbered] == list(range(1, len(numbered) + 1))
    labels = [p.label for p in doc.parts if p.label]
    assert labels == [f"{roman(n)}." for n in range(1, len(labels) + 1)]
    xrefs = [x for x in inlines(doc) if isinstance(x, XRef)]
    assert xrefs and {x.anchor for x in xrefs} <= anchors(doc)
    by_anchor = {p.anchor: p.label.rstrip(".") for p in doc.parts}
    for x in xrefs:
        if x.anchor.startswith("para-"):
            assert x.text.split()[-1] == x.anchor.removeprefix("para-")
        elif by_anchor.get(x.anchor):  # "Part VII" names the part's own label
            named = re.search(r"(?:Part|partie) ([IVXL]+)\b", x.text)
            assert named is not None and named.group(1) == by_anchor[x.anchor], x.text


def test_left_out_sections_are_absent_and_numbering_stays_continuous(aleppo: AleppoDossier) -> None:
    whole = make(aleppo, frozenset())
    doc = make(aleppo, LEFT_OUT)
    titles = [p.title for p in doc.parts]
    assert not set(LEFT_OUT_TITLES) & set(titles)
    assert len(doc.parts) == len(whole.parts) - len(LEFT_OUT)
    assert [t for t in (p.title for p in whole.parts) if t not in LEFT_OUT_TITLES] == titles
    assert_numbered_and_resolved(doc)
    assert doc.meta["parts"] == str(len(doc.parts))
    left_out_anchors = {"part-introduction", "part-context", "part-admissibility", "part-conclusion"}
    assert not left_out_anchors & anchors(doc)
    assert not any(isinstance(x, XRef) and x.anchor in left_out_anchors for x in inlines(doc))
    # Fewer numbered paragraphs, yet every exhibit of the index still points to paragraphs that exist.
    assert 0 < int(doc.meta["paragraphs"]) < int(whole.meta["paragraphs"])
    text = document_text(doc)
    # the executive summary asked for the request "(Part XV)"; that part is gone, so it names none
    summary = next(p for p in doc.parts if p.anchor == "part-summary")
    summary_text = " ".join(plain(b.inlines) for b in summary.blocks if isinstance(b, Paragraph))
    assert "under article 15." in summary_text and "under article 15 (Part" not in summary_text
    assert "Admissibility" not in text and "Conclusion and request" not in text


def test_the_introduction_names_only_the_parts_that_are_there(aleppo: AleppoDossier) -> None:
    doc = make(aleppo, frozenset({Section.ADMISSIBILITY, Section.EXECUTIVE_SUMMARY}))
    assert_numbered_and_resolved(doc)
    labels = {p.anchor: p.label.rstrip(".") for p in doc.parts}
    intro = " ".join(plain(b.inlines) for b in doc.parts[0].blocks if isinstance(b, Paragraph))
    assert "admissibility (Part" not in intro
    assert f"jurisdiction (Part {labels['part-jurisdiction']})" in intro
    assert f"the interests of justice (Part {labels['part-justice']})" in intro
    french = make(aleppo, frozenset({Section.INTERESTS_OF_JUSTICE}), Language.FR)
    assert_numbered_and_resolved(french)
    intro_fr = " ".join(plain(b.inlines) for b in french.parts[0].blocks if isinstance(b, Paragraph))
    labels_fr = {p.anchor: p.label.rstrip(".") for p in french.parts}
    assert f"et la recevabilité (partie {labels_fr['part-admissibility']})." in intro_fr
    assert "intérêts de la justice" not in intro_fr


def test_mandatory_sections_cannot_be_left_out(aleppo: AleppoDossier) -> None:
    assert set(OPTIONAL) | MANDATORY == set(Section) and not set(OPTIONAL) & MANDATORY
    for section in MANDATORY:
        with pytest.raises(ValueError, match="cannot be left out"):
            make(aleppo, frozenset({section}))
    assert parse_sections(" Gravity ,conclusion".replace("Gravity", "admissibility")) == {
        Section.ADMISSIBILITY,
        Section.CONCLUSION,
    }
    with pytest.raises(ValueError, match="unknown section gravity"):
        parse_sections("gravity")
    with pytest.raises(ValueError, match="jurisdiction"):
        parse_sections("jurisdiction")
    request = DossierRequest(omit=frozenset({Section.EVIDENCE_INDEX}), today=TODAY)
    with pytest.raises(ValidationError, match="evidence-index"):
        export_dossier(aleppo.case, request, aleppo.case.folder.parent / "never", inputs=aleppo.inputs)
    assert not (aleppo.case.folder.parent / "never").exists()


def test_the_pdf_and_docx_leave_them_out_and_custody_says_so(aleppo: AleppoDossier, tmp_path: Path) -> None:
    out = tmp_path / "out"
    request = DossierRequest(
        formats=(DossierFormat.PDF, DossierFormat.DOCX), public_only=True, omit=LEFT_OUT, today=TODAY
    )
    export_dossier(aleppo.case, request, out, inputs=aleppo.inputs)
    pdf = norm(pdf_text(out / "communication-public.pdf"))
    word = norm(docx_text(out / "communication-public.docx"))
    headings = [
        p.text for p in docx.Document(str(out / "communication-public.docx")).paragraphs if p.style.name == "Heading 1"
    ]
    assert headings and not any(t in h for h in headings for t in LEFT_OUT_TITLES)
    for text in (pdf, word):
        for title in LEFT_OUT_TITLES:
            assert title not in text
        assert "I. Executive summary" in text and "II. Factual background" in text and "III. Jurisdiction" in text
        assert "Evidence index" in text and "Interests of justice" in text
    entries = aleppo.case.custody.entries(CustodyQuery(action=CustodyAction.DOSSIER_EXPORT))
    assert entries[-1].details["omitted"] == ["introduction", "contextual-elements", "admissibility", "conclusion"]
