"""Records of file intake: exhibits with their encrypted original, derivatives, acquisitions,
import jobs and the full-text index (FTS5, inside the encrypted database)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, insert, select

from caseapp.core.entities import Acquisition, DerivativeInfo, ExhibitDetail, ExhibitKind, Sensitivity
from caseapp.storage.orm import AcquisitionRow, DerivativeRow, ExhibitRow, ImportJobRow
from caseapp.storage.transactions import SqlReadTx, SqlWriteTx


@dataclass(frozen=True, slots=True)
class NewFile:
    """What intake learnt about a file, ready to be recorded as a new exhibit."""

    title: str
    kind: ExhibitKind
    blob: str
    sha256: str
    size: int
    original_name: str
    relative_path: str
    mime: str
    file_modified: str | None
    file_changed: str | None
    captured: str | None
    latitude: float | None
    longitude: float | None
    metadata: dict[str, Any]
    source_id: int | None
    note: str
    sensitivity: Sensitivity = Sensitivity.NONE


@dataclass(frozen=True, slots=True)
class BlobRecord:
    """A blob the database references, with what it must decrypt to."""

    name: str
    exhibit_id: int
    role: str  # original | thumbnail | text
    sha256: str
    size: int


def add_file_exhibit(tx: SqlWriteTx, new: NewFile, *, actor: str, at: datetime) -> int:
    """Insert the exhibit of a newly imported file; return its id."""
    values = {
        "title": new.title,
        "kind": new.kind.value,
        "description": "",
        "source_id": new.source_id,
        "sensitivity": new.sensitivity.value,
        "acquired_at": at,
        "created_at": at,
        "sha256": new.sha256,
        "size": new.size,
        "original_name": new.original_name,
        "blob": new.blob,
        "mime": new.mime,
        "relative_path": new.relative_path,
        "file_modified": new.file_modified,
        "file_changed": new.file_changed,
        "imported_by": actor,
        "acquisition_note": new.note,
        "captured": new.captured,
        "latitude": new.latitude,
        "longitude": new.longitude,
        "metadata_json": json.dumps(new.metadata, ensure_ascii=False, sort_keys=True),
    }
    return int(tx.session.execute(insert(ExhibitRow).values(values).returning(ExhibitRow.id)).scalar_one())


def add_derivative(
    tx: SqlWriteTx,
    exhibit_id: int,
    *,
    kind: str,
    media_type: str,
    blob: str,
    sha256: str,
    size: int,
    note: str,
    at: datetime,
) -> None:
    tx.session.execute(
        insert(DerivativeRow),
        [
            {
                "exhibit_id": exhibit_id,
                "kind": kind,
                "media_type": media_type,
                "blob": blob,
                "sha256": sha256,
                "size": size,
                "note": note,
                "created_at": at,
            }
        ],
    )


def add_acquisition(
    tx: SqlWriteTx,
    exhibit_id: int,
    *,
    job_id: int | None,
    at: datetime,
    actor: str,
    source_id: int | None,
    original_path: str,
    relative_path: str,
    size: int,
    mtime_ns: int,
    note: str,
) -> None:
    tx.session.execute(
        insert(AcquisitionRow),
        [
            {
                "exhibit_id": exhibit_id,
                "job_id": job_id,
                "seen_at": at,
                "actor": actor,
                "source_id": source_id,
                "original_path": original_path,
                "relative_path": relative_path,
                "size": size,
                "mtime_ns": mtime_ns,
                "note": note,
            }
        ],
    )


def exhibits_by_sha256(tx: SqlReadTx, hashes: list[str] | None = None) -> dict[str, int]:
    """SHA-256 -> exhibit id of exhibits holding a file (all of them, or those of ``hashes``)."""
    query = select(ExhibitRow.sha256, func.min(ExhibitRow.id)).where(ExhibitRow.blob.is_not(None))
    if hashes is not None:
        query = query.where(ExhibitRow.sha256.in_(hashes))
    return {sha: exhibit_id for sha, exhibit_id in tx.session.execute(query.group_by(ExhibitRow.sha256)) if sha}


def acquired_files(tx: SqlReadTx) -> dict[tuple[str, int, int], int]:
    """(original path, size, mtime_ns) -> exhibit id of every file already taken in (for resuming)."""
    query = select(
        AcquisitionRow.original_path, AcquisitionRow.size, AcquisitionRow.mtime_ns, AcquisitionRow.exhibit_id
    )
    return {(path, size, mtime): exhibit_id for path, size, mtime, exhibit_id in tx.session.execute(query)}


def start_job(tx: SqlWriteTx, *, actor: str, at: datetime, paths: list[str]) -> int:
    row = ImportJobRow(started_at=at, actor=actor, status="running", paths_json=json.dumps(paths, ensure_ascii=False))
    tx.session.add(row)
    tx.session.flush()
    return row.id


def finish_job(
    tx: SqlWriteTx, job_id: int, *, at: datetime, status: str, summary: dict[str, int], problems: list[dict[str, str]]
) -> None:
    row = tx.session.get(ImportJobRow, job_id)
    if row is not None:
        row.finished_at = at
        row.status = status
        row.summary_json = json.dumps(summary)
        row.problems_json = json.dumps(problems, ensure_ascii=False)


def referenced_blobs(tx: SqlReadTx) -> list[BlobRecord]:
    records = [
        BlobRecord(name or "", exhibit_id, "original", sha256 or "", size or 0)
        for name, exhibit_id, sha256, size in tx.session.execute(
            select(ExhibitRow.blob, ExhibitRow.id, ExhibitRow.sha256, ExhibitRow.size).where(
                ExhibitRow.blob.is_not(None)
            )
        )
    ]
    records += [
        BlobRecord(name, exhibit_id, kind, sha256, size)
        for name, exhibit_id, kind, sha256, size in tx.session.execute(
            select(
                DerivativeRow.blob,
                DerivativeRow.exhibit_id,
                DerivativeRow.kind,
                DerivativeRow.sha256,
                DerivativeRow.size,
            )
        )
    ]
    return records


def original_blob(tx: SqlReadTx, exhibit_id: int) -> BlobRecord | None:
    row = tx.session.get(ExhibitRow, exhibit_id)
    if row is None or row.blob is None or row.sha256 is None or row.size is None:
        return None
    return BlobRecord(row.blob, row.id, "original", row.sha256, row.size)


def derivative_blob(tx: SqlReadTx, exhibit_id: int, kind: str) -> BlobRecord | None:
    row = tx.session.scalars(
        select(DerivativeRow).where(DerivativeRow.exhibit_id == exhibit_id, DerivativeRow.kind == kind)
    ).first()
    return BlobRecord(row.blob, exhibit_id, kind, row.sha256, row.size) if row else None


def detail(tx: SqlReadTx, exhibit_id: int) -> ExhibitDetail | None:
    exhibit = tx.exhibit(exhibit_id)
    row = tx.session.get(ExhibitRow, exhibit_id)
    if exhibit is None or row is None:
        return None
    derivatives = tuple(
        DerivativeInfo(d.id, d.exhibit_id, d.kind, d.media_type, d.sha256, d.size, d.note)
        for d in tx.session.scalars(
            select(DerivativeRow).where(DerivativeRow.exhibit_id == exhibit_id).order_by(DerivativeRow.id)
        )
    )
    acquisitions = tuple(
        Acquisition(
            a.id,
            a.exhibit_id,
            a.seen_at,
            a.actor,
            a.source_id,
            a.original_path,
            a.relative_path,
            a.size,
            a.note,
            a.job_id,
        )
        for a in tx.session.scalars(
            select(AcquisitionRow).where(AcquisitionRow.exhibit_id == exhibit_id).order_by(AcquisitionRow.id)
        )
    )
    metadata = json.loads(row.metadata_json) if row.metadata_json else {}
    return ExhibitDetail(exhibit, metadata, derivatives, acquisitions)
