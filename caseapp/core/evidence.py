"""Values produced when evidence files are read (intake), for the services, storage and GUI.

Standard library only. Nothing here touches a database or a file: `caseapp.intake` fills these
values and the import service stores them.

Conventions:
- Paths are `str`. On POSIX, bytes that are not valid UTF-8 are kept with Python's
  ``surrogateescape`` (so the path can be reopened); use ``os.fsencode()`` to get the original
  bytes back and ``caseapp.intake.names.escape_name()`` to show them.
- Relative paths use ``/`` and start with the name of the chosen folder (``dump/DCIM/a.jpg``);
  for a file chosen on its own it is the file's name.
- Dates are ISO 8601 strings as found: with an offset when the source gives one
  (``2021-03-04T12:34:56+01:00``), naive when it does not (EXIF local camera time).
- Every problem is a value: a code a program can test, a severity and a message for a person.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import TypeAlias

JsonValue: TypeAlias = "str | int | float | bool | list[JsonValue] | dict[str, JsonValue] | None"


class Severity(StrEnum):
    """How much a problem matters to the import."""

    SKIPPED = "skipped"
    """The file was not (and must not be) taken in: not a regular file, unreadable, or changed while read."""
    WARNING = "warning"
    """The original can be kept, but it is damaged, hostile or odd, and its analysis is incomplete."""
    INFO = "info"
    """An expected limitation (e.g. no video thumbnail available, text cut at the size cap)."""


class ProblemCode(StrEnum):
    """Reason codes. Stable strings: they are stored and may be filtered on."""

    # walking
    NOT_FOUND = "not_found"
    SYMLINK_LOOP = "symlink_loop"
    SYMLINK_OUTSIDE = "symlink_outside"
    SYMLINK_BROKEN = "symlink_broken"
    SYMLINK_INSIDE = "symlink_inside"
    SPECIAL_FILE = "special_file"
    DIR_UNREADABLE = "dir_unreadable"
    TOO_DEEP = "too_deep"
    UNSAFE_NAME = "unsafe_name"
    # reading
    UNREADABLE = "unreadable"
    CHANGED_WHILE_READING = "changed_while_reading"
    VANISHED = "vanished"
    CHANGED_SINCE_LISTED = "changed_since_listed"
    EMPTY = "empty"
    # content
    CORRUPT = "corrupt"
    TRUNCATED = "truncated"
    DECOMPRESSION_BOMB = "decompression_bomb"
    ZIP_BOMB = "zip_bomb"
    XML_HOSTILE = "xml_hostile"
    ENCRYPTED = "encrypted"
    METADATA_TRUNCATED = "metadata_truncated"
    TEXT_TRUNCATED = "text_truncated"
    DERIVATIVE_UNAVAILABLE = "derivative_unavailable"


@dataclass(frozen=True, slots=True)
class Problem:
    """One report about one file (or folder)."""

    path: str
    code: ProblemCode
    severity: Severity
    message: str
    """For a person; names are escaped, never raw control or bidi characters."""


@dataclass(frozen=True, slots=True)
class FileIdentity:
    """What the file system says about a file at one moment (from ``lstat``/``fstat``)."""

    size: int
    mtime_ns: int
    ctime_ns: int
    inode: int
    device: int
    mode: int

    def same_content_signs(self, other: FileIdentity) -> bool:
        """True when size, modification time and inode/device all agree."""
        return (self.size, self.mtime_ns, self.inode, self.device) == (
            other.size,
            other.mtime_ns,
            other.inode,
            other.device,
        )


@dataclass(frozen=True, slots=True)
class Candidate:
    """A regular file found by the walk, to be streamed and inspected."""

    path: str
    """The path to open: the file itself, or for a link inside the chosen folder, the resolved target."""
    relative_path: str
    """Where it was found, relative to the chosen folder's parent (``dump/DCIM/a.jpg``), ``/``-separated.

    May hold lone surrogates (bytes that were not UTF-8): SQLite refuses those. Store ``display_path``
    (or ``os.fsencode(relative_path)``) where a valid string is required."""
    display_path: str
    """``relative_path`` with control/bidi characters and undecodable bytes escaped: safe to show and
    to store; ``caseapp.intake.names.unescape_name`` gives ``relative_path`` back exactly."""
    identity: FileIdentity
    via_symlink: bool = False
    name_problems: tuple[Problem, ...] = ()


@dataclass(frozen=True, slots=True)
class WalkResult:
    """Everything a walk found: the files to take in and the reports about what was left out."""

    candidates: tuple[Candidate, ...]
    problems: tuple[Problem, ...]
    """Folder-level and skip reports. Name reports of taken files are in ``Candidate.name_problems``."""

    @property
    def all_problems(self) -> tuple[Problem, ...]:
        return self.problems + tuple(p for c in self.candidates for p in c.name_problems)


@dataclass(frozen=True, slots=True)
class StreamResult:
    """Outcome of the single streaming pass over a file (hash while another consumer reads)."""

    path: str
    size: int
    """Bytes actually read."""
    sha256: str
    digests: dict[str, str]
    """Every digest computed, by hashlib name (always includes ``sha256``)."""
    before: FileIdentity | None
    after: FileIdentity | None
    """From ``fstat`` on the open file after the last byte; ``None`` when it could not be taken."""
    problems: tuple[Problem, ...] = ()

    @property
    def complete(self) -> bool:
        """True when the bytes read are a faithful copy: keep the result only then."""
        return not any(p.severity is Severity.SKIPPED for p in self.problems)


class TypeKind(StrEnum):
    IMAGE = "image"
    VIDEO = "video"
    AUDIO = "audio"
    PDF = "pdf"
    DOCUMENT = "document"
    TEXT = "text"
    ARCHIVE = "archive"
    EMPTY = "empty"
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class DetectedType:
    """The type of a file from its content (never from its extension)."""

    kind: TypeKind
    mime: str
    extension: str
    """Usual extension for the detected type, without a dot; ``""`` when unknown."""
    method: str
    """How it was recognised: ``magic``, ``zip-container``, ``text-heuristic``, ``empty`` or ``unknown``."""
    extension_matches: bool | None = None
    """Whether the file's own extension fits the content (``None`` when it has none or type unknown)."""


