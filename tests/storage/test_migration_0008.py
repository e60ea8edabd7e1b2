"""Migration 0008 (full-text rows found by rowid) on the stored 0007 case: exhibit EX-n's row is row
n, every other record's row is keyed, searches find what they found, and edits then replace a
record's row in place (one row per record, its rowid kept)."""

from __future__ import annotations

import shutil
from pathlib import Path

from caseapp.app.case_folder import OpenCase, open_case
from caseapp.app.verification import verify_case
from caseapp.core.ports import ExhibitQuery, Page
from caseapp.core.refs import parse_ref
from caseapp.core.search import SearchKind, SearchQuery
from caseapp.core.services.search import SearchService
from caseapp.storage.migrate import SCHEMA_HEAD

FIXTURE = Path(__file__).resolve().parents[1] / "data" / "cases" / "schema-0007.caseapp"


def _rows(case: OpenCase, table: str) -> dict[int, str]:
    """rowid -> record id of the FTS table; for ``record_text`` it must agree with the key table,
    for ``exhibit_text`` the rowid must be the exhibit's number."""
    with case.db._engine.connect() as connection:
        if table == "exhibit_text":
            indexed = dict(connection.exec_driver_sql("SELECT rowid, exhibit_id FROM exhibit_text").all())
            numbers = dict(connection.exec_driver_sql("SELECT number, id FROM exhibits").all())
            assert indexed == {number: numbers[number] for number in indexed}
            return indexed
        indexed = dict(connection.exec_driver_sql("SELECT rowid, record_id FROM record_text").all())
        keyed = dict(connection.exec_driver_sql("SELECT rowid, record_id FROM record_text_keys").all())
    assert indexed == keyed
    return indexed


def test_a_0007_case_upgrades_with_every_index_row_keyed(tmp_path: Path) -> None:
    folder = tmp_path / FIXTURE.name
    shutil.copytree(FIXTURE, folder)
    with open_case(folder, passphrase="fixture passphrase") as case:
        assert (case.db.migration.from_revision, case.db.migration.to_revision) == ("0007", SCHEMA_HEAD)
        exhibits, records = _rows(case, "exhibit_text"), _rows(case, "record_text")
        assert sorted(exhibits) == [1, 2]  # the photo and the statement
        assert len(records) == len(set(records.values())) == 8
        with case.db._engine.connect() as connection:
            kinds = dict(connection.exec_driver_sql("SELECT kind, count(*) FROM record_text_keys GROUP BY kind").all())
        assert kinds == {"person": 1, "incident": 1, "source": 1, "link": 1, "note": 2, "charge": 1, "element_link": 1}

        def search(text: str) -> set[tuple[SearchKind, str]]:
            results = SearchService(case.db, "tester").search(SearchQuery(text=text, page=Page(0, 100)))
            return {(hit.kind, hit.ref) for hit in results.hits}

        assert search("marche") == {(SearchKind.INCIDENT, "INC-1")}
        assert search("stalls") == {(SearchKind.ELEMENT_LINK, "EL-1")}
        assert [e.ref for e in case.records.exhibits(ExhibitQuery(text="photo"))] == ["EX-1"]

        # Edits replace the row in place: same rowids, one row per record, the new words found.
        incident = case.records.incidents()[0]
        case.records.edit(parse_ref(incident.ref), {"title": "Frappe sur le souk"}, reason="after the upgrade")
        photo = case.records.exhibits(ExhibitQuery(text="photo"))[0]
        case.records.edit(parse_ref(photo.ref), {"title": "Cratère"}, reason="after the upgrade")
        assert _rows(case, "record_text") == records
        assert _rows(case, "exhibit_text") == exhibits
        assert search("souk") == {(SearchKind.INCIDENT, "INC-1")} and search("marche") == set()
        assert [e.ref for e in case.records.exhibits(ExhibitQuery(text="cratere"))] == ["EX-1"]
        assert case.records.exhibits(ExhibitQuery(text="photo")) == []

        # A record added now takes a new key, after every kept one.
        note = case.records.add_note(parse_ref(photo.ref), "a new note").value
        after = _rows(case, "record_text")
        assert after[max(after)] == note.id.hex and max(after) > max(records)
        assert verify_case(case, full=True).ok
