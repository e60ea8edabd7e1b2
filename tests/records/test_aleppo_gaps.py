"""The gap matrix of the Aleppo sample case shows exactly the expected statuses (issue 14)."""

from __future__ import annotations

from collections.abc import Callable

from caseapp.app.case_folder import OpenCase
from caseapp.app.verification import verify_case
from caseapp.core.legal.gaps import GapStatus, RowKind
from tests.records.aleppo import build

UNADDRESSED, WEAK = GapStatus.UNADDRESSED, GapStatus.WEAK
CORROBORATED, CONTESTED = GapStatus.CORROBORATED, GapStatus.CONTESTED


def test_the_aleppo_gap_matrix(make_case: Callable[..., tuple[OpenCase, str]]) -> None:
    case, _ = make_case()
    aleppo = build(case)
    matrix = {gaps.charge_ref: gaps for gaps in aleppo.work.gaps()}
    assert list(matrix) == ["CHG-1", "CHG-2", "CHG-3", "CHG-4", "CHG-5"]

    hospital = matrix["CHG-1"]
    assert hospital.crime_id == "8(2)(e)(iv)"
    statuses = {(c.element_id, c.suspect_ref): c.status for c in hospital.cells}
    assert statuses == {
        ("8(2)(e)(iv)-4", None): CORROBORATED,  # through the shared context C-NIAC: COI (A1) and MSF (A2)
        ("8(2)(e)(iv)-5", None): UNADDRESSED,  # a contextual element with no evidence
        ("8(2)(e)(iv)-1", None): CORROBORATED,  # MSF (A2) and imagery (B1); the rejected channel post is left out
        ("8(2)(e)(iv)-2", None): CONTESTED,  # the ministry's accepted contradicting statement
        ("8(2)(e)(iv)-3", None): WEAK,  # two exhibits of one source (the field team) count once
        ("28(a)-1", "S-001"): UNADDRESSED,
        ("28(a)-2", "S-001"): WEAK,  # one E5 source, "maybe"
        ("28(a)-3", "S-001"): UNADDRESSED,  # a link awaits review: not proof yet
        ("28(a)-4", "S-001"): UNADDRESSED,
        ("28(a)-5", "S-001"): UNADDRESSED,
        ("28(a)-6", "S-001"): UNADDRESSED,
    }
    kinds = [c.kind for c in hospital.cells]
    assert kinds == [RowKind.CONTEXTUAL] * 2 + [RowKind.SPECIFIC] * 3 + [RowKind.LIABILITY] * 6
    cells = {c.element_id: c for c in hospital.cells}
    intent = cells["8(2)(e)(iv)-3"]
    assert (len(intent.supporting), intent.independent_sources, intent.best_grade) == (2, 1, "B2")
    assert intent.why == "one independent source"
    attack = cells["8(2)(e)(iv)-1"]
    assert attack.supporting == (str(aleppo.links["attack-msf"]), str(aleppo.links["attack-satellite"]))
    assert (attack.independent_sources, attack.best_grade, attack.contradicting) == (2, "A2", ())
    contested = cells["8(2)(e)(iv)-2"]
    assert contested.contradicting == (str(aleppo.links["hospital-denied"]),)
    assert cells["28(a)-3"].awaiting_review == (str(aleppo.links["control-coi"]),)
    assert cells["28(a)-2"].why == 'one independent source; only grades D-F or 4-6 (or ungraded); only "maybe"'
    assert hospital.warnings == ()

    # One body of evidence of the armed conflict serves every NIAC charge; none proves Art 7's attack.
    assert matrix["CHG-2"].status_of("8(2)(e)(i)-4") is CORROBORATED
    assert matrix["CHG-3"].status_of("8(2)(c)(i)-1-4") is CORROBORATED
    assert matrix["CHG-2"].status_of("25(3)(a)-joint-1", "S-001") is UNADDRESSED
    murder = matrix["CHG-4"]
    assert murder.status_of("7(1)(a)-1") is CORROBORATED  # morgue (B2) and COI (A1)
    assert murder.status_of("7(1)(a)-2") is UNADDRESSED
    assert murder.status_of("25(3)(a)-direct-1", "S-002") is UNADDRESSED
    assert matrix["CHG-5"].status_of("7(1)(d)-1") is WEAK  # one source
    assert verify_case(case).ok


def test_deleting_an_exhibit_takes_its_proof_away_and_restoring_brings_it_back(
    make_case: Callable[..., tuple[OpenCase, str]],
) -> None:
    from caseapp.core.refs import parse_ref
    from caseapp.core.services.editing import Dependents

    case, _ = make_case()
    aleppo = build(case)
    assert aleppo.work.gaps(aleppo.charges["hospital"])[0].status_of("8(2)(e)(iv)-1") is CORROBORATED
    aleppo.work.delete(parse_ref("EX-4"), reason="wrong date", dependents=Dependents.KEEP)
    assert aleppo.work.gaps(aleppo.charges["hospital"])[0].status_of("8(2)(e)(iv)-1") is WEAK
    aleppo.work.undo_last()
    assert aleppo.work.gaps(aleppo.charges["hospital"])[0].status_of("8(2)(e)(iv)-1") is CORROBORATED
    assert verify_case(case).ok
