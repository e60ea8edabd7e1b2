"""Reads and writes of charges and element links (part of core.ports.ReadTx / WriteTx).

A charge's suspects and incidents live in their own rows; taking one off a charge sets that
row's tombstone and putting it back clears it, so no row is ever removed.
"""

from __future__ import annotations

import uuid
from collections.abc import Collection, Iterable, Sequence
from datetime import datetime
from typing import Any, TypeVar

from sqlalchemy import String, func, literal_column, select, text, type_coerce, update
from sqlalchemy.orm import Session

from caseapp.core.analysis import (
    Basis,
    Charge,
    ChargeIncident,
    ChargeStatus,
    ChargeSuspect,
    ElementLink,
    Excerpt,
    ReviewState,
    Weight,
)
from caseapp.core.entities import LinkStance, PersonRole
from caseapp.core.legal.gaps import CellFacts, EvidenceFacts, GapLink
from caseapp.core.ports import Deleted, RecordQuery
from caseapp.core.refs import RefKind
from caseapp.storage.convert import tombstone
from caseapp.storage.orm import (
    ChargeIncidentRow,
    ChargeRow,
    ChargeSuspectRow,
    ElementLinkRow,
    ExhibitRow,
    IncidentRow,
    PersonRow,
    SourceRow,
)
from caseapp.storage.record_index import narrowed

_CHUNK = 500
_FEW_PAGES = 10
_T = TypeVar("_T")


def _chunks(ids: Sequence[_T]) -> Iterable[Sequence[_T]]:
    for start in range(0, len(ids), _CHUNK):
        yield ids[start : start + _CHUNK]


# The gap matrix's facts (AnalysisReads.gap_facts). ``cells`` numbers the groups of element ids
# (``pos`` 0 the element, 1 its shared context); CROSS JOIN keeps SQLite's join order: the groups
# first, then each one's links through ix_element_links_gap (which holds all a link's columns the
# query reads), then each supporting link's exhibit and source. Refs in the order the links were made,
# the element's before the context's; element link refs and gradings hold no comma.
_LOOKUP_CELLS = 16
"""Up to this many groups, each proposed or contradicting link's exhibit is looked up; beyond, the
deleted exhibits are listed once (one pass over the exhibits instead of a lookup per link)."""
_SUPPORTING = """
SELECT c.cell,
       group_concat(l.ref, ',' ORDER BY c.pos, l.rowid),
       count(DISTINCT coalesce('source:' || e.source_id, 'exhibit:' || l.exhibit_id)),
       group_concat(DISTINCT s.reliability || s.credibility),
       min(l.weight = :maybe)
FROM cells AS c
CROSS JOIN element_links AS l ON l.element_id = c.element_id
CROSS JOIN exhibits AS e ON e.id = l.exhibit_id
LEFT JOIN sources AS s ON s.id = e.source_id
WHERE l.review = :accepted AND l.deleted_at IS NULL AND l.stance = :supports AND e.deleted_at IS NULL
GROUP BY c.cell
"""
_OTHERS = """
SELECT c.cell, l.review, group_concat(l.ref, ',' ORDER BY c.pos, l.rowid)
FROM cells AS c
CROSS JOIN element_links AS l ON l.element_id = c.element_id
{live}
AND l.deleted_at IS NULL AND (l.review = :proposed OR (l.review = :accepted AND l.stance = :contradicts))
GROUP BY c.cell, l.review
"""
_LIVE_LOOKUP = "CROSS JOIN exhibits AS e ON e.id = l.exhibit_id WHERE e.deleted_at IS NULL"
_LIVE_SCAN = "WHERE l.exhibit_id NOT IN (SELECT id FROM exhibits WHERE deleted_at IS NOT NULL)"


def _cells_table(groups: Sequence[tuple[str, ...]]) -> tuple[str, dict[str, Any]]:
    rows: list[str] = []
    params: dict[str, Any] = {}
    for number, group in enumerate(groups):
        for pos, element in enumerate(group):
            name = f"e{len(rows)}"
            rows.append(f"({number}, {pos}, :{name})")
            params[name] = element
    return f"WITH cells(cell, pos, element_id) AS (VALUES {', '.join(rows)})", params


