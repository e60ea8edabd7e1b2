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
    RiskLevel,
    Sensitivity,
    Source,
    SourceReliability,
    TimePrecision,
    Tombstone,
)
from caseapp.core.errors import ValidationError
from caseapp.core.timeinput import in_zone, zone
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
    return CaseInfo(row.case_id, row.title, row.description, row.created_at, row.created_by, row.time_zone)


def person(row: PersonRow, tags: tuple[str, ...] = ()) -> Person:
    return Person(
        id=row.id,
        ref=row.ref,
        role=PersonRole(row.role),
        protection=ProtectionLevel(row.protection),
        full_name=row.full_name,
        description=row.description,
        created_at=row.created_at,
        deleted=tombstone(row),
        tags=tags,
        risk=RiskLevel(row.risk),
    )


def _zone_or_utc(name: str) -> str:
    try:
        zone(name)
    except ValidationError:  # a zone this system's tz database lacks: show UTC rather than fail
        return "UTC"
    return name


def incident(row: IncidentRow, tags: tuple[str, ...] = ()) -> Incident:
    shown = _zone_or_utc(row.time_zone)
    return Incident(
        id=row.id,
        ref=row.ref,
        title=row.title,
        description=row.description,
        time_start=in_zone(row.time_start, shown),
        time_end=in_zone(row.time_end, shown),
        time_precision=TimePrecision(row.time_precision),
        place_name=row.place_name,
        latitude=row.latitude,
        longitude=row.longitude,
        place_precision=PlacePrecision(row.place_precision),
        created_at=row.created_at,
        deleted=tombstone(row),
        tags=tags,
        time_zone=shown,  # the zone the times are shown in (UTC where this system lacks the stored one)
        country=row.country,
    )


def source(row: SourceRow, tags: tuple[str, ...] = ()) -> Source:
    return Source(
        id=row.id,
        ref=row.ref,
        name=row.name,
        description=row.description,
        reliability=SourceReliability(row.reliability),
        credibility=InformationCredibility(row.credibility),
        created_at=row.created_at,
        deleted=tombstone(row),
        tags=tags,
    )


def exhibit(row: ExhibitRow, tags: tuple[str, ...] = (), source_ref: str | None = None, links: int = 0) -> Exhibit:
    warnings = tuple(str(w) for w in json.loads(row.problems_json or "[]"))
    return Exhibit(
        id=row.id,
        ref=row.ref,
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
        source_ref=source_ref,
        warnings=warnings,
        link_count=links,
    )


def note(row: NoteRow, target_kind: str, target_ref: str) -> Note:
    target_id = row.exhibit_id or row.person_id or row.incident_id or row.source_id
    return Note(
        id=row.id,
        ref=row.ref,
        target_kind=target_kind,
        target_id=target_id,
        target_ref=target_ref,
        text=row.text,
        author=row.author,
        created_at=row.created_at,
        deleted=tombstone(row),
    )


def link(row: LinkRow, exhibit_ref: str, target_kind: str, target_ref: str) -> Link:
    target_id = row.person_id or row.incident_id
    assert target_id is not None
    return Link(
        id=row.id,
        ref=row.ref,
        exhibit_id=row.exhibit_id,
        exhibit_ref=exhibit_ref,
        target_kind=target_kind,
        target_id=target_id,
        target_ref=target_ref,
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
        version=row.version,
        device=row.device,
        target_id=row.target_id,
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
        "version": entry.version,
        "device": entry.device,
        "target_id": entry.target_id,
    }
