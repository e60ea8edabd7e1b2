"""Domain records of a case (architecture §4), as immutable dataclasses.

These are what services return and what the GUI and CLI show. Database rows never leave the
storage layer; they are converted to these at its boundary.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any
from uuid import UUID


class PersonRole(enum.StrEnum):
    VICTIM = "victim"
    WITNESS = "witness"
    SUSPECT = "suspect"
    OTHER = "other"


# Letter of the automatic pseudonym for each role: W-001, V-001, S-001, P-001.
PSEUDONYM_PREFIX: dict[PersonRole, str] = {
    PersonRole.WITNESS: "W",
    PersonRole.VICTIM: "V",
    PersonRole.SUSPECT: "S",
    PersonRole.OTHER: "P",
}


class ProtectionLevel(enum.StrEnum):
    """How far a person's identity may travel.

    ``none``: may be named in shared documents. ``confidential``: named only inside the case
    and in a confidential annex the user asks for. ``protected``: appears only by pseudonym in
    anything that leaves the case (the default for victims and witnesses).
    """

    NONE = "none"
    CONFIDENTIAL = "confidential"
    PROTECTED = "protected"


class RiskLevel(enum.StrEnum):
    """How much danger a person is in if their identity or contact leaks (issue 14)."""

    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"
    UNKNOWN = "unknown"


class ConsentScope(enum.StrEnum):
    """Whom a person agreed (or not) that their account and identity may be shared with."""

    ICC = "icc"
    OTHER_COURTS = "other-courts"
    NGOS = "ngos"
    PUBLIC = "public"


class ConsentState(enum.StrEnum):
    GIVEN = "given"
    WITHDRAWN = "withdrawn"


class SourceReliability(enum.StrEnum):
    """Admiralty (NATO) scale, source reliability A-F."""

    A = "A"  # completely reliable
    B = "B"  # usually reliable
    C = "C"  # fairly reliable
    D = "D"  # not usually reliable
    E = "E"  # unreliable
    F = "F"  # reliability cannot be judged


class InformationCredibility(enum.StrEnum):
    """Admiralty (NATO) scale, information credibility 1-6."""

    CONFIRMED = "1"
    PROBABLY_TRUE = "2"
    POSSIBLY_TRUE = "3"
    DOUBTFUL = "4"
    IMPROBABLE = "5"
    CANNOT_JUDGE = "6"


class TimePrecision(enum.StrEnum):
    EXACT = "exact"
    DAY = "day"
    MONTH = "month"
    YEAR = "year"
    ESTIMATED = "estimated"


class PlacePrecision(enum.StrEnum):
    EXACT = "exact"  # within about 10 m
    VICINITY = "vicinity"  # within about 100 m
    LOCALITY = "locality"  # within about 1 km
    REGION = "region"
    UNKNOWN = "unknown"


class Sensitivity(enum.StrEnum):
    NONE = "none"
    PERSONAL_DATA = "personal_data"
    GRAPHIC = "graphic"
    PROTECTED_PERSON = "protected_person"


class ExhibitKind(enum.StrEnum):
    DOCUMENT = "document"
    IMAGE = "image"
    VIDEO = "video"
    AUDIO = "audio"
    TESTIMONY = "testimony"
    PHYSICAL = "physical"
    OTHER = "other"


class LinkStance(enum.StrEnum):
    SUPPORTS = "supports"
    CONTRADICTS = "contradicts"
    CONTEXT = "context"


@dataclass(frozen=True, slots=True)
class Tombstone:
    """Nothing is hard-deleted: a deletion records who, when and why, and can be undone."""

    at: datetime
    by: str
    reason: str


@dataclass(frozen=True, slots=True)
class CaseInfo:
    case_id: str
    title: str
    description: str
    created_at: datetime
    created_by: str
    time_zone: str = "UTC"
    """IANA name (e.g. ``Asia/Damascus``) used for times typed without a zone."""


@dataclass(frozen=True, slots=True)
class Person:
    """A person in the case. ``full_name`` is None when it was not revealed: a protected
    identity is read only on request, and the request is recorded in custody."""

    id: UUID
    ref: str  # the pseudonym, e.g. W-001
    role: PersonRole
    protection: ProtectionLevel
    full_name: str | None
    description: str
    created_at: datetime
    deleted: Tombstone | None = None
    tags: tuple[str, ...] = ()
    risk: RiskLevel = RiskLevel.UNKNOWN
    identity: PersonIdentity | None = None
    """Aliases, date of birth, contact: None except in the result of a recorded reveal."""

    @property
    def pseudonym(self) -> str:
        return self.ref

    @property
    def name_hidden(self) -> bool:
        return self.full_name is None

    def display_name(self, *, shareable: bool) -> str:
        """The name to show: a protected identity is never shown where the output is shared."""
        if shareable and self.protection is not ProtectionLevel.NONE:
            return self.ref
        return self.full_name or self.ref


@dataclass(frozen=True, slots=True)
class PersonIdentity:
    """What identifies a person beyond the name, kept apart from the person's row and read only
    through a recorded reveal (never in a listing, a search result or a shared document)."""

    aliases: tuple[str, ...] = ()
    born: str = ""  # date of birth as ISO YYYY-MM-DD, or "" when not known
    contact: str = ""

    @property
    def empty(self) -> bool:
        return not (self.aliases or self.born or self.contact)


@dataclass(frozen=True, slots=True)
class Consent:
    """One consent statement of a person for one scope (given or withdrawn, on a date). Nothing is
    overwritten: a withdrawal is a newer statement; the newest live one per scope holds."""

    id: UUID
    person_id: UUID
    scope: ConsentScope
    state: ConsentState
    on: date  # the day the person gave or withdrew it
    note: str
    author: str
    created_at: datetime
    deleted: Tombstone | None = None


@dataclass(frozen=True, slots=True)
class Incident:
    id: UUID
    ref: str
    title: str
    description: str
    time_start: datetime | None
    time_end: datetime | None
    time_precision: TimePrecision
    place_name: str
    latitude: float | None
    longitude: float | None
    place_precision: PlacePrecision
    created_at: datetime
    deleted: Tombstone | None = None
    tags: tuple[str, ...] = ()
    time_zone: str = "UTC"
    """The zone the times were given in; they are stored as instants and shown in this zone."""
    country: str | None = None
    """ISO 3166-1 alpha-2 code of the country the incident took place in, when someone set it."""


@dataclass(frozen=True, slots=True)
class Source:
    id: UUID
    ref: str
    name: str
    description: str
    reliability: SourceReliability
    credibility: InformationCredibility
    created_at: datetime
    deleted: Tombstone | None = None
    tags: tuple[str, ...] = ()

    @property
    def grading(self) -> str:
        """Admiralty grading as usually written, e.g. ``B2``."""
        return f"{self.reliability.value}{self.credibility.value}"


@dataclass(frozen=True, slots=True)
class Exhibit:
    """An item of evidence. File intake fills the hash/size fields; a physical item may not."""

    id: UUID
    ref: str
    title: str
    kind: ExhibitKind
    description: str
    source_id: UUID | None
    sensitivity: Sensitivity
    acquired_at: datetime | None
    created_at: datetime
    sha256: str | None = None
    size: int | None = None
    original_name: str | None = None
    tags: tuple[str, ...] = ()
    deleted: Tombstone | None = None
    mime: str | None = None
    relative_path: str | None = None
    captured: str | None = None  # capture date as found in the file's metadata (may lack a zone)
    latitude: float | None = None
    longitude: float | None = None
    imported_by: str | None = None
    acquisition_note: str | None = None
    file_modified: str | None = None
    source_ref: str | None = None
    warnings: tuple[str, ...] = ()
    """What intake reported about the file when it was taken in (kept for good)."""
    link_count: int = 0

    @property
    def has_file(self) -> bool:
        return self.sha256 is not None


@dataclass(frozen=True, slots=True)
class Acquisition:
    """One sighting of an exhibit's file: where, when, by whom, from which source."""

    id: UUID
    exhibit_id: UUID
    seen_at: datetime
    actor: str
    source_id: UUID | None
    original_path: str
    relative_path: str
    size: int
    note: str
    job_id: UUID | None


