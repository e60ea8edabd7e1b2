"""UUID keys, refs in their own column, tagging tombstones, blob files apart, custody version and device.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-27 10:00:00.000000

Converts a case in place (``caseapp.storage.migrate`` has backed the database up and runs the whole
upgrade in one transaction):

- every record table is rebuilt with a UUID key (32 lowercase hex digits, as SQLAlchemy's ``Uuid``
  stores it on SQLite) and every foreign key is rewritten to the new key of the row it named,
  through one temporary old-id -> new-uuid map per table;
- refs keep their old values: a person's pseudonym, ``INC-<id>``, ``SRC-<id>``, ``EX-<id>``,
  ``NOTE-<id>``, ``LNK-<id>``; ``ref_counters`` starts at the highest number used per prefix
  (in the records or named by a custody entry), so no ref is ever given twice;
- blob file names move out of exhibits and derivatives into ``blob_files``;
- custody gets three columns by ALTER TABLE ADD COLUMN only: its rows are never rewritten, so the
  chain verifies exactly as before;
- the full-text table is recreated keyed by the exhibit's UUID and refilled from the old one, in
  today's search form, with the exhibits made before schema 0002 (never indexed) added.

One way only: the way back is the backup taken before the upgrade.
"""

from __future__ import annotations

import json
import re
import uuid
from collections import defaultdict
from typing import Any

import sqlalchemy as sa
from alembic import op

from caseapp.core.errors import CaseDamagedError
from caseapp.core.searchtext import index_form

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

# Record tables, parents before children (rebuilt in this order, old copies dropped in reverse).
RECORD_TABLES = (
    "persons",
    "incidents",
    "sources",
    "tags",
    "import_jobs",
    "exhibits",
    "taggings",
    "notes",
    "links",
    "derivatives",
    "acquisitions",
)
OLD = "_v2_"  # prefix of the old tables while their rows are copied
FULL_TEXT = (
    "CREATE VIRTUAL TABLE exhibit_text USING fts5("
    "exhibit_id UNINDEXED, title, body, tokenize = 'unicode61 remove_diacritics 2')"
)
ONE_TARGET = "(exhibit_id IS NOT NULL) + (person_id IS NOT NULL) + (incident_id IS NOT NULL) + (source_id IS NOT NULL)"
NUMBERED_REF = re.compile(r"^(EX|INC|SRC|NOTE|LNK|[WVSP])-([0-9]{1,18})$")
DEVICE_ID = "device_id"


def _sql(statement: str, parameters: Any = None) -> sa.CursorResult[Any]:
    connection = op.get_bind()
    if parameters is None:
        return connection.exec_driver_sql(statement)
    return connection.exec_driver_sql(statement, parameters)


def _rows(statement: str, parameters: Any = None) -> list[tuple[Any, ...]]:
    return [tuple(row) for row in _sql(statement, parameters)]


def _tombstone() -> list[sa.Column[Any]]:
    return [
        sa.Column("deleted_at", sa.String(length=27), nullable=True),
        sa.Column("deleted_by", sa.Text(), nullable=True),
        sa.Column("deleted_reason", sa.Text(), nullable=True),
    ]


