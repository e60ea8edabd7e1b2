"""What the store keeps for the services between reads (the name redaction) is given again only while
the case is unchanged: a write here, a write by another open copy of the case (another process,
another connection), and the lock each make it built again, so a name made protected is never
shown because an older redaction was kept."""

from __future__ import annotations

from collections.abc import Callable

from caseapp.app.case_folder import OpenCase, open_case
from caseapp.core.entities import PersonRole, ProtectionLevel
from caseapp.core.ports import ExhibitQuery
from tests.conftest import PASSPHRASE


def _titles(case: OpenCase) -> list[str]:
    return sorted(exhibit.title for exhibit in case.records.exhibits(ExhibitQuery()))


def test_a_kept_value_is_given_again_until_the_case_changes(make_case: Callable[..., tuple[OpenCase, str]]) -> None:
    case, _ = make_case()
    builds: list[int] = []

    def build() -> list[int]:
        builds.append(1)
        return [len(builds)]

    def read() -> list[int]:
        with case.db.read() as tx:
            return tx.derived("test value", build)

    first = read()
    assert read() is first and len(builds) == 1  # kept: nothing changed
    case.records.add_exhibit(title="a photo")
    assert read() is not first and len(builds) == 2  # a write here
    with case.db.write() as tx:
        assert tx.derived("test value", build) == [3]  # a write transaction never uses what is kept
    case.db.lock()
    assert case.db._derived is not None and case.db._derived._kept == {}  # nothing kept after the lock


def test_a_name_protected_after_a_listing_is_redacted_in_the_next(
    make_case: Callable[..., tuple[OpenCase, str]],
) -> None:
    case, _ = make_case()
    records = case.records
    records.add_exhibit(title="Samir Khaled Nasser at the gate")
    records.add_exhibit(title="Layla Hassan at the bakery")
    records.add_person(role=PersonRole.WITNESS, full_name="Samir Khaled Nasser", protection=ProtectionLevel.PROTECTED)
    assert _titles(case) == ["Layla Hassan at the bakery", "W-001 at the gate"]  # the redaction is kept now

    records.add_person(role=PersonRole.WITNESS, full_name="Layla Hassan", protection=ProtectionLevel.PROTECTED)
    assert _titles(case) == ["W-001 at the gate", "W-002 at the bakery"]  # a write of this process

    other = open_case(case.folder, passphrase=PASSPHRASE)  # another open copy: its own engine and connections
    try:
        other.records.add_exhibit(title="Omar Saleh at the clinic")
        assert "Omar Saleh at the clinic" in _titles(case)
        other.records.add_person(
            role=PersonRole.VICTIM, full_name="Omar Saleh", protection=ProtectionLevel.CONFIDENTIAL
        )
    finally:
        other.close()
    titles = _titles(case)  # the other copy's commit changed the case under this one's kept redaction
    assert not any("Omar Saleh" in title for title in titles), titles
    assert any(title.endswith("at the clinic") and title.startswith("V-") for title in titles), titles
