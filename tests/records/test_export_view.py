# ruff: noqa: RUF001  (Arabic letters look like Latin ones to ruff)
"""The export view (issue 14): a protected witness's name typed anywhere, or found in an imported
file in another spelling, never appears in any value of the view; the pseudonym stands instead;
a suspect whose protection is "none" keeps the name."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from caseapp.app.case_folder import OpenCase
from caseapp.core.analysis import parse_excerpt
from caseapp.core.entities import PersonRole, ProtectionLevel
from caseapp.core.export_view import ExportView
from caseapp.core.ports import ExhibitQuery
from caseapp.core.refs import CASE_REF, parse_ref
from caseapp.core.searchtext import normalise
from caseapp.core.services import RecordService

WITNESS = "محمد أحمد الحلبي"
VARIANT = "مُحَمَّد احمد الحلبى"  # tashkeel, bare alef, alef maqsura: how a statement may spell it
SUSPECT = "جميل حسن"
REVIEWER = "reviewer"


def strings(value: Any, path: str = "view") -> Iterator[tuple[str, str]]:
    """Every string held anywhere in ``value`` (dataclasses, tuples, mappings), with where it is."""
    if isinstance(value, str):
        yield path, value
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for item in dataclasses.fields(value):
            yield from strings(getattr(value, item.name), f"{path}.{item.name}")
    elif isinstance(value, (tuple, list)):
        for index, item in enumerate(value):
            yield from strings(item, f"{path}[{index}]")
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from strings(key, f"{path}<key>")
            yield from strings(item, f"{path}[{key!r}]")


def leaks(text: str) -> bool:
    """The witness's name in any spelling the search folds together (or its surname at all)."""
    folded = normalise(text)
    return WITNESS in text or VARIANT in text or "حلبي" in folded or normalise("محمد احمد") in folded


@pytest.fixture
def case_with_witness(make_case: Callable[..., tuple[OpenCase, str]], tmp_path: Path) -> tuple[OpenCase, str]:
    case, _ = make_case()
    work = case.records
    witness = work.add_person(role=PersonRole.WITNESS, full_name=WITNESS).value
    assert witness.protection is ProtectionLevel.PROTECTED
    suspect = work.add_person(role=PersonRole.SUSPECT, full_name=SUSPECT).value
    gone = work.add_person(role=PersonRole.VICTIM, full_name="سارة خالد يوسف").value
    incident = work.add_incident(title="Strike on al-Quds hospital", when="2016-04-27").value
    exhibit = work.add_exhibit(
        title=f"Statement of {WITNESS}", description=f"taken from محمد الحلبي at the hospital; {SUSPECT} named"
    ).value
    work.add_note(parse_ref(exhibit.ref), f"{WITNESS} asked not to be named. سارة يوسف also saw it.")
    work.add_note(CASE_REF, f"ومحمد الحلبي confirmed the time; {SUSPECT} gave the order")
    work.link(
        parse_ref(exhibit.ref), parse_ref(incident.ref), reasoning=f"{WITNESS} saw the second strike from the gate"
    )
    work.link_element(
        parse_ref(exhibit.ref),
        "8(2)(e)(iv)-1",
        reasoning=f"the witness ({VARIANT}) describes the hospital as the target",
        excerpt=parse_excerpt(f"chars=0-20;quote=I, {WITNESS}, saw"),
    )
    work.add_charge(
        "8(2)(e)(iv)",
        suspects=[(parse_ref(suspect.ref), "28(a)")],
        incidents=[parse_ref(incident.ref)],
        analysis=f"{SUSPECT} commanded the unit; أحمد الحلبي heard the order",
    )
    work.delete(parse_ref(gone.ref), reason="entered twice")
    statement = tmp_path / "statement.txt"
    statement.write_text(f"شهادة\nأنا {VARIANT}، رأيت الضربة الثانية.\nAnd {SUSPECT} was there.\n", encoding="utf-8")
    report = case.imports.import_paths([statement]).value
    imported = report.outcomes[0].exhibit
    assert imported
    return case, imported


