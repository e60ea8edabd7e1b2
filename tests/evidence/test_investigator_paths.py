"""What an investigator runs into at the command line: odd names, wrong places, full disks."""

from __future__ import annotations

import json
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from caseapp.app.case_folder import create_case
from tests.conftest import FAST_KDF, PASSPHRASE
from tests.intake.intake_factories import docx_bytes, write_jpeg


@pytest.fixture
def case_path(make_case) -> Path:  # type: ignore[no-untyped-def]
    case, _ = make_case()
    case.close()
    return case.folder


def test_exported_names_keep_what_was_found(cli, case_path: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    source = tmp_path / "odd-names"
    source.mkdir()
    names = {
        "rtl": "report_\u202egpj.exe",
        "bytes": os.fsdecode(b"bad_\xff\xfe_utf8.txt"),
        "newline": "new\nline.txt",
        "long": "\u0634" * 120 + ".txt",  # 240 bytes of Arabic: too long once "(EX-n)" is added
    }
    for index, name in enumerate(names.values()):
        (source / name).write_bytes(f"content {index}".encode())
    result = cli("import", "--case", str(case_path), str(source), passphrase=PASSPHRASE)
    assert result.code == 0  # taken in, with a warning for each unsafe name
    assert "RIGHT-TO-LEFT OVERRIDE" in result.err
    assert result.out.count("imported EX-") == 4 and "\u202e" not in result.out
    out = tmp_path / "out"
    out.mkdir()
    exported = []
    for ref in ("EX-1", "EX-2", "EX-3", "EX-4"):
        for _ in range(2):  # the second export of the same exhibit needs a new name
            done = cli("export-original", "--case", str(case_path), ref, str(out), passphrase=PASSPHRASE)
            assert done.code == 0, done.err
        exported.append(ref)
    files = sorted(p.name for p in out.iterdir())
    assert len(files) == 8
    assert "report__gpj.exe" in files and "new_line.txt" in files and "bad____utf8.txt" in files
    assert all(len(name.encode()) <= 200 for name in files)


def test_export_refuses_the_case_folder_itself(cli, case_path: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    evidence = tmp_path / "e.txt"
    evidence.write_text("secret statement")
    assert cli("import", "--case", str(case_path), str(evidence), passphrase=PASSPHRASE).code == 0
    for destination in (case_path, case_path / "blobs"):
        result = cli("export-original", "--case", str(case_path), "EX-1", str(destination), passphrase=PASSPHRASE)
        assert result.code == 1 and "inside the case folder" in result.err
    assert not any(b"secret statement" in p.read_bytes() for p in case_path.rglob("*") if p.is_file())


def test_import_refuses_the_case_folder(cli, case_path: Path) -> None:  # type: ignore[no-untyped-def]
    for path in (case_path, case_path / "case.db", case_path.parent):
        result = cli("import", "--case", str(case_path), str(path), passphrase=PASSPHRASE)
        assert result.code == 1 and "holds the case folder itself" in result.err


def test_export_of_a_missing_original_is_an_integrity_error(cli, case_path: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    evidence = tmp_path / "e.txt"
    evidence.write_text("statement")
    cli("import", "--case", str(case_path), str(evidence), passphrase=PASSPHRASE)
    for blob in (case_path / "blobs").glob("*.age"):
        blob.unlink()
    result = cli("export-original", "--case", str(case_path), "EX-1", str(tmp_path), passphrase=PASSPHRASE)
    assert result.code == 3 and "stored original is missing" in result.err


def test_verify_names_a_stray_plaintext_file(cli, case_path: Path) -> None:  # type: ignore[no-untyped-def]
    (case_path / "notes-for-lawyer.txt").write_text("names of witnesses")
    result = cli("verify", "--case", str(case_path), passphrase=PASSPHRASE)
    assert result.code == 3 and "notes-for-lawyer.txt: a file caseapp did not put in the case folder" in result.out


def test_show_never_prints_raw_control_characters(cli, case_path: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    crafted = tmp_path / "crafted.docx"
    crafted.write_bytes(docx_bytes(["text"], creator="Someone\n  sha256         0000", title="ab\u202ecd"))
    photo = write_jpeg(tmp_path / "photo.jpg", make="Canon\x1b[31mRED")
    assert cli("import", "--case", str(case_path), str(crafted), str(photo), passphrase=PASSPHRASE).code == 0
    shown = ""
    for ref in ("EX-1", "EX-2"):
        result = cli("show", "--case", str(case_path), ref, passphrase=PASSPHRASE)
        assert result.code == 0
        shown += result.out
    assert "Someone\\x0a" in shown and "\\x1b" in shown and "\\u202e" in shown  # there, but escaped
    assert "\x1b" not in shown and "\u202e" not in shown
    assert [line for line in shown.splitlines() if line.strip().startswith("sha256") and "0000" in line] == []


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    mount_point = tmp_path / "small"
    mount_point.mkdir()
    if (
        os.geteuid() != 0
        or subprocess.run(
            ["mount", "-t", "tmpfs", "-o", "size=6m,mode=0700", "tmpfs", str(mount_point)],
            capture_output=True,
            check=False,
        ).returncode
    ):
        pytest.skip("cannot mount a tmpfs here (needs root)")
    yield mount_point
    subprocess.run(["umount", str(mount_point)], check=True)


def test_full_disk_during_import_keeps_what_was_read_and_says_so(cli, small_disk: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    case, _ = create_case(small_disk / "Case.caseapp", PASSPHRASE, kdf=FAST_KDF)
    case.close()
    source = tmp_path / "stick"
    source.mkdir()
    for index in range(5):
        (source / f"a{index}.txt").write_text(f"statement {index}")
    (source / "z-video.bin").write_bytes(os.urandom(8 * 1024 * 1024))  # does not fit
    result = cli("import", "--case", str(case.folder), str(source), passphrase=PASSPHRASE)
    assert result.code == 1 and "is full" in result.err and "z-video.bin" in result.err
    assert "Traceback" not in result.err and "internal error" not in result.err
    listed = cli("list", "--case", str(case.folder), passphrase=PASSPHRASE)
    assert all(f"a{index}.txt" in listed.out for index in range(5))
    (source / "z-video.bin").write_bytes(os.urandom(1024 * 1024))  # smaller now: it fits
    again = cli("import", "--case", str(case.folder), str(source), passphrase=PASSPHRASE)
    assert again.code == 0, again.err
    assert "1 imported" in again.out and "5 already in" in again.out
    assert cli("verify", "--full", "--case", str(case.folder), passphrase=PASSPHRASE).code == 0


def test_odd_names_given_directly_and_in_json(cli, case_path: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    odd = tmp_path / os.fsdecode(b"statement-\xfe\x1b[31m.txt")
    odd.write_text("statement")
    result = cli("import", "--case", str(case_path), str(odd), "--json", passphrase=PASSPHRASE)
    assert result.code == 0, result.err
    report = json.loads(result.out)
    assert report["files"][0]["status"] == "imported"
    assert "\x1b" not in result.out and "\\x1b" in result.out
    result.out.encode("utf-8")  # strict UTF-8: no lone surrogates


def test_verify_escapes_a_stray_file_name(cli, case_path: Path) -> None:  # type: ignore[no-untyped-def]
    (case_path / os.fsdecode(b"x\xff\x1b[31m.txt")).write_text("plaintext")
    result = cli("verify", "--case", str(case_path), passphrase=PASSPHRASE)
    assert result.code == 3 and "\x1b" not in result.out and "a file caseapp did not put" in result.out
    result.out.encode("utf-8")
