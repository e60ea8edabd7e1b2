"""Real situations with the expected answer, the reason that must be given, and the source it must cite.

Each row: the question, the expected verdict, a phrase the reasons must contain, a string the
answer's sources must contain, and the public source the expectation rests on (``cite``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from caseapp.core.legal.consent import GroundStatus
from caseapp.core.legal.jurisdiction import GroundKind, Verdict, check_jurisdiction

IN, OUT, DEP = Verdict.WITHIN, Verdict.OUTSIDE, Verdict.DEPENDS
PTC_2018 = "ICC-RoC46(3)-01/18"
UA_PR = "pr1146"
PS_UNISPAL = "un.org/unispal"
STATES = "states-parties.csv"


@dataclass(frozen=True)
class Case:
    name: str
    date: str
    verdict: Verdict
    reason: str
    source: str
    cite: str
    territory: str | None = None
    elements: tuple[str, ...] = ()
    nationals: tuple[str, ...] = ()
    crime: str | None = None
    statuses: dict[GroundKind, GroundStatus] = field(default_factory=dict)


MET, NOT, UNC = GroundStatus.MET, GroundStatus.NOT_MET, GroundStatus.UNCERTAIN

CASES = [
    # --- Syria (non-party, no referral) and the Jordan deportation theory
    Case(
        "syria-2016-syrian-nationals",
        "2016-12-13",
        OUT,
        "Syria (SY) has never been a State Party",
        STATES,
        "RESEARCH-NOTES §4.5: Syria signed 2000-11-29, never ratified; no Security Council referral",
        territory="SY",
        nationals=("SY",),
        crime="8(2)(e)(i)",
        statuses={GroundKind.TERRITORY: NOT, GroundKind.NATIONALITY: NOT},
    ),
    Case(
        "syria-deportation-into-jordan",
        "2016-06-01",
        IN,
        "at least one element of the crime",
        PTC_2018,
        "Guernica Centre Art 15 communication (2019) applying PTC I 2018; Jordan party since 2002-07-01",
        territory="SY",
        elements=("JO",),
        nationals=("SY",),
        crime="7(1)(d)",
        statuses={GroundKind.ELEMENT_TERRITORY: MET, GroundKind.TERRITORY: NOT},
    ),
    Case(
        "syria-deportation-without-border-element",
        "2016-06-01",
        OUT,
        "never been a State Party",
        STATES,
        "same facts without the Jordanian element: Art 12(2) unmet",
        territory="SY",
        nationals=("SY",),
        crime="7(1)(d)",
    ),
    # --- Bangladesh / Myanmar
    Case(
        "rohingya-deportation-into-bangladesh",
        "2017-08-25",
        IN,
        "Bangladesh (BD) has been a State Party since 2010-06-01",
        PTC_2018,
        "PTC I, ICC-RoC46(3)-01/18 (6 Sept 2018); investigation authorised 2019-11-14",
        territory="MM",
        elements=("BD",),
        nationals=("MM",),
        crime="7(1)(d)",
    ),
    Case(
        "myanmar-killings-inside-myanmar",
        "2017-08-25",
        OUT,
        "Myanmar (MM) has never been a State Party",
        STATES,
        "Myanmar is not a party; the 2018 ruling needs an element on a State Party's territory",
        territory="MM",
        nationals=("MM",),
        crime="7(1)(a)",
    ),
    # --- Ukraine: the two Art 12(3) declarations, then party from 2025-01-01
    Case(
        "ukraine-maidan-first-declaration",
        "2014-01-20",
        IN,
        "Art 12(3) declaration lodged on 2014-04-17",
        UA_PR,
        "ICC press release pr1146: declaration of 2014-04-17 covering 2013-11-21 to 2014-02-22",
        territory="UA",
        nationals=("UA",),
        crime="7(1)(a)",
    ),
    Case(
        "ukraine-day-before-first-declaration",
        "2013-11-20",
        OUT,
        "covers 2013-11-21 to 2014-02-22, not 2013-11-20",
        UA_PR,
        "pr1146: temporal scope starts 2013-11-21",
        territory="UA",
        crime="7(1)(a)",
    ),
    Case(
        "ukraine-first-day-of-first-declaration",
        "2013-11-21",
        IN,
        "lodged on 2014-04-17",
        UA_PR,
        "pr1146: temporal scope starts 2013-11-21",
        territory="UA",
        crime="7(1)(a)",
    ),
    Case(
        "ukraine-second-declaration",
        "2014-02-23",
        IN,
        "lodged on 2015-09-08",
        UA_PR,
        "pr1146: declaration of 2015-09-08 from 2014-02-20, open-ended",
        territory="UA",
        crime="7(1)(a)",
    ),
    Case(
        "ukraine-2022-russian-forces",
        "2022-03-01",
        IN,
        "lodged on 2015-09-08",
        UA_PR,
        "pr1146; Russian nationals reached through Ukraine's territory (Art 12(2)(a))",
        territory="UA",
        nationals=("RU",),
        crime="8(2)(a)(i)",
        statuses={GroundKind.TERRITORY: MET, GroundKind.NATIONALITY: NOT},
    ),
    Case(
        "ukraine-2025-as-state-party",
        "2025-03-01",
        IN,
        "Ukraine (UA) has been a State Party since 2025-01-01",
        STATES,
        "CICC / Interfax: deposit 2024-10-25, in force 2025-01-01",
        territory="UA",
        nationals=("RU",),
        crime="8(2)(a)(i)",
    ),
    Case(
        "ukraine-2025-own-nationals-art-124",
        "2025-03-01",
        DEP,
        "Art 124",
        "kyivindependent.com",
        "Kyiv Independent: reported Art 124 declaration (unverified at UNTC)",
        territory="UA",
        nationals=("UA",),
        crime="8(2)(b)(i)",
        statuses={GroundKind.ARTICLE_124: UNC},
    ),
    # --- Palestine
    Case(
        "palestine-day-before-declaration-scope",
        "2014-06-12",
        OUT,
        "did not take effect",
        PS_UNISPAL,
        "UNISPAL: 2014-12-31 declaration from 2014-06-13; 2009 declaration not acted on (OTP 2012-04-03)",
        territory="PS",
        nationals=("IL",),
        crime="8(2)(b)(i)",
    ),
    Case(
        "palestine-first-day-of-declaration-scope",
        "2014-06-13",
        IN,
        "since 13 June 2014",
        PS_UNISPAL,
        "UNISPAL: declaration accepting jurisdiction since 2014-06-13",
        territory="PS",
        nationals=("IL",),
        crime="8(2)(b)(i)",
    ),
    Case(
        "palestine-as-state-party",
        "2015-04-01",
        IN,
        "State of Palestine (PS) has been a State Party since 2015-04-01",
        STATES,
        "accession deposited 2015-01-02, in force 2015-04-01 (Art 126)",
        territory="PS",
        nationals=("IL",),
        crime="8(2)(b)(viii)",
    ),
    # --- Security Council referrals
    Case(
        "darfur-2004",
        "2004-01-01",
        IN,
        "S/RES/1593 (2005) referred the situation in Darfur, Sudan",
        "amicc.org",
        "S/RES/1593 (2005), referral since 2002-07-01",
        territory="SD",
        nationals=("SD",),
        crime="6(a)",
        statuses={GroundKind.REFERRAL: MET, GroundKind.TERRITORY: NOT},
    ),
    Case(
        "darfur-before-statute",
        "2002-06-30",
        OUT,
        "Statute entered into force on 2002-07-01",
        "Art 11(1)",
        "Rome Statute Art 11(1); S/RES/1593 scope starts 2002-07-01",
        territory="SD",
        crime="7(1)(a)",
        statuses={GroundKind.TEMPORAL: NOT},
    ),
    Case(
        "libya-day-before-referral-scope",
        "2011-02-14",
        OUT,
        "only from 2011-02-15",
        "haguejusticeportal",
        "S/RES/1970 (2011): situation since 2011-02-15",
        territory="LY",
        nationals=("LY",),
        crime="7(1)(a)",
    ),
    Case(
        "libya-first-day-of-referral-scope",
        "2011-02-15",
        IN,
        "S/RES/1970 (2011) referred the situation in Libya",
        "haguejusticeportal",
        "S/RES/1970 (2011)",
        territory="LY",
        nationals=("LY",),
        crime="7(1)(a)",
    ),
    # --- Withdrawals (Art 127)
    Case(
        "burundi-last-day-as-party",
        "2017-10-26",
        IN,
        "stay within the Court's jurisdiction (Art 127(2))",
        "ielr.com",
        "withdrawal effective 2017-10-27 (ielr.com; ICC authorised the investigation before it)",
        territory="BI",
        nationals=("BI",),
        crime="7(1)(a)",
    ),
    Case(
        "burundi-withdrawal-effective",
        "2017-10-27",
        OUT,
        "withdrawal took effect on 2017-10-27",
        "ielr.com",
        "Art 127(1): withdrawal effective one year after notification",
        territory="BI",
        nationals=("BI",),
        crime="7(1)(a)",
    ),
    Case(
        "burundi-before-entry-into-force",
        "2004-11-30",
        OUT,
        "entered into force for Burundi (BI) only on 2004-12-01",
        STATES,
        "Art 126 applied to the 2004-09-21 deposit",
        territory="BI",
        crime="7(1)(a)",
    ),
    Case(
        "philippines-drug-war-last-day",
        "2019-03-16",
        IN,
        "has been a State Party since 2011-11-01",
        "icc-cpi.int",
        "ICC statement on the Philippines' notice (2018-03-17) and Art 127(1)",
        territory="PH",
        nationals=("PH",),
        crime="7(1)(a)",
    ),
    Case(
        "philippines-after-withdrawal",
        "2019-03-17",
        OUT,
        "withdrawal took effect on 2019-03-17",
        "icc-cpi.int",
        "Art 127(1): one year after the 2018-03-17 notice",
        territory="PH",
        nationals=("PH",),
        crime="7(1)(a)",
    ),
    Case(
        "hungary-day-before-withdrawal-date",
        "2026-06-01",
        IN,
        "Hungary (HU) has been a State Party",
        STATES,
        "ICC ASP press release: withdrawal notified 2025-06-02, effective 2026-06-02",
        territory="HU",
        crime="7(1)(a)",
    ),
    Case(
        "hungary-revocation-unconfirmed",
        "2026-06-02",
        DEP,
        "revocation of that notice is reported but not confirmed",
        "coalitionfortheicc.org",
        "crosscheck §4: revocation probable, not confirmed at UNTC",
        territory="HU",
        crime="7(1)(a)",
    ),
    # --- Afghanistan, Georgia, Jordan: entry into force boundaries
    Case(
        "afghanistan-2003-us-forces",
        "2003-06-01",
        IN,
        "Afghanistan (AF) has been a State Party since 2003-05-01",
        STATES,
        "deposit 2003-02-10, in force 2003-05-01 (confirmed, French Senate list)",
        territory="AF",
        nationals=("US",),
        crime="8(2)(c)(i)-4",
        statuses={GroundKind.NATIONALITY: NOT},
    ),
    Case(
        "afghanistan-day-before-entry-into-force",
        "2003-04-30",
        OUT,
        "only on 2003-05-01",
        STATES,
        "Art 11(2), Art 126",
        territory="AF",
        nationals=("AF",),
        crime="8(2)(c)(i)-4",
    ),
    Case(
        "georgia-august-2008",
        "2008-08-08",
        IN,
        "Georgia (GE) has been a State Party since 2003-12-01",
        STATES,
        "Georgia in force 2003-12-01 (ABA, unverified); investigation authorised 2016",
        territory="GE",
        nationals=("RU",),
        crime="8(2)(b)(i)",
    ),
    Case(
        "jordan-first-day-of-the-statute",
        "2002-07-01",
        IN,
        "Jordan (JO) has been a State Party since 2002-07-01",
        STATES,
        "Art 126(1): Statute in force 2002-07-01",
        territory="JO",
        crime="7(1)(a)",
    ),
    Case(
        "jordan-day-before-the-statute",
        "2002-06-30",
        OUT,
        "2002-06-30 is earlier",
        "Art 11(1)",
        "Art 11(1)",
        territory="JO",
        crime="7(1)(a)",
    ),
    # --- Corrected and doubtful rows
    Case(
        "malawi-2005-corrected-date",
        "2005-01-01",
        IN,
        "Malawi (MW) has been a State Party since 2002-12-01",
        "pgaction.org/ilhr/rome-statute/malawi",
        "crosscheck §2: ratified 19 Sept 2002 (the ABA year 2011 is wrong)",
        territory="MW",
        crime="7(1)(a)",
    ),
    Case(
        "montenegro-doubtful-succession-date",
        "2006-08-01",
        DEP,
        "is in doubt",
        STATES,
        "crosscheck §2: 2006-06-03 unconfirmed; Art 126 gives 2007-01-01",
        territory="ME",
        crime="7(1)(a)",
    ),
    Case(
        "malaysia-accession-withdrawn",
        "2019-06-01",
        OUT,
        "withdrew it before it entered into force",
        STATES,
        "The Star 2019-05-16 (C.N.185.2019)",
        territory="MY",
        crime="7(1)(a)",
    ),
    Case(
        "venezuela-announced-withdrawal",
        "2025-12-20",
        IN,
        "remains a party (Art 127(1))",
        STATES,
        "crosscheck §4: vote 2025-12-11, no UN notification seen",
        territory="VE",
        crime="7(1)(h)",
    ),
    Case(
        "cote-divoire-declaration-unverified-scope",
        "2011-01-01",
        DEP,
        "Part of this record is unverified",
        "pr873",
        "ICC ASP pr873: declaration 2003-04-18, confirmed 2010-12-14",
        territory="CI",
        crime="7(1)(a)",
    ),
    Case(
        "cote-divoire-before-unverified-scope-start",
        "2002-08-01",
        DEP,
        "that start date is unverified",
        "pr873",
        "crosscheck §5: the 2003 declaration's start date (2002-09-19) is not verified",
        territory="CI",
        crime="7(1)(a)",
    ),
    Case(
        "cote-divoire-as-party",
        "2013-05-01",
        IN,
        "has been a State Party since 2013-05-01",
        "pr873",
        "ratification 2013-02-15 (corrected), in force 2013-05-01",
        territory="CI",
        crime="7(1)(a)",
    ),
    # --- Aggression (Arts 8 bis, 15 bis, 15 ter)
    Case(
        "aggression-by-non-party-national",
        "2022-02-24",
        OUT,
        "Art 15 bis(5)",
        "Art 15 bis(5)",
        "Art 15 bis(5): no jurisdiction over nationals of a non-party State (Russia)",
        territory="UA",
        nationals=("RU",),
        crime="8 bis",
        statuses={GroundKind.AGGRESSION: NOT},
    ),
    Case(
        "aggression-before-activation",
        "2018-07-16",
        OUT,
        "activated only from 2018-07-17",
        "ICC-ASP/16/Res.5",
        "ICC-ASP/16/Res.5: activation 2018-07-17",
        territory="LI",
        nationals=("LI",),
        crime="8 bis",
    ),
    Case(
        "aggression-accepting-party-on-activation-day",
        "2018-07-17",
        IN,
        "accepted RC/Res.6 on 2012-05-08",
        "asp.icc-cpi.int/crime-of-aggression",
        "Liechtenstein ratified 2012-05-08 (CICC)",
        territory="LI",
        nationals=("LI",),
        crime="8 bis",
    ),
    Case(
        "aggression-party-acceptance-unknown",
        "2019-01-01",
        DEP,
        "No acceptance of RC/Res.6",
        "crime-of-aggression",
        "UNTC XVIII-10-b list not available: acceptance cannot be checked",
        territory="FR",
        nationals=("FR",),
        crime="8 bis",
    ),
    # --- Amended war crimes (Art 121(5))
    Case(
        "amended-crime-state-did-not-ratify",
        "2015-06-01",
        OUT,
        "had not accepted RC/Res.5 in time",
        "XVIII-10-a",
        "UNTC XVIII-10-a participants: Afghanistan absent",
        territory="AF",
        nationals=("AF",),
        crime="8(2)(e)(xiii)",
        statuses={GroundKind.AMENDMENT: NOT},
    ),
    Case(
        "amended-crime-before-one-year-delay",
        "2016-11-02",
        OUT,
        "in force for it only from 2016-11-03",
        "XVIII-10-a",
        "UNTC XVIII-10-a: Georgia 3 Nov 2015; Art 121(5) one-year delay",
        territory="GE",
        nationals=("GE",),
        crime="8(2)(e)(xiv)",
    ),
    Case(
        "amended-crime-in-force-for-state",
        "2016-11-03",
        IN,
        "in force for it from 2016-11-03",
        "XVIII-10-a",
        "UNTC XVIII-10-a: Georgia 3 Nov 2015",
        territory="GE",
        nationals=("GE",),
        crime="8(2)(e)(xiv)",
    ),
    Case(
        "starvation-niac-norway",
        "2022-03-22",
        IN,
        "in force for it from 2022-03-22",
        "XVIII-10-g",
        "UNTC XVIII-10-g: Norway 22 Mar 2021",
        territory="NO",
        crime="8(2)(e)(xix)",
    ),
    Case(
        "starvation-niac-germany-not-accepted",
        "2021-06-01",
        OUT,
        "had not accepted ICC-ASP/18/Res.5 in time",
        "XVIII-10-g",
        "UNTC XVIII-10-g: Germany absent",
        territory="DE",
        crime="8(2)(e)(xix)",
    ),
    Case(
        "xray-fragments-list-unavailable",
        "2023-06-01",
        DEP,
        "cannot settle it",
        "XVIII-10-e",
        "UNTC XVIII-10-e not available",
        territory="DE",
        crime="8(2)(b)(xxviii)",
    ),
    Case(
        "amended-crime-through-declaration-only",
        "2022-03-01",
        DEP,
        "unsettled",
        "Art 121(5)",
        "Art 121(5) and Art 12(3): the applicability of amendments through a declaration is unsettled",
        territory="UA",
        nationals=("RU",),
        crime="8(2)(e)(xiii)",
    ),
]


def test_the_table_is_large_enough_and_names_are_unique() -> None:
    assert len(CASES) >= 30
    assert len({c.name for c in CASES}) == len(CASES)
    assert {c.verdict for c in CASES} == {IN, OUT, DEP}
    assert all(c.cite for c in CASES)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_real_situation(case: Case) -> None:
    answer = check_jurisdiction(
        date=case.date,
        territory=case.territory,
        element_territories=case.elements,
        nationalities=case.nationals,
        crime=case.crime,
    )
    assert answer.verdict is case.verdict, answer.summary
    reasons = " ".join(g.reason for g in answer.grounds)
    assert case.reason in reasons, reasons
    sources = " ".join(s for g in answer.grounds for s in g.sources)
    assert case.source in sources, sources
    by_kind = {g.kind: g.status for g in answer.grounds}
    for kind, status in case.statuses.items():
        assert by_kind.get(kind) is status, (kind, by_kind)
    # Every ground carries a reason and at least one source; the summary names the verdict's cause.
    assert all(g.reason and g.sources for g in answer.grounds)
    assert answer.summary.split(":")[0] in {
        "Within the Court's jurisdiction, on",
        "Outside the Court's jurisdiction",
        "Depends on",
    }
