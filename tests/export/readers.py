"""How the tests read exported documents back, with the tools a recipient would use: poppler's
pdftotext, qpdf, python-docx and LibreOffice. A missing tool skips a test on a developer's machine
and fails it in CI (which installs them all, see .ci/run)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path
from typing import Any

import docx
import pypdf
import pytest
from docx.document import Document as DocxDocument
from docx.table import Table as DocxTable
from docx.text.paragraph import Paragraph as DocxParagraph

_BIDI_CONTROLS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def norm(text: str) -> str:
    """NFKC (Arabic presentation forms back to letters), no bidi controls, whitespace collapsed."""
    text = _BIDI_CONTROLS.sub("", unicodedata.normalize("NFKC", text))
    return " ".join(text.split())


def tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        if os.environ.get("CI"):
            pytest.fail(f"{name} is not installed; CI must have it (.ci/run installs it)")
        pytest.skip(f"{name} is not installed (Debian: poppler-utils, qpdf, libreoffice-writer-nogui)")
    return path


def pdf_text(path: Path) -> str:
    """The text poppler's pdftotext reads from a PDF (pages separated by form feeds)."""
    return subprocess.run([tool("pdftotext"), str(path), "-"], check=True, capture_output=True, text=True).stdout


def flat_outline(reader: pypdf.PdfReader, items: list[Any], depth: int = 0) -> list[tuple[int, str, int]]:
    """The PDF's bookmarks as (depth, title, page index), in order."""
    out: list[tuple[int, str, int]] = []
    for item in items:
        if isinstance(item, list):
            out.extend(flat_outline(reader, item, depth + 1))
        else:
            out.append((depth, item.title, reader.get_destination_page_number(item)))
    return out


def body_texts(out: DocxDocument) -> list[str]:
    """Every paragraph's text and every table cell's text of a DOCX body, in document order."""
    texts: list[str] = []
    for item in out.iter_inner_content():
        if isinstance(item, DocxParagraph):
            texts.append(item.text)
        elif isinstance(item, DocxTable):
            texts.extend(cell.text for row in item.rows for cell in row.cells)
    return [t for t in texts if t]


def docx_text(path: Path) -> str:
    return "\n".join(body_texts(docx.Document(str(path))))


FONTS = Path(__file__).resolve().parents[2] / "resources" / "fonts"


def _fontconfig(out_dir: Path) -> Path:
    """A fontconfig file adding caseapp's shipped fonts to the system's, so LibreOffice renders the
    DOCX with the fonts it names (Noto Serif, Noto Naskh Arabic) on any machine."""
    conf = out_dir / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n'
        '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n'
        f"  <dir>{FONTS}</dir>\n  <cachedir>{out_dir / 'fontcache'}</cachedir>\n</fontconfig>\n",
        encoding="utf-8",
    )
    return conf


def libreoffice_pdf(path: Path, out_dir: Path) -> Path:
    """``path`` converted to PDF by LibreOffice headless (a private profile under ``out_dir``)."""
    env = {**os.environ, "FONTCONFIG_FILE": str(_fontconfig(out_dir))}
    result = subprocess.run(
        [
            tool("libreoffice"),
            f"-env:UserInstallation=file://{out_dir / 'profile'}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out_dir),
            str(path),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        env=env,
    )
    converted = out_dir / f"{path.stem}.pdf"
    assert result.returncode == 0 and converted.is_file(), result.stderr
    return converted
