"""Grounds that qualify the basic Art 12 / Art 13(b) analysis, each a pure function over the shipped data.

Art 124 declarations (Colombia, France, Ukraine), the geographic and personal limits of Security
Council referrals (S/RES/1593 para 1 and para 6, S/RES/1970 para 6), which crimes the "element on a
State Party's territory" test has been applied to, territory that belonged to a State Party at the
time (Montenegro, Kosovo), crimes that cannot yet be committed (8(2)(b)(xx)), and dates after the
data date.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from caseapp.core.legal.consent import Consent, GroundStatus, Via, as_party, name
from caseapp.core.legal.grounds import Ground, GroundKind
from caseapp.core.legal.model import Crime
from caseapp.core.legal.states import JurisdictionData

REFERRAL_124 = (
    " But the situation is before the Court on a Security Council referral (Art 13(b)), and a referral does not "
    "rest on a State's acceptance of jurisdiction, which is all an Art 124 declaration withholds; whether the "
    "declaration limits the Court on a referral is not settled, so it cannot exclude the crime here."
)


def article_124(
    data: JurisdictionData, day: dt.date, places: Sequence[str], nationalities: Sequence[str], *, referral: bool = False
) -> list[Ground]:
    """A condition ground for every Art 124 declaration that reaches the conduct (war crimes only).

    With a live Security Council referral the ground is at most UNCERTAIN: the referral does not rest on the
    declaring State's acceptance."""
    out: list[Ground] = []
    for decl in data.art124:
        state = decl.status_on(day)
        if state is None:
            continue
        by_national = decl.state in nationalities
        on_territory = decl.scope == "nationals-or-territory" and decl.state in places
        if not (by_national or on_territory):
            continue
        how = "by its nationals" if by_national else "on its territory"
        status = GroundStatus.NOT_MET if state == "in-force" else GroundStatus.UNCERTAIN
        doubt = (
            f" It is not settled whether the declaration still applied on {day} ({decl.verification})."
            if status is GroundStatus.UNCERTAIN
            else ""
        )
        if referral:
            status = GroundStatus.UNCERTAIN
            doubt += REFERRAL_124
        out.append(
            Ground(
                GroundKind.ARTICLE_124,
                status,
                f"Art 124 declaration by {name(data, decl.state)}",
                f"{decl.text} The conduct is alleged {how}.{doubt} Crimes against humanity and genocide are "
                "not affected.",
                (*decl.sources, "Rome Statute Art 124", *(("Rome Statute Art 13(b)",) if referral else ())),
                decl.state,
            )
        )
    return out


def article_124_caveat(data: JurisdictionData, day: dt.date, involved: Sequence[str]) -> str | None:
    """When no crime is given: warn that an Art 124 declaration would exclude war crimes."""
    hits = [d for d in data.art124 if d.state in involved and d.status_on(day) is not None]
    if not hits:
        return None
    who = ", ".join(name(data, d.state) for d in hits)
    return (
        f"An Art 124 declaration by {who} applies on {day}: war crimes (Art 8) may be outside the Court's "
        "jurisdiction; give the crime to check."
    )


def inoperative(crimes: Sequence[Crime], data: JurisdictionData) -> Ground | None:
    """A NOT_MET condition for a crime that cannot yet be committed (8(2)(b)(xx): no annex adopted)."""
    notes = [data.inoperative_crimes[c.id] for c in crimes if c.id in data.inoperative_crimes]
    if not notes:
        return None
    return Ground(
        GroundKind.MATERIAL,
        GroundStatus.NOT_MET,
        "Crime not yet operative: no annex of prohibited weapons adopted",
        notes[0].text,
        notes[0].sources,
    )


def after_data_date(data: JurisdictionData, day: dt.date) -> Ground | None:
    """An UNCERTAIN condition for a date after the data's as-of date."""
    if day <= data.as_of:
        return None
    note = data.after_data_date
    return Ground(
        GroundKind.DATA_DATE,
        GroundStatus.UNCERTAIN,
        "Date after the shipped data",
        f"{day} is after the date of the shipped data ({data.as_of}). {note.text} Check the UN Treaty "
        "Collection and the Court's records for the position on that date.",
        note.sources,
    )


def predecessor(data: JurisdictionData, iso2: str, day: dt.date) -> Consent | None:
    """Consent through the State Party the territory belonged to (or may have belonged to) on ``day``."""
    for rec in data.predecessors:
        if rec.territory != iso2 or not rec.covers(day):
            continue
        party = as_party(data, rec.state, day)
        if party.status is GroundStatus.NOT_MET:
            continue
        status = GroundStatus.MET if rec.settled and party.status is GroundStatus.MET else GroundStatus.UNCERTAIN
        return Consent(status, rec.text, (*rec.sources, *party.sources), Via.PARTY)
    return None


def cross_border(crimes: Sequence[Crime], data: JurisdictionData) -> bool:
    """Whether every named crime is one the "element on another territory" test has been applied to."""
    return bool(crimes) and all(c.id in data.cross_border_crimes for c in crimes)


def element_doubt(crimes: Sequence[Crime], data: JurisdictionData) -> str:
    """The reason why an element on a State Party's territory does not settle jurisdiction for these crimes."""
    listed = ", ".join(sorted(data.cross_border_crimes))
    what = f"for {', '.join(c.id for c in crimes)}" if crimes else "when no crime is named"
    return (
        f"But {what} it is not settled that an element of the crime can occur on another territory: "
        f"{data.cross_border_note} Crimes the test has been applied to: {listed}. Whether it extends to "
        "this crime depends on its elements and the facts."
    )


def referral_grounds(
    data: JurisdictionData, day: dt.date, places: Sequence[str], nationalities: Sequence[str]
) -> list[Ground]:
    """Art 13(b) bases for every Security Council referral whose territory is involved."""
    out: list[Ground] = []
    for ref in data.referrals:
        if ref.territory not in places:
            continue
        notes: list[str] = []
        if day < ref.start:
            status = GroundStatus.NOT_MET
            text = f"{ref.resolution} covers the situation in {ref.situation} only from {ref.start}."
        else:
            status = GroundStatus.MET
            text = f"{ref.resolution} referred the situation in {ref.situation} from {ref.start}."
            if ref.partial_territory:
                status = GroundStatus.UNCERTAIN
                notes.append(f"Depends on whether the conduct is part of that situation: {ref.partial_territory}")
            exempt = [n for n in nationalities if n != ref.territory and as_party(data, n, day).via is not Via.PARTY]
            if ref.carve_out and exempt:
                status = GroundStatus.UNCERTAIN
                who = ", ".join(name(data, n) for n in exempt)
                notes.append(
                    f"The accused is a national of {who}, a State outside it not party to the Statute. {ref.carve_out}"
                )
        if status is GroundStatus.MET:
            notes.append(ref.limits)
        out.append(
            Ground(
                GroundKind.REFERRAL,
                status,
                f"Security Council referral: {ref.resolution}",
                " ".join([f"Art 13(b): {text} Under a referral the State consent of Art 12(2) is not needed.", *notes]),
                (*ref.sources, "Rome Statute Art 13(b)"),
                ref.territory,
            )
        )
    return out
