"""Domain records of a case (architecture §4), as immutable dataclasses.

These are what services return and what the GUI and CLI show. Database rows never leave the
storage layer; they are converted to these at its boundary.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any


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


@dataclass(frozen=True, slots=True)
class Person:
    id: int
    pseudonym: str
    role: PersonRole
    protection: ProtectionLevel
    full_name: str
    description: str
    created_at: datetime
    deleted: Tombstone | None = None

    @property
    def ref(self) -> str:
        return self.pseudonym

    def display_name(self, *, shareable: bool) -> str:
        """The name to show: a protected identity is never shown where the output is shared."""
        if shareable and self.protection is not ProtectionLevel.NONE:
            return self.pseudonym
        return self.full_name or self.pseudonym


@dataclass(frozen=True, slots=True)
class Incident:
    id: int
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

    @property
    def ref(self) -> str:
        return f"INC-{self.id}"


@dataclass(frozen=True, slots=True)
class Source:
    id: int
    name: str
    description: str
    reliability: SourceReliability
    credibility: InformationCredibility
    created_at: datetime
    deleted: Tombstone | None = None

    @property
    def ref(self) -> str:
        return f"SRC-{self.id}"

    @property
    def grading(self) -> str:
        """Admiralty grading as usually written, e.g. ``B2``."""
        return f"{self.reliability.value}{self.credibility.value}"


@dataclass(frozen=True, slots=True)
class Exhibit:
    """An item of evidence. File intake fills the hash/size fields; a physical item may not."""

    id: int
    title: str
    kind: ExhibitKind
    description: str
    source_id: int | None
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
    has_file: bool = False

    @property
    def ref(self) -> str:
        return f"EX-{self.id}"


@dataclass(frozen=True, slots=True)
class Acquisition:
    """One sighting of an exhibit's file: where, when, by whom, from which source."""

    id: int
    exhibit_id: int
    seen_at: datetime
    actor: str
    source_id: int | None
    original_path: str
    relative_path: str
    size: int
    note: str
    job_id: int | None


@dataclass(frozen=True, slots=True)
class DerivativeInfo:
    id: int
    exhibit_id: int
    kind: str  # thumbnail | text
    media_type: str
    sha256: str
    size: int
    note: str


@dataclass(frozen=True, slots=True)
class ExhibitDetail:
    exhibit: Exhibit
    metadata: dict[str, Any]
    derivatives: tuple[DerivativeInfo, ...]
    acquisitions: tuple[Acquisition, ...]


@dataclass(frozen=True, slots=True)
class Note:
    id: int
    target: str  # a record reference such as "EX-3", "W-001", "INC-2", "SRC-1" or "CASE"
    text: str
    author: str
    created_at: datetime
    deleted: Tombstone | None = None


@dataclass(frozen=True, slots=True)
class Link:
    id: int
    exhibit_id: int
    target: str  # "W-001" or "INC-2"
    stance: LinkStance
    reasoning: str
    author: str
    created_at: datetime
    deleted: Tombstone | None = None


@dataclass(frozen=True, slots=True)
class CustodyEntry:
    """One link of the hash chain (architecture §3)."""

    seq: int
    at: str  # UTC, ISO 8601 with microseconds and "Z"; kept as the exact string that was hashed
    actor: str
    action: str
    target: str
    details: dict[str, Any] = field(default_factory=dict)
    prev_hash: str = ""
    hash: str = ""
