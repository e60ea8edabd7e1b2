"""Focused tests for the qualifying grounds: Art 124 records, referral limits, amended crimes and
non-party States, aggression on a referral, the element-on-another-territory test, territory of a
former State Party, crimes that cannot yet be committed, and dates after the data date."""

from __future__ import annotations

import dataclasses
import datetime as dt

from caseapp.core.legal.consent import GroundStatus
from caseapp.core.legal.jurisdiction import GroundKind, Verdict, check_jurisdiction
from caseapp.core.legal.states import Art124Declaration, load_jurisdiction_data

DATA = load_jurisdiction_data()
D = dt.date


def kinds(answer: object) -> dict[GroundKind, GroundStatus]:
    return {g.kind: g.status for g in answer.grounds}  # type: ignore[attr-defined]


def test_art_124_declarations_are_data_records_with_their_scope() -> None:
    by_state = {d.state: d for d in DATA.art124}
    assert set(by_state) == {"CO", "FR", "UA"}
    assert by_state["CO"].scope == by_state["FR"].scope == "nationals-or-territory"
    assert by_state["UA"].scope == "nationals"
    assert all(d.sources and d.verification for d in DATA.art124)
    co, fr = by_state["CO"], by_state["FR"]
    assert co.status_on(D(2002, 10, 31)) is None
    assert co.status_on(D(2002, 11, 1)) == "in-force"
    assert co.status_on(D(2009, 10, 31)) == "in-force"
    assert co.status_on(D(2009, 11, 1)) is None
    assert fr.status_on(D(2008, 6, 14)) == "in-force"
    assert fr.status_on(D(2008, 6, 15)) == "uncertain"
    assert fr.status_on(D(2008, 9, 24)) == "uncertain"
    assert fr.status_on(D(2008, 9, 25)) is None


def test_a_new_art_124_record_changes_the_answer_without_code() -> None:
    record = Art124Declaration(
        state="DE",
        start=D(2002, 7, 1),
        end=D(2009, 7, 1),
        scope="nationals-or-territory",
        text="Hypothetical declaration.",
        verified=True,
        verification="test record",
        sources=("test",),
    )
    data = dataclasses.replace(DATA, art124=(*DATA.art124, record))
    war = check_jurisdiction(date="2005-01-01", territory="DE", crime="8(2)(b)(i)", data=data)
    assert war.verdict is Verdict.OUTSIDE
    cah = check_jurisdiction(date="2005-01-01", territory="DE", crime="7(1)(a)", data=data)
    assert cah.verdict is Verdict.WITHIN
    baseline = check_jurisdiction(date="2005-01-01", territory="DE", crime="8(2)(b)(i)")
    assert baseline.verdict is Verdict.WITHIN


def test_ukraine_art_124_reaches_only_its_nationals() -> None:
    answer = check_jurisdiction(date="2025-03-01", territory="UA", nationalities=["RU"], crime="8(2)(b)(i)")
    assert answer.verdict is Verdict.WITHIN
    assert GroundKind.ARTICLE_124 not in kinds(answer)


def test_without_a_crime_an_applicable_art_124_declaration_is_a_caveat() -> None:
    answer = check_jurisdiction(date="2005-06-01", territory="CO")
    assert answer.verdict is Verdict.WITHIN
    assert any("Art 124 declaration by Colombia" in c for c in answer.caveats)
    later = check_jurisdiction(date="2010-06-01", territory="CO")
    assert not any("Art 124" in c for c in later.caveats)


def test_darfur_referral_names_para_1_and_para_6() -> None:
    answer = check_jurisdiction(date="2004-01-01", territory="SD", nationalities=["SD"], crime="7(1)(a)")
    assert answer.verdict is Verdict.DEPENDS
    referral = next(g for g in answer.grounds if g.kind is GroundKind.REFERRAL)
    assert "situation in Darfur since 1 July 2002" in referral.reason
    assert "Depends on: Security Council referral" in answer.summary
    carved = check_jurisdiction(date="2004-01-01", territory="SD", nationalities=["US"], crime="7(1)(a)")
    reason = next(g.reason for g in carved.grounds if g.kind is GroundKind.REFERRAL)
    assert "S/RES/1593 para 6" in reason and "United States" in reason


def test_amended_crime_non_party_territory_is_outside_and_cites_the_resolutions() -> None:
    answer = check_jurisdiction(date="2020-01-01", territory="SY", nationalities=["DE"], crime="8(2)(e)(xiv)")
    assert answer.verdict is Verdict.OUTSIDE
    ground = next(g for g in answer.grounds if g.kind is GroundKind.AMENDMENT)
    assert ground.status is GroundStatus.NOT_MET
    assert "Syria (SY) is not a State Party" in ground.reason
    assert any("RC/Res.5 (10 June 2010)" in s for s in ground.sources)


