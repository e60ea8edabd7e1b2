"""The operation API as the GUI will drive it: worker threads, JSON for scripts, nothing deleted."""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import event, text

from caseapp.app.case_folder import OpenCase
from caseapp.app.verification import verify_case
from caseapp.core.entities import PersonRole
from caseapp.core.operations import CancelToken, Task
from caseapp.core.refs import parse_ref
from caseapp.core.services import RecordService
from caseapp.core.services.editing import Dependents
from tests.conftest import PASSPHRASE, CliResult


def test_use_cases_run_on_worker_threads_while_the_main_thread_reads(
    make_case: Callable[..., tuple[OpenCase, str]], tmp_path: Path
) -> None:
    case, _ = make_case()
    evidence = tmp_path / "evidence"
    evidence.mkdir()
    for index in range(6):
        (evidence / f"statement-{index}.txt").write_text(
            f"statement {index}: the market was struck\n", encoding="utf-8"
        )
    errors: list[BaseException] = []
    progress: list[tuple[int, int, str]] = []

    def work(worker: int) -> None:
        try:
            records = case.records
            for index in range(5):
                person = records.add_person(role=PersonRole.WITNESS, full_name=f"w{worker}-{index}").value
                records.edit(parse_ref(person.ref), {"description": "seen at the market"}, reason="interview")
                records.tag(parse_ref(person.ref), [f"worker-{worker}"])
            if worker == 0:
                task = Task(progress=lambda d, t, label: progress.append((d, t, label)), cancel=CancelToken())
                case.imports.import_paths([evidence], task=task)
        except BaseException as error:  # pragma: no cover - reported below
            errors.append(error)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    reads = 0
    while any(t.is_alive() for t in threads):
        case.records.persons()
        case.records.exhibits()
        reads += 1
    for thread in threads:
        thread.join(timeout=120)
    assert not errors, errors
    assert reads > 0
    assert len(case.records.persons()) == 20
    assert case.records.count_exhibits() == 6
    assert progress and progress[-1][0] == progress[-1][1]
    refs = sorted(p.ref for p in case.records.persons())
    assert refs == sorted(f"W-{n:03d}" for n in range(1, 21)), "two writers were given the same ref"
    assert verify_case(case).ok


def test_every_listing_gives_refs_ids_and_zoned_iso_times(cli: Callable[..., CliResult], tmp_path: Path) -> None:
    case = str(tmp_path / "json.caseapp")
    assert cli("init", case, passphrase=PASSPHRASE).code == 0
    statement = tmp_path / "statement.txt"
    statement.write_text("الشاهد رأى الحفرة\n", encoding="utf-8")
    for args in (
        ("person", "add", "--role", "witness", "--name", "شاهد"),
        ("incident", "add", "--title", "Strike", "--when", "2016-04-27T14:05"),
        ("source", "add", "--name", "Field team"),
        ("exhibit", "add", "--title", "Photo", "--acquired", "2016-05-01"),
        ("note", "add", "INC-1", "note"),
        ("link", "EX-1", "INC-1", "--reasoning", "shows it"),
        ("import", str(statement)),
    ):
        assert cli("--case", case, *args, passphrase=PASSPHRASE).code == 0, args
    iso = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")
    uuid_form = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
    listings = [
        ("person", "list"),
        ("incident", "list"),
        ("source", "list"),
        ("exhibit", "list"),
        ("list",),
        ("note", "list"),
        ("link", "list"),
    ]
    times_seen = 0
    for listing in listings:
        result = cli("--case", case, *listing, "--json", "--deleted", passphrase=PASSPHRASE)
        assert result.code == 0, (listing, result.err)
        records = json.loads(result.out)
        assert records, listing
        for record in records:
            assert isinstance(record["ref"], str) and record["ref"], listing
            assert uuid_form.match(record["id"]), (listing, record["id"])
            for key, value in record.items():
                if key.endswith("_at") or key in ("time_start", "time_end"):
                    if value is not None:
                        assert iso.match(value), (listing, key, value)
                        times_seen += 1
    assert times_seen >= 9
    shown = json.loads(cli("--case", case, "list", "--json", passphrase=PASSPHRASE).out)
    assert shown == json.loads(cli("--case", case, "exhibit", "list", "--json", passphrase=PASSPHRASE).out)


