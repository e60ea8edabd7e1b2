"""Migration 0003 (UUID keys, refs apart from keys) checked at the SQL level on the stored fixtures.

Each fixture is read with plain SQL before the upgrade, in its own schema, as rows whose
references are written as refs (``EX-1``, ``W-001``); after the upgrade the same rows are read
from the new schema by joining on the UUID keys. The two must be equal: nothing lost, nothing
changed, every reference still pointing at the same record.
"""

from __future__ import annotations

import json
import re
import shutil
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy.orm import Session

from caseapp.app.case_folder import HEAD_KEY_PURPOSE
from caseapp.core.custody import verify_chain
from caseapp.core.errors import CaseDamagedError
from caseapp.core.searchtext import fts_query, index_form
from caseapp.secrets.keyslots import Keyslots, derive_subkey
from caseapp.storage import convert
from caseapp.storage.anchor import CustodyAnchor
from caseapp.storage.engine import make_engine
from caseapp.storage.migrate import SCHEMA_HEAD, current_revision, migrate
from caseapp.storage.orm import Base, CustodyRow
from tests.conftest import raw_connection

FIXTURE_DIR = Path(__file__).resolve().parents[1] / "data" / "cases"
FIXTURES = [FIXTURE_DIR / "schema-0001.caseapp", FIXTURE_DIR / "schema-0002.caseapp"]
FIXTURE_PASSPHRASE = "fixture passphrase"
TOMB = "deleted_at, deleted_by, deleted_reason"
HEX32 = re.compile(r"^[0-9a-f]{32}$")

