"""Read and write transactions over one case database (implements core.ports ReadTx/WriteTx)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, func, insert, literal_column, select, text
from sqlalchemy.orm import InstrumentedAttribute, Session

from caseapp.core import searchtext
from caseapp.core.entities import (
    CaseInfo,
    CustodyEntry,
    Exhibit,
    ExhibitKind,
    Incident,
    InformationCredibility,
    Link,
    LinkStance,
    Note,
    Person,
    PersonRole,
    PlacePrecision,
    ProtectionLevel,
    Sensitivity,
    Source,
    SourceReliability,
    TimePrecision,
)
from caseapp.core.errors import CaseDamagedError
from caseapp.core.ports import ExhibitQuery, Target
from caseapp.core.refs import RefKind
from caseapp.storage import convert
from caseapp.storage.orm import (
    CaseInfoRow,
    CustodyRow,
    ExhibitRow,
    IncidentRow,
    LinkRow,
    NoteRow,
    PersonRow,
    SourceRow,
    TaggingRow,
    TagRow,
)

_TARGET_COLUMN = {
    RefKind.EXHIBIT: "exhibit_id",
    RefKind.PERSON: "person_id",
    RefKind.INCIDENT: "incident_id",
    RefKind.SOURCE: "source_id",
}
_EXHIBIT_ORDER: dict[str, InstrumentedAttribute[Any]] = {
    "id": ExhibitRow.id,
    "title": ExhibitRow.title,
    "acquired_at": ExhibitRow.acquired_at,
}


def _target_filter(model: type[TaggingRow] | type[NoteRow], target: Target) -> ColumnElement[bool]:
    if target.kind is RefKind.CASE:
        return and_(*(getattr(model, column).is_(None) for column in _TARGET_COLUMN.values()))
    column: InstrumentedAttribute[int | None] = getattr(model, _TARGET_COLUMN[target.kind])
    return column == target.id


class SqlReadTx:
    def __init__(self, session: Session) -> None:
        self.session = session

    def case_info(self) -> CaseInfo:
        row = self.session.get(CaseInfoRow, 1)
        if row is None:
            raise CaseDamagedError("the case database has no case record")
        return convert.case_info(row)

    def persons(self, *, include_deleted: bool = False) -> list[Person]:
        query = select(PersonRow).order_by(PersonRow.pseudonym)
        if not include_deleted:
            query = query.where(PersonRow.deleted_at.is_(None))
        return [convert.person(r) for r in self.session.scalars(query)]

    def person_by_pseudonym(self, pseudonym: str) -> Person | None:
        row = self.session.scalars(select(PersonRow).where(PersonRow.pseudonym == pseudonym)).first()
        return convert.person(row) if row else None

    def max_pseudonym_number(self, prefix: str) -> int:
        names = self.session.scalars(select(PersonRow.pseudonym).where(PersonRow.pseudonym.like(f"{prefix}-%")))
        return max((int(n.split("-", 1)[1]) for n in names), default=0)

    def incidents(self, *, include_deleted: bool = False) -> list[Incident]:
        query = select(IncidentRow).order_by(IncidentRow.id)
        if not include_deleted:
            query = query.where(IncidentRow.deleted_at.is_(None))
        return [convert.incident(r) for r in self.session.scalars(query)]

    def incident(self, incident_id: int) -> Incident | None:
        row = self.session.get(IncidentRow, incident_id)
        return convert.incident(row) if row else None

    def sources(self, *, include_deleted: bool = False) -> list[Source]:
        query = select(SourceRow).order_by(SourceRow.id)
        if not include_deleted:
            query = query.where(SourceRow.deleted_at.is_(None))
        return [convert.source(r) for r in self.session.scalars(query)]

    def source(self, source_id: int) -> Source | None:
        row = self.session.get(SourceRow, source_id)
        return convert.source(row) if row else None

    def exhibits(self, query: ExhibitQuery) -> list[Exhibit]:
        statement = select(ExhibitRow)
        if not query.include_deleted:
            statement = statement.where(ExhibitRow.deleted_at.is_(None))
        if query.kind is not None:
            statement = statement.where(ExhibitRow.kind == query.kind.value)
        if query.tag is not None:
            tagged = select(TaggingRow.exhibit_id).join(TagRow).where(TagRow.name == query.tag.casefold())
            statement = statement.where(ExhibitRow.id.in_(tagged))
        if query.text:
            match = searchtext.fts_query(query.text)
            if not match:
                return []
            matching: Select[Any] = (
                select(literal_column("rowid"))
                .select_from(text("exhibit_text"))
                .where(text("exhibit_text MATCH :match").bindparams(match=match))
            )
            statement = statement.where(ExhibitRow.id.in_(matching))
        order = _EXHIBIT_ORDER.get(query.order_by, ExhibitRow.id)
        statement = statement.order_by(order.desc() if query.descending else order, ExhibitRow.id)
        statement = statement.offset(query.offset)
        if query.limit is not None:
            statement = statement.limit(query.limit)
        rows = list(self.session.scalars(statement))
        tags = self._exhibit_tags([r.id for r in rows])
        return [convert.exhibit(r, tags.get(r.id, ())) for r in rows]

    def _exhibit_tags(self, ids: list[int]) -> dict[int, tuple[str, ...]]:
        result: dict[int, list[str]] = {}
        for chunk_start in range(0, len(ids), 500):
            chunk = ids[chunk_start : chunk_start + 500]
            pairs = self.session.execute(
                select(TaggingRow.exhibit_id, TagRow.name).join(TagRow).where(TaggingRow.exhibit_id.in_(chunk))
            )
            for exhibit_id, name in pairs:
                if exhibit_id is not None:
                    result.setdefault(exhibit_id, []).append(name)
        return {k: tuple(sorted(v)) for k, v in result.items()}

    def exhibit(self, exhibit_id: int) -> Exhibit | None:
        row = self.session.get(ExhibitRow, exhibit_id)
        return convert.exhibit(row, self._exhibit_tags([exhibit_id]).get(exhibit_id, ())) if row else None

    def _ref_of(self, row: TaggingRow | NoteRow) -> str:
        if row.exhibit_id is not None:
            return f"EX-{row.exhibit_id}"
        if row.incident_id is not None:
            return f"INC-{row.incident_id}"
        if row.source_id is not None:
            return f"SRC-{row.source_id}"
        if row.person_id is not None:
            person = self.session.get(PersonRow, row.person_id)
            return person.pseudonym if person else f"person {row.person_id}"
        return "CASE"

    def notes(self, target: Target | None = None) -> list[Note]:
        query = select(NoteRow).where(NoteRow.deleted_at.is_(None)).order_by(NoteRow.id)
        if target is not None:
            query = query.where(_target_filter(NoteRow, target))
        return [convert.note(r, self._ref_of(r)) for r in self.session.scalars(query)]

    def links(self, exhibit_id: int | None = None) -> list[Link]:
        query = select(LinkRow).where(LinkRow.deleted_at.is_(None)).order_by(LinkRow.id)
        if exhibit_id is not None:
            query = query.where(LinkRow.exhibit_id == exhibit_id)
        result = []
        for row in self.session.scalars(query):
            if row.incident_id is not None:
                target = f"INC-{row.incident_id}"
            else:
                person = self.session.get(PersonRow, row.person_id)
                target = person.pseudonym if person else f"person {row.person_id}"
            result.append(convert.link(row, target))
        return result

    def tags_of(self, target: Target) -> list[str]:
        query = select(TagRow.name).join(TaggingRow).where(_target_filter(TaggingRow, target)).order_by(TagRow.name)
        return list(self.session.scalars(query))

    def tag_counts(self) -> list[tuple[str, int]]:
        query = (
            select(TagRow.name, func.count(TaggingRow.id))
            .join(TaggingRow)
            .group_by(TagRow.id)
            .order_by(func.count(TaggingRow.id).desc(), TagRow.name)
        )
        return [(name, count) for name, count in self.session.execute(query)]

    def counts(self) -> dict[str, int]:
        result = {}
        for name, model in (
            ("persons", PersonRow),
            ("incidents", IncidentRow),
            ("sources", SourceRow),
            ("exhibits", ExhibitRow),
            ("notes", NoteRow),
            ("links", LinkRow),
        ):
            result[name] = (
                self.session.scalar(select(func.count()).select_from(model).where(model.deleted_at.is_(None))) or 0
            )
        result["tags"] = self.session.scalar(select(func.count()).select_from(TagRow)) or 0
        result["custody_entries"] = self.session.scalar(select(func.count()).select_from(CustodyRow)) or 0
        return result

    def custody_entries(self) -> Iterator[CustodyEntry]:
        for row in self.session.scalars(select(CustodyRow).order_by(CustodyRow.seq)):
            yield convert.custody_entry(row)

    def custody_entry(self, seq: int) -> CustodyEntry | None:
        row = self.session.get(CustodyRow, seq)
        return convert.custody_entry(row) if row else None

    def last_custody_entry(self) -> CustodyEntry | None:
        row = self.session.scalars(select(CustodyRow).order_by(CustodyRow.seq.desc()).limit(1)).first()
        return convert.custody_entry(row) if row else None


class SqlWriteTx(SqlReadTx):
    def __init__(self, session: Session) -> None:
        super().__init__(session)
        self.appended: CustodyEntry | None = None
        self.committed = False
        """Set once the transaction is durable: callers must not undo their side effects after that."""

    def _add(self, row: Any) -> Any:
        self.session.add(row)
        self.session.flush()
        return row

    def set_case_info(self, info: CaseInfo) -> None:
        self.session.merge(
            CaseInfoRow(
                id=1,
                case_id=info.case_id,
                title=info.title,
                description=info.description,
                created_at=info.created_at,
                created_by=info.created_by,
            )
        )
        self.session.flush()

    def add_person(
        self,
        *,
        pseudonym: str,
        role: PersonRole,
        protection: ProtectionLevel,
        full_name: str,
        description: str,
        created_at: datetime,
    ) -> Person:
        row = PersonRow(
            pseudonym=pseudonym,
            role=role.value,
            protection=protection.value,
            full_name=full_name,
            description=description,
            created_at=created_at,
        )
        return convert.person(self._add(row))

    def add_incident(
        self,
        *,
        title: str,
        description: str,
        time_start: datetime | None,
        time_end: datetime | None,
        time_precision: TimePrecision,
        place_name: str,
        latitude: float | None,
        longitude: float | None,
        place_precision: PlacePrecision,
        created_at: datetime,
    ) -> Incident:
        row = IncidentRow(
            title=title,
            description=description,
            time_start=time_start,
            time_end=time_end,
            time_precision=time_precision.value,
            place_name=place_name,
            latitude=latitude,
            longitude=longitude,
            place_precision=place_precision.value,
            created_at=created_at,
        )
        return convert.incident(self._add(row))

    def add_source(
        self,
        *,
        name: str,
        description: str,
        reliability: SourceReliability,
        credibility: InformationCredibility,
        created_at: datetime,
    ) -> Source:
        row = SourceRow(
            name=name,
            description=description,
            reliability=reliability.value,
            credibility=credibility.value,
            created_at=created_at,
        )
        return convert.source(self._add(row))

    def add_exhibit(
        self,
        *,
        title: str,
        kind: ExhibitKind,
        description: str,
        source_id: int | None,
        sensitivity: Sensitivity,
        acquired_at: datetime | None,
        created_at: datetime,
    ) -> Exhibit:
        row = ExhibitRow(
            title=title,
            kind=kind.value,
            description=description,
            source_id=source_id,
            sensitivity=sensitivity.value,
            acquired_at=acquired_at,
            created_at=created_at,
        )
        exhibit = convert.exhibit(self._add(row))
        self.index_text(exhibit.id, title, description)
        return exhibit

    def index_text(self, exhibit_id: int, title: str, body: str) -> None:
        """Index an exhibit for full-text search, in its search form (``caseapp.core.searchtext``);
        the text as written stays in the exhibit (or its encrypted text derivative)."""
        self.session.execute(
            text("INSERT INTO exhibit_text (rowid, title, body) VALUES (:id, :title, :body)"),
            {"id": exhibit_id, "title": searchtext.index_form(title), "body": searchtext.index_form(body)},
        )

    def add_tag(self, target: Target, name: str) -> bool:
        tag = self.session.scalars(select(TagRow).where(TagRow.name == name)).first()
        if tag is None:
            tag = self._add(TagRow(name=name))
        exists = self.session.scalars(
            select(TaggingRow.id).where(TaggingRow.tag_id == tag.id, _target_filter(TaggingRow, target))
        ).first()
        if exists is not None:
            return False
        self._add(TaggingRow(tag_id=tag.id, **{_TARGET_COLUMN[target.kind]: target.id}))
        return True

    def remove_tag(self, target: Target, name: str) -> bool:
        row = self.session.scalars(
            select(TaggingRow).join(TagRow).where(TagRow.name == name, _target_filter(TaggingRow, target))
        ).first()
        if row is None:
            return False
        self.session.delete(row)  # a tagging is a label, not evidence; its removal is in the custody log
        self.session.flush()
        return True

    def add_note(self, target: Target, *, text: str, author: str, created_at: datetime) -> Note:
        columns = {} if target.kind is RefKind.CASE else {_TARGET_COLUMN[target.kind]: target.id}
        row = self._add(NoteRow(text=text, author=author, created_at=created_at, **columns))
        return convert.note(row, target.ref)

    def add_link(
        self,
        exhibit_id: int,
        target: Target,
        *,
        stance: LinkStance,
        reasoning: str,
        author: str,
        created_at: datetime,
    ) -> Link:
        row = LinkRow(
            exhibit_id=exhibit_id,
            stance=stance.value,
            reasoning=reasoning,
            author=author,
            created_at=created_at,
            **{_TARGET_COLUMN[target.kind]: target.id},
        )
        return convert.link(self._add(row), target.ref)

    def last_custody_entry(self) -> CustodyEntry | None:
        # Inside a write transaction (which holds the write lock) the newest entry is the one
        # this transaction appended last, if any: no need to ask the database again.
        return self.appended if self.appended is not None else super().last_custody_entry()

    def append_custody(self, entry: CustodyEntry) -> None:
        self.session.execute(insert(CustodyRow), [convert.custody_values(entry)])
        self.appended = entry
