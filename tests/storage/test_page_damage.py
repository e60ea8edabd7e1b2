"""Every damaged page of case.db is reported by `verify` as damage (exit 3), never as an internal
error and never as a wrong passphrase: one flipped byte in each page of a small case, in turn."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from caseapp.core.entities import PersonRole
from tests.conftest import PASSPHRASE

PAGE = 4096  # SQLCipher 4's page size


def test_a_flipped_byte_in_any_page_is_reported_as_damage(make_case, tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    case, _ = make_case()
    case.records.add_person(role=PersonRole.WITNESS, full_name="Amal")
    case.records.add_person(role=PersonRole.VICTIM, full_name="Rami")
    case.records.add_incident(title="Shelling of the market")
    folder = tmp_path / "evidence"
    folder.mkdir()
    for index in range(3):
        (folder / f"statement-{index}.txt").write_text(f"statement {index} " * 50, encoding="utf-8")
    case.imports.import_paths([folder])
    case.close()
    assert not (case.folder / "case.db-wal").exists()  # everything is in case.db itself
    original = (case.folder / "case.db").read_bytes()
    pages = len(original) // PAGE
    assert pages >= 20
    outcomes: dict[int, tuple[int, str]] = {}
    started = time.monotonic()
    damaged = tmp_path / "damaged.caseapp"
    for page in range(pages):
        shutil.rmtree(damaged, ignore_errors=True)
        shutil.copytree(case.folder, damaged)
        data = bytearray(original)
        offset = page * PAGE + 16 + (page * 397) % (PAGE - 32)  # somewhere in the page, a different place each time
        data[offset] ^= 0x01
        (damaged / "case.db").write_bytes(bytes(data))
        result = cli("verify", "--case", str(damaged), passphrase=PASSPHRASE)
        outcomes[page] = (result.code, result.out + result.err)
    elapsed = time.monotonic() - started
    wrong = {page: outcome for page, outcome in outcomes.items() if outcome[0] != 3}
    assert not wrong, f"{len(wrong)} of {pages} flips did not give exit 3: {wrong}"
    for page, (_code, said) in outcomes.items():
        assert "case.db" in said or "database" in said.lower(), (page, said)
        assert "internal error" not in said and "passphrase" not in said, (page, said)
    print(f"page flips: {pages}, exit 3: {pages - len(wrong)}, {elapsed:.1f} s")


def test_a_refused_constraint_is_not_reported_as_damage(make_case) -> None:  # type: ignore[no-untyped-def]
    case, _ = make_case()
    with pytest.raises(IntegrityError), case.db.write() as tx:  # the append-only trigger refuses it
        tx.session.execute(text("DELETE FROM custody"))