# The same records, read before (schema 0001/0002) and after (schema 0003), references as refs.
BEFORE = {
    "persons": f"SELECT pseudonym, role, protection, full_name, description, created_at, {TOMB} FROM persons",
    "incidents": "SELECT 'INC-' || id, title, description, time_start, time_end, time_precision, place_name, "
    f"latitude, longitude, place_precision, created_at, {TOMB} FROM incidents",
    "sources": f"SELECT 'SRC-' || id, name, description, reliability, credibility, created_at, {TOMB} FROM sources",
    "exhibits": "SELECT 'EX-' || id, id, title, kind, description, 'SRC-' || source_id, sensitivity, acquired_at, "
    f"created_at, sha256, size, original_name, FILE_COLUMNS, {TOMB} FROM exhibits",
    "tags": "SELECT name FROM tags",
    "taggings": "SELECT t.name, 'EX-' || g.exhibit_id, p.pseudonym, 'INC-' || g.incident_id, 'SRC-' || g.source_id "
    "FROM taggings g JOIN tags t ON t.id = g.tag_id LEFT JOIN persons p ON p.id = g.person_id",
    "notes": "SELECT 'NOTE-' || n.id, 'EX-' || n.exhibit_id, p.pseudonym, 'INC-' || n.incident_id, "
    "'SRC-' || n.source_id, n.text, n.author, n.created_at, n.deleted_at, n.deleted_by, n.deleted_reason "
    "FROM notes n LEFT JOIN persons p ON p.id = n.person_id",
    "links": "SELECT 'LNK-' || l.id, 'EX-' || l.exhibit_id, p.pseudonym, 'INC-' || l.incident_id, l.stance, "
    "l.reasoning, l.author, l.created_at, l.deleted_at, l.deleted_by, l.deleted_reason "
    "FROM links l LEFT JOIN persons p ON p.id = l.person_id",
    "derivatives": "SELECT 'EX-' || exhibit_id, kind, media_type, sha256, size, note, created_at FROM derivatives",
    "import_jobs": "SELECT started_at, finished_at, actor, status, paths_json, summary_json, problems_json "
    "FROM import_jobs",
    "acquisitions": "SELECT 'EX-' || a.exhibit_id, j.started_at, a.seen_at, a.actor, 'SRC-' || a.source_id, "
    "a.original_path, a.relative_path, a.size, a.mtime_ns, a.note "
    "FROM acquisitions a LEFT JOIN import_jobs j ON j.id = a.job_id",
    "blob_files": "SELECT blob, sha256, size, created_at FROM exhibits WHERE blob IS NOT NULL "
    "UNION ALL SELECT blob, sha256, size, created_at FROM derivatives",
}
FILE_COLUMNS_0002 = (
    "mime, relative_path, file_modified, file_changed, imported_by, acquisition_note, captured, "
    "latitude, longitude, metadata_json"
)
FILE_COLUMNS_0001 = ", ".join(["NULL"] * 10)
AFTER = {
    "persons": f"SELECT ref, role, protection, full_name, description, created_at, {TOMB} FROM persons",
    "incidents": "SELECT ref, title, description, time_start, time_end, time_precision, place_name, "
    f"latitude, longitude, place_precision, created_at, {TOMB} FROM incidents",
    "sources": f"SELECT ref, name, description, reliability, credibility, created_at, {TOMB} FROM sources",
    "exhibits": "SELECT e.ref, e.number, e.title, e.kind, e.description, s.ref, e.sensitivity, e.acquired_at, "
    "e.created_at, e.sha256, e.size, e.original_name, e.mime, e.relative_path, e.file_modified, e.file_changed, "
    "e.imported_by, e.acquisition_note, e.captured, e.latitude, e.longitude, e.metadata_json, "
    "e.deleted_at, e.deleted_by, e.deleted_reason FROM exhibits e LEFT JOIN sources s ON s.id = e.source_id",
    "tags": "SELECT name FROM tags",
    "taggings": "SELECT t.name, e.ref, p.ref, i.ref, s.ref FROM taggings g JOIN tags t ON t.id = g.tag_id "
    "LEFT JOIN exhibits e ON e.id = g.exhibit_id LEFT JOIN persons p ON p.id = g.person_id "
    "LEFT JOIN incidents i ON i.id = g.incident_id LEFT JOIN sources s ON s.id = g.source_id",
    "notes": "SELECT n.ref, e.ref, p.ref, i.ref, s.ref, n.text, n.author, n.created_at, n.deleted_at, n.deleted_by, "
    "n.deleted_reason FROM notes n LEFT JOIN exhibits e ON e.id = n.exhibit_id "
    "LEFT JOIN persons p ON p.id = n.person_id LEFT JOIN incidents i ON i.id = n.incident_id "
    "LEFT JOIN sources s ON s.id = n.source_id",
    "links": "SELECT l.ref, e.ref, p.ref, i.ref, l.stance, l.reasoning, l.author, l.created_at, l.deleted_at, "
    "l.deleted_by, l.deleted_reason FROM links l LEFT JOIN exhibits e ON e.id = l.exhibit_id "
    "LEFT JOIN persons p ON p.id = l.person_id LEFT JOIN incidents i ON i.id = l.incident_id",
    "derivatives": "SELECT e.ref, d.kind, d.media_type, d.sha256, d.size, d.note, d.created_at "
    "FROM derivatives d LEFT JOIN exhibits e ON e.id = d.exhibit_id",
    "import_jobs": "SELECT started_at, finished_at, actor, status, paths_json, summary_json, problems_json "
    "FROM import_jobs",
    "acquisitions": "SELECT e.ref, j.started_at, a.seen_at, a.actor, s.ref, a.original_path, a.relative_path, "
    "a.size, a.mtime_ns, a.note FROM acquisitions a LEFT JOIN exhibits e ON e.id = a.exhibit_id "
    "LEFT JOIN import_jobs j ON j.id = a.job_id LEFT JOIN sources s ON s.id = a.source_id",
    "blob_files": "SELECT name, sha256, size, created_at FROM blob_files",
}
# quote() shows each stored value exactly, with its type: the rows must be byte for byte as written.
CUSTODY = (
    "SELECT quote(seq), quote(at), quote(actor), quote(action), quote(target), quote(details), "
    "quote(prev_hash), quote(hash) FROM custody ORDER BY seq"
)
REF_LIKE = re.compile(r"^(EX|INC|SRC|NOTE|LNK|[WVSP])-([0-9]+)$")


def _rows(connection: Any, query: str) -> list[tuple[Any, ...]]:
    return sorted(connection.execute(query).fetchall(), key=repr)