def _split(joined: str | None) -> tuple[str, ...]:
    return tuple(joined.split(",")) if joined else ()


def _live(statement: Any, model: Any, deleted: Deleted) -> Any:
    if deleted is Deleted.HIDE:
        return statement.where(model.deleted_at.is_(None))
    if deleted is Deleted.ONLY:
        return statement.where(model.deleted_at.is_not(None))
    return statement


class AnalysisReads:
    session: Session

    def _ref_map(self, model: Any, ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, str]:
        wanted = list(set(ids))
        result: dict[uuid.UUID, str] = {}
        for chunk in _chunks(wanted):
            result.update(dict(self.session.execute(select(model.id, model.ref).where(model.id.in_(chunk))).all()))
        return result

    def charge_rows(self, rows: list[ChargeRow]) -> list[Charge]:
        ids = [r.id for r in rows]
        suspects: dict[uuid.UUID, list[ChargeSuspectRow]] = {}
        incidents: dict[uuid.UUID, list[ChargeIncidentRow]] = {}
        for chunk in _chunks(ids):
            for s in self.session.scalars(
                select(ChargeSuspectRow).where(
                    ChargeSuspectRow.charge_id.in_(chunk), ChargeSuspectRow.deleted_at.is_(None)
                )
            ):
                suspects.setdefault(s.charge_id, []).append(s)
            for i in self.session.scalars(
                select(ChargeIncidentRow).where(
                    ChargeIncidentRow.charge_id.in_(chunk), ChargeIncidentRow.deleted_at.is_(None)
                )
            ):
                incidents.setdefault(i.charge_id, []).append(i)
        persons = self._ref_map(PersonRow, (s.person_id for group in suspects.values() for s in group))
        places = self._ref_map(IncidentRow, (i.incident_id for group in incidents.values() for i in group))
        result = []
        for row in rows:
            charge_suspects = sorted(
                (
                    ChargeSuspect(s.person_id, persons.get(s.person_id, "?"), s.mode_id)
                    for s in suspects.get(row.id, [])
                ),
                key=lambda s: (s.person_ref, s.mode_id),
            )
            charge_incidents = sorted(
                (ChargeIncident(i.incident_id, places.get(i.incident_id, "?")) for i in incidents.get(row.id, [])),
                key=lambda i: (len(i.incident_ref), i.incident_ref),
            )
            result.append(
                Charge(
                    id=row.id,
                    ref=row.ref,
                    crime_id=row.crime_id,
                    catalogue_edition=row.catalogue_edition,
                    suspects=tuple(charge_suspects),
                    incidents=tuple(charge_incidents),
                    status=ChargeStatus(row.status),
                    analysis=row.analysis,
                    author=row.author,
                    created_at=row.created_at,
                    deleted=tombstone(row),
                )
            )
        return result

    def element_link_rows(self, rows: list[ElementLinkRow]) -> list[ElementLink]:
        exhibits = self._ref_map(ExhibitRow, (r.exhibit_id for r in rows))
        return [
            ElementLink(
                id=r.id,
                ref=r.ref,
                exhibit_id=r.exhibit_id,
                exhibit_ref=exhibits.get(r.exhibit_id, "?"),
                excerpt=Excerpt.from_json(r.excerpt_json),
                element_id=r.element_id,
                catalogue_edition=r.catalogue_edition,
                stance=LinkStance(r.stance),
                weight=Weight(r.weight),
                basis=Basis(r.basis),
                reasoning=r.reasoning,
                author=r.author,
                created_at=r.created_at,
                review=ReviewState(r.review),
                reviewed_by=r.reviewed_by,
                reviewed_at=r.reviewed_at,
                deleted=tombstone(r),
            )
            for r in rows
        ]

    def charges(self, query: RecordQuery) -> list[Charge]:
        statement = _live(select(ChargeRow), ChargeRow, query.deleted).order_by(ChargeRow.created_at, ChargeRow.id)
        statement = narrowed(statement, ChargeRow, RefKind.CHARGE, query.words)
        if query.target is not None and query.target.kind in (RefKind.PERSON, RefKind.INCIDENT):
            if query.target.kind is RefKind.PERSON:
                member: Any = select(ChargeSuspectRow.charge_id).where(
                    ChargeSuspectRow.person_id == query.target.id, ChargeSuspectRow.deleted_at.is_(None)
                )
            else:
                member = select(ChargeIncidentRow.charge_id).where(
                    ChargeIncidentRow.incident_id == query.target.id, ChargeIncidentRow.deleted_at.is_(None)
                )
            statement = statement.where(ChargeRow.id.in_(member))
        statement = statement.offset(query.page.offset)
        if query.page.limit is not None:
            statement = statement.limit(query.page.limit)
        return self.charge_rows(list(self.session.scalars(statement)))

    def element_links(
        self,
        query: RecordQuery,
        element_id: str | None = None,
        *,
        review: ReviewState | None = None,
        element_prefix: str = "",
    ) -> list[ElementLink]:
        statement = _live(select(ElementLinkRow), ElementLinkRow, query.deleted)
        statement = narrowed(statement, ElementLinkRow, RefKind.ELEMENT_LINK, query.words)
        if query.target is not None and query.target.kind is RefKind.EXHIBIT:
            statement = statement.where(ElementLinkRow.exhibit_id == query.target.id)
        if element_id is not None:
            statement = statement.where(ElementLinkRow.element_id == element_id)
        if element_prefix:  # a range, so the index on element_id serves it (LIKE would not)
            statement = statement.where(
                ElementLinkRow.element_id >= element_prefix, ElementLinkRow.element_id < element_prefix + "\U0010ffff"
            )
        if review is not None:
            column: Any = ElementLinkRow.review
            if element_prefix and query.target is None and self._few(element_prefix, review, query.page.limit):
                column = column + ""  # not through ix_element_links_review_created: the range is narrower
            statement = statement.where(column == review.value)
        statement = statement.order_by(ElementLinkRow.created_at, ElementLinkRow.id).offset(query.page.offset)
        if query.page.limit is not None:
            statement = statement.limit(query.page.limit)
        return self.element_link_rows(list(self.session.scalars(statement)))

    def _few(self, element_prefix: str, review: ReviewState, limit: int | None) -> bool:
        """Whether so few links in ``review`` name an element starting with ``element_prefix`` that
        reading them all by the element's range beats walking every link in that state in the order
        asked for until a page is found (SQLite cannot tell: a prefix of one element finds a few
        hundred of 100 000 proposals, one of a whole article thousands). Counted in the covering index."""
        if limit is None:
            return True
        found = self.session.scalar(
            select(func.count())
            .select_from(ElementLinkRow)
            .where(
                ElementLinkRow.element_id >= element_prefix,
                ElementLinkRow.element_id < element_prefix + "\U0010ffff",
                ElementLinkRow.review + "" == review.value,  # through ix_element_links_gap alone
            )
        )
        return (found or 0) <= _FEW_PAGES * limit

    def gap_links(self, element_ids: Collection[str]) -> tuple[list[GapLink], dict[str, EvidenceFacts]]:
        """Live links to these element ids that are not rejected, of live exhibits, with the facts
        of those exhibits: only what the gap matrix reads, in one query of plain rows (no ORM
        objects, exhibits keyed by their stored id, not made into UUIDs), each element's links in
        the order they were made."""
        stances = {s.value: s for s in LinkStance}
        weights = {w.value: w for w in Weight}
        states = {r.value: r for r in ReviewState}
        link, exhibit, source = ElementLinkRow, ExhibitRow, SourceRow
        found: list[GapLink] = []
        facts: dict[str, EvidenceFacts] = {}
        for chunk in _chunks(sorted(set(element_ids))):
            rows = self.session.execute(
                select(
                    link.ref,
                    type_coerce(link.exhibit_id, String),
                    link.element_id,
                    link.stance,
                    link.weight,
                    link.review,
                    exhibit.ref,
                    type_coerce(exhibit.source_id, String),
                    source.reliability,
                    source.credibility,
                )
                .join(exhibit, exhibit.id == link.exhibit_id)
                .outerjoin(source, source.id == exhibit.source_id)
                .where(
                    link.element_id.in_(chunk),
                    link.deleted_at.is_(None),
                    link.review != ReviewState.REJECTED.value,
                    exhibit.deleted_at.is_(None),
                )
                .order_by(link.element_id, literal_column("element_links.rowid"))  # the index's own order
            )
            for ref, key, element, stance, weight, review, exhibit_ref, source_id, reliability, credibility in rows:
                found.append(GapLink(ref, key, element, stances[stance], weights[weight], states[review]))
                if key not in facts:
                    grade = f"{reliability}{credibility}" if source_id is not None else None
                    independent = f"source:{source_id}" if source_id is not None else f"exhibit:{key}"
                    facts[key] = EvidenceFacts(exhibit_ref, independent, grade)
        return found, facts

    def person_roles(self, person_ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, PersonRole]:
        wanted = list(set(person_ids))
        roles: dict[uuid.UUID, PersonRole] = {}
        for chunk in _chunks(wanted):
            rows = self.session.execute(select(PersonRow.id, PersonRow.role).where(PersonRow.id.in_(chunk)))
            roles.update((person_id, PersonRole(role)) for person_id, role in rows)
        return roles

    def gap_facts(self, groups: Collection[tuple[str, ...]]) -> dict[tuple[str, ...], CellFacts]:
        """The facts of the live links to each group of element ids, of live exhibits, aggregated in
        SQL (a few hundred rows back instead of a row per link); groups without links are left out."""
        found: dict[tuple[str, ...], CellFacts] = {}
        ordered = sorted(set(groups))
        for start in range(0, len(ordered), _CHUNK):
            chunk = ordered[start : start + _CHUNK]
            cells, params = _cells_table(chunk)
            params |= {"accepted": ReviewState.ACCEPTED.value, "proposed": ReviewState.PROPOSED.value}
            params |= {"supports": LinkStance.SUPPORTS.value, "contradicts": LinkStance.CONTRADICTS.value}
            params["maybe"] = Weight.MAYBE.value
            supporting = {
                cell: (refs, sources, grades, only_maybe)
                for cell, refs, sources, grades, only_maybe in self.session.execute(text(cells + _SUPPORTING), params)
            }
            live = _LIVE_LOOKUP if len(chunk) <= _LOOKUP_CELLS else _LIVE_SCAN
            others: dict[tuple[int, str], str] = {
                (cell, review): refs
                for cell, review, refs in self.session.execute(text(cells + _OTHERS.format(live=live)), params)
            }
            for number, group in enumerate(chunk):
                refs, sources, grades, only_maybe = supporting.get(number, ("", 0, "", 0))
                contradicting = others.get((number, ReviewState.ACCEPTED.value), "")
                awaiting = others.get((number, ReviewState.PROPOSED.value), "")
                if refs or contradicting or awaiting:
                    found[group] = CellFacts(
                        supporting=_split(refs),
                        sources=sources,
                        grades=frozenset(_split(grades)),
                        only_maybe=bool(only_maybe),
                        contradicting=_split(contradicting),
                        awaiting=_split(awaiting),
                    )
        return found

    def evidence_facts(self, exhibit_ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, EvidenceFacts]:
        """Of live exhibits only: a deleted exhibit proves nothing."""
        wanted = list(set(exhibit_ids))
        facts: dict[uuid.UUID, EvidenceFacts] = {}
        for chunk in _chunks(wanted):
            rows = self.session.execute(
                select(
                    ExhibitRow.id, ExhibitRow.ref, ExhibitRow.source_id, SourceRow.reliability, SourceRow.credibility
                )
                .outerjoin(SourceRow, SourceRow.id == ExhibitRow.source_id)
                .where(ExhibitRow.id.in_(chunk), ExhibitRow.deleted_at.is_(None))
            )
            for exhibit_id, ref, source_id, reliability, credibility in rows:
                grade = f"{reliability}{credibility}" if source_id is not None else None
                key = f"source:{source_id}" if source_id is not None else f"exhibit:{exhibit_id}"
                facts[exhibit_id] = EvidenceFacts(ref, key, grade)
        return facts

    def analysis_dependents(self, kind: RefKind, record_id: uuid.UUID) -> list[str]:
        """Live element links on an exhibit; live charges naming a person or an incident."""
        if kind is RefKind.EXHIBIT:
            return list(
                self.session.scalars(
                    select(ElementLinkRow.ref)
                    .where(ElementLinkRow.exhibit_id == record_id, ElementLinkRow.deleted_at.is_(None))
                    .order_by(ElementLinkRow.created_at)
                )
            )
        if kind in (RefKind.PERSON, RefKind.INCIDENT):
            from caseapp.core.ports import Target

            return [c.ref for c in self.charges(RecordQuery(target=Target(kind, record_id, "")))]
        return []


