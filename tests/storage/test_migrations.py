"""Schema migrations: stored cases of every released schema open and upgrade; newer ones are refused."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from caseapp.app.case_folder import open_case
from caseapp.app.exhibits import verify_blobs
from caseapp.app.verification import verify_case
from caseapp.core.errors import SchemaTooNewError
from caseapp.core.refs import CASE_REF, parse_ref
from caseapp.storage.migrate import SCHEMA_HEAD, known_revisions
from caseapp.storage.orm import Base
from tests.conftest import PASSPHRASE, raw_connection, snapshot

FIXTURES = sorted((Path(__file__).resolve().parents[1] / "data" / "cases").glob("schema-*.caseapp"))


def test_the_schema_head_constant_matches_alembic() -> None:
    head, known = known_revisions()
    assert head == SCHEMA_HEAD and SCHEMA_HEAD in known


def test_migrations_build_exactly_the_orm_schema(make_case) -> None:  # type: ignore[no-untyped-def]
    case, _ = make_case()
    with case.db._engine.connect() as connection:
        context = MigrationContext.configure(
            connection,
            opts={
                "include_name": lambda name, kind, _parent: not str(name).startswith(("exhibit_text", "record_text"))
            },
        )
        differences = compare_metadata(context, Base.metadata)
    assert differences == []


@pytest.mark.parametrize("fixture", FIXTURES, ids=[f.name for f in FIXTURES])
def test_stored_case_of_an_old_schema_opens_and_upgrades(fixture: Path, tmp_path: Path) -> None:
    folder = tmp_path / fixture.name
    shutil.copytree(fixture, folder)
    stored_revision = fixture.name.removeprefix("schema-").removesuffix(".caseapp")
    with open_case(folder, passphrase="fixture passphrase") as case:
        assert case.db.migration.from_revision == stored_revision
        assert case.db.migration.to_revision == SCHEMA_HEAD
        upgraded = stored_revision != SCHEMA_HEAD
        assert (case.db.migration.backup is not None) == upgraded
        if upgraded:
            assert (
                case.db.migration.backup and case.db.migration.backup.read_bytes() == (fixture / "case.db").read_bytes()
            )
        persons = case.records.persons()
        assert [p.full_name for p in persons] == [None]  # protected names are hidden in listings
        assert [case.records.reveal_person(parse_ref(p.ref)).value.full_name for p in persons] == ["شاهد أول"]
        assert case.records.incidents()[0].title == "Frappe sur le marché"
        assert case.records.links()[0].target_ref == "INC-1"
        assert case.custody.verify().ok
        assert verify_blobs(case).problems == ()
        case.records.add_note(CASE_REF, "written after the upgrade")
        assert case.custody.verify().ok
    assert FIXTURES, "no stored schema fixtures found"


@pytest.mark.parametrize("fixture", FIXTURES, ids=[f.name for f in FIXTURES])
def test_verify_finds_nothing_wrong_in_an_upgraded_case(fixture: Path, tmp_path: Path) -> None:
    folder = tmp_path / fixture.name
    shutil.copytree(fixture, folder)
    with open_case(folder, passphrase="fixture passphrase") as case:
        verification = verify_case(case, full=True)
        assert verification.record_problems == ()
        assert verification.ok
        case.records.add_note(CASE_REF, "written after the upgrade")
        assert verify_case(case, full=True).ok


def test_case_from_a_newer_caseapp_is_refused_unchanged(make_case) -> None:  # type: ignore[no-untyped-def]
    case, _ = make_case()
    case.close()
    connection = raw_connection(case.folder)
    connection.execute("UPDATE alembic_version SET version_num = '9999'")
    connection.close()
    before = snapshot(case.folder)
    with pytest.raises(SchemaTooNewError, match="schema '9999', written by a newer caseapp"):
        open_case(case.folder, passphrase=PASSPHRASE)
    assert snapshot(case.folder) == before
