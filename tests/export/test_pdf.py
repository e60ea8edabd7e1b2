"""The PDF renderer on the sample dossier document (plus wrapping Arabic), read back with pypdf and
the poppler/qpdf tools a recipient would use."""

from __future__ import annotations

import dataclasses
import re
import subprocess
import unicodedata
from pathlib import Path

import pypdf
import pytest

from caseapp.core.dossier.model import Document, Part, Span, Table
from caseapp.export.pdf import render_pdf
from tests.dossier.sample_document import ARABIC_NAME, ARABIC_QUOTE, HASH
from tests.export.arabic_document import ARABIC_INSIDE, ARABIC_TESTIMONY, LATIN_AROUND, arabic_document
from tests.export.readers import flat_outline, norm, tool


@pytest.fixture(scope="module")
def document() -> Document:
    return arabic_document()


@pytest.fixture(scope="module")
def pdf(document: Document, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("secret-folder-name") / "communication-public.pdf"
    render_pdf(document, path)
    return path


@pytest.fixture(scope="module")
def reader(pdf: Path) -> pypdf.PdfReader:
    return pypdf.PdfReader(pdf)


@pytest.fixture(scope="module")
def text(reader: pypdf.PdfReader) -> str:
    return norm("\n".join(page.extract_text() for page in reader.pages))


def test_qpdf_finds_no_error(pdf: Path) -> None:
    result = subprocess.run([tool("qpdf"), "--check", str(pdf)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_bookmark_for_every_outline_item_nested_by_level(reader: pypdf.PdfReader, document: Document) -> None:
    bookmarks = flat_outline(reader, reader.outline)
    assert [(depth, title) for depth, title, _page in bookmarks] == [
        (level - 1, title) for level, title, _anchor in document.outline()
    ]
    pages = {title: page for _depth, title, page in bookmarks}
    assert pages["I. Introduction"] == 2  # cover, contents, then part I (0-based page index)
    assert pages["Evidence index"] == len(reader.pages) - 1
    assert norm(ARABIC_TESTIMONY[:30]) in norm(reader.pages[pages["III. Testimony excerpts"]].extract_text())


def test_each_contents_line_gives_the_page_its_heading_is_on(reader: pypdf.PdfReader, pdf: Path) -> None:
    # The numbers are filled in when the file is saved (one layout pass): they must still be right.
    page_two = [tool("pdftotext"), "-f", "2", "-l", "2", str(pdf), "-"]
    contents = norm(subprocess.run(page_two, capture_output=True, text=True, check=True).stdout)
    checked = 0
    for _depth, title, page in flat_outline(reader, reader.outline):
        if title.isascii():
            assert re.search(re.escape(norm(title)) + r"[ .]+" + str(page + 1) + r"\b", contents), (title, page + 1)
            checked += 1
    assert checked >= 5


def test_text_holds_headings_numbers_refs_hash_arabic_and_furniture(
    text: str, document: Document, reader: pypdf.PdfReader
) -> None:
    for _level, title, _anchor in document.outline():
        assert norm(title) in text
    for number in range(1, 6):
        assert f"{number}. " in text
    assert "3. On 27 April 2016 the hospital was struck (EX-1)." in text
    assert "See para. 3." in text
    assert HASH in text
    assert "[REDACTED: protected witness W-001]" in text
    assert norm(ARABIC_NAME) in text
    assert norm(ARABIC_QUOTE) in text
    assert "attacks on civilians in " + norm(ARABIC_NAME) in text
    pages = len(reader.pages)
    for page in range(2, pages + 1):
        assert f"page {page} / {pages}" in text
    assert "page 1 /" not in text  # the cover has no furniture
    cover = norm(reader.pages[0].extract_text())
    for fact in (
        "Original: English",
        "Date: 27 November 2026",
        "Situation in the Syrian Arab Republic",
        "PUBLIC with Confidential Annex 1; Public Annexes 2, 3",
        "Source: Aleppo Documentation Clinic Faculté de droit, Genève",
        "Secure contact: clinic@example.org (Signal on request)",
        "The sender undertakes to provide further information on request.",
    ):
        assert fact in cover
    assert "PUBLIC REDACTED VERSION" not in cover
    contents = norm(reader.pages[1].extract_text())
    assert "Contents" in contents and "II. Factual background" in contents and "Evidence index" in contents


def test_a_wrapping_arabic_paragraph_keeps_its_line_order(reader: pypdf.PdfReader, pdf: Path) -> None:
    index = {title: page for _depth, title, page in flat_outline(reader, reader.outline)}["III. Testimony excerpts"]
    page = reader.pages[index]
    extracted = norm(page.extract_text())
    lines = [norm(line) for line in unicodedata.normalize("NFKC", page.extract_text()).splitlines()]
    start = next(i for i, line in enumerate(lines) if line.startswith("4."))
    assert lines[start].removeprefix("4. ").startswith(" ".join(ARABIC_TESTIMONY.split()[:6]))
    assert len([line for line in lines[start:] if not line.startswith("5.")][:5]) >= 4  # it does wrap
    # The Arabic quotation inside a Latin paragraph crosses a line break: its words stay in order.
    assert norm(LATIN_AROUND[0] + ARABIC_INSIDE + LATIN_AROUND[1]) in extracted
    # poppler agrees on the line order (it is what most people's tools use).
    poppler = subprocess.run([tool("pdftotext"), str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    poppler_lines = [norm(line) for line in poppler.splitlines() if line.strip()]
    first = next(i for i, line in enumerate(poppler_lines) if ARABIC_TESTIMONY.split()[3] in line)
    assert poppler_lines[first].startswith(" ".join(ARABIC_TESTIMONY.split()[:6]))
    assert norm(ARABIC_TESTIMONY.split()[-2]) in " ".join(poppler_lines[first + 3 : first + 6])


def test_every_font_is_embedded_truetype_and_none_is_a_base14_font(pdf: Path) -> None:
    listing = subprocess.run([tool("pdffonts"), str(pdf)], capture_output=True, text=True, check=True).stdout
    rows = [line.split() for line in listing.splitlines()[2:] if line.strip()]
    names = {row[0].split("+")[-1] for row in rows}
    assert names == {
        "NotoSerif-Regular",
        "NotoSerif-Bold",
        "NotoSansMono-Regular",
        "NotoNaskhArabic-Regular",
    }
    for row in rows:
        assert row[1] == "TrueType" and row[-5] == "yes", row  # emb


def test_properties_are_exactly_the_documents(reader: pypdf.PdfReader, document: Document, pdf: Path) -> None:
    info = dict(reader.metadata or {})
    props = document.properties
    assert info.pop("/Title") == props.title
    assert info.pop("/Subject") == props.subject
    assert info.pop("/Author") == props.author
    assert info.pop("/Keywords") == ", ".join(props.keywords)
    assert info.pop("/Creator") == "caseapp"
    assert info.pop("/Producer") == "caseapp"
    # Fixed dates (the same input gives the same bytes) and the trapping flag; nothing else.
    assert info.pop("/CreationDate") == info.pop("/ModDate") == "D:20000101000000+00'00'"
    assert info.pop("/Trapped") == "/False"
    assert info == {}
    assert "/Metadata" not in reader.trailer["/Root"]
    data = pdf.read_bytes()
    assert b"secret-folder-name" not in data and pdf.parent.name.encode() not in data


def test_keywords_and_the_same_bytes_for_the_same_document(tmp_path: Path) -> None:
    doc = arabic_document()
    doc = dataclasses.replace(doc, properties=dataclasses.replace(doc.properties, keywords=("Article 15", "Aleppo")))
    render_pdf(doc, tmp_path / "a.pdf")
    render_pdf(doc, tmp_path / "b.pdf")
    assert (tmp_path / "a.pdf").read_bytes() == (tmp_path / "b.pdf").read_bytes()
    assert pypdf.PdfReader(tmp_path / "a.pdf").metadata["/Keywords"] == "Article 15, Aleppo"


def test_a_long_table_repeats_its_header_row_on_every_page(tmp_path: Path) -> None:
    doc = arabic_document()
    rows = tuple(
        ((Span(f"EX-{n}"),), (Span(f"Photo {n} of the crater near the hospital entrance"),), (Span(HASH, mono=True),))
        for n in range(1, 121)
    )
    table = Table(columns=("Exhibit", "Title", "SHA-256"), rows=rows, widths=(0.12, 0.38, 0.5))
    long_part = Part(label="", title="Evidence index", anchor="part-index", blocks=(table,))
    doc = dataclasses.replace(doc, parts=(*doc.parts[:-1], long_part))
    render_pdf(doc, tmp_path / "long.pdf")
    reader = pypdf.PdfReader(tmp_path / "long.pdf")
    table_pages = [text for text in (norm(p.extract_text()) for p in reader.pages) if re.search(r"EX-\d+ Photo", text)]
    assert len(table_pages) >= 3
    for page in table_pages:
        assert "Exhibit Title SHA-256" in page
    everything = " ".join(table_pages)
    assert all(f"EX-{n} Photo {n} " in everything for n in range(1, 121))
    assert f"page {len(reader.pages)} / {len(reader.pages)}" in norm(reader.pages[-1].extract_text())
