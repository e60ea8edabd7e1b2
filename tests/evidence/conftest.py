"""Fixtures for end-to-end evidence tests: a folder of real files of each supported kind."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.intake.intake_factories import (
    ARABIC,
    FRENCH,
    docx_bytes,
    exif_block,
    heic_bytes,
    jpeg_bytes,
    odt_bytes,
    pdf_bytes,
    wav_bytes,
    write_jpeg,
)

# Distinctive strings placed inside the files, to look for in the case folder afterwards.
TEXT_MARKER = "QX7-PLAINTEXT-MARKER-9431"
ARABIC_MARKER = "علامة-سرية-في-النص"


def make_evidence_folder(root: Path) -> dict[str, Path]:
    """A phone dump: photos with GPS, a PDF, a DOCX, an ODT, audio, text in three languages."""
    dump = root / "phone-dump"
    (dump / "DCIM" / "100CANON").mkdir(parents=True)
    (dump / "Documents" / "شهادات").mkdir(parents=True)
    files = {
        "jpeg": write_jpeg(
            dump / "DCIM" / "100CANON" / "IMG_0001.JPG",
            size=(640, 480),
            gps=(36.2021, 37.1343),
            taken="2016:12:13 06:41:09",
            make="Canon",
            model="Canon EOS 40D",
        ),
        "jpeg2": dump / "DCIM" / "100CANON" / "IMG_0002.JPG",
        "heic": dump / "DCIM" / "IMG_0003.HEIC",
        "pdf": dump / "Documents" / "report.pdf",
        "docx": dump / "Documents" / "statement.docx",
        "odt": dump / "Documents" / "rapport.odt",
        "wav": dump / "audio.wav",
        "txt": dump / "Documents" / "شهادات" / "شهادة.txt",
    }
    files["jpeg2"].write_bytes(
        jpeg_bytes((320, 240), exif_block(gps=(-33.8688, 151.2093), taken="2017:01:02 10:00:00"))
    )
    files["heic"].write_bytes(heic_bytes(exif_block(gps=(48.8566, 2.3522))))
    files["pdf"].write_bytes(pdf_bytes([f"Report page one {TEXT_MARKER}", "Page two"], info={"Author": "Field team"}))
    files["docx"].write_bytes(docx_bytes([TEXT_MARKER, ARABIC, FRENCH]))
    files["odt"].write_bytes(odt_bytes([FRENCH, ARABIC_MARKER]))
    files["wav"].write_bytes(wav_bytes())
    files["txt"].write_text(f"{ARABIC}\n{ARABIC_MARKER}\n{TEXT_MARKER}\n", encoding="utf-8")
    return files


@pytest.fixture
def evidence_folder(tmp_path: Path) -> dict[str, Path]:
    return make_evidence_folder(tmp_path / "evidence")