def test_amended_crime_on_a_referral_is_unsettled_not_outside() -> None:
    answer = check_jurisdiction(date="2012-01-01", territory="LY", nationalities=["LY"], crime="8(2)(e)(xiii)")
    assert answer.verdict is Verdict.DEPENDS
    assert kinds(answer)[GroundKind.AMENDMENT] is GroundStatus.UNCERTAIN


def test_aggression_on_a_referral_does_not_rest_on_15_bis_5() -> None:
    answer = check_jurisdiction(date="2019-02-14", territory="LY", nationalities=["LY"], crime="8 bis")
    assert answer.verdict is Verdict.DEPENDS
    ground = next(g for g in answer.grounds if g.kind is GroundKind.AGGRESSION)
    assert ground.status is GroundStatus.UNCERTAIN
    assert ground.reason.startswith("The situation is before the Court on a Security Council referral")
    # without a referral the non-party bar of Art 15 bis(5) still decides
    bar = check_jurisdiction(date="2019-02-14", territory="SY", nationalities=["SY"], crime="8 bis")
    assert bar.verdict is Verdict.OUTSIDE
    # and before the activation the referral does not help
    early = check_jurisdiction(date="2018-07-16", territory="LY", nationalities=["LY"], crime="8 bis")
    assert early.verdict is Verdict.OUTSIDE


def test_element_on_another_territory_only_for_cross_border_crimes() -> None:
    def element_status(crime: str | None) -> GroundStatus:
        answer = check_jurisdiction(date="2017-08-25", territory="MM", element_territories=["BD"], crime=crime)
        return kinds(answer)[GroundKind.ELEMENT_TERRITORY]

    for crime in ("7(1)(d)", "7(1)(h)", "7(1)(k)", "8(2)(a)(vii)-1", "8(2)(b)(viii)", "8(2)(e)(viii)"):
        assert element_status(crime) is GroundStatus.MET, crime
    for crime in ("7(1)(a)", "8(2)(a)(vii)", "8(2)(a)(vii)-2", "6(a)", None):
        assert element_status(crime) is GroundStatus.UNCERTAIN, crime
    # an element on a non-party territory stays "not met"
    answer = check_jurisdiction(date="2017-08-25", territory="MM", element_territories=["IN"], crime="7(1)(d)")
    assert answer.verdict is Verdict.OUTSIDE


def test_the_weapons_annex_crime_is_never_operative() -> None:
    for day in ("2002-07-01", "2024-01-01"):
        answer = check_jurisdiction(date=day, territory="DE", nationalities=["DE"], crime="8(2)(b)(xx)")
        assert answer.verdict is Verdict.OUTSIDE
        assert kinds(answer)[GroundKind.MATERIAL] is GroundStatus.NOT_MET
    neighbour = check_jurisdiction(date="2024-01-01", territory="DE", nationalities=["DE"], crime="8(2)(b)(xix)")
    assert GroundKind.MATERIAL not in kinds(neighbour)


def test_dates_after_the_data_date_always_depend() -> None:
    first = DATA.as_of + dt.timedelta(days=1)
    for territory, nats, crime in (("ML", (), None), ("UA", ("RU",), "8 bis"), ("SY", ("SY",), "7(1)(a)")):
        answer = check_jurisdiction(date=first, territory=territory, nationalities=nats, crime=crime)
        assert answer.verdict is Verdict.DEPENDS, (territory, answer.summary)
        assert kinds(answer)[GroundKind.DATA_DATE] is GroundStatus.UNCERTAIN
        assert "Date after the shipped data" in answer.summary
    on_the_day = check_jurisdiction(date=DATA.as_of, territory="DE")
    assert on_the_day.verdict is Verdict.WITHIN
    assert GroundKind.DATA_DATE not in kinds(on_the_day)
    reason = next(g.reason for g in answer.grounds if g.kind is GroundKind.DATA_DATE)
    assert "Mali, Burkina Faso and Niger" in reason and "Venezuela" in reason


def test_territory_of_a_former_state_party() -> None:
    before = check_jurisdiction(date="2006-06-02", territory="ME", crime="7(1)(a)")
    assert before.verdict is Verdict.WITHIN
    doubtful = check_jurisdiction(date="2006-06-03", territory="ME", crime="7(1)(a)")
    assert doubtful.verdict is Verdict.DEPENDS
    kosovo = check_jurisdiction(date="2020-01-01", territory="XK", crime="7(1)(a)")
    assert kosovo.verdict is Verdict.DEPENDS
    too_early = check_jurisdiction(date="2002-06-30", territory="XK", crime="7(1)(a)")
    assert too_early.verdict is Verdict.OUTSIDE


def test_new_ground_kinds_serialise() -> None:
    answer = check_jurisdiction(date="2027-01-01", territory="DE", nationalities=["DE"], crime="8(2)(b)(xx)")
    payload = answer.as_dict()
    by_kind = {g["kind"]: g for g in payload["grounds"]}
    assert by_kind["material"]["role"] == "condition" and by_kind["material"]["status"] == "not met"
    assert by_kind["data-date"]["status"] == "uncertain"
    assert payload["verdict"] == "depends"
