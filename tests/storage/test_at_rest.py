"""Data at rest: nothing typed into a case can be read from its files without the key."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from caseapp.app.case_folder import open_case
from caseapp.core.entities import PersonRole
from tests.conftest import PASSPHRASE

MARKERS = ["ZQXJ-MARKER-7731", "Zeyneb Qarawi", "مستشفى القدس الميداني", "Témoignage-Rivière"]


def assert_no_marker(folder: Path) -> None:
    files = [p for p in folder.rglob("*") if p.is_file()]
    assert files
    for path in files:
        data = path.read_bytes()
        for marker in MARKERS:
            for encoding in ("utf-8", "utf-16-le", "utf-16-be"):
                assert marker.encode(encoding) not in data, f"{marker!r} ({encoding}) readable in {path.name}"


def fill(case) -> None:  # type: ignore[no-untyped-def]
    records = case.records
    person = records.add_person(role=PersonRole.WITNESS, full_name=f"{MARKERS[1]} {MARKERS[2]}").value
    records.add_note(person.id, f"{MARKERS[0]} {MARKERS[3]}")
    records.add_incident(title="Strike", description=f"{MARKERS[2]} {MARKERS[0]}", place_name=MARKERS[3])
    records.add_source(name=MARKERS[1], description=MARKERS[2])
    exhibit = records.add_exhibit(title=MARKERS[0], description=MARKERS[2]).value
    records.tag(exhibit.id, ["hospital"])


def test_no_marker_in_any_file_while_open_and_after_close(make_case) -> None:  # type: ignore[no-untyped-def]
    case, _ = make_case()
    fill(case)
    assert_no_marker(case.folder)  # WAL and shm included while the case is open
    case.close()
    assert_no_marker(case.folder)
    with open_case(case.folder, passphrase=PASSPHRASE) as again:
        names = [again.records.reveal_person(p.id).value.full_name for p in again.records.persons()]
        notes = [n.text for n in again.records.notes()]
    assert names == [f"{MARKERS[1]} {MARKERS[2]}"]  # the markers really were stored
    assert notes == [f"{MARKERS[0]} {MARKERS[3]}"]


def test_plain_sqlite_cannot_read_the_database(make_case) -> None:  # type: ignore[no-untyped-def]
    case, _ = make_case()
    case.close()
    with sqlite3.connect(case.folder / "case.db") as plain, pytest.raises(sqlite3.DatabaseError):
        plain.execute("SELECT count(*) FROM sqlite_master").fetchone()


def test_files_are_private(make_case) -> None:  # type: ignore[no-untyped-def]
    case, _ = make_case()
    fill(case)
    assert case.folder.stat().st_mode & 0o777 == 0o700
    for path in case.folder.rglob("*"):
        mode = path.stat().st_mode & 0o777
        assert mode == (0o700 if path.is_dir() else 0o600), f"{path.name} has mode {oct(mode)}"


def test_database_settings(make_case) -> None:  # type: ignore[no-untyped-def]
    case, _ = make_case()
    with case.db._engine.connect() as connection:
        pragma = {
            name: connection.exec_driver_sql(f"PRAGMA {name}").scalar()
            for name in ("journal_mode", "synchronous", "foreign_keys", "secure_delete", "temp_store")
        }
    assert pragma == {"journal_mode": "wal", "synchronous": 2, "foreign_keys": 1, "secure_delete": 1, "temp_store": 2}
