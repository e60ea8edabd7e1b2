"""Keyslots: wrong secrets and edited slots are refused and change nothing; passwd, recover, keyring."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from caseapp.app import case_folder
from caseapp.core.entities import PersonRole
from caseapp.core.errors import CaseDamagedError, KeyringUnavailableError, UnlockError, ValidationError
from caseapp.secrets.keyslots import Keyslots, normalise_recovery_code
from tests.conftest import FAST_KDF, PASSPHRASE, snapshot


@pytest.fixture
def folder(make_case) -> Path:  # type: ignore[no-untyped-def]
    case, code = make_case()
    case.records.add_person(role=PersonRole.VICTIM, full_name="Hanan")
    case.close()
    (case.folder / "recovery.txt").write_text(code)  # kept beside the case for these tests only
    return case.folder


def recovery(folder: Path) -> str:
    return (folder / "recovery.txt").read_text()


def test_wrong_passphrase_changes_no_byte(cli, folder: Path) -> None:  # type: ignore[no-untyped-def]
    before = snapshot(folder)
    result = cli("person", "list", "--case", str(folder), passphrase="not the passphrase at all")
    assert result.code == 2 and "wrong passphrase" in result.err
    assert snapshot(folder) == before


def test_wrong_recovery_code_changes_no_byte(cli, folder: Path) -> None:  # type: ignore[no-untyped-def]
    before = snapshot(folder)
    wrong = "AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH"
    result = cli(
        "recover",
        "--case",
        str(folder),
        env={"CASEAPP_RECOVERY_CODE": wrong, "CASEAPP_NEW_PASSPHRASE": "a brand new passphrase"},
    )
    assert result.code == 2 and "wrong recovery code" in result.err
    assert snapshot(folder) == before


def test_swapped_slot_metadata_is_refused(folder: Path) -> None:
    path = folder / "keyslots.json"
    document = json.loads(path.read_text())
    slot = next(s for s in document["slots"] if s["type"] == "passphrase")
    slot["kdf"]["iterations"] = 2  # parameters are bound as associated data
    path.write_text(json.dumps(document))
    before = snapshot(folder)
    with pytest.raises(UnlockError):
        case_folder.open_case(folder, passphrase=PASSPHRASE)
    assert snapshot(folder) == before


def test_slot_moved_from_another_case_is_refused(make_case, folder: Path) -> None:  # type: ignore[no-untyped-def]
    other, _ = make_case("Other.caseapp")
    other.close()
    ours = json.loads((folder / "keyslots.json").read_text())
    theirs = json.loads((other.folder / "keyslots.json").read_text())
    ours["slots"] = theirs["slots"]  # the same passphrase, but the slots wrap another case's key
    (folder / "keyslots.json").write_text(json.dumps(ours))
    with pytest.raises(UnlockError):
        case_folder.open_case(folder, passphrase=PASSPHRASE)


def test_passwd_rewrites_the_keyslots_and_records_it(cli, folder: Path) -> None:  # type: ignore[no-untyped-def]
    before = snapshot(folder)
    result = cli(
        "passwd", "--case", str(folder), passphrase=PASSPHRASE, env={"CASEAPP_NEW_PASSPHRASE": "كلمة سر جديدة وطويلة"}
    )
    assert result.code == 0, result.err
    after = snapshot(folder)
    # the key slots, and the custody entry recording the change (the data and the blobs stay as they are)
    assert {k for k in after if after[k] != before.get(k)} == {"keyslots.json", "case.db", "custody.head"}
    assert cli("person", "list", "--case", str(folder), passphrase=PASSPHRASE).code == 2
    new = "كلمة سر جديدة وطويلة"
    listing = cli("person", "list", "--json", "--case", str(folder), passphrase=new)
    assert listing.code == 0 and json.loads(listing.out)[0]["name_hidden"] is True
    shown = cli("person", "show", "V-001", "--reveal", "--json", "--case", str(folder), passphrase=new)
    assert shown.code == 0 and json.loads(shown.out)["record"]["full_name"] == "Hanan"
    # The recovery code still works after a passphrase change.
    with case_folder.open_case(folder, recovery_code=recovery(folder)) as case:
        assert case.records.reveal_person(case.records.persons()[0].id).value.full_name == "Hanan"


def test_recover_sets_a_new_passphrase(cli, folder: Path) -> None:  # type: ignore[no-untyped-def]
    code = recovery(folder).lower().replace("-", " ")  # forgiving about case and separators
    result = cli(
        "recover",
        "--case",
        str(folder),
        env={"CASEAPP_RECOVERY_CODE": code, "CASEAPP_NEW_PASSPHRASE": "recovered passphrase here"},
    )
    assert result.code == 0, result.err
    assert cli("info", "--case", str(folder), passphrase="recovered passphrase here").code == 0


def test_recovery_code_forgives_look_alike_digits() -> None:
    assert normalise_recovery_code("abc0-1-8") == normalise_recovery_code("ABCO I B")


def test_short_passphrase_is_refused_with_the_reason(tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="has 7 characters; Use at least 12"):
        case_folder.create_case(tmp_path / "x.caseapp", "short12", kdf=FAST_KDF)
    assert not (tmp_path / "x.caseapp").exists()


def test_passphrase_is_normalised(make_case) -> None:  # type: ignore[no-untyped-def]
    composed, decomposed = "caf\u00e9 de la rivi\u00e8re", "cafe\u0301 de la rivie\u0300re"
    case, _ = make_case(passphrase=composed)
    case.close()
    case_folder.open_case(case.folder, passphrase=decomposed).close()


def test_keyring_refused_without_a_secure_backend(cli, folder: Path) -> None:  # type: ignore[no-untyped-def]
    before = snapshot(folder)
    result = cli("keyring", "enable", "--case", str(folder), passphrase=PASSPHRASE)
    assert result.code == 1 and "never stores a secret in clear" in result.err
    assert snapshot(folder) == before


def test_plaintext_keyring_backend_is_refused(folder: Path) -> None:
    import keyring
    from keyring.backend import KeyringBackend

    class PlaintextFile(KeyringBackend):
        priority = 0.5  # type: ignore[assignment]  # like keyrings.alt's plaintext file

        def get_password(self, service: str, username: str) -> str | None:
            return None

        def set_password(self, service: str, username: str, password: str) -> None:
            raise AssertionError("a secret was handed to an insecure keyring")

        def delete_password(self, service: str, username: str) -> None:
            return None

    keyring.set_keyring(PlaintextFile())
    with case_folder.open_case(folder, passphrase=PASSPHRASE) as case, pytest.raises(KeyringUnavailableError):
        case_folder.enable_keyring(case)


def test_keyring_slot_unlocks_without_typing(cli, folder: Path, memory_keyring) -> None:  # type: ignore[no-untyped-def]
    assert cli("keyring", "enable", "--case", str(folder), passphrase=PASSPHRASE).code == 0
    secrets = list(memory_keyring.store.values())
    assert len(secrets) == 1
    assert secrets[0].encode() not in (folder / "keyslots.json").read_bytes()
    assert cli("person", "list", "--case", str(folder)).code == 0  # no passphrase given
    assert cli("keyring", "disable", "--case", str(folder)).code == 0
    assert memory_keyring.store == {}
    locked = cli("person", "list", "--case", str(folder))
    assert locked.code == 2 and "locked" in locked.err


def test_missing_keyslots_file(cli, folder: Path) -> None:  # type: ignore[no-untyped-def]
    (folder / "keyslots.json").unlink()
    result = cli("info", "--case", str(folder), passphrase=PASSPHRASE)
    assert result.code == 1 and "keyslots.json is missing" in result.err


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"{",
        b"[]",
        b'{"format": "caseapp-keyslots", "version": 1}',
        b'{"format": "caseapp-keyslots", "version": 9, "case_id": "x", "slots": []}',
        "\u0627".encode() * 10,
    ],
)
def test_corrupt_keyslots_file(cli, folder: Path, content: bytes) -> None:  # type: ignore[no-untyped-def]
    (folder / "keyslots.json").write_bytes(content)
    before = snapshot(folder)
    result = cli("info", "--case", str(folder), passphrase=PASSPHRASE)
    assert result.code == 1 and "keyslots.json is damaged" in result.err
    assert "Traceback" not in result.err
    assert snapshot(folder) == before


def test_keyslots_hold_no_secret_in_clear(folder: Path) -> None:
    slots = Keyslots.load(folder / "keyslots.json")
    key = slots.unlock_with_passphrase(PASSPHRASE)
    raw = (folder / "keyslots.json").read_bytes()
    assert key.hex().encode() not in raw and key not in raw
    assert PASSPHRASE.encode() not in raw and recovery(folder).encode() not in raw


def test_not_a_case(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "folder").mkdir()
    result = cli("info", "--case", str(tmp_path / "folder"), passphrase=PASSPHRASE)
    assert result.code == 1 and "is not a caseapp case" in result.err
    result = cli("info", "--case", str(tmp_path / "nowhere"), passphrase=PASSPHRASE)
    assert result.code == 1 and "is not a case folder" in result.err


def test_missing_database(folder: Path) -> None:
    (folder / "case.db").unlink()
    with pytest.raises(CaseDamagedError, match=r"case\.db is missing"):
        case_folder.open_case(folder, passphrase=PASSPHRASE)
