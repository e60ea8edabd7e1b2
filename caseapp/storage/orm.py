"""Tables of a case database (SQLAlchemy 2 ORM). Rows never leave the storage package.

Nothing is hard-deleted (architecture §9): records carry a tombstone (who, when, why).
Tag, note and link targets use one nullable foreign key per kind of record, with a CHECK that
exactly one is set, so the database itself guards their integrity.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import CheckConstraint, ForeignKey, Index, MetaData, String, Text, TypeDecorator
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
        return datetime.strptime(str(value), TIME_FORMAT).replace(tzinfo=UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


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


class CaseSecretRow(Base):
    """Secrets that live only inside the encrypted database (e.g. the case's age identity)."""

    __tablename__ = "case_secrets"
    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class PersonRow(TombstoneMixin, Base):
    __tablename__ = "persons"
    id: Mapped[int] = mapped_column(primary_key=True)
    pseudonym: Mapped[str] = mapped_column(String(16), unique=True)
    role: Mapped[str] = mapped_column(String(16))
    protection: Mapped[str] = mapped_column(String(16))
    full_name: Mapped[str] = mapped_column(Text, default="")
    description: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class IncidentRow(TombstoneMixin, Base):
    __tablename__ = "incidents"
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(Text)
    description: Mapped[str] = mapped_column(Text, default="")
    time_start: Mapped[datetime | None] = mapped_column(UTCDateTime())
    time_end: Mapped[datetime | None] = mapped_column(UTCDateTime())
    time_precision: Mapped[str] = mapped_column(String(16))
    place_name: Mapped[str] = mapped_column(Text, default="")
    latitude: Mapped[float | None]
    longitude: Mapped[float | None]
    place_precision: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class SourceRow(TombstoneMixin, Base):
    __tablename__ = "sources"
    id: Mapped[int] = mapped_column(primary_key=True)
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
        Index("ux_exhibits_blob", "blob", unique=True),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(16))
    description: Mapped[str] = mapped_column(Text, default="")
    source_id: Mapped[int | None] = mapped_column(ForeignKey("sources.id"), index=True)
    sensitivity: Mapped[str] = mapped_column(String(24))
    acquired_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    sha256: Mapped[str | None] = mapped_column(String(64))
    size: Mapped[int | None]
    original_name: Mapped[str | None] = mapped_column(Text)
    # Filled by file intake (schema 0002).
    blob: Mapped[str | None] = mapped_column(String(32))
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


class TagRow(Base):
    __tablename__ = "tags"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)


_ONE_TARGET = "(exhibit_id IS NOT NULL) + (person_id IS NOT NULL) + (incident_id IS NOT NULL) + (source_id IS NOT NULL)"


class TaggingRow(Base):
    __tablename__ = "taggings"
    __table_args__ = (
        CheckConstraint(f"{_ONE_TARGET} = 1", name="one_target"),
        Index("ux_taggings_target", "tag_id", "exhibit_id", "person_id", "incident_id", "source_id", unique=True),
        Index("ix_taggings_exhibit", "exhibit_id"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    tag_id: Mapped[int] = mapped_column(ForeignKey("tags.id"))
    exhibit_id: Mapped[int | None] = mapped_column(ForeignKey("exhibits.id"))
    person_id: Mapped[int | None] = mapped_column(ForeignKey("persons.id"))
    incident_id: Mapped[int | None] = mapped_column(ForeignKey("incidents.id"))
    source_id: Mapped[int | None] = mapped_column(ForeignKey("sources.id"))


class NoteRow(TombstoneMixin, Base):
    """A note on one record, or on the case itself when no target column is set."""

    __tablename__ = "notes"
    __table_args__ = (CheckConstraint(f"{_ONE_TARGET} <= 1", name="at_most_one_target"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    exhibit_id: Mapped[int | None] = mapped_column(ForeignKey("exhibits.id"), index=True)
    person_id: Mapped[int | None] = mapped_column(ForeignKey("persons.id"), index=True)
    incident_id: Mapped[int | None] = mapped_column(ForeignKey("incidents.id"), index=True)
    source_id: Mapped[int | None] = mapped_column(ForeignKey("sources.id"), index=True)
    text: Mapped[str] = mapped_column(Text)
    author: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class LinkRow(TombstoneMixin, Base):
    __tablename__ = "links"
    __table_args__ = (CheckConstraint("(person_id IS NOT NULL) + (incident_id IS NOT NULL) = 1", name="one_target"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    exhibit_id: Mapped[int] = mapped_column(ForeignKey("exhibits.id"), index=True)
    person_id: Mapped[int | None] = mapped_column(ForeignKey("persons.id"), index=True)
    incident_id: Mapped[int | None] = mapped_column(ForeignKey("incidents.id"), index=True)
    stance: Mapped[str] = mapped_column(String(16))
    reasoning: Mapped[str] = mapped_column(Text)
    author: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class CustodyRow(Base):
    """Append-only: triggers (created by the migration) refuse UPDATE and DELETE."""

    __tablename__ = "custody"
    seq: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    at: Mapped[str] = mapped_column(String(27))
    actor: Mapped[str] = mapped_column(Text)
    action: Mapped[str] = mapped_column(String(64))
    target: Mapped[str] = mapped_column(String(32), index=True)
    details: Mapped[str] = mapped_column(Text)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class DerivativeRow(Base):
    """An encrypted thumbnail or extracted text made from an original; never replaces it."""

    __tablename__ = "derivatives"
    id: Mapped[int] = mapped_column(primary_key=True)
    exhibit_id: Mapped[int] = mapped_column(ForeignKey("exhibits.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    media_type: Mapped[str] = mapped_column(String(100))
    blob: Mapped[str] = mapped_column(String(32), unique=True)
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int]
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class AcquisitionRow(Base):
    """One sighting of a file: the first import, and every later identical copy found."""

    __tablename__ = "acquisitions"
    __table_args__ = (Index("ix_acquisitions_resume", "original_path", "size", "mtime_ns"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    exhibit_id: Mapped[int] = mapped_column(ForeignKey("exhibits.id"), index=True)
    job_id: Mapped[int | None] = mapped_column(ForeignKey("import_jobs.id"), index=True)
    seen_at: Mapped[datetime] = mapped_column(UTCDateTime())
    actor: Mapped[str] = mapped_column(Text)
    source_id: Mapped[int | None] = mapped_column(ForeignKey("sources.id"))
    original_path: Mapped[str] = mapped_column(Text)
    relative_path: Mapped[str] = mapped_column(Text)
    size: Mapped[int]
    mtime_ns: Mapped[int]
    note: Mapped[str] = mapped_column(Text, default="")


class ImportJobRow(Base):
    """An import run: what was asked, how far it got, and every problem reported."""

    __tablename__ = "import_jobs"
    id: Mapped[int] = mapped_column(primary_key=True)
    started_at: Mapped[datetime] = mapped_column(UTCDateTime())
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    actor: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16))
    paths_json: Mapped[str] = mapped_column(Text)
    summary_json: Mapped[str] = mapped_column(Text, default="{}")
    problems_json: Mapped[str] = mapped_column(Text, default="[]")
