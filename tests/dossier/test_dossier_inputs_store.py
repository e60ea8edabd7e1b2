"""The author's dossier inputs stored in the case: round trip, one custody entry per change, undo
(also as ``caseapp undo`` finds it), refusals that change nothing, an upgraded 0004 case, and the
same scenario on the in-memory fake."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from caseapp.app.case_folder import OpenCase, open_case
from caseapp.app.verification import verify_case
from caseapp.core.custody import CustodyAction, verify_chain
from caseapp.core.dossier.inputs import DossierInputs, PriorCommunication, SectionKey, SectionText
from caseapp.core.entities import PersonRole
from caseapp.core.errors import UserError, ValidationError
from caseapp.core.ports import CaseStore, CustodyQuery
from caseapp.core.services import RecordService
from caseapp.storage.migrate import SCHEMA_HEAD
from tests.conftest import PASSPHRASE, raw_connection
from tests.fakes.memory_store import MemoryCaseStore

FIXTURE_0004 = Path(__file__).resolve().parents[1] / "data" / "cases" / "schema-0004.caseapp"
ARABIC_SITUATION = "الحالة في الجمهورية العربية السورية"
FRENCH_TEXT = "La frappe a touché l\u2019hôpital à l\u2019aube.\n\nDeuxième paragraphe : « témoins »."
ARABIC_TEXT = "قصفت الطائرات المستشفى فجراً.\n\nFrench inside: l\u2019hôpital al-Quds, ثم السوق."
CONTACT = "Signal +33 6 12 34 56 78"
SENDER = ("Clinique de droit international", "شارع الجامعة، غازي عنتاب")
PRIOR = PriorCommunication(date(2025, 3, 1), "AB" * 32, "Première communication")


class Ticker:
    """A clock that moves one second at each reading."""

    def __init__(self) -> None:
        self.now = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        self.now += timedelta(seconds=1)
        return self.now


def service(store: CaseStore, actor: str = "tester", clock: Callable[[], datetime] | None = None) -> RecordService:
    return RecordService(store, actor, clock or Ticker())


def fill(records: RecordService) -> None:
    records.set_dossier_fields(
        situation=ARABIC_SITUATION,
        situation_number="ICC-01/99",
        title="Communication au titre de l\u2019article 15",
        short_title="Art. 15 — Alep",
        sender=list(SENDER),
        secure_contact=CONTACT,
        undertaking=False,
        territory="sy",
        element_territories=["TR", "sy", "TR"],
        nationalities=["RU"],
        victim_state="SY",
        supplement_to=PRIOR,
        reason="cover sheet",
    )
    records.write_section(SectionKey.INTRODUCTION, FRENCH_TEXT)
    records.write_section("gravity", ARABIC_TEXT.replace("\n", "\r\n"))


def expected_inputs(actor: str, introduction_at: datetime, gravity_at: datetime) -> DossierInputs:
    return DossierInputs(
        situation=ARABIC_SITUATION,
        situation_number="ICC-01/99",
        title="Communication au titre de l\u2019article 15",
        short_title="Art. 15 — Alep",
        sender=SENDER,
        secure_contact=CONTACT,
        undertaking=False,
        territory="SY",
        element_territories=("TR", "SY"),
        nationalities=("RU",),
        victim_state="SY",
        sections={
            SectionKey.INTRODUCTION: SectionText(FRENCH_TEXT, actor, introduction_at),
            SectionKey.GRAVITY: SectionText(ARABIC_TEXT, actor, gravity_at),
        },
        supplement_to=replace(PRIOR, bundle_sha256="ab" * 32),
    )


def entries(store: CaseStore, since: int = 0) -> list[Any]:
    with store.read() as tx:
        return list(tx.custody_entries(CustodyQuery(since_seq=since)))


def last_seq(store: CaseStore) -> int:
    with store.read() as tx:
        last = tx.last_custody_entry()
        return last.seq if last else 0


# -- on a real SQLCipher case ---------------------------------------------------------------------
def test_round_trip_on_an_encrypted_case_with_arabic_and_french(make_case: Callable[..., tuple[OpenCase, str]]) -> None:
    case, _ = make_case()
    assert case.records.dossier_inputs() == DossierInputs()
    clock = Ticker()
    records = service(case.db, clock=clock)
    fill(records)
    folder = case.folder
    case.close()
    with open_case(folder, passphrase=PASSPHRASE) as reopened:
        inputs = reopened.records.dossier_inputs()
        start = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
        assert inputs == expected_inputs("tester", start + timedelta(seconds=2), start + timedelta(seconds=3))
        assert list(inputs.sections) == [SectionKey.INTRODUCTION, SectionKey.GRAVITY]  # the dossier's order
        logged = entries(reopened.db, since=1)
        assert [e.action for e in logged] == [
            CustodyAction.DOSSIER_EDIT,
            CustodyAction.DOSSIER_SECTION_WRITE,
            CustodyAction.DOSSIER_SECTION_WRITE,
        ]
        changes = logged[0].details["changes"]
        assert changes["situation"] == {"old": "", "new": ARABIC_SITUATION}
        assert changes["territory"] == {"old": None, "new": "SY"}
        assert changes["undertaking"] == {"old": True, "new": False}
        assert changes["supplement_to"]["new"] == {
            "sent_on": "2025-03-01",
            "bundle_sha256": "ab" * 32,
            "title": "Première communication",
        }
        assert changes["secure_contact"]["new_digest"] == reopened.db.privacy_digest(CONTACT)
        assert logged[0].details["reason"] == "cover sheet"
        assert logged[1].details["section"] == "introduction"
        assert logged[1].details["changes"]["text"] == {
            "old_digest": None,
            "new_digest": reopened.db.privacy_digest(FRENCH_TEXT),
        }
        # What may identify someone is only in the encrypted database, never in the log that travels.
        log_text = repr([e.details for e in entries(reopened.db)])
        for secret in (CONTACT, SENDER[0], SENDER[1], "témoins", "قصفت"):
            assert secret not in log_text
        assert verify_case(reopened).ok


def test_protected_names_typed_into_a_section_read_as_pseudonyms(
    make_case: Callable[..., tuple[OpenCase, str]],
) -> None:
    case, _ = make_case()
    witness = case.records.add_person(role=PersonRole.WITNESS, full_name="محمد الحلبي").value
    written = case.records.write_section(SectionKey.METHODOLOGY, "We met محمد الحلبي in Gaziantep.").value
    assert written.text == f"We met {witness.ref} in Gaziantep."
    assert case.records.dossier_inputs().sections[SectionKey.METHODOLOGY].text == f"We met {witness.ref} in Gaziantep."
    # Undo reads the stored text: taking a later change back restores the name as typed, not the pseudonym.
    case.records.write_section(SectionKey.METHODOLOGY, "Rewritten.")
    case.records.undo_last()
    with case.db.read() as tx:
        assert tx.dossier_sections()["methodology"].text == "We met محمد الحلبي in Gaziantep."


OPERATIONS: dict[str, Callable[[RecordService], object]] = {
    "set fields again": lambda r: r.set_dossier_fields(
        situation="Situation en Syrie", territory=None, nationalities=["SY", "IR"], sender=[], supplement_to=None
    ),
    "write a new section": lambda r: r.write_section(SectionKey.CONCLUSION, "Nous demandons une enquête."),
    "rewrite a section": lambda r: r.write_section(SectionKey.INTRODUCTION, "النص الجديد للمقدمة"),
    "clear a section": lambda r: r.clear_section(SectionKey.GRAVITY, reason="rewrite later"),
}


@pytest.mark.parametrize("operation", list(OPERATIONS))
def test_caseapp_undo_restores_exactly_and_redo_brings_it_back(
    operation: str, make_case: Callable[..., tuple[OpenCase, str]]
) -> None:
    case, _ = make_case()
    clock = Ticker()
    fill(service(case.db, clock=clock))
    before = case.records.dossier_inputs()
    OPERATIONS[operation](service(case.db, clock=clock))
    after = case.records.dossier_inputs()
    assert after != before
    # `caseapp undo` runs in a new process: a new service, finding the change in custody.
    undone = service(case.db, clock=clock).undo_last()
    entry, _ = undone.value
    assert entry.action.startswith("dossier.")
    assert case.records.dossier_inputs() == before  # author and time of a section included
    assert undone.changes.case and undone.changes.custody
    assert undone.undo is not None
    service(case.db, clock=clock).undo(undone.undo)  # the redo
    assert case.records.dossier_inputs() == after
    # The redo is now the newest change: `caseapp undo` takes it back.
    assert service(case.db, clock=clock).undo_last().value[0].seq == 7
    assert case.records.dossier_inputs() == before
    assert len(entries(case.db, since=1)) == 3 + 4
    assert verify_case(case).ok


def test_the_undo_an_operation_returns_takes_it_back(make_case: Callable[..., tuple[OpenCase, str]]) -> None:
    case, _ = make_case()
    records = service(case.db)
    fill(records)
    before = records.dossier_inputs()
    result = records.set_dossier_fields(title="Autre titre", undertaking=True)
    assert result.value.title == "Autre titre" and result.undo is not None
    redo = records.undo(result.undo)
    assert records.dossier_inputs() == before
    assert redo.undo is not None
    records.undo(redo.undo)
    assert records.dossier_inputs() == result.value


def test_undo_refuses_to_overwrite_a_later_change(make_case: Callable[..., tuple[OpenCase, str]]) -> None:
    case, _ = make_case()
    clock = Ticker()
    mine = service(case.db, "amina", clock)
    first = mine.set_dossier_fields(title="Premier titre")
    written = mine.write_section(SectionKey.GRAVITY, "Texte d\u2019Amina")
    theirs = service(case.db, "karim", clock)
    theirs.set_dossier_fields(title="Titre de Karim")
    theirs.write_section(SectionKey.GRAVITY, "Texte de Karim")
    before, seq = mine.dossier_inputs(), last_seq(case.db)
    assert first.undo is not None and written.undo is not None
    with pytest.raises(UserError, match="title was changed again after entry"):
        mine.undo(first.undo)
    with pytest.raises(UserError, match="gravity section was changed again"):
        mine.undo(written.undo)
    assert mine.dossier_inputs() == before and last_seq(case.db) == seq


REFUSED: dict[str, tuple[Callable[[RecordService], object], str]] = {
    "bad ISO code": (lambda r: r.set_dossier_fields(territory="XX"), "unknown country code 'XX'"),
    "bad ISO code in a list": (
        lambda r: r.set_dossier_fields(nationalities=["SY", "Syria"]),
        "unknown country code 'Syria'",
    ),
    "unknown field": (lambda r: r.set_dossier_fields(court="ICC"), "no field court"),
    "no field": (lambda r: r.set_dossier_fields(), "at least one"),
    "unchanged": (lambda r: r.set_dossier_fields(territory="SY"), "already has these values"),
    "bad hash": (
        lambda r: r.set_dossier_fields(supplement_to=PriorCommunication(date(2025, 1, 1), "abc")),
        "not a SHA-256",
    ),
    "control character": (lambda r: r.set_dossier_fields(title="a\x1bb"), "control character"),
    "undertaking not a flag": (lambda r: r.set_dossier_fields(undertaking="yes"), "yes or no"),
    "unknown section": (lambda r: r.write_section("preamble", "text"), "section 'preamble' is not one of"),
    "empty text": (lambda r: r.write_section(SectionKey.GRAVITY, " \r\n\n "), "text for the gravity section is empty"),
    "same text": (lambda r: r.write_section(SectionKey.GRAVITY, ARABIC_TEXT), "already has this text"),
    "not UTF-8": (lambda r: r.write_section(SectionKey.GRAVITY, b"\xff".decode("utf-8", "surrogateescape")), "UTF-8"),
    "clear what is not written": (lambda r: r.clear_section(SectionKey.PERPETRATORS), "not written"),
}


@pytest.mark.parametrize("refusal", list(REFUSED))
def test_refusals_say_what_is_wrong_and_change_nothing(
    refusal: str, make_case: Callable[..., tuple[OpenCase, str]]
) -> None:
    case, _ = make_case()
    records = service(case.db)
    fill(records)
    before, seq = records.dossier_inputs(), last_seq(case.db)
    action, message = REFUSED[refusal]
    with pytest.raises(UserError, match=message):
        action(records)
    assert records.dossier_inputs() == before and last_seq(case.db) == seq


def test_a_0004_case_upgrades_and_takes_dossier_inputs(tmp_path: Path) -> None:
    folder = tmp_path / "old.caseapp"
    shutil.copytree(FIXTURE_0004, folder)
    with open_case(folder, passphrase="fixture passphrase") as case:
        assert (case.db.migration.from_revision, case.db.migration.to_revision) == ("0004", SCHEMA_HEAD)
        assert case.records.dossier_inputs() == DossierInputs()
        case.records.set_dossier_fields(situation="Situation en Syrie", territory="SY")
        case.records.write_section(SectionKey.FACTUAL_BACKGROUND, FRENCH_TEXT)
    with open_case(folder, passphrase="fixture passphrase") as case:
        inputs = case.records.dossier_inputs()
        assert (inputs.situation, inputs.territory) == ("Situation en Syrie", "SY")
        assert inputs.sections[SectionKey.FACTUAL_BACKGROUND].text == FRENCH_TEXT
        assert case.records.incidents()[0].title == "Frappe sur le marché"  # the old records are still there
        assert verify_case(case, full=True).ok


# -- the same scenario on both stores -------------------------------------------------------------
def scenario(store: CaseStore) -> list[Any]:
    """Everything the services answer and log, ids and digests aside (each case has its own key)."""
    clock = Ticker()
    records = service(store, clock=clock)
    seen: list[Any] = []
    fill(records)
    seen.append(records.dossier_inputs())
    for operation in OPERATIONS.values():
        operation(records)
        seen.append(records.dossier_inputs())
    while True:
        try:
            entry, undo = records.undo_last().value
        except UserError as error:
            seen.append(str(error))
            break
        seen.append((entry.seq, undo.description, records.dossier_inputs()))
    with pytest.raises(ValidationError) as raised:
        records.set_dossier_fields(territory="ZZ")
    seen.append(str(raised.value))
    logged = entries(store)
    assert verify_chain(logged, store.custody_anchor()).ok
    for entry in logged[1:]:
        details = {k: v for k, v in entry.details.items() if k != "changes"}
        plain = {
            name: change for name, change in entry.details.get("changes", {}).items() if "old_digest" not in change
        }
        seen.append((entry.seq, entry.action, entry.target, entry.target_id, details, plain))
    return seen


def test_the_same_scenario_gives_the_same_results_on_both_stores(
    make_case: Callable[..., tuple[OpenCase, str]],
) -> None:
    case, _ = make_case(time_zone="UTC")
    on_sqlcipher = scenario(case.db)
    on_memory = scenario(MemoryCaseStore.create(actor="tester"))
    assert on_memory == on_sqlcipher
    assert "the newest change by tester (entry 1, case.create on CASE) cannot be undone" in on_sqlcipher
    assert len(on_sqlcipher) > 20


def test_verify_finds_inputs_changed_outside_caseapp(make_case: Callable[..., tuple[OpenCase, str]]) -> None:
    case, _ = make_case()
    records = service(case.db)
    fill(records)
    records.clear_section(SectionKey.INTRODUCTION)
    assert service(case.db).undo_last().value[0].action == CustodyAction.DOSSIER_SECTION_CLEAR
    assert verify_case(case).ok
    folder = case.folder
    case.close()
    connection = raw_connection(folder)
    connection.execute("UPDATE dossier_sections SET text = 'forged' WHERE section = 'gravity'")
    connection.execute("""UPDATE dossier_settings SET value_json = '"IQ"' WHERE name = 'territory'""")
    connection.execute("""UPDATE dossier_settings SET value_json = '"x@example.org"' WHERE name = 'secure_contact'""")
    connection.execute("UPDATE dossier_sections SET deleted_at = '2026-01-05T09:00:00Z' WHERE section = 'introduction'")
    connection.close()
    with open_case(folder, passphrase=PASSPHRASE) as reopened:
        found = verify_case(reopened)
        assert not found.ok
        messages = sorted(p.message for p in found.record_problems)
        assert messages == [
            "the dossier: its secure contact differs from what custody entry 2 recorded (changed outside caseapp)",
            "the dossier: its territory differs from what custody entry 2 recorded (changed outside caseapp)",
            "the dossier: the text of its gravity section differs from what custody entry 4 recorded "
            "(changed outside caseapp)",
            "the dossier: the text of its introduction section differs from what custody entry 6 recorded "
            "(changed outside caseapp)",
        ]
