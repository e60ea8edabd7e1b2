"""Row -> entity conversion at the storage boundary (ORM rows never leave this package)."""

from __future__ import annotations

import json

from caseapp.core.entities import (
    CaseInfo,
    CustodyEntry,
    Exhibit,
    ExhibitKind,
    Incident,
    InformationCredibility,
    Link,
    LinkStance,
    Note,
    Person,
    PersonRole,
    PlacePrecision,
    ProtectionLevel,
    Sensitivity,
    Source,
    SourceReliability,
    TimePrecision,
    Tombstone,
)
from caseapp.storage.orm import (
    CaseInfoRow,
    CustodyRow,
    ExhibitRow,
    IncidentRow,
    LinkRow,
    NoteRow,
    PersonRow,
    SourceRow,
    TombstoneMixin,
)


def tombstone(row: TombstoneMixin) -> Tombstone | None:
    if row.deleted_at is None:
        return None
    return Tombstone(at=row.deleted_at, by=row.deleted_by or "", reason=row.deleted_reason or "")


def case_info(row: CaseInfoRow) -> CaseInfo:
    return CaseInfo(row.case_id, row.title, row.description, row.created_at, row.created_by)


def person(row: PersonRow) -> Person:
    return Person(
        id=row.id,
        pseudonym=row.pseudonym,
        role=PersonRole(row.role),
        protection=ProtectionLevel(row.protection),
        full_name=row.full_name,
        description=row.description,
        created_at=row.created_at,
        deleted=tombstone(row),
    )


def incident(row: IncidentRow) -> Incident:
    return Incident(
        id=row.id,
        title=row.title,
        description=row.description,
        time_start=row.time_start,
        time_end=row.time_end,
        time_precision=TimePrecision(row.time_precision),
        place_name=row.place_name,
        latitude=row.latitude,
        longitude=row.longitude,
        place_precision=PlacePrecision(row.place_precision),
        created_at=row.created_at,
        deleted=tombstone(row),
    )


def source(row: SourceRow) -> Source:
    return Source(
        id=row.id,
        name=row.name,
        description=row.description,
        reliability=SourceReliability(row.reliability),
        credibility=InformationCredibility(row.credibility),
        created_at=row.created_at,
        deleted=tombstone(row),
    )


def exhibit(row: ExhibitRow, tags: tuple[str, ...] = ()) -> Exhibit:
    return Exhibit(
        id=row.id,
        title=row.title,
        kind=ExhibitKind(row.kind),
        description=row.description,
        source_id=row.source_id,
        sensitivity=Sensitivity(row.sensitivity),
        acquired_at=row.acquired_at,
        created_at=row.created_at,
        sha256=row.sha256,
        size=row.size,
        original_name=row.original_name,
        tags=tags,
        deleted=tombstone(row),
        mime=row.mime,
        relative_path=row.relative_path,
        captured=row.captured,
        latitude=row.latitude,
        longitude=row.longitude,
        imported_by=row.imported_by,
        acquisition_note=row.acquisition_note,
        file_modified=row.file_modified,
        has_file=row.blob is not None,
    )


def note(row: NoteRow, target: str) -> Note:
    return Note(row.id, target, row.text, row.author, row.created_at, tombstone(row))


def link(row: LinkRow, target: str) -> Link:
    return Link(
        id=row.id,
        exhibit_id=row.exhibit_id,
        target=target,
        stance=LinkStance(row.stance),
        reasoning=row.reasoning,
        author=row.author,
        created_at=row.created_at,
        deleted=tombstone(row),
    )


def custody_entry(row: CustodyRow) -> CustodyEntry:
    return CustodyEntry(
        seq=row.seq,
        at=row.at,
        actor=row.actor,
        action=row.action,
        target=row.target,
        details=json.loads(row.details),
        prev_hash=row.prev_hash,
        hash=row.hash,
    )


def custody_values(entry: CustodyEntry) -> dict[str, object]:
    return {
        "seq": entry.seq,
        "at": entry.at,
        "actor": entry.actor,
        "action": entry.action,
        "target": entry.target,
        "details": json.dumps(entry.details, sort_keys=True, ensure_ascii=False),
        "prev_hash": entry.prev_hash,
        "hash": entry.hash,
    }
