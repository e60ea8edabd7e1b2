"""The state of an in-memory case: rows as plain dicts named like the SQL columns, and their
conversion to the entities of :mod:`caseapp.core.entities`.

Rows keep what the database keeps (enum values as text, times as aware UTC datetimes, JSON as
text) so that the fake behaves like the SQLCipher store at the same boundary: what goes in as an
entity comes back converted, and an ``update`` names columns, not entity fields. It is written
independently of ``caseapp.storage`` so that comparing the two finds a bug in either.
"""

from __future__ import annotations

import copy
import enum
import json
import re
import unicodedata
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from caseapp.core import searchtext
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
from caseapp.core.ports import Revision
from caseapp.core.refs import RefKind
from caseapp.core.timeinput import in_zone, zone

Row = dict[str, Any]

_TOMBSTONE = frozenset({"deleted_at", "deleted_by", "deleted_reason"})
COLUMNS: dict[RefKind, frozenset[str]] = {
    RefKind.PERSON: frozenset({"id", "ref", "role", "protection", "full_name", "description", "created_at", "risk"}),
    RefKind.INCIDENT: frozenset(
        {
            "id",
            "ref",
            "title",
            "description",
            "time_start",
            "time_end",
            "time_precision",
            "time_zone",
            "place_name",
            "latitude",
            "longitude",
            "place_precision",
            "created_at",
        }
    ),
    RefKind.SOURCE: frozenset({"id", "ref", "name", "description", "reliability", "credibility", "created_at"}),
    RefKind.EXHIBIT: frozenset(
        {
            "id",
            "ref",
            "number",
            "title",
            "kind",
            "description",
            "source_id",
            "sensitivity",
            "acquired_at",
            "created_at",
            "sha256",
            "size",
            "original_name",
            "mime",
            "relative_path",
            "file_modified",
            "file_changed",
            "imported_by",
            "acquisition_note",
            "captured",
            "latitude",
            "longitude",
            "metadata_json",
            "problems_json",
        }
    ),
    RefKind.NOTE: frozenset(
        {"id", "ref", "exhibit_id", "person_id", "incident_id", "source_id", "text", "author", "created_at"}
    ),
    RefKind.LINK: frozenset(
        {"id", "ref", "exhibit_id", "person_id", "incident_id", "stance", "reasoning", "author", "created_at"}
    ),
}
RECORD_KINDS = tuple(COLUMNS)
# The column naming the target of a tagging or a note, per kind of record.
TARGET_COLUMN = {
    RefKind.EXHIBIT: "exhibit_id",
    RefKind.PERSON: "person_id",
    RefKind.INCIDENT: "incident_id",
    RefKind.SOURCE: "source_id",
}


def stored(value: Any) -> Any:
    """A value as a column keeps it: enums as their value, times as aware UTC (naive refused)."""
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, datetime):
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the database")
        return value.astimezone(UTC)
    return value


def as_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def round_trip(value: Any) -> Any:
    """What a JSON column gives back for ``value`` (tuples become lists, keys sorted)."""
    return json.loads(as_json(value))


def new_row(table: RefKind, /, **values: Any) -> Row:
    """A row of ``table`` with every column (missing ones None) and an empty tombstone."""
    row: Row = dict.fromkeys(COLUMNS[table] | _TOMBSTONE)
    for column, value in values.items():
        if column not in row:
            raise ValueError(f"{table.value} has no column {column}")
        row[column] = stored(value)
    return row


@dataclass
class State:
    """Everything a case holds. Write transactions work on a copy and swap it in at commit."""

    device: str
    case_info: CaseInfo | None = None
    counters: dict[str, int] = field(default_factory=dict)
    rows: dict[RefKind, dict[uuid.UUID, Row]] = field(default_factory=lambda: {k: {} for k in RECORD_KINDS})
    tags: dict[str, uuid.UUID] = field(default_factory=dict)  # name -> id
    taggings: list[Row] = field(default_factory=list)  # tag, kind, target_id, created_*, deleted_*
    custody: list[CustodyEntry] = field(default_factory=list)
    secrets: dict[str, str] = field(default_factory=dict)
    revisions: list[Revision] = field(default_factory=list)
    derivatives: list[Row] = field(default_factory=list)
    acquisitions: list[Row] = field(default_factory=list)
    blob_files: list[Row] = field(default_factory=list)
    jobs: dict[uuid.UUID, Row] = field(default_factory=dict)
    index: dict[uuid.UUID, tuple[str, str]] = field(default_factory=dict)  # search forms of title, body
    dossier_settings: dict[str, str] = field(default_factory=dict)  # name -> value as JSON text
    dossier_sections: dict[str, Row] = field(default_factory=dict)  # key -> text, author, updated_at, deleted_*
    identities: dict[uuid.UUID, Row] = field(default_factory=dict)  # person id -> aliases, born, contact
    consents: list[Row] = field(default_factory=list)  # in the order written

    def copy(self) -> State:
        return copy.deepcopy(self)