@dataclass(frozen=True, slots=True)
class DerivativeInfo:
    id: UUID
    exhibit_id: UUID
    kind: str  # thumbnail | text
    media_type: str
    sha256: str
    size: int
    note: str


@dataclass(frozen=True, slots=True)
class Note:
    id: UUID
    ref: str
    target_kind: str  # a RefKind value: exhibit, person, incident, source or case
    target_id: UUID | None  # None for a note on the case itself
    target_ref: str  # "EX-3", "W-001", "INC-2", "SRC-1" or "CASE"
    text: str
    author: str
    created_at: datetime
    deleted: Tombstone | None = None

    @property
    def target(self) -> str:
        return self.target_ref


@dataclass(frozen=True, slots=True)
class Link:
    id: UUID
    ref: str
    exhibit_id: UUID
    exhibit_ref: str
    target_kind: str  # person | incident
    target_id: UUID
    target_ref: str  # "W-001" or "INC-2"
    stance: LinkStance
    reasoning: str
    author: str
    created_at: datetime
    deleted: Tombstone | None = None

    @property
    def target(self) -> str:
        return self.target_ref


@dataclass(frozen=True, slots=True)
class ExhibitDetail:
    exhibit: Exhibit
    metadata: dict[str, Any]
    derivatives: tuple[DerivativeInfo, ...]
    acquisitions: tuple[Acquisition, ...]
    links: tuple[Link, ...] = ()
    notes: tuple[Note, ...] = ()


@dataclass(frozen=True, slots=True)
class CustodyEntry:
    """One link of the hash chain (architecture §3)."""

    seq: int
    at: str  # UTC, ISO 8601 with microseconds and "Z"; kept as the exact string that was hashed
    actor: str
    action: str
    target: str  # the ref of the record acted on ("EX-3", "W-001", "CASE")
    details: dict[str, Any] = field(default_factory=dict)
    prev_hash: str = ""
    hash: str = ""
    version: int = 1
    """1: entries written before schema 0003; 2: also carry (and hash) device and target_id."""
    device: str | None = None  # the id of the device that wrote the entry (version 2)
    target_id: str | None = None  # the UUID of the record acted on (version 2), None for the case
