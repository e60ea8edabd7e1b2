"""Write transactions over one case database (implements core.ports.WriteTx).

Nothing here issues a DELETE on a record table: deletions are tombstones (tests walk every table
to keep it so). The only rows ever removed are local bookkeeping (none today).
"""

from __future__ import annotations

import enum
import json
import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import insert, select, text, update

from caseapp.core import searchtext
from caseapp.core.analysis import Charge, ElementLink
from caseapp.core.entities import (
    Acquisition,
    CaseInfo,
    CustodyEntry,
    DerivativeInfo,
    Exhibit,
    Incident,
    Link,
    Note,
    Person,
    Source,
    Tombstone,
)
from caseapp.core.errors import ValidationError
from caseapp.core.ports import NewFile, Revision, Target
from caseapp.core.refs import RefKind, format_ref
from caseapp.core.search_index import INDEXED_KINDS
from caseapp.storage import convert
from caseapp.storage.analysis_rows import AnalysisWrites
from caseapp.storage.dossier_rows import DossierWrites
from caseapp.storage.orm import (
    AcquisitionRow,
    BlobFileRow,
    CaseInfoRow,
    CaseSecretRow,
    CustodyRow,
    DerivativeRow,
    ExhibitRow,
    ImportJobRow,
    IncidentRow,
    LinkRow,
    NoteRow,
    PersonRow,
    RefCounterRow,
    RevisionRow,
    SourceRow,
    TaggingRow,
    TagRow,
)
from caseapp.storage.person_rows import PersonWrites
from caseapp.storage.reads import DEVICE_ID, MODEL, TARGET_COLUMN, SqlReadTx, target_filter
from caseapp.storage.record_index import reindex

PROTECTED_SECRETS = frozenset({DEVICE_ID, "age_identity"})
"""Case secrets no operation may replace (a new blob identity would make every stored file unreadable)."""

# Entity field -> column, where they differ.
_COLUMN = {"full_name": "full_name"}


def _value(value: Any) -> Any:
    return value.value if isinstance(value, enum.Enum) else value