# Tables whose rows are never removed by a service. The custody log is append-only (triggers);
# rows may leave only these local indexes: a full-text index row is rewritten when its record changes.
MAY_DELETE = {"exhibit_text", "record_text"}


def test_no_service_deletes_a_row(make_case: Callable[..., tuple[OpenCase, str]], tmp_path: Path) -> None:
    case, _ = make_case()
    statements: list[str] = []

    def seen(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        statements.append(statement)

    engine = case.db._engine
    event.listen(engine, "before_cursor_execute", seen)
    with engine.connect() as connection:
        tables = [
            row[0]
            for row in connection.execute(
                text(
                    "SELECT name FROM sqlite_master WHERE type = 'table'"
                    " AND name NOT LIKE 'exhibit_text%' AND name NOT LIKE 'record_text%'"
                )
            )
        ]

    def counts() -> dict[str, int]:
        with engine.connect() as connection:
            return {t: int(connection.execute(text(f'SELECT count(*) FROM "{t}"')).scalar() or 0) for t in tables}

    records = case.records
    person = parse_ref(records.add_person(role=PersonRole.VICTIM, full_name="x").value.ref)
    incident = parse_ref(records.add_incident(title="Strike").value.ref)
    source = parse_ref(records.add_source(name="Team").value.ref)
    exhibit = parse_ref(records.add_exhibit(title="Photo", source=source).value.ref)
    note = parse_ref(records.add_note(incident, "n").value.ref)
    link = parse_ref(records.link(exhibit, incident, reasoning="r").value.ref)
    (tmp_path / "a.txt").write_text("a file\n", encoding="utf-8")
    case.imports.import_paths([tmp_path / "a.txt"])
    before = counts()
    for ref in (person, incident, source, exhibit, note, link):
        if ref.kind.value in ("person", "incident", "source", "exhibit"):
            records.tag(ref, ["t"])
            records.tag(ref, ["t"], remove=True)
        records.delete(ref, reason="test", dependents=Dependents.KEEP)
        records.restore(ref)
    records.edit(exhibit, {"title": "Photo of the crater"}, reason="clearer")
    records.undo_last()
    records.undo_last()
    # Charges and element links: members taken off a charge and deleted links keep their rows.
    suspect = parse_ref(records.add_person(role=PersonRole.SUSPECT).value.ref)
    charge = parse_ref(records.add_charge("8(2)(e)(i)", suspects=[(suspect, "28(a)")], incidents=[incident]).value.ref)
    element = parse_ref(records.link_element(exhibit, "8(2)(e)(i)-1", reasoning="r").value.ref)
    records.edit(charge, {"suspects": [], "incidents": []}, reason="none yet")
    records.undo_last()
    RecordService(case.db, "reviewer").review(element, accept=True)
    for ref in (charge, element):
        records.delete(ref, reason="test")
        records.restore(ref)
    records.delete(exhibit, reason="test", dependents=Dependents.DELETE)
    records.undo_last()
    after = counts()
    deletes = [s for s in statements if s.lstrip().upper().startswith("DELETE")]
    offending = [s for s in deletes if not any(f"FROM {t}" in s for t in MAY_DELETE)]
    assert not offending, offending
    shrunk = {t: (before[t], after[t]) for t in tables if after[t] < before[t]}
    assert not shrunk, shrunk
    assert after["taggings"] >= 4 and after["revisions"] >= 1
    assert after["charge_suspects"] == after["charge_incidents"] == after["element_links"] == 1
