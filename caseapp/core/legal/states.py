"""States Parties as dated intervals, Art 12(3) declarations, Security Council referrals, amendments.

All of it is loaded from ``resources/legal/`` (``states-parties.csv``, ``countries.csv``,
``jurisdiction.json``). Dates are :class:`datetime.date`; an interval is half-open
``[start, end)``: the day a withdrawal takes effect is already outside.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

from caseapp.core.errors import NotFoundError, ValidationError
from caseapp.core.legal.fields import CatalogueError, Record, read_csv
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


PARTY_COLUMNS = (
    "state",
    "iso2",
    "deposit_date",
    "entry_into_force",
    "eif_alternative",
    "date_status",
    "date_sources",
    "withdrawal_notified",
    "withdrawal_effective",
    "withdrawal_state",
    "withdrawal_sources",
    "notes",
)
DATE_STATUSES = frozenset({"confirmed", "conflict", "corrected", "unverified"})
WITHDRAWAL_STATES = frozenset({"", "accession-withdrawn", "announced", "effective", "revocation-unconfirmed"})
ART124_SCOPES = frozenset({"nationals", "nationals-or-territory"})
LIST_STATUSES = frozenset({"snapshot", "partial", "unknown"})
PREDECESSOR_STATUSES = frozenset({"met", "uncertain"})
_ISO2 = re.compile(r"[A-Z]{2}")


@functools.cache
def load_jurisdiction_data(folder: Path | None = None) -> JurisdictionData:
    """Load and cache the jurisdiction data from ``resources/legal`` (or ``folder`` in tests).

    A field of the wrong type raises :class:`CatalogueError` naming the file, the record and the field."""
    base = folder or resource_path("legal")
    try:
        file = base / "jurisdiction.json"
        raw = Record.top(json.loads(file.read_text(encoding="utf-8")), file)
        countries = _countries(base / "countries.csv")
        parties = _parties(base / "states-parties.csv")
        return _build(raw, countries, parties)
    except (OSError, ValueError) as error:
        raise CatalogueError(f"the jurisdiction data in {base} is missing or malformed: {error}") from error


def _iso2(row: Record, key: str) -> str:
    code = row.string(key)
    if not _ISO2.fullmatch(code):
        raise row.error(key, "a two-letter ISO 3166-1 code in capitals")
    return code


def _countries(path: Path) -> Mapping[str, Country]:
    rows: dict[str, Country] = {}
    for row in read_csv(path, ("iso2", "name"), "iso2"):
        code = _iso2(row, "iso2")
        name = row.string("name")
        if not name:
            raise row.error("name", "a country name")
        rows[code] = Country(code, name)
    return MappingProxyType(rows)


def _parties(path: Path) -> Mapping[str, StateParty]:
    out: dict[str, StateParty] = {}
    for r in read_csv(path, PARTY_COLUMNS, "iso2"):
        withdrawal = r.choice("withdrawal_state", WITHDRAWAL_STATES)
        effective = r.opt_date("withdrawal_effective")
        code = _iso2(r, "iso2")
        out[code] = StateParty(
            iso2=code,
            name=r.string("state"),
            deposit_date=r.date("deposit_date"),
            start=r.opt_date("entry_into_force"),
            end=effective if withdrawal == "effective" else None,
            pending_end=effective if withdrawal == "revocation-unconfirmed" else None,
            withdrawal_state=withdrawal,
            withdrawal_notified=r.opt_date("withdrawal_notified"),
            eif_alternative=r.opt_date("eif_alternative"),
            date_status=r.choice("date_status", DATE_STATUSES),
            date_sources=r.string("date_sources"),
            withdrawal_sources=r.string("withdrawal_sources"),
            notes=r.string("notes"),
        )
    return MappingProxyType(out)


def _build(raw: Record, countries: Mapping[str, Country], parties: Mapping[str, StateParty]) -> JurisdictionData:
    declarations = tuple(
        Declaration(
            id=d.string("id"),
            state=d.string("state"),
            lodged=d.date("lodged"),
            start=d.date("scope_start"),
            end=d.opt_date("scope_end"),
            territorial_only=d.flag("territorial_only"),
            effective=d.flag("effective"),
            verified=d.flag("verified"),
            scope=d.string("scope"),
            why_not_effective=d.opt_string("why_not_effective"),
            sources=d.strings("sources"),
        )
        for d in raw.children("declarations_12_3")
    )
    referrals = tuple(
        Referral(
            id=r.string("id"),
            resolution=r.string("resolution"),
            adopted=r.date("adopted"),
            situation=r.string("situation"),
            territory=r.string("territory"),
            start=r.date("scope_start"),
            limits=r.string("limits"),
            sources=r.strings("sources"),
            partial_territory=r.opt_string("partial_territory"),
            carve_out=r.opt_string("carve_out"),
        )
        for r in raw.children("security_council_referrals")
    )
    amendments = tuple(
        Amendment(
            id=a.string("id"),
            title=a.string("title"),
            adopted=a.date("adopted"),
            crimes=a.strings("crimes"),
            acceptances=MappingProxyType(
                {
                    x.string("state"): Acceptance(x.string("state"), x.date("deposited"), x.string("source"))
                    for x in a.children("acceptances", "state")
                }
            ),
            list_status=a.choice("list_status", LIST_STATUSES),
            snapshot_note=a.string("snapshot_note"),
            sources=a.strings("sources"),
        )
        for a in raw.children("amendments")
    )
    art124 = tuple(
        Art124Declaration(
            state=x.string("state"),
            start=x.date("start"),
            end=x.date("end"),
            scope=x.choice("scope", ART124_SCOPES),
            text=x.string("text"),
            verified=x.flag("verified"),
            verification=x.string("verification"),
            sources=x.strings("sources"),
            uncertain_from=x.opt_date("uncertain_from"),
            uncertain_until=x.opt_date("uncertain_until"),
        )
        for x in raw.children("article_124_declarations", "state")
    )
    predecessors = tuple(
        PredecessorTerritory(
            territory=x.string("territory"),
            state=x.string("state"),
            state_name=x.string("state_name"),
            start=x.date("start"),
            end=x.opt_date("end"),
            settled=x.choice("status", PREDECESSOR_STATUSES) == "met",
            text=x.string("text"),
            sources=x.strings("sources"),
        )
        for x in raw.children("predecessor_territories", "territory")
    )
    nexus = raw.child("territorial_nexus_precedent")
    aggression = raw.child("aggression_activation")
    codes = [*parties, *(d.state for d in declarations), *(r.territory for r in referrals), *(a.state for a in art124)]
    for code in [*codes, *(p.territory for p in predecessors), *(p.state for p in predecessors)]:
        if code not in countries:
            raise ValueError(f"country code {code} used in the data is not in countries.csv")
    return JurisdictionData(
        as_of=raw.date("as_of"),
        statute_in_force=raw.date("statute_entry_into_force"),
        statute_adopted=raw.date("statute_adopted"),
        aggression_activation=aggression.date("date"),
        aggression_source=aggression.string("source"),
        countries=countries,
        parties=parties,
        declarations=declarations,
        referrals=referrals,
        amendments=amendments,
        art124=art124,
        nexus_decision=nexus.string("decision"),
        nexus_holding=nexus.string("holding"),
        nexus_sources=nexus.strings("sources"),
        cross_border_crimes=frozenset(nexus.strings("cross_border_crimes")),
        cross_border_note=nexus.string("cross_border_note"),
        predecessors=predecessors,
        inoperative_crimes=MappingProxyType(
            {x.string("crime"): _note(x) for x in raw.children("inoperative_crimes", "crime")}
        ),
        after_data_date=_note(raw.child("after_data_date")),
        amendments_non_parties=_note(raw.child("amendments_non_parties")),
        announced_withdrawals=MappingProxyType(
            {
                x.string("state"): AnnouncedWithdrawal(
                    x.string("state"), x.date("announced"), x.string("text"), x.strings("sources")
                )
                for x in raw.children("announced_withdrawals", "state")
            }
        ),
    )


def _note(raw: Record) -> Note:
    return Note(raw.string("text"), raw.strings("sources"))
