"""Migration 0007 (the search index of records other than exhibits, an incident's country) on the
stored 0006 case: every record already there is found through the new index, a protected name
still finds only the records it was typed into, and incidents take a country."""

from __future__ import annotations

import shutil
from pathlib import Path

from caseapp.app.case_folder import open_case
from caseapp.app.verification import verify_case
from caseapp.core.ports import Page
from caseapp.core.refs import parse_ref
from caseapp.core.search import SearchKind, SearchQuery, SearchResults
from caseapp.core.services.search import SearchService
from caseapp.storage.migrate import SCHEMA_HEAD

FIXTURE = Path(__file__).resolve().parents[1] / "data" / "cases" / "schema-0006.caseapp"


def _found(results: SearchResults) -> set[tuple[SearchKind, str]]:
    return {(hit.kind, hit.ref) for hit in results.hits}


def test_a_0006_case_upgrades_with_its_records_indexed_and_takes_a_country(tmp_path: Path) -> None:
    folder = tmp_path / FIXTURE.name
    shutil.copytree(FIXTURE, folder)
    with open_case(folder, passphrase="fixture passphrase") as case:
        assert (case.db.migration.from_revision, case.db.migration.to_revision) == ("0006", SCHEMA_HEAD)
        with case.db._engine.connect() as connection:
            rows = connection.exec_driver_sql("SELECT kind, count(*) FROM record_text GROUP BY kind").all()
        expected = {"person": 1, "incident": 1, "source": 1, "link": 1, "note": 2, "charge": 1, "element_link": 1}
        assert dict(rows) == expected

        def search(text: str) -> set[tuple[SearchKind, str]]:
            return _found(SearchService(case.db, "tester").search(SearchQuery(text=text, page=Page(0, 100))))

        assert search("marche") == {(SearchKind.INCIDENT, "INC-1")}  # accents folded, as before
        assert search("alep") == {(SearchKind.INCIDENT, "INC-1")}
        assert search("deliberate") == {(SearchKind.CHARGE, "CHG-1")}
        assert search("stalls") == {(SearchKind.ELEMENT_LINK, "EL-1")}
        assert search("B2") == {(SearchKind.SOURCE, "SRC-1")}
        assert (SearchKind.LINK, "LNK-1") in search("market after")
        assert search("W-001") == {(SearchKind.PERSON, "W-001")}
        witness = SearchService(case.db, "tester").search(SearchQuery(text="شاهد أول", page=Page(0, 100)))
        assert _found(witness) == {(SearchKind.NOTE, "NOTE-2")}  # the note it was typed into, never the person
        assert all("شاهد أول" not in (hit.snippet.text if hit.snippet else "") for hit in witness.hits)

        incident = case.records.incidents()[0]
        assert incident.country is None  # incidents made before have none
        case.records.edit(parse_ref(incident.ref), {"country": "sy", "title": "Frappe sur le souk"}, reason="upgrade")
        assert case.records.incidents()[0].country == "SY"
        assert search("souk") == {(SearchKind.INCIDENT, "INC-1")} and search("marche") == set()
        verification = verify_case(case, full=True)
        assert verification.record_problems == () and verification.ok
    with open_case(folder, passphrase="fixture passphrase") as again:
        assert again.db.migration.backup is None  # upgraded once
        assert again.records.incidents()[0].country == "SY"
