"""The custody chain's rules, on entries built in memory (no storage involved)."""

from __future__ import annotations

import dataclasses
import hashlib
import itertools
import json
import shutil
import subprocess
from datetime import UTC, datetime, timedelta

import pytest

from caseapp.core.custody import (
    GENESIS_HASH,
    CustodyHead,
    canonical_bytes,
    hashed_fields,
    next_entry,
    verify_chain,
)
from caseapp.core.entities import CustodyEntry
from caseapp.core.errors import ValidationError

START = datetime(2016, 12, 13, 9, 0, tzinfo=UTC)


DEVICE = "0f8fad5b-d9cb-469f-a165-70867728950e"
NOTE_ID = "7c9e6679-7425-40de-944b-e07fc1f90ae7"


def chain(length: int, *, device: str | None = None) -> list[CustodyEntry]:
    """Entries of format version 1 (no device), or version 2 (written by ``device``)."""
    entries: list[CustodyEntry] = []
    for index in range(length):
        entries.append(
            next_entry(
                entries[-1] if entries else None,
                at=START + timedelta(minutes=index),
                actor="investigator",
                action="note.add",
                target="CASE",
                details={"n": index, "text": "قصف حلب"},
                device=device,
                target_id=NOTE_ID if device else None,
            )
        )
    return entries


def head(entries: list[CustodyEntry]) -> CustodyHead:
    return CustodyHead(entries[-1].seq, entries[-1].hash)


def test_an_intact_chain_verifies() -> None:
    entries = chain(5)
    report = verify_chain(entries, head(entries))
    assert report.ok and report.entries == 5
    assert entries[0].prev_hash == GENESIS_HASH
    assert all(b.prev_hash == a.hash for a, b in itertools.pairwise(entries))


def documented_body(entry: CustodyEntry) -> dict[str, object]:
    """The hashed keys as the module docstring documents them, written out here independently."""
    body: dict[str, object] = {
        "seq": entry.seq,
        "at": entry.at,
        "actor": entry.actor,
        "action": entry.action,
        "target": entry.target,
        "details": entry.details,
        "prev_hash": entry.prev_hash,
    }
    if entry.version == 2:
        body.update(v=2, device=entry.device, target_id=entry.target_id)
    return body


@pytest.mark.parametrize("device", [None, DEVICE], ids=["version-1", "version-2"])
def test_hash_is_sha256_of_documented_canonical_json(device: str | None) -> None:
    entry = chain(1, device=device)[0]
    assert entry.version == (2 if device else 1)
    body = documented_body(entry)
    expected = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()
    assert canonical_bytes(entry) == expected
    assert hashlib.sha256(expected).hexdigest() == entry.hash
    # The exported form (`caseapp log --json`) is exactly the hashed keys plus the hash.
    assert hashed_fields(entry) == body


def test_version_2_binds_device_and_target_id() -> None:
    entry = chain(1, device=DEVICE)[0]
    for changed in (dataclasses.replace(entry, device="another"), dataclasses.replace(entry, target_id=None)):
        report = verify_chain([changed], CustodyHead(1, entry.hash))
        assert not report.ok and report.first_broken is not None and "altered" in report.first_broken.message


@pytest.mark.skipif(shutil.which("jq") is None, reason="jq not installed")
@pytest.mark.parametrize("device", [None, DEVICE], ids=["version-1", "version-2"])
def test_standard_tools_recompute_the_hash(device: str | None) -> None:
    entry = chain(2, device=device)[1]
    exported = json.dumps({**documented_body(entry), "hash": entry.hash}, ensure_ascii=False)
    canonical = subprocess.run(["jq", "-cjS", "del(.hash)"], input=exported.encode(), capture_output=True, check=True)
    assert hashlib.sha256(canonical.stdout).hexdigest() == entry.hash


def test_altered_entry_is_named() -> None:
    entries = chain(5)
    entries[2] = dataclasses.replace(entries[2], details={"n": 99})
    report = verify_chain(entries, head(entries))
    assert not report.ok
    assert report.first_broken is not None and report.first_broken.seq == 3
    assert "altered" in report.first_broken.message


def test_missing_middle_entry_is_named() -> None:
    entries = chain(5)
    del entries[1]
    report = verify_chain(entries, head(entries))
    assert report.first_broken is not None and "entry 2 is missing" in report.first_broken.message


def test_reordered_entries_are_detected() -> None:
    entries = chain(5)
    entries[1], entries[2] = entries[2], entries[1]
    assert not verify_chain(entries, head(entries)).ok


def test_truncation_is_detected_against_the_recorded_head() -> None:
    entries = chain(5)
    recorded = head(entries)
    report = verify_chain(entries[:3], recorded)
    assert report.first_broken is not None
    assert report.first_broken.message == "entries 4 to 5 were deleted"
    # Without the head, the shorter chain is consistent in itself: that is why the head exists.
    assert verify_chain(entries[:3], head(entries[:3])).ok


def test_a_rewritten_chain_does_not_match_its_head() -> None:
    entries = chain(4)
    recorded = head(entries)
    rewritten = chain(3)
    rewritten.append(next_entry(rewritten[-1], at=START, actor="forger", action="note.add", target="CASE", details={}))
    report = verify_chain(rewritten, recorded)
    assert report.first_broken is not None and "differs from the recorded custody head" in report.first_broken.message


def test_missing_head_is_reported() -> None:
    report = verify_chain(chain(2), None)
    assert not report.ok and "head record is missing" in report.problems[0].message


def test_floats_are_refused_in_details() -> None:
    with pytest.raises(ValidationError, match="float"):
        next_entry(None, at=START, actor="a", action="x", target="CASE", details={"lat": 36.2})
