"""The jurisdiction assistant: can the Court act on this conduct? Pure functions over shipped data.

An answer is WITHIN, OUTSIDE or DEPENDS, with every ground that led there. Grounds are of two kinds:
*bases* (any one suffices: territory, territory of an element of the crime, nationality of the
accused, Security Council referral; Arts 12(2), 12(3), 13(b)) and *conditions* (all must hold:
the temporal floor of Art 11, the amendment regimes of Art 121(5) and Arts 15 bis/ter, reported
Art 124 declarations). Each ground has a status, a reason in words and its sources, so the
dossier and the GUI can show exactly why.

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
from caseapp.core.legal.ids import parse_crime_ref
from caseapp.core.legal.loader import load_catalogue
from caseapp.core.legal.model import Catalogue, Crime
from caseapp.core.legal.states import JurisdictionData, load_jurisdiction_data


class Verdict(enum.Enum):
    WITHIN = "within"
    OUTSIDE = "outside"
    DEPENDS = "depends"


class GroundKind(enum.Enum):
    TEMPORAL = "temporal"
    TERRITORY = "territory"
    ELEMENT_TERRITORY = "element-territory"
    NATIONALITY = "nationality"
    REFERRAL = "security-council-referral"
    AMENDMENT = "amendment"
    AGGRESSION = "aggression"
    ARTICLE_124 = "article-124"


BASES = frozenset({GroundKind.TERRITORY, GroundKind.ELEMENT_TERRITORY, GroundKind.NATIONALITY, GroundKind.REFERRAL})


@dataclass(frozen=True, slots=True)
class Ground:
    kind: GroundKind
    status: GroundStatus
    title: str
    reason: str
    sources: tuple[str, ...]
    state: str | None = None

    @property
    def is_basis(self) -> bool:
        return self.kind in BASES

    def as_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind.value,
            "role": "basis" if self.is_basis else "condition",
            "status": self.status.value,
            "state": self.state,
            "title": self.title,
            "reason": self.reason,
            "sources": list(self.sources),
        }


@dataclass(frozen=True, slots=True)
class JurisdictionQuery:
    date: dt.date
    territory: str | None = None
    element_territories: tuple[str, ...] = ()
    nationalities: tuple[str, ...] = ()
    crime: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "date": self.date.isoformat(),
            "territory": self.territory,
            "element_territories": list(self.element_territories),
            "nationalities": list(self.nationalities),
            "crime": self.crime,
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
    data: JurisdictionData | None = None,
    catalogue: Catalogue | None = None,
) -> JurisdictionAnswer:
    """Validate the inputs (errors name the bad value) and assess the preconditions to jurisdiction."""
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
    query = JurisdictionQuery(day, terr, elems, nats, ref)
    return assess(query, crimes, data)


def assess(query: JurisdictionQuery, crimes: Sequence[Crime], data: JurisdictionData) -> JurisdictionAnswer:
    """The answer for an already validated query."""
    day = query.date
    grounds: list[Ground] = [_temporal(data, day)]
    grounds.extend(_bases(query, data))
    amendment_id = crimes[0].amendment if crimes else None
    if amendment_id == "RC/Res.6":
        grounds.append(_aggression(query, data, grounds))
    elif amendment_id:
        grounds.append(_amendment(amendment_id, query, data, grounds))
    if crimes and crimes[0].article == "8":
        grounds.extend(_article_124(query, data))
    verdict = _verdict(grounds)
    caveats = [
        "Only the preconditions to jurisdiction are checked; admissibility (Art 17), gravity and the "
        "Prosecutor's discretion are not.",
        f"Based on the data shipped with caseapp (as of {data.as_of}); dates marked unverified come from "
        "secondary sources: check the UN Treaty Collection before relying on them.",
    ]
    if not crimes:
        caveats.append("No crime was given: the amendment regimes (Art 121(5), Arts 15 bis/ter) were not checked.")
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


def _bases(query: JurisdictionQuery, data: JurisdictionData) -> list[Ground]:
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
                consent=accepted(data, iso, day, territorial=True),
                extra=("Rome Statute Art 12(2)(a)",),
            )
        )
    for iso in query.element_territories:
        out.append(
            _from_consent(
                kind=GroundKind.ELEMENT_TERRITORY,
                iso2=iso,
                title=f"Element of the crime on the territory of {name(data, iso)}",
                prefix=f"Art 12(2)(a) as interpreted in {data.nexus_decision}: it suffices that at least one "
                f"element of the crime, or part of it, occurred on the territory of {name(data, iso)} (e.g. the "
                "crossing of the border in a deportation).",
                consent=accepted(data, iso, day, territorial=True),
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
    places = {p for p in (query.territory, *query.element_territories) if p}
    for ref in data.referrals:
        if ref.territory not in places:
            continue
        if day >= ref.start:
            status, text = (
                GroundStatus.MET,
                f"{ref.resolution} referred the situation in {ref.situation} from {ref.start}.",
            )
        else:
            status, text = (
                GroundStatus.NOT_MET,
                f"{ref.resolution} covers the situation in {ref.situation} only from {ref.start}.",
            )
        out.append(
            Ground(
                GroundKind.REFERRAL,
                status,
                f"Security Council referral: {ref.resolution}",
                f"Art 13(b): {text} Under a referral the State consent of Art 12(2) is not needed. {ref.limits}",
                (*ref.sources, "Rome Statute Art 13(b)"),
                ref.territory,
            )
        )
    return out


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
    for iso in _involved(query):
        if as_party(data, iso, day).via is not Via.PARTY:
            continue
        consent = amendment_accepted(amendment, data, iso, day)
        statuses.append(consent.status)
        lines.append(consent.reason)
    party_bases = [
        g
        for g in grounds
        if g.is_basis and g.status is not GroundStatus.NOT_MET and g.state and _via_party(data, g, day)
    ]
    if not party_bases and any(g.is_basis and g.status is not GroundStatus.NOT_MET for g in grounds):
        statuses.append(GroundStatus.UNCERTAIN)
        lines.append(
            "Jurisdiction rests only on an Art 12(3) declaration or a Security Council referral; whether an amendment "
            "adopted under Art 121(5) reaches the crime through them is unsettled."
        )
    status = worst(*statuses) if statuses else GroundStatus.MET
    head = (
        f"{amendment.title} ({amendment.id}) binds only States Parties that accepted it, one year after their "
        "deposit; the Court shall not exercise jurisdiction over it when committed by nationals of, or on the "
        "territory of, a State Party that has not accepted it (Art 121(5))."
    )
    return Ground(
        GroundKind.AMENDMENT,
        status,
        f"Amended crime: {amendment.id}",
        " ".join([head, *lines]),
        (*amendment.sources, "Rome Statute Art 121(5)"),
    )


def _via_party(data: JurisdictionData, ground: Ground, day: dt.date) -> bool:
    return (
        ground.kind is not GroundKind.REFERRAL
        and ground.state is not None
        and as_party(data, ground.state, day).via is Via.PARTY
    )


def _aggression(query: JurisdictionQuery, data: JurisdictionData, grounds: list[Ground]) -> Ground:
    day = query.date
    amendment = data.amendment("RC/Res.6")
    sources = (data.aggression_source, "Rome Statute Art 15 bis(5)", "Rome Statute Art 15 ter", *amendment.sources)
    title = "Crime of aggression: Arts 15 bis and 15 ter"
    if day < data.aggression_activation:
        return Ground(
            GroundKind.AGGRESSION,
            GroundStatus.NOT_MET,
            title,
            f"Jurisdiction over the crime of aggression was activated only from {data.aggression_activation} "
            f"(ICC-ASP/16/Res.5); {day} is earlier.",
            sources,
        )
    statuses: list[GroundStatus] = []
    lines: list[str] = []
    if any(g.kind is GroundKind.REFERRAL and g.status is GroundStatus.MET for g in grounds):
        statuses.append(GroundStatus.UNCERTAIN)
        lines.append(
            "Art 15 ter allows aggression jurisdiction on a Security Council referral without State consent, but "
            "whether a referral adopted before the activation reaches aggression is unsettled."
        )
    if not query.nationalities:
        statuses.append(GroundStatus.UNCERTAIN)
        lines.append(
            "The nationality of the accused is not given: Art 15 bis(5) excludes nationals of non-party States."
        )
    for iso in _involved(query):
        party = as_party(data, iso, day)
        if party.via is not Via.PARTY:
            statuses.append(GroundStatus.NOT_MET)
            lines.append(
                f"{name(data, iso)} is not a State Party on {day}: in respect of a State that is not a party, "
                "the Court shall not exercise its jurisdiction over the crime of aggression when committed by that "
                "State's nationals or on its territory (Art 15 bis(5))."
            )
            continue
        consent = amendment_accepted(amendment, data, iso, day)
        statuses.append(consent.status)
        lines.append(
            consent.reason + " (ICC-ASP/16/Res.5 para 2: no jurisdiction for States Parties that have not accepted.)"
        )
    status = worst(*statuses) if statuses else GroundStatus.MET
    return Ground(
        GroundKind.AGGRESSION, status, title, " ".join(lines) or "The conditions of Art 15 bis are met.", sources
    )


def _article_124(query: JurisdictionQuery, data: JurisdictionData) -> list[Ground]:
    out: list[Ground] = []
    for decl in data.art124:
        if decl.state in query.nationalities and decl.start <= query.date < decl.end:
            out.append(
                Ground(
                    GroundKind.ARTICLE_124,
                    GroundStatus.UNCERTAIN if not decl.verified else GroundStatus.NOT_MET,
                    f"Art 124 declaration by {name(data, decl.state)}",
                    decl.text
                    + (
                        " This declaration is reported in the press but NOT verified at the depositary."
                        if not decl.verified
                        else ""
                    ),
                    (*decl.sources, "Rome Statute Art 124"),
                    decl.state,
                )
            )
    return out


def _verdict(grounds: Sequence[Ground]) -> Verdict:
    conditions = [g.status for g in grounds if not g.is_basis]
    bases = [g.status for g in grounds if g.is_basis]
    if GroundStatus.NOT_MET in conditions:
        return Verdict.OUTSIDE
    if GroundStatus.MET in bases:
        return Verdict.DEPENDS if GroundStatus.UNCERTAIN in conditions else Verdict.WITHIN
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