class AnalysisWrites:
    session: Session

    def add_charge(self, charge: Charge) -> None:
        self.session.add(
            ChargeRow(
                id=charge.id,
                ref=charge.ref,
                crime_id=charge.crime_id,
                catalogue_edition=charge.catalogue_edition,
                status=charge.status.value,
                analysis=charge.analysis,
                author=charge.author,
                created_at=charge.created_at,
            )
        )
        self.session.flush()
        self.set_charge_members(charge.id, "suspects", [f"{s.person_id} {s.mode_id}" for s in charge.suspects])
        self.set_charge_members(charge.id, "incidents", [str(i.incident_id) for i in charge.incidents])

    def set_charge_members(self, charge_id: uuid.UUID, field: str, keys: list[str]) -> None:
        """Make the live suspects (``"<uuid> <mode>"``) or incidents (``"<uuid>"``) of a charge
        exactly ``keys``: tombstone the others, add or revive these."""
        model: Any = ChargeSuspectRow if field == "suspects" else ChargeIncidentRow
        rows = list(self.session.scalars(select(model).where(model.charge_id == charge_id)))

        def key(row: Any) -> str:
            return f"{row.person_id} {row.mode_id}" if field == "suspects" else str(row.incident_id)

        existing = {key(r): r for r in rows}
        wanted = set(keys)
        now = datetime.now().astimezone()
        for name, row in existing.items():
            if name not in wanted and row.deleted_at is None:
                row.deleted_at, row.deleted_by, row.deleted_reason = now, "caseapp", "taken off the charge"
            elif name in wanted and row.deleted_at is not None:
                row.deleted_at = row.deleted_by = row.deleted_reason = None
        for name in sorted(wanted - set(existing)):
            if field == "suspects":
                person, _, mode = name.partition(" ")
                self.session.add(ChargeSuspectRow(charge_id=charge_id, person_id=uuid.UUID(person), mode_id=mode))
            else:
                self.session.add(ChargeIncidentRow(charge_id=charge_id, incident_id=uuid.UUID(name)))
        self.session.flush()

    def add_element_link(self, link: ElementLink) -> None:
        self.session.add(
            ElementLinkRow(
                id=link.id,
                ref=link.ref,
                exhibit_id=link.exhibit_id,
                excerpt_json=link.excerpt.to_json() if link.excerpt else None,
                element_id=link.element_id,
                catalogue_edition=link.catalogue_edition,
                stance=link.stance.value,
                weight=link.weight.value,
                basis=link.basis.value,
                reasoning=link.reasoning,
                author=link.author,
                created_at=link.created_at,
                review=link.review.value,
                reviewed_by=link.reviewed_by,
                reviewed_at=link.reviewed_at,
            )
        )
        self.session.flush()

    def update_analysis(self, kind: RefKind, record_id: uuid.UUID, values: dict[str, Any]) -> dict[str, Any]:
        """Apply the fields only these kinds have; return the rest for the generic update."""
        rest = dict(values)
        if kind is RefKind.CHARGE:
            for field in ("suspects", "incidents"):
                if field in rest:
                    self.set_charge_members(record_id, field, [str(k) for k in rest.pop(field)])
        if kind is RefKind.ELEMENT_LINK and "excerpt" in rest:
            excerpt = rest.pop("excerpt")
            text = excerpt.to_json() if isinstance(excerpt, Excerpt) else excerpt
            self.session.execute(
                update(ElementLinkRow).where(ElementLinkRow.id == record_id).values(excerpt_json=text or None)
            )
        return rest
