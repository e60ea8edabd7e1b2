"""passwd, recover and keyring enable/disable are recorded in the custody log (issue 12)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from caseapp.app import case_folder
from caseapp.core.entities import CustodyEntry
from tests.conftest import PASSPHRASE

NEW = "a brand new passphrase here"


@pytest.fixture
def folder(make_case) -> Path:  # type: ignore[no-untyped-def]
    case, code = make_case()
    case.close()
    (case.folder / "recovery.txt").write_text(code)  # beside the case for these tests only
    return case.folder  # type: ignore[no-any-return]


def _entries(folder: Path, passphrase: str = PASSPHRASE) -> list[CustodyEntry]:
    with case_folder.opened(folder, passphrase=passphrase) as case:
        entries = case.custody.entries()
        assert case.custody.verify().ok
    return entries


def _slot(folder: Path, slot_type: str) -> dict[str, object]:
    document = json.loads((folder / "keyslots.json").read_text())
    slot: dict[str, object] = next(s for s in document["slots"] if s["type"] == slot_type)
    return slot


def _no_secret_in(entry: CustodyEntry, *secrets: str) -> None:
    text = json.dumps(entry.details)
    for secret in secrets:
        assert secret not in text


def test_passwd_is_recorded(cli, folder: Path) -> None:  # type: ignore[no-untyped-def]
    result = cli("passwd", "--case", str(folder), passphrase=PASSPHRASE, env={"CASEAPP_NEW_PASSPHRASE": NEW})
    assert result.code == 0, result.err
    entry = _entries(folder, NEW)[-1]
    slot = _slot(folder, "passphrase")
    assert (entry.action, entry.target, entry.actor) == ("case.passphrase_change", "CASE", "tester")
    assert entry.details == {"slot_id": slot["id"], "slot_type": "passphrase"}
    _no_secret_in(entry, PASSPHRASE, NEW, str(slot["wrapped_key"]), str(slot["kdf"]["salt"]))  # type: ignore[index]


def test_recover_is_recorded(cli, folder: Path) -> None:  # type: ignore[no-untyped-def]
    code = (folder / "recovery.txt").read_text()
    env = {"CASEAPP_RECOVERY_CODE": code, "CASEAPP_NEW_PASSPHRASE": NEW}
    assert cli("recover", "--case", str(folder), env=env).code == 0
    entry = _entries(folder, NEW)[-1]
    assert entry.action == "case.recover"
    assert entry.details == {
        "slot_id": _slot(folder, "passphrase")["id"],
        "slot_type": "passphrase",
        "unlocked_with": "recovery",
    }
    _no_secret_in(entry, code, NEW)


def test_keyring_enable_and_disable_are_recorded(cli, folder: Path, memory_keyring) -> None:  # type: ignore[no-untyped-def]
    assert cli("keyring", "enable", "--case", str(folder), passphrase=PASSPHRASE).code == 0
    slot_id = _slot(folder, "keyring")["id"]
    assert cli("keyring", "disable", "--case", str(folder)).code == 0  # unlocked by the keyring slot itself
    entries = _entries(folder)
    assert [(e.action, e.details) for e in entries[-2:]] == [
        ("case.keyring_enable", {"slot_id": slot_id, "slot_type": "keyring"}),
        ("case.keyring_disable", {"slot_id": slot_id, "slot_type": "keyring"}),
    ]
    for secret in memory_keyring.store.values():
        _no_secret_in(entries[-2], secret)


def test_a_failed_passwd_records_nothing(cli, folder: Path) -> None:  # type: ignore[no-untyped-def]
    before = len(_entries(folder))
    result = cli("passwd", "--case", str(folder), passphrase="not the passphrase", env={"CASEAPP_NEW_PASSPHRASE": NEW})
    assert result.code == 2
    assert len(_entries(folder)) == before


def test_a_change_made_meanwhile_by_another_program_is_not_undone(folder: Path) -> None:
    """A proves the old passphrase; before A takes the case lock, B changes it. A must then fail,
    not put a passphrase slot over B's (the hook runs B exactly in that gap: no timing involved)."""
    from caseapp.core.errors import UnlockError
    from caseapp.secrets.keyslots import Keyslots
    from tests.conftest import FAST_KDF

    proofs = 0

    def prove_old(keyslots: Keyslots) -> bytes:
        nonlocal proofs
        proofs += 1
        key = keyslots.unlock_with_passphrase(PASSPHRASE)
        if proofs == 1:  # program B, between A's proof and A's lock
            case_folder.change_passphrase(folder, PASSPHRASE, "program B's new passphrase", kdf=FAST_KDF)
        return key

    with (
        pytest.raises(UnlockError),
        case_folder._rewriting_keyslots(folder, prove_old, action="case.passphrase_change") as (slots, key, _details),
    ):
        slots.set_passphrase(key, "program A's new passphrase", FAST_KDF)
    assert proofs == 2
    entries = _entries(folder, "program B's new passphrase")
    assert [e.action for e in entries].count("case.passphrase_change") == 1
