"""A full disk or a read-only folder gives a clear error and leaves no half-written case.

These need a small tmpfs, which needs root (as in CI); elsewhere they are skipped.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from caseapp.app.case_folder import create_case, open_case
from caseapp.core.errors import StorageError
from caseapp.core.refs import CASE_REF
from tests.conftest import FAST_KDF, PASSPHRASE


def _mount(path: Path, options: str) -> bool:
    if os.geteuid() != 0:
        return False
    result = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(path)], capture_output=True, check=False
    )
    return result.returncode == 0


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    mount_point = tmp_path / "small"
    mount_point.mkdir()
    if not _mount(mount_point, "size=96k,mode=0700"):
        pytest.skip("cannot mount a tmpfs here (needs root)")
    yield mount_point
    subprocess.run(["umount", str(mount_point)], check=True)


@pytest.fixture
def read_only_disk(tmp_path: Path) -> Iterator[Path]:
    mount_point = tmp_path / "ro"
    mount_point.mkdir()
    if not _mount(mount_point, "ro,size=1m,mode=0700"):
        pytest.skip("cannot mount a tmpfs here (needs root)")
    yield mount_point
    subprocess.run(["umount", str(mount_point)], check=True)


def test_full_disk_during_init_leaves_nothing(small_disk: Path) -> None:
    with pytest.raises(StorageError, match="disk is full"):
        create_case(small_disk / "Case.caseapp", PASSPHRASE, kdf=FAST_KDF)
    assert list(small_disk.iterdir()) == []


def test_read_only_folder_refuses_init_clearly(read_only_disk: Path, cli) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(StorageError, match="read-only"):
        create_case(read_only_disk / "Case.caseapp", PASSPHRASE, kdf=FAST_KDF)
    result = cli("init", str(read_only_disk / "Case.caseapp"), passphrase=PASSPHRASE)
    assert result.code == 1 and "read-only" in result.err and "Traceback" not in result.err
    assert list(read_only_disk.iterdir()) == []


def test_disk_filling_up_while_working_keeps_what_was_committed(tmp_path: Path) -> None:
    mount_point = tmp_path / "filling"
    mount_point.mkdir()
    if not _mount(mount_point, "size=1m,mode=0700"):
        pytest.skip("cannot mount a tmpfs here (needs root)")
    try:
        case, _ = create_case(mount_point / "Case.caseapp", PASSPHRASE, kdf=FAST_KDF)
        saved = 0
        with pytest.raises(StorageError, match="disk is full"):
            for _ in range(10_000):
                case.records.add_note(CASE_REF, "x" * 20_000)
                saved += 1
        case.close()
        # Free some room, as a user would, and check nothing committed was lost.
        with open_case(mount_point / "Case.caseapp", passphrase=PASSPHRASE) as again:
            assert len(again.records.notes()) == saved
            assert again.custody.verify().ok
    finally:
        subprocess.run(["umount", str(mount_point)], check=True)


def test_an_import_onto_a_nearly_full_disk_records_what_fits(tmp_path: Path) -> None:
    """With little room left, the import commits each file before reading the next (issue 13:
    a batch's blobs used to fill the disk before its commit, and nothing was recorded, twice)."""
    from caseapp.core.services.import_report import FileStatus

    mount_point = tmp_path / "nearly-full"
    mount_point.mkdir()
    if not _mount(mount_point, "size=6m,mode=0700"):
        pytest.skip("cannot mount a tmpfs here (needs root)")
    try:
        evidence = tmp_path / "handover"
        evidence.mkdir()
        for index in range(12):
            (evidence / f"video-{index:02d}.bin").write_bytes(os.urandom(700 * 1024))
        case, _ = create_case(mount_point / "Case.caseapp", PASSPHRASE, kdf=FAST_KDF)
        with pytest.raises(StorageError, match="disk"):
            case.imports.import_paths([evidence])
        case.close()
        with open_case(mount_point / "Case.caseapp", passphrase=PASSPHRASE) as again:
            kept = again.records.count_exhibits()
            assert kept >= 2, "a nearly full disk still takes in what fits"
            assert again.custody.verify().ok
        # a resumed import on the same disk does not lose what it had either
        with open_case(mount_point / "Case.caseapp", passphrase=PASSPHRASE) as again:
            with pytest.raises(StorageError, match="disk"):
                again.imports.import_paths([evidence])
            assert again.records.count_exhibits() >= kept
        assert FileStatus.IMPORTED.value == "imported"
    finally:
        subprocess.run(["umount", str(mount_point)], check=True)
