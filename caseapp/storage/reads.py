"""Read transactions over one case database (implements core.ports.ReadTx)."""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

from sqlalchemy import ColumnClause, ColumnElement, Select, and_, func, literal_column, or_, select, text
from sqlalchemy.orm import InstrumentedAttribute, Session

from caseapp.core import searchtext
from caseapp.core.custody import utc_timestamp
from caseapp.core.entities import CaseInfo, CustodyEntry, Exhibit, Incident, Link, Note, Person, Source
from caseapp.core.errors import CaseDamagedError
from caseapp.core.ports import (
    CustodyQuery,
    Deleted,
    ExhibitFound,
    ExhibitQuery,
    ExhibitSearch,
    ExhibitSort,
    Page,
    Record,
    RecordQuery,
    Revision,
    Target,
)
from caseapp.core.refs import RefKind
from caseapp.storage import convert
from caseapp.storage.analysis_rows import AnalysisReads
from caseapp.storage.derived import DerivedValues
from caseapp.storage.dossier_rows import DossierReads
from caseapp.storage.evidence_reads import EvidenceReads
from caseapp.storage.orm import (
    CaseInfoRow,
    CaseSecretRow,
    ChargeRow,
    CustodyRow,
    ElementLinkRow,
    ExhibitRow,
    IncidentRow,
    LinkRow,
    NoteRow,
    PersonRow,
    RevisionRow,
    SourceRow,
    TaggingRow,
    TagRow,
)
from caseapp.storage.person_rows import PersonReads
from caseapp.storage.record_index import narrowed
from caseapp.storage.search_reads import body_windows, count_search, exhibits_tagged, search_rows

T = TypeVar("T")

DEVICE_ID = "device_id"
MODEL: dict[RefKind, Any] = {
    RefKind.PERSON: PersonRow,
    RefKind.INCIDENT: IncidentRow,
    RefKind.SOURCE: SourceRow,
    RefKind.EXHIBIT: ExhibitRow,
    RefKind.NOTE: NoteRow,
    RefKind.LINK: LinkRow,
    RefKind.CHARGE: ChargeRow,
    RefKind.ELEMENT_LINK: ElementLinkRow,
}
TARGET_COLUMN = {
    RefKind.EXHIBIT: "exhibit_id",
    RefKind.PERSON: "person_id",
    RefKind.INCIDENT: "incident_id",
    RefKind.SOURCE: "source_id",
}
_EXHIBIT_ORDER: dict[ExhibitSort, InstrumentedAttribute[Any]] = {
    ExhibitSort.REF: ExhibitRow.number,
    ExhibitSort.TITLE: ExhibitRow.title,
    ExhibitSort.KIND: ExhibitRow.kind,
    ExhibitSort.ACQUIRED: ExhibitRow.acquired_at,
    ExhibitSort.CAPTURED: ExhibitRow.captured,
    ExhibitSort.SIZE: ExhibitRow.size,
}


def target_filter(model: type[TaggingRow] | type[NoteRow], target: Target) -> ColumnElement[bool]:
    if target.kind is RefKind.CASE:
        return and_(*(getattr(model, column).is_(None) for column in TARGET_COLUMN.values()))
    column: InstrumentedAttribute[uuid.UUID | None] = getattr(model, TARGET_COLUMN[target.kind])
    return column == target.id


def _deleted(statement: Select[Any], model: Any, deleted: Deleted) -> Select[Any]:
    if deleted is Deleted.HIDE:
        return statement.where(model.deleted_at.is_(None))
    if deleted is Deleted.ONLY:
        return statement.where(model.deleted_at.is_not(None))
    return statement


def _page(statement: Select[Any], page: Page) -> Select[Any]:
    statement = statement.offset(page.offset)
    return statement.limit(page.limit) if page.limit is not None else statement


