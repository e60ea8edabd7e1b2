"""`verify` finds a flipped byte in any keyslot, unlocking with another way in."""

from __future__ import annotations

import base64
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from caseapp.app.case_folder import OpenCase, open_case
from caseapp.app.verification import verify_case
from tests.conftest import PASSPHRASE, CliResult


def _flip(folder: Path, slot_type: str, field: str) -> None:
    path = folder / "keyslots.json"
    document = json.loads(path.read_text(encoding="utf-8"))
    for slot in document["slots"]:
        if slot["type"] == slot_type:
            raw = bytearray(base64.b64decode(slot[field]))
            raw[len(raw) // 2] ^= 0x01
            slot[field] = base64.b64encode(bytes(raw)).decode()
    path.write_text(json.dumps(document, indent=2), encoding="utf-8")


@pytest.mark.parametrize("slot_type", ["passphrase", "recovery"])
def test_a_damaged_slot_is_found_by_verify(make_case: Callable[..., tuple[OpenCase, str]], slot_type: str) -> None:
    case, code = make_case()
    case.close()
    document = json.loads((case.folder / "keyslots.json").read_text(encoding="utf-8"))
    field = next(k for k, v in document["slots"][0].items() if k in ("wrapped_key", "nonce") and isinstance(v, str))
    _flip(case.folder, slot_type, field)
    # unlock through the slot that is intact: the damaged one's secret is not needed
    other = {"recovery_code": code} if slot_type == "passphrase" else {"passphrase": PASSPHRASE}
    with open_case(case.folder, **other) as reopened:
        result = verify_case(reopened)
    assert not result.ok
    assert result.keyslot_problems, result


def test_verify_exits_3_on_a_damaged_recovery_slot(cli: Callable[..., CliResult], tmp_path: Path) -> None:
    folder = tmp_path / "slots.caseapp"
    assert cli("init", str(folder), passphrase=PASSPHRASE).code == 0
    assert cli("--case", str(folder), "verify", passphrase=PASSPHRASE).code == 0
    document = json.loads((folder / "keyslots.json").read_text(encoding="utf-8"))
    field = next(k for k in ("wrapped_key", "nonce") if k in document["slots"][0])
    _flip(folder, "recovery", field)
    result = cli("--case", str(folder), "verify", passphrase=PASSPHRASE)
    assert result.code == 3, result
    assert "KEYSLOTS:" in result.out
