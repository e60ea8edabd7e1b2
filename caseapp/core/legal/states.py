"""States Parties as dated intervals, Art 12(3) declarations, Security Council referrals, amendments.

All of it is loaded from ``resources/legal/`` (``states-parties.csv``, ``countries.csv``,
``jurisdiction.json``). Dates are :class:`datetime.date`; an interval is half-open
``[start, end)``: the day a withdrawal takes effect is already outside.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any

from caseapp.core.errors import NotFoundError, ValidationError
from caseapp.core.legal.loader import CatalogueError
from caseapp.core.resources import resource_path


@dataclass(frozen=True, slots=True)
class Country:
    iso2: str
    name: str


@dataclass(frozen=True, slots=True)
class StateParty:
    """A State that deposited an instrument; ``start`` is entry into force (Art 126), ``end`` a withdrawal.

    ``pending_end`` is the effective date of a notified withdrawal whose revocation is reported but not
    confirmed (Hungary): from that date the answer is "depends"."""

    iso2: str
    name: str
    deposit_date: dt.date
    start: dt.date | None
    end: dt.date | None
    pending_end: dt.date | None
    withdrawal_state: str
    withdrawal_notified: dt.date | None
    eif_alternative: dt.date | None
    date_status: str
    date_sources: str
    withdrawal_sources: str
    notes: str

    def uncertain_window(self) -> tuple[dt.date, dt.date] | None:
        """Dates for which entry into force is in doubt (a conflicting or one-day-sensitive record)."""
        if self.start is None or self.eif_alternative is None:
            return None
        return (min(self.start, self.eif_alternative), max(self.start, self.eif_alternative))


@dataclass(frozen=True, slots=True)
class Declaration:
    """An Art 12(3) declaration accepting jurisdiction, with its temporal scope (``end`` inclusive)."""

    id: str
    state: str
    lodged: dt.date
    start: dt.date
    end: dt.date | None
    territorial_only: bool
    effective: bool
    verified: bool
    scope: str
    why_not_effective: str | None
    sources: tuple[str, ...]

    def covers(self, day: dt.date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)


@dataclass(frozen=True, slots=True)
class Referral:
    """A Security Council referral under Art 13(b), open-ended from ``start``."""

    id: str
    resolution: str
    adopted: dt.date
    situation: str
    territory: str
    start: dt.date
    limits: str
    sources: tuple[str, ...]
    partial_territory: str | None = None
    carve_out: str | None = None


@dataclass(frozen=True, slots=True)
class Acceptance:
    state: str
    deposited: dt.date
    source: str

    @property
    def in_force(self) -> dt.date:
        """Art 121(5): the amendment enters into force for the State one year after its deposit."""
        return _add_year(self.deposited)


@dataclass(frozen=True, slots=True)
class Amendment:
    """An amendment to Art 8 or 8 bis and who accepted it. ``list_status``: snapshot, partial or unknown."""

    id: str
    title: str
    adopted: dt.date
    crimes: tuple[str, ...]
    acceptances: Mapping[str, Acceptance]
    list_status: str
    snapshot_note: str
    sources: tuple[str, ...]

    @property
    def decisive_until(self) -> dt.date | None:
        """For a complete snapshot, the first date on which a deposit made after it could be in force."""
        if self.list_status != "snapshot" or not self.acceptances:
            return None
        newest = max(a.deposited for a in self.acceptances.values())
        return _add_year(newest)


@dataclass(frozen=True, slots=True)
class Art124Declaration:
    """A declaration not accepting war crimes jurisdiction, in force ``[start, end)``.

    ``scope`` is ``nationals`` or ``nationals-or-territory``; ``[uncertain_from, uncertain_until)`` is a
    window in which it is not settled whether the declaration still applied (France's withdrawal)."""

    state: str
    start: dt.date
    end: dt.date
    scope: str
    text: str
    verified: bool
    verification: str
    sources: tuple[str, ...]
    uncertain_from: dt.date | None = None
    uncertain_until: dt.date | None = None

    def status_on(self, day: dt.date) -> str | None:
        """``in-force``, ``uncertain`` or None (not applicable) on ``day``."""
        if self.uncertain_from and self.uncertain_until and self.uncertain_from <= day < self.uncertain_until:
            return "uncertain"
        if self.start <= day < self.end:
            return "in-force" if self.verified else "uncertain"
        return None


@dataclass(frozen=True, slots=True)
class PredecessorTerritory:
    """A territory that belonged (or may have belonged) to a State Party before it became a State itself."""

    territory: str
    state: str
    state_name: str
    start: dt.date
    end: dt.date | None
    settled: bool
    text: str
    sources: tuple[str, ...]

    def covers(self, day: dt.date) -> bool:
        return self.start <= day and (self.end is None or day < self.end)


@dataclass(frozen=True, slots=True)
class AnnouncedWithdrawal:
    """A withdrawal announced by a State Party, with no UN notification seen (Art 127(1) not triggered)."""

    state: str
    announced: dt.date
    text: str
    sources: tuple[str, ...]

    @property
    def earliest_effect(self) -> dt.date:
        """If notified on the day of the announcement, it would take effect one year later (Art 127(1))."""
        return _add_year(self.announced)


@dataclass(frozen=True, slots=True)
class Note:
    """A rule or caveat stated once in the data, with its sources."""

    text: str
    sources: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class JurisdictionData:
    as_of: dt.date
    statute_in_force: dt.date
    statute_adopted: dt.date
    aggression_activation: dt.date
    aggression_source: str
    countries: Mapping[str, Country]
    parties: Mapping[str, StateParty]
    declarations: tuple[Declaration, ...]
    referrals: tuple[Referral, ...]
    amendments: tuple[Amendment, ...]
    art124: tuple[Art124Declaration, ...]
    nexus_decision: str
    nexus_holding: str
    nexus_sources: tuple[str, ...]
    cross_border_crimes: frozenset[str]
    cross_border_note: str
    predecessors: tuple[PredecessorTerritory, ...]
    inoperative_crimes: Mapping[str, Note]
    after_data_date: Note
    amendments_non_parties: Note
    announced_withdrawals: Mapping[str, AnnouncedWithdrawal]

    def country(self, code: str) -> Country:
        """The country for an ISO 3166-1 alpha-2 code, or a ValidationError naming the bad code."""
        key = code.strip().upper()
        if key not in self.countries:
            raise ValidationError(
                f"unknown country code '{code}': use a two-letter ISO 3166-1 code such as SY, UA or PS"
            )
        return self.countries[key]

    def amendment_for(self, crime_id: str) -> Amendment | None:
        return next((a for a in self.amendments if crime_id in a.crimes), None)

    def amendment(self, amendment_id: str) -> Amendment:
        found = next((a for a in self.amendments if a.id == amendment_id), None)
        if found is None:
            raise NotFoundError(f"no amendment '{amendment_id}' in the shipped data")
        return found


def _add_year(day: dt.date) -> dt.date:
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year + 1, day=28)


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _req_date(value: str) -> dt.date:
    return dt.date.fromisoformat(value)


