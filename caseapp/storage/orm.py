"""Tables of a case database (SQLAlchemy 2 ORM). Rows never leave the storage package.

Identity that survives a team (architecture §9, schema 0003):
- every record table is keyed by a UUID (SQLAlchemy's ``Uuid``: 32 hex characters on SQLite, a
  native ``uuid`` on PostgreSQL), and foreign keys point at those UUIDs;
- a ref (``EX-12``, ``W-001``, ``LNK-5``) is a label in its own unique column, allocated from
  ``ref_counters`` and never renumbered; nothing joins on it;
- nothing is hard-deleted: records and taggings carry a tombstone (who, when, why);
- records name file content by (SHA-256, size); ``blob_files`` is the local map from content to
  the encrypted file on this laptop, and is never exchanged.

Tag, note and link targets use one nullable foreign key per kind of record, with a CHECK that
exactly one is set, so the database itself guards their integrity.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import CheckConstraint, ForeignKey, Index, MetaData, String, Text, TypeDecorator, Uuid, text
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
TIME_FORMAT = "%Y-%m-%dT%H:%M:%S.%fZ"
STORED_TIME_LENGTH = len("2000-01-01T00:00:00.000000Z")
REF_LENGTH = 24


class UTCDateTime(TypeDecorator[datetime]):
    """A timezone-aware UTC datetime stored as sortable ISO 8601 text with a trailing Z."""

    impl = String(27)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> str | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the database")
        return value.astimezone(UTC).strftime(TIME_FORMAT)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        text = str(value)
        if len(text) == STORED_TIME_LENGTH and text.endswith("Z"):  # what process_bind_param writes
            return datetime.fromisoformat(text).astimezone(UTC)  # 15 times faster than strptime
        return datetime.strptime(text, TIME_FORMAT).replace(tzinfo=UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


def _key() -> Mapped[uuid.UUID]:
    return mapped_column(Uuid(), primary_key=True, default=uuid.uuid4)


def _ref() -> Mapped[str]:
    return mapped_column(String(REF_LENGTH), unique=True)


def _fk(target: str, *, index: bool = False, nullable: bool = True) -> Any:
    return mapped_column(Uuid(), ForeignKey(target), index=index, nullable=nullable)


class TombstoneMixin:
    deleted_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    deleted_by: Mapped[str | None] = mapped_column(Text)
    deleted_reason: Mapped[str | None] = mapped_column(Text)


class CaseInfoRow(Base):
    __tablename__ = "case_info"
    __table_args__ = (CheckConstraint("id = 1", name="single_row"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[str] = mapped_column(String(36))
    title: Mapped[str] = mapped_column(Text)
    description: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    created_by: Mapped[str] = mapped_column(Text)
    time_zone: Mapped[str] = mapped_column(String(64), default="UTC")


class CaseSecretRow(Base):
    """Secrets and local facts that live only inside the encrypted database: the case's age
    identity, and this copy's device id (named in every custody entry it writes)."""

    __tablename__ = "case_secrets"
    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class RefCounterRow(Base):
    """The last number given for each ref prefix (``EX``, ``W``, ``LNK`` ...); refs are never reused."""

    __tablename__ = "ref_counters"
    prefix: Mapped[str] = mapped_column(String(16), primary_key=True)
    last: Mapped[int]


class PersonRow(TombstoneMixin, Base):
    __tablename__ = "persons"
    id: Mapped[uuid.UUID] = _key()
    ref: Mapped[str] = _ref()  # the pseudonym, e.g. W-001
    role: Mapped[str] = mapped_column(String(16))
    protection: Mapped[str] = mapped_column(String(16))
    full_name: Mapped[str] = mapped_column(Text, default="")
    description: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    risk: Mapped[str] = mapped_column(String(16), default="unknown", server_default="unknown")


