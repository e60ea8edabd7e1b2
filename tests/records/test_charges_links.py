"""Charges and element links: bad input changes nothing, every operation undoes exactly, custody
verifies, and the warnings a lawyer should see."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from caseapp.app.case_folder import OpenCase
from caseapp.app.verification import verify_case
from caseapp.core.analysis import ChargeStatus, ReviewState, Weight, parse_excerpt
from caseapp.core.errors import NotFoundError, UserError, ValidationError
from caseapp.core.operations import OpResult
from caseapp.core.refs import parse_ref
from caseapp.core.services import RecordService
from caseapp.core.services.editing import Dependents
from tests.records.aleppo import Aleppo, build


def state(service: RecordService) -> Any:
    """Everything these operations can change, as the services show it (live records: undoing an
    addition leaves a tombstone, by design)."""
    return (
        service.charges(),
        service.element_links(),
        service.exhibits(),
        service.gaps(),
    )


def custody_count(case: OpenCase) -> int:
    return case.custody.count()


@pytest.fixture
def aleppo(make_case: Callable[..., tuple[OpenCase, str]]) -> tuple[OpenCase, Aleppo]:
    case, _ = make_case()
    return case, build(case)


def test_bad_input_is_refused_clearly_and_changes_nothing(aleppo: tuple[OpenCase, Aleppo]) -> None:
    case, sample = aleppo
    work, review = sample.work, sample.review
    before, entries = state(work), custody_count(case)
    crater = parse_ref("EX-1")
    refusals: list[tuple[Callable[[], object], type[Exception], str]] = [
        (
            lambda: work.link_element(crater, "8(2)(e)(iv)-9", reasoning="r"),
            ValidationError,
            r"'8\(2\)\(e\)\(iv\)-9' is not an element of the legal catalogue; the elements of 8\(2\)\(e\)\(iv\) are",
        ),
        (lambda: work.link_element(crater, "no-such-thing", reasoning="r"), ValidationError, "caseapp elements"),
        (
            lambda: work.link_element(crater, "8(2)(e)(iv)-3", reasoning="again"),
            ValidationError,
            r"EL-\d+ already links EX-1 to 8\(2\)\(e\)\(iv\)-3 \(supports\); edit it instead",
        ),
        (lambda: work.link_element(crater, "8(2)(e)(iv)-1", reasoning=" "), ValidationError, "reasoning"),
        (
            lambda: work.delete(crater, reason="duplicate"),
            UserError,
            r"EX-1 has 1 record\(s\) that depend on it \(EL-\d+\).*Nothing was deleted",
        ),
        (
            lambda: work.review(sample.links["control-coi"], accept=True),
            UserError,
            "was proposed by investigator; another person must review it",
        ),
        (lambda: review.review(sample.links["attack-msf"], accept=True), UserError, "already accepted"),
        (lambda: work.add_charge("8(2)(c)(i)"), ValidationError, r"covers several crimes.*8\(2\)\(c\)\(i\)-1"),
        (lambda: work.add_charge("9(1)"), ValidationError, "not a crime of the legal catalogue"),
        (
            lambda: work.add_charge("7(1)(a)", suspects=[(parse_ref("S-001"), "25(3)(a)")]),
            ValidationError,
            r"Art 25\(3\)\(a\) has several forms; give one of: 25\(3\)\(a\)-direct",
        ),
        (
            lambda: work.add_charge("7(1)(a)", suspects=[(parse_ref("S-009"), "28(a)")]),
            NotFoundError,
            "there is no person S-009",
        ),
        (lambda: work.add_charge("7(1)(a)", incidents=[parse_ref("INC-99")]), NotFoundError, "INC-99"),
        (lambda: parse_excerpt("page=0"), ValidationError, "pages start at 1"),
        (lambda: parse_excerpt("chars=1-5"), ValidationError, "needs the words quoted"),
        (lambda: parse_excerpt("time=1:10-0:42"), ValidationError, "ends before it starts"),
    ]
    for call, error, message in refusals:
        with pytest.raises(error, match=message):
            call()
    assert state(work) == before
    assert custody_count(case) == entries
    assert verify_case(case).ok


def test_a_link_to_an_element_of_a_crime_not_charged_is_kept_unassigned(aleppo: tuple[OpenCase, Aleppo]) -> None:
    _, sample = aleppo
    before = sample.work.gaps()
    made = sample.work.link_element(parse_ref("EX-5"), "8(2)(e)(v)-1", reasoning="pillage shown").value
    sample.review.review(parse_ref(made.ref), accept=True)
    assert sample.work.gaps() == before
    assert [x.ref for x in sample.work.element_links(element="8(2)(e)(v)-1")] == [made.ref]


def test_every_operation_undoes_exactly(aleppo: tuple[OpenCase, Aleppo]) -> None:
    case, sample = aleppo
    work, review = sample.work, sample.review
    hospital = sample.charges["hospital"]
    control = sample.links["control-coi"]
    accepted = sample.links["attack-msf"]
    operations: list[tuple[RecordService, Callable[[], OpResult[Any]]]] = [
        (work, lambda: work.add_charge("7(1)(d)", suspects=[(parse_ref("S-002"), "25(3)(c)")])),
        (work, lambda: work.edit(hospital, {"status": ChargeStatus.SUPPORTED.value}, reason="evidence in")),
        (work, lambda: work.edit(hospital, {"analysis": "the hospital was marked"}, reason="clearer")),
        (
            work,
            lambda: work.edit(
                hospital, {"suspects": [("S-001", "28(a)"), ("S-002", "25(3)(b)")]}, reason="second accused"
            ),
        ),
        (work, lambda: work.edit(hospital, {"incidents": ["INC-1", "INC-2"]}, reason="both strikes")),
        (work, lambda: work.edit(hospital, {"crime_id": "8(2)(e)(i)"}, reason="requalified")),
        (work, lambda: work.delete(hospital, reason="withdrawn")),
        (work, lambda: work.link_element(parse_ref("EX-6"), "28(a)-5", reasoning="knew", weight=Weight.MAYBE)),
        (review, lambda: review.review(control, accept=True)),
        (review, lambda: review.review(control, accept=False)),
        (work, lambda: work.edit(accepted, {"weight": "maybe"}, reason="less sure")),  # back to proposed
        (work, lambda: work.edit(accepted, {"reasoning": "names W-001's brother"}, reason="fuller")),
        (work, lambda: work.edit(accepted, {"excerpt": "page=5"}, reason="right page")),
        (work, lambda: work.delete(accepted, reason="mistaken")),
        (work, lambda: work.delete(parse_ref("EX-1"), reason="dup", dependents=Dependents.DELETE)),
    ]
    for service, operation in operations:
        before = state(work)
        result = operation()
        assert result.undo is not None
        assert state(work) != before, result.undo.description
        service.undo(result.undo)
        assert state(work) == before, result.undo.description
    # `caseapp undo` finds a review and takes it back too.
    review.review(control, accept=True)
    assert work.element_links(element="28(a)-3")[0].review is ReviewState.ACCEPTED
    review.undo_last()
    assert work.element_links(element="28(a)-3")[0].review is ReviewState.PROPOSED
    assert verify_case(case).ok


def test_editing_what_an_accepted_link_says_sends_it_back_to_review(aleppo: tuple[OpenCase, Aleppo]) -> None:
    _, sample = aleppo
    accepted = sample.links["attack-satellite"]
    sample.work.edit(accepted, {"reasoning": "same words, clearer"}, reason="typo")
    assert sample.work.get(accepted).review is ReviewState.ACCEPTED  # type: ignore[union-attr]
    sample.work.edit(accepted, {"stance": "context"}, reason="it shows the area only")
    link = sample.work.get(accepted)
    assert (link.review, link.reviewed_by) == (ReviewState.PROPOSED, None)  # type: ignore[union-attr]


def test_custody_binds_reasoning_and_quotes_by_keyed_digest_only(aleppo: tuple[OpenCase, Aleppo]) -> None:
    case, sample = aleppo
    name = "Ahmad al-Halabi"
    made = sample.work.link_element(
        parse_ref("EX-8"),
        "7(1)(a)-1",
        reasoning=f"{name} identified the body",
        excerpt=parse_excerpt(f"chars=5-30;quote={name} was there"),
    ).value
    entries = [e for e in case.custody.entries() if e.target == made.ref]
    assert len(entries) == 1 and name not in str(entries[0].details)
    assert entries[0].details["reasoning_digest"].startswith("hmac-sha256:")
    assert entries[0].details["excerpt"] == "characters 5-30"
    assert verify_case(case).ok


def test_warnings_on_charges(make_case: Callable[..., tuple[OpenCase, str]]) -> None:
    case, _ = make_case()
    records = case.records
    witness = parse_ref(records.add_person(role=records_role("witness")).value.ref)
    siege = parse_ref(records.add_incident(title="Siege of east Aleppo", when="2016-07-17").value.ref)
    starvation = records.add_charge("8(2)(e)(xix)", incidents=[siege], suspects=[(witness, "28(b)")]).value
    assert any("exists only since ICC-ASP/18/Res.5 was adopted on 2019-12-06" in w for w in starvation.warnings)
    assert any("INC-1 (2016-07-17)" in w for w in starvation.warnings)
    assert any("W-001 is recorded as a witness, not a suspect" in w for w in starvation.warnings)
    plain = records.add_charge("8(2)(e)(i)").value
    assert plain.warnings == ()
    iac = records.add_charge("8(2)(b)(i)").value
    assert any("requires an international armed conflict" in w and plain.ref in w for w in iac.warnings)
    assert any(
        "non-international armed conflict" in w and iac.ref in w for w in records.charge(parse_ref(plain.ref)).warnings
    )
    records.delete(parse_ref(iac.ref), reason="wrong classification")
    assert records.charge(parse_ref(plain.ref)).warnings == ()
    assert verify_case(case).ok


def records_role(name: str) -> Any:
    from caseapp.core.entities import PersonRole

    return PersonRole(name)


def test_undo_last_restores_a_deletion_with_its_dependents(aleppo: tuple[OpenCase, Aleppo]) -> None:
    case, sample = aleppo
    before = state(sample.work)
    sample.work.delete(parse_ref("EX-3"), reason="withdrawn by MSF", dependents=Dependents.DELETE)
    assert state(sample.work) != before
    sample.work.undo_last()
    assert state(sample.work) == before
    assert verify_case(case).ok
