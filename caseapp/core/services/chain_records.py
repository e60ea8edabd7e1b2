"""Records against what the custody chain recorded about them (``verify``).

The chain binds values: an imported file's SHA-256 and size, titles and other plain fields as
added or edited, and, by keyed digest, protected values (a person's name, a note's text, a link's
reasoning). Someone who edits a record with SQL, holding the key but not rewriting the chain,
leaves a record that no longer matches the newest value the chain holds for it: this finds it.
"""

from __future__ import annotations

import enum
import hashlib
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from caseapp.core.entities import CustodyEntry
from caseapp.core.ports import ReadTx, Target
from caseapp.core.refs import RefKind
from caseapp.core.services.analysis_fields import stored_form

_KINDS = {k.value: k for k in RefKind if k is not RefKind.CASE}
# Plain fields recorded by an add entry's details, per kind: detail key -> record field.
_ADDED = {
    RefKind.INCIDENT: {"title": "title", "country": "country"},
    RefKind.EXHIBIT: {"title": "title", "kind": "kind"},
    RefKind.SOURCE: {"grading": "grading"},
    RefKind.CHARGE: {"crime": "crime_id", "status": "status"},
    RefKind.ELEMENT_LINK: {"element": "element_id", "stance": "stance", "weight": "weight", "basis": "basis"},
}
# Keyed digests recorded by add entries: detail key -> record field.
_ADDED_DIGESTS = {
    RefKind.PERSON: {"name_digest": "full_name"},
    RefKind.NOTE: {"text_digest": "text"},
    RefKind.LINK: {"reasoning_digest": "reasoning"},
    RefKind.CHARGE: {"analysis_digest": "analysis"},
    RefKind.ELEMENT_LINK: {"reasoning_digest": "reasoning", "excerpt_digest": "excerpt"},
}


@dataclass(frozen=True, slots=True)
class RecordMismatch:
    ref: str
    seq: int  # the entry that holds the value the record no longer has
    message: str


def _plain(value: Any) -> Any:
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, float):
        return repr(value)
    return stored_form(value)


def expected_values(entries: Iterable[CustodyEntry]) -> dict[tuple[RefKind, str], dict[str, tuple[str, Any, int]]]:
    """For each record (kind, UUID or ref), the newest value the chain holds for each field:
    field -> (form, value, seq) where form is "plain", "digest" or "sha256"."""
    expected: dict[tuple[RefKind, str], dict[str, tuple[str, Any, int]]] = {}
    for entry in entries:
        kind_name, _, verb = entry.action.partition(".")
        if entry.action == "undo":
            kind_name, _, verb = str(entry.details.get("inverse", "")).partition(".")
        kind = _KINDS.get(kind_name)
        if kind is None:
            continue
        key = (kind, entry.target_id or _v1_target(kind, entry))
        fields = expected.setdefault(key, {})
        details = entry.details
        if verb in ("add", "import"):
            fields.update(_added_values(kind, verb, details, entry.seq))
        elif verb in ("edit", "review"):
            for field, change in dict(details.get("changes", {})).items():
                if "new_digest" in change:
                    fields[field] = ("digest", change["new_digest"], entry.seq)
                elif "new" in change:
                    fields[field] = ("plain", change["new"], entry.seq)
    return expected


def _v1_target(kind: RefKind, entry: CustodyEntry) -> str:
    """The record a version 1 entry is about: before schema 0003 a note's and a link's entries
    targeted the record they were on (``W-001``, ``EX-3``) and named the note or link by its number,
    which the migration kept as ``NOTE-n`` / ``LNK-n``."""
    if entry.version == 1 and kind in (RefKind.NOTE, RefKind.LINK):
        number = entry.details.get("note" if kind is RefKind.NOTE else "link")
        if isinstance(number, int):
            return f"{'NOTE' if kind is RefKind.NOTE else 'LNK'}-{number}"
    return entry.target


def _added_values(kind: RefKind, verb: str, details: dict[str, Any], seq: int) -> dict[str, tuple[str, Any, int]]:
    fields: dict[str, tuple[str, Any, int]] = {}
    for detail, field in _ADDED.get(kind, {}).items():
        if detail in details:
            fields[field] = ("plain", details[detail], seq)
    for detail, field in _ADDED_DIGESTS.get(kind, {}).items():
        if detail in details:
            fields[field] = ("digest", details[detail], seq)
    if kind is RefKind.NOTE and "text_sha256" in details:  # entries written before keyed digests
        fields["text"] = ("sha256", details["text_sha256"], seq)
    if kind is RefKind.LINK and "reasoning_sha256" in details:
        fields["reasoning"] = ("sha256", details["reasoning_sha256"], seq)
    if verb == "import":
        fields["sha256"] = ("plain", details.get("sha256"), seq)
        fields["size"] = ("plain", details.get("size"), seq)
    return fields


def record_mismatches(
    tx: ReadTx, entries: Iterable[CustodyEntry], digest: Callable[[str], str]
) -> list[RecordMismatch]:
    """Every record whose fields differ from the newest values the chain recorded for them."""
    problems: list[RecordMismatch] = []
    for (kind, key), fields in expected_values(entries).items():
        target: Target | None
        try:
            target = tx.find(kind, uuid.UUID(key)) if len(key) == 36 else tx.find(kind, key)
        except ValueError:
            target = None
        if target is None or target.id is None:
            seq = min(seq for _, _, seq in fields.values()) if fields else 0
            problems.append(RecordMismatch(key, seq, f"{key}: the custody log records it, but the record is gone"))
            continue
        current = tx.get(kind, target.id)
        for field, (form, value, seq) in fields.items():
            have = getattr(current, field, None)
            if form == "digest":
                ok = digest(str(stored_form(have) or "")) == value
            elif form == "sha256":
                ok = hashlib.sha256(str(have or "").encode("utf-8", "surrogateescape")).hexdigest() == value
            else:
                ok = _plain(have) == value
            if not ok:
                problems.append(
                    RecordMismatch(
                        target.ref,
                        seq,
                        f"{target.ref}: its {field.replace('_', ' ')} differs from what custody entry {seq} recorded "
                        "(changed outside caseapp)",
                    )
                )
    return sorted(problems, key=lambda p: (p.seq, p.ref))