class PersonIdentityRow(Base):
    """A person's aliases, date of birth and contact, apart from the person's row (schema 0006): no
    listing reads this table; only the recorded reveal and the edits of these values do."""

    __tablename__ = "person_identities"
    person_id: Mapped[uuid.UUID] = mapped_column(Uuid(), ForeignKey("persons.id"), primary_key=True)
    aliases_json: Mapped[str] = mapped_column(Text, default="[]")
    born: Mapped[str] = mapped_column(String(10), default="")
    contact: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())


class ConsentRow(TombstoneMixin, Base):
    """One consent statement of a person for one scope; a withdrawal is a newer row, and undoing a
    statement sets its tombstone."""

    __tablename__ = "person_consents"
    id: Mapped[uuid.UUID] = _key()
    person_id: Mapped[uuid.UUID] = _fk("persons.id", index=True, nullable=False)
    scope: Mapped[str] = mapped_column(String(16))
    state: Mapped[str] = mapped_column(String(16))
    on: Mapped[str] = mapped_column(String(10))  # ISO date
    note: Mapped[str] = mapped_column(Text, default="")
    author: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class IncidentRow(TombstoneMixin, Base):
    __tablename__ = "incidents"
    id: Mapped[uuid.UUID] = _key()
    ref: Mapped[str] = _ref()
    title: Mapped[str] = mapped_column(Text)
    description: Mapped[str] = mapped_column(Text, default="")
    time_start: Mapped[datetime | None] = mapped_column(UTCDateTime())
    time_end: Mapped[datetime | None] = mapped_column(UTCDateTime())
    time_precision: Mapped[str] = mapped_column(String(16))
    time_zone: Mapped[str] = mapped_column(String(64), default="UTC")
    place_name: Mapped[str] = mapped_column(Text, default="")
    latitude: Mapped[float | None]
    longitude: Mapped[float | None]
    place_precision: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    country: Mapped[str | None] = mapped_column(String(2))  # ISO 3166-1 alpha-2, when set


class SourceRow(TombstoneMixin, Base):
    __tablename__ = "sources"
    id: Mapped[uuid.UUID] = _key()
    ref: Mapped[str] = _ref()
    name: Mapped[str] = mapped_column(Text)
    description: Mapped[str] = mapped_column(Text, default="")
    reliability: Mapped[str] = mapped_column(String(1))
    credibility: Mapped[str] = mapped_column(String(1))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class ExhibitRow(TombstoneMixin, Base):
    __tablename__ = "exhibits"
    __table_args__ = (
        Index("ix_exhibits_kind_acquired", "kind", "acquired_at"),
        Index("ix_exhibits_title", "title"),
        Index("ix_exhibits_acquired", "acquired_at"),
        Index("ix_exhibits_sha256", "sha256"),
        # Live exhibits by number in the partial index below; deleted ones here. No index holds every
        # number: SQLite took it for a search's matches and read each row for deleted_at (0008).
        Index("ix_exhibits_deleted_number", "number", sqlite_where=text("deleted_at IS NOT NULL")),
        # The gap matrix looks up each linked exhibit's tombstone and source from the index alone (0008).
        Index("ix_exhibits_tombstone_source", "id", "deleted_at", "source_id"),
        Index("ix_exhibits_live_title", "title", "number", sqlite_where=text("deleted_at IS NULL")),
        # Holds the columns the table sorts by, so a search's matches are ordered from the index (0008).
        Index(
            "ix_exhibits_live_number",
            "number",
            "ref",
            "title",
            "kind",
            "captured",
            "deleted_at",  # always null here, yet SQLite reads the row for it unless the index holds it
            sqlite_where=text("deleted_at IS NULL"),
        ),
    )
    id: Mapped[uuid.UUID] = _key()
    ref: Mapped[str] = _ref()
    number: Mapped[int]  # the ref's number, for sorting EX-2 before EX-10
    title: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(16))
    description: Mapped[str] = mapped_column(Text, default="")
    source_id: Mapped[uuid.UUID | None] = _fk("sources.id", index=True)
    sensitivity: Mapped[str] = mapped_column(String(24))
    acquired_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    # The file's content, named by what it is, never by where this laptop keeps it (blob_files).
    sha256: Mapped[str | None] = mapped_column(String(64))
    size: Mapped[int | None]
    original_name: Mapped[str | None] = mapped_column(Text)
    mime: Mapped[str | None] = mapped_column(String(100))
    relative_path: Mapped[str | None] = mapped_column(Text)
    file_modified: Mapped[str | None] = mapped_column(String(40))
    file_changed: Mapped[str | None] = mapped_column(String(40))
    imported_by: Mapped[str | None] = mapped_column(Text)
    acquisition_note: Mapped[str | None] = mapped_column(Text)
    captured: Mapped[str | None] = mapped_column(String(40))
    latitude: Mapped[float | None]
    longitude: Mapped[float | None]
    metadata_json: Mapped[str | None] = mapped_column(Text)
    problems_json: Mapped[str] = mapped_column(Text, default="[]")
    """What intake reported about the file (a truncated JPEG, an unreadable MP4), kept for good."""