class SqlWriteTx(SqlReadTx, AnalysisWrites, DossierWrites, PersonWrites):
    def __init__(self, session: Any) -> None:
        super().__init__(session)
        self.appended: CustodyEntry | None = None
        self.committed = False
        """Set once the transaction is durable: callers must not undo their side effects after that."""

    def set_secret(self, name: str, value: str) -> None:
        if name in PROTECTED_SECRETS:
            raise ValidationError(f"the case secret {name!r} is set only when the case is created")
        row = self.session.get(CaseSecretRow, name)
        if row is None:
            self.session.add(CaseSecretRow(name=name, value=value))
        else:
            row.value = value

    def set_case_info(self, info: CaseInfo) -> None:
        self.session.merge(
            CaseInfoRow(
                id=1,
                case_id=info.case_id,
                title=info.title,
                description=info.description,
                created_at=info.created_at,
                created_by=info.created_by,
                time_zone=info.time_zone,
            )
        )
        self.session.flush()

    def next_ref(self, prefix: str) -> str:
        row = self.session.get(RefCounterRow, prefix)
        if row is None:
            row = RefCounterRow(prefix=prefix, last=0)
            self.session.add(row)
        row.last += 1
        self.session.flush()
        return format_ref(prefix, row.last)

    # -- records ---------------------------------------------------------------------------
    def add_person(self, person: Person) -> None:
        self.session.add(
            PersonRow(
                id=person.id,
                ref=person.ref,
                role=person.role.value,
                protection=person.protection.value,
                full_name=person.full_name or "",
                description=person.description,
                created_at=person.created_at,
                risk=person.risk.value,
            )
        )
        self.session.flush()
        reindex(self.session, RefKind.PERSON, person)

    def add_incident(self, incident: Incident) -> None:
        self.session.add(
            IncidentRow(
                id=incident.id,
                ref=incident.ref,
                title=incident.title,
                description=incident.description,
                time_start=incident.time_start,
                time_end=incident.time_end,
                time_precision=incident.time_precision.value,
                time_zone=incident.time_zone,
                place_name=incident.place_name,
                latitude=incident.latitude,
                longitude=incident.longitude,
                place_precision=incident.place_precision.value,
                created_at=incident.created_at,
                country=incident.country,
            )
        )
        self.session.flush()
        reindex(self.session, RefKind.INCIDENT, incident)

    def add_source(self, source: Source) -> None:
        self.session.add(
            SourceRow(
                id=source.id,
                ref=source.ref,
                name=source.name,
                description=source.description,
                reliability=source.reliability.value,
                credibility=source.credibility.value,
                created_at=source.created_at,
            )
        )
        self.session.flush()
        reindex(self.session, RefKind.SOURCE, source)

    def add_exhibit(self, exhibit: Exhibit) -> None:
        self.session.add(
            ExhibitRow(
                id=exhibit.id,
                ref=exhibit.ref,
                number=_number(exhibit.ref),
                title=exhibit.title,
                kind=exhibit.kind.value,
                description=exhibit.description,
                source_id=exhibit.source_id,
                sensitivity=exhibit.sensitivity.value,
                acquired_at=exhibit.acquired_at,
                created_at=exhibit.created_at,
                problems_json="[]",
            )
        )
        self.session.flush()

    def add_note(self, note: Note) -> None:
        columns = {} if note.target_id is None else {TARGET_COLUMN[RefKind(note.target_kind)]: note.target_id}
        self.session.add(
            NoteRow(id=note.id, ref=note.ref, text=note.text, author=note.author, created_at=note.created_at, **columns)
        )
        self.session.flush()
        reindex(self.session, RefKind.NOTE, note)

    def add_link(self, link: Link) -> None:
        self.session.add(
            LinkRow(
                id=link.id,
                ref=link.ref,
                exhibit_id=link.exhibit_id,
                stance=link.stance.value,
                reasoning=link.reasoning,
                author=link.author,
                created_at=link.created_at,
                **{TARGET_COLUMN[RefKind(link.target_kind)]: link.target_id},
            )
        )
        self.session.flush()
        reindex(self.session, RefKind.LINK, link)

    def update(self, kind: RefKind, record_id: uuid.UUID, values: dict[str, Any]) -> None:
        model = MODEL[kind]
        values = self.update_analysis(kind, record_id, values)
        columns = {_COLUMN.get(field, field): _value(value) for field, value in values.items()}
        for column in columns:
            if column in ("id", "ref", "created_at") or column.startswith("deleted_") or not hasattr(model, column):
                raise ValidationError(f"{kind.value} has no field {column} that can be changed")
        if columns:
            self.session.execute(update(model).where(model.id == record_id).values(columns))
        self.session.expire_all()
        if kind in INDEXED_KINDS:
            reindex(self.session, kind, self.get(kind, record_id))

    def add_charge(self, charge: Charge) -> None:
        super().add_charge(charge)
        reindex(self.session, RefKind.CHARGE, charge)

    def add_element_link(self, link: ElementLink) -> None:
        super().add_element_link(link)
        reindex(self.session, RefKind.ELEMENT_LINK, link)

    def set_tombstone(self, kind: RefKind, record_id: uuid.UUID, tombstone: Tombstone | None) -> None:
        model = MODEL[kind]
        values = (
            {"deleted_at": None, "deleted_by": None, "deleted_reason": None}
            if tombstone is None
            else {"deleted_at": tombstone.at, "deleted_by": tombstone.by, "deleted_reason": tombstone.reason}
        )
        self.session.execute(update(model).where(model.id == record_id).values(values))
        self.session.expire_all()

    def add_revision(self, revision: Revision) -> None:
        self.session.add(
            RevisionRow(
                custody_seq=revision.custody_seq,
                record_kind=revision.kind.value,
                record_id=revision.record_id,
                old_json=json.dumps(revision.old, ensure_ascii=False, sort_keys=True),
                new_json=json.dumps(revision.new, ensure_ascii=False, sort_keys=True),
                reason=revision.reason,
            )
        )
        self.session.flush()

    # -- tags ------------------------------------------------------------------------------
    def add_tag(self, target: Target, name: str, *, at: datetime, by: str) -> bool:
        tag = self.session.scalars(select(TagRow).where(TagRow.name == name)).first()
        if tag is None:
            tag = TagRow(name=name)
            self.session.add(tag)
            self.session.flush()
        tagging = self.session.scalars(
            select(TaggingRow).where(TaggingRow.tag_id == tag.id, target_filter(TaggingRow, target))
        ).first()
        if tagging is not None:
            if tagging.deleted_at is None:
                return False
            tagging.deleted_at = tagging.deleted_by = tagging.deleted_reason = None
            self.session.flush()
            return True
        self.session.add(
            TaggingRow(tag_id=tag.id, created_at=at, created_by=by, **{TARGET_COLUMN[target.kind]: target.id})
        )
        self.session.flush()
        return True

    def remove_tag(self, target: Target, name: str, *, at: datetime, by: str, reason: str) -> bool:
        tagging = self.session.scalars(
            select(TaggingRow)
            .join(TagRow)
            .where(TagRow.name == name, target_filter(TaggingRow, target), TaggingRow.deleted_at.is_(None))
        ).first()
        if tagging is None:
            return False
        tagging.deleted_at, tagging.deleted_by, tagging.deleted_reason = at, by, reason
        self.session.flush()
        return True

    # -- custody ---------------------------------------------------------------------------
    def last_custody_entry(self) -> CustodyEntry | None:
        # Inside a write transaction (which holds the write lock) the newest entry is the one
        # this transaction appended last, if any: no need to ask the database again.
        return self.appended if self.appended is not None else super().last_custody_entry()

    def append_custody(self, entry: CustodyEntry) -> None:
        self.session.execute(insert(CustodyRow), [convert.custody_values(entry)])
        self.appended = entry

    # -- evidence files --------------------------------------------------------------------
    def add_file_exhibit(self, new: NewFile, *, exhibit_id: uuid.UUID, ref: str, actor: str, at: datetime) -> None:
        values = {
            "id": exhibit_id,
            "ref": ref,
            "number": _number(ref),
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
            "problems_json": json.dumps(list(new.warnings), ensure_ascii=False),
        }
        self.session.execute(insert(ExhibitRow).values(values))

    def add_derivative(self, derivative: DerivativeInfo, *, at: datetime) -> None:
        self.session.execute(
            insert(DerivativeRow),
            [
                {
                    "id": derivative.id,
                    "exhibit_id": derivative.exhibit_id,
                    "kind": derivative.kind,
                    "media_type": derivative.media_type,
                    "sha256": derivative.sha256,
                    "size": derivative.size,
                    "note": derivative.note,
                    "created_at": at,
                }
            ],
        )

    def add_acquisition(self, acquisition: Acquisition, *, mtime_ns: int) -> None:
        self.session.execute(
            insert(AcquisitionRow),
            [
                {
                    "id": acquisition.id,
                    "exhibit_id": acquisition.exhibit_id,
                    "job_id": acquisition.job_id,
                    "seen_at": acquisition.seen_at,
                    "actor": acquisition.actor,
                    "source_id": acquisition.source_id,
                    "original_path": acquisition.original_path,
                    "relative_path": acquisition.relative_path,
                    "size": acquisition.size,
                    "mtime_ns": mtime_ns,
                    "note": acquisition.note,
                }
            ],
        )

    def add_blob_file(self, name: str, *, sha256: str, size: int, at: datetime) -> None:
        self.session.execute(
            insert(BlobFileRow), [{"name": name, "sha256": sha256, "size": size, "state": "stored", "created_at": at}]
        )

    def start_job(self, *, actor: str, at: datetime, paths: list[str]) -> uuid.UUID:
        job_id = uuid.uuid4()
        self.session.add(
            ImportJobRow(
                id=job_id,
                started_at=at,
                actor=actor,
                status="running",
                paths_json=json.dumps(paths, ensure_ascii=False),
            )
        )
        self.session.flush()
        return job_id

    def finish_job(
        self, job_id: uuid.UUID, *, at: datetime, status: str, summary: dict[str, int], problems: list[dict[str, str]]
    ) -> None:
        row = self.session.get(ImportJobRow, job_id)
        if row is not None:
            row.finished_at = at
            row.status = status
            row.summary_json = json.dumps(summary)
            row.problems_json = json.dumps(problems, ensure_ascii=False)

    def index_text(self, exhibit_id: uuid.UUID, title: str, body: str | None) -> None:
        """Index an exhibit for full-text search, in its search form (``caseapp.core.searchtext``);
        the text as written stays in the exhibit (or its encrypted text derivative)."""
        # The row of exhibit EX-n is row n (migration 0008): found by its rowid, never by a scan.
        number = self.session.scalar(select(ExhibitRow.number).where(ExhibitRow.id == exhibit_id))
        if body is None:
            found = self.session.execute(text("SELECT body FROM exhibit_text WHERE rowid = :n"), {"n": number})
            body = found.scalar() or ""
        else:
            body = searchtext.index_form(body)
        # The FTS table is an index, not a record: replacing its row loses nothing.
        self.session.execute(text("DELETE FROM exhibit_text WHERE rowid = :n"), {"n": number})
        self.session.execute(
            text("INSERT INTO exhibit_text (rowid, exhibit_id, title, body) VALUES (:n, :id, :title, :body)"),
            {"n": number, "id": exhibit_id.hex, "title": searchtext.index_form(title), "body": body},
        )


def _number(ref: str) -> int:
    from caseapp.core.refs import ref_number

    return ref_number(ref)
