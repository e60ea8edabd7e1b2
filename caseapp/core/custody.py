"""The custody chain: hashing and verification rules (architecture §3). Pure functions.

Every entry is hashed as ``SHA-256(canonical JSON of {seq, at, actor, action, target, details,
prev_hash})``, where canonical JSON means keys sorted, no spaces, UTF-8 without escaping
(``json.dumps(..., sort_keys=True, separators=(",", ":"), ensure_ascii=False)``). Details hold
strings, integers, booleans, null, lists and objects only (no floats), so the bytes are the same
in any language; anyone can re-check an exported entry with ``jq -cjS 'del(.hash)' | sha256sum``.
The first entry's ``prev_hash`` is 64 zeros.

Version 2 entries (from schema 0003 on) also hash ``v`` (2), ``device`` (the id of the device that
wrote the entry) and ``target_id`` (the UUID of the record acted on, or null for the case), so a
later format can add per-device chains and signatures without breaking this chain. Version 1
entries keep exactly the bytes they were hashed with. ``caseapp log --json`` prints each entry
with exactly its hashed keys plus ``hash``, so the ``jq`` recipe works for both versions.
"""

from __future__ import annotations

import enum
import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import Any

from caseapp.core.entities import CustodyEntry
from caseapp.core.errors import ValidationError

GENESIS_HASH = "0" * 64
FORMAT_VERSION = 2


class CustodyAction(enum.StrEnum):
    """Every action the custody log records. The values are stored and hashed: never change one."""

    CASE_CREATE = "case.create"
    CASE_EDIT = "case.edit"
    CASE_PASSPHRASE_CHANGE = "case.passphrase_change"
    CASE_RECOVER = "case.recover"
    CASE_KEYRING_ENABLE = "case.keyring_enable"
    CASE_KEYRING_DISABLE = "case.keyring_disable"
    CASE_MIGRATE = "case.migrate"
    PERSON_ADD = "person.add"
    PERSON_EDIT = "person.edit"
    PERSON_DELETE = "person.delete"
    PERSON_RESTORE = "person.restore"
    PERSON_REVEAL = "person.reveal"
    PERSON_IDENTITY = "person.identity"
    """Aliases, date of birth or contact set; the custody entry carries only their keyed hashes."""
    PERSON_CONSENT = "person.consent"
    """A consent statement (scope, given or withdrawn, on a day) recorded for a person."""
    INCIDENT_ADD = "incident.add"
    INCIDENT_EDIT = "incident.edit"
    INCIDENT_DELETE = "incident.delete"
    INCIDENT_RESTORE = "incident.restore"
    SOURCE_ADD = "source.add"
    SOURCE_EDIT = "source.edit"
    SOURCE_DELETE = "source.delete"
    SOURCE_RESTORE = "source.restore"
    EXHIBIT_ADD = "exhibit.add"
    EXHIBIT_EDIT = "exhibit.edit"
    EXHIBIT_DELETE = "exhibit.delete"
    EXHIBIT_RESTORE = "exhibit.restore"
    EXHIBIT_IMPORT = "exhibit.import"
    EXHIBIT_ACQUIRE = "exhibit.acquire"
    EXHIBIT_EXPORT = "exhibit.export"
    EXHIBIT_REDACT = "exhibit.redact"
    """A redacted copy made as a new derivative (the original untouched): names both SHA-256 and the reason."""
    DOSSIER_EXPORT = "dossier.export"
    NOTE_ADD = "note.add"
    NOTE_EDIT = "note.edit"
    NOTE_DELETE = "note.delete"
    NOTE_RESTORE = "note.restore"
    LINK_ADD = "link.add"
    LINK_EDIT = "link.edit"
    LINK_DELETE = "link.delete"
    LINK_RESTORE = "link.restore"
    TAG_ADD = "tag.add"
    TAG_REMOVE = "tag.remove"
    CHARGE_ADD = "charge.add"
    CHARGE_EDIT = "charge.edit"
    CHARGE_DELETE = "charge.delete"
    CHARGE_RESTORE = "charge.restore"
    ELEMENT_LINK_ADD = "element_link.add"
    ELEMENT_LINK_EDIT = "element_link.edit"
    ELEMENT_LINK_DELETE = "element_link.delete"
    ELEMENT_LINK_RESTORE = "element_link.restore"
    ELEMENT_LINK_REVIEW = "element_link.review"
    BLOBS_PURGE = "blobs.purge"
    SIGNING_KEY_CREATE = "signing_key.create"
    EXPORT_BUNDLE = "export.bundle"
    DOSSIER_EDIT = "dossier.edit"
    DOSSIER_SECTION_WRITE = "dossier.section_write"
    DOSSIER_SECTION_CLEAR = "dossier.section_clear"
    UNDO = "undo"


@dataclass(frozen=True, slots=True)
class CustodyHead:
    """The newest entry as recorded outside the database, so truncation can be detected."""

    seq: int
    hash: str


@dataclass(frozen=True, slots=True)
class ChainProblem:
    seq: int | None
    message: str


