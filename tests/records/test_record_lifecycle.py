"""Every kind of record: add, show, list, edit (custody carries old/new/reason), delete, list with
and without deleted, restore, and undo of each step; verify passes and the chain replays it."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

import pytest

from caseapp.app.case_folder import OpenCase
from caseapp.app.verification import verify_case
from caseapp.core.custody import CustodyAction
from caseapp.core.entities import ExhibitKind, LinkStance, PersonRole, SourceReliability
from caseapp.core.errors import NotFoundError, UserError, ValidationError
from caseapp.core.ports import CustodyQuery, Deleted, ExhibitQuery, RecordQuery
from caseapp.core.refs import CASE_REF, RefKind, parse_ref
from caseapp.core.services.editing import Dependents


def _listed(case: OpenCase, kind: RefKind, deleted: Deleted = Deleted.HIDE) -> list[str]:
    records = case.records
    query = RecordQuery(deleted=deleted)
    found: list[Any]
    if kind is RefKind.PERSON:
        found = records.persons(query)
    elif kind is RefKind.INCIDENT:
        found = records.incidents(query)
    elif kind is RefKind.SOURCE:
        found = records.sources(query)
    elif kind is RefKind.EXHIBIT:
        found = records.exhibits(ExhibitQuery(deleted=deleted))
    elif kind is RefKind.NOTE:
        found = records.notes(None, query)
    else:
        found = records.links(None, query)
    return [r.ref for r in found]


def _populate(case: OpenCase) -> dict[RefKind, str]:
    records = case.records
    person = records.add_person(role=PersonRole.WITNESS, full_name="محمد الحلبي").value
    incident = records.add_incident(title="Strike on the market", when="2016-12-13").value
    source = records.add_source(name="Field team", reliability=SourceReliability.B).value
    exhibit = records.add_exhibit(title="Crater photo", kind=ExhibitKind.IMAGE, source=parse_ref(source.ref)).value
    note = records.add_note(parse_ref(person.ref), "Témoignage recueilli à Gaziantep").value
    link = records.link(parse_ref(exhibit.ref), parse_ref(incident.ref), reasoning="shows the crater").value
    return {
        RefKind.PERSON: person.ref,
        RefKind.INCIDENT: incident.ref,
        RefKind.SOURCE: source.ref,
        RefKind.EXHIBIT: exhibit.ref,
        RefKind.NOTE: note.ref,
        RefKind.LINK: link.ref,
    }


EDITS: dict[RefKind, tuple[str, Any, Any]] = {
    # kind: (field, new value, how the record shows it)
    RefKind.PERSON: ("protection", "confidential", "confidential"),
    RefKind.INCIDENT: ("title", "Strike on the Bab al-Nairab market", "Strike on the Bab al-Nairab market"),
    RefKind.SOURCE: ("credibility", "2", "2"),
    RefKind.EXHIBIT: ("title", "صورة الحفرة", "صورة الحفرة"),
    RefKind.NOTE: ("text", "Témoignage recueilli à Kilis", "Témoignage recueilli à Kilis"),
    RefKind.LINK: ("stance", "context", "context"),
}


def _shown(value: Any) -> Any:
    return getattr(value, "value", value)


@pytest.mark.parametrize("kind", list(EDITS), ids=[k.value for k in EDITS])
def test_each_kind_edits_deletes_restores_and_undoes(
    make_case: Callable[..., tuple[OpenCase, str]], kind: RefKind
) -> None:
    case, _ = make_case()
    refs = _populate(case)
    ref = parse_ref(refs[kind])
    records = case.records
    field, new_value, shown = EDITS[kind]
    before = _shown(getattr(records.get(ref), field))

    # show
    assert records.get(ref).ref == ref.text
    # edit, with a reason, and the custody entry says what changed
    edited = records.edit(ref, {field: new_value}, reason="as in the MSF report")
    assert _shown(getattr(edited.value, field)) == shown
    entry = case.custody.entries(CustodyQuery(target_ref=ref.text, newest_first=True))[0]
    assert entry.action == f"{kind.value}.edit"
    change = entry.details["changes"][field]
    if kind is RefKind.NOTE:  # protected text: only keyed digests travel in the log
        assert change == {
            "old_digest": case.db.privacy_digest(before),
            "new_digest": case.db.privacy_digest(new_value),
        }
        assert before not in str(entry.details)
    else:
        assert change == {"old": before, "new": new_value}
    assert entry.details["reason"] == "as in the MSF report"
    assert entry.target_id == str(edited.value.id)

    # undo the edit
    assert edited.undo is not None
    records.undo(edited.undo)
    assert _shown(getattr(records.get(ref), field)) == before

    # delete (dependents must be chosen explicitly), list without and with deleted, restore
    deleted = records.delete(ref, reason="entered twice", dependents=Dependents.KEEP)
    assert ref.text not in _listed(case, kind)
    assert ref.text in _listed(case, kind, Deleted.INCLUDE)
    assert _listed(case, kind, Deleted.ONLY) == [ref.text]
    tombstone = records.get(ref).deleted
    assert tombstone is not None and tombstone.reason == "entered twice" and tombstone.by == "tester"
    with pytest.raises(UserError, match="already deleted"):
        records.delete(ref, reason="again")
    # undo of the delete restores it; undo of that undo deletes it again
    assert deleted.undo is not None
    redo = records.undo(deleted.undo)
    assert ref.text in _listed(case, kind)
    assert redo.undo is not None
    records.undo(redo.undo)
    assert ref.text not in _listed(case, kind)
    restored = records.restore(ref)
    assert restored.value.deleted is None
    assert ref.text in _listed(case, kind)
    assert restored.undo is not None
    records.undo(restored.undo)
    assert ref.text not in _listed(case, kind)
    records.restore(ref)

    # the ref never changed through all of it, and the whole history verifies
    assert records.get(ref).ref == ref.text
    result = verify_case(case)
    assert result.ok, result
    actions = [e.action for e in case.custody.entries(CustodyQuery(target_ref=ref.text))]
    assert f"{kind.value}.edit" in actions and f"{kind.value}.delete" in actions and f"{kind.value}.restore" in actions
    assert actions.count(CustodyAction.UNDO) == 4


def test_undo_of_an_add_deletes_it(make_case: Callable[..., tuple[OpenCase, str]]) -> None:
    case, _ = make_case()
    added = case.records.add_incident(title="Barrel bomb on al-Shaar", when="2016-11")
    assert added.undo is not None
    case.records.undo(added.undo)
    assert _listed(case, RefKind.INCIDENT) == []
    assert _listed(case, RefKind.INCIDENT, Deleted.ONLY) == [added.value.ref]


def test_undo_last_walks_back_this_actors_changes_newest_first(make_case: Callable[..., tuple[OpenCase, str]]) -> None:
    case, _ = make_case()
    refs = _populate(case)
    incident = parse_ref(refs[RefKind.INCIDENT])
    case.records.edit(incident, {"title": "First correction"}, reason="typo")
    case.records.edit(incident, {"title": "Second correction"}, reason="typo again")
    case.records.reveal_person(parse_ref(refs[RefKind.PERSON]))  # not a change: undo passes over it
    entry, undo = case.records.undo_last().value
    assert entry.action == "incident.edit" and "title" in undo.description
    assert case.records.get(incident).title == "First correction"  # type: ignore[union-attr]
    case.records.undo_last()
    assert case.records.get(incident).title == "Strike on the market"  # type: ignore[union-attr]
    entry, _ = case.records.undo_last().value  # next back: the link added by _populate
    assert entry.action == "link.add"
    assert case.records.links() == []
    assert verify_case(case).ok


def test_tags_are_tombstoned_and_come_back(make_case: Callable[..., tuple[OpenCase, str]]) -> None:
    case, _ = make_case()
    refs = _populate(case)
    for kind in (RefKind.PERSON, RefKind.INCIDENT, RefKind.SOURCE, RefKind.EXHIBIT):
        ref = parse_ref(refs[kind])
        added = case.records.tag(ref, ["Hospital", "crater"])
        assert added.value == ["crater", "hospital"]
        assert case.records.get(ref).tags == ("crater", "hospital")  # type: ignore[union-attr]
        removed = case.records.tag(ref, ["hospital"], remove=True, reason="wrong building")
        assert removed.value == ["crater"]
        assert removed.undo is not None
        case.records.undo(removed.undo)
        assert case.records.tags_of(ref) == ["crater", "hospital"]
    assert dict(case.records.tag_counts()) == {"crater": 4, "hospital": 4}
    assert verify_case(case).ok


def test_same_link_twice_is_refused(make_case: Callable[..., tuple[OpenCase, str]]) -> None:
    case, _ = make_case()
    refs = _populate(case)
    exhibit, incident = parse_ref(refs[RefKind.EXHIBIT]), parse_ref(refs[RefKind.INCIDENT])
    with pytest.raises(ValidationError, match=r"LNK-1 already links EX-1 to INC-1 \(supports\)"):
        case.records.link(exhibit, incident, reasoning="the same again")
    contradicting = case.records.link(exhibit, incident, reasoning="shadows disagree", stance=LinkStance.CONTRADICTS)
    assert contradicting.value.ref == "LNK-2"
    assert [link.ref for link in case.records.links(exhibit)] == ["LNK-1", "LNK-2"]
    assert [link.ref for link in case.records.links(incident)] == ["LNK-1", "LNK-2"]


def test_deleting_what_others_depend_on_needs_a_choice(make_case: Callable[..., tuple[OpenCase, str]]) -> None:
    case, _ = make_case()
    refs = _populate(case)
    exhibit = parse_ref(refs[RefKind.EXHIBIT])
    with pytest.raises(UserError, match="LNK-1"):
        case.records.delete(exhibit, reason="duplicate")
    assert _listed(case, RefKind.EXHIBIT) == ["EX-1"]
    case.records.delete(exhibit, reason="duplicate", dependents=Dependents.DELETE)
    assert _listed(case, RefKind.LINK) == []
    assert _listed(case, RefKind.LINK, Deleted.ONLY) == ["LNK-1"]


def test_protected_names_are_hidden_until_revealed_and_the_reveal_is_recorded(
    make_case: Callable[..., tuple[OpenCase, str]],
) -> None:
    case, _ = make_case()
    refs = _populate(case)
    witness = parse_ref(refs[RefKind.PERSON])
    assert case.records.persons()[0].full_name is None
    assert case.records.get(witness).full_name is None  # type: ignore[union-attr]
    suspect = case.records.add_person(role=PersonRole.SUSPECT, full_name="Col. X").value
    assert suspect.protection.value == "none"
    assert [(p.ref, p.full_name) for p in case.records.persons()] == [("S-001", "Col. X"), ("W-001", None)]
    revealed = case.records.reveal_person(witness).value
    assert revealed.full_name == "محمد الحلبي"
    entry = case.custody.entries(CustodyQuery(newest_first=True))[0]
    assert (entry.action, entry.target, entry.details) == ("person.reveal", "W-001", {})
    log = str([e.details for e in case.custody.entries()])
    assert "محمد" not in log


def test_refs_and_keys(make_case: Callable[..., tuple[OpenCase, str]]) -> None:
    first, _ = make_case("first.caseapp")
    second, _ = make_case("second.caseapp")
    ids = []
    for case in (first, second):
        refs = _populate(case)
        assert refs == {
            RefKind.PERSON: "W-001",
            RefKind.INCIDENT: "INC-1",
            RefKind.SOURCE: "SRC-1",
            RefKind.EXHIBIT: "EX-1",
            RefKind.NOTE: "NOTE-1",
            RefKind.LINK: "LNK-1",
        }
        ids.append({case.records.get(parse_ref(ref)).id for ref in refs.values()})
    assert not ids[0] & ids[1], "two cases made apart share a key"
    assert all(isinstance(i, uuid.UUID) and i.version == 4 for i in ids[0])
    # a deleted ref is never given again
    case = first
    case.records.delete(parse_ref("INC-1"), reason="test", dependents=Dependents.KEEP)
    assert case.records.add_incident(title="Another").value.ref == "INC-2"
    # services take UUIDs as well as refs
    key = case.records.get(parse_ref("EX-1")).id
    assert case.records.get(key).ref == "EX-1"
    with pytest.raises(NotFoundError, match="EX-9"):
        case.records.get(parse_ref("EX-9"))


def test_notes_on_the_case_and_time_zones(make_case: Callable[..., tuple[OpenCase, str]], tmp_path: Any) -> None:
    from caseapp.app.case_folder import create_case
    from tests.conftest import FAST_KDF, PASSPHRASE

    case, _ = create_case(
        tmp_path / "zoned.caseapp", PASSPHRASE, kdf=FAST_KDF, actor="tester", time_zone="Asia/Damascus"
    )
    with case:
        note = case.records.add_note(CASE_REF, "Case opened at the clinic").value
        assert note.target_ref == "CASE" and note.target_id is None
        day = case.records.add_incident(title="Day", when="2016-04-27").value
        assert day.time_zone == "Asia/Damascus"
        assert day.time_start is not None and day.time_start.isoformat() == "2016-04-27T00:00:00+03:00"
        moment = case.records.add_incident(title="Moment", when="2016-04-27T14:05").value
        assert moment.time_start is not None and moment.time_start.isoformat() == "2016-04-27T14:05:00+03:00"
        given = case.records.add_incident(title="Given", when="2016-04-27T14:05Z").value
        assert given.time_zone == "UTC" and given.time_start is not None
        assert given.time_start.isoformat() == "2016-04-27T14:05:00+00:00"