class TagRow(Base):
    __tablename__ = "tags"
    id: Mapped[uuid.UUID] = _key()
    name: Mapped[str] = mapped_column(String(100), unique=True)


_ONE_TARGET = "(exhibit_id IS NOT NULL) + (person_id IS NOT NULL) + (incident_id IS NOT NULL) + (source_id IS NOT NULL)"


class TaggingRow(TombstoneMixin, Base):
    """A tag on one record. Removing a tag sets the tombstone; tagging again clears it."""

    __tablename__ = "taggings"
    __table_args__ = (
        CheckConstraint(f"{_ONE_TARGET} = 1", name="one_target"),
        Index("ux_taggings_target", "tag_id", "exhibit_id", "person_id", "incident_id", "source_id", unique=True),
        Index("ix_taggings_exhibit", "exhibit_id"),
        Index("ix_taggings_tag_live", "tag_id", "deleted_at", "exhibit_id", "id"),
    )
    id: Mapped[uuid.UUID] = _key()
    tag_id: Mapped[uuid.UUID] = _fk("tags.id", nullable=False)
    exhibit_id: Mapped[uuid.UUID | None] = _fk("exhibits.id")
    person_id: Mapped[uuid.UUID | None] = _fk("persons.id")
    incident_id: Mapped[uuid.UUID | None] = _fk("incidents.id")
    source_id: Mapped[uuid.UUID | None] = _fk("sources.id")
    created_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    created_by: Mapped[str | None] = mapped_column(Text)


class NoteRow(TombstoneMixin, Base):
    """A note on one record, or on the case itself when no target column is set."""

    __tablename__ = "notes"
    __table_args__ = (CheckConstraint(f"{_ONE_TARGET} <= 1", name="at_most_one_target"),)
    id: Mapped[uuid.UUID] = _key()
    ref: Mapped[str] = _ref()
    exhibit_id: Mapped[uuid.UUID | None] = _fk("exhibits.id", index=True)
    person_id: Mapped[uuid.UUID | None] = _fk("persons.id", index=True)
    incident_id: Mapped[uuid.UUID | None] = _fk("incidents.id", index=True)
    source_id: Mapped[uuid.UUID | None] = _fk("sources.id", index=True)
    text: Mapped[str] = mapped_column(Text)
    author: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class LinkRow(TombstoneMixin, Base):
    __tablename__ = "links"
    __table_args__ = (CheckConstraint("(person_id IS NOT NULL) + (incident_id IS NOT NULL) = 1", name="one_target"),)
    id: Mapped[uuid.UUID] = _key()
    ref: Mapped[str] = _ref()
    exhibit_id: Mapped[uuid.UUID] = _fk("exhibits.id", index=True, nullable=False)
    person_id: Mapped[uuid.UUID | None] = _fk("persons.id", index=True)
    incident_id: Mapped[uuid.UUID | None] = _fk("incidents.id", index=True)
    stance: Mapped[str] = mapped_column(String(16))
    reasoning: Mapped[str] = mapped_column(Text)
    author: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class ChargeRow(TombstoneMixin, Base):
    """A charge: a crime of the legal catalogue (by id, with the catalogue edition it was made under)."""

    __tablename__ = "charges"
    id: Mapped[uuid.UUID] = _key()
    ref: Mapped[str] = _ref()
    crime_id: Mapped[str] = mapped_column(String(40))
    catalogue_edition: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16))
    analysis: Mapped[str] = mapped_column(Text, default="")
    author: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class ChargeSuspectRow(TombstoneMixin, Base):
    """A suspect of a charge with a mode of liability; taking one off a charge sets the tombstone."""

    __tablename__ = "charge_suspects"
    __table_args__ = (Index("ux_charge_suspects", "charge_id", "person_id", "mode_id", unique=True),)
    id: Mapped[uuid.UUID] = _key()
    charge_id: Mapped[uuid.UUID] = _fk("charges.id", index=True, nullable=False)
    person_id: Mapped[uuid.UUID] = _fk("persons.id", index=True, nullable=False)
    mode_id: Mapped[str] = mapped_column(String(40))


