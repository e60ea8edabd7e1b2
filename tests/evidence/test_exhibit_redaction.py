"""Redacting exhibits of a real case from the command line: the copy is a new derivative with one
custody entry, the original stays byte-identical, the chain and every blob verify, and a refused
request stores nothing."""

from __future__ import annotations

import hashlib
import io
import json
import subprocess
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from tests.conftest import PASSPHRASE
from tests.intake.intake_factories import pdf_bytes, write_jpeg
from tests.intake.test_intake_redact import SECRET_WORDS, exiftool_json, tool


def run(cli, *args: str, ok: bool = True):  # type: ignore[no-untyped-def]
    result = cli(*args, passphrase=PASSPHRASE)
    if ok:
        assert result.code == 0, result.err
    return result


def run_json(cli, *args: str) -> Any:  # type: ignore[no-untyped-def]
    return json.loads(run(cli, *args, "--json").out)


@pytest.fixture
def case(cli, tmp_path: Path) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    """A case with a photo carrying GPS (EX-1), a PDF with a witness's name (EX-2) and a text file (EX-3)."""
    path = tmp_path / "Case.caseapp"
    run(cli, "init", str(path))
    folder = tmp_path / "evidence"
    folder.mkdir()
    photo = write_jpeg(folder / "a-photo.jpg", size=(640, 480), gps=(36.2021, 37.1343), taken="2016:12:13 06:41:09")
    report = folder / "b-report.pdf"
    report.write_bytes(pdf_bytes([f"{SECRET_WORDS} saw it", "Page two"], info={"Author": "Field team"}))
    note = folder / "c-note.txt"
    note.write_text("plain text\n", encoding="utf-8")
    run(cli, "import", "--case", str(path), str(folder))
    return {"case": ("--case", str(path)), "path": path, "photo": photo, "report": report, "tmp": tmp_path}


def blobs_and_log(cli, case: dict[str, Any]) -> tuple[dict[str, bytes], int]:  # type: ignore[no-untyped-def]
    blobs = {p.name: p.read_bytes() for p in (case["path"] / "blobs").glob("*.age")}
    return blobs, len(run_json(cli, "log", *case["case"]))


def test_redacting_a_photo_adds_a_derivative_and_one_custody_entry(cli, case: dict[str, Any]) -> None:  # type: ignore[no-untyped-def]
    c = case["case"]
    blobs_before, entries_before = blobs_and_log(cli, case)
    original_sha = hashlib.sha256(case["photo"].read_bytes()).hexdigest()
    made = run_json(
        cli, "exhibit", "redact", *c, "EX-1", "--region", "0,0,100,50", "--reason", "the face of witness W-001"
    )
    assert made["kind"] == "redacted" and made["media_type"] == "image/jpeg"
    assert "1 region(s)" in made["note"] and "metadata removed" in made["note"]
    # The original's encrypted file is untouched; one new blob holds the copy.
    blobs_after, entries_after = blobs_and_log(cli, case)
    assert {k: v for k, v in blobs_after.items() if k in blobs_before} == blobs_before
    assert len(blobs_after) == len(blobs_before) + 1
    assert entries_after == entries_before + 1
    entry = run_json(cli, "log", *c)[-1]
    assert entry["action"] == "exhibit.redact" and entry["target"] == "EX-1"
    assert entry["details"]["original_sha256"] == original_sha
    assert entry["details"]["sha256"] == made["sha256"] and entry["details"]["reason"] == "the face of witness W-001"
    # The exhibit detail lists it beside the thumbnail; the exhibit's own hash is the original's.
    shown = run_json(cli, "show", *c, "EX-1")
    assert [d["kind"] for d in shown["derivatives"]] == ["thumbnail", "redacted"]
    assert shown["exhibit"]["sha256"] == original_sha
    out = case["tmp"] / "out"
    out.mkdir()
    exported = run_json(cli, "exhibit", "export-redacted", *c, "EX-1", str(out))
    copy = Path(exported["path"])
    assert copy.name == "EX-1-redacted.jpg" and hashlib.sha256(copy.read_bytes()).hexdigest() == made["sha256"]
    tags = exiftool_json(copy)
    assert not [k for k in tags if any(w in k for w in ("GPS", "Make", "Model", "DateTimeOriginal", "Thumbnail"))]
    pixels = Image.open(copy).convert("RGB")
    assert pixels.size == (640, 480) and max(pixels.getpixel((40, 20))) < 16  # type: ignore[arg-type]
    original = run_json(cli, "export-original", *c, "EX-1", str(out))
    assert Path(original["path"]).read_bytes() == case["photo"].read_bytes()
    assert run(cli, "verify", *c, "--full").code == 0


