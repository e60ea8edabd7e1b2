"""The crime of aggression (Art 8 bis): the conditions of Arts 15 bis and 15 ter for one query.

On a State referral or a proprio motu investigation the Court shall not exercise jurisdiction over
the crime of aggression when committed by nationals or on the territory of a non-party State
(Art 15 bis(5)), nor of a State Party that has not accepted the amendments (ICC-ASP/16/Res.5 para 2).
The act of aggression is committed against a victim State, on its territory: whether the Court can
act therefore turns on the victim State as well as on the aggressor's nationals, so the answer asks
for it. On a Security Council referral (Art 15 ter) these consent limits do not apply.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from caseapp.core.legal.consent import GroundStatus, Via, amendment_accepted, as_party, best, name, worst
from caseapp.core.legal.grounds import Ground, GroundKind
from caseapp.core.legal.states import JurisdictionData

TITLE = "Crime of aggression: Arts 15 bis and 15 ter"
NO_VICTIM = (
    "The victim State is not given (name it with --victim-state): the act of aggression is committed against "
    "another State and on its territory, and under Art 15 bis(5) and ICC-ASP/16/Res.5 para 2 the Court shall "
    "not exercise jurisdiction (on a State referral or proprio motu) when the crime is committed on the territory "
    "of a State that is not a party, or of a State Party that has not accepted the amendments. Whether the Court "
    "can act therefore depends on the victim State."
)


def aggression_ground(
    data: JurisdictionData,
    day: dt.date,
    involved: Sequence[str],
    *,
    nationalities: Sequence[str],
    victim_state: str | None,
    live_referral: bool,
) -> Ground:
    """The AGGRESSION condition: activation date, then the consent of every State involved and of the victim."""
    amendment = data.amendment("RC/Res.6")
    sources = (data.aggression_source, "Rome Statute Art 15 bis(5)", "Rome Statute Art 15 ter", *amendment.sources)
    if day < data.aggression_activation:
        return Ground(
            GroundKind.AGGRESSION,
            GroundStatus.NOT_MET,
            TITLE,
            f"Jurisdiction over the crime of aggression was activated only from {data.aggression_activation} "
            f"(ICC-ASP/16/Res.5); {day} is earlier.",
            sources,
        )
    statuses: list[GroundStatus] = []
    lines: list[str] = []
    if not nationalities:
        statuses.append(GroundStatus.UNCERTAIN)
        lines.append(
            "The nationality of the accused is not given: Art 15 bis(5) excludes nationals of non-party States."
        )
    if victim_state is None:
        statuses.append(GroundStatus.UNCERTAIN)
        lines.append(NO_VICTIM)
    states = list(dict.fromkeys([*involved, *([victim_state] if victim_state else [])]))
    for iso in states:
        role = " (the victim State)" if iso == victim_state else ""
        party = as_party(data, iso, day)
        if party.via is not Via.PARTY:
            statuses.append(GroundStatus.NOT_MET)
            lines.append(
                f"{name(data, iso)}{role} is not a State Party on {day}: in respect of a State that is not a party, "
                "the Court shall not exercise its jurisdiction over the crime of aggression when committed by that "
                "State's nationals or on its territory (Art 15 bis(5))."
            )
            continue
        consent = amendment_accepted(amendment, data, iso, day)
        statuses.append(consent.status)
        lines.append(
            consent.reason.replace(name(data, iso), name(data, iso) + role, 1)
            + " (ICC-ASP/16/Res.5 para 2: no jurisdiction for States Parties that have not accepted.)"
        )
    status = worst(*statuses) if statuses else GroundStatus.MET
    if live_referral:
        status = best(GroundStatus.UNCERTAIN, status)
        lines = [
            "The situation is before the Court on a Security Council referral (Art 13(b)). The consent limits of "
            "Art 15 bis(4) and (5) govern only State referrals and proprio motu investigations (Art 15 bis(1); "
            "ICC-ASP/16/Res.5 para 2); on a referral Art 15 ter applies, which has no such limit. Whether this "
            "referral, adopted before the activation and not naming aggression, reaches the crime of aggression "
            "is unsettled. Without the referral:",
            *lines,
        ]
        sources = (*sources, "Rome Statute Art 15 bis(1)")
    return Ground(
        GroundKind.AGGRESSION, status, TITLE, " ".join(lines) or "The conditions of Art 15 bis are met.", sources
    )