def test_a_protected_name_typed_anywhere_never_appears_in_the_export_view(
    case_with_witness: tuple[OpenCase, str],
) -> None:
    case, imported = case_with_witness
    view = case.records.export_view(blobs=case.blobs, include_text=[parse_ref(imported)])
    assert isinstance(view, ExportView)
    found = list(strings(view))
    assert len(found) > 100  # the walk reaches into every record
    assert [where for where, text in found if leaks(text)] == []
    # The deleted victim's name, typed in a note, is replaced although she is no longer listed.
    assert not any("سارة" in text for _, text in found)

    statement = next(x for x in view.exhibits if x.ref == imported)
    assert statement.text is not None and "W-001" in statement.text and SUSPECT in statement.text
    assert statement.text.startswith("شهادة\nأنا W-001، رأيت")
    typed = next(x for x in view.exhibits if x.ref == "EX-1")
    assert typed.title == "Statement of W-001" and typed.text is None
    assert typed.description == f"taken from W-001 at the hospital; {SUSPECT} named"
    assert view.notes[0].text.startswith("W-001 asked not to be named. V-001 also saw")
    assert view.notes[1].text.startswith("وW-001 confirmed")
    assert view.links[0].reasoning == "W-001 saw the second strike from the gate"
    assert view.element_links[0].reasoning == "the witness (W-001) describes the hospital as the target"
    assert view.element_links[0].quote == "I, W-001, saw"
    assert view.charges[0].analysis == f"{SUSPECT} commanded the unit; W-001 heard the order"

    persons = {p.ref: p for p in view.persons}
    assert persons["W-001"].name is None and persons["W-001"].protection == "protected"
    assert persons["S-001"].name == SUSPECT  # protection "none": named
    assert "V-001" not in persons  # deleted
    assert view.gaps[0].charge_ref == "CHG-1"
    assert view.redactions == {
        "EX-1.description": 1,
        "EX-1.title": 1,
        f"{imported}.text": 1,
        "CHG-1.analysis": 1,
        "EL-1.quote": 1,
        "EL-1.reasoning": 1,
        "LNK-1.reasoning": 1,
        "NOTE-1.text": 2,
        "NOTE-2.text": 1,
    }
    assert view.redactions_by_field()["NOTE.text"] == 3 and view.redaction_total == 10


def test_search_results_and_listings_show_the_pseudonym_until_a_reveal(
    case_with_witness: tuple[OpenCase, str],
) -> None:
    case, imported = case_with_witness
    work = case.records
    results = work.exhibits(ExhibitQuery(text="الحلبي"))
    assert sorted(x.ref for x in results) == sorted(["EX-1", imported])  # search still finds them
    shown = [*results, *work.notes(), *work.links(), *work.element_links(), *work.charges(), *work.exhibits()]
    shown += [work.get(parse_ref("EX-1")), work.get(parse_ref("NOTE-1")), case.evidence.detail(parse_ref(imported))]
    assert [where for where, text in strings(shown) if leaks(text)] == []
    assert results[0].title == "Statement of W-001"
    # The name is seen only through a reveal, which is recorded in custody.
    assert work.reveal_person(parse_ref("W-001")).value.full_name == WITNESS


def test_without_protected_names_the_view_replaces_nothing(make_case: Callable[..., tuple[OpenCase, str]]) -> None:
    case, _ = make_case()
    work: RecordService = case.records
    work.add_person(role=PersonRole.WITNESS, full_name="محمد أحمد الحلبي", protection=ProtectionLevel.NONE)
    work.add_exhibit(title=f"Statement of {WITNESS}")
    view = work.export_view()
    assert view.exhibits[0].title == f"Statement of {WITNESS}"
    assert view.persons[0].name == WITNESS and view.redactions == {}
