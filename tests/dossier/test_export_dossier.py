"""The Article 15 communication exported end to end on the Aleppo sample case: full and public
versions and the key annex as PDF and DOCX, checked with the tools a recipient would use (qpdf,
pdftotext, python-docx, LibreOffice), the public files searched for every protected identity, the
two formats compared word for word, and the export's custody entry checked against the files."""

from __future__ import annotations

import hashlib
import re
import subprocess
import unicodedata
import zipfile
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

import docx
import pypdf
import pytest

from caseapp.app.case_folder import OpenCase, create_case
from caseapp.app.dossier_export import export_dossier
from caseapp.core.custody import CustodyAction
from caseapp.core.dossier.build import build_dossier
from caseapp.core.dossier.model import Document, Language, Table, Version
from caseapp.core.errors import Cancelled, UserError
from caseapp.core.operations import CancelToken, Task
from caseapp.core.ports import CustodyQuery
from caseapp.core.services.dossier_export import DossierFormat, DossierRequest, ExportedDossier
from tests.conftest import FAST_KDF, PASSPHRASE
from tests.dossier.aleppo_dossier import (
    ACQUISITION,
    INCIDENT_GPS,
    PHOTO_NAME,
    TODAY,
    WITNESS,
    WITNESS_AR,
    WITNESS_CONTACT,
    AleppoDossier,
    prepare,
)
from tests.export.readers import docx_text, flat_outline, libreoffice_pdf, norm, pdf_text, tool

PROTECTED = (
    WITNESS,
    WITNESS_AR,
    "Haddad",
    PHOTO_NAME,
    "R58M123456",
    f"{INCIDENT_GPS[0]:.5f}",
    "Umm Karim",
    "1979",
    WITNESS_CONTACT,
)


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[AleppoDossier, ExportedDossier, Path]]:
    """One export (full, public, key annex; PDF and DOCX) shared by the read-only checks below."""
    root = tmp_path_factory.mktemp("dossier")
    case, _code = create_case(root / "Aleppo-2016.caseapp", PASSPHRASE, kdf=FAST_KDF, actor="tester", time_zone="UTC")
    try:
        prepared = prepare(case, root)
        out = root / "out"
        request = DossierRequest(key_annex=True, today=TODAY)
        result = export_dossier(case, request, out, inputs=prepared.inputs).value
        yield prepared, result, out
    finally:
        case.close()


def _doc(prepared: AleppoDossier, version: Version) -> Document:
    return build_dossier(
        prepared.view,
        prepared.inputs,
        version=version,
        language=Language.EN,
        catalogue=prepared.catalogue,
        jurisdiction=prepared.answers,
        today=TODAY,
        key_annex=True,
    )


def raw_zip_text(path: Path) -> str:
    with zipfile.ZipFile(path) as package:
        return "\n".join(package.read(name).decode("utf-8", "replace") for name in package.namelist())


def test_the_folder_holds_each_version_in_each_format_and_custody_lists_their_hashes(
    exported: tuple[AleppoDossier, ExportedDossier, Path],
) -> None:
    prepared, result, out = exported
    names = sorted(p.name for p in out.iterdir())
    assert names == sorted(
        f"{stem}.{ext}"
        for stem in ("communication-full", "communication-public", "key-annex")
        for ext in ("pdf", "docx")
    )
    for produced in result.files:
        assert hashlib.sha256((out / produced.name).read_bytes()).hexdigest() == produced.sha256
    assert result.revealed and all(ref.startswith(("W-", "V-", "S-", "P-")) for ref in result.revealed)
    entries = prepared.case.custody.entries(CustodyQuery(action=CustodyAction.DOSSIER_EXPORT))
    assert len(entries) == 1
    listed = {f["name"]: f["sha256"] for f in entries[0].details["files"]}
    assert listed == {p.name: p.sha256 for p in result.files}
    reveals = prepared.case.custody.entries(CustodyQuery(action=CustodyAction.PERSON_REVEAL))
    assert {e.target for e in reveals} >= set(result.revealed)
    assert prepared.case.custody.verify().ok


