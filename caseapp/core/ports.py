"""What the services need from storage, declared as Protocols (storage implements them).

A service opens one transaction, reads and writes through it, appends its custody entry in the
same transaction, and the storage commits all of it or nothing. Only one write transaction runs
at a time for a case (across processes too); reads may run beside it.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from caseapp.core.custody import CustodyHead
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
)
from caseapp.core.refs import RefKind


@dataclass(frozen=True, slots=True)
class Target:
    """A resolved record: its kind and database id (0 for the case itself)."""

    kind: RefKind
    id: int
    ref: str


@dataclass(frozen=True, slots=True)
class ExhibitQuery:
    kind: ExhibitKind | None = None
    tag: str | None = None
    text: str | None = None
    order_by: str = "id"  # id | title | acquired_at
    descending: bool = False
    limit: int | None = None
    offset: int = 0
    include_deleted: bool = False


class ReadTx(Protocol):
    def case_info(self) -> CaseInfo: ...
    def persons(self, *, include_deleted: bool = False) -> list[Person]: ...
    def person_by_pseudonym(self, pseudonym: str) -> Person | None: ...
    def max_pseudonym_number(self, prefix: str) -> int: ...
    def incidents(self, *, include_deleted: bool = False) -> list[Incident]: ...
    def incident(self, incident_id: int) -> Incident | None: ...
    def sources(self, *, include_deleted: bool = False) -> list[Source]: ...
    def source(self, source_id: int) -> Source | None: ...
    def exhibits(self, query: ExhibitQuery) -> list[Exhibit]: ...
    def exhibit(self, exhibit_id: int) -> Exhibit | None: ...
    def notes(self, target: Target | None = None) -> list[Note]: ...
    def links(self, exhibit_id: int | None = None) -> list[Link]: ...
    def tags_of(self, target: Target) -> list[str]: ...
    def tag_counts(self) -> list[tuple[str, int]]: ...
    def counts(self) -> dict[str, int]: ...
    def custody_entries(self) -> Iterator[CustodyEntry]: ...
    def last_custody_entry(self) -> CustodyEntry | None: ...


class WriteTx(ReadTx, Protocol):
    def set_case_info(self, info: CaseInfo) -> None: ...
    def add_person(
        self,
        *,
        pseudonym: str,
        role: PersonRole,
        protection: ProtectionLevel,
        full_name: str,
        description: str,
        created_at: datetime,
    ) -> Person: ...
    def add_incident(
        self,
        *,
        title: str,
        description: str,
        time_start: datetime | None,
        time_end: datetime | None,
        time_precision: TimePrecision,
        place_name: str,
        latitude: float | None,
        longitude: float | None,
        place_precision: PlacePrecision,
        created_at: datetime,
    ) -> Incident: ...
    def add_source(
        self,
        *,
        name: str,
        description: str,
        reliability: SourceReliability,
        credibility: InformationCredibility,
        created_at: datetime,
    ) -> Source: ...
    def add_exhibit(
        self,
        *,
        title: str,
        kind: ExhibitKind,
        description: str,
        source_id: int | None,
        sensitivity: Sensitivity,
        acquired_at: datetime | None,
        created_at: datetime,
    ) -> Exhibit: ...
    def add_tag(self, target: Target, name: str) -> bool: ...
    def remove_tag(self, target: Target, name: str) -> bool: ...
    def add_note(self, target: Target, *, text: str, author: str, created_at: datetime) -> Note: ...
    def add_link(
        self,
        exhibit_id: int,
        target: Target,
        *,
        stance: LinkStance,
        reasoning: str,
        author: str,
        created_at: datetime,
    ) -> Link: ...
    def append_custody(self, entry: CustodyEntry) -> None: ...


class CaseStore(Protocol):
    """An unlocked case's records."""

    def read(self) -> AbstractContextManager[ReadTx]: ...
    def write(self) -> AbstractContextManager[WriteTx]: ...
    def custody_anchor(self) -> CustodyHead | None:
        """The head recorded outside the database; raises IntegrityError if it was forged."""
        ...
