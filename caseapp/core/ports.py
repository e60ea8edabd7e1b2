"""What the use cases need from storage, declared as Protocols (storage implements them).

An operation opens one transaction, reads and writes through it, appends its custody entry in
the same transaction, and the storage commits all of it or nothing. Only one write transaction
runs at a time for a case (across processes too); reads may run beside it. Records cross this
boundary as the dataclasses of :mod:`caseapp.core.entities`; rows never leave storage.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol, TypeVar
from uuid import UUID

from caseapp.core.analysis import Charge, ElementLink, ReviewState
from caseapp.core.custody import CustodyHead
from caseapp.core.dossier.inputs import SectionText
from caseapp.core.entities import (
    Acquisition,
    CaseInfo,
    Consent,
    CustodyEntry,
    DerivativeInfo,
    Exhibit,
    ExhibitKind,
    Incident,
    Link,
    Note,
    Person,
    PersonIdentity,
    PersonRole,
    Sensitivity,
    Source,
    Tombstone,
)
from caseapp.core.evidence import FileFacts, FileIdentity, StreamResult, WalkResult
from caseapp.core.exhibit_redaction import RedactedFile, Region
from caseapp.core.legal.gaps import CellFacts, EvidenceFacts, GapLink
from caseapp.core.operations import Task
from caseapp.core.refs import RefKind

Record = Person | Incident | Source | Exhibit | Note | Link | Charge | ElementLink
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Target:
    """A resolved record: its kind, UUID (None for the case itself) and ref."""

    kind: RefKind
    id: UUID | None
    ref: str


class Deleted(enum.StrEnum):
    """Which records a listing shows: live ones (the default), deleted ones, or both."""

    HIDE = "hide"
    ONLY = "only"
    INCLUDE = "include"


class ExhibitSort(enum.StrEnum):
    REF = "ref"
    TITLE = "title"
    KIND = "kind"
    ACQUIRED = "acquired"
    CAPTURED = "captured"
    SIZE = "size"


@dataclass(frozen=True, slots=True)
class Page:
    """A window onto a listing: ``limit`` None means all from ``offset`` on."""

    offset: int = 0
    limit: int | None = None


@dataclass(frozen=True, slots=True)
class RecordQuery:
    """A listing of persons, incidents, sources, notes or links."""

    deleted: Deleted = Deleted.HIDE
    target: Target | None = None  # notes and links: only those on (or of) this record
    page: Page = Page()
    words: tuple[str, ...] = ()
    """If given, a store may leave out the records whose search index lacks one of these words (as
    a word start; :func:`caseapp.core.search_index.index_words`). A narrowing only: the search
    still matches what it reads, so a store without an index may ignore it."""


@dataclass(frozen=True, slots=True)
class ExhibitQuery:
    """A listing of exhibits, filtered, sorted and paged by the database (100 000 rows stay lazy)."""

    kind: ExhibitKind | None = None
    tag: str | None = None
    text: str | None = None  # full-text search over titles, descriptions and extracted text
    source_id: UUID | None = None
    sort: ExhibitSort = ExhibitSort.REF
    descending: bool = False
    deleted: Deleted = Deleted.HIDE
    page: Page = Page()


@dataclass(frozen=True, slots=True)
class ExhibitSearch:
    """Exhibits found by a search (:mod:`caseapp.core.services.search`), filtered, ranked and paged
    by the database: full-text matches first by whether every word is a whole word, then by rank
    (bm25, title and description above extracted text), then by ref; without ``text``, by ref."""

    text: str = ""  # words matched (as prefixes) in the full-text index and the original file name
    kind: ExhibitKind | None = None
    tag: str | None = None
    captured_from: str | None = None  # ISO local times compared with the recorded capture time
    captured_to: str | None = None
    source_ids: frozenset[UUID] | None = None  # only exhibits of these sources (a grade filter)
    element_id: str | None = None  # with a live, not rejected element link to this element
    incident_id: UUID | None = None  # linked to this incident
    unlinked: bool = False  # no live link and no live element link that is not rejected
    awaiting_review: bool = False  # with a live element link still proposed
    deleted: Deleted = Deleted.HIDE
    page: Page = Page()


@dataclass(frozen=True, slots=True)
class ExhibitFound:
    """An exhibit a search found: ``exact`` when every word is a whole word of its indexed text;
    ``body_window`` a window of its extracted text around the match, in the index's search form
    (``…`` where it was cut), when the text matched there."""

    exhibit: Exhibit
    exact: bool
    body_window: str | None


@dataclass(frozen=True, slots=True)
class CustodyQuery:
    """A listing of custody entries, filtered in SQL."""

    target_id: UUID | None = None
    target_ref: str | None = None  # entries about this ref (also those written before UUIDs)
    actor: str | None = None
    action: str | None = None
    since_seq: int = 0  # entries after this sequence number
    page: Page = Page()
    newest_first: bool = False
    at_from: datetime | None = None  # entries written at or after this moment (timezone-aware, any zone)
    at_before: datetime | None = None  # entries written before this moment (timezone-aware, any zone)


@dataclass(frozen=True, slots=True)
class Revision:
    """The values an edit replaced and set (kept in the encrypted database, read by undo)."""

    custody_seq: int
    kind: RefKind
    record_id: UUID
    old: dict[str, Any]
    new: dict[str, Any]
    reason: str


@dataclass(frozen=True, slots=True)
class NewFile:
    """What intake learnt about a file, ready to be recorded as a new exhibit."""

    title: str
    kind: ExhibitKind
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
    source_id: UUID | None
    note: str
    warnings: tuple[str, ...] = ()
    sensitivity: Sensitivity = Sensitivity.NONE


@dataclass(frozen=True, slots=True)
class BlobRecord:
    """An encrypted file the records need, with what it must decrypt to."""

    name: str
    exhibit_id: UUID
    exhibit_ref: str
    role: str  # original | thumbnail | text
    sha256: str
    size: int


class ReadTx(Protocol):
    def case_info(self) -> CaseInfo: ...
    def device_id(self) -> str: ...
    def secret(self, name: str) -> str | None:
        """A value kept only inside the encrypted case (e.g. the organisation's signing key), or None."""
        ...

    def find(self, kind: RefKind, key: UUID | str) -> Target | None:
        """The record of ``kind`` with this UUID or ref (deleted ones included), or None."""
        ...

    def get(self, kind: RefKind, record_id: UUID) -> Record | None: ...
    def persons(self, query: RecordQuery) -> list[Person]: ...
    def incidents(self, query: RecordQuery) -> list[Incident]: ...
    def sources(self, query: RecordQuery) -> list[Source]: ...
    def notes(self, query: RecordQuery) -> list[Note]: ...
    def links(self, query: RecordQuery) -> list[Link]: ...
    def exhibits(self, query: ExhibitQuery) -> list[Exhibit]: ...
    def count_exhibits(self, query: ExhibitQuery) -> int: ...
    def search_exhibits(self, query: ExhibitSearch) -> list[ExhibitFound]: ...
    def count_search_exhibits(self, query: ExhibitSearch) -> int: ...
    def tags_of(self, target: Target) -> list[str]: ...
    def tag_counts(self) -> list[tuple[str, int]]: ...
    def counts(self) -> dict[str, int]: ...
    def custody_entries(self, query: CustodyQuery | None = None) -> Iterator[CustodyEntry]: ...
    def count_custody(self, query: CustodyQuery | None = None) -> int: ...
    def custody_entry(self, seq: int) -> CustodyEntry | None: ...
    def last_custody_entry(self) -> CustodyEntry | None: ...
    def revision(self, custody_seq: int) -> Revision | None: ...
    def dependents(self, kind: RefKind, record_id: UUID) -> list[str]:
        """Refs of live records that depend on this one (links, notes, exhibits of a source,
        element links of an exhibit, charges naming a person or an incident)."""
        ...

    # -- building the case (charges, element links)
    def charges(self, query: RecordQuery) -> list[Charge]:
        """Charges, all or (``query.target``) those naming a person as suspect or an incident."""
        ...

    def element_links(
        self,
        query: RecordQuery,
        element_id: str | None = None,
        *,
        review: ReviewState | None = None,
        element_prefix: str = "",
    ) -> list[ElementLink]:
        """Element links, all or (``query.target``) those of one exhibit, or of one element id;
        ``review``: only those in that state; ``element_prefix``: only those whose element id
        starts with it. Oldest first, ``query.page`` of them."""
        ...

    def gap_links(self, element_ids: Collection[str]) -> tuple[list[GapLink], dict[str, EvidenceFacts]]:
        """Live, not rejected links to these element ids, of live exhibits, and the facts of those
        exhibits keyed as the links name them: as little as the gap matrix reads."""
        ...

    def person_roles(self, person_ids: Iterable[UUID]) -> dict[UUID, PersonRole]:
        """The role of each of these persons, deleted ones too (nothing else is read)."""
        ...

    def gap_facts(self, groups: Collection[tuple[str, ...]]) -> dict[tuple[str, ...], CellFacts]:
        """For each group of element ids (a gap matrix row's element, and its shared context), the
        facts of the live, not rejected links to them of live exhibits, as ``facts_of_links`` would
        gather them from ``gap_links``; groups without such links are left out."""
        ...

    def evidence_facts(self, exhibit_ids: Iterable[UUID]) -> dict[UUID, EvidenceFacts]:
        """Ref, source (for independence) and Admiralty grading of each exhibit."""
        ...

    # -- evidence files
    def derivatives(self, exhibit_id: UUID) -> list[DerivativeInfo]: ...
    def acquisitions(self, exhibit_id: UUID) -> list[Acquisition]: ...
    def exhibit_metadata(self, exhibit_id: UUID) -> dict[str, Any]: ...
    def original_blob(self, exhibit_id: UUID) -> BlobRecord | None: ...
    def derivative_blob(self, exhibit_id: UUID, kind: str) -> BlobRecord | None: ...
    def referenced_blobs(self) -> list[BlobRecord]: ...
    def exhibits_by_sha256(self, hashes: Sequence[str] | None = None) -> dict[str, tuple[UUID, str]]: ...
    def acquired_files(self) -> dict[tuple[str, int, int], tuple[UUID, str]]: ...
    def blob_for(self, sha256: str, size: int) -> str | None: ...

    # -- the author's dossier inputs
    def dossier_settings(self) -> dict[str, Any]:
        """The dossier inputs set so far, by name, as the JSON values they were stored as."""
        ...

    def dossier_sections(self) -> dict[str, SectionText]:
        """The narrative sections written and not cleared, by section key."""
        ...

    # -- a person's identity and consent (issue 14)
    def person_identity(self, person_id: UUID) -> PersonIdentity:
        """Aliases, date of birth and contact of a person (empty when none were set). Only the
        recorded reveal and the edits of them may call this: no listing carries them."""
        ...

    def derived(self, name: str, build: Callable[[], T]) -> T:
        """``build()``, which the store may keep and give again, for ``name``, until the case changes
        (a commit by anyone); for what a service derives from reads and would otherwise make again
        on every listing (the name redaction). Dropped when the case is locked."""
        ...

    def persons_to_redact(self) -> list[Person]:
        """Every person (deleted ones too) with their real name and, unless their protection is
        ``none``, their identity, in the order of the persons listing; for a name redaction only,
        never shown. Tags are not read."""
        ...

    def consents(self, person_id: UUID | None = None) -> list[Consent]:
        """Consent statements (deleted ones included), of one person or all, oldest first."""
        ...


class WriteTx(ReadTx, Protocol):
    committed: bool
    """Set once the transaction is durable: callers must not undo their side effects after that."""

    def set_case_info(self, info: CaseInfo) -> None: ...
    def set_secret(self, name: str, value: str) -> None:
        """Keep ``value`` inside the encrypted case under ``name`` (the blob identity and the device id
        are refused: they are set once, when the case is made)."""
        ...

    def next_ref(self, prefix: str) -> str:
        """Allocate the next ref of a prefix (``EX`` -> ``EX-13``); never given twice."""
        ...

    def add_person(self, person: Person) -> None: ...
    def add_incident(self, incident: Incident) -> None: ...
    def add_source(self, source: Source) -> None: ...
    def add_exhibit(self, exhibit: Exhibit) -> None: ...
    def add_note(self, note: Note) -> None: ...
    def add_link(self, link: Link) -> None: ...
    def add_charge(self, charge: Charge) -> None: ...
    def add_element_link(self, link: ElementLink) -> None: ...
    def update(self, kind: RefKind, record_id: UUID, values: dict[str, Any]) -> None:
        """Set fields (named as in the entity) of one record; a charge's ``suspects`` and
        ``incidents`` are given in their stored form (:func:`caseapp.core.analysis.members_value`)."""
        ...

    def set_tombstone(self, kind: RefKind, record_id: UUID, tombstone: Tombstone | None) -> None: ...
    def add_tag(self, target: Target, name: str, *, at: datetime, by: str) -> bool: ...
    def remove_tag(self, target: Target, name: str, *, at: datetime, by: str, reason: str) -> bool: ...
    def add_revision(self, revision: Revision) -> None: ...
    def append_custody(self, entry: CustodyEntry) -> None: ...

    # -- evidence files
    def add_file_exhibit(self, new: NewFile, *, exhibit_id: UUID, ref: str, actor: str, at: datetime) -> None: ...
    def add_derivative(self, derivative: DerivativeInfo, *, at: datetime) -> None: ...
    def add_acquisition(self, acquisition: Acquisition, *, mtime_ns: int) -> None: ...
    def add_blob_file(self, name: str, *, sha256: str, size: int, at: datetime) -> None: ...
    def start_job(self, *, actor: str, at: datetime, paths: list[str]) -> UUID: ...
    def finish_job(
        self, job_id: UUID, *, at: datetime, status: str, summary: dict[str, int], problems: list[dict[str, str]]
    ) -> None: ...
    def index_text(self, exhibit_id: UUID, title: str, body: str | None) -> None:
        """(Re)index an exhibit for search; ``body`` None keeps the body indexed before."""
        ...

    # -- the author's dossier inputs
    def set_dossier_setting(self, name: str, value: Any, *, at: datetime, by: str) -> None:
        """Store one dossier input (a JSON value) under ``name``, replacing what it held."""
        ...

    def set_dossier_section(
        self, section: str, text: SectionText | None, *, at: datetime, by: str, reason: str
    ) -> None:
        """Write a narrative section (its text, author and time as given), or clear it (``None``:
        a tombstone by ``by`` at ``at`` for ``reason``; nothing is erased)."""
        ...

    # -- a person's identity and consent (issue 14)
    def set_person_identity(self, person_id: UUID, identity: PersonIdentity, *, at: datetime) -> None:
        """Replace a person's aliases, date of birth and contact (kept apart from the person's row)."""
        ...

    def add_consent(self, consent: Consent) -> None: ...
    def set_consent_tombstone(self, consent_id: UUID, tombstone: Tombstone | None) -> None: ...


class CaseStore(Protocol):
    """An unlocked case's records."""

    def read(self) -> AbstractContextManager[ReadTx]: ...
    def write(self) -> AbstractContextManager[WriteTx]: ...
    def custody_anchor(self) -> CustodyHead | None:
        """The head recorded outside the database; raises IntegrityError if it was forged."""
        ...

    def privacy_digest(self, text: str) -> str:
        """A keyed hash (HMAC-SHA256 under a key derived from the case's data key) of a value the
        custody log must bind without carrying it (a protected name, a note, a file path): a
        recipient of the log cannot confirm a guess; the key holder can re-check it."""
        ...


class Readable(Protocol):
    def read(self, size: int = -1, /) -> bytes | None: ...


class Writable(Protocol):
    def write(self, data: bytes, /) -> int | None: ...


class BlobStore(Protocol):
    """The encrypted files of a case (``blobs/``), named by random id (architecture §2)."""

    def put(self, reader: Readable) -> str:
        """Encrypt everything ``reader`` gives into a new durable file; return its name."""
        ...

    def put_bytes(self, data: bytes) -> str: ...
    def free_bytes(self) -> int:
        """Free space where the blobs are written (the import commits sooner when it runs low)."""
        ...

    def discard(self, name: str) -> None: ...
    def sync(self) -> None:
        """Make every file written so far durable (before the commit that names them)."""
        ...

    def exists(self, name: str) -> bool: ...
    def decrypt_to(self, name: str, size: int, writer: Any) -> str:
        """Decrypt into ``writer`` the first ``size`` bytes; return their SHA-256 (hex)."""
        ...

    def read_bytes(self, name: str, size: int) -> bytes: ...
    def check(self, name: str, sha256: str, size: int) -> str | None:
        """What is wrong with a stored file (missing, damaged, other content), or None."""
        ...

    def intake_lock(self, *, exclusive: bool, wait: bool = True) -> AbstractContextManager[bool]: ...


class Intake(Protocol):
    """Reading evidence files (implemented by ``caseapp.intake``): walk, hash-while-encrypting,
    inspect. Every result is a value of :mod:`caseapp.core.evidence`."""

    def collect(self, paths: Sequence[str], *, cancel: Callable[[], bool] | None) -> WalkResult: ...
    def stream_file(
        self,
        path: str,
        consume: Callable[[Readable], None],
        *,
        expected: FileIdentity,
        progress: Callable[[int], None],
        cancel: Callable[[], bool] | None,
    ) -> StreamResult: ...
    def inspect_file(
        self, path: str, *, name: str, expected: FileIdentity, cancel: Callable[[], bool] | None
    ) -> FileFacts: ...
    def escape_name(self, name: str) -> str:
        """A name safe to show and store (undecodable bytes and controls escaped)."""
        ...


class Redactor(Protocol):
    """Making redacted copies of exhibits (implemented by ``caseapp.intake.redact``): regions
    blacked out, metadata dropped, re-encoded from pixels only. Refuses other kinds of file and
    regions that do not fit with :class:`~caseapp.core.errors.ValidationError`."""

    def redact(
        self, data: bytes, *, mime: str, regions: Sequence[Region], task: Task, name: str = ""
    ) -> RedactedFile: ...