@dataclass(frozen=True, slots=True)
class GeoPoint:
    """WGS 84 decimal degrees: south and west are negative."""

    latitude: float
    longitude: float
    altitude_m: float | None = None


@dataclass(frozen=True, slots=True)
class Metadata:
    """Structured fields a person or a search needs, plus everything found as a JSON-able dump."""

    created: str | None = None
    """Capture/creation date (EXIF DateTimeOriginal, PDF CreationDate, core ``dcterms:created``, media date)."""
    modified: str | None = None
    author: str | None = None
    last_modified_by: str | None = None
    title: str | None = None
    producer: str | None = None
    """Software that produced the file (PDF Producer/Creator, DOCX Application, ODT generator, EXIF Software)."""
    camera_make: str | None = None
    camera_model: str | None = None
    orientation: int | None = None
    """EXIF orientation 1 to 8."""
    gps: GeoPoint | None = None
    width: int | None = None
    height: int | None = None
    page_count: int | None = None
    duration_s: float | None = None
    codecs: tuple[str, ...] = ()
    raw: dict[str, JsonValue] = field(default_factory=dict)
    """Everything read, grouped by source (``exif``, ``gps``, ``pdf``, ``core``, ``general``, ...)."""
    truncated: bool = False
    """True when the raw dump was cut to respect the size limits."""


class DerivativeKind(StrEnum):
    THUMBNAIL = "thumbnail"
    TEXT = "text"


@dataclass(frozen=True, slots=True)
class Derivative:
    """Bytes made from an original (to be encrypted by storage and pointed at the original)."""

    kind: DerivativeKind
    media_type: str
    """``image/jpeg`` for thumbnails, ``text/plain; charset=utf-8`` for text."""
    data: bytes
    width: int | None = None
    height: int | None = None
    truncated: bool = False
    note: str = ""
    """How it was made (e.g. ``decoded as cp1256``, ``first page``)."""


@dataclass(frozen=True, slots=True)
class FileFacts:
    """Everything `inspect_file` learnt about one file, apart from its hash."""

    path: str
    detected: DetectedType
    identity: FileIdentity | None
    metadata: Metadata | None
    derivatives: tuple[Derivative, ...] = ()
    problems: tuple[Problem, ...] = ()

    def derivative(self, kind: DerivativeKind) -> Derivative | None:
        return next((d for d in self.derivatives if d.kind is kind), None)


@dataclass(frozen=True, slots=True)
class IntakeLimits:
    """Caps that keep hostile input from taking unbounded memory or time. Defaults suit a laptop."""

    max_image_pixels: int = 64_000_000
    """Images larger than this (after JPEG's reduced-scale decoding) are not decoded: no thumbnail, metadata
    still read. 64 MP decoded is about 256 MiB; JPEG photos of any size decode at 1/2 to 1/8 scale."""
    thumbnail_px: int = 512
    max_text_bytes: int = 8 * 1024 * 1024
    """Cap of extracted text (UTF-8 bytes)."""
    max_pdf_text_pages: int = 5000
    max_zip_entries: int = 10_000
    max_zip_member_bytes: int = 64 * 1024 * 1024
    max_zip_total_bytes: int = 512 * 1024 * 1024
    """A container inflating past this in all, at more than ``max_zip_ratio`` overall, is a bomb (big
    documents full of already-compressed photos and videos are not)."""
    max_zip_ratio: int = 200
    """Compression ratio above which a member (larger than 1 MiB) is treated as a bomb."""
    max_xml_part_bytes: int = 8 * 1024 * 1024
    """Cap for small XML parts (core/app properties, ODT meta)."""
    max_metadata_value_chars: int = 4096
    max_metadata_total_chars: int = 256 * 1024
    max_metadata_items: int = 2000
