"""A person's identity apart from the pseudonym, their consent per scope and their risk level
(issue 14), on a real SQLCipher case and on the in-memory fake: set, revealed (and recorded),
undone, never in a listing, a search result or the export view."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from caseapp.app.case_folder import OpenCase
from caseapp.core.custody import CustodyAction
from caseapp.core.entities import ConsentScope, ConsentState, PersonIdentity, PersonRole, RiskLevel
from caseapp.core.errors import UserError, ValidationError
from caseapp.core.ports import CustodyQuery, ExhibitQuery, Page
from caseapp.core.search import SearchQuery
from caseapp.core.services import RecordService
from caseapp.core.services.chain_records import record_mismatches
from caseapp.core.services.custody import CustodyService
from caseapp.core.services.search import SearchService
from tests.records.test_export_view import strings
from tests.records.test_services_on_both_stores import (
    ACTOR,
    BACKENDS,
    Backend,
    Ticker,
    Transcript,
    make_backend,
)

NAME = "محمد أحمد الحلبي"
ALIASES = ("أبو خالد", "Abu Khaled")
BORN = "1984-03-07"
CONTACT = "+963 944 000 111 (سيغنال)"
SECRETS = (NAME, *ALIASES, BORN, "944 000 111")


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest, make_case: Callable[..., tuple[OpenCase, str]], tmp_path: Path) -> Backend:
    return make_backend(str(request.param), make_case, tmp_path)


def _entries(backend: Backend, action: str) -> list[dict[str, object]]:
    with backend.store.read() as tx:
        return [e.details for e in tx.custody_entries(CustodyQuery(action=action))]


def scenario(backend: Backend) -> Transcript:
    t = Transcript()
    records = RecordService(backend.store, ACTOR, clock=Ticker())
    witness = records.add_person(role=PersonRole.WITNESS, full_name=NAME).value
    t.log("added", witness)
    set_ = records.set_identity(witness.id, aliases=ALIASES, born=BORN, contact=CONTACT, reason="interview 1")
    t.log("set identity", set_.value)
    assert set_.value.identity is None and set_.value.full_name is None
    t.log("listed", records.persons())
    t.log("got", records.get(witness.id))
    revealed = records.reveal_person(witness.id).value
    t.log("revealed", revealed)
    assert revealed.identity == PersonIdentity(ALIASES, BORN, CONTACT)
    changed = records.set_identity(witness.id, contact="", reason="the number was burned").value
    t.log("contact cleared", changed)
    assert records.reveal_person(witness.id).value.identity == PersonIdentity(ALIASES, BORN, "")
    assert set_.undo is not None
    t.refused("undo of an overwritten identity", lambda: records.undo(set_.undo))  # type: ignore[arg-type]
    t.log("undo last", records.undo_last().value)
    assert records.reveal_person(witness.id).value.identity == PersonIdentity(ALIASES, BORN, CONTACT)

    given = records.record_consent(witness.id, scope="icc", state="given", on="2026-01-02", note="signed form")
    t.log("consent given", given.value)
    records.record_consent(witness.id, scope=ConsentScope.NGOS, state=ConsentState.GIVEN, on="2026-01-02")
    withdrawn = records.record_consent(witness.id, scope="icc", state="withdrawn", on="2026-01-04")
    t.log("now", records.consent_now(witness.id))
    assert {s: c.state for s, c in records.consent_now(witness.id).items()} == {
        ConsentScope.ICC: ConsentState.WITHDRAWN,
        ConsentScope.NGOS: ConsentState.GIVEN,
    }
    assert withdrawn.undo is not None
    redo = records.undo(withdrawn.undo).value
    assert records.consent_now(witness.id)[ConsentScope.ICC].state is ConsentState.GIVEN
    t.log("after undo", records.consents(witness.id, include_taken_back=True))
    records.undo(redo)
    assert records.consent_now(witness.id)[ConsentScope.ICC].state is ConsentState.WITHDRAWN
    t.refused("a consent statement in the future", lambda: _refused_future(records, witness.id))

    risk = records.edit(witness.id, {"risk": "high"}, reason="threatened")
    t.log("risk", risk.value)
    assert getattr(risk.value, "risk", None) is RiskLevel.HIGH
    assert risk.undo is not None
    records.undo(risk.undo)
    assert records.persons()[0].risk is RiskLevel.UNKNOWN
    records.edit(witness.id, {"risk": "high"}, reason="threatened")
    t.log("custody", [(e.action, e.target) for e in CustodyService(backend.store).entries()])
    return t


def _refused_future(records: RecordService, person: object) -> None:
    try:
        records.record_consent(person, scope="public", state="given", on="2999-01-01")  # type: ignore[arg-type]
    except ValidationError as error:
        raise UserError(str(error)) from None


def test_identity_consent_and_risk_with_undo(backend: Backend) -> None:
    scenario(backend)
    records = RecordService(backend.store, ACTOR)
    report = CustodyService(backend.store).verify()
    assert report.ok, report.problems
    with backend.store.read() as tx:
        entries = list(tx.custody_entries())
        assert record_mismatches(tx, entries, backend.store.privacy_digest) == []
    # The custody log binds the identity only by keyed hashes.
    log = json.dumps([e.details for e in CustodyService(backend.store).entries()], ensure_ascii=False)
    for secret in SECRETS:
        assert secret not in log
    identity = _entries(backend, CustodyAction.PERSON_IDENTITY)[0]
    changes = identity["changes"]
    assert isinstance(changes, dict) and set(changes) == {"aliases", "born", "contact"}
    assert set(changes["born"]) == {"old_digest", "new_digest"}
    assert [d["state"] for d in _entries(backend, CustodyAction.PERSON_CONSENT)] == ["given", "given", "withdrawn"]
    listed = records.persons()
    assert all(p.identity is None for p in listed) and listed[0].risk is RiskLevel.HIGH
    assert records.get(listed[0].id).identity is None  # type: ignore[union-attr]


def test_no_identity_in_listings_search_or_the_export_view(make_case: Callable[..., tuple[OpenCase, str]]) -> None:
    case, _ = make_case()
    backend = Backend("sqlcipher", case.db, case.blobs, case.folder, lambda: None, lambda _: b"")  # type: ignore[arg-type,return-value]
    scenario(backend)
    records = case.records
    records.add_exhibit(title="Statement of أبو خالد", description="Abu Khaled met us")
    view = records.export_view()
    found = SearchService(case.db, ACTOR).search(SearchQuery(text="Khaled", page=Page(0, 100)))
    assert [hit.ref for hit in found.hits] == ["EX-1"]  # found by the text as typed, shown by pseudonym
    listed = [*records.persons(), *records.exhibits(ExhibitQuery(text="Khaled"))]
    walked = [*strings(view), *strings(found, "search"), *strings(listed, "listing")]
    assert len(walked) > 20
    for where, text in walked:
        for secret in SECRETS:
            assert secret not in text, f"{secret!r} at {where}"
    assert view.exhibits[0].title == "Statement of W-001" and view.exhibits[0].description == "W-001 met us"
    person = view.persons[0]
    assert person.risk == "high"
    assert [c.summary for c in person.consent] == [
        "consent to share with the ICC: withdrawn 2026-01-04",
        "consent to share with NGOs: given 2026-01-02",
    ]


def test_both_stores_agree(make_case: Callable[..., tuple[OpenCase, str]], tmp_path: Path) -> None:
    transcripts = {name: scenario(make_backend(name, make_case, tmp_path)).steps for name in BACKENDS}
    sql, memory = transcripts["sqlcipher"], transcripts["memory"]
    assert [step for step, _ in sql] == [step for step, _ in memory]
    for (step, expected), (_, got) in zip(sql, memory, strict=True):
        assert got == expected, f"the stores differ at {step!r}"


def test_identity_needs_a_live_person_and_a_real_date(backend: Backend) -> None:
    records = RecordService(backend.store, ACTOR)
    witness = records.add_person(role=PersonRole.WITNESS, full_name=NAME).value
    with pytest.raises(ValidationError, match="YYYY-MM-DD"):
        records.set_identity(witness.id, born="7 March 1984", reason="r")
    with pytest.raises(ValidationError, match="consent scope"):
        records.record_consent(witness.id, scope="press", state="given")
    records.delete(witness.id, reason="twice")
    with pytest.raises(UserError, match="deleted"):
        records.set_identity(witness.id, aliases=["x"], reason="r")
