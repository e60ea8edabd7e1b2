"""Power loss: a writer killed with SIGKILL at random moments loses nothing it had committed."""

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
from tests.conftest import PASSPHRASE

ROOT = Path(__file__).resolve().parents[2]
KILLS = 20


def wait_for_line(report: Path, text: str, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if report.exists() and text in report.read_text():
            return
        time.sleep(0.01)
    raise AssertionError(f"child never wrote {text!r}")


@pytest.mark.slow
def test_sigkill_at_random_moments_loses_nothing_committed(make_case, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    case, _ = make_case()
    for index in range(3):
        case.records.add_incident(title=f"incident {index}")
    folder = case.folder
    case.close()
    rng = random.Random(20161213)
    committed: set[str] = set()
    env = {**os.environ, "CRASH_PASSPHRASE": PASSPHRASE, "PYTHONPATH": str(ROOT)}
    for attempt in range(KILLS):
        report = tmp_path / f"report-{attempt}.txt"
        child = subprocess.Popen(
            [sys.executable, "-m", "tests.storage.crash_writer", str(folder), str(report)], cwd=ROOT, env=env
        )
        wait_for_line(report, "open\n")
        time.sleep(rng.uniform(0.0, 0.25))
        child.send_signal(signal.SIGKILL)
        child.wait()
        committed |= {line.split()[1] for line in report.read_text().splitlines() if line.startswith("committed")}
        with open_case(folder, passphrase=PASSPHRASE) as reopened:
            assert reopened.db.integrity_check() == "ok"
            verdict = reopened.custody.verify()
            assert verdict.ok, verdict.problems
            present = {str(note.id) for note in reopened.records.notes()}
        missing = committed - present
        assert not missing, f"after kill {attempt + 1}: committed notes lost: {sorted(missing)[:10]}"
    assert len(committed) > KILLS  # the child really did write between kills
