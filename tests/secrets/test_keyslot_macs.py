"""verify can check every keyslot with the data key alone (issue 12): MACs per slot and over the set."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from caseapp.app import case_folder
from caseapp.app.case_folder import OpenCase
from caseapp.secrets.keyslots import NOT_YET_PROTECTED, Keyslots, keyslot_problems
from tests.conftest import FAST_KDF, PASSPHRASE


@pytest.fixture
def case(make_case, memory_keyring) -> OpenCase:  # type: ignore[no-untyped-def]
    """A real case with all three kinds of slot: passphrase, recovery and keyring."""
    opened, _code = make_case()
    case_folder.enable_keyring(opened)
    assert {s.type for s in Keyslots.load(opened.folder / "keyslots.json").slots} == {
        "passphrase",
        "recovery",
        "keyring",
    }
    return opened  # type: ignore[no-any-return]


def _slot_spans(raw: bytes) -> dict[str, tuple[int, int]]:
    """Where each slot's object lies in the file, by type (the file is written with indent=2)."""
    spans: dict[str, tuple[int, int]] = {}
    start = raw.index(b'"slots": [') + len(b'"slots": [')
    for slot in json.loads(raw)["slots"]:
        begin = raw.index(b"{", start)
        end = raw.index(b"\n    }", begin) + len(b"\n    }")
        spans[slot["type"]] = (begin, end)
        start = end
    return spans


def test_an_intact_case_has_no_problem(case: OpenCase) -> None:
    assert keyslot_problems(case.folder, case.data_key()) == ([], [])


def test_every_flipped_byte_in_every_slot_is_a_problem(case: OpenCase) -> None:
    path = case.folder / "keyslots.json"
    raw = path.read_bytes()
    spans = _slot_spans(raw)
    assert set(spans) == {"passphrase", "recovery", "keyring"}
    silent: list[str] = []
    for slot_type, (begin, end) in spans.items():
        for offset in range(begin, end):
            damaged = bytearray(raw)
            damaged[offset] ^= 0x01
            path.write_bytes(bytes(damaged))
            problems, _notes = keyslot_problems(case.folder, case.data_key())
            if not problems:
                silent.append(f"{slot_type} slot, byte {offset - begin} ({chr(raw[offset])!r})")
    path.write_bytes(raw)
    assert silent == []
    assert keyslot_problems(case.folder, case.data_key()) == ([], [])


@pytest.mark.parametrize("slot_type", ["passphrase", "recovery", "keyring"])
def test_a_damaged_slot_is_named_without_its_secret(case: OpenCase, slot_type: str) -> None:
    path = case.folder / "keyslots.json"
    document = json.loads(path.read_text())
    slot = next(s for s in document["slots"] if s["type"] == slot_type)
    wrapped = bytearray(slot["wrapped_key"].encode())
    wrapped[5] = ord("A") if wrapped[5] != ord("A") else ord("B")
    slot["wrapped_key"] = wrapped.decode()
    path.write_text(json.dumps(document))
    problems, _notes = keyslot_problems(case.folder, case.data_key())
    assert len(problems) == 1 and f"the {slot_type} keyslot" in problems[0], problems


def test_a_removed_slot_is_a_problem(case: OpenCase) -> None:
    path = case.folder / "keyslots.json"
    document = json.loads(path.read_text())
    document["slots"] = [s for s in document["slots"] if s["type"] != "recovery"]
    path.write_text(json.dumps(document))
    problems, _notes = keyslot_problems(case.folder, case.data_key())
    assert problems == ["a keyslot was added to or removed from keyslots.json without the case's key"]


def test_an_old_slot_of_the_same_case_brought_back_is_a_problem(case: OpenCase) -> None:
    path = case.folder / "keyslots.json"
    old_passphrase_slot = next(s for s in json.loads(path.read_text())["slots"] if s["type"] == "passphrase")
    case_folder.change_passphrase(case.folder, PASSPHRASE, "a new passphrase for this case", kdf=FAST_KDF)
    document = json.loads(path.read_text())
    document["slots"].append(old_passphrase_slot)  # its own MAC is genuine: only the set shows it
    path.write_text(json.dumps(document))
    problems, _notes = keyslot_problems(case.folder, case.data_key())
    assert problems == ["a keyslot was added to or removed from keyslots.json without the case's key"]


def _strip_macs(path: Path) -> None:
    document = json.loads(path.read_text())
    document.pop("slots_mac")
    for slot in document["slots"]:
        slot.pop("mac")
    path.write_text(json.dumps(document))


def test_a_file_from_before_macs_is_a_note_until_the_next_rewrite(case: OpenCase) -> None:
    path = case.folder / "keyslots.json"
    _strip_macs(path)
    assert keyslot_problems(case.folder, case.data_key()) == ([], [NOT_YET_PROTECTED])
    problems, _notes = keyslot_problems(case.folder, case.data_key(), require_macs=True)
    assert len(problems) == 1 and "lost all its MACs" in problems[0]
    case_folder.change_passphrase(case.folder, PASSPHRASE, "a new passphrase for this case", kdf=FAST_KDF)
    assert keyslot_problems(case.folder, case.data_key()) == ([], [])


def test_one_mac_removed_is_a_problem(case: OpenCase) -> None:
    path = case.folder / "keyslots.json"
    document = json.loads(path.read_text())
    document["slots"][0].pop("mac")
    path.write_text(json.dumps(document))
    problems, _notes = keyslot_problems(case.folder, case.data_key())
    assert len(problems) == 1 and "lost its MAC" in problems[0]
