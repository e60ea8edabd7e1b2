"""Type by content: a disguised extension changes nothing, containers are looked into."""

from __future__ import annotations

from pathlib import Path

import pytest

from caseapp.core.evidence import TypeKind
from caseapp.intake.sniff import sniff
from tests.intake.intake_factories import (
    ARABIC,
    ENGLISH,
    FRENCH,
    docx_bytes,
    jpeg_bytes,
    odt_bytes,
    pdf_bytes,
    plain_zip_bytes,
    png_bytes,
    wav_bytes,
    xlsx_bytes,
)

CASES = [
    ("photo.jpg", jpeg_bytes(), TypeKind.IMAGE, "image/jpeg", True),
    ("holiday.pdf", jpeg_bytes(), TypeKind.IMAGE, "image/jpeg", False),
    ("scan.png", png_bytes(), TypeKind.IMAGE, "image/png", True),
    ("report.pdf", pdf_bytes(["x"]), TypeKind.PDF, "application/pdf", True),
    ("report.txt", pdf_bytes(["x"]), TypeKind.PDF, "application/pdf", False),
    (
        "statement.docx",
        docx_bytes(["a"]),
        TypeKind.DOCUMENT,
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        True,
    ),
    (
        "statement.zip",
        docx_bytes(["a"]),
        TypeKind.DOCUMENT,
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        False,
    ),
    ("rapport.odt", odt_bytes(["a"]), TypeKind.DOCUMENT, "application/vnd.oasis.opendocument.text", True),
    (
        "sheet.xlsx",
        xlsx_bytes(),
        TypeKind.DOCUMENT,
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        True,
    ),
    ("fake.docx", plain_zip_bytes(), TypeKind.ARCHIVE, "application/zip", False),
    ("voice.wav", wav_bytes(), TypeKind.AUDIO, "audio/x-wav", True),
    ("ar.txt", ARABIC.encode("utf-8"), TypeKind.TEXT, "text/plain", True),
    ("fr.txt", FRENCH.encode("cp1252"), TypeKind.TEXT, "text/plain", True),
    ("en", ENGLISH.encode(), TypeKind.TEXT, "text/plain", None),
    ("utf16.txt", ENGLISH.encode("utf-16"), TypeKind.TEXT, "text/plain", True),
    ("page.txt", b"<!DOCTYPE html><html><body>x</body></html>", TypeKind.TEXT, "text/html", False),
    ("blob.jpg", bytes(range(256)) * 8, TypeKind.OTHER, "application/octet-stream", None),
]


@pytest.mark.parametrize(("name", "data", "kind", "mime", "matches"), CASES, ids=[c[0] for c in CASES])
def test_type_by_content(  # noqa: PLR0917 - parametrised
    tmp_path: Path, name: str, data: bytes, kind: TypeKind, mime: str, matches: bool | None
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with path.open("rb") as fp:
        detected = sniff(fp, name)
    assert (detected.kind, detected.mime) == (kind, mime)
    assert detected.extension_matches is matches


def test_empty(tmp_path: Path) -> None:
    path = tmp_path / "zero.jpg"
    path.write_bytes(b"")
    with path.open("rb") as fp:
        detected = sniff(fp, path.name)
    assert detected.kind is TypeKind.EMPTY
    assert detected.method == "empty"
