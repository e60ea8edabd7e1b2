"""A hostile or damaged keyslots.json is refused quickly, with a message naming it (issue 13.10, 13.12).

Every refusal here happens before any key derivation: none of these tests runs Argon2 with the
hostile parameters, so none depends on the machine's speed.
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from caseapp.app import case_folder
from caseapp.app.case_folder import create_case
from caseapp.secrets.keyslots import Keyslots
from tests.conftest import FAST_KDF, PASSPHRASE, snapshot


@pytest.fixture
def folder(make_case) -> Path:  # type: ignore[no-untyped-def]
    case, _code = make_case()
    case.close()
    return case.folder


def _document(folder: Path) -> dict:  # type: ignore[type-arg]
    return json.loads((folder / "keyslots.json").read_text())


def _refused(cli, folder: Path, *expected: str) -> None:  # type: ignore[no-untyped-def]
    before = snapshot(folder) if not (folder / "keyslots.json").is_symlink() else None
    result = cli("info", "--case", str(folder), passphrase=PASSPHRASE)
    assert result.code == 1, result.err
    assert "internal error" not in result.err and "Traceback" not in result.err
    assert "keyslots.json" in result.err
    for text in expected:
        assert text in result.err
    if before is not None:
        assert snapshot(folder) == before


def test_a_link_to_dev_zero_is_refused_without_reading_it(cli, folder: Path) -> None:  # type: ignore[no-untyped-def]
    (folder / "keyslots.json").unlink()
    (folder / "keyslots.json").symlink_to("/dev/zero")
    _refused(cli, folder, "symbolic link")


def test_a_link_to_a_good_keyslots_file_is_refused(cli, folder: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    elsewhere = tmp_path / "elsewhere.json"
    (folder / "keyslots.json").rename(elsewhere)
    (folder / "keyslots.json").symlink_to(elsewhere)
    _refused(cli, folder, "symbolic link")


def test_a_folder_is_refused(cli, folder: Path) -> None:  # type: ignore[no-untyped-def]
    (folder / "keyslots.json").unlink()
    (folder / "keyslots.json").mkdir()
    _refused(cli, folder, "not a regular file")


def test_a_pipe_is_refused_without_waiting(cli, folder: Path) -> None:  # type: ignore[no-untyped-def]
    (folder / "keyslots.json").unlink()
    os.mkfifo(folder / "keyslots.json")
    _refused(cli, folder, "not a regular file")


def test_a_huge_file_is_refused(cli, folder: Path) -> None:  # type: ignore[no-untyped-def]
    document = _document(folder)
    document["padding"] = "x" * (1024 * 1024)
    (folder / "keyslots.json").write_text(json.dumps(document))
    _refused(cli, folder, "bytes")


@pytest.mark.parametrize("depth", [200_000, 20_000])
def test_deeply_nested_json_is_refused(cli, folder: Path, depth: int) -> None:  # type: ignore[no-untyped-def]
    (folder / "keyslots.json").write_text("[" * depth + "]" * depth)
    _refused(cli, folder)


def test_invalid_utf8_is_refused(cli, folder: Path) -> None:  # type: ignore[no-untyped-def]
    raw = (folder / "keyslots.json").read_bytes()
    (folder / "keyslots.json").write_bytes(raw.replace(b'"format"', b'"form\xff\xfe"', 1))
    _refused(cli, folder, "damaged")


@pytest.mark.parametrize(("count", "text"), [(20, "20 keyslots"), (200, "")])
def test_many_slots_are_refused(cli, folder: Path, count: int, text: str) -> None:  # type: ignore[no-untyped-def]
    document = _document(folder)
    passphrase_slot = next(s for s in document["slots"] if s["type"] == "passphrase")
    document["slots"] = [passphrase_slot] * count
    (folder / "keyslots.json").write_text(json.dumps(document))
    _refused(cli, folder, text)


@pytest.mark.parametrize(
    ("name", "value", "text"),
    [
        ("memory_kib", 4 * 1024 * 1024, "memory"),
        ("iterations", 64, "iterations"),
        ("parallelism", 64, "parallelism"),
        ("iterations", 1e300, "iterations"),
        ("memory_kib", "65536", "memory"),
        ("iterations", True, "iterations"),
    ],
)
def test_argon2_parameters_beyond_the_bounds_are_refused(
    cli, folder: Path, name: str, value: object, text: str
) -> None:  # type: ignore[no-untyped-def]
    document = _document(folder)
    next(s for s in document["slots"] if s["type"] == "passphrase")["kdf"][name] = value
    (folder / "keyslots.json").write_text(json.dumps(document))
    _refused(cli, folder, text)


def test_many_costly_slots_are_refused_as_a_whole(cli, folder: Path) -> None:  # type: ignore[no-untyped-def]
    document = _document(folder)
    slot = next(s for s in document["slots"] if s["type"] == "passphrase")
    slot["kdf"].update(memory_kib=1024 * 1024, iterations=10)  # one such slot is allowed, two are not
    document["slots"] = [slot, dict(slot, id="another")]
    (folder / "keyslots.json").write_text(json.dumps(document))
    _refused(cli, folder, "Argon2")


def test_a_recovery_slot_cannot_ask_for_argon2(cli, folder: Path) -> None:  # type: ignore[no-untyped-def]
    document = _document(folder)
    recovery = next(s for s in document["slots"] if s["type"] == "recovery")
    passphrase = next(s for s in document["slots"] if s["type"] == "passphrase")
    recovery["kdf"] = passphrase["kdf"]
    (folder / "keyslots.json").write_text(json.dumps(document))
    _refused(cli, folder, "recovery")


def test_what_caseapp_writes_with_strong_settings_still_loads(folder: Path) -> None:
    """The bounds leave room for a user who chooses 1 GiB and 10 passes (no derivation run here)."""
    document = _document(folder)
    next(s for s in document["slots"] if s["type"] == "passphrase")["kdf"].update(
        memory_kib=1024 * 1024, iterations=10, parallelism=8
    )
    (folder / "keyslots.json").write_text(json.dumps(document))
    assert len(Keyslots.load(folder / "keyslots.json").slots) == 2


def _as_another_user(action) -> str:  # type: ignore[no-untyped-def]
    """Run ``action`` where file permissions apply (root ignores them): in a child that drops to nobody."""
    if os.geteuid() != 0:
        return str(action())
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        os.close(read_end)
        try:
            os.setgid(65534)
            os.setuid(65534)
            message = f"returned {action()!r}"
        except BaseException as error:
            message = f"{type(error).__name__}: {error}"
        os.write(write_end, message.encode())
        os._exit(0)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as pipe:
        message = pipe.read().decode()
    os.waitpid(pid, 0)
    return message


@pytest.fixture
def shared_case() -> Iterator[Path]:
    """A case in a folder other accounts can enter (pytest's own temporary folders are private)."""
    with tempfile.TemporaryDirectory(prefix="caseapp-perm-") as parent:
        Path(parent).chmod(0o755)
        case, _code = create_case(Path(parent) / "Shared.caseapp", PASSPHRASE, kdf=FAST_KDF, actor="tester")
        case.close()
        yield case.folder
        case.folder.chmod(0o700)


def test_unreadable_keyslots_file_says_permission(shared_case: Path) -> None:
    case = argparse.Namespace(folder=shared_case)
    case.folder.chmod(0o755)  # the folder can be entered; keyslots.json stays private to its owner
    (case.folder / "keyslots.json").chmod(0o600 if os.geteuid() == 0 else 0o000)
    message = _as_another_user(lambda: Keyslots.load(case.folder / "keyslots.json"))
    assert message.startswith(("StorageError", "UserError")), message
    assert "permission" in message and "keyslots.json" in message


def test_unreadable_case_folder_says_permission(shared_case: Path) -> None:
    case = argparse.Namespace(folder=shared_case)
    case.folder.chmod(0o700 if os.geteuid() == 0 else 0o000)
    message = _as_another_user(lambda: case_folder.load_keyslots(case.folder))
    assert message.startswith(("StorageError", "UserError")), message
    assert "permission" in message and str(case.folder) in message