@functools.cache
def load_jurisdiction_data(folder: Path | None = None) -> JurisdictionData:
    """Load and cache the jurisdiction data from ``resources/legal`` (or ``folder`` in tests)."""
    base = folder or resource_path("legal")
    try:
        raw = json.loads((base / "jurisdiction.json").read_text(encoding="utf-8"))
        countries = _countries(base / "countries.csv")
        parties = _parties(base / "states-parties.csv")
        return _build(raw, countries, parties)
    except (OSError, KeyError, TypeError, ValueError) as error:
        raise CatalogueError(f"the jurisdiction data in {base} is missing or malformed: {error!r}") from error


def _countries(path: Path) -> Mapping[str, Country]:
    with path.open(encoding="utf-8", newline="") as fh:
        rows = {r["iso2"]: Country(r["iso2"], r["name"]) for r in csv.DictReader(fh)}
    return MappingProxyType(rows)


def _parties(path: Path) -> Mapping[str, StateParty]:
    out: dict[str, StateParty] = {}
    with path.open(encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh):
            withdrawal = r["withdrawal_state"]
            start = _date(r["entry_into_force"])
            effective = _date(r["withdrawal_effective"])
            end = effective if withdrawal == "effective" else None
            pending = effective if withdrawal == "revocation-unconfirmed" else None
            out[r["iso2"]] = StateParty(
                iso2=r["iso2"],
                name=r["state"],
                deposit_date=_req_date(r["deposit_date"]),
                start=start,
                end=end,
                pending_end=pending,
                withdrawal_state=withdrawal,
                withdrawal_notified=_date(r["withdrawal_notified"]),
                eif_alternative=_date(r["eif_alternative"]),
                date_status=r["date_status"],
                date_sources=r["date_sources"],
                withdrawal_sources=r["withdrawal_sources"],
                notes=r["notes"],
            )
    return MappingProxyType(out)


