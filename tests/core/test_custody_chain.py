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

from caseapp.core.custody import GENESIS_HASH, CustodyHead, canonical_bytes, next_entry, verify_chain
from caseapp.core.entities import CustodyEntry
from caseapp.core.errors import ValidationError

START = datetime(2016, 12, 13, 9, 0, tzinfo=UTC)


def chain(length: int) -> list[CustodyEntry]:
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


def test_hash_is_sha256_of_documented_canonical_json() -> None:
    entry = chain(1)[0]
    body = {k: v for k, v in dataclasses.asdict(entry).items() if k != "hash"}
    expected = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()
    assert canonical_bytes(entry) == expected
    assert hashlib.sha256(expected).hexdigest() == entry.hash


@pytest.mark.skipif(shutil.which("jq") is None, reason="jq not installed")
def test_standard_tools_recompute_the_hash() -> None:
    entry = chain(2)[1]
    exported = json.dumps(dataclasses.asdict(entry), ensure_ascii=False)
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
