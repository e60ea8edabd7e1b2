"""The generated files of an evidence bundle: sidecars, receipts and the custody log, as bytes.

Everything here is built from the case's export view (protected names replaced by pseudonyms);
a public bundle's sidecars carry its public fields only (no coordinates, original file names,
acquisition notes, metadata as found, warnings from intake).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from caseapp.core.custody import hashed_fields
from caseapp.core.entities import CustodyEntry
from caseapp.core.export_view import ExhibitView


def json_bytes(value: Any) -> bytes:
    """Pretty, stable JSON in UTF-8 (Arabic as itself, not escaped)."""
    return (json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True, default=_jsonable) + "\n").encode()


def _jsonable(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    return str(value)


@dataclass(frozen=True, slots=True)
class Sent:
    """What was sent for an exhibit: its path in the bag and the SHA-256 and size of that file."""

    path: str
    sha256: str
    size: int
    kind: str  # "original" or the derivative's kind ("redacted")


def sidecar(
    exhibit: ExhibitView, *, public: bool, sent: Sent | None, withheld: str | None, metadata: dict[str, Any]
) -> dict[str, Any]:
    """The metadata of one exhibit, as the bundle's sidecar."""
    title = exhibit.title
    if public and exhibit.original_name and title == exhibit.original_name:
        title = f"{exhibit.ref} ({exhibit.kind})"  # an imported file's title is its name as found until edited
    doc: dict[str, Any] = {
        "exhibit": exhibit.ref,
        "title": title,
        "kind": exhibit.kind,
        "description": exhibit.description,
        "source": exhibit.source_ref,
        "grading": exhibit.grading,
        "sensitivity": exhibit.sensitivity,
        "original_sha256": exhibit.sha256,
        "original_size": exhibit.size,
        "mime": exhibit.mime,
        "captured": exhibit.captured,
        "acquired_at": exhibit.acquired_at,
        "tags": list(exhibit.tags),
        "sent": _sent(sent),
        "withheld": withheld,
    }
    if not public:
        doc.update(
            original_name=exhibit.original_name,
            latitude=exhibit.latitude,
            longitude=exhibit.longitude,
            acquisition_note=exhibit.acquisition_note,
            warnings=list(exhibit.warnings),
            metadata_as_found=metadata,
        )
    return doc


def _sent(sent: Sent | None) -> dict[str, Any] | None:
    if sent is None:
        return None
    return {"path": sent.path, "sha256": sent.sha256, "size": sent.size, "kind": sent.kind}


def receipt(exhibit: ExhibitView, *, sent: Sent | None, withheld: str | None) -> dict[str, Any]:
    """What left the case for one exhibit: the original's SHA-256, and what was sent in its place."""
    return {
        "exhibit": exhibit.ref,
        "original": {"sha256": exhibit.sha256, "size": exhibit.size},
        "sent": _sent(sent),
        "derivative_sent": sent is not None and sent.kind != "original",
        "withheld": withheld,
    }


def custody_json(entries: Iterable[tuple[CustodyEntry, bool]]) -> bytes:
    """The log as a JSON list: each entry's hashed fields plus ``hash`` (the ``caseapp log --json``
    form, which ``jq -cjS 'del(.hash)' | sha256sum`` re-checks), and ``"redacted": true`` on an
    entry whose text had a protected name replaced here."""
    items = []
    for entry, redacted in entries:
        item: dict[str, Any] = {**hashed_fields(entry), "hash": entry.hash}
        if redacted:
            item["redacted"] = True
        items.append(item)
    return (json.dumps(items, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode()


def custody_text(entries: Iterable[tuple[CustodyEntry, bool]], title: str) -> bytes:
    """The log as a readable annex: one block per entry."""
    lines = [f"Chain of custody: {title}", "=" * 40, ""]
    for entry, redacted in entries:
        details = json.dumps(entry.details, ensure_ascii=False, sort_keys=True)
        lines.append(f"#{entry.seq}  {entry.at}  {entry.action}  {entry.target}  by {entry.actor}")
        lines.append(f"    details: {details}")
        lines.append(f"    hash {entry.hash}  (follows {entry.prev_hash[:16]}...)")
        if redacted:
            lines.append("    a protected name was replaced by a pseudonym in this copy")
        lines.append("")
    return "\n".join(lines).encode()
