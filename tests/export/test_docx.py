"""The DOCX renderer on the hand-built sample document, read back with python-docx, as raw package
XML, and through LibreOffice headless into a PDF."""

from __future__ import annotations

import dataclasses
import re
import zipfile
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.document import Document as DocxDocument
from docx.oxml.ns import qn

from caseapp.core.dossier.model import Document, Heading, Language, Paragraph, Properties, Table, plain
from caseapp.export.docx_ooxml import PPR_ORDER, RPR_ORDER, TBLPR_ORDER, TCPR_ORDER, TRPR_ORDER
from caseapp.export.docx_render import HEADER_FILL, TOC_INSTRUCTION, render_docx
from caseapp.export.docx_styles import ARABIC_FONT
from tests.dossier.sample_document import ARABIC_NAME, ARABIC_QUOTE, HASH, sample_document
from tests.export.readers import body_texts, libreoffice_pdf, norm, pdf_text

W_VAL = qn("w:val")


@pytest.fixture(scope="module")
def model() -> Document:
    doc = sample_document()
    props = Properties(
        title=doc.properties.title,
        subject=doc.properties.subject,
        author=doc.properties.author,
        keywords=("Article 15", "Aleppo"),
    )
    return dataclasses.replace(doc, properties=props)


@pytest.fixture(scope="module")
def rendered(model: Document, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("docx") / "communication-public.docx"
    render_docx(model, path)
    return path


@pytest.fixture(scope="module")
def opened(rendered: Path) -> DocxDocument:
    return docx.Document(str(rendered))


def _model_texts(doc: Document) -> list[str]:
    """What the body must say from the first part on, in order."""
    texts: list[str] = []
    for part in doc.parts:
        texts.append(f"{part.label} {part.title}".strip())
        for block in part.blocks:
            if isinstance(block, Heading):
                texts.append(f"{block.label} {block.title}".strip())
            elif isinstance(block, Paragraph):
                number = "" if block.number is None else f"{block.number}.\t"
                texts.append(number + plain(block.inlines))
            elif isinstance(block, Table):
                if block.caption:
                    texts.append(block.caption)
                texts.extend(block.columns)
                texts.extend(plain(cell) for row in block.rows for cell in row)
        if part.notes:
            texts.append(doc.labels.notes)
            texts.extend(f"{note.number}.\t{plain(note.inlines)}" for note in part.notes)
    return texts


def test_headings_have_word_heading_styles_in_outline_order(model: Document, opened: DocxDocument) -> None:
    headings = [(p.style.name, p.text) for p in opened.paragraphs if p.style and p.style.name.startswith("Heading")]
    assert headings == [(f"Heading {level}", text) for level, text, _anchor in model.outline()]
    assert len(headings) == 5  # three parts, two headings


def test_text_of_the_model_in_document_order(model: Document, opened: DocxDocument) -> None:
    texts = body_texts(opened)
    first_part = texts.index(next(model.outline())[1], texts.index(model.labels.contents) + 2)
    assert texts[first_part:] == _model_texts(model)

    cover = model.cover
    expected_cover = [  # the cover's strings as the model holds them, labels included
        cover.original_language,
        cover.date,
        cover.situation,
        cover.classification,
        cover.title,
        *cover.sender,
        cover.secure_contact,
        cover.undertaking,
        cover.signing_fingerprint,
    ]
    assert texts[: texts.index(model.labels.contents)] == expected_cover


def test_contents_is_a_toc_field_whose_cached_result_is_the_outline(model: Document, opened: DocxDocument) -> None:
    body = opened.element.body
    instructions = [t.text.strip() for t in body.iter(qn("w:instrText"))]
    assert instructions == [TOC_INSTRUCTION]
    toc_lines = [(p.style.name, p.text) for p in opened.paragraphs if p.style and p.style.name.startswith("toc ")]
    assert toc_lines == [(f"toc {level}", text) for level, text, _anchor in model.outline()]
    heading = next(p for p in opened.paragraphs if p.text == model.labels.contents)
    assert heading.style is not None and heading.style.name == "TOC Heading"
    kinds = [c.get(qn("w:fldCharType")) for c in body.iter(qn("w:fldChar"))]
    assert kinds == ["begin", "separate", "end"]
    settings = opened.settings.element
    assert settings.find(qn("w:updateFields")).get(W_VAL) == "true"
    assert settings.find(qn("w:removePersonalInformation")) is not None


def test_tables_have_the_model_columns_cells_widths_and_repeating_header(model: Document, opened: DocxDocument) -> None:
    tables = [b for p in model.parts for b in p.blocks if isinstance(b, Table)]
    assert len(opened.tables) == len(tables) == 2
    for out, table in zip(opened.tables, tables, strict=True):
        cells = [[cell.text for cell in row.cells] for row in out.rows]
        assert cells == [list(table.columns)] + [[plain(c) for c in row] for row in table.rows]
        header = out.rows[0]._tr.trPr
        assert header is not None and header.find(qn("w:tblHeader")) is not None
        assert all(row._tr.trPr is None or row._tr.trPr.find(qn("w:tblHeader")) is None for row in out.rows[1:])
        fills = [[_cell_fill(cell._tc) for cell in row.cells] for row in out.rows]
        assert fills[0] == [HEADER_FILL] * len(table.columns)
        assert {fill for row in fills[1:] for fill in row} == {None}
        grid = [int(col.get(qn("w:w"))) for col in out._tbl.tblGrid.iter(qn("w:gridCol"))]
        assert [round(w / sum(grid), 3) for w in grid] == [round(w, 3) for w in table.widths]


def _cell_fill(tc: Any) -> str | None:
    shd = None if tc.tcPr is None else tc.tcPr.find(qn("w:shd"))
    return None if shd is None else str(shd.get(qn("w:fill")))


def _runs(out: DocxDocument) -> list[tuple[str, Any]]:
    runs: list[tuple[str, Any]] = []
    for r in out.element.body.iter(qn("w:r")):
        text = "".join(t.text or "" for t in r.iter(qn("w:t")))
        if text:
            runs.append((text, r))
    return runs


def test_arabic_runs_are_right_to_left_with_the_complex_script_font(opened: DocxDocument) -> None:
    arabic = re.compile("[\u0600-\u06ff]")
    runs = _runs(opened)
    arabic_runs = [(text, r) for text, r in runs if arabic.search(text)]
    assert [t for t, _ in arabic_runs] == [ARABIC_NAME, ARABIC_QUOTE, ARABIC_NAME]  # whole, in logical order
    for _text, r in arabic_runs:
        rpr = r.find(qn("w:rPr"))
        assert rpr.find(qn("w:rtl")) is not None and rpr.find(qn("w:cs")) is not None
        assert rpr.find(qn("w:rFonts")).get(qn("w:cs")) == ARABIC_FONT
    latin = [r for text, r in runs if not arabic.search(text)]
    assert latin and all(r.find(f"{qn('w:rPr')}/{qn('w:rtl')}") is None for r in latin)

    bidi = [p.text for p in opened.paragraphs if p._p.pPr is not None and p._p.pPr.find(qn("w:bidi")) is not None]
    assert bidi == [ARABIC_QUOTE]  # the Latin paragraph naming a place in Arabic stays left-to-right
    defaults = opened.styles.element.find(qn("w:docDefaults")).find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
    fonts = defaults.find(qn("w:rFonts"))
    assert (fonts.get(qn("w:ascii")), fonts.get(qn("w:cs"))) == ("Noto Serif", ARABIC_FONT)


def test_links_notes_redactions_and_drafts(opened: DocxDocument) -> None:
    body = opened.element.body
    bookmarks = {b.get(qn("w:name")): b for b in body.iter(qn("w:bookmarkStart"))}
    targets: dict[str, list[str]] = {}
    for link in body.iter(qn("w:hyperlink")):
        text = "".join(t.text for t in link.iter(qn("w:t")))
        targets.setdefault(text, []).append(link.get(qn("w:anchor")))
    # "See para. 3" lands on paragraph 3; the superscript note number on note 1 of its part.
    start = bookmarks[targets["para. 3"][0]]
    assert "".join(t.text for t in start.getparent().iter(qn("w:t"))).startswith("3.")
    note_targets = {bookmarks[a].getparent() for a in targets["1"]}
    assert {"".join(t.text for t in p.iter(qn("w:t")))[:4] for p in note_targets} == {"1.Ro", "1.St"}
    for text in ("para. 3", "EX-1", "I. Introduction", "Evidence index"):
        assert all(anchor in bookmarks for anchor in targets[text]), text
    superscripts = [r for text, r in _runs(opened) if text == "1" and r.find(f".//{qn('w:vertAlign')}") is not None]
    assert len(superscripts) == 2

    redacted = next(r for text, r in _runs(opened) if text.startswith("[REDACTED"))
    assert redacted.find(f"{qn('w:rPr')}/{qn('w:shd')}").get(qn("w:fill")) == "1A1A1A"
    draft = next(p for p in opened.paragraphs if p.text.startswith("2."))._p.pPr
    assert draft is not None and draft.find(qn("w:shd")).get(qn("w:fill")) == "FFF2CC"
    plain_para = next(p for p in opened.paragraphs if p.text.startswith("1.\tThis"))._p.pPr
    assert plain_para is not None and plain_para.find(qn("w:shd")) is None


def test_core_properties_are_exactly_the_model_properties(model: Document, rendered: Path) -> None:
    with zipfile.ZipFile(rendered) as package:
        names = package.namelist()
        parts = {name: package.read(name) for name in names}
    core = docx.oxml.parse_xml(parts["docProps/core.xml"])
    found = {child.tag.split("}")[1]: child.text or "" for child in core}
    assert found == {
        "title": model.properties.title,
        "subject": model.properties.subject,
        "creator": model.properties.author,
        "keywords": "Article 15, Aleppo",
    }
    app = docx.oxml.parse_xml(parts["docProps/app.xml"])
    assert len(app) == 0  # no application name, template, company or counts
    assert not [n for n in names if n.startswith("customXml") or "thumbnail" in n or "custom.xml" in n]
    everything = b"".join(parts.values())
    for leftover in (b"python-docx", b"Macintosh Word", b"Normal.dotm", b"w:rsid", b"2013-12-23"):
        assert leftover not in everything, leftover


def test_same_model_same_bytes_and_no_timestamps(model: Document, rendered: Path, tmp_path: Path) -> None:
    again = tmp_path / "again.docx"
    render_docx(model, again)
    assert again.read_bytes() == rendered.read_bytes()
    with zipfile.ZipFile(rendered) as package:
        assert {info.date_time for info in package.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_header_and_footer_carry_the_furniture_and_page_fields(model: Document, opened: DocxDocument) -> None:
    furniture = model.furniture
    section = opened.sections[0]
    assert section.header.paragraphs[0].text == f"{furniture.short_title} — {furniture.classification}"
    footer = section.footer
    # the page fields' cached results ("1") stand in the text until an application lays out pages
    assert footer.paragraphs[0].text == f"{furniture.date}\tpage 1 / 1"
    fields = [t.text.strip() for t in footer._element.iter(qn("w:instrText"))]
    assert fields == ["PAGE", "NUMPAGES"]
    assert not section.different_first_page_header_footer  # the same furniture on every page


def test_libreoffice_converts_it_and_the_pdf_says_the_same(model: Document, rendered: Path, tmp_path: Path) -> None:
    text = norm(pdf_text(libreoffice_pdf(rendered, tmp_path)))
    for _level, heading, _anchor in model.outline():
        assert text.count(heading) >= 2, heading  # in the contents and as the heading itself
    for needle in (ARABIC_NAME, ARABIC_QUOTE, HASH[:40], "[REDACTED: protected witness W-001]", model.cover.title):
        assert needle in text, needle
    pages = re.findall(r"page (\d+) / (\d+)", text)
    assert pages and [int(p) for p, _ in pages] == list(range(1, len(pages) + 1))
    assert {int(total) for _, total in pages} == {len(pages)}


def test_a_document_without_parts_still_has_a_complete_toc_field(model: Document, tmp_path: Path) -> None:
    path = tmp_path / "empty.docx"
    render_docx(dataclasses.replace(model, parts=(), language=Language.FR), path)
    out = docx.Document(str(path))
    body = out.element.body
    assert [c.get(qn("w:fldCharType")) for c in body.iter(qn("w:fldChar"))] == ["begin", "separate", "end"]
    assert [t.text.strip() for t in body.iter(qn("w:instrText"))] == [TOC_INSTRUCTION]
    assert body_texts(out)[-1] == model.labels.contents
    assert model.cover.title in body_texts(out)
    lang = out.styles.element.find(qn("w:docDefaults")).find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:lang')}")
    assert (lang.get(W_VAL), lang.get(qn("w:bidi"))) == ("fr-FR", "ar-SA")


def test_properties_elements_are_in_schema_order(rendered: Path) -> None:
    """Word rejects a file ("unreadable content") whose run or paragraph properties are out of order."""
    orders = {qn("w:rPr"): RPR_ORDER, qn("w:pPr"): PPR_ORDER, qn("w:tcPr"): TCPR_ORDER, qn("w:trPr"): TRPR_ORDER}
    orders[qn("w:tblPr")] = TBLPR_ORDER
    checked = 0
    with zipfile.ZipFile(rendered) as package:
        for name in ("word/document.xml", "word/styles.xml", "word/header1.xml", "word/footer1.xml"):
            root = docx.oxml.parse_xml(package.read(name))
            for tag, order in orders.items():
                rank = {qn(t): i for i, t in enumerate(order)}
                for props in root.iter(tag):
                    ranks = [rank[child.tag] for child in props if child.tag in rank]
                    assert ranks == sorted(ranks), (name, [child.tag.split("}")[1] for child in props])
                    checked += 1
    assert checked > 100
