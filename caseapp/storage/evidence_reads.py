"""Reads of file intake's records: derivatives, acquisitions, metadata, and which encrypted file
holds each content (``blob_files``, local to this laptop)."""

from __future__ import annotations

import json
import uuid
from collections.abc import Sequence
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from caseapp.core.entities import Acquisition, DerivativeInfo
from caseapp.core.ports import BlobRecord
from caseapp.storage.orm import AcquisitionRow, BlobFileRow, DerivativeRow, ExhibitRow


class EvidenceReads:
    session: Session

    def blob_for(self, sha256: str, size: int) -> str | None:
        return self.session.scalar(
            select(BlobFileRow.name)
            .where(BlobFileRow.sha256 == sha256, BlobFileRow.size == size, BlobFileRow.state == "stored")
            .order_by(BlobFileRow.created_at)
            .limit(1)
        )

    def derivatives(self, exhibit_id: uuid.UUID) -> list[DerivativeInfo]:
        rows = self.session.scalars(
            select(DerivativeRow)
            .where(DerivativeRow.exhibit_id == exhibit_id)
            .order_by(DerivativeRow.created_at, DerivativeRow.kind)
        )
        return [DerivativeInfo(d.id, d.exhibit_id, d.kind, d.media_type, d.sha256, d.size, d.note) for d in rows]

    def acquisitions(self, exhibit_id: uuid.UUID) -> list[Acquisition]:
        rows = self.session.scalars(
            select(AcquisitionRow).where(AcquisitionRow.exhibit_id == exhibit_id).order_by(AcquisitionRow.seen_at)
        )
        return [
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
            for a in rows
        ]

    def exhibit_metadata(self, exhibit_id: uuid.UUID) -> dict[str, Any]:
        raw = self.session.scalar(select(ExhibitRow.metadata_json).where(ExhibitRow.id == exhibit_id))
        return json.loads(raw) if raw else {}

    def original_blob(self, exhibit_id: uuid.UUID) -> BlobRecord | None:
        row = self.session.get(ExhibitRow, exhibit_id)
        if row is None or row.sha256 is None or row.size is None:
            return None
        name = self.blob_for(row.sha256, row.size)
        return BlobRecord(name or "", row.id, row.ref, "original", row.sha256, row.size)

    def derivative_blob(self, exhibit_id: uuid.UUID, kind: str) -> BlobRecord | None:
        row = self.session.scalars(
            select(DerivativeRow).where(DerivativeRow.exhibit_id == exhibit_id, DerivativeRow.kind == kind)
        ).first()
        if row is None:
            return None
        ref = self.session.scalar(select(ExhibitRow.ref).where(ExhibitRow.id == exhibit_id)) or "?"
        return BlobRecord(self.blob_for(row.sha256, row.size) or "", exhibit_id, ref, kind, row.sha256, row.size)

    def referenced_blobs(self) -> list[BlobRecord]:
        """Every encrypted file the records need: one per original and derivative content (a name
        of "" when this laptop has no file for it)."""
        files: dict[tuple[str, int], str] = {}
        for name, sha256, size in self.session.execute(
            select(BlobFileRow.name, BlobFileRow.sha256, BlobFileRow.size)
            .where(BlobFileRow.state == "stored")
            .order_by(BlobFileRow.created_at.desc())
        ):
            files[(sha256, size)] = name
        records = [
            BlobRecord(files.get((sha256 or "", size or 0), ""), exhibit_id, ref, "original", sha256 or "", size or 0)
            for exhibit_id, ref, sha256, size in self.session.execute(
                select(ExhibitRow.id, ExhibitRow.ref, ExhibitRow.sha256, ExhibitRow.size)
                .where(ExhibitRow.sha256.is_not(None))
                .order_by(ExhibitRow.number)
            )
        ]
        records += [
            BlobRecord(files.get((sha256, size), ""), exhibit_id, ref, kind, sha256, size)
            for exhibit_id, ref, kind, sha256, size in self.session.execute(
                select(
                    DerivativeRow.exhibit_id,
                    ExhibitRow.ref,
                    DerivativeRow.kind,
                    DerivativeRow.sha256,
                    DerivativeRow.size,
                )
                .join(ExhibitRow, ExhibitRow.id == DerivativeRow.exhibit_id)
                .order_by(ExhibitRow.number)
            )
        ]
        return records

    def blob_files(self) -> list[tuple[str, str, int]]:
        """(name, SHA-256, size) of every encrypted file of this laptop's local map."""
        query = select(BlobFileRow.name, BlobFileRow.sha256, BlobFileRow.size).order_by(BlobFileRow.created_at)
        return [(name, sha256, size) for name, sha256, size in self.session.execute(query)]

    def stored_blob_names(self) -> set[str]:
        """Names of every encrypted file the local map knows (whether or not a record needs it)."""
        return set(self.session.scalars(select(BlobFileRow.name)))

    def exhibits_by_sha256(self, hashes: Sequence[str] | None = None) -> dict[str, tuple[uuid.UUID, str]]:
        """SHA-256 -> (id, ref) of the first exhibit holding a file with those bytes."""
        query = select(ExhibitRow.sha256, ExhibitRow.id, ExhibitRow.ref, func.min(ExhibitRow.number)).where(
            ExhibitRow.sha256.is_not(None)
        )
        if hashes is not None:
            query = query.where(ExhibitRow.sha256.in_(list(hashes)))
        return {
            sha: (exhibit_id, ref)
            for sha, exhibit_id, ref, _ in self.session.execute(query.group_by(ExhibitRow.sha256))
            if sha
        }

    def acquired_files(self) -> dict[tuple[str, int, int], tuple[uuid.UUID, str]]:
        """(original path, size, mtime_ns) -> exhibit of every file already taken in (for resuming)."""
        query = select(
            AcquisitionRow.original_path,
            AcquisitionRow.size,
            AcquisitionRow.mtime_ns,
            AcquisitionRow.exhibit_id,
            ExhibitRow.ref,
        ).join(ExhibitRow, ExhibitRow.id == AcquisitionRow.exhibit_id)
        return {
            (path, size, mtime): (exhibit_id, ref) for path, size, mtime, exhibit_id, ref in self.session.execute(query)
        }
