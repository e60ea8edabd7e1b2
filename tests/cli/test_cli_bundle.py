"""`caseapp export bundle`, as a script uses it."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import bagit

from tests.conftest import PASSPHRASE
from tests.intake.intake_factories import pdf_bytes, write_jpeg


def _case_with_files(cli, tmp_path: Path) -> Path:  # type: ignore[no-untyped-def]
    case = tmp_path / "Aleppo-2016.caseapp"
    assert cli("init", str(case), "--title", "Aleppo 2016", passphrase=PASSPHRASE).code == 0
    stick = tmp_path / "stick"
    stick.mkdir()
    write_jpeg(stick / "IMG_0001.JPG", gps=(36.2021, 37.1343))
    (stick / "report.pdf").write_bytes(pdf_bytes(["Report page one"]))
    result = cli("--case", str(case), "import", str(stick), passphrase=PASSPHRASE)
    assert result.code == 0, result.err
    return case


def test_export_bundle_signed_in_parts_prints_what_it_wrote(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    case = _case_with_files(cli, tmp_path)
    out = tmp_path / "bundle"
    result = cli(
        "--case", str(case), "export", "bundle", "--sign", "--part-size", "500M", str(out), "--json",
        "--organisation", "Syria Justice Clinic", passphrase=PASSPHRASE,
    )  # fmt: skip
    assert result.code == 0, result.err
    report = json.loads(result.out)
    assert report["key_created"] and len(report["fingerprint"]) == 40 and report["recorded"]
    assert sorted(report["sent"]) == ["EX-1", "EX-2"]
    (part,) = report["parts"]
    assert part["tagmanifest_sha256"] == hashlib.sha256((out / "tagmanifest-sha256.txt").read_bytes()).hexdigest()
    bagit.Bag(str(out)).validate()
    assert "Syria Justice Clinic" in (out / "bag-info.txt").read_text()

    log = json.loads(cli("--case", str(case), "log", "--json", passphrase=PASSPHRASE).out)
    assert [e["action"] for e in log[-2:]] == ["signing_key.create", "export.bundle"]

    public = tmp_path / "public"
    text = cli("--case", str(case), "export", "bundle", "--public", str(public), passphrase=PASSPHRASE)
    assert text.code == 0, text.err
    assert "public evidence bundle" in text.out and "1 listed without their file" in text.out  # the photo has GPS


def test_export_bundle_refuses_a_busy_folder_and_a_bad_size(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    case = _case_with_files(cli, tmp_path)
    busy = tmp_path / "busy"
    busy.mkdir()
    (busy / "notes.txt").write_text("mine")
    result = cli("--case", str(case), "export", "bundle", str(busy), passphrase=PASSPHRASE)
    assert result.code == 1 and "is not empty" in result.err
    afile = tmp_path / "a-file"
    afile.write_text("x")
    result = cli("--case", str(case), "export", "bundle", str(afile), passphrase=PASSPHRASE)
    assert result.code == 1 and "is a file" in result.err
    result = cli(
        "--case", str(case), "export", "bundle", "--part-size", "lots", str(tmp_path / "x"), passphrase=PASSPHRASE
    )
    assert result.code == 1 and "500M" in result.err
    assert not (tmp_path / "x").exists()
    log = json.loads(cli("--case", str(case), "log", "--json", passphrase=PASSPHRASE).out)
    assert "export.bundle" not in [e["action"] for e in log]
