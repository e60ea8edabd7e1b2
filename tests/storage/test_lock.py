"""lock() (and close()) makes an open case unusable: no read, no write, nothing changed on disk."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from caseapp.app.case_folder import OpenCase
from caseapp.app.exhibits import export_original, verify_blobs
from caseapp.app.verification import verify_case
from caseapp.core.entities import PersonRole
from caseapp.core.errors import CaseLockedError, UnlockError
from caseapp.core.refs import parse_ref
from tests.conftest import snapshot


@pytest.fixture
def locked_case(make_case, tmp_path: Path) -> OpenCase:  # type: ignore[no-untyped-def]
    case, _ = make_case()
    case.records.add_person(role=PersonRole.WITNESS, full_name="Amal")
    evidence = tmp_path / "evidence.txt"
    evidence.write_text("a statement", encoding="utf-8")
    case.imports.import_paths([evidence])
    case.lock()
    return case


ACTIONS: dict[str, Callable[[OpenCase, Path], object]] = {
    "read persons": lambda case, _tmp: case.records.persons(),
    "add a person": lambda case, _tmp: case.records.add_person(role=PersonRole.WITNESS, full_name="Rami"),
    "import": lambda case, tmp: case.imports.import_paths([tmp / "evidence.txt"]),
    "export an original": lambda case, tmp: export_original(case, parse_ref("EX-1"), tmp / "out"),
    "verify": lambda case, _tmp: verify_case(case, full=True),
    "verify blobs": lambda case, _tmp: verify_blobs(case),
    "data key": lambda case, _tmp: case.data_key(),
    "blob read": lambda case, _tmp: case.blobs.read_bytes("00" * 16, 1),
    "blob write": lambda case, _tmp: case.blobs.put_bytes(b"x"),
    "custody": lambda case, _tmp: case.custody.entries(),
}


@pytest.mark.parametrize("action", sorted(ACTIONS))
def test_every_use_after_lock_is_refused_and_writes_nothing(locked_case: OpenCase, tmp_path: Path, action: str) -> None:
    (tmp_path / "out").mkdir()
    before = snapshot(locked_case.folder)
    with pytest.raises(CaseLockedError, match="the case is locked; unlock it again to continue"):
        ACTIONS[action](locked_case, tmp_path)
    assert snapshot(locked_case.folder) == before
    assert list((tmp_path / "out").iterdir()) == []


def test_lock_drops_every_key_reference(locked_case: OpenCase) -> None:
    assert isinstance(CaseLockedError("x"), UnlockError)
    assert locked_case.db._engine is None
    assert locked_case.db._anchor._mac_key is None
    assert locked_case.blobs._identity is None
    assert len(locked_case._data_key) == 0


def test_close_locks_and_lock_twice_is_harmless(make_case) -> None:  # type: ignore[no-untyped-def]
    case, _ = make_case()
    case.close()
    with pytest.raises(CaseLockedError):  # today's close() left reads working
        case.records.persons()
    with pytest.raises(CaseLockedError):
        case.records.add_person(role=PersonRole.WITNESS, full_name="Rami")
    case.lock()
    with pytest.raises(CaseLockedError):
        case.records.persons()
