"""Permissions, a full disk and undecodable text end in a message saying what is wrong, never in
"internal error" and never in "damaged or replaced" when nothing is damaged."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from caseapp.app.case_folder import create_case
from caseapp.core.entities import PersonRole
from tests.conftest import FAST_KDF, PASSPHRASE

ROOT = Path(__file__).resolve().parents[2]
OTHER_UID = 65534  # "nobody": as root, permissions only bite another account


@pytest.fixture
def shared_case() -> Iterator[Path]:
    """A case in a folder every account may enter, with an imported file; removed afterwards."""
    base = Path(tempfile.mkdtemp(prefix="caseapp-perm-"))
    base.chmod(0o755)
    folder = base / "Case.caseapp"
    case, _ = create_case(folder, PASSPHRASE, kdf=FAST_KDF, actor="tester")
    evidence = base / "statement.txt"
    evidence.write_text("a statement", encoding="utf-8")
    case.imports.import_paths([evidence])
    case.close()
    for path in [folder, *folder.rglob("*")]:
        path.chmod(0o777 if path.is_dir() else 0o666)
    (base / "out").mkdir(mode=0o777)
    (base / "out").chmod(0o777)
    yield folder
    shutil.rmtree(base)


def _as_other_user(*args: str) -> subprocess.CompletedProcess[str]:
    """Run caseapp as another account when we are root (else as ourselves: chmod already bites)."""
    env = {**os.environ, "CASEAPP_PASSPHRASE": PASSPHRASE, "PYTHONPATH": str(ROOT), "CASEAPP_ACTOR": "tester"}
    env.pop("CASEAPP_DEBUG", None)
    prefix: list[str] = []
    if os.geteuid() == 0:
        setpriv = shutil.which("setpriv")  # util-linux; drops root's capabilities too
        if setpriv is None:
            pytest.skip("running as root without setpriv (util-linux): cannot act as another account")
        prefix = [setpriv, f"--reuid={OTHER_UID}", f"--regid={OTHER_UID}", "--clear-groups", "--inh-caps=-all"]
    return subprocess.run(
        [*prefix, sys.executable, "-m", "caseapp", *args],
        env=env,
        cwd="/",
        capture_output=True,
        text=True,
        check=False,
    )


def _deny(path: Path) -> None:
    """Make ``path`` unreadable (and unwritable) for the account _as_other_user runs as."""
    path.chmod(0o700 if path.is_dir() else 0o600)
    if os.geteuid() != 0:
        path.chmod(0)


def test_the_other_account_can_use_the_shared_case(shared_case: Path) -> None:
    result = _as_other_user("verify", "--case", str(shared_case))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("OK:")


@pytest.mark.parametrize(
    ("name", "command", "expected"),
    [
        ("case.db", "verify", "cannot read {path}: permission denied"),
        ("custody.head", "verify", "cannot read {path}: permission denied"),
        ("custody.head", "export", "cannot read {path}: permission denied"),
        ("case.lock", "person", "cannot open {path}: permission denied"),
        ("blobs", "verify", "cannot read {path}: permission denied"),
        (".", "verify", "cannot read {path}: permission denied"),
    ],
)
def test_permission_problems_name_the_file(shared_case: Path, name: str, command: str, expected: str) -> None:
    target = shared_case / name if name != "." else shared_case
    _deny(target)
    out = shared_case.parent / "out"
    args = {
        "verify": ["verify"],
        "export": ["export-original", "EX-1", str(out)],
        "person": ["person", "add", "--role", "witness"],
    }[command]
    result = _as_other_user(*args, "--case", str(shared_case))
    assert result.returncode == 1, result.stderr
    assert expected.format(path=target) in result.stderr, result.stderr
    assert "internal error" not in result.stderr and "damaged" not in result.stderr
    assert list(out.iterdir()) == []


def test_read_only_folder_and_lock_open_for_reading(shared_case: Path) -> None:
    """A folder made read-only by chmod, with an unwritable case.lock: read, verify, refuse changes."""
    for path in [shared_case, shared_case / "blobs"]:
        path.chmod(0o755)
    for path in shared_case.rglob("*"):
        if path.is_file():
            path.chmod(0o644)
    if os.geteuid() != 0:
        shared_case.chmod(0o555)
    verified = _as_other_user("verify", "--full", "--case", str(shared_case))
    assert verified.returncode == 0, verified.stderr
    assert "read-only media" in verified.stderr
    refused = _as_other_user("person", "add", "--role", "witness", "--case", str(shared_case))
    assert refused.returncode == 1
    assert "this case is on read-only media; copy it to a writable disk to change it" in refused.stderr


# -- a full disk ---------------------------------------------------------------------------


@pytest.fixture
def full_disk(tmp_path: Path) -> Iterator[Path]:
    mount_point = tmp_path / "full"
    mount_point.mkdir()
    if os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root (as in CI)")
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(mount_point)], check=False).returncode:
        pytest.skip("this system does not allow mounting a tmpfs")
    yield mount_point
    subprocess.run(["umount", str(mount_point)], check=True)


def test_reads_work_and_writes_say_disk_full_on_a_full_disk(full_disk: Path, cli) -> None:  # type: ignore[no-untyped-def]
    case, _ = create_case(full_disk / "Case.caseapp", PASSPHRASE, kdf=FAST_KDF, actor="tester")
    case.records.add_person(role=PersonRole.WITNESS, full_name="Amal")
    case.close()
    with pytest.raises(OSError), (full_disk / "filler").open("wb") as filler:
        while True:
            filler.write(bytes(65536))
            filler.flush()
    assert shutil.disk_usage(full_disk).free == 0
    c = ("--case", str(full_disk / "Case.caseapp"))
    listed = cli("person", "list", *c, passphrase=PASSPHRASE)
    assert listed.code == 0 and "W-001" in listed.out, listed.err
    assert cli("verify", *c, passphrase=PASSPHRASE).code == 0
    added = cli("person", "add", "--role", "witness", *c, passphrase=PASSPHRASE)
    assert added.code == 1 and "disk is full" in added.err and "damaged" not in added.err


# -- undecodable text ----------------------------------------------------------------------

UNDECODABLE = "Am\udce9l"  # a Latin-1 byte read from a non-UTF-8 terminal or file name


@pytest.mark.parametrize(
    ("args", "field"),
    [
        (("person", "add", "--role", "witness", "--name", UNDECODABLE), "name"),
        (("incident", "add", "--title", UNDECODABLE), "title"),
        (("tag", "W-001", UNDECODABLE), "tag"),
    ],
)
def test_undecodable_text_is_refused_naming_the_field(make_case, cli, args: tuple[str, ...], field: str) -> None:  # type: ignore[no-untyped-def]
    case, _ = make_case()
    case.records.add_person(role=PersonRole.WITNESS, full_name="Amal")
    result = cli(*args, "--case", str(case.folder), passphrase=PASSPHRASE)
    assert result.code == 1, result.err
    assert "not valid UTF-8" in result.err and field in result.err and "internal error" not in result.err


def test_undecodable_actor_and_init_path(make_case, cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    case, _ = make_case()
    result = cli(
        "person", "list", "--case", str(case.folder), passphrase=PASSPHRASE, env={"CASEAPP_ACTOR": UNDECODABLE}
    )
    assert result.code == 1 and "CASEAPP_ACTOR" in result.err and "not valid UTF-8" in result.err, result.err
    path = tmp_path / f"{UNDECODABLE}.caseapp"
    result = cli("init", str(path), passphrase=PASSPHRASE)
    assert result.code == 1 and "not valid UTF-8" in result.err and "internal error" not in result.err, result.err
    assert not os.path.exists(os.fsencode(path))
