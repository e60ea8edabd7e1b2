"""Incident suggestions over a real SQLCipher case: listed from imported geotagged photos, confirmed
into an incident with its links in one write, undone and redone together, dismissed and kept in the
case; the custody chain verifies throughout. And the `caseapp incident suggest` command."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from caseapp.app.case_folder import OpenCase
from caseapp.app.verification import verify_case
from caseapp.core.entities import Incident, PlacePrecision
from caseapp.core.errors import NotFoundError
from caseapp.core.ports import CustodyQuery, Deleted, RecordQuery
from caseapp.core.refs import parse_ref
from caseapp.core.services.editing import Dependents
from tests.conftest import PASSPHRASE, CliResult
from tests.intake.intake_factories import write_jpeg

HOSPITAL = (36.2021, 37.1343)
NEAR = (36.2050, 37.1370)  # about 400 m from the hospital
FAR = (36.2500, 37.2000)  # about 8 km away


def photos(folder: Path) -> Path:
    """Three photos at the hospital within an hour, one near it later that morning, one far away,
    one at the hospital a day later, one with no GPS. Damascus time (+03:00)."""
    folder.mkdir()
    shots = [
        ("a.jpg", HOSPITAL, "2016:05:03 14:02:00"),
        ("b.jpg", HOSPITAL, "2016:05:03 14:30:10"),
        ("c.jpg", NEAR, "2016:05:03 15:40:00"),
        ("d.jpg", HOSPITAL, "2016:05:03 14:55:00"),
        ("e.jpg", FAR, "2016:05:03 14:10:00"),
        ("f.jpg", HOSPITAL, "2016:05:04 14:00:00"),
        ("g.jpg", None, "2016:05:03 14:00:00"),
    ]
    for n, (name, gps, taken) in enumerate(shots):
        write_jpeg(folder / name, size=(40 + n, 30), taken=taken, offset="+03:00", gps=gps)
    return folder


@pytest.fixture
def case(make_case: Callable[..., tuple[OpenCase, str]], tmp_path: Path) -> OpenCase:
    opened, _ = make_case(time_zone="Asia/Damascus")
    report = opened.imports.import_paths([photos(tmp_path / "usb")])
    assert report.value.summary["imported"] == 7, report.value.summary
    return opened


def by_title(case: OpenCase) -> dict[str, str]:
    return {e.title: e.ref for e in case.records.exhibits()}


def test_confirm_makes_the_incident_and_links_in_one_write_undo_takes_both_back(case: OpenCase) -> None:
    records = case.records
    refs = by_title(case)
    listed = records.incident_suggestions()
    assert len(listed.suggestions) == 1
    suggestion = listed.suggestions[0]
    members = {refs[f"{n}.jpg"] for n in "abcd"}
    assert set(suggestion.member_refs) == members
    assert suggestion.reason.startswith("4 photos within ")
    assert suggestion.reason.endswith("14:02\u201315:40 on 3 May 2016")  # in the case's zone

    result = records.confirm_suggestion(suggestion.id, title="Strike on al-Quds hospital")
    incident = result.value
    assert isinstance(incident, Incident)
    assert incident.title == "Strike on al-Quds hospital"
    assert incident.time_start == suggestion.start and incident.time_end == suggestion.end
    assert (incident.latitude, incident.longitude) == (suggestion.latitude, suggestion.longitude)
    assert incident.place_precision is PlacePrecision.LOCALITY  # the photos are up to 400 m apart
    links = records.links(parse_ref(incident.ref))
    assert {link.exhibit_ref for link in links} == members
    assert result.changes.incidents and result.changes.links and result.changes.exhibits
    with case.db.read() as tx:  # the incident's entry names the suggestion, then each link's, part of it
        newest = list(tx.custody_entries(CustodyQuery(newest_first=True)))[:5]
    assert [e.action for e in newest] == ["link.add"] * 4 + ["incident.add"]
    assert newest[-1].details["suggestion"] == suggestion.id
    assert all(e.details["part_of"] == incident.ref for e in newest[:4])
    assert verify_case(case).ok
    # the exhibits are held now: no suggestion left
    assert records.incident_suggestions().suggestions == ()

    undone = records.undo(result.undo)  # type: ignore[arg-type]
    assert undone.changes.incidents and undone.changes.links
    assert records.incidents() == []
    assert all(
        link.deleted is not None
        for link in records.links(parse_ref(incident.ref), RecordQuery(deleted=Deleted.INCLUDE))
    )
    assert [s.id for s in records.incident_suggestions().suggestions] == [suggestion.id]  # the same id again
    records.undo(undone.undo)  # type: ignore[arg-type]  # redo: incident and links back
    assert [i.ref for i in records.incidents()] == [incident.ref]
    assert {link.exhibit_ref for link in records.links(parse_ref(incident.ref))} == members
    assert verify_case(case).ok


def test_caseapp_undo_takes_back_the_confirmation_whole(case: OpenCase) -> None:
    records = case.records
    suggestion = records.incident_suggestions().suggestions[0]
    incident = records.confirm_suggestion(suggestion.id).value
    assert incident.title.startswith("Incident at 36.20")
    entry, _undo = records.undo_last().value
    assert entry.action == "incident.add" and entry.details["suggestion"] == suggestion.id
    assert len(entry.details["links"]) == 4
    assert records.incidents() == [] and records.links() == []
    assert verify_case(case).ok
    with case.db.read() as tx:
        actions = [e.action for e in tx.custody_entries(CustodyQuery(newest_first=True))][:10]
    assert actions[:5] == ["undo"] * 5  # the incident and its four links


def test_a_linked_or_deleted_exhibit_leaves_the_suggestion_and_a_stale_id_is_refused(case: OpenCase) -> None:
    records = case.records
    refs = by_title(case)
    suggestion = records.incident_suggestions().suggestions[0]
    other = records.add_incident(title="Elsewhere").value
    records.link(parse_ref(refs["d.jpg"]), parse_ref(other.ref), reasoning="seen there")
    changed = records.incident_suggestions().suggestions
    assert len(changed) == 1 and refs["d.jpg"] not in changed[0].member_refs and changed[0].id != suggestion.id
    with pytest.raises(NotFoundError, match="list them again"):
        records.confirm_suggestion(suggestion.id)
    records.delete(parse_ref(other.ref), reason="wrong", dependents=Dependents.KEEP)
    assert records.incident_suggestions().suggestions[0].id == suggestion.id  # a deleted incident holds nothing
    records.delete(parse_ref(refs["a.jpg"]), reason="duplicate", dependents=Dependents.KEEP)
    assert refs["a.jpg"] not in records.incident_suggestions().suggestions[0].member_refs


def test_dismissed_suggestions_stay_hidden_in_later_sessions(case: OpenCase) -> None:
    records = case.records
    suggestion = records.incident_suggestions().suggestions[0]
    with case.db.read() as tx:
        head = tx.last_custody_entry()
    records.dismiss_suggestion(suggestion.id)
    listed = records.incident_suggestions()
    assert listed.suggestions == () and listed.dismissed == 1
    assert records.incident_suggestions(include_dismissed=True).suggestions[0].id == suggestion.id
    with case.db.read() as tx:
        assert tx.last_custody_entry() == head  # no record changed, nothing in custody
    records.dismiss_suggestion(suggestion.id.upper().replace("SUG-", "sug-"), dismiss=False)
    assert records.incident_suggestions().suggestions[0].id == suggestion.id


def test_incident_suggest_from_the_command_line(cli: Callable[..., CliResult], tmp_path: Path) -> None:
    folder = str(tmp_path / "case.caseapp")

    def run(*args: str, code: int = 0) -> CliResult:
        result = cli("--case", folder, *args, passphrase=PASSPHRASE)
        assert result.code == code, result.err
        return result

    assert cli("init", folder, "--timezone", "Asia/Damascus", passphrase=PASSPHRASE).code == 0
    run("import", str(photos(tmp_path / "usb")))
    text = run("incident", "suggest").out
    assert "4 photos within " in text and "14:02\u201315:40 on 3 May 2016" in text
    listed = json.loads(run("incident", "suggest", "--json").out)
    (suggestion,) = listed["suggestions"]
    assert suggestion["kinds"] == {"image": 4} and len(suggestion["member_refs"]) == 4
    assert suggestion["start"] == "2016-05-03T11:02:00Z"
    # a wider window and radius take in the next day's photo and the far one
    wide = json.loads(run("incident", "suggest", "--window", "1d", "--radius", "10km", "--json").out)
    assert len(wide["suggestions"][0]["member_refs"]) == 6
    # a tighter radius splits off the photo 400 m away
    assert (
        len(json.loads(run("incident", "suggest", "--radius", "100m", "--json").out)["suggestions"][0]["member_refs"])
        == 3
    )
    assert "not a distance" in run("incident", "suggest", "--radius", "far", code=1).err
    assert "--confirm" in run("incident", "suggest", "--title", "x", code=1).err
    added = run("incident", "suggest", "--confirm", suggestion["id"], "--title", "Strike on the hospital").out
    assert added.startswith("Added INC-1: Strike on the hospital, with 4 exhibits linked")
    assert len(json.loads(run("link", "list", "INC-1", "--json").out)) == 4
    assert "No suggestions" in run("incident", "suggest").out
    assert "there is no suggestion" in run("incident", "suggest", "--confirm", suggestion["id"], code=1).err
    assert "INC-1" in run("undo").out
    run("incident", "suggest", "--dismiss", suggestion["id"])
    assert "1 dismissed" in run("incident", "suggest").out
    run("incident", "suggest", "--undismiss", suggestion["id"])
    assert suggestion["id"] in run("incident", "suggest").out
    run("verify")
