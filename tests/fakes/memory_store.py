"""An in-memory case store implementing :class:`caseapp.core.ports.CaseStore`, for running the use
cases of ``caseapp.core.services`` without SQLCipher.

It follows the SQL store's behaviour at the port (listings, filters, sort orders, pages, deleted
records, tags with tombstones, refs from counters, custody, revisions, the evidence reads and a
word-prefix full-text search). Transactions commit all or nothing: a write works on a copy of the
state and swaps it in at the end, one writer at a time (a ``threading.Lock``); a read sees the
state committed when it began. The custody head is kept beside the state, as the real store
keeps it beside the database.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

from caseapp.core import searchtext
from caseapp.core.custody import CustodyAction, CustodyHead
from caseapp.core.dossier.inputs import SectionText
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
from caseapp.core.errors import CaseDamagedError, ValidationError
from caseapp.core.ports import NewFile, Revision, Target
from caseapp.core.refs import RefKind, format_ref, ref_number
from caseapp.core.services.base import record
from tests.fakes.memory_persons import MemoryPersonReads, MemoryPersonWrites
from tests.fakes.memory_reads import MemoryReads
from tests.fakes.memory_rows import COLUMNS, TARGET_COLUMN, Row, State, as_json, new_row, round_trip, stored


class MemoryReadTx(MemoryReads, MemoryPersonReads):
    """Reads over one state (the committed one, or a write transaction's working copy)."""

    def __init__(self, state: State) -> None:
        super().__init__(state)

    def case_info(self) -> CaseInfo:
        if self.state.case_info is None:
            raise CaseDamagedError("the case has no case record")
        return self.state.case_info

    def device_id(self) -> str:
        return self.state.device

    def secret(self, name: str) -> str | None:
        return self.state.secrets.get(name)


class MemoryWriteTx(MemoryReadTx, MemoryPersonWrites):
    def __init__(self, state: State) -> None:
        super().__init__(state)
        self.appended: CustodyEntry | None = None
        self.committed = False

    def set_secret(self, name: str, value: str) -> None:
        self.state.secrets[name] = value

    def set_case_info(self, info: CaseInfo) -> None:
        self.state.case_info = CaseInfo(
            info.case_id, info.title, info.description, stored(info.created_at), info.created_by, info.time_zone
        )

    def next_ref(self, prefix: str) -> str:
        number = self.state.counters.get(prefix, 0) + 1
        self.state.counters[prefix] = number
        return format_ref(prefix, number)

    # -- records ---------------------------------------------------------------------------
    def _insert(self, kind: RefKind, row: Row) -> None:
        table = self.state.rows[kind]
        if row["id"] in table or any(other["ref"] == row["ref"] for other in table.values()):
            raise ValueError(f"{kind.value} {row['ref']} ({row['id']}) is already in the case")
        table[row["id"]] = row

    def _check_exists(self, kind: RefKind, record_id: uuid.UUID | None) -> None:
        """The foreign keys the SQL store enforces."""
        if record_id is not None and record_id not in self.state.rows[kind]:
            raise ValueError(f"no {kind.value} {record_id} to refer to")

    def add_person(self, person: Person) -> None:
        self._insert(
            RefKind.PERSON,
            new_row(
                RefKind.PERSON,
                id=person.id,
                ref=person.ref,
                role=person.role,
                protection=person.protection,
                full_name=person.full_name or "",
                description=person.description,
                created_at=person.created_at,
                risk=person.risk,
            ),
        )

    def add_incident(self, incident: Incident) -> None:
        self._insert(
            RefKind.INCIDENT,
            new_row(
                RefKind.INCIDENT,
                id=incident.id,
                ref=incident.ref,
                title=incident.title,
                description=incident.description,
                time_start=incident.time_start,
                time_end=incident.time_end,
                time_precision=incident.time_precision,
                time_zone=incident.time_zone,
                place_name=incident.place_name,
                latitude=incident.latitude,
                longitude=incident.longitude,
                place_precision=incident.place_precision,
                created_at=incident.created_at,
            ),
        )

    def add_source(self, source: Source) -> None:
        self._insert(
            RefKind.SOURCE,
            new_row(
                RefKind.SOURCE,
                id=source.id,
                ref=source.ref,
                name=source.name,
                description=source.description,
                reliability=source.reliability,
                credibility=source.credibility,
                created_at=source.created_at,
            ),
        )

    def add_exhibit(self, exhibit: Exhibit) -> None:
        self._check_exists(RefKind.SOURCE, exhibit.source_id)
        self._insert(
            RefKind.EXHIBIT,
            new_row(
                RefKind.EXHIBIT,
                id=exhibit.id,
                ref=exhibit.ref,
                number=ref_number(exhibit.ref),
                title=exhibit.title,
                kind=exhibit.kind,
                description=exhibit.description,
                source_id=exhibit.source_id,
                sensitivity=exhibit.sensitivity,
                acquired_at=exhibit.acquired_at,
                created_at=exhibit.created_at,
                problems_json="[]",
            ),
        )

    def add_note(self, note: Note) -> None:
        columns: dict[str, Any] = {}
        if note.target_id is not None:
            kind = RefKind(note.target_kind)
            self._check_exists(kind, note.target_id)
            columns[TARGET_COLUMN[kind]] = note.target_id
        self._insert(
            RefKind.NOTE,
            new_row(
                RefKind.NOTE,
                id=note.id,
                ref=note.ref,
                text=note.text,
                author=note.author,
                created_at=note.created_at,
                **columns,
            ),
        )

    def add_link(self, link: Link) -> None:
        kind = RefKind(link.target_kind)
        if kind not in (RefKind.PERSON, RefKind.INCIDENT):
            raise ValueError(f"a link cannot point at {kind.value}")
        self._check_exists(RefKind.EXHIBIT, link.exhibit_id)
        self._check_exists(kind, link.target_id)
        self._insert(
            RefKind.LINK,
            new_row(
                RefKind.LINK,
                id=link.id,
                ref=link.ref,
                exhibit_id=link.exhibit_id,
                stance=link.stance,
                reasoning=link.reasoning,
                author=link.author,
                created_at=link.created_at,
                **{TARGET_COLUMN[kind]: link.target_id},
            ),
        )

    def update(self, kind: RefKind, record_id: uuid.UUID, values: dict[str, Any]) -> None:
        for column in values:
            if column in ("id", "ref", "created_at") or column.startswith("deleted_") or column not in COLUMNS[kind]:
                raise ValidationError(f"{kind.value} has no field {column} that can be changed")
        row = self.state.rows[kind].get(record_id)
        if row is None:
            return  # an UPDATE that matches no row changes nothing
        if "source_id" in values:
            self._check_exists(RefKind.SOURCE, values["source_id"])
        row.update({column: stored(value) for column, value in values.items()})

    def set_tombstone(self, kind: RefKind, record_id: uuid.UUID, tombstone: Tombstone | None) -> None:
        row = self.state.rows[kind].get(record_id)
        if row is None:
            return
        if tombstone is None:
            row.update(deleted_at=None, deleted_by=None, deleted_reason=None)
        else:
            row.update(deleted_at=stored(tombstone.at), deleted_by=tombstone.by, deleted_reason=tombstone.reason)

    def add_revision(self, revision: Revision) -> None:
        self.state.revisions.append(
            Revision(
                revision.custody_seq,
                revision.kind,
                revision.record_id,
                round_trip(revision.old),
                round_trip(revision.new),
                revision.reason,
            )
        )

    # -- tags ------------------------------------------------------------------------------
    def add_tag(self, target: Target, name: str, *, at: datetime, by: str) -> bool:
        self._check_exists(target.kind, target.id)
        self.state.tags.setdefault(name, uuid.uuid4())
        tagging = self._tagging(target, name)
        if tagging is not None:
            if tagging["deleted_at"] is None:
                return False
            tagging.update(deleted_at=None, deleted_by=None, deleted_reason=None)
            return True
        self.state.taggings.append(
            {
                "tag": name,
                "kind": target.kind,
                "target_id": target.id,
                "created_at": stored(at),
                "created_by": by,
                "deleted_at": None,
                "deleted_by": None,
                "deleted_reason": None,
            }
        )
        return True

    def remove_tag(self, target: Target, name: str, *, at: datetime, by: str, reason: str) -> bool:
        tagging = self._tagging(target, name)
        if tagging is None or tagging["deleted_at"] is not None:
            return False
        tagging.update(deleted_at=stored(at), deleted_by=by, deleted_reason=reason)
        return True

    def _tagging(self, target: Target, name: str) -> Row | None:
        for tagging in self.state.taggings:
            if tagging["tag"] == name and tagging["kind"] is target.kind and tagging["target_id"] == target.id:
                return tagging
        return None

    # -- custody ---------------------------------------------------------------------------
    def append_custody(self, entry: CustodyEntry) -> None:
        if self.custody_entry(entry.seq) is not None:
            raise ValueError(f"custody entry {entry.seq} is already in the case")
        kept = CustodyEntry(
            seq=entry.seq,
            at=entry.at,
            actor=entry.actor,
            action=entry.action,
            target=entry.target,
            details=round_trip(entry.details),
            prev_hash=entry.prev_hash,
            hash=entry.hash,
            version=entry.version,
            device=entry.device,
            target_id=entry.target_id,
        )
        self.state.custody.append(kept)
        self.state.custody.sort(key=lambda e: e.seq)
        self.appended = kept

    # -- evidence files --------------------------------------------------------------------
    def add_file_exhibit(self, new: NewFile, *, exhibit_id: uuid.UUID, ref: str, actor: str, at: datetime) -> None:
        self._check_exists(RefKind.SOURCE, new.source_id)
        self._insert(
            RefKind.EXHIBIT,
            new_row(
                RefKind.EXHIBIT,
                id=exhibit_id,
                ref=ref,
                number=ref_number(ref),
                title=new.title,
                kind=new.kind,
                description="",
                source_id=new.source_id,
                sensitivity=new.sensitivity,
                acquired_at=at,
                created_at=at,
                sha256=new.sha256,
                size=new.size,
                original_name=new.original_name,
                mime=new.mime,
                relative_path=new.relative_path,
                file_modified=new.file_modified,
                file_changed=new.file_changed,
                imported_by=actor,
                acquisition_note=new.note,
                captured=new.captured,
                latitude=new.latitude,
                longitude=new.longitude,
                metadata_json=as_json(new.metadata),
                problems_json=as_json(list(new.warnings)),
            ),
        )

    def add_derivative(self, derivative: DerivativeInfo, *, at: datetime) -> None:
        self._check_exists(RefKind.EXHIBIT, derivative.exhibit_id)
        self.state.derivatives.append({"info": derivative, "created_at": stored(at)})

    def add_acquisition(self, acquisition: Acquisition, *, mtime_ns: int) -> None:
        self._check_exists(RefKind.EXHIBIT, acquisition.exhibit_id)
        if acquisition.job_id is not None and acquisition.job_id not in self.state.jobs:
            raise ValueError(f"no import job {acquisition.job_id} to refer to")
        kept = Acquisition(
            acquisition.id,
            acquisition.exhibit_id,
            stored(acquisition.seen_at),
            acquisition.actor,
            acquisition.source_id,
            acquisition.original_path,
            acquisition.relative_path,
            acquisition.size,
            acquisition.note,
            acquisition.job_id,
        )
        self.state.acquisitions.append({"acquisition": kept, "mtime_ns": mtime_ns})

    def add_blob_file(self, name: str, *, sha256: str, size: int, at: datetime) -> None:
        if any(b["name"] == name for b in self.state.blob_files):
            raise ValueError(f"blob {name} is already recorded")
        self.state.blob_files.append(
            {"name": name, "sha256": sha256, "size": size, "state": "stored", "created_at": stored(at)}
        )

    def start_job(self, *, actor: str, at: datetime, paths: list[str]) -> uuid.UUID:
        job_id = uuid.uuid4()
        self.state.jobs[job_id] = {
            "started_at": stored(at),
            "finished_at": None,
            "actor": actor,
            "status": "running",
            "paths": round_trip(paths),
            "summary": {},
            "problems": [],
        }
        return job_id

    def finish_job(
        self, job_id: uuid.UUID, *, at: datetime, status: str, summary: dict[str, int], problems: list[dict[str, str]]
    ) -> None:
        job = self.state.jobs.get(job_id)
        if job is not None:
            job.update(
                finished_at=stored(at), status=status, summary=round_trip(summary), problems=round_trip(problems)
            )

    def index_text(self, exhibit_id: uuid.UUID, title: str, body: str | None) -> None:
        kept = self.state.index.get(exhibit_id, ("", ""))[1] if body is None else searchtext.index_form(body)
        self.state.index[exhibit_id] = (searchtext.index_form(title), kept)

    # -- the author's dossier inputs --------------------------------------------------------
    def set_dossier_setting(self, name: str, value: Any, *, at: datetime, by: str) -> None:
        stored(at)  # naive times refused, as the database refuses them
        self.state.dossier_settings[name] = as_json(value)

    def set_dossier_section(
        self, section: str, text: SectionText | None, *, at: datetime, by: str, reason: str
    ) -> None:
        row = self.state.dossier_sections.get(section)
        if text is None:
            if row is not None and row["deleted_at"] is None:
                row.update(deleted_at=stored(at), deleted_by=by, deleted_reason=reason)
            return
        self.state.dossier_sections[section] = {
            "text": text.text,
            "author": text.author,
            "updated_at": stored(text.updated_at),
            "deleted_at": None,
            "deleted_by": None,
            "deleted_reason": None,
        }


class MemoryCaseStore:
    """An unlocked in-memory case (implements :class:`caseapp.core.ports.CaseStore`)."""

    def __init__(self, *, device: str | None = None, privacy_key: bytes | None = None) -> None:
        self._state = State(device=device or str(uuid.uuid4()))
        self._writer = threading.Lock()
        self._privacy_key = privacy_key or secrets.token_bytes(32)
        self._head: CustodyHead | None = None
        self.commits = 0
        """How many write transactions committed (a test can check that a failure changed nothing)."""

    @classmethod
    def create(
        cls, *, title: str = "Memory case", actor: str = "tester", time_zone: str = "UTC", at: datetime | None = None
    ) -> MemoryCaseStore:
        """A new case, as ``create_case`` makes one: its record and the ``case.create`` entry."""
        store = cls()
        now = at or datetime.now(UTC)
        info = CaseInfo(str(uuid.uuid4()), title, "", now, actor, time_zone)
        with store.write() as tx:
            tx.set_case_info(info)
            details = {"case_id": info.case_id, "title": title, "time_zone": time_zone}
            record(tx, actor=actor, at=now, action=CustodyAction.CASE_CREATE, target="CASE", details=details)
        return store

    @contextmanager
    def read(self) -> Iterator[MemoryReadTx]:
        yield MemoryReadTx(self._state)  # never changed in place: a snapshot for the whole read

    @contextmanager
    def write(self) -> Iterator[MemoryWriteTx]:
        with self._writer:
            working = self._state.copy()
            tx = MemoryWriteTx(working)
            yield tx
            self._state = working
            self.commits += 1
            tx.committed = True
            if tx.appended is not None:
                last = working.custody[-1]
                self._head = CustodyHead(last.seq, last.hash)

    def custody_anchor(self) -> CustodyHead | None:
        return self._head

    def privacy_digest(self, text: str) -> str:
        digest = hmac.new(self._privacy_key, text.encode("utf-8", "surrogateescape"), hashlib.sha256).hexdigest()
        return f"hmac-sha256:{digest}"