def _tables(connection: Any) -> set[str]:
    return {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def read_before(folder: Path) -> dict[str, Any]:
    """The fixture's records in its own (old) schema."""
    connection = raw_connection(folder, FIXTURE_PASSPHRASE)
    try:
        tables = _tables(connection)
        has_intake = "import_jobs" in tables
        records: dict[str, Any] = {}
        for name, query in BEFORE.items():
            if name == "exhibits":
                query = query.replace("FILE_COLUMNS", FILE_COLUMNS_0002 if has_intake else FILE_COLUMNS_0001)
            if name in ("derivatives", "import_jobs", "acquisitions", "blob_files") and not has_intake:
                records[name] = []
                continue
            records[name] = _rows(connection, query)
        records["custody"] = connection.execute(CUSTODY).fetchall()
        records["full_text"] = (
            {
                f"EX-{rowid}": (title, body)
                for rowid, title, body in connection.execute("SELECT rowid, title, body FROM exhibit_text")
            }
            if "exhibit_text" in tables
            else {}
        )
        highest: dict[str, int] = {}
        for query in (
            "SELECT pseudonym FROM persons",
            "SELECT 'INC-' || id FROM incidents UNION ALL SELECT 'SRC-' || id FROM sources",
            "SELECT 'EX-' || id FROM exhibits UNION ALL SELECT 'NOTE-' || id FROM notes",
            "SELECT 'LNK-' || id FROM links",
        ):
            for (ref,) in connection.execute(query):
                prefix, number = ref.split("-")
                highest[prefix] = max(highest.get(prefix, 0), int(number))
        records["counters"] = highest
        records["revision"] = connection.execute("SELECT version_num FROM alembic_version").fetchone()[0]
        return records
    finally:
        connection.close()


def read_after(folder: Path) -> dict[str, Any]:
    connection = raw_connection(folder, FIXTURE_PASSPHRASE)
    try:
        records: dict[str, Any] = {name: _rows(connection, query) for name, query in AFTER.items()}
        records["custody"] = connection.execute(CUSTODY).fetchall()
        records["full_text"] = {
            ref: (title, body)
            for ref, title, body in connection.execute(
                "SELECT e.ref, t.title, t.body FROM exhibit_text t JOIN exhibits e ON e.id = t.exhibit_id"
            )
        }
        records["counters"] = dict(connection.execute("SELECT prefix, last FROM ref_counters").fetchall())
        return records
    finally:
        connection.close()


def data_key(folder: Path) -> bytes:
    return Keyslots.load(folder / "keyslots.json").unlock_with_passphrase(FIXTURE_PASSPHRASE)


def upgrade(folder: Path) -> None:
    engine = make_engine(folder / "case.db", data_key(folder))
    try:
        result = migrate(engine, folder / "case.db", folder / "backups")
        assert result.to_revision == SCHEMA_HEAD
    finally:
        engine.dispose()


@dataclass
class Migrated:
    fixture: Path
    folder: Path
    before: dict[str, Any]
    after: dict[str, Any]


@pytest.fixture(scope="module", params=FIXTURES, ids=[f.name for f in FIXTURES])
def migrated(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Migrated:
    fixture: Path = request.param
    folder = tmp_path_factory.mktemp("migrated") / fixture.name
    shutil.copytree(fixture, folder)
    before = read_before(folder)
    upgrade(folder)
    return Migrated(fixture, folder, before, read_after(folder))


# -- records -------------------------------------------------------------------------------------


@pytest.mark.parametrize("table", list(AFTER))
def test_every_record_is_still_there_with_its_values_and_refs(migrated: Migrated, table: str) -> None:
    assert migrated.after[table] == migrated.before[table]


def test_the_fixture_holds_what_the_comparison_relies_on(migrated: Migrated) -> None:
    """Guards the test above against passing on empty tables."""
    before = migrated.before
    for table in ("persons", "incidents", "sources", "exhibits", "tags", "taggings", "notes", "links"):
        assert before[table], table
    assert before["revision"] == migrated.fixture.name.removeprefix("schema-").removesuffix(".caseapp")
    if before["revision"] == "0002":
        for table in ("derivatives", "import_jobs", "acquisitions", "blob_files", "full_text"):
            assert before[table], table
    assert [row[1] for row in before["links"]] == ["EX-1"]
    assert ("market", "EX-1", None, None, None) in before["taggings"]


def test_every_key_is_a_fresh_uuid_and_every_reference_resolves(migrated: Migrated) -> None:
    connection = raw_connection(migrated.folder, FIXTURE_PASSPHRASE)
    try:
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        for table in Base.metadata.sorted_tables:
            for column in table.columns:
                if isinstance(column.type, sa.Uuid):
                    values = connection.execute(f"SELECT {column.name} FROM {table.name}").fetchall()
                    assert all(v is None or (isinstance(v, str) and HEX32.match(v)) for (v,) in values), column
        # Every ref the custody log names is a record of the case, found by that ref.
        refs = {
            row[0]
            for t in ("persons", "incidents", "sources", "exhibits", "notes", "links")
            for row in connection.execute(f"SELECT ref FROM {t}")
        }
        named = {row[0] for row in connection.execute("SELECT target FROM custody") if REF_LIKE.match(row[0])}
        assert named and named <= refs
        taggings = connection.execute(f"SELECT created_at, created_by, {TOMB} FROM taggings").fetchall()
        assert taggings and all(row == (None,) * 5 for row in taggings)
        assert connection.execute("SELECT DISTINCT problems_json FROM exhibits").fetchall() == [("[]",)]
        assert connection.execute("SELECT DISTINCT state FROM blob_files").fetchall() in ([], [("stored",)])
        assert connection.execute("SELECT time_zone FROM case_info").fetchall() == [("UTC",)]
        assert connection.execute("SELECT DISTINCT time_zone FROM incidents").fetchall() == [("UTC",)]
    finally:
        connection.close()


def test_the_rows_read_back_through_the_orm(migrated: Migrated) -> None:
    """SQLAlchemy's Uuid type reads every key back (a wrongly stored key would fail to convert)."""
    engine = make_engine(migrated.folder / "case.db", data_key(migrated.folder))
    try:
        with Session(engine) as session:
            for mapper in Base.registry.mappers:
                for row in session.scalars(sa.select(mapper.class_)):
                    for column in mapper.columns:
                        value = getattr(row, column.key)
                        if isinstance(column.type, sa.Uuid) and value is not None:
                            assert isinstance(value, uuid.UUID)
    finally:
        engine.dispose()


def test_blob_files_are_on_disk(migrated: Migrated) -> None:
    for name, *_ in migrated.after["blob_files"]:
        assert (migrated.folder / "blobs" / f"{name}.age").is_file()


def test_ref_counters_start_at_the_highest_number_used(migrated: Migrated) -> None:
    assert migrated.after["counters"] == migrated.before["counters"]
    expected_exhibits = 2 if migrated.before["revision"] == "0002" else 1
    assert migrated.after["counters"] == {"W": 1, "INC": 1, "SRC": 1, "EX": expected_exhibits, "NOTE": 1, "LNK": 1}


def test_a_device_id_is_created(migrated: Migrated) -> None:
    connection = raw_connection(migrated.folder, FIXTURE_PASSPHRASE)
    try:
        rows = connection.execute("SELECT value FROM case_secrets WHERE name = 'device_id'").fetchall()
    finally:
        connection.close()
    assert len(rows) == 1
    assert str(uuid.UUID(rows[0][0])) == rows[0][0]


# -- custody -------------------------------------------------------------------------------------


def test_custody_rows_are_byte_identical_and_the_chain_verifies(migrated: Migrated) -> None:
    assert migrated.after["custody"] == migrated.before["custody"] != []
    folder = migrated.folder
    key = data_key(folder)
    case_id = Keyslots.load(folder / "keyslots.json").case_id
    anchor = CustodyAnchor(folder / "custody.head", case_id, derive_subkey(key, HEAD_KEY_PURPOSE)).read()
    engine = make_engine(folder / "case.db", key)
    try:
        with Session(engine) as session:
            rows = session.scalars(sa.select(CustodyRow).order_by(CustodyRow.seq)).all()
            assert {(row.version, row.device, row.target_id) for row in rows} == {(1, None, None)}
            report = verify_chain([convert.custody_entry(row) for row in rows], anchor)
    finally:
        engine.dispose()
    assert anchor is not None and anchor.seq == len(rows)
    assert report.ok, report.problems


def test_the_chain_check_sees_a_changed_entry(migrated: Migrated) -> None:
    """The verification above can fail: the same entries with one value changed do not verify."""
    engine = make_engine(migrated.folder / "case.db", data_key(migrated.folder))
    try:
        with Session(engine) as session:
            entries = [
                convert.custody_entry(r) for r in session.scalars(sa.select(CustodyRow).order_by(CustodyRow.seq))
            ]
    finally:
        engine.dispose()
    entries[1].details["role"] = "victim"
    assert not verify_chain(entries, None).ok


# -- full text -----------------------------------------------------------------------------------


def test_full_text_rows_follow_their_exhibit_in_search_form(migrated: Migrated) -> None:
    """Old rows are kept (normalised as today's index is); exhibits never indexed are added."""
    expected = {}
    for ref, _number, title, _kind, description, *_ in migrated.before["exhibits"]:
        old_title, old_body = migrated.before["full_text"].get(ref, (title, description))
        expected[ref] = (index_form(old_title), index_form(old_body))
    assert migrated.after["full_text"] == expected


SEARCHES = {"0001": {"photo": "EX-1"}, "0002": {"market": "EX-2", "dawn": "EX-2", "شهادة": "EX-2", "photo": "EX-1"}}


def test_full_text_finds_exhibits_by_their_uuid(migrated: Migrated) -> None:
    connection = raw_connection(migrated.folder, FIXTURE_PASSPHRASE)
    try:
        for word, ref in SEARCHES[migrated.before["revision"]].items():
            found = connection.execute(
                "SELECT exhibit_id FROM exhibit_text WHERE exhibit_text MATCH ?", (fts_query(word),)
            ).fetchall()
            exhibit = connection.execute("SELECT id FROM exhibits WHERE ref = ?", (ref,)).fetchone()[0]
            assert found == [(exhibit,)], word
    finally:
        connection.close()


# -- schema --------------------------------------------------------------------------------------


def _schema(folder: Path, passphrase: str = FIXTURE_PASSPHRASE) -> set[tuple[str, str, str]]:
    connection = raw_connection(folder, passphrase)
    try:
        return set(connection.execute("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"))
    finally:
        connection.close()


def _fresh_case(folder: Path) -> bytes:
    """An empty database taken 0001 -> 0002 -> 0003, as every new case is; returns its key."""
    folder.mkdir()
    key = data_key(FIXTURES[0])
    shutil.copy(FIXTURES[0] / "keyslots.json", folder / "keyslots.json")
    engine = make_engine(folder / "case.db", key)
    try:
        result = migrate(engine, folder / "case.db", folder / "backups", new_case=True)
    finally:
        engine.dispose()
    assert (result.from_revision, result.to_revision, result.backup) == (None, SCHEMA_HEAD, None)
    return key


def test_a_new_case_is_built_exactly_as_the_orm_declares(tmp_path: Path) -> None:
    key = _fresh_case(tmp_path / "new.caseapp")
    engine = make_engine(tmp_path / "new.caseapp" / "case.db", key)
    try:
        with engine.connect() as connection:
            context = MigrationContext.configure(
                connection,
                opts={
                    "include_name": lambda name, _kind, _parent: (
                        not str(name).startswith(("exhibit_text", "record_text"))
                    )
                },
            )
            assert compare_metadata(context, Base.metadata) == []
            # compare_metadata leaves out CHECK constraints and constraint names: compare them too.
            inspector = sa.inspect(connection)
            for table in Base.metadata.sorted_tables:
                declared_checks = {
                    (str(c.name), str(c.sqltext)) for c in table.constraints if isinstance(c, sa.CheckConstraint)
                }
                found_checks = {(c["name"], c["sqltext"]) for c in inspector.get_check_constraints(table.name)}
                assert found_checks == declared_checks, table.name
                declared_fks = {str(fk.name) for fk in table.foreign_key_constraints}
                assert {fk["name"] for fk in inspector.get_foreign_keys(table.name)} == declared_fks, table.name
                assert inspector.get_pk_constraint(table.name)["name"] == f"pk_{table.name}"
            device = connection.exec_driver_sql("SELECT value FROM case_secrets WHERE name = 'device_id'").scalar()
            assert str(uuid.UUID(device)) == device
            assert connection.exec_driver_sql("SELECT count(*) FROM ref_counters").scalar() == 0
            full_text = connection.exec_driver_sql("SELECT sql FROM sqlite_master WHERE name = 'exhibit_text'").scalar()
    finally:
        engine.dispose()
    from caseapp.storage.orm import FULL_TEXT_CREATE

    assert full_text == FULL_TEXT_CREATE


def test_a_migrated_case_has_the_schema_of_a_new_one(migrated: Migrated, tmp_path: Path) -> None:
    _fresh_case(tmp_path / "new.caseapp")
    assert _schema(migrated.folder) == _schema(tmp_path / "new.caseapp")


# -- more than one case ----------------------------------------------------------------------------


def _all_keys(folder: Path) -> set[str]:
    connection = raw_connection(folder, FIXTURE_PASSPHRASE)
    try:
        keys: set[str] = set()
        for table in Base.metadata.sorted_tables:
            for column in table.columns:
                if isinstance(column.type, sa.Uuid) and column.primary_key:
                    keys |= {row[0] for row in connection.execute(f"SELECT {column.name} FROM {table.name}")}
        return keys
    finally:
        connection.close()


def test_two_copies_migrated_separately_get_disjoint_keys(tmp_path: Path) -> None:
    fixture = FIXTURES[-1]
    copies = [tmp_path / "a" / fixture.name, tmp_path / "b" / fixture.name]
    for folder in copies:
        shutil.copytree(fixture, folder)
        upgrade(folder)
    first, second = (_all_keys(folder) for folder in copies)
    assert len(first) >= 10
    assert first.isdisjoint(second)
    assert read_after(copies[0])["exhibits"] == read_after(copies[1])["exhibits"]


# -- what intake reported, and damaged cases -------------------------------------------------------


def test_exhibits_keep_the_problems_their_import_job_reported(tmp_path: Path) -> None:
    folder = tmp_path / "problems.caseapp"
    shutil.copytree(FIXTURES[-1], folder)
    connection = raw_connection(folder, FIXTURE_PASSPHRASE)
    (original_path,) = connection.execute("SELECT original_path FROM acquisitions").fetchone()
    reported = [
        {"path": original_path, "code": "truncated", "severity": "warning", "message": f"'{original_path}' is cut"},
        {"path": "/elsewhere/other.jpg", "code": "unreadable", "severity": "error", "message": "other file"},
    ]
    connection.execute("UPDATE import_jobs SET problems_json = ?", (json.dumps(reported, ensure_ascii=False),))
    connection.close()
    upgrade(folder)
    connection = raw_connection(folder, FIXTURE_PASSPHRASE)
    rows = dict(connection.execute("SELECT ref, problems_json FROM exhibits").fetchall())
    job = connection.execute("SELECT problems_json FROM import_jobs").fetchone()[0]
    connection.close()
    assert json.loads(rows["EX-2"]) == [{"code": "truncated", "severity": "warning", "message": "'شهادة.txt' is cut"}]
    assert rows["EX-1"] == "[]"
    assert json.loads(job) == reported


def test_a_case_with_a_broken_reference_is_refused_unchanged(tmp_path: Path) -> None:
    folder = tmp_path / "broken.caseapp"
    shutil.copytree(FIXTURES[-1], folder)
    connection = raw_connection(folder, FIXTURE_PASSPHRASE)
    connection.execute("PRAGMA foreign_keys = OFF")
    connection.execute("UPDATE links SET incident_id = 99")
    connection.close()
    before = read_before(folder)
    engine = make_engine(folder / "case.db", data_key(folder))
    try:
        with pytest.raises(CaseDamagedError, match="1 record\\(s\\) in links point at records that are missing"):
            migrate(engine, folder / "case.db", folder / "backups")
        assert current_revision(engine) == "0002"
    finally:
        engine.dispose()
    assert read_before(folder) == before