# -- rows to entities ------------------------------------------------------------------------
def tombstone(row: Row) -> Tombstone | None:
    if row["deleted_at"] is None:
        return None
    return Tombstone(at=row["deleted_at"], by=row["deleted_by"] or "", reason=row["deleted_reason"] or "")


def person(row: Row, tags: tuple[str, ...]) -> Person:
    return Person(
        id=row["id"],
        ref=row["ref"],
        role=PersonRole(row["role"]),
        protection=ProtectionLevel(row["protection"]),
        full_name=row["full_name"],
        description=row["description"],
        created_at=row["created_at"],
        deleted=tombstone(row),
        tags=tags,
        risk=RiskLevel(row.get("risk", "unknown")),
    )


def _shown_zone(name: str) -> str:
    try:
        zone(name)
    except ValidationError:
        return "UTC"
    return name


def incident(row: Row, tags: tuple[str, ...]) -> Incident:
    shown = _shown_zone(row["time_zone"])
    return Incident(
        id=row["id"],
        ref=row["ref"],
        title=row["title"],
        description=row["description"],
        time_start=in_zone(row["time_start"], shown),
        time_end=in_zone(row["time_end"], shown),
        time_precision=TimePrecision(row["time_precision"]),
        place_name=row["place_name"],
        latitude=row["latitude"],
        longitude=row["longitude"],
        place_precision=PlacePrecision(row["place_precision"]),
        created_at=row["created_at"],
        deleted=tombstone(row),
        tags=tags,
        time_zone=row["time_zone"],
    )


def source(row: Row, tags: tuple[str, ...]) -> Source:
    return Source(
        id=row["id"],
        ref=row["ref"],
        name=row["name"],
        description=row["description"],
        reliability=SourceReliability(row["reliability"]),
        credibility=InformationCredibility(row["credibility"]),
        created_at=row["created_at"],
        deleted=tombstone(row),
        tags=tags,
    )


def exhibit(row: Row, tags: tuple[str, ...], source_ref: str | None, links: int) -> Exhibit:
    return Exhibit(
        id=row["id"],
        ref=row["ref"],
        title=row["title"],
        kind=ExhibitKind(row["kind"]),
        description=row["description"],
        source_id=row["source_id"],
        sensitivity=Sensitivity(row["sensitivity"]),
        acquired_at=row["acquired_at"],
        created_at=row["created_at"],
        sha256=row["sha256"],
        size=row["size"],
        original_name=row["original_name"],
        tags=tags,
        deleted=tombstone(row),
        mime=row["mime"],
        relative_path=row["relative_path"],
        captured=row["captured"],
        latitude=row["latitude"],
        longitude=row["longitude"],
        imported_by=row["imported_by"],
        acquisition_note=row["acquisition_note"],
        file_modified=row["file_modified"],
        source_ref=source_ref,
        warnings=tuple(str(w) for w in json.loads(row["problems_json"] or "[]")),
        link_count=links,
    )


def note(row: Row, target_kind: str, target_ref: str) -> Note:
    target_id = next((row[c] for c in TARGET_COLUMN.values() if row[c] is not None), None)
    return Note(
        id=row["id"],
        ref=row["ref"],
        target_kind=target_kind,
        target_id=target_id,
        target_ref=target_ref,
        text=row["text"],
        author=row["author"],
        created_at=row["created_at"],
        deleted=tombstone(row),
    )


def link(row: Row, exhibit_ref: str, target_kind: str, target_ref: str) -> Link:
    target_id = row["person_id"] or row["incident_id"]
    assert target_id is not None
    return Link(
        id=row["id"],
        ref=row["ref"],
        exhibit_id=row["exhibit_id"],
        exhibit_ref=exhibit_ref,
        target_kind=target_kind,
        target_id=target_id,
        target_ref=target_ref,
        stance=LinkStance(row["stance"]),
        reasoning=row["reasoning"],
        author=row["author"],
        created_at=row["created_at"],
        deleted=tombstone(row),
    )


# -- full-text search ------------------------------------------------------------------------
_TOKEN = re.compile(r"[^\W_]+")


def tokens(text: str) -> list[str]:
    """Tokens as SQLite's ``unicode61 remove_diacritics 2`` makes them: runs of letters and
    digits, lower-cased, Latin accents removed."""
    decomposed = unicodedata.normalize("NFD", text.lower())
    return _TOKEN.findall("".join(c for c in decomposed if not unicodedata.combining(c)))


def _phrase_in(words: list[str], column: list[str]) -> bool:
    """The words in a row in ``column``, the last one as a prefix (an FTS5 ``"..."*`` phrase)."""
    span = len(words)
    for start in range(len(column) - span + 1):
        window = column[start : start + span]
        if window[:-1] == words[:-1] and window[-1].startswith(words[-1]):
            return True
    return False


def matches(query: str, title: str, body: str) -> bool:
    """Every word of ``query`` (in search form) found as a prefix in the title or the body."""
    columns = (tokens(title), tokens(body))
    for word in searchtext.query_words(query):
        phrase = tokens(word)
        if phrase and not any(_phrase_in(phrase, column) for column in columns):
            return False
    return True
