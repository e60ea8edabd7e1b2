"""Importing a folder of real files: every original comes back byte-identical, hashes match
`sha256sum`, metadata matches exiftool, duplicates are recorded, a re-run resumes."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import PASSPHRASE
from tests.evidence.conftest import ARABIC_MARKER, TEXT_MARKER


def sha256sum(path: Path) -> str:
    if shutil.which("sha256sum"):
        return subprocess.run(["sha256sum", str(path)], capture_output=True, text=True, check=True).stdout.split()[0]
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def case_path(cli, tmp_path: Path) -> Path:  # type: ignore[no-untyped-def]
    path = tmp_path / "Case.caseapp"
    assert cli("init", str(path), passphrase=PASSPHRASE).code == 0
    assert cli("source", "add", "--case", str(path), "--name", "Field team", passphrase=PASSPHRASE).code == 0
    return path


def run_json(cli, *args: str):  # type: ignore[no-untyped-def]
    result = cli(*args, "--json", passphrase=PASSPHRASE)
    assert result.code == 0, result.err
    return json.loads(result.out)


def test_round_trip_of_every_kind(cli, case_path: Path, evidence_folder: dict[str, Path], tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    c = ("--case", str(case_path))
    dump = evidence_folder["jpeg"].parents[2]
    report = run_json(cli, "import", *c, str(dump), "--source", "SRC-1", "--note", "USB stick, Gaziantep")
    assert report["summary"]["imported"] == len(evidence_folder)
    assert report["summary"]["skipped"] == 0 and not report["cancelled"]
    by_path = {f["path"]: f for f in report["files"]}
    out = tmp_path / "out"
    out.mkdir()
    for path in evidence_folder.values():
        entry = by_path[str(path.relative_to(dump.parent))]
        assert entry["status"] == "imported"
        assert entry["sha256"] == sha256sum(path)
        exported = run_json(cli, "export-original", *c, entry["exhibit"], str(out))
        assert Path(exported["path"]).read_bytes() == path.read_bytes()
        assert sha256sum(Path(exported["path"])) == entry["sha256"]
    kinds = {e["title"]: e["kind"] for e in run_json(cli, "list", *c)}
    assert kinds["IMG_0001.JPG"] == "image" and kinds["report.pdf"] == "document" and kinds["audio.wav"] == "audio"
    assert [e["title"] for e in run_json(cli, "list", *c, "--type", "audio")] == ["audio.wav"]
    assert {e["title"] for e in run_json(cli, "list", *c, "--search", ARABIC_MARKER)} == {"شهادة.txt", "rapport.odt"}
    assert "statement.docx" in {e["title"] for e in run_json(cli, "list", *c, "--search", TEXT_MARKER)}
    shown = run_json(cli, "show", *c, by_path[str(evidence_folder["jpeg"].relative_to(dump.parent))]["exhibit"])
    source = run_json(cli, "source", "list", *c)[0]
    assert shown["exhibit"]["source_id"] == source["id"] and shown["exhibit"]["source_ref"] == "SRC-1"
    assert shown["exhibit"]["acquisition_note"] == "USB stick, Gaziantep"
    assert {d["kind"] for d in shown["derivatives"]} == {"thumbnail"}
    assert shown["acquisitions"][0]["relative_path"] == "phone-dump/DCIM/100CANON/IMG_0001.JPG"
    log = run_json(cli, "log", *c)
    assert [e["action"] for e in log].count("exhibit.import") == len(evidence_folder)
    assert [e["action"] for e in log].count("exhibit.export") == len(evidence_folder)
    assert all("IMG_0001" not in json.dumps(e) for e in log)  # names are bound by hash, not copied
    verify = cli("verify", "--full", *c, passphrase=PASSPHRASE)
    assert verify.code == 0 and "every stored file verified" in verify.out


def test_metadata_matches_exiftool(cli, case_path: Path, evidence_folder: dict[str, Path]) -> None:  # type: ignore[no-untyped-def]
    if shutil.which("exiftool") is None:
        pytest.skip("exiftool not installed (Debian: libimage-exiftool-perl)")
    c = ("--case", str(case_path))
    report = run_json(cli, "import", *c, str(evidence_folder["jpeg"]), str(evidence_folder["jpeg2"]))
    for entry, path in zip(report["files"], (evidence_folder["jpeg"], evidence_folder["jpeg2"]), strict=True):
        tool = json.loads(
            subprocess.run(["exiftool", "-json", "-n", str(path)], capture_output=True, text=True, check=True).stdout
        )[0]
        exhibit = run_json(cli, "show", *c, entry["exhibit"])
        fields = exhibit["metadata"]["fields"]
        assert fields["camera_make"] == tool["Make"] and fields["camera_model"] == tool["Model"]
        assert fields["created"].replace("-", ":", 2).replace("T", " ")[:19] == tool["DateTimeOriginal"]
        assert exhibit["exhibit"]["latitude"] == pytest.approx(tool["GPSLatitude"], abs=1e-6)
        assert exhibit["exhibit"]["longitude"] == pytest.approx(tool["GPSLongitude"], abs=1e-6)


def test_identical_file_is_stored_once_and_recorded_again(
    cli,
    case_path: Path,
    evidence_folder: dict[str, Path],  # type: ignore[no-untyped-def]
    tmp_path: Path,
) -> None:
    c = ("--case", str(case_path))
    copy = tmp_path / "second-stick" / "same.jpg"
    copy.parent.mkdir()
    shutil.copyfile(evidence_folder["jpeg"], copy)
    first = run_json(cli, "import", *c, str(evidence_folder["jpeg"]))
    second = run_json(cli, "import", *c, str(copy), "--note", "found again on a second stick")
    assert second["files"][0]["status"] == "duplicate"
    assert second["files"][0]["exhibit"] == first["files"][0]["exhibit"]
    blobs = list((case_path / "blobs").glob("*.age"))
    assert len(blobs) == 2  # the original and its thumbnail, once
    shown = run_json(cli, "show", *c, first["files"][0]["exhibit"])
    assert [a["relative_path"] for a in shown["acquisitions"]] == ["IMG_0001.JPG", "same.jpg"]
    assert run_json(cli, "log", *c)[-1]["action"] == "exhibit.acquire"


def test_rerun_resumes_without_reimporting(cli, case_path: Path, evidence_folder: dict[str, Path]) -> None:  # type: ignore[no-untyped-def]
    c = ("--case", str(case_path))
    dump = str(evidence_folder["jpeg"].parents[2])
    run_json(cli, "import", *c, dump)
    again = run_json(cli, "import", *c, dump)
    assert again["summary"]["already_in"] == len(evidence_folder) and again["summary"]["imported"] == 0


def test_cancel_keeps_what_was_committed_and_resumes(make_case, evidence_folder: dict[str, Path]) -> None:  # type: ignore[no-untyped-def]
    from caseapp.core.operations import CancelToken, Task
    from caseapp.core.services.importing import FileStatus

    case, _ = make_case()
    dump = evidence_folder["jpeg"].parents[2]
    token = CancelToken()
    started: list[str] = []  # one label per file, as it starts (byte progress repeats the label)
    settled: list[object] = []

    def progress(done: int, total: int, label: str) -> None:
        assert 0 <= done <= total
        if not started or started[-1] != label:
            started.append(label)
        if len(started) > 3:
            token.cancel()

    result = case.imports.import_paths([dump], task=Task(progress=progress, cancel=token), on_file=settled.append)
    report = result.value
    assert report.cancelled
    assert settled == list(report.outcomes)  # each file's fate was announced as it became final
    done = report.count(FileStatus.IMPORTED)
    assert 0 < done < len(evidence_folder)
    resumed = case.imports.import_paths([dump]).value
    assert resumed.count(FileStatus.ALREADY_IN) == done
    assert resumed.count(FileStatus.IMPORTED) == len(evidence_folder) - done
    assert case.custody.verify().ok


def test_export_refuses_a_record_without_file(cli, case_path: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    c = ("--case", str(case_path))
    cli("exhibit", "add", *c, "--title", "Shell fragment", "--kind", "physical", passphrase=PASSPHRASE)
    result = cli("export-original", *c, "EX-1", str(tmp_path), passphrase=PASSPHRASE)
    assert result.code == 1 and "without a file" in result.err


def test_export_never_overwrites(cli, case_path: Path, evidence_folder: dict[str, Path], tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    c = ("--case", str(case_path))
    run_json(cli, "import", *c, str(evidence_folder["txt"]))
    out = tmp_path / "out"
    out.mkdir()
    (out / "شهادة.txt").write_text("someone else's file")
    (out / "شهادة (EX-1).txt").write_text("and another")
    result = cli("export-original", *c, "EX-1", str(out), passphrase=PASSPHRASE)
    assert result.code == 1 and "already exists" in result.err
    assert (out / "شهادة.txt").read_text() == "someone else's file"
    missing = cli("export-original", *c, "EX-1", str(tmp_path / "missing"), passphrase=PASSPHRASE)
    assert missing.code == 1 and "does not exist" in missing.err
