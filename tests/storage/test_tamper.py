"""Tampering with the custody log through SQL, with the key, is detected by `verify` (exit 3)."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from caseapp.core.custody import next_entry
from caseapp.core.entities import CustodyEntry
from caseapp.core.errors import IntegrityError
from caseapp.core.refs import CASE_REF
from tests.conftest import PASSPHRASE, raw_connection


@pytest.fixture
def case_folder(make_case) -> Path:  # type: ignore[no-untyped-def]
    case, _ = make_case()
    for index in range(6):
        case.records.add_note(CASE_REF, f"observation {index}")
    case.close()
    return case.folder


def tamper(folder: Path, *statements: str) -> None:
    connection = raw_connection(folder)
    connection.execute("DROP TRIGGER custody_no_update")
    connection.execute("DROP TRIGGER custody_no_delete")
    for statement in statements:
        connection.execute(statement)
    connection.close()


def verify(cli, folder: Path):  # type: ignore[no-untyped-def]
    return cli("verify", "--case", str(folder), passphrase=PASSPHRASE)


def test_untouched_case_verifies(cli, case_folder: Path) -> None:  # type: ignore[no-untyped-def]
    result = verify(cli, case_folder)
    assert result.code == 0 and result.out.startswith("OK: 7 custody entries verified")


def test_append_only_triggers_refuse_edits(case_folder: Path) -> None:
    connection = raw_connection(case_folder)
    with pytest.raises(Exception, match="append-only"):
        connection.execute("UPDATE custody SET actor = 'someone else' WHERE seq = 2")
    with pytest.raises(Exception, match="append-only"):
        connection.execute("DELETE FROM custody WHERE seq = 2")
    connection.close()


def test_edited_entry(cli, case_folder: Path) -> None:  # type: ignore[no-untyped-def]
    tamper(case_folder, "UPDATE custody SET actor = 'someone else' WHERE seq = 3")
    result = verify(cli, case_folder)
    assert result.code == 3 and "BROKEN: entry 3 was altered after it was written" in result.out


def test_deleted_middle_entry(cli, case_folder: Path) -> None:  # type: ignore[no-untyped-def]
    tamper(case_folder, "DELETE FROM custody WHERE seq = 4")
    result = verify(cli, case_folder)
    assert result.code == 3 and "entry 4 is missing" in result.out


def test_reordered_entries(cli, case_folder: Path) -> None:  # type: ignore[no-untyped-def]
    tamper(
        case_folder,
        "UPDATE custody SET seq = -1 WHERE seq = 3",
        "UPDATE custody SET seq = 3 WHERE seq = 4",
        "UPDATE custody SET seq = 4 WHERE seq = -1",
    )
    result = verify(cli, case_folder)
    assert result.code == 3 and "BROKEN: entry 3" in result.out


def test_deleted_newest_entries(cli, case_folder: Path) -> None:  # type: ignore[no-untyped-def]
    tamper(case_folder, "DELETE FROM custody WHERE seq >= 6")
    result = verify(cli, case_folder)
    assert result.code == 3 and "entries 6 to 7 were deleted" in result.out
    # And caseapp refuses to write on top of it, which would hide the truncation.
    added = cli("note", "add", "CASE", "more", "--case", str(case_folder), passphrase=PASSPHRASE)
    assert added.code == 3 and "does not match its recorded head" in added.err


def _rows(folder: Path) -> list[CustodyEntry]:
    connection = raw_connection(folder)
    rows = connection.execute(
        "SELECT seq, at, actor, action, target, details, prev_hash, hash, version, device, target_id "
        "FROM custody ORDER BY seq"
    ).fetchall()
    connection.close()
    return [CustodyEntry(r[0], r[1], r[2], r[3], r[4], json.loads(r[5]), *r[6:]) for r in rows]


def test_chain_rewritten_consistently_without_the_head(cli, case_folder: Path) -> None:  # type: ignore[no-untyped-def]
    """A forger with the key who rebuilds every hash still cannot forge the authenticated head."""
    entries = _rows(case_folder)
    assert all(e.version == 2 and e.device for e in entries)
    chain = entries[:5]
    for _ in range(2):  # same length as before, valid hashes, different content
        chain.append(
            next_entry(
                chain[-1],
                at=datetime.now(UTC),
                actor="forger",
                action="note.add",
                target="CASE",
                details={},
                device=entries[-1].device,
            )
        )
    inserts = [
        "INSERT INTO custody (seq, at, actor, action, target, details, prev_hash, hash, version, device, target_id) "
        f"VALUES ({e.seq}, '{e.at}', '{e.actor}', '{e.action}', '{e.target}', '{{}}', '{e.prev_hash}', '{e.hash}', "
        f"{e.version}, '{e.device}', NULL)"
        for e in chain[5:]
    ]
    tamper(case_folder, "DELETE FROM custody WHERE seq >= 6", *inserts)
    result = verify(cli, case_folder)
    assert result.code == 3 and "entry 7 differs from the recorded custody head" in result.out


def test_forged_head_file(cli, case_folder: Path) -> None:  # type: ignore[no-untyped-def]
    head_path = case_folder / "custody.head"
    head = json.loads(head_path.read_text())
    head["seq"] = 3
    head_path.write_text(json.dumps(head))
    result = verify(cli, case_folder)
    assert result.code == 3 and "custody.head was altered" in result.out


def test_missing_head_file(cli, case_folder: Path) -> None:  # type: ignore[no-untyped-def]
    (case_folder / "custody.head").unlink()
    result = verify(cli, case_folder)
    assert result.code == 3 and "head record is missing" in result.out
    with pytest.raises(IntegrityError):
        from caseapp.app.case_folder import open_case

        with open_case(case_folder, passphrase=PASSPHRASE) as case:
            case.records.add_note(CASE_REF, "refused")