def _build(
    raw: Mapping[str, Any], countries: Mapping[str, Country], parties: Mapping[str, StateParty]
) -> JurisdictionData:
    declarations = tuple(
        Declaration(
            id=d["id"],
            state=d["state"],
            lodged=_req_date(d["lodged"]),
            start=_req_date(d["scope_start"]),
            end=_date(d.get("scope_end")),
            territorial_only=bool(d["territorial_only"]),
            effective=bool(d["effective"]),
            verified=bool(d["verified"]),
            scope=d["scope"],
            why_not_effective=d.get("why_not_effective"),
            sources=tuple(d["sources"]),
        )
        for d in raw["declarations_12_3"]
    )
    referrals = tuple(
        Referral(
            id=r["id"],
            resolution=r["resolution"],
            adopted=_req_date(r["adopted"]),
            situation=r["situation"],
            territory=r["territory"],
            start=_req_date(r["scope_start"]),
            limits=r["limits"],
            sources=tuple(r["sources"]),
            partial_territory=r.get("partial_territory"),
            carve_out=r.get("carve_out"),
        )
        for r in raw["security_council_referrals"]
    )
    amendments = tuple(
        Amendment(
            id=a["id"],
            title=a["title"],
            adopted=_req_date(a["adopted"]),
            crimes=tuple(a["crimes"]),
            acceptances=MappingProxyType(
                {x["state"]: Acceptance(x["state"], _req_date(x["deposited"]), x["source"]) for x in a["acceptances"]}
            ),
            list_status=a["list_status"],
            snapshot_note=a["snapshot_note"],
            sources=tuple(a["sources"]),
        )
        for a in raw["amendments"]
    )
    art124 = tuple(
        Art124Declaration(
            state=x["state"],
            start=_req_date(x["start"]),
            end=_req_date(x["end"]),
            scope=x["scope"],
            text=x["text"],
            verified=bool(x["verified"]),
            verification=x["verification"],
            sources=tuple(x["sources"]),
            uncertain_from=_date(x.get("uncertain_from")),
            uncertain_until=_date(x.get("uncertain_until")),
        )
        for x in raw["article_124_declarations"]
    )
    predecessors = tuple(
        PredecessorTerritory(
            territory=x["territory"],
            state=x["state"],
            state_name=x["state_name"],
            start=_req_date(x["start"]),
            end=_date(x.get("end")),
            settled=x["status"] == "met",
            text=x["text"],
            sources=tuple(x["sources"]),
        )
        for x in raw["predecessor_territories"]
    )
    nexus = raw["territorial_nexus_precedent"]
    codes = [*parties, *(d.state for d in declarations), *(r.territory for r in referrals), *(a.state for a in art124)]
    for code in [*codes, *(p.territory for p in predecessors), *(p.state for p in predecessors)]:
        if code not in countries:
            raise ValueError(f"country code {code} used in the data is not in countries.csv")
    return JurisdictionData(
        as_of=_req_date(raw["as_of"]),
        statute_in_force=_req_date(raw["statute_entry_into_force"]),
        statute_adopted=_req_date(raw["statute_adopted"]),
        aggression_activation=_req_date(raw["aggression_activation"]["date"]),
        aggression_source=raw["aggression_activation"]["source"],
        countries=countries,
        parties=parties,
        declarations=declarations,
        referrals=referrals,
        amendments=amendments,
        art124=art124,
        nexus_decision=nexus["decision"],
        nexus_holding=nexus["holding"],
        nexus_sources=tuple(nexus["sources"]),
        cross_border_crimes=frozenset(nexus["cross_border_crimes"]),
        cross_border_note=nexus["cross_border_note"],
        predecessors=predecessors,
        inoperative_crimes=MappingProxyType(
            {x["crime"]: Note(x["text"], tuple(x["sources"])) for x in raw["inoperative_crimes"]}
        ),
        after_data_date=_note(raw["after_data_date"]),
        amendments_non_parties=_note(raw["amendments_non_parties"]),
        announced_withdrawals=MappingProxyType(
            {
                x["state"]: AnnouncedWithdrawal(x["state"], _req_date(x["announced"]), x["text"], tuple(x["sources"]))
                for x in raw["announced_withdrawals"]
            }
        ),
    )


def _note(raw: Mapping[str, Any]) -> Note:
    return Note(raw["text"], tuple(raw["sources"]))