@dataclass(frozen=True, slots=True)
class ChainReport:
    entries: int
    last: CustodyHead | None
    anchor: CustodyHead | None
    problems: tuple[ChainProblem, ...] = field(default=())
    notes: tuple[str, ...] = field(default=())
    """Observations that are not failures (e.g. a head that lags after an interrupted write)."""

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def first_broken(self) -> ChainProblem | None:
        return self.problems[0] if self.problems else None


def utc_timestamp(moment: datetime) -> str:
    """The one textual form of a time in the chain: UTC, microseconds, trailing Z."""
    if moment.tzinfo is None:
        raise ValueError("custody times must be timezone-aware")
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _check_json_value(value: Any, where: str) -> None:
    if value is None or isinstance(value, bool | int | str):
        return
    if isinstance(value, list | tuple):
        for item in value:
            _check_json_value(item, where)
        return
    if isinstance(value, dict):
        for key, item in value.items():
            if not isinstance(key, str):
                raise ValidationError(f"custody details key {key!r} in {where} is not a string")
            _check_json_value(item, where)
        return
    raise ValidationError(f"custody details in {where} hold a {type(value).__name__}; use strings for such values")


def canonical_bytes(entry: CustodyEntry) -> bytes:
    """The exact bytes that are hashed for an entry."""
    return json.dumps(
        hashed_fields(entry), sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
    ).encode()


def hashed_fields(entry: CustodyEntry) -> dict[str, Any]:
    """The fields an entry's hash covers, by its format version (see the module docstring)."""
    body: dict[str, Any] = {
        "seq": entry.seq,
        "at": entry.at,
        "actor": entry.actor,
        "action": entry.action,
        "target": entry.target,
        "details": entry.details,
        "prev_hash": entry.prev_hash,
    }
    if entry.version >= 2:
        body.update(v=entry.version, device=entry.device, target_id=entry.target_id)
    return body


def entry_hash(entry: CustodyEntry) -> str:
    return hashlib.sha256(canonical_bytes(entry)).hexdigest()


def next_entry(
    previous: CustodyEntry | None,
    *,
    at: datetime,
    actor: str,
    action: str,
    target: str,
    details: dict[str, Any],
    device: str | None = None,
    target_id: str | None = None,
) -> CustodyEntry:
    """Build the entry that follows ``previous`` (or the first one), with its hash.

    With ``device`` the entry is of format version 2 (every entry caseapp writes from schema
    0003 on); without it, version 1 (kept for tests of old chains)."""
    _check_json_value(details, str(action))
    draft = CustodyEntry(
        seq=1 if previous is None else previous.seq + 1,
        at=utc_timestamp(at),
        actor=actor,
        action=str(action),
        target=target,
        details=dict(details),
        prev_hash=GENESIS_HASH if previous is None else previous.hash,
        version=FORMAT_VERSION if device is not None else 1,
        device=device,
        target_id=target_id,
    )
    return replace(draft, hash=entry_hash(draft))


def verify_chain(entries: Iterable[CustodyEntry], anchor: CustodyHead | None) -> ChainReport:
    """Recompute the chain in order of ``seq`` and compare it with the recorded head.

    Reports every broken place, first one first: an altered entry (its hash no longer matches
    its content), a missing or reordered entry (sequence gap or a ``prev_hash`` that does not
    name the entry before), and truncation (the head recorded outside the database names an
    entry that is no longer there, or a different one).
    """
    problems: list[ChainProblem] = []
    expected_seq = 1
    prev_hash = GENESIS_HASH
    last: CustodyEntry | None = None
    count = 0
    hashes_by_seq: dict[int, str] = {}
    for entry in entries:
        count += 1
        if entry.seq != expected_seq:
            problems.append(ChainProblem(entry.seq, f"entry {expected_seq} is missing (next found is {entry.seq})"))
        if entry.prev_hash != prev_hash:
            problems.append(ChainProblem(entry.seq, f"entry {entry.seq} does not follow the entry before it"))
        if entry_hash(entry) != entry.hash:
            problems.append(ChainProblem(entry.seq, f"entry {entry.seq} was altered after it was written"))
        hashes_by_seq[entry.seq] = entry.hash
        expected_seq = entry.seq + 1
        prev_hash = entry.hash
        last = entry
    last_head = CustodyHead(last.seq, last.hash) if last else None
    if anchor is None:
        problems.append(ChainProblem(None, "the custody head record is missing; truncation cannot be ruled out"))
    elif last_head is None or anchor.seq > last_head.seq:
        have = last_head.seq if last_head else 0
        problems.append(ChainProblem(have + 1, f"entries {have + 1} to {anchor.seq} were deleted"))
    elif hashes_by_seq.get(anchor.seq) != anchor.hash:
        problems.append(ChainProblem(anchor.seq, f"entry {anchor.seq} differs from the recorded custody head"))
    notes: list[str] = []
    if anchor is not None and last_head is not None and anchor.seq < last_head.seq:
        notes.append(
            f"the recorded head names entry {anchor.seq}, {last_head.seq - anchor.seq} behind the newest "
            "(a write was interrupted after its commit); entries after it are checked by their chain only "
            "until the next change moves the head forward"
        )
    problems.sort(key=lambda p: (p.seq is None, p.seq or 0))
    return ChainReport(entries=count, last=last_head, anchor=anchor, problems=tuple(problems), notes=tuple(notes))
