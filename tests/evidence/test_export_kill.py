"""A killed export-original leaves no readable plaintext behind (O_TMPFILE on Linux), and where
the OS has no unnamed temp files, the leftover is removed by the next export."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import PASSPHRASE

ROOT = Path(__file__).resolve().parents[2]
MARKER = b"PLAINTEXT-EXPORT-MARKER-5521"


def _killed_export(folder: Path, destination: Path, mode: str) -> None:
    env = {**os.environ, "CRASH_PASSPHRASE": PASSPHRASE, "PYTHONPATH": str(ROOT)}
    child = subprocess.run(
        [sys.executable, "-m", "tests.evidence.export_child", str(folder), str(destination), mode],
        cwd=ROOT,
        env=env,
        capture_output=True,
        check=False,
    )
    assert child.returncode == -signal.SIGKILL, child.stderr.decode(errors="replace")


def _plaintext_in(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.is_file() and MARKER in p.read_bytes()]


@pytest.fixture
def case_with_big_file(make_case, tmp_path: Path) -> Path:  # type: ignore[no-untyped-def]
    case, _ = make_case()
    original = tmp_path / "evidence" / "video.bin"
    original.parent.mkdir()
    original.write_bytes(MARKER * (3 * 2**20 // len(MARKER)))  # several decryption chunks
    case.imports.import_paths([original])
    case.close()
    return case.folder


@pytest.mark.skipif(not hasattr(os, "O_TMPFILE"), reason="O_TMPFILE is Linux only; the named path is tested below")
def test_killed_export_leaves_nothing_on_linux(case_with_big_file: Path, tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    destination = tmp_path / "out"
    destination.mkdir()
    _killed_export(case_with_big_file, destination, "unnamed")
    assert list(destination.iterdir()) == []
    result = cli("export-original", "EX-1", str(destination), "--case", str(case_with_big_file), passphrase=PASSPHRASE)
    assert result.code == 0, result.err
    assert [p.name for p in destination.iterdir()] == ["video.bin"]


def test_killed_export_leftover_is_removed_by_the_next_export(case_with_big_file: Path, tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    destination = tmp_path / "out"
    destination.mkdir()
    _killed_export(case_with_big_file, destination, "named")
    leftovers = [p.name for p in destination.iterdir()]
    assert len(leftovers) == 1 and leftovers[0].startswith(".caseapp-export-")  # what the README admits
    result = cli("export-original", "EX-1", str(destination), "--case", str(case_with_big_file), passphrase=PASSPHRASE)
    assert result.code == 0, result.err
    assert [p.name for p in destination.iterdir()] == ["video.bin"]
    assert _plaintext_in(destination) == ["video.bin"]
