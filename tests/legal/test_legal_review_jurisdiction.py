"""Corrections from the legal review (issue 14): Armenia's Art 12(3) declaration, Art 124 on a Security
Council referral, aggression and the victim State, the recorded acceptances of the aggression amendments."""

from __future__ import annotations

import pytest

from caseapp.core.legal.consent import GroundStatus
from caseapp.core.legal.grounds import GroundKind
from caseapp.core.legal.jurisdiction import Verdict, check_jurisdiction
from caseapp.core.legal.states import load_jurisdiction_data


def _ground(answer: object, kind: GroundKind) -> object:
    return next(g for g in answer.grounds if g.kind is kind)  # type: ignore[attr-defined]


# --- 1. Armenia: Art 12(3) declaration lodged with its ratification (14 Nov 2023), from 10 May 2021


@pytest.mark.parametrize("day", ["2021-05-10", "2022-09-13", "2023-09-19", "2024-01-31"])
def test_armenian_territory_is_within_from_10_may_2021(day: str) -> None:
    answer = check_jurisdiction(date=day, territory="AM", crime="7(1)(d)")
    assert answer.verdict is Verdict.WITHIN, answer.summary
    ground = _ground(answer, GroundKind.TERRITORY)
    assert "Art 12(3) declaration lodged on 2023-11-14" in ground.reason  # type: ignore[attr-defined]
    assert "10 May 2021" in ground.reason  # type: ignore[attr-defined]


def test_armenian_territory_before_the_declaration_scope_is_outside() -> None:
    answer = check_jurisdiction(date="2021-05-09", territory="AM", crime="7(1)(d)")
    assert answer.verdict is Verdict.OUTSIDE
    assert "covers 2021-05-10 onwards, not 2021-05-09" in _ground(answer, GroundKind.TERRITORY).reason  # type: ignore[attr-defined]


def test_armenia_is_a_party_from_1_february_2024() -> None:
    answer = check_jurisdiction(date="2024-02-01", territory="AM", crime="7(1)(d)")
    assert answer.verdict is Verdict.WITHIN
    assert "State Party since 2024-02-01" in _ground(answer, GroundKind.TERRITORY).reason  # type: ignore[attr-defined]


# --- Palestine's declaration was lodged on 1 Jan 2015 (signed 31 Dec 2014)


def test_palestine_declaration_lodged_on_1_january_2015() -> None:
    decl = next(d for d in load_jurisdiction_data().declarations if d.id == "PS-2014")
    assert str(decl.lodged) == "2015-01-01"
    assert "signed 31 Dec 2014" in decl.scope
    answer = check_jurisdiction(date="2014-07-08", territory="PS", crime="8(2)(b)(i)", nationalities=["PS"])
    assert "lodged on 2015-01-01" in _ground(answer, GroundKind.TERRITORY).reason  # type: ignore[attr-defined]


# --- 2. Art 124 on a Security Council referral: at most "depends"


def test_art_124_does_not_exclude_a_security_council_referral() -> None:
    # A Colombian national (Art 124 declaration in force 2002-11-01..2009-10-31) in Darfur on S/RES/1593.
    answer = check_jurisdiction(date="2005-06-01", territory="SD", nationalities=["CO"], crime="8(2)(e)(i)")
    assert answer.verdict is Verdict.DEPENDS, answer.summary
    art124 = _ground(answer, GroundKind.ARTICLE_124)
    assert art124.status is GroundStatus.UNCERTAIN  # type: ignore[attr-defined]
    assert "Security Council referral" in art124.reason  # type: ignore[attr-defined]
    assert "does not rest on" in art124.reason  # type: ignore[attr-defined]


def test_art_124_still_excludes_war_crimes_resting_on_state_consent() -> None:
    answer = check_jurisdiction(date="2005-06-01", territory="CO", nationalities=["CO"], crime="8(2)(e)(i)")
    assert answer.verdict is Verdict.OUTSIDE
    assert _ground(answer, GroundKind.ARTICLE_124).status is GroundStatus.NOT_MET  # type: ignore[attr-defined]


# --- 3. Aggression turns on the victim State (Art 15 bis(5), ICC-ASP/16/Res.5 para 2)


def test_aggression_without_a_victim_state_depends_and_asks_for_it() -> None:
    answer = check_jurisdiction(date="2019-01-01", territory="DE", nationalities=["DE"], crime="8 bis")
    assert answer.verdict is Verdict.DEPENDS, answer.summary
    ground = _ground(answer, GroundKind.AGGRESSION)
    assert ground.status is GroundStatus.UNCERTAIN  # type: ignore[attr-defined]
    assert "victim State is not given" in ground.reason  # type: ignore[attr-defined]
    assert "--victim-state" in ground.reason  # type: ignore[attr-defined]


def test_aggression_against_an_accepting_state_party_is_within() -> None:
    answer = check_jurisdiction(
        date="2019-01-01", territory="DE", nationalities=["DE"], crime="8 bis", victim_state="LI"
    )
    assert answer.verdict is Verdict.WITHIN, answer.summary
    assert answer.query.victim_state == "LI"
    assert answer.as_dict()["query"]["victim_state"] == "LI"


def test_aggression_against_a_non_party_state_is_outside() -> None:
    answer = check_jurisdiction(
        date="2019-01-01", territory="DE", nationalities=["DE"], crime="8 bis", victim_state="SY"
    )
    assert answer.verdict is Verdict.OUTSIDE
    assert "victim State" in _ground(answer, GroundKind.AGGRESSION).reason  # type: ignore[attr-defined]


def test_victim_state_is_refused_for_other_crimes() -> None:
    from caseapp.core.errors import ValidationError

    with pytest.raises(ValidationError, match="victim State"):
        check_jurisdiction(date="2019-01-01", territory="DE", crime="7(1)(a)", victim_state="LI")


# --- 4. Acceptances of the aggression amendments (RC/Res.6)


def test_aggression_acceptances_recorded_from_the_2019_status_list() -> None:
    res6 = load_jurisdiction_data().amendment("RC/Res.6")
    assert len(res6.acceptances) == 39
    assert str(res6.acceptances["NL"].deposited) == "2016-09-23"
    assert str(res6.acceptances["EC"].deposited) == "2019-09-25"
    assert str(res6.acceptances["PS"].deposited) == "2016-06-26"


def test_aggression_by_a_recorded_state_is_within_and_unrecorded_depends_precisely() -> None:
    within = check_jurisdiction(
        date="2019-01-01", territory="NL", nationalities=["NL"], crime="8 bis", victim_state="NL"
    )
    assert within.verdict is Verdict.WITHIN, within.summary
    unknown = check_jurisdiction(
        date="2021-01-01", territory="FR", nationalities=["FR"], crime="8 bis", victim_state="FR"
    )
    assert unknown.verdict is Verdict.DEPENDS
    reason = _ground(unknown, GroundKind.AGGRESSION).reason  # type: ignore[attr-defined]
    assert "27 Nov 2019" in reason
    assert "XVIII-10-b" in reason
    assert "after" in reason


def test_acceptance_not_yet_in_force_for_a_late_ratifier() -> None:
    # Ecuador deposited on 2019-09-25: in force for it only from 2020-09-25 (Art 121(5)).
    answer = check_jurisdiction(
        date="2020-01-01", territory="EC", nationalities=["EC"], crime="8 bis", victim_state="EC"
    )
    assert answer.verdict is Verdict.OUTSIDE
    assert "only from 2020-09-25" in _ground(answer, GroundKind.AGGRESSION).reason  # type: ignore[attr-defined]
