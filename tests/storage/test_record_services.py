"""Services over a real encrypted case: what each returns as Changes and writes to custody."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime

from caseapp.core.changes import Changes
from caseapp.core.entities import ExhibitKind, InformationCredibility, PersonRole, ProtectionLevel, SourceReliability
from caseapp.core.ports import CustodyQuery, ExhibitQuery


def test_changes_name_what_changed(make_case) -> None:  # type: ignore[no-untyped-def]
    case, _ = make_case()
    records = case.records
    added = records.add_person(role=PersonRole.WITNESS, full_name="Amal")
    assert added.changes == Changes(persons=True, custody=True)
    person = added.value
    added = records.add_incident(title="Strike", when="2016-12-13")
    assert added.changes == Changes(incidents=True, custody=True)
    incident = added.value
    added = records.add_source(name="Team", reliability=SourceReliability.B, credibility=InformationCredibility("2"))
    assert added.changes == Changes(sources=True, custody=True)
    source = added.value
    added = records.add_exhibit(title="Fragment", kind=ExhibitKind.PHYSICAL, source=source.id)
    assert added.changes == Changes(exhibits=True, custody=True)
    exhibit = added.value
    assert exhibit.source_id == source.id and exhibit.source_ref == source.ref
    assert records.tag(person.id, ["key witness"]).changes == Changes(tags=True, persons=True, custody=True)
    assert records.tag(exhibit.id, ["shell"]).changes == Changes(tags=True, exhibits=True, custody=True)
    again = records.tag(exhibit.id, ["shell"])  # already there: nothing changed, nothing logged
    assert again.changes == Changes() and again.undo is None and again.value == ["shell"]
    assert records.add_note(incident.id, "note").changes == Changes(notes=True, custody=True)
    assert records.link(exhibit.id, incident.id, reasoning="found there").changes == Changes(links=True, custody=True)


def test_tag_removal_is_logged(make_case) -> None:  # type: ignore[no-untyped-def]
    case, _ = make_case()
    exhibit = case.records.add_exhibit(title="Fragment").value
    case.records.tag(exhibit.id, ["Shell", "Crater"])
    removed = case.records.tag(exhibit.id, ["shell"], remove=True)
    assert removed.changes == Changes(tags=True, exhibits=True, custody=True)
    assert removed.value == ["crater"]
    assert case.records.tags_of(exhibit.id) == ["crater"]
    entries = case.custody.entries(CustodyQuery(target_id=exhibit.id))
    actions = [(e.action, e.details.get("tag")) for e in entries]
    assert actions == [("exhibit.add", None), ("tag.add", "shell"), ("tag.add", "crater"), ("tag.remove", "shell")]
    assert all(e.target == exhibit.ref and e.target_id == str(exhibit.id) for e in entries)
    assert case.custody.verify().ok


def test_protected_names_stay_out_of_shared_output(make_case) -> None:  # type: ignore[no-untyped-def]
    case, _ = make_case()
    witness = case.records.add_person(role=PersonRole.WITNESS, full_name="محمد").value
    suspect = case.records.add_person(role=PersonRole.SUSPECT, full_name="Colonel X").value
    assert witness.protection is ProtectionLevel.PROTECTED
    # Even the result of adding hides the name; the revealed record shows it only inside the case.
    assert witness.full_name is None and witness.display_name(shareable=False) == "W-001"
    assert suspect.display_name(shareable=True) == "Colonel X"
    # Listings and reads hide a protected name; revealing it is recorded in custody.
    listed = {p.ref: p for p in case.records.persons()}
    assert listed["W-001"].full_name is None and listed["W-001"].display_name(shareable=False) == "W-001"
    assert listed["S-001"].full_name == "Colonel X"
    assert case.records.get(witness.id).full_name is None
    revealed = case.records.reveal_person(witness.id).value
    assert revealed.full_name == "محمد"
    assert revealed.display_name(shareable=True) == "W-001" and revealed.display_name(shareable=False) == "محمد"
    last = case.custody.entries(CustodyQuery(newest_first=True))[0]
    assert (last.action, last.target, last.target_id) == ("person.reveal", "W-001", str(witness.id))
    # The log binds the name by a keyed hash and never carries it.
    added = case.custody.entries(CustodyQuery(target_id=witness.id, action="person.add"))[0]
    assert added.details["name_digest"] == case.db.privacy_digest("محمد")
    assert "محمد" not in str(added.details)


def test_record_exhibits_are_found_by_full_text_search(make_case) -> None:  # type: ignore[no-untyped-def]
    case, _ = make_case()
    case.records.add_exhibit(title="شظية قذيفة", description="وجدت قرب المستشفى")
    case.records.add_exhibit(title="Fragment", description="100% steel_shell")

    def search(text: str) -> list[str]:
        return [e.title for e in case.records.exhibits(ExhibitQuery(text=text))]

    assert search("مستشفى") == ["شظية قذيفة"]
    assert search("%") == []  # no LIKE wildcards: a percent sign is not a word
    assert search("steel") == ["Fragment"]


def test_notes_and_links_are_bound_in_custody_by_keyed_digests(make_case) -> None:  # type: ignore[no-untyped-def]
    case, _ = make_case()
    records = case.records
    incident = records.add_incident(title="Strike").value
    exhibit = records.add_exhibit(title="Fragment").value
    note = records.add_note(incident.id, "الشاهد رأى القصف").value
    link = records.link(exhibit.id, incident.id, reasoning="found at the crater").value
    (note_entry,) = case.custody.entries(CustodyQuery(target_id=note.id))
    assert (note_entry.action, note_entry.target, note.ref) == ("note.add", "NOTE-1", "NOTE-1")
    assert note_entry.details == {
        "note": "NOTE-1",
        "on": incident.ref,
        "text_digest": case.db.privacy_digest("الشاهد رأى القصف"),
    }
    (link_entry,) = case.custody.entries(CustodyQuery(target_id=link.id))
    assert (link_entry.action, link_entry.target, link.ref) == ("link.add", "LNK-1", "LNK-1")
    assert link_entry.details["reasoning_digest"] == case.db.privacy_digest("found at the crater")
    assert (link_entry.details["exhibit"], link_entry.details["to"]) == (exhibit.ref, incident.ref)
    assert "found at the crater" not in str(link_entry.details)
    # The digest is keyed: it is not the plain SHA-256 a recipient of the log could confirm a guess with.
    assert hashlib.sha256(b"found at the crater").hexdigest() not in str(link_entry.details)


def test_incident_times_without_a_zone_are_read_in_the_case_zone(make_case) -> None:  # type: ignore[no-untyped-def]
    case, _ = make_case(time_zone="Asia/Damascus")
    day = case.records.add_incident(title="Strike", when="2016-12-13").value
    assert (day.time_start, day.time_zone) == (datetime(2016, 12, 12, 22, 0, tzinfo=UTC), "Asia/Damascus")
    assert day.time_end == datetime(2016, 12, 13, 21, 59, 59, 999999, tzinfo=UTC)
    given = case.records.add_incident(title="Shelling", when="2016-12-13T06:41Z").value
    assert (given.time_start, given.time_zone) == (datetime(2016, 12, 13, 6, 41, tzinfo=UTC), "UTC")
    assert [i.time_zone for i in case.records.incidents()] == ["Asia/Damascus", "UTC"]
