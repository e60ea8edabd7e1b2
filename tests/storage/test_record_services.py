"""Services over a real encrypted case: what each returns as Changes and writes to custody."""

from __future__ import annotations

from caseapp.core.changes import Changes
from caseapp.core.entities import ProtectionLevel


def test_changes_name_what_changed(make_case) -> None:  # type: ignore[no-untyped-def]
    case, _ = make_case()
    records = case.records
    person, changes = records.add_person(role="witness", full_name="Amal")
    assert changes == Changes(persons=True, custody=True)
    incident, changes = records.add_incident(title="Strike", when="2016-12-13")
    assert changes == Changes(incidents=True, custody=True)
    source, changes = records.add_source(name="Team", reliability="B", credibility="2")
    assert changes == Changes(sources=True, custody=True)
    exhibit, changes = records.add_exhibit(title="Fragment", kind="physical", source=source.ref)
    assert changes == Changes(exhibits=True, custody=True)
    assert records.tag(person.pseudonym, ["key witness"]) == Changes(tags=True, persons=True, custody=True)
    assert records.tag(exhibit.ref, ["shell"]) == Changes(tags=True, exhibits=True, custody=True)
    assert records.tag(exhibit.ref, ["shell"]) == Changes()  # already there: nothing changed, nothing logged
    assert records.add_note(incident.ref, "note")[1] == Changes(notes=True, custody=True)
    assert records.link(exhibit.ref, incident.ref, reasoning="found there")[1] == Changes(links=True, custody=True)


def test_tag_removal_is_logged(make_case) -> None:  # type: ignore[no-untyped-def]
    case, _ = make_case()
    exhibit, _ = case.records.add_exhibit(title="Fragment")
    case.records.tag(exhibit.ref, ["Shell", "Crater"])
    assert case.records.tag(exhibit.ref, ["shell"], remove=True) == Changes(tags=True, exhibits=True, custody=True)
    assert case.records.tags_of(exhibit.ref) == ["crater"]
    actions = [(e.action, e.details.get("tag")) for e in case.custody.entries(target=exhibit.ref)]
    assert actions == [("exhibit.add", None), ("tag.add", "shell"), ("tag.add", "crater"), ("tag.remove", "shell")]
    assert case.custody.verify().ok


def test_protected_names_stay_out_of_shared_output(make_case) -> None:  # type: ignore[no-untyped-def]
    case, _ = make_case()
    witness, _ = case.records.add_person(role="witness", full_name="محمد")
    suspect, _ = case.records.add_person(role="suspect", full_name="Colonel X")
    assert witness.protection is ProtectionLevel.PROTECTED
    assert witness.display_name(shareable=True) == "W-001" and witness.display_name(shareable=False) == "محمد"
    assert suspect.display_name(shareable=True) == "Colonel X"


def test_record_exhibits_are_found_by_full_text_search(make_case) -> None:  # type: ignore[no-untyped-def]
    from caseapp.app.exhibits import list_exhibits

    case, _ = make_case()
    case.records.add_exhibit(title="شظية قذيفة", description="وجدت قرب المستشفى")
    case.records.add_exhibit(title="Fragment", description="100% steel_shell")
    assert [e.title for e in list_exhibits(case, search="مستشفى")] == ["شظية قذيفة"]
    assert list_exhibits(case, search="%") == []  # no LIKE wildcards: a percent sign is not a word
    assert [e.title for e in list_exhibits(case, search="steel")] == ["Fragment"]
