"""`verify` compares records with what the custody chain recorded (issue 13, item 11): someone
holding the key who edits rows with SQL, without rewriting the chain, is found."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from caseapp.app.case_folder import OpenCase, open_case
from caseapp.app.verification import verify_case
from caseapp.core.entities import PersonRole
from caseapp.core.refs import parse_ref
from tests.conftest import PASSPHRASE, raw_connection

TAMPERING = {
    "note text": ("UPDATE notes SET text = 'nothing was seen' WHERE ref = 'NOTE-1'", "NOTE-1: its text"),
    "person name": ("UPDATE persons SET full_name = 'someone else' WHERE ref = 'W-001'", "W-001: its full name"),
    "exhibit hash": (
        "UPDATE exhibits SET sha256 = '" + "0" * 64 + "' WHERE ref = 'EX-1'",
        "EX-1: its sha256",
    ),
    "edited title": ("UPDATE incidents SET title = 'Nothing happened' WHERE ref = 'INC-1'", "INC-1: its title"),
    "link reasoning": ("UPDATE links SET reasoning = 'unrelated' WHERE ref = 'LNK-1'", "LNK-1: its reasoning"),
}


@pytest.mark.parametrize("what", list(TAMPERING))
def test_records_edited_outside_caseapp_are_reported(
    make_case: Callable[..., tuple[OpenCase, str]], tmp_path: Path, what: str
) -> None:
    case, _ = make_case()
    statement = tmp_path / "statement.txt"
    statement.write_text("the market was struck at dawn\n", encoding="utf-8")
    case.imports.import_paths([statement])
    records = case.records
    records.add_person(role=PersonRole.WITNESS, full_name="محمد الحلبي")
    incident = records.add_incident(title="Strike").value
    records.edit(parse_ref(incident.ref), {"title": "Strike on the market"}, reason="precise")
    records.add_note(parse_ref("W-001"), "saw the aircraft")
    records.link(parse_ref("EX-1"), parse_ref(incident.ref), reasoning="describes the strike")
    assert verify_case(case, full=True).ok
    case.close()
    sql, message = TAMPERING[what]
    connection = raw_connection(case.folder)
    connection.execute(sql)
    connection.close()
    with open_case(case.folder, passphrase=PASSPHRASE) as reopened:
        result = verify_case(reopened, full=True)
    assert not result.ok
    assert [p.message for p in result.record_problems if p.message.startswith(message)], result.record_problems


def test_no_write_on_top_of_a_chain_with_an_altered_middle_entry(
    make_case: Callable[..., tuple[OpenCase, str]],
) -> None:
    from caseapp.core.errors import IntegrityError

    case, _ = make_case()
    for index in range(4):
        case.records.add_incident(title=f"Strike {index}")
    case.close()
    connection = raw_connection(case.folder)
    connection.execute("DROP TRIGGER custody_no_update")  # what someone holding the key can do
    connection.execute("UPDATE custody SET actor = 'someone else' WHERE seq = 3")
    connection.close()
    with open_case(case.folder, passphrase=PASSPHRASE) as reopened:
        with pytest.raises(IntegrityError, match="custody entry 3 was altered"):
            reopened.records.add_incident(title="written on top")
        assert [i.title for i in reopened.records.incidents()] == [f"Strike {n}" for n in range(4)]