class ChargeIncidentRow(TombstoneMixin, Base):
    """An incident a charge covers; taking it off sets the tombstone."""

    __tablename__ = "charge_incidents"
    __table_args__ = (Index("ux_charge_incidents", "charge_id", "incident_id", unique=True),)
    id: Mapped[uuid.UUID] = _key()
    charge_id: Mapped[uuid.UUID] = _fk("charges.id", index=True, nullable=False)
    incident_id: Mapped[uuid.UUID] = _fk("incidents.id", index=True, nullable=False)


class ElementLinkRow(TombstoneMixin, Base):
    """An exhibit (or an excerpt of it, as JSON) linked to an element id of the legal catalogue."""

    __tablename__ = "element_links"
    __table_args__ = (
        # the review queue: the oldest proposals first, one page without sorting every proposal
        Index("ix_element_links_review_created", "review", "created_at", "id"),
        # the gap matrix reads what it counts from the index alone
        Index("ix_element_links_gap", "element_id", "review", "deleted_at", "stance", "weight", "exhibit_id", "ref"),
    )
    id: Mapped[uuid.UUID] = _key()
    ref: Mapped[str] = _ref()
    exhibit_id: Mapped[uuid.UUID] = _fk("exhibits.id", index=True, nullable=False)
    excerpt_json: Mapped[str | None] = mapped_column(Text)
    element_id: Mapped[str] = mapped_column(String(60), index=True)
    catalogue_edition: Mapped[str] = mapped_column(Text)
    stance: Mapped[str] = mapped_column(String(16))
    weight: Mapped[str] = mapped_column(String(16))
    basis: Mapped[str] = mapped_column(String(16))
    reasoning: Mapped[str] = mapped_column(Text)
    author: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    review: Mapped[str] = mapped_column(String(16))
    reviewed_by: Mapped[str | None] = mapped_column(Text)
    reviewed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class DossierSettingRow(Base):
    """One of the author's dossier inputs by name (``situation``, ``sender``, ``territory`` ...), as
    JSON; the service decides what each holds. Changed in place; the old value goes to ``revisions``."""

    __tablename__ = "dossier_settings"
    id: Mapped[uuid.UUID] = _key()
    name: Mapped[str] = mapped_column(String(40), unique=True)
    value_json: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())
    updated_by: Mapped[str] = mapped_column(Text)


class DossierSectionRow(TombstoneMixin, Base):
    """The author's text of one narrative section (``introduction``, ``gravity`` ...); clearing it
    sets the tombstone, writing it again takes the tombstone away."""

    __tablename__ = "dossier_sections"
    id: Mapped[uuid.UUID] = _key()
    section: Mapped[str] = mapped_column(String(40), unique=True)
    text: Mapped[str] = mapped_column(Text)
    author: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())