class SqlReadTx(EvidenceReads, AnalysisReads, DossierReads, PersonReads):
    def __init__(self, session: Session, derived: DerivedValues | None = None) -> None:
        self.session = session
        self._device: str | None = None
        self._derived = derived  # None in a write: what it reads may be changing

    def derived(self, name: str, build: Callable[[], T]) -> T:
        return self._derived.get(self.session, name, build) if self._derived is not None else build()

    # -- the case ----------------------------------------------------------------------------
    def case_info(self) -> CaseInfo:
        row = self.session.get(CaseInfoRow, 1)
        if row is None:
            raise CaseDamagedError("the case database has no case record")
        return convert.case_info(row)

    def device_id(self) -> str:
        if self._device is None:
            row = self.session.get(CaseSecretRow, DEVICE_ID)
            if row is None:
                raise CaseDamagedError("the case database has no device id")
            self._device = row.value
        return self._device

    def secret(self, name: str) -> str | None:
        row = self.session.get(CaseSecretRow, name)
        return None if row is None else row.value

    # -- finding records -------------------------------------------------------------------
    def find(self, kind: RefKind, key: uuid.UUID | str) -> Target | None:
        model = MODEL.get(kind)
        if model is None:
            return None
        if isinstance(key, uuid.UUID):
            ref = self.session.scalar(select(model.ref).where(model.id == key))
            return Target(kind, key, ref) if ref is not None else None
        found = self.session.scalar(select(model.id).where(model.ref == key.upper()))
        return Target(kind, found, key.upper()) if found is not None else None

    def get(self, kind: RefKind, record_id: uuid.UUID) -> Record | None:
        model = MODEL.get(kind)
        row = self.session.get(model, record_id) if model is not None else None
        if row is None:
            return None
        converted: list[Record] = self._convert(kind, [row])
        return converted[0]

    def _convert(self, kind: RefKind, rows: list[Any]) -> list[Any]:
        if kind is RefKind.NOTE:
            refs = self._target_refs(rows)
            return [convert.note(r, *refs[r.id]) for r in rows]
        untagged: dict[RefKind, Callable[[list[Any]], list[Any]]] = {
            RefKind.LINK: self._links,
            RefKind.CHARGE: self.charge_rows,
            RefKind.ELEMENT_LINK: self.element_link_rows,
        }
        if kind in untagged:
            return untagged[kind](rows)
        tags = self._tags(kind, [r.id for r in rows])
        if kind is RefKind.PERSON:
            return [convert.person(r, tags.get(r.id, ())) for r in rows]
        if kind is RefKind.INCIDENT:
            return [convert.incident(r, tags.get(r.id, ())) for r in rows]
        if kind is RefKind.SOURCE:
            return [convert.source(r, tags.get(r.id, ())) for r in rows]
        return self._exhibits(rows, tags)

    def _refs(self, model: Any, ids: Iterable[uuid.UUID | None]) -> dict[uuid.UUID, str]:
        wanted = list({i for i in ids if i is not None})
        result: dict[uuid.UUID, str] = {}
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            for record_id, ref in self.session.execute(select(model.id, model.ref).where(model.id.in_(chunk))):
                result[record_id] = ref
        return result

    def _target_refs(self, rows: list[NoteRow] | list[TaggingRow]) -> dict[uuid.UUID, tuple[str, str]]:
        refs: dict[uuid.UUID, tuple[str, str]] = {}
        lookups: dict[RefKind, dict[uuid.UUID, str]] = {
            kind: self._refs(MODEL[kind], (getattr(r, column) for r in rows)) for kind, column in TARGET_COLUMN.items()
        }
        for row in rows:
            refs[row.id] = (RefKind.CASE.value, "CASE")
            for kind, column in TARGET_COLUMN.items():
                value = getattr(row, column)
                if value is not None:
                    refs[row.id] = (kind.value, lookups[kind].get(value, "?"))
        return refs

    def _links(self, rows: list[LinkRow]) -> list[Link]:
        exhibits = self._refs(ExhibitRow, (r.exhibit_id for r in rows))
        persons = self._refs(PersonRow, (r.person_id for r in rows))
        incidents = self._refs(IncidentRow, (r.incident_id for r in rows))
        result = []
        for row in rows:
            if row.person_id is not None:
                kind, ref = RefKind.PERSON.value, persons.get(row.person_id, "?")
            else:
                kind, ref = RefKind.INCIDENT.value, incidents.get(row.incident_id, "?") if row.incident_id else "?"
            result.append(convert.link(row, exhibits.get(row.exhibit_id, "?"), kind, ref))
        return result

    def _tags(self, kind: RefKind, ids: list[uuid.UUID]) -> dict[uuid.UUID, tuple[str, ...]]:
        column = getattr(TaggingRow, TARGET_COLUMN[kind])
        result: dict[uuid.UUID, list[str]] = {}
        for start in range(0, len(ids), 500):
            pairs = self.session.execute(
                select(column, TagRow.name)
                .join(TagRow)
                .where(column.in_(ids[start : start + 500]), TaggingRow.deleted_at.is_(None))
            )
            for record_id, name in pairs:
                result.setdefault(record_id, []).append(name)
        return {k: tuple(sorted(v)) for k, v in result.items()}

    def _exhibits(self, rows: list[ExhibitRow], tags: dict[uuid.UUID, tuple[str, ...]]) -> list[Exhibit]:
        sources = self._refs(SourceRow, (r.source_id for r in rows))
        ids = [r.id for r in rows]
        links: dict[uuid.UUID, int] = {}
        for start in range(0, len(ids), 500):
            for exhibit_id, count in self.session.execute(
                select(LinkRow.exhibit_id, func.count())
                .where(LinkRow.exhibit_id.in_(ids[start : start + 500]), LinkRow.deleted_at.is_(None))
                .group_by(LinkRow.exhibit_id)
            ):
                links[exhibit_id] = count
        return [
            convert.exhibit(
                r, tags.get(r.id, ()), sources.get(r.source_id) if r.source_id else None, links.get(r.id, 0)
            )
            for r in rows
        ]

    # -- listings --------------------------------------------------------------------------
    def _list(self, kind: RefKind, query: RecordQuery, order: Any) -> list[Any]:
        model = MODEL[kind]
        orders = order if isinstance(order, tuple) else (order,)
        statement = narrowed(_deleted(select(model), model, query.deleted), model, kind, query.words)
        statement = _page(statement.order_by(*orders, model.id), query.page)
        return self._convert(kind, list(self.session.scalars(statement)))

    def persons(self, query: RecordQuery) -> list[Person]:
        return self._list(RefKind.PERSON, query, (func.length(PersonRow.ref), PersonRow.ref))

    def incidents(self, query: RecordQuery) -> list[Incident]:
        return self._list(RefKind.INCIDENT, query, IncidentRow.created_at)

    def sources(self, query: RecordQuery) -> list[Source]:
        return self._list(RefKind.SOURCE, query, SourceRow.created_at)

    def notes(self, query: RecordQuery) -> list[Note]:
        statement = narrowed(_deleted(select(NoteRow), NoteRow, query.deleted), NoteRow, RefKind.NOTE, query.words)
        if query.target is not None:
            statement = statement.where(target_filter(NoteRow, query.target))
        statement = _page(statement.order_by(NoteRow.created_at, NoteRow.id), query.page)
        return self._convert(RefKind.NOTE, list(self.session.scalars(statement)))

    def links(self, query: RecordQuery) -> list[Link]:
        statement = narrowed(_deleted(select(LinkRow), LinkRow, query.deleted), LinkRow, RefKind.LINK, query.words)
        target = query.target
        if target is not None:
            column = {RefKind.EXHIBIT: LinkRow.exhibit_id, RefKind.PERSON: LinkRow.person_id}.get(
                target.kind, LinkRow.incident_id
            )
            statement = statement.where(column == target.id)
        statement = _page(statement.order_by(LinkRow.created_at, LinkRow.id), query.page)
        return self._links(list(self.session.scalars(statement)))

    def _exhibit_filter(self, query: ExhibitQuery) -> Select[Any] | None:
        statement = _deleted(select(ExhibitRow), ExhibitRow, query.deleted)
        if query.kind is not None:
            statement = statement.where(ExhibitRow.kind == query.kind.value)
        if query.source_id is not None:
            statement = statement.where(ExhibitRow.source_id == query.source_id)
        if query.tag is not None:
            statement = statement.where(ExhibitRow.id.in_(exhibits_tagged(query.tag)))
        if query.text:
            match = searchtext.fts_query(query.text)
            if not match:
                return None
            # The row of exhibit EX-n is row n: the matching rows' rowids are the exhibits' numbers,
            # read from the FTS index alone, and the live ones are found in ix_exhibits_live_number.
            matching: Select[Any] = (
                select(literal_column("rowid"))
                .select_from(text("exhibit_text"))
                .where(text("exhibit_text MATCH :match").bindparams(match=match))
            )
            statement = statement.where(ExhibitRow.number.in_(matching))
        return statement

    def exhibits(self, query: ExhibitQuery) -> list[Exhibit]:
        statement = self._exhibit_filter(query)
        if statement is None:
            return []
        order = _EXHIBIT_ORDER[query.sort]
        # The tie-break must differ from the sort column, or SQLite sorts every row instead of
        # walking the index (bench/store.py: a page at offset 90 000 went from 169 to 7 ms).
        tie = ExhibitRow.ref if query.sort is ExhibitSort.REF else ExhibitRow.number
        statement = statement.order_by(order.desc() if query.descending else order, tie)
        # The page's rowids first, then its rows: ordering 5 000 matches of a search by title reads
        # their index entries (ix_exhibits_live_number holds the sort columns), not 5 000 rows.
        rowid: ColumnClause[int] = literal_column("exhibits.rowid")
        keys = list(
            self.session.scalars(_page(statement.with_only_columns(rowid, maintain_column_froms=True), query.page))
        )
        if not keys:
            return []
        found = {key: row for row, key in self.session.execute(select(ExhibitRow, rowid).where(rowid.in_(keys)))}
        rows = [found[key] for key in keys]
        return self._exhibits(rows, self._tags(RefKind.EXHIBIT, [r.id for r in rows]))

    def count_exhibits(self, query: ExhibitQuery) -> int:
        statement = self._exhibit_filter(query)
        if statement is None:
            return 0
        return self.session.scalar(select(func.count()).select_from(statement.subquery())) or 0

    def search_exhibits(self, query: ExhibitSearch) -> list[ExhibitFound]:
        found = search_rows(self.session, query)
        rows = [row for row, _ in found]
        exhibits = self._exhibits(rows, self._tags(RefKind.EXHIBIT, [r.id for r in rows]))
        windows = body_windows(self.session, query.text, [r.id for r in rows])
        return [
            ExhibitFound(exhibit, exact, windows.get(exhibit.id))
            for exhibit, (_, exact) in zip(exhibits, found, strict=True)
        ]

    def count_search_exhibits(self, query: ExhibitSearch) -> int:
        return count_search(self.session, query)

    # -- tags ------------------------------------------------------------------------------
    def tags_of(self, target: Target) -> list[str]:
        query = (
            select(TagRow.name)
            .join(TaggingRow)
            .where(target_filter(TaggingRow, target), TaggingRow.deleted_at.is_(None))
            .order_by(TagRow.name)
        )
        return list(self.session.scalars(query))

    def tag_counts(self) -> list[tuple[str, int]]:
        query = (
            select(TagRow.name, func.count(TaggingRow.id))
            .join(TaggingRow)
            .where(TaggingRow.deleted_at.is_(None))
            .group_by(TagRow.id)
            .order_by(func.count(TaggingRow.id).desc(), TagRow.name)
        )
        return [(name, count) for name, count in self.session.execute(query)]

    def counts(self) -> dict[str, int]:
        result = {}
        for kind, name in (
            (RefKind.PERSON, "persons"),
            (RefKind.INCIDENT, "incidents"),
            (RefKind.SOURCE, "sources"),
            (RefKind.EXHIBIT, "exhibits"),
            (RefKind.NOTE, "notes"),
            (RefKind.LINK, "links"),
            (RefKind.CHARGE, "charges"),
            (RefKind.ELEMENT_LINK, "element_links"),
        ):
            model = MODEL[kind]
            result[name] = (
                self.session.scalar(select(func.count()).select_from(model).where(model.deleted_at.is_(None))) or 0
            )
        result["tags"] = len(self.tag_counts())
        result["custody_entries"] = self.session.scalar(select(func.count()).select_from(CustodyRow)) or 0
        return result

    def dependents(self, kind: RefKind, record_id: uuid.UUID) -> list[str]:
        refs: list[str] = []
        if kind in (RefKind.EXHIBIT, RefKind.PERSON, RefKind.INCIDENT):
            column = {RefKind.EXHIBIT: LinkRow.exhibit_id, RefKind.PERSON: LinkRow.person_id}.get(
                kind, LinkRow.incident_id
            )
            refs += self.session.scalars(
                select(LinkRow.ref)
                .where(column == record_id, LinkRow.deleted_at.is_(None))
                .order_by(LinkRow.created_at)
            )
        if kind is RefKind.SOURCE:
            refs += self.session.scalars(
                select(ExhibitRow.ref)
                .where(ExhibitRow.source_id == record_id, ExhibitRow.deleted_at.is_(None))
                .order_by(ExhibitRow.number)
            )
        if kind in TARGET_COLUMN:
            column = getattr(NoteRow, TARGET_COLUMN[kind])
            refs += self.session.scalars(
                select(NoteRow.ref)
                .where(column == record_id, NoteRow.deleted_at.is_(None))
                .order_by(NoteRow.created_at)
            )
        return refs + self.analysis_dependents(kind, record_id)

    # -- custody ---------------------------------------------------------------------------
    def _custody_filter(self, query: CustodyQuery | None) -> Select[Any]:
        statement = select(CustodyRow)
        if query is None:
            return statement
        if query.target_id is not None or query.target_ref is not None:
            conditions = []
            if query.target_id is not None:
                conditions.append(CustodyRow.target_id == str(query.target_id))
            if query.target_ref is not None:
                conditions.append(CustodyRow.target == query.target_ref.upper())
            statement = statement.where(or_(*conditions))
        if query.actor is not None:
            statement = statement.where(CustodyRow.actor == query.actor)
        if query.action is not None:
            statement = statement.where(CustodyRow.action == query.action)
        if query.since_seq:
            statement = statement.where(CustodyRow.seq > query.since_seq)
        # Entry times are all written in one form (UTC, microseconds, "Z"), so text order is time order.
        if query.at_from is not None:
            statement = statement.where(CustodyRow.at >= utc_timestamp(query.at_from))
        if query.at_before is not None:
            statement = statement.where(CustodyRow.at < utc_timestamp(query.at_before))
        return statement

    def custody_entries(self, query: CustodyQuery | None = None) -> Iterator[CustodyEntry]:
        statement = self._custody_filter(query)
        newest_first = query is not None and query.newest_first
        statement = statement.order_by(CustodyRow.seq.desc() if newest_first else CustodyRow.seq)
        if query is not None:
            statement = _page(statement, query.page)
        for row in self.session.scalars(statement.execution_options(yield_per=1000)):
            yield convert.custody_entry(row)

    def count_custody(self, query: CustodyQuery | None = None) -> int:
        return self.session.scalar(select(func.count()).select_from(self._custody_filter(query).subquery())) or 0

    def custody_entry(self, seq: int) -> CustodyEntry | None:
        row = self.session.get(CustodyRow, seq)
        return convert.custody_entry(row) if row else None

    def last_custody_entry(self) -> CustodyEntry | None:
        row = self.session.scalars(select(CustodyRow).order_by(CustodyRow.seq.desc()).limit(1)).first()
        return convert.custody_entry(row) if row else None

    def revision(self, custody_seq: int) -> Revision | None:
        row = self.session.scalars(select(RevisionRow).where(RevisionRow.custody_seq == custody_seq)).first()
        if row is None:
            return None
        return Revision(
            row.custody_seq,
            RefKind(row.record_kind),
            row.record_id,
            json.loads(row.old_json),
            json.loads(row.new_json),
            row.reason,
        )