def test_redacting_a_pdf_and_again_keeps_both_copies(cli, case: dict[str, Any]) -> None:  # type: ignore[no-untyped-def]
    c = case["case"]
    first = run_json(
        cli, "exhibit", "redact", *c, "EX-2", "--page", "1", "--region", "60,60,500,50", "--reason", "name"
    )
    second = run_json(
        cli,
        "exhibit",
        "redact",
        *c,
        "EX-2",
        "--region",
        "1:60,60,500,50",
        "--region",
        "2:0%,0%,100%,20%",
        "--reason",
        "more",
    )
    assert first["sha256"] != second["sha256"]
    assert "on pages 1, 2" in second["note"] and "2 page(s) redrawn as an image at 150 dpi" in second["note"]
    shown = run_json(cli, "show", *c, "EX-2")
    assert [d["sha256"] for d in shown["derivatives"] if d["kind"] == "redacted"] == [first["sha256"], second["sha256"]]
    out = case["tmp"] / "out"
    out.mkdir()
    exported = Path(run_json(cli, "exhibit", "export-redacted", *c, "EX-2", str(out))["path"])
    assert exported.name == "EX-2-redacted.pdf"
    assert hashlib.sha256(exported.read_bytes()).hexdigest() == second["sha256"]  # the newest is the current one
    text = subprocess.run([tool("pdftotext"), str(exported), "-"], capture_output=True, text=True, check=True).stdout
    assert "Ahmad" not in text
    info = subprocess.run([tool("pdfinfo"), str(exported)], capture_output=True, text=True, check=True).stdout
    assert "Author" not in info and "Field team" not in info
    assert (
        Path(run_json(cli, "export-original", *c, "EX-2", str(out))["path"]).read_bytes() == case["report"].read_bytes()
    )
    redactions = [e for e in run_json(cli, "log", *c) if e["action"] == "exhibit.redact"]
    assert [e["details"]["pages"] for e in redactions] == [[1], [1, 2]]
    assert run(cli, "verify", *c, "--full").code == 0


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("EX-1", "--region", "0,0,641,10"), "reaches past the edge"),
        (("EX-1", "--region", "0,0,0,10"), "has no area"),
        (("EX-2", "--region", "10,10,10,10", "--page", "5"), "there is no page 5"),
        (("EX-2", "--region", "10,10,10,10"), "say which page"),
        (("EX-3",), "only JPEG, PNG, TIFF, WebP and HEIC images and PDFs"),
        (("EX-9",), "no exhibit EX-9"),
    ],
)
def test_refused_requests_store_nothing(cli, case: dict[str, Any], args: tuple[str, ...], message: str) -> None:  # type: ignore[no-untyped-def]
    before = blobs_and_log(cli, case)
    result = run(cli, "exhibit", "redact", *case["case"], *args, "--reason", "why", ok=False)
    assert result.code == 1 and message in result.err, result.err
    assert blobs_and_log(cli, case) == before


def test_a_deleted_exhibit_is_not_redacted(cli, case: dict[str, Any]) -> None:  # type: ignore[no-untyped-def]
    c = case["case"]
    run(cli, "exhibit", "delete", *c, "EX-1", "--reason", "wrong file")
    before = blobs_and_log(cli, case)
    result = run(cli, "exhibit", "redact", *c, "EX-1", "--reason", "why", ok=False)
    assert result.code == 1 and "EX-1 is deleted; restore it first" in result.err
    assert blobs_and_log(cli, case) == before
    out = case["tmp"] / "out"
    out.mkdir()
    nothing = run(cli, "exhibit", "export-redacted", *c, "EX-2", str(out), ok=False)
    assert nothing.code == 1 and "EX-2 has no redacted copy" in nothing.err
    assert list(out.iterdir()) == []


def test_a_photo_without_regions_is_a_metadata_free_copy(cli, case: dict[str, Any]) -> None:  # type: ignore[no-untyped-def]
    made = run_json(cli, "exhibit", "redact", *case["case"], "EX-1", "--reason", "strip the location")
    assert "no region blacked out" in made["note"]
    out = case["tmp"] / "out"
    out.mkdir()
    copy = Path(run_json(cli, "exhibit", "export-redacted", *case["case"], "EX-1", str(out))["path"])
    assert not [k for k in exiftool_json(copy) if "GPS" in k]
    assert Image.open(io.BytesIO(copy.read_bytes())).size == (640, 480)