class RevisionRow(Base):
    """The values an edit replaced, kept inside the encrypted database (the custody entry of the
    edit carries them too, or only their keyed hashes for protected values). Undo reads them."""

    __tablename__ = "revisions"
    __table_args__ = (Index("ix_revisions_record", "record_id"),)
    id: Mapped[uuid.UUID] = _key()
    custody_seq: Mapped[int] = mapped_column(index=True)
    record_kind: Mapped[str] = mapped_column(String(16))
    record_id: Mapped[uuid.UUID] = mapped_column(Uuid())
    old_json: Mapped[str] = mapped_column(Text)
    new_json: Mapped[str] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(Text, default="")


class CustodyRow(Base):
    """Append-only: triggers (created by the migration) refuse UPDATE and DELETE.

    ``version`` 1 entries (before schema 0003) hash {seq, at, actor, action, target, details,
    prev_hash}; version 2 entries also hash ``v``, ``device`` and ``target_id``."""

    __tablename__ = "custody"
    seq: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    at: Mapped[str] = mapped_column(String(27))
    actor: Mapped[str] = mapped_column(Text, index=True)
    action: Mapped[str] = mapped_column(String(64))
    target: Mapped[str] = mapped_column(String(32), index=True)
    details: Mapped[str] = mapped_column(Text)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))
    version: Mapped[int] = mapped_column(default=1)
    device: Mapped[str | None] = mapped_column(String(36))
    target_id: Mapped[str | None] = mapped_column(String(36), index=True)


class DerivativeRow(Base):
    """A thumbnail or extracted text made from an original; never replaces it. Named by content."""

    __tablename__ = "derivatives"
    id: Mapped[uuid.UUID] = _key()
    exhibit_id: Mapped[uuid.UUID] = _fk("exhibits.id", index=True, nullable=False)
    kind: Mapped[str] = mapped_column(String(16))
    media_type: Mapped[str] = mapped_column(String(100))
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int]
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class BlobFileRow(Base):
    """Local bookkeeping, never exchanged: which encrypted file under ``blobs/`` holds a content."""

    __tablename__ = "blob_files"
    __table_args__ = (Index("ix_blob_files_content", "sha256", "size"),)
    name: Mapped[str] = mapped_column(String(32), primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int]
    state: Mapped[str] = mapped_column(String(16), default="stored")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class AcquisitionRow(Base):
    """One sighting of a file: the first import, and every later identical copy found."""

    __tablename__ = "acquisitions"
    __table_args__ = (Index("ix_acquisitions_resume", "original_path", "size", "mtime_ns"),)
    id: Mapped[uuid.UUID] = _key()
    exhibit_id: Mapped[uuid.UUID] = _fk("exhibits.id", index=True, nullable=False)
    job_id: Mapped[uuid.UUID | None] = _fk("import_jobs.id", index=True)
    seen_at: Mapped[datetime] = mapped_column(UTCDateTime())
    actor: Mapped[str] = mapped_column(Text)
    source_id: Mapped[uuid.UUID | None] = _fk("sources.id")
    original_path: Mapped[str] = mapped_column(Text)
    relative_path: Mapped[str] = mapped_column(Text)
    size: Mapped[int]
    mtime_ns: Mapped[int]
    note: Mapped[str] = mapped_column(Text, default="")


class ImportJobRow(Base):
    """An import run: what was asked, how far it got, and every problem reported."""

    __tablename__ = "import_jobs"
    id: Mapped[uuid.UUID] = _key()
    started_at: Mapped[datetime] = mapped_column(UTCDateTime())
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    actor: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16))
    paths_json: Mapped[str] = mapped_column(Text)
    summary_json: Mapped[str] = mapped_column(Text, default="{}")
    problems_json: Mapped[str] = mapped_column(Text, default="[]")


# The full-text index (FTS5, created by the migrations): exhibit_id is the exhibit's UUID as
# SQLAlchemy stores it on SQLite (32 lowercase hex digits); title and body in search form.
FULL_TEXT_TABLE = "exhibit_text"
FULL_TEXT_CREATE = (
    "CREATE VIRTUAL TABLE exhibit_text USING fts5("
    "exhibit_id UNINDEXED, title, body, tokenize = 'unicode61 remove_diacritics 2')"
)