def test_no_protected_identity_in_the_public_files_their_metadata_or_names(
    exported: tuple[AleppoDossier, ExportedDossier, Path],
) -> None:
    _prepared, _result, out = exported
    pdf, docx_path = out / "communication-public.pdf", out / "communication-public.docx"
    reader = pypdf.PdfReader(pdf)
    places = {
        "pdf text": norm(pdf_text(pdf)),
        "pdf metadata": norm(str(dict(reader.metadata or {}))),
        "pdf raw": pdf.read_bytes().decode("latin-1"),
        "docx text": norm(docx_text(docx_path)),
        "docx parts": raw_zip_text(docx_path),
        "names": " ".join(p.name for p in out.iterdir() if "public" in p.name),
    }
    for where, text in places.items():
        for secret in PROTECTED:
            assert norm(secret) not in text, f"{secret!r} found in the public version's {where}"
    annex = norm(pdf_text(out / "key-annex.pdf"))
    assert (WITNESS in annex and norm(WITNESS_AR) in annex) or WITNESS in annex
    assert WITNESS in norm(docx_text(out / "key-annex.docx"))
    annex_docx = norm(docx_text(out / "key-annex.docx"))
    for identity in ("Umm Karim", norm("أم كريم"), "14 February 1979", WITNESS_CONTACT):
        assert identity in annex_docx  # aliases, date of birth and contact, through the recorded reveal
    full = norm(pdf_text(out / "communication-full.pdf"))
    assert WITNESS not in full  # pseudonyms in the full version too; names only in the key annex
    assert ACQUISITION in full  # the full version keeps private metadata


