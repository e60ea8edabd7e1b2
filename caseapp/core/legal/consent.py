"""Whether one State had accepted the Court's jurisdiction on one day, and one amendment, with reasons.

Pure functions over :class:`~caseapp.core.legal.states.JurisdictionData`. Each returns a
:class:`Consent`: a status (met / not met / uncertain), the reason in words, the sources behind it,
and how the acceptance came about (as a State Party, by an Art 12(3) declaration, or not at all).
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass

from caseapp.core.legal.states import Amendment, Declaration, JurisdictionData, StateParty


class GroundStatus(enum.Enum):
    MET = "met"
    NOT_MET = "not met"
    UNCERTAIN = "uncertain"


_RANK = {GroundStatus.MET: 2, GroundStatus.UNCERTAIN: 1, GroundStatus.NOT_MET: 0}


def best(*statuses: GroundStatus) -> GroundStatus:
    return max(statuses, key=_RANK.__getitem__)


def worst(*statuses: GroundStatus) -> GroundStatus:
    return min(statuses, key=_RANK.__getitem__)


class Via(enum.Enum):
    PARTY = "party"
    DECLARATION = "declaration"
    NONE = "none"


@dataclass(frozen=True, slots=True)
class Consent:
    status: GroundStatus
    reason: str
    sources: tuple[str, ...]
    via: Via


STATES_TABLE = "caseapp States Parties table (resources/legal/states-parties.csv)"


def name(data: JurisdictionData, iso2: str) -> str:
    country = data.countries.get(iso2)
    return f"{country.name} ({iso2})" if country else iso2


def _party_sources(party: StateParty) -> tuple[str, ...]:
    dates = f"{STATES_TABLE}: entry into force {party.start}, deposit {party.deposit_date}, dates {party.date_status}"
    out = [dates + (f" ({party.date_sources})" if party.date_sources else ""), "Rome Statute Art 126"]
    if party.withdrawal_sources:
        out.append(f"withdrawal: {party.withdrawal_sources}; Rome Statute Art 127")
    return tuple(out)


def as_party(data: JurisdictionData, iso2: str, day: dt.date) -> Consent:
    """Consent by being a State Party on ``day`` (entry into force per Art 126, withdrawal per Art 127)."""
    who = name(data, iso2)
    party = data.parties.get(iso2)
    if party is None:
        return Consent(GroundStatus.NOT_MET, f"{who} has never been a State Party.", (STATES_TABLE,), Via.NONE)
    outside = _outside_interval(who, party, day)
    if outside is not None:
        return outside
    announced = data.announced_withdrawals.get(iso2)
    if announced is not None and day >= announced.earliest_effect:
        return Consent(
            GroundStatus.UNCERTAIN,
            f"{announced.text} A withdrawal takes effect one year after the notification (Art 127(1)); if {who} "
            f"notified it when announcing it, it would be outside from {announced.earliest_effect}, so {day} cannot "
            "be settled from the shipped data.",
            (*_party_sources(party), *announced.sources),
            Via.PARTY,
        )
    return _inside_interval(who, party, day)


def _outside_interval(who: str, party: StateParty, day: dt.date) -> Consent | None:
    """The answer when ``day`` is outside (or at the doubtful edge of) the party's interval; else None."""
    sources = _party_sources(party)
    if party.start is None:
        return Consent(
            GroundStatus.NOT_MET,
            f"{who} deposited an instrument on {party.deposit_date} but withdrew it before it entered into force; "
            "it has never been a State Party.",
            sources,
            Via.NONE,
        )
    window = party.uncertain_window()
    if window and window[0] <= day < window[1]:
        return Consent(
            GroundStatus.UNCERTAIN,
            f"The date on which the Statute entered into force for {who} is in doubt: the table gives "
            f"{party.start}, another reading gives {party.eif_alternative}; {day} falls in between. "
            f"{party.notes}".strip(),
            sources,
            Via.PARTY,
        )
    if day < party.start:
        return Consent(
            GroundStatus.NOT_MET,
            f"The Statute entered into force for {who} only on {party.start} (Art 11(2), Art 126); {day} is earlier.",
            sources,
            Via.NONE,
        )
    if party.end is not None and day >= party.end:
        return Consent(
            GroundStatus.NOT_MET,
            f"{who}'s withdrawal took effect on {party.end} (Art 127(1)); it was a State Party from {party.start} "
            f"until {party.end - dt.timedelta(days=1)}.",
            sources,
            Via.NONE,
        )
    if party.pending_end is not None and day >= party.pending_end:
        return Consent(
            GroundStatus.UNCERTAIN,
            f"{who} notified its withdrawal on {party.withdrawal_notified}, to take effect on {party.pending_end}; "
            "a revocation of that notice is reported but not confirmed at the depositary (UNTC).",
            sources,
            Via.PARTY,
        )
    return None


