"""Hostile or awkward case folders: symbolic links inside the case, and read-only media."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from caseapp.app.case_folder import OpenCase, create_case, open_case, sweep_orphans
from caseapp.app.exhibits import export_original
from caseapp.app.verification import verify_case
from caseapp.core.entities import PersonRole
from caseapp.core.errors import ReadOnlyCaseError, StorageError, UserError
from caseapp.core.refs import parse_ref
from tests.conftest import FAST_KDF, PASSPHRASE, snapshot


def _case_with_a_file(make_case, tmp_path: Path, name: str = "Aleppo-2016.caseapp") -> OpenCase:  # type: ignore[no-untyped-def]
    case, _ = make_case(name)
    evidence = tmp_path / f"{name}-statement.txt"
    evidence.write_text("a statement", encoding="utf-8")
    case.imports.import_paths([evidence])
    case.close()
    return case


# -- symbolic links --------------------------------------------------------------------------


def test_blobs_linked_to_another_case_is_refused_and_the_other_case_untouched(make_case, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    victim = _case_with_a_file(make_case, tmp_path, "Victim.caseapp")
    attacker = _case_with_a_file(make_case, tmp_path, "Other.caseapp")
    before = snapshot(victim.folder)
    os.rename(attacker.folder / "blobs", tmp_path / "moved-blobs")
    (attacker.folder / "blobs").symlink_to(victim.folder / "blobs")
    with pytest.raises(UserError, match="blobs is a symbolic link"):
        open_case(attacker.folder, passphrase=PASSPHRASE)
    assert snapshot(victim.folder) == before


@pytest.mark.parametrize("name", ["case.db", "custody.head", "case.lock", "keyslots.json", "backups", "blob"])
def test_a_link_in_the_case_folder_is_refused(make_case, tmp_path: Path, cli, name: str) -> None:  # type: ignore[no-untyped-def]
    case = _case_with_a_file(make_case, tmp_path)
    outside = tmp_path / "outside"
    outside.mkdir()
    if name == "blob":
        target = next((case.folder / "blobs").glob("*.age"))
    elif name == "backups":
        target = case.folder / "backups"
        target.mkdir(exist_ok=True)
    else:
        target = case.folder / name
    moved = outside / target.name
    os.rename(target, moved)
    target.symlink_to(moved)
    result = cli("verify", "--case", str(case.folder), passphrase=PASSPHRASE)
    assert result.code == 1 and "symbolic link" in result.err, result.err
    assert "internal error" not in result.err


def test_the_case_folder_itself_as_a_link_is_refused(make_case, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    case = _case_with_a_file(make_case, tmp_path)
    link = tmp_path / "link.caseapp"
    link.symlink_to(case.folder)
    with pytest.raises(UserError, match="symbolic link"):
        open_case(link, passphrase=PASSPHRASE)


def test_blobs_swapped_for_a_link_after_open_moves_nothing_outside(make_case, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    victim = _case_with_a_file(make_case, tmp_path, "Victim.caseapp")
    before = snapshot(victim.folder)
    case, _ = make_case("Other.caseapp")
    case.imports.import_paths([next(tmp_path.glob("Victim*.txt"))])
    os.rename(case.folder / "blobs", tmp_path / "moved-blobs")
    (case.folder / "blobs").symlink_to(victim.folder / "blobs")  # swapped while the case is open
    try:
        sweep_orphans(case)
    except StorageError as error:
        assert "symbolic link" in str(error)
    assert snapshot(victim.folder) == before


# -- read-only media -------------------------------------------------------------------------


def test_forced_read_only_reads_verifies_exports_and_refuses_writes(make_case, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    closed = _case_with_a_file(make_case, tmp_path)
    before = snapshot(closed.folder)
    out = tmp_path / "out"
    out.mkdir()
    with open_case(closed.folder, passphrase=PASSPHRASE, read_only=True) as case:
        assert case.read_only
        assert len(case.records.exhibits()) == 1
        assert verify_case(case, full=True).ok
        exported = export_original(case, parse_ref("EX-1"), out)
        assert Path(exported.path).read_text(encoding="utf-8") == "a statement" and not exported.recorded
        message = "this case is on read-only media; copy it to a writable disk to change it"
        with pytest.raises(ReadOnlyCaseError, match=message):
            case.records.add_person(role=PersonRole.WITNESS, full_name="Rami")
        with pytest.raises(ReadOnlyCaseError, match=message):
            case.imports.import_paths([next(tmp_path.glob("*.txt"))])
    # On writable media SQLite's read-only connection may leave its shared-memory index (-shm, -wal)
    # beside the database; the database, the head, the keyslots and every blob are untouched.
    after = snapshot(closed.folder)
    assert {k: v for k, v in after.items() if not k.startswith("case.db-")} == before


@pytest.fixture
def read_only_mount(tmp_path: Path) -> Iterator[Path]:
    """A tmpfs made read-only after the case is written to it: real EROFS, even for root."""
    mount_point = tmp_path / "stick"
    mount_point.mkdir()
    if os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root (as in CI); the forced read-only test covers the rest")
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=8m,mode=0700", "tmpfs", str(mount_point)], check=False)
    if done.returncode != 0:
        pytest.skip("this system does not allow mounting a tmpfs")
    yield mount_point
    subprocess.run(["umount", str(mount_point)], check=True)


def test_case_on_read_only_media_opens_for_reading(read_only_mount: Path, tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    folder = read_only_mount / "Case.caseapp"
    case, _ = create_case(folder, PASSPHRASE, kdf=FAST_KDF, actor="tester")
    evidence = tmp_path / "statement.txt"
    evidence.write_text("a statement", encoding="utf-8")
    case.imports.import_paths([evidence])
    case.close()
    subprocess.run(["mount", "-o", "remount,ro", str(read_only_mount)], check=True)
    c = ("--case", str(folder))
    assert cli("verify", "--full", *c, passphrase=PASSPHRASE).code == 0
    assert cli("list", *c, passphrase=PASSPHRASE).code == 0
    out = tmp_path / "out"
    out.mkdir()
    exported = cli("export-original", "EX-1", str(out), *c, passphrase=PASSPHRASE)
    assert exported.code == 0, exported.err
    assert (out / "statement.txt").read_text(encoding="utf-8") == "a statement"
    assert "not recorded" in exported.out + exported.err
    refused = cli("person", "add", "--role", "witness", *c, passphrase=PASSPHRASE)
    assert refused.code == 1
    assert "this case is on read-only media; copy it to a writable disk to change it" in refused.err