def _key(table: str) -> list[Any]:
    return [sa.Column("id", sa.Uuid(), nullable=False), sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{table}"))]


def _ref(table: str) -> list[Any]:
    return [
        sa.Column("ref", sa.String(length=24), nullable=False),
        sa.UniqueConstraint("ref", name=op.f(f"uq_{table}_ref")),
    ]


def _fk(table: str, column: str, target: str, *, nullable: bool = True) -> list[Any]:
    return [
        sa.Column(column, sa.Uuid(), nullable=nullable),
        sa.ForeignKeyConstraint([column], [f"{target}.id"], name=op.f(f"fk_{table}_{column}_{target}")),
    ]


def _index(table: str, *columns: str) -> None:
    for column in columns:
        op.create_index(op.f(f"ix_{table}_{column}"), table, [column], unique=False)


def _create_record_tables() -> None:
    op.create_table(
        "persons",
        *_key("persons"),
        *_ref("persons"),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("protection", sa.String(length=16), nullable=False),
        sa.Column("full_name", sa.Text(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("created_at", sa.String(length=27), nullable=False),
        *_tombstone(),
    )
    op.create_table(
        "incidents",
        *_key("incidents"),
        *_ref("incidents"),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("time_start", sa.String(length=27), nullable=True),
        sa.Column("time_end", sa.String(length=27), nullable=True),
        sa.Column("time_precision", sa.String(length=16), nullable=False),
        sa.Column("time_zone", sa.String(length=64), nullable=False),
        sa.Column("place_name", sa.Text(), nullable=False),
        sa.Column("latitude", sa.Double(), nullable=True),
        sa.Column("longitude", sa.Double(), nullable=True),
        sa.Column("place_precision", sa.String(length=16), nullable=False),
        sa.Column("created_at", sa.String(length=27), nullable=False),
        *_tombstone(),
    )
    op.create_table(
        "sources",
        *_key("sources"),
        *_ref("sources"),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("reliability", sa.String(length=1), nullable=False),
        sa.Column("credibility", sa.String(length=1), nullable=False),
        sa.Column("created_at", sa.String(length=27), nullable=False),
        *_tombstone(),
    )
    op.create_table(
        "tags",
        *_key("tags"),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.UniqueConstraint("name", name=op.f("uq_tags_name")),
    )
    op.create_table(
        "import_jobs",
        *_key("import_jobs"),
        sa.Column("started_at", sa.String(length=27), nullable=False),
        sa.Column("finished_at", sa.String(length=27), nullable=True),
        sa.Column("actor", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("paths_json", sa.Text(), nullable=False),
        sa.Column("summary_json", sa.Text(), nullable=False),
        sa.Column("problems_json", sa.Text(), nullable=False),
    )
    op.create_table(
        "exhibits",
        *_key("exhibits"),
        *_ref("exhibits"),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        *_fk("exhibits", "source_id", "sources"),
        sa.Column("sensitivity", sa.String(length=24), nullable=False),
        sa.Column("acquired_at", sa.String(length=27), nullable=True),
        sa.Column("created_at", sa.String(length=27), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=True),
        sa.Column("size", sa.Integer(), nullable=True),
        sa.Column("original_name", sa.Text(), nullable=True),
        sa.Column("mime", sa.String(length=100), nullable=True),
        sa.Column("relative_path", sa.Text(), nullable=True),
        sa.Column("file_modified", sa.String(length=40), nullable=True),
        sa.Column("file_changed", sa.String(length=40), nullable=True),
        sa.Column("imported_by", sa.Text(), nullable=True),
        sa.Column("acquisition_note", sa.Text(), nullable=True),
        sa.Column("captured", sa.String(length=40), nullable=True),
        sa.Column("latitude", sa.Double(), nullable=True),
        sa.Column("longitude", sa.Double(), nullable=True),
        sa.Column("metadata_json", sa.Text(), nullable=True),
        sa.Column("problems_json", sa.Text(), nullable=False),
        *_tombstone(),
    )
    _index("exhibits", "source_id")
    op.create_index("ix_exhibits_kind_acquired", "exhibits", ["kind", "acquired_at"], unique=False)
    op.create_index("ix_exhibits_title", "exhibits", ["title"], unique=False)
    op.create_index("ix_exhibits_acquired", "exhibits", ["acquired_at"], unique=False)
    op.create_index("ix_exhibits_sha256", "exhibits", ["sha256"], unique=False)
    op.create_index("ix_exhibits_number", "exhibits", ["number"], unique=False)
    # Pages of live exhibits by ref or title without a sort (bench/store.py measured 20x).
    live = sa.text("deleted_at IS NULL")
    op.create_index("ix_exhibits_live_title", "exhibits", ["title", "number"], unique=False, sqlite_where=live)
    op.create_index("ix_exhibits_live_number", "exhibits", ["number", "ref"], unique=False, sqlite_where=live)
    op.create_table(
        "taggings",
        *_key("taggings"),
        *_fk("taggings", "tag_id", "tags", nullable=False),
        *_fk("taggings", "exhibit_id", "exhibits"),
        *_fk("taggings", "person_id", "persons"),
        *_fk("taggings", "incident_id", "incidents"),
        *_fk("taggings", "source_id", "sources"),
        sa.Column("created_at", sa.String(length=27), nullable=True),
        sa.Column("created_by", sa.Text(), nullable=True),
        *_tombstone(),
        sa.CheckConstraint(f"{ONE_TARGET} = 1", name=op.f("ck_taggings_one_target")),
    )
    op.create_index(
        "ux_taggings_target", "taggings", ["tag_id", "exhibit_id", "person_id", "incident_id", "source_id"], unique=True
    )
    op.create_index("ix_taggings_exhibit", "taggings", ["exhibit_id"], unique=False)
    # Tag counts and tag filters over live taggings, covered by the index (no row lookups).
    op.create_index("ix_taggings_tag_live", "taggings", ["tag_id", "deleted_at", "exhibit_id", "id"], unique=False)
    op.create_table(
        "notes",
        *_key("notes"),
        *_ref("notes"),
        *_fk("notes", "exhibit_id", "exhibits"),
        *_fk("notes", "person_id", "persons"),
        *_fk("notes", "incident_id", "incidents"),
        *_fk("notes", "source_id", "sources"),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("author", sa.Text(), nullable=False),
        sa.Column("created_at", sa.String(length=27), nullable=False),
        *_tombstone(),
        sa.CheckConstraint(f"{ONE_TARGET} <= 1", name=op.f("ck_notes_at_most_one_target")),
    )
    _index("notes", "exhibit_id", "person_id", "incident_id", "source_id")
    op.create_table(
        "links",
        *_key("links"),
        *_ref("links"),
        *_fk("links", "exhibit_id", "exhibits", nullable=False),
        *_fk("links", "person_id", "persons"),
        *_fk("links", "incident_id", "incidents"),
        sa.Column("stance", sa.String(length=16), nullable=False),
        sa.Column("reasoning", sa.Text(), nullable=False),
        sa.Column("author", sa.Text(), nullable=False),
        sa.Column("created_at", sa.String(length=27), nullable=False),
        *_tombstone(),
        sa.CheckConstraint("(person_id IS NOT NULL) + (incident_id IS NOT NULL) = 1", name=op.f("ck_links_one_target")),
    )
    _index("links", "exhibit_id", "person_id", "incident_id")
    op.create_table(
        "derivatives",
        *_key("derivatives"),
        *_fk("derivatives", "exhibit_id", "exhibits", nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("media_type", sa.String(length=100), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_at", sa.String(length=27), nullable=False),
    )
    _index("derivatives", "exhibit_id")
    op.create_table(
        "acquisitions",
        *_key("acquisitions"),
        *_fk("acquisitions", "exhibit_id", "exhibits", nullable=False),
        *_fk("acquisitions", "job_id", "import_jobs"),
        sa.Column("seen_at", sa.String(length=27), nullable=False),
        sa.Column("actor", sa.Text(), nullable=False),
        *_fk("acquisitions", "source_id", "sources"),
        sa.Column("original_path", sa.Text(), nullable=False),
        sa.Column("relative_path", sa.Text(), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("mtime_ns", sa.Integer(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
    )
    _index("acquisitions", "exhibit_id", "job_id")
    op.create_index("ix_acquisitions_resume", "acquisitions", ["original_path", "size", "mtime_ns"], unique=False)


def _create_new_tables() -> None:
    op.create_table(
        "ref_counters",
        sa.Column("prefix", sa.String(length=16), nullable=False),
        sa.Column("last", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("prefix", name=op.f("pk_ref_counters")),
    )
    op.create_table(
        "blob_files",
        sa.Column("name", sa.String(length=32), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("created_at", sa.String(length=27), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_blob_files")),
    )
    op.create_index("ix_blob_files_content", "blob_files", ["sha256", "size"], unique=False)
    op.create_table(
        "revisions",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("custody_seq", sa.Integer(), nullable=False),
        sa.Column("record_kind", sa.String(length=16), nullable=False),
        sa.Column("record_id", sa.Uuid(), nullable=False),
        sa.Column("old_json", sa.Text(), nullable=False),
        sa.Column("new_json", sa.Text(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_revisions")),
    )
    op.create_index(op.f("ix_revisions_custody_seq"), "revisions", ["custody_seq"], unique=False)
    op.create_index("ix_revisions_record", "revisions", ["record_id"], unique=False)


# -- copying the rows ----------------------------------------------------------------------------
# Each statement reads the old table ``o`` and the maps ``m_<table>`` (old id -> new uuid). Every
# join is a LEFT JOIN: a row is never silently left out, and a reference without a map entry
# would fail on NOT NULL (the old foreign keys are checked before anything is changed).
_TOMBSTONE = "o.deleted_at, o.deleted_by, o.deleted_reason"
_COPY = {
    "persons": f"""
        INSERT INTO persons (id, ref, role, protection, full_name, description, created_at,
                             deleted_at, deleted_by, deleted_reason)
        SELECT m.new, o.pseudonym, o.role, o.protection, o.full_name, o.description, o.created_at, {_TOMBSTONE}
        FROM {OLD}persons o LEFT JOIN m_persons m ON m.old = o.id ORDER BY o.id""",
    "incidents": f"""
        INSERT INTO incidents (id, ref, title, description, time_start, time_end, time_precision, time_zone,
                               place_name, latitude, longitude, place_precision, created_at,
                               deleted_at, deleted_by, deleted_reason)
        SELECT m.new, 'INC-' || o.id, o.title, o.description, o.time_start, o.time_end, o.time_precision, 'UTC',
               o.place_name, o.latitude, o.longitude, o.place_precision, o.created_at, {_TOMBSTONE}
        FROM {OLD}incidents o LEFT JOIN m_incidents m ON m.old = o.id ORDER BY o.id""",
    "sources": f"""
        INSERT INTO sources (id, ref, name, description, reliability, credibility, created_at,
                             deleted_at, deleted_by, deleted_reason)
        SELECT m.new, 'SRC-' || o.id, o.name, o.description, o.reliability, o.credibility, o.created_at, {_TOMBSTONE}
        FROM {OLD}sources o LEFT JOIN m_sources m ON m.old = o.id ORDER BY o.id""",
    "tags": f"""
        INSERT INTO tags (id, name)
        SELECT m.new, o.name FROM {OLD}tags o LEFT JOIN m_tags m ON m.old = o.id ORDER BY o.id""",
    "import_jobs": f"""
        INSERT INTO import_jobs (id, started_at, finished_at, actor, status, paths_json, summary_json, problems_json)
        SELECT m.new, o.started_at, o.finished_at, o.actor, o.status, o.paths_json, o.summary_json, o.problems_json
        FROM {OLD}import_jobs o LEFT JOIN m_import_jobs m ON m.old = o.id ORDER BY o.id""",
    "exhibits": f"""
        INSERT INTO exhibits (id, ref, number, title, kind, description, source_id, sensitivity, acquired_at,
                              created_at, sha256, size, original_name, mime, relative_path, file_modified,
                              file_changed, imported_by, acquisition_note, captured, latitude, longitude,
                              metadata_json, problems_json, deleted_at, deleted_by, deleted_reason)
        SELECT m.new, 'EX-' || o.id, o.id, o.title, o.kind, o.description, s.new, o.sensitivity, o.acquired_at,
               o.created_at, o.sha256, o.size, o.original_name, o.mime, o.relative_path, o.file_modified,
               o.file_changed, o.imported_by, o.acquisition_note, o.captured, o.latitude, o.longitude,
               o.metadata_json, '[]', {_TOMBSTONE}
        FROM {OLD}exhibits o LEFT JOIN m_exhibits m ON m.old = o.id
             LEFT JOIN m_sources s ON s.old = o.source_id ORDER BY o.id""",
    "taggings": f"""
        INSERT INTO taggings (id, tag_id, exhibit_id, person_id, incident_id, source_id, created_at, created_by,
                              deleted_at, deleted_by, deleted_reason)
        SELECT m.new, t.new, e.new, p.new, i.new, s.new, NULL, NULL, NULL, NULL, NULL
        FROM {OLD}taggings o LEFT JOIN m_taggings m ON m.old = o.id LEFT JOIN m_tags t ON t.old = o.tag_id
             LEFT JOIN m_exhibits e ON e.old = o.exhibit_id LEFT JOIN m_persons p ON p.old = o.person_id
             LEFT JOIN m_incidents i ON i.old = o.incident_id LEFT JOIN m_sources s ON s.old = o.source_id
        ORDER BY o.id""",
    "notes": f"""
        INSERT INTO notes (id, ref, exhibit_id, person_id, incident_id, source_id, text, author, created_at,
                           deleted_at, deleted_by, deleted_reason)
        SELECT m.new, 'NOTE-' || o.id, e.new, p.new, i.new, s.new, o.text, o.author, o.created_at, {_TOMBSTONE}
        FROM {OLD}notes o LEFT JOIN m_notes m ON m.old = o.id
             LEFT JOIN m_exhibits e ON e.old = o.exhibit_id LEFT JOIN m_persons p ON p.old = o.person_id
             LEFT JOIN m_incidents i ON i.old = o.incident_id LEFT JOIN m_sources s ON s.old = o.source_id
        ORDER BY o.id""",
    "links": f"""
        INSERT INTO links (id, ref, exhibit_id, person_id, incident_id, stance, reasoning, author, created_at,
                           deleted_at, deleted_by, deleted_reason)
        SELECT m.new, 'LNK-' || o.id, e.new, p.new, i.new, o.stance, o.reasoning, o.author, o.created_at, {_TOMBSTONE}
        FROM {OLD}links o LEFT JOIN m_links m ON m.old = o.id
             LEFT JOIN m_exhibits e ON e.old = o.exhibit_id LEFT JOIN m_persons p ON p.old = o.person_id
             LEFT JOIN m_incidents i ON i.old = o.incident_id
        ORDER BY o.id""",
    "derivatives": f"""
        INSERT INTO derivatives (id, exhibit_id, kind, media_type, sha256, size, note, created_at)
        SELECT m.new, e.new, o.kind, o.media_type, o.sha256, o.size, o.note, o.created_at
        FROM {OLD}derivatives o LEFT JOIN m_derivatives m ON m.old = o.id
             LEFT JOIN m_exhibits e ON e.old = o.exhibit_id ORDER BY o.id""",
    "acquisitions": f"""
        INSERT INTO acquisitions (id, exhibit_id, job_id, seen_at, actor, source_id, original_path, relative_path,
                                  size, mtime_ns, note)
        SELECT m.new, e.new, j.new, o.seen_at, o.actor, s.new, o.original_path, o.relative_path,
               o.size, o.mtime_ns, o.note
        FROM {OLD}acquisitions o LEFT JOIN m_acquisitions m ON m.old = o.id
             LEFT JOIN m_exhibits e ON e.old = o.exhibit_id LEFT JOIN m_import_jobs j ON j.old = o.job_id
             LEFT JOIN m_sources s ON s.old = o.source_id ORDER BY o.id""",
}
_BLOB_FILES = f"""
    INSERT INTO blob_files (name, sha256, size, state, created_at)
    SELECT blob, sha256, size, 'stored', created_at FROM {OLD}exhibits WHERE blob IS NOT NULL
    UNION ALL
    SELECT blob, sha256, size, 'stored', created_at FROM {OLD}derivatives"""


def _refuse_damaged_case() -> None:
    broken = _sql("PRAGMA foreign_key_check").fetchall()
    if broken:
        tables = sorted({str(row[0]) for row in broken})
        raise CaseDamagedError(
            f"this case cannot be upgraded: {len(broken)} record(s) in {', '.join(tables)} point at records "
            "that are missing. Nothing was changed; verify the case and restore the case from a backup."
        )
    missing = _sql(
        "SELECT count(*) FROM exhibits WHERE blob IS NOT NULL AND (sha256 IS NULL OR size IS NULL)"
    ).scalar_one()
    if missing:
        raise CaseDamagedError(
            f"this case cannot be upgraded: {missing} exhibit file(s) have no recorded SHA-256 or size. "
            "Nothing was changed; verify the case and restore the case from a backup."
        )


def _make_maps() -> None:
    """One temporary map per record table: old integer id -> new UUID (32 hex digits)."""
    for table in RECORD_TABLES:
        _sql(f"CREATE TEMP TABLE m_{table} (old INTEGER PRIMARY KEY, new TEXT NOT NULL UNIQUE)")
        ids = [row[0] for row in _sql(f"SELECT id FROM {table}")]
        if ids:
            _sql(f"INSERT INTO m_{table} (old, new) VALUES (?, ?)", [(old, uuid.uuid4().hex) for old in ids])


def _set_aside_old_tables() -> None:
    """Rename the old tables out of the way; their own foreign keys follow them (SQLite >= 3.26)."""
    marks = ", ".join("?" * len(RECORD_TABLES))
    indexes = _rows(
        f"SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ({marks})",
        RECORD_TABLES,
    )
    for (name,) in indexes:
        _sql(f'DROP INDEX "{name}"')
    for table in RECORD_TABLES:
        _sql(f"ALTER TABLE {table} RENAME TO {OLD}{table}")


def _init_ref_counters() -> None:
    highest: dict[str, int] = defaultdict(int)
    used = [
        *_sql(f"SELECT pseudonym FROM {OLD}persons"),
        *_sql("SELECT ref FROM incidents UNION ALL SELECT ref FROM sources UNION ALL SELECT ref FROM exhibits"),
        *_sql("SELECT ref FROM notes UNION ALL SELECT ref FROM links"),
        # A ref named in the custody log is never given again, even if its row were gone.
        *_sql("SELECT DISTINCT target FROM custody"),
    ]
    for (ref,) in used:
        match = NUMBERED_REF.match(str(ref))
        if match:
            prefix, number = match.group(1), int(match.group(2))
            highest[prefix] = max(highest[prefix], number)
    if highest:
        _sql("INSERT INTO ref_counters (prefix, last) VALUES (?, ?)", sorted(highest.items()))


def _problems_from_import_jobs() -> None:
    """Give each imported exhibit the problems its import job reported for its file (matched by path).

    The job stored them with the file's absolute local path; the exhibit keeps code, severity and
    message, with that path shown as the file's path relative to what was imported."""
    found: dict[str, list[dict[str, str]]] = defaultdict(list)
    jobs = _rows(f"SELECT id, problems_json FROM {OLD}import_jobs WHERE problems_json NOT IN ('', '[]')")
    for job_id, problems_json in jobs:
        try:
            problems = json.loads(problems_json)
        except ValueError:
            continue
        by_path: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for problem in problems if isinstance(problems, list) else []:
            if isinstance(problem, dict) and isinstance(problem.get("path"), str):
                by_path[problem["path"]].append(problem)
        sightings = _rows(
            f"SELECT e.new, a.original_path, a.relative_path FROM {OLD}acquisitions a "
            "JOIN m_exhibits e ON e.old = a.exhibit_id WHERE a.job_id = ? ORDER BY a.id",
            (job_id,),
        )
        for exhibit, original_path, relative_path in sightings:
            for problem in by_path.get(original_path, ()):
                entry = {
                    "code": str(problem.get("code", "")),
                    "severity": str(problem.get("severity", "")),
                    "message": str(problem.get("message", "")).replace(original_path, relative_path),
                }
                if entry not in found[exhibit]:
                    found[exhibit].append(entry)
    if found:
        _sql(
            "UPDATE exhibits SET problems_json = ? WHERE id = ?",
            [(json.dumps(problems, ensure_ascii=False), exhibit) for exhibit, problems in found.items()],
        )


def _rebuild_full_text() -> None:
    """Recreate the index keyed by exhibit UUID, every row in today's search form.

    Rows written before ``caseapp.core.searchtext`` existed hold raw text, which normalised queries
    miss (``شهادة`` is searched as ``شهاده``); normalising again an already normalised row changes
    nothing a search can see. Exhibits made before schema 0002 had no row: they get their title
    and description, as every exhibit added since does."""
    rows = _rows(
        "SELECT m.new, t.title, t.body FROM exhibit_text t JOIN m_exhibits m ON m.old = t.rowid ORDER BY t.rowid"
    )
    unindexed = _rows(
        f"SELECT m.new, o.title, o.description FROM {OLD}exhibits o JOIN m_exhibits m ON m.old = o.id "
        "WHERE o.id NOT IN (SELECT rowid FROM exhibit_text) ORDER BY o.id"
    )
    _sql("DROP TABLE exhibit_text")
    _sql(FULL_TEXT)
    if rows or unindexed:
        _sql(
            "INSERT INTO exhibit_text (exhibit_id, title, body) VALUES (?, ?, ?)",
            [(key, index_form(title or ""), index_form(body or "")) for key, title, body in [*rows, *unindexed]],
        )


def _check_copy() -> None:
    for table in RECORD_TABLES:
        old = _sql(f"SELECT count(*) FROM {OLD}{table}").scalar_one()
        new = _sql(f"SELECT count(*) FROM {table}").scalar_one()
        if old != new:  # cannot happen with the LEFT JOINs above; checked because losing a row is unacceptable
            raise CaseDamagedError(f"the upgrade copied {new} of {old} rows of {table}; nothing was changed")
    broken = _sql("PRAGMA foreign_key_check").fetchall()
    if broken:
        raise CaseDamagedError(f"the upgrade left {len(broken)} broken reference(s); nothing was changed")


def _case_tables() -> None:
    op.add_column("case_info", sa.Column("time_zone", sa.String(length=64), nullable=False, server_default="UTC"))
    if _sql("SELECT count(*) FROM case_secrets WHERE name = ?", (DEVICE_ID,)).scalar_one() == 0:
        _sql("INSERT INTO case_secrets (name, value) VALUES (?, ?)", (DEVICE_ID, str(uuid.uuid4())))
    # ADD COLUMN only: the custody rows stay exactly as written (triggers forbid changing them anyway).
    op.add_column("custody", sa.Column("version", sa.Integer(), nullable=False, server_default=sa.text("1")))
    op.add_column("custody", sa.Column("device", sa.String(length=36), nullable=True))
    op.add_column("custody", sa.Column("target_id", sa.String(length=36), nullable=True))
    op.create_index(op.f("ix_custody_target_id"), "custody", ["target_id"], unique=False)
    op.create_index(op.f("ix_custody_actor"), "custody", ["actor"], unique=False)  # `undo`, log --actor


def upgrade() -> None:
    _sql("PRAGMA defer_foreign_keys = ON")
    _refuse_damaged_case()
    _make_maps()
    _set_aside_old_tables()
    _create_record_tables()
    _create_new_tables()
    for table in RECORD_TABLES:
        _sql(_COPY[table])
    _sql(_BLOB_FILES)
    _init_ref_counters()
    _problems_from_import_jobs()
    _rebuild_full_text()
    _check_copy()
    for table in reversed(RECORD_TABLES):
        _sql(f"DROP TABLE {OLD}{table}")
        _sql(f"DROP TABLE m_{table}")
    _case_tables()


def downgrade() -> None:
    raise NotImplementedError(
        "schema 0003 cannot be downgraded in place: the integer ids it replaced are gone. "
        "Restore the backup that was taken before the upgrade (in the case's backups/ folder)."
    )