def _inside_interval(who: str, party: StateParty, day: dt.date) -> Consent:
    reason = f"{who} has been a State Party since {party.start} (entry into force, Art 126)"
    if party.end is not None:
        reason += (
            f"; its withdrawal took effect only on {party.end}, and crimes committed while it was a party "
            "stay within the Court's jurisdiction (Art 127(2))"
        )
    elif party.withdrawal_state == "announced":
        reason += (
            "; a withdrawal was announced but no notification to the UN Secretary-General has been seen, "
            "so it remains a party (Art 127(1))"
        )
    if party.date_status in ("unverified", "conflict"):
        reason += f"; note: its dates are {party.date_status} in the shipped table"
    return Consent(GroundStatus.MET, reason + ".", _party_sources(party), Via.PARTY)


def _by_declaration(data: JurisdictionData, iso2: str, day: dt.date) -> tuple[Consent | None, list[str]]:
    who = name(data, iso2)
    found: Consent | None = None
    notes: list[str] = []
    for decl in data.declarations:
        if decl.state != iso2:
            continue
        if not decl.covers(day):
            if decl.effective and not decl.verified and data.statute_in_force <= day < decl.start:
                doubtful = Consent(
                    GroundStatus.UNCERTAIN,
                    f"{who} lodged an Art 12(3) declaration on {decl.lodged}; the shipped record gives its scope "
                    f"from {decl.start}, but that start date is unverified, so {day} may be covered.",
                    (*decl.sources, "Rome Statute Art 12(3)"),
                    Via.DECLARATION,
                )
                found = found if found is not None and found.status is GroundStatus.MET else doubtful
                continue
            notes.append(_declaration_miss(decl, day))
            continue
        if not decl.effective:
            notes.append(
                f"The Art 12(3) declaration lodged on {decl.lodged} did not take effect: {decl.why_not_effective}"
            )
            continue
        status = GroundStatus.MET if decl.verified else GroundStatus.UNCERTAIN
        text = (
            f"{who} accepted the Court's jurisdiction by an Art 12(3) declaration lodged on {decl.lodged}: "
            f"{decl.scope}."
        )
        if not decl.verified:
            text += " Part of this record is unverified."
        candidate = Consent(status, text, (*decl.sources, "Rome Statute Art 12(3), Art 11(2)"), Via.DECLARATION)
        if found is None or _RANK[candidate.status] > _RANK[found.status]:
            found = candidate
    return found, notes


def _declaration_miss(decl: Declaration, day: dt.date) -> str:
    end = f" to {decl.end}" if decl.end else " onwards"
    return f"The Art 12(3) declaration lodged on {decl.lodged} covers {decl.start}{end}, not {day}."


def accepted(data: JurisdictionData, iso2: str, day: dt.date, *, territorial: bool) -> Consent:
    """Consent of ``iso2`` on ``day``: as a State Party or, for territorial grounds, by an Art 12(3) declaration."""
    party = as_party(data, iso2, day)
    if party.status is GroundStatus.MET:
        return party
    declared, notes = _by_declaration(data, iso2, day) if territorial else (None, [])
    if declared is not None and _RANK[declared.status] > _RANK[party.status]:
        return declared
    extra = " ".join(notes)
    if party.status is GroundStatus.NOT_MET and territorial and not notes:
        extra = "No Art 12(3) declaration by it is recorded."
    sources = party.sources + tuple(s for decl in data.declarations if decl.state == iso2 for s in decl.sources)
    return Consent(party.status, f"{party.reason} {extra}".strip(), tuple(dict.fromkeys(sources)), party.via)


def amendment_accepted(amendment: Amendment, data: JurisdictionData, iso2: str, day: dt.date) -> Consent:
    """Whether the amendment was in force for ``iso2`` on ``day`` (Art 121(5): one year after its deposit)."""
    who = name(data, iso2)
    sources = amendment.sources
    acc = amendment.acceptances.get(iso2)
    if acc is not None:
        if acc.in_force <= day:
            return Consent(
                GroundStatus.MET,
                f"{who} accepted {amendment.id} on {acc.deposited}; in force for it from {acc.in_force} (Art 121(5)).",
                (acc.source, "Rome Statute Art 121(5)"),
                Via.PARTY,
            )
        return Consent(
            GroundStatus.NOT_MET,
            f"{who} accepted {amendment.id} on {acc.deposited}, but it is in force for it only from {acc.in_force} "
            f"(one year later, Art 121(5)); {day} is earlier.",
            (acc.source, "Rome Statute Art 121(5)"),
            Via.NONE,
        )
    until = amendment.decisive_until
    if until is not None and day < until:
        return Consent(
            GroundStatus.NOT_MET,
            f"{who} had not accepted {amendment.id} in time: it is not in the depositary's list of participants "
            f"({amendment.snapshot_note}), and any later acceptance could not be in force before {until}.",
            (*sources, "Rome Statute Art 121(5)"),
            Via.NONE,
        )
    return Consent(
        GroundStatus.UNCERTAIN,
        f"No acceptance of {amendment.id} by {who} is recorded, but the shipped list cannot settle it for {day}: "
        f"{amendment.snapshot_note}",
        (*sources, "Rome Statute Art 121(5)"),
        Via.NONE,
    )
