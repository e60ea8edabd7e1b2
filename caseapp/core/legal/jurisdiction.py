"""The jurisdiction assistant: can the Court act on this conduct? Pure functions over shipped data.

An answer is WITHIN, OUTSIDE or DEPENDS, with every ground that led there. Grounds are of two kinds:
*bases* (any one suffices: territory, territory of an element of the crime, nationality of the
accused, Security Council referral; Arts 12(2), 12(3), 13(b)) and *conditions* (all must hold:
the temporal floor of Art 11, the amendment regimes of Art 121(5) and Arts 15 bis/ter, Art 124
declarations, crimes that cannot yet be committed, dates after the data date). Each ground has a
status, a reason in words and its sources, so the dossier and the GUI can show exactly why. The
qualifying rules (referral limits, the cross-border element test, former State Party territory,
Art 124) live in :mod:`caseapp.core.legal.conditions`; after the data date every answer "depends".

Only the preconditions are checked: admissibility (Art 17), gravity and the Prosecutor's
discretion are not.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from caseapp.core.errors import NotFoundError, ValidationError
from caseapp.core.legal import conditions
from caseapp.core.legal.aggression import aggression_ground
from caseapp.core.legal.consent import (
    Consent,
    GroundStatus,
    Via,
    accepted,
    amendment_accepted,
    as_party,
    name,
    worst,
)
from caseapp.core.legal.grounds import Ground, GroundKind
from caseapp.core.legal.ids import parse_crime_ref
from caseapp.core.legal.loader import load_catalogue
from caseapp.core.legal.model import Catalogue, Crime
from caseapp.core.legal.states import JurisdictionData, load_jurisdiction_data


class Verdict(enum.Enum):
    WITHIN = "within"
    OUTSIDE = "outside"
    DEPENDS = "depends"


@dataclass(frozen=True, slots=True)
class JurisdictionQuery:
    date: dt.date
    territory: str | None = None
    element_territories: tuple[str, ...] = ()
    nationalities: tuple[str, ...] = ()
    crime: str | None = None
    victim_state: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "date": self.date.isoformat(),
            "territory": self.territory,
            "element_territories": list(self.element_territories),
            "nationalities": list(self.nationalities),
            "crime": self.crime,
            "victim_state": self.victim_state,
        }


@dataclass(frozen=True, slots=True)
class JurisdictionAnswer:
    verdict: Verdict
    summary: str
    query: JurisdictionQuery
    crime_title: str | None
    grounds: tuple[Ground, ...]
    caveats: tuple[str, ...]
    data_as_of: dt.date

    @property
    def bases(self) -> tuple[Ground, ...]:
        return tuple(g for g in self.grounds if g.is_basis)

    @property
    def conditions(self) -> tuple[Ground, ...]:
        return tuple(g for g in self.grounds if not g.is_basis)

    def as_dict(self) -> dict[str, Any]:
        return {
            "verdict": self.verdict.value,
            "summary": self.summary,
            "query": self.query.as_dict(),
            "crime": {"id": self.query.crime, "title": self.crime_title} if self.query.crime else None,
            "grounds": [g.as_dict() for g in self.grounds],
            "caveats": list(self.caveats),
            "data_as_of": self.data_as_of.isoformat(),
        }


def parse_date(value: str | dt.date, data: JurisdictionData | None = None) -> dt.date:
    """A date of conduct: ISO ``YYYY-MM-DD``, not before the Statute was adopted (1998-07-17)."""
    data = data or load_jurisdiction_data()
    if isinstance(value, dt.date):
        day = value
    else:
        try:
            day = dt.date.fromisoformat(value.strip())
        except ValueError:
            raise ValidationError(f"'{value}' is not a date: write it as YYYY-MM-DD, e.g. 2016-12-13") from None
    if day < data.statute_adopted:
        raise ValidationError(
            f"date {day.isoformat()} is before the Rome Statute was adopted on {data.statute_adopted}: "
            "the Court can never have jurisdiction over it (Art 11(1), Art 24(1))"
        )
    return day


def resolve_crime(value: str, catalogue: Catalogue | None = None) -> tuple[str, tuple[Crime, ...]]:
    """Canonical reference and the crimes it names; errors name the bad value."""
    catalogue = catalogue or load_catalogue()
    ref = parse_crime_ref(value)
    crimes = catalogue.crimes_under(ref)
    if not crimes:
        raise NotFoundError(f"'{value}' is well formed but no such crime exists in the Rome Statute catalogue")
    if len({c.amendment for c in crimes}) > 1:
        raise ValidationError(
            f"'{value}' covers crimes with different jurisdiction regimes (original and amended); name one crime"
        )
    return ref, crimes


def check_jurisdiction(
    *,
    date: str | dt.date,
    territory: str | None = None,
    element_territories: Sequence[str] = (),
    nationalities: Sequence[str] = (),
    crime: str | None = None,
    victim_state: str | None = None,
    data: JurisdictionData | None = None,
    catalogue: Catalogue | None = None,
) -> JurisdictionAnswer:
    """Validate the inputs (errors name the bad value) and assess the preconditions to jurisdiction.

    ``victim_state`` is the State against which an act of aggression was committed (crime 8 bis only)."""
    data = data or load_jurisdiction_data()
    catalogue = catalogue or load_catalogue()
    day = parse_date(date, data)
    terr = data.country(territory).iso2 if territory else None
    elems = tuple(dict.fromkeys(data.country(c).iso2 for c in element_territories))
    nats = tuple(dict.fromkeys(data.country(c).iso2 for c in nationalities))
    if terr is None and not elems and not nats:
        raise ValidationError("give at least a territory or a nationality of the accused")
    crimes: tuple[Crime, ...] = ()
    ref = None
    if crime:
        ref, crimes = resolve_crime(crime, catalogue)
    victim = data.country(victim_state).iso2 if victim_state else None
    if victim is not None and not (crimes and crimes[0].amendment == "RC/Res.6"):
        raise ValidationError(
            "a victim State is asked for only for the crime of aggression: "
            "give --crime '8 bis' or drop the victim State"
        )
    query = JurisdictionQuery(day, terr, elems, nats, ref, victim)
    return assess(query, crimes, data)


def assess(query: JurisdictionQuery, crimes: Sequence[Crime], data: JurisdictionData) -> JurisdictionAnswer:
    """The answer for an already validated query."""
    day = query.date
    grounds: list[Ground] = [_temporal(data, day)]
    grounds.extend(_bases(query, crimes, data))
    amendment_id = crimes[0].amendment if crimes else None
    if amendment_id == "RC/Res.6":
        grounds.append(
            aggression_ground(
                data,
                day,
                _involved(query),
                nationalities=query.nationalities,
                victim_state=query.victim_state,
                live_referral=_live_referral(grounds),
            )
        )
    elif amendment_id:
        grounds.append(_amendment(amendment_id, query, data, grounds))
    places = [p for p in (query.territory, *query.element_territories) if p]
    if crimes and crimes[0].article == "8":
        grounds.extend(conditions.article_124(data, day, places, query.nationalities, referral=_live_referral(grounds)))
    for extra in (conditions.inoperative(crimes, data), conditions.after_data_date(data, day)):
        if extra is not None:
            grounds.append(extra)
    verdict = _verdict(grounds)
    caveats = [
        "Only the preconditions to jurisdiction are checked; admissibility (Art 17), gravity and the "
        "Prosecutor's discretion are not.",
        f"Based on the data shipped with caseapp (as of {data.as_of}); dates marked unverified come from "
        "secondary sources: check the UN Treaty Collection before relying on them.",
    ]
    if not crimes:
        caveats.append("No crime was given: the amendment regimes (Art 121(5), Arts 15 bis/ter) were not checked.")
        warning = conditions.article_124_caveat(data, day, _involved(query))
        if warning:
            caveats.append(warning)
    if amendment_id == "RC/Res.6":
        caveats.append(
            "Declarations under Art 15 bis(4) (States opting out of aggression jurisdiction) are not in the "
            "shipped data."
        )
    title = (
        crimes[0].title.en if len(crimes) == 1 else (f"{len(crimes)} crimes under {query.crime}" if crimes else None)
    )
    return JurisdictionAnswer(
        verdict=verdict,
        summary=_summary(verdict, grounds),
        query=query,
        crime_title=title,
        grounds=tuple(grounds),
        caveats=tuple(caveats),
        data_as_of=data.as_of,
    )


def _temporal(data: JurisdictionData, day: dt.date) -> Ground:
    floor = data.statute_in_force
    if day < floor:
        return Ground(
            GroundKind.TEMPORAL,
            GroundStatus.NOT_MET,
            "Before the Statute entered into force",
            f"The Court has jurisdiction only over crimes committed after the Statute entered into force on {floor}; "
            f"{day} is earlier (Art 11(1), Art 126(1)).",
            ("Rome Statute Art 11(1)", "Rome Statute Art 126(1)"),
        )
    return Ground(
        GroundKind.TEMPORAL,
        GroundStatus.MET,
        "After the Statute entered into force",
        f"{day} is on or after {floor}, when the Statute entered into force (Art 11(1)).",
        ("Rome Statute Art 11(1)",),
    )


def _from_consent(
    *, kind: GroundKind, iso2: str, title: str, prefix: str, consent: Consent, extra: Iterable[str] = ()
) -> Ground:
    return Ground(kind, consent.status, title, f"{prefix} {consent.reason}", (*extra, *consent.sources), iso2)


def _bases(query: JurisdictionQuery, crimes: Sequence[Crime], data: JurisdictionData) -> list[Ground]:
    day = query.date
    out: list[Ground] = []
    if query.territory:
        iso = query.territory
        out.append(
            _from_consent(
                kind=GroundKind.TERRITORY,
                iso2=iso,
                title=f"Territory: {name(data, iso)}",
                prefix=f"Art 12(2)(a): the conduct occurred on the territory of {name(data, iso)}.",
                consent=_territorial(data, iso, day),
                extra=("Rome Statute Art 12(2)(a)",),
            )
        )
    crossing = conditions.cross_border(crimes, data)
    for iso in query.element_territories:
        consent = _territorial(data, iso, day)
        if consent.status is GroundStatus.MET and not crossing:
            consent = Consent(
                GroundStatus.UNCERTAIN,
                f"{consent.reason} {conditions.element_doubt(crimes, data)}",
                consent.sources,
                consent.via,
            )
        out.append(
            _from_consent(
                kind=GroundKind.ELEMENT_TERRITORY,
                iso2=iso,
                title=f"Element of the crime on the territory of {name(data, iso)}",
                prefix=f"Art 12(2)(a) as interpreted in {data.nexus_decision}: it suffices that at least one "
                f"element of the crime, or part of it, occurred on the territory of {name(data, iso)} (e.g. the "
                "crossing of the border in a deportation).",
                consent=consent,
                extra=("Rome Statute Art 12(2)(a)", data.nexus_decision, *data.nexus_sources),
            )
        )
    for iso in query.nationalities:
        out.append(
            _from_consent(
                kind=GroundKind.NATIONALITY,
                iso2=iso,
                title=f"Nationality of the accused: {name(data, iso)}",
                prefix=f"Art 12(2)(b): the accused is a national of {name(data, iso)}.",
                consent=accepted(data, iso, day, territorial=False),
                extra=("Rome Statute Art 12(2)(b)",),
            )
        )
    places = [p for p in (query.territory, *query.element_territories) if p]
    out.extend(conditions.referral_grounds(data, day, places, query.nationalities))
    return out


def _territorial(data: JurisdictionData, iso2: str, day: dt.date) -> Consent:
    """Territorial consent, including territory that belonged to a State Party at the time."""
    consent = accepted(data, iso2, day, territorial=True)
    if consent.status is GroundStatus.MET:
        return consent
    via = conditions.predecessor(data, iso2, day)
    if via is not None and worst(via.status, consent.status) is consent.status:
        return Consent(via.status, f"{consent.reason} {via.reason}", (*consent.sources, *via.sources), via.via)
    return consent


def _involved(query: JurisdictionQuery) -> list[str]:
    return list(
        dict.fromkeys(
            [*query.nationalities, *([query.territory] if query.territory else []), *query.element_territories]
        )
    )


def _amendment(amendment_id: str, query: JurisdictionQuery, data: JurisdictionData, grounds: list[Ground]) -> Ground:
    amendment = data.amendment(amendment_id)
    day = query.date
    statuses: list[GroundStatus] = []
    lines: list[str] = []
    referral = _live_referral(grounds)
    for iso in _involved(query):
        if as_party(data, iso, day).via is Via.PARTY:
            consent = amendment_accepted(amendment, data, iso, day)
            statuses.append(consent.status)
            lines.append(consent.reason)
            continue
        who = name(data, iso)
        if referral or _live_territorial(grounds, iso):
            how = "a Security Council referral" if referral else "an Art 12(3) declaration or another State's territory"
            statuses.append(GroundStatus.UNCERTAIN)
            lines.append(
                f"{who} is not a State Party on {day}; jurisdiction rests on {how}. Whether an amendment adopted "
                "under Art 121(5) reaches the crime through it is unsettled."
            )
        else:
            statuses.append(GroundStatus.NOT_MET)
            lines.append(
                f"{who} is not a State Party on {day} and has not accepted {amendment.id}: the Court shall not "
                "exercise jurisdiction over the amended crime when committed by its nationals or on its territory."
            )
    if not query.nationalities:
        statuses.append(GroundStatus.UNCERTAIN)
        lines.append(
            "The nationality of the accused is not given: the amended crime is excluded when committed by nationals "
            "of a State that has not accepted the amendment, whether a State Party or a non-party State."
        )
    status = worst(*statuses) if statuses else GroundStatus.MET
    head = (
        f"{amendment.title} ({amendment.id}) binds only States Parties that accepted it, one year after their "
        "deposit; the Court shall not exercise jurisdiction over it when committed by nationals of, or on the "
        f"territory of, a State Party that has not accepted it (Art 121(5)). {data.amendments_non_parties.text}"
    )
    return Ground(
        GroundKind.AMENDMENT,
        status,
        f"Amended crime: {amendment.id}",
        " ".join([head, *lines]),
        (*amendment.sources, "Rome Statute Art 121(5)", *data.amendments_non_parties.sources),
    )


def _live_referral(grounds: Sequence[Ground]) -> bool:
    return any(g.kind is GroundKind.REFERRAL and g.status is not GroundStatus.NOT_MET for g in grounds)


def _live_territorial(grounds: Sequence[Ground], iso2: str) -> bool:
    kinds = (GroundKind.TERRITORY, GroundKind.ELEMENT_TERRITORY)
    return any(g.kind in kinds and g.state == iso2 and g.status is not GroundStatus.NOT_MET for g in grounds)


def _verdict(grounds: Sequence[Ground]) -> Verdict:
    if any(g.kind is GroundKind.DATA_DATE for g in grounds):
        return Verdict.DEPENDS  # after the data date, any answer may have changed
    conds = [g.status for g in grounds if not g.is_basis]
    bases = [g.status for g in grounds if g.is_basis]
    if GroundStatus.NOT_MET in conds:
        return Verdict.OUTSIDE
    if GroundStatus.MET in bases:
        return Verdict.DEPENDS if GroundStatus.UNCERTAIN in conds else Verdict.WITHIN
    if GroundStatus.UNCERTAIN in bases:
        return Verdict.DEPENDS
    return Verdict.OUTSIDE


def _summary(verdict: Verdict, grounds: Sequence[Ground]) -> str:
    if verdict is Verdict.WITHIN:
        met = [g.title for g in grounds if g.is_basis and g.status is GroundStatus.MET]
        return "Within the Court's jurisdiction, on: " + "; ".join(met) + "."
    if verdict is Verdict.OUTSIDE:
        failed = [g.title for g in grounds if not g.is_basis and g.status is GroundStatus.NOT_MET]
        if failed:
            return "Outside the Court's jurisdiction: " + "; ".join(failed) + "."
        return (
            "Outside the Court's jurisdiction: no State with jurisdiction accepted it on that date "
            "and no referral covers it."
        )
    open_ = [g.title for g in grounds if g.status is GroundStatus.UNCERTAIN]
    return "Depends on: " + "; ".join(open_) + "."
