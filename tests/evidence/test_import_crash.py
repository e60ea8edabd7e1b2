"""Power loss during an import: SIGKILL at random moments leaves only complete exhibits, no
plaintext anywhere in the case, `verify --full` passing, and a re-run completes the set."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from caseapp.app.case_folder import open_case
from caseapp.core.services.importing import FileStatus
from tests.conftest import PASSPHRASE
from tests.intake.intake_factories import exif_block, jpeg_bytes

ROOT = Path(__file__).resolve().parents[2]
KILLS = 20


def fresh_folder(root: Path, rng: random.Random) -> Path:
    """New evidence for each run, so that every run has work to be interrupted."""
    root.mkdir(parents=True)
    for index in range(30):
        (root / f"note-{index:02d}.txt").write_text(f"{rng.random()} " + "ملاحظة " * rng.randrange(1, 300))
    for index in range(6):
        (root / f"IMG_{index}.jpg").write_bytes(
            jpeg_bytes((rng.randrange(200, 900), 300), exif_block(gps=(36.2, 37.1 + index / 100)))
        )
    for index in range(4):
        (root / f"clip-{index}.bin").write_bytes(rng.randbytes(2 * 1024 * 1024 + index))
    (root / "same-everywhere.txt").write_text("a file present in every folder")  # a duplicate each time
    return root


def run_child(folder: Path, source: Path, report: Path, kill_at_line: int | None, pause: float = 0.0) -> bool:
    """Run an import; kill it once it has reported ``kill_at_line`` progress steps (plus ``pause``).

    The child reports a step as it starts each file, so the kill lands inside the import at a
    point chosen at random by the caller. True if the import was still running when killed."""
    env = {**os.environ, "CRASH_PASSPHRASE": PASSPHRASE, "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.evidence.import_child", str(folder), str(source), str(report)], cwd=ROOT, env=env
    )
    if kill_at_line is None:
        assert child.wait(timeout=120) == 0
        return False
    deadline = time.monotonic() + 60
    while child.poll() is None and time.monotonic() < deadline:
        if report.exists() and report.read_text().count("\n") >= kill_at_line:
            break
        time.sleep(0.002)
    time.sleep(pause)
    running = child.poll() is None
    child.send_signal(signal.SIGKILL)
    child.wait()
    return running and "finished" not in report.read_text()


@pytest.mark.slow
def test_sigkill_during_import(make_case, tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    rng = random.Random(2016)
    case, _ = make_case()
    folder = case.folder
    case.close()
    folders: list[Path] = []
    killed_mid_import = 0
    for attempt in range(KILLS):
        source = fresh_folder(tmp_path / "evidence" / f"run-{attempt:02d}", rng)
        folders.append(source)
        needles = [p.read_bytes()[100:164] for p in source.iterdir() if p.stat().st_size > 200][:8]
        files = len(list(source.iterdir()))
        killed_mid_import += run_child(
            folder, source, tmp_path / f"report-{attempt}.txt", rng.randrange(1, files - 5), rng.uniform(0, 0.02)
        )
        verify = cli("verify", "--full", "--case", str(folder), passphrase=PASSPHRASE)  # opening sweeps orphans
        assert verify.code == 0, verify.out + verify.err
        assert not [p for p in folder.rglob("*") if p.name.startswith(".tmp-")]
        for path in folder.rglob("*"):
            if path.is_file():
                data = path.read_bytes()
                assert not any(n in data for n in needles), f"plaintext in {path}"
    assert killed_mid_import >= KILLS - 2, f"only {killed_mid_import} kills landed while an import ran"
    with open_case(folder, passphrase=PASSPHRASE) as case:
        report = case.imports.import_paths(folders).value
        assert {o.status for o in report.outcomes} <= {FileStatus.IMPORTED, FileStatus.ALREADY_IN, FileStatus.DUPLICATE}
        sources = [p for f in folders for p in f.iterdir()]
        assert len(report.outcomes) == len(sources)
        contents = {p.read_bytes() for p in sources}
        assert len({e.sha256 for e in case.records.exhibits()}) == len(contents)
        assert case.custody.verify().ok