def test_the_pdf_checks_and_has_a_bookmark_per_section_and_every_exhibit_hash(
    exported: tuple[AleppoDossier, ExportedDossier, Path],
) -> None:
    prepared, _result, out = exported
    pdf = out / "communication-full.pdf"
    subprocess.run([tool("qpdf"), "--check", str(pdf)], check=True, capture_output=True)
    document = _doc(prepared, Version.FULL)
    reader = pypdf.PdfReader(pdf)
    assert [title for _depth, title, _page in flat_outline(reader, reader.outline)] == [
        text for _level, text, _anchor in document.outline()
    ]
    text = norm(pdf_text(pdf))
    for _level, heading, _anchor in document.outline():
        assert norm(heading) in text
    for exhibit in prepared.view.exhibits:
        assert exhibit.ref in text
        if exhibit.sha256:
            assert exhibit.sha256 in text.replace(" ", "")
    paragraphs = int(document.meta["paragraphs"])
    for number in (1, paragraphs // 2, paragraphs):
        assert f"{number}. " in text
    assert norm("Bab al-Nairab, حلب") in text  # Arabic place name, logical order after NFKC


def test_the_docx_has_the_same_headings_and_tables_and_libreoffice_converts_it(
    exported: tuple[AleppoDossier, ExportedDossier, Path], tmp_path: Path
) -> None:
    prepared, _result, out = exported
    path = out / "communication-public.docx"
    document = _doc(prepared, Version.PUBLIC)
    opened = docx.Document(str(path))
    headings = [p.text for p in opened.paragraphs if p.style is not None and p.style.name.startswith("Heading")]
    assert [norm(h) for h in headings] == [norm(text) for _level, text, _anchor in document.outline()]
    model_tables = sum(1 for part in document.parts for block in part.blocks if type(block).__name__ == "Table")
    assert len(opened.tables) >= model_tables
    text = norm(pdf_text(libreoffice_pdf(path, tmp_path)))
    assert all(norm(text_) in text for _level, text_, _anchor in document.outline())


def _words(text: str, furniture: tuple[str, ...], headers: frozenset[str]) -> Counter[str]:
    """The words of ``text`` (NFKC, case-folded) without page furniture; words of table headers
    (repeated on every page a table spans, in the PDF) count once."""
    text = unicodedata.normalize("NFKC", text)
    for item in furniture:
        text = text.replace(unicodedata.normalize("NFKC", item), " ")
    text = re.sub(r"page \d+ / \d+", " ", text)
    words = Counter(re.findall(r"\w+", text.casefold()))
    for word in headers & set(words):
        words[word] = 1
    return words


def _rejoin(text: str, vocabulary: set[str]) -> str:
    """Join the pieces of words a narrow PDF column or a long URL broke over two lines: a line
    break between two pieces whose concatenation begins a word of the other format's text."""

    def join(match: re.Match[str]) -> str:
        joined = (match.group(1) + match.group(2)).casefold()
        if joined in vocabulary or any(word.startswith(joined) for word in vocabulary):
            return match.group(1) + match.group(2)
        return match.group(0)

    previous = None
    while previous != text:
        previous, text = text, re.sub(r"(\w+)\n(\w+)", join, text)
    return text


def test_the_pdf_and_the_docx_say_the_same_words(exported: tuple[AleppoDossier, ExportedDossier, Path]) -> None:
    prepared, _result, out = exported
    document = _doc(prepared, Version.PUBLIC)
    furniture = (document.furniture.short_title, document.furniture.classification, document.furniture.date)
    reader = pypdf.PdfReader(out / "communication-public.pdf")
    first_part = flat_outline(reader, reader.outline)[0][2]
    pages = pdf_text(out / "communication-public.pdf").split("\f")
    pdf_body = "\n".join([pages[0], *pages[first_part:]])  # the cover, then the parts (no contents pages)
    opened = docx.Document(str(out / "communication-public.docx"))
    body: list[str] = []
    for block in opened.iter_inner_content():
        if isinstance(block, docx.table.Table):
            body.extend(cell.text for row in block.rows for cell in row.cells)
        elif block.style is None or not block.style.name.lower().startswith(("toc", "tocheading")):
            body.append(block.text)
    docx_body = "\n".join(body).replace(document.labels.contents, " ", 1)
    headers = frozenset(
        word
        for part in document.parts
        for block in part.blocks
        if isinstance(block, Table)
        for column in block.columns
        for word in re.findall(r"\w+", column.casefold())
    )
    docx_words = _words(docx_body, furniture, headers)
    pdf_words = _words(_rejoin(unicodedata.normalize("NFKC", pdf_body), set(docx_words)), furniture, headers)
    assert pdf_words - docx_words == Counter() and docx_words - pdf_words == Counter(), (
        f"only in the PDF: {dict((pdf_words - docx_words).most_common(15))}; "
        f"only in the DOCX: {dict((docx_words - pdf_words).most_common(15))}"
    )


def test_a_cancelled_export_leaves_nothing_and_records_nothing(
    make_case: Callable[..., tuple[OpenCase, str]], tmp_path: Path
) -> None:
    case, _ = make_case()
    token = CancelToken()
    seen: list[str] = []

    def progress(_done: int, _total: int, label: str) -> None:
        seen.append(label)
        if label.startswith("writing"):
            token.cancel()

    out = tmp_path / "out"
    with pytest.raises(Cancelled):
        export_dossier(case, DossierRequest(formats=(DossierFormat.PDF,)), out, task=Task(progress, token))
    assert not out.exists() and [p.name for p in tmp_path.iterdir() if p.name.startswith(".caseapp-export")] == []
    assert case.custody.entries(CustodyQuery(action=CustodyAction.DOSSIER_EXPORT)) == []
    (out / "x").parent.mkdir()
    (out / "x").write_text("keep me")
    with pytest.raises(UserError, match="not empty"):
        export_dossier(case, DossierRequest(), out)
    assert (out / "x").read_text() == "keep me"
