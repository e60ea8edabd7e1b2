"""Edges an independent review found: undo against other people's changes, redo, cascades,
protected values, deleted records, clock changes, the schema upgrade in custody."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from caseapp.app.case_folder import OpenCase, open_case
from caseapp.app.verification import verify_case
from caseapp.core.entities import PersonRole
from caseapp.core.errors import UserError, ValidationError
from caseapp.core.ports import CustodyQuery
from caseapp.core.refs import parse_ref
from caseapp.core.services import RecordService
from caseapp.core.services.editing import Dependents
from caseapp.core.timeinput import parse_time_range
from tests.conftest import PASSPHRASE, CliResult

FIXTURES = Path(__file__).resolve().parents[1] / "data" / "cases"


def _as(case: OpenCase, actor: str) -> RecordService:
    return RecordService(case.db, actor)


def test_undo_never_overwrites_a_later_edit_by_someone_else(make_case: Callable[..., tuple[OpenCase, str]]) -> None:
    case, _ = make_case()
    incident = parse_ref(case.records.add_incident(title="Strike", description="v0").value.ref)
    _as(case, "alice").edit(incident, {"description": "alice v1"}, reason="r")
    _as(case, "bob").edit(incident, {"description": "bob v2"}, reason="r")
    with pytest.raises(UserError, match="changed again after entry"):
        _as(case, "alice").undo_last()
    assert case.records.get(incident).description == "bob v2"  # type: ignore[union-attr]


def test_after_undo_and_redo_the_redone_change_is_the_one_undone(
    make_case: Callable[..., tuple[OpenCase, str]],
) -> None:
    case, _ = make_case()
    records = case.records
    incident = parse_ref(records.add_incident(title="inc").value.ref)
    records.edit(incident, {"title": "first"}, reason="r")
    second = records.edit(incident, {"title": "second"}, reason="r")
    assert second.undo is not None
    undone = records.undo(second.undo)
    assert undone.undo is not None
    records.undo(undone.undo)  # redo
    assert records.get(incident).title == "second"  # type: ignore[union-attr]
    records.undo_last()
    assert records.get(incident).title == "first"  # type: ignore[union-attr]
    assert verify_case(case).ok


def test_undo_goes_on_after_a_cascade_and_past_changes_already_taken_back(
    make_case: Callable[..., tuple[OpenCase, str]],
) -> None:
    case, _ = make_case()
    records = case.records
    exhibit = parse_ref(records.add_exhibit(title="Photo").value.ref)
    incident = parse_ref(records.add_incident(title="Strike").value.ref)
    records.link(exhibit, incident, reasoning="shows it")
    records.delete(exhibit, reason="dup", dependents=Dependents.DELETE)
    records.undo_last()  # the delete, with its link
    assert [link.ref for link in records.links()] == ["LNK-1"]
    entry, _ = records.undo_last().value  # then the link's creation, not the cascade again
    assert entry.action == "link.add"
    # someone else deletes what alice added: her undo passes over it
    alice, bob = _as(case, "alice"), _as(case, "bob")
    alice.add_source(name="Older change")
    added = parse_ref(alice.add_incident(title="Alice's").value.ref)
    bob.delete(added, reason="not ours")
    entry, _ = alice.undo_last().value
    assert entry.action == "source.add"
    assert verify_case(case).ok


def test_undoing_a_creation_refuses_to_strand_what_depends_on_it(
    make_case: Callable[..., tuple[OpenCase, str]],
) -> None:
    case, _ = make_case()
    carol, dave = _as(case, "carol"), _as(case, "dave")
    exhibit = parse_ref(carol.add_exhibit(title="Photo").value.ref)
    witness = parse_ref(dave.add_person(role=PersonRole.WITNESS).value.ref)
    dave.link(exhibit, witness, reasoning="shows her")
    with pytest.raises(UserError, match="LNK-1 depend"):
        carol.undo_last()
    assert case.records.get(exhibit).deleted is None


def test_undo_in_a_case_upgraded_from_schema_0001(tmp_path: Path) -> None:
    folder = tmp_path / "s1.caseapp"
    shutil.copytree(FIXTURES / "schema-0001.caseapp", folder)
    with open_case(folder, passphrase="fixture passphrase", actor="fixture") as case:
        entry, _ = case.records.undo_last().value
        assert entry.seq > 0
        assert verify_case(case).ok
        migrate = [e for e in case.custody.entries(CustodyQuery(action="case.migrate"))]
        assert len(migrate) == 1 and migrate[0].details["from"] == "0001"


def test_protected_values_never_answer_a_guess(make_case: Callable[..., tuple[OpenCase, str]]) -> None:
    case, _ = make_case()
    person = parse_ref(
        case.records.add_person(role=PersonRole.WITNESS, full_name="Samira", description="nurse").value.ref
    )
    assert case.records.persons()[0].description == ""  # the description may identify her too
    before = case.custody.count()
    case.records.edit(
        person, {"full_name": "Samira"}, reason="guess"
    )  # the right guess: the same answer as a wrong one
    assert case.custody.count() == before + 1
    assert case.records.edit(person, {"full_name": "Other"}, reason="guess").value.full_name is None


def test_nothing_new_on_a_deleted_record(make_case: Callable[..., tuple[OpenCase, str]]) -> None:
    case, _ = make_case()
    records = case.records
    incident = parse_ref(records.add_incident(title="Strike").value.ref)
    exhibit = parse_ref(records.add_exhibit(title="Photo").value.ref)
    records.delete(incident, reason="wrong")
    for attempt in (
        lambda: records.edit(incident, {"title": "x"}, reason="r"),
        lambda: records.link(exhibit, incident, reasoning="r"),
        lambda: records.add_note(incident, "n"),
        lambda: records.tag(incident, ["t"]),
    ):
        with pytest.raises(UserError, match="INC-1 is deleted"):
            attempt()


def test_clock_changes() -> None:
    start, end, _, _ = parse_time_range("2016-10-27", "Asia/Damascus")  # clocks go back at midnight
    following, _, _, _ = parse_time_range("2016-10-28", "Asia/Damascus")
    assert (following - end).total_seconds() == pytest.approx(1e-6)
    assert (end - start).total_seconds() == pytest.approx(25 * 3600 - 1e-6)
    for twice_or_never in ("2016-10-27T23:30", "2016-03-25T00:30"):
        with pytest.raises(ValidationError, match="happens twice or not at all"):
            parse_time_range(twice_or_never, "Asia/Damascus")


def test_time_zones_come_with_caseapp(tmp_path: Path) -> None:
    """Where the system has no time-zone database (Windows, minimal Linux), tzdata provides it."""
    code = (
        "from caseapp.core.timeinput import parse_time_range;"
        "print(parse_time_range('2016-12-13', 'Asia/Damascus')[0].isoformat())"
    )
    env = {**os.environ, "PYTHONTZPATH": str(tmp_path / "no-zoneinfo-here")}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "2016-12-12T22:00:00+00:00"


def test_person_json_hides_a_protected_description(cli: Callable[..., CliResult], tmp_path: Path) -> None:
    case = str(tmp_path / "d.caseapp")
    assert cli("init", case, passphrase=PASSPHRASE).code == 0
    assert (
        cli(
            "--case",
            case,
            "person",
            "add",
            "--role",
            "witness",
            "--name",
            "X",
            "--description",
            "nurse at al-Quds",
            passphrase=PASSPHRASE,
        ).code
        == 0
    )
    for args in (("person", "list", "--json"), ("person", "show", "W-001", "--json")):
        out = cli("--case", case, *args, passphrase=PASSPHRASE).out
        assert "al-Quds" not in out and json.loads(out)
