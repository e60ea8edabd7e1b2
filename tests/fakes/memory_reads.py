"""The reads of the in-memory case store (``caseapp.core.ports.ReadTx``), over one :class:`State`.

Orders follow the SQL store: persons by ref, other records by creation time, exhibits by the
chosen column (absent values first going up, last going down) then by number, UUIDs breaking
ties as the SQL store's hex column does.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any, TypeVar

from caseapp.core import searchtext
from caseapp.core.dossier.inputs import SectionText
from caseapp.core.entities import (
    Acquisition,
    CustodyEntry,
    DerivativeInfo,
    Exhibit,
    Incident,
    Link,
    Note,
    Person,
    ProtectionLevel,
    Source,
)
from caseapp.core.ports import (
    BlobRecord,
    CustodyQuery,
    Deleted,
    ExhibitQuery,
    ExhibitSort,
    Page,
    Record,
    RecordQuery,
    Revision,
    Target,
)
from caseapp.core.refs import RefKind
from tests.fakes import memory_rows as convert
from tests.fakes.memory_rows import TARGET_COLUMN, Row, State

T = TypeVar("T")
_SORT_COLUMN = {
    ExhibitSort.REF: "number",
    ExhibitSort.TITLE: "title",
    ExhibitSort.KIND: "kind",
    ExhibitSort.ACQUIRED: "acquired_at",
    ExhibitSort.CAPTURED: "captured",
    ExhibitSort.SIZE: "size",
}


def _shown(row: Row, deleted: Deleted) -> bool:
    if deleted is Deleted.HIDE:
        return row["deleted_at"] is None
    if deleted is Deleted.ONLY:
        return row["deleted_at"] is not None
    return True


def _page(items: list[T], page: Page) -> list[T]:
    end = None if page.limit is None else page.offset + page.limit
    return items[page.offset : end]


def _nulls_first(value: Any) -> tuple[bool, Any]:
    return (value is not None, value)


class MemoryReads:
    def __init__(self, state: State) -> None:
        self.state = state

    # -- finding records -------------------------------------------------------------------
    def _table(self, kind: RefKind) -> dict[uuid.UUID, Row]:
        return self.state.rows[kind]

    def find(self, kind: RefKind, key: uuid.UUID | str) -> Target | None:
        if kind not in self.state.rows:
            return None
        table = self._table(kind)
        if isinstance(key, uuid.UUID):
            row = table.get(key)
            return Target(kind, key, row["ref"]) if row is not None else None
        wanted = key.upper()
        for row in table.values():
            if row["ref"] == wanted:
                return Target(kind, row["id"], wanted)
        return None

    def get(self, kind: RefKind, record_id: uuid.UUID) -> Record | None:
        row = self.state.rows.get(kind, {}).get(record_id)
        if row is None:
            return None
        converted: list[Record] = self._convert(kind, [row])
        return converted[0]

    def _ref(self, kind: RefKind, record_id: uuid.UUID | None) -> str:
        row = self._table(kind).get(record_id) if record_id is not None else None
        return row["ref"] if row is not None else "?"

    def _convert(self, kind: RefKind, rows: list[Row]) -> list[Any]:
        if kind is RefKind.NOTE:
            return [convert.note(r, *self._note_target(r)) for r in rows]
        if kind is RefKind.LINK:
            return [self._link(r) for r in rows]
        tags = {r["id"]: tuple(self._tag_names(kind, r["id"])) for r in rows}
        if kind is RefKind.PERSON:
            return [convert.person(r, tags[r["id"]]) for r in rows]
        if kind is RefKind.INCIDENT:
            return [convert.incident(r, tags[r["id"]]) for r in rows]
        if kind is RefKind.SOURCE:
            return [convert.source(r, tags[r["id"]]) for r in rows]
        return [self._exhibit(r, tags[r["id"]]) for r in rows]

    def _note_target(self, row: Row) -> tuple[str, str]:
        for kind, column in TARGET_COLUMN.items():
            if row[column] is not None:
                return kind.value, self._ref(kind, row[column])
        return RefKind.CASE.value, "CASE"

    def _link(self, row: Row) -> Link:
        if row["person_id"] is not None:
            kind, ref = RefKind.PERSON.value, self._ref(RefKind.PERSON, row["person_id"])
        else:
            kind, ref = RefKind.INCIDENT.value, self._ref(RefKind.INCIDENT, row["incident_id"])
        return convert.link(row, self._ref(RefKind.EXHIBIT, row["exhibit_id"]), kind, ref)

    def _exhibit(self, row: Row, tags: tuple[str, ...]) -> Exhibit:
        source_ref = self._ref(RefKind.SOURCE, row["source_id"]) if row["source_id"] else None
        if source_ref == "?":
            source_ref = None
        links = sum(
            1
            for link in self._table(RefKind.LINK).values()
            if link["exhibit_id"] == row["id"] and link["deleted_at"] is None
        )
        return convert.exhibit(row, tags, source_ref, links)

    # -- listings --------------------------------------------------------------------------
    def _list(self, kind: RefKind, query: RecordQuery, order: Callable[[Row], Any], keep: Callable[[Row], bool]) -> Any:
        rows = [r for r in self._table(kind).values() if _shown(r, query.deleted) and keep(r)]
        rows.sort(key=lambda r: (order(r), r["id"]))
        return self._convert(kind, _page(rows, query.page))

    def persons(self, query: RecordQuery) -> list[Person]:
        result: list[Person] = self._list(RefKind.PERSON, query, lambda r: r["ref"], lambda _: True)
        return result

    def derived(self, name: str, build: Callable[[], T]) -> T:
        del name
        return build()  # kept by nothing: every read builds it again

    def persons_to_redact(self) -> list[Person]:
        everyone = self.persons(RecordQuery(deleted=Deleted.INCLUDE))
        return [
            p if p.protection is ProtectionLevel.NONE else replace(p, identity=self.person_identity(p.id))
            for p in everyone
        ]

    def incidents(self, query: RecordQuery) -> list[Incident]:
        result: list[Incident] = self._list(RefKind.INCIDENT, query, lambda r: r["created_at"], lambda _: True)
        return result

    def sources(self, query: RecordQuery) -> list[Source]:
        result: list[Source] = self._list(RefKind.SOURCE, query, lambda r: r["created_at"], lambda _: True)
        return result

    def notes(self, query: RecordQuery) -> list[Note]:
        target = query.target
        if target is None:
            keep: Callable[[Row], bool] = lambda _: True  # noqa: E731
        elif target.kind is RefKind.CASE:
            keep = lambda r: all(r[c] is None for c in TARGET_COLUMN.values())  # noqa: E731
        else:
            keep = lambda r: r[TARGET_COLUMN[target.kind]] == target.id  # noqa: E731
        result: list[Note] = self._list(RefKind.NOTE, query, lambda r: r["created_at"], keep)
        return result

    def links(self, query: RecordQuery) -> list[Link]:
        target = query.target
        if target is None:
            keep: Callable[[Row], bool] = lambda _: True  # noqa: E731
        else:
            column = {RefKind.EXHIBIT: "exhibit_id", RefKind.PERSON: "person_id"}.get(target.kind, "incident_id")
            keep = lambda r: r[column] == target.id  # noqa: E731
        result: list[Link] = self._list(RefKind.LINK, query, lambda r: r["created_at"], keep)
        return result

    def _exhibit_rows(self, query: ExhibitQuery) -> list[Row]:
        if query.text and not searchtext.fts_query(query.text):  # also refuses a query too long
            return []
        tagged = None
        if query.tag is not None:
            name = query.tag.casefold()
            tagged = {
                t["target_id"]
                for t in self.state.taggings
                if t["tag"] == name and t["kind"] is RefKind.EXHIBIT and t["deleted_at"] is None
            }
        found = []
        for row in self._table(RefKind.EXHIBIT).values():
            if not _shown(row, query.deleted):
                continue
            if query.kind is not None and row["kind"] != query.kind.value:
                continue
            if query.source_id is not None and row["source_id"] != query.source_id:
                continue
            if tagged is not None and row["id"] not in tagged:
                continue
            if query.text:
                indexed = self.state.index.get(row["id"])
                if indexed is None or not convert.matches(query.text, *indexed):
                    continue
            found.append(row)
        return found

    def exhibits(self, query: ExhibitQuery) -> list[Exhibit]:
        rows = self._exhibit_rows(query)
        rows.sort(key=lambda r: r["ref"] if query.sort is ExhibitSort.REF else r["number"])  # the tie-break
        column = _SORT_COLUMN[query.sort]
        rows.sort(key=lambda r: _nulls_first(r[column]), reverse=query.descending)  # stable: ties stay
        result: list[Exhibit] = self._convert(RefKind.EXHIBIT, _page(rows, query.page))
        return result

    def count_exhibits(self, query: ExhibitQuery) -> int:
        return len(self._exhibit_rows(query))

    # -- tags ------------------------------------------------------------------------------
    def _live_taggings(self) -> Iterator[Row]:
        return (t for t in self.state.taggings if t["deleted_at"] is None)

    def _tag_names(self, kind: RefKind, record_id: uuid.UUID | None) -> list[str]:
        return sorted(t["tag"] for t in self._live_taggings() if t["kind"] is kind and t["target_id"] == record_id)

    def tags_of(self, target: Target) -> list[str]:
        return self._tag_names(target.kind, target.id)

    def tag_counts(self) -> list[tuple[str, int]]:
        counts: dict[str, int] = {}
        for tagging in self._live_taggings():
            counts[tagging["tag"]] = counts.get(tagging["tag"], 0) + 1
        return sorted(counts.items(), key=lambda item: (-item[1], item[0]))

    def counts(self) -> dict[str, int]:
        result = {
            name: sum(1 for r in self._table(kind).values() if r["deleted_at"] is None)
            for kind, name in (
                (RefKind.PERSON, "persons"),
                (RefKind.INCIDENT, "incidents"),
                (RefKind.SOURCE, "sources"),
                (RefKind.EXHIBIT, "exhibits"),
                (RefKind.NOTE, "notes"),
                (RefKind.LINK, "links"),
            )
        }
        result["tags"] = len(self.tag_counts())
        result["custody_entries"] = len(self.state.custody)
        # Charges and element links are not in the fake yet (the scenario does not build them).
        result["charges"] = result["element_links"] = 0
        return result

    def dependents(self, kind: RefKind, record_id: uuid.UUID) -> list[str]:
        def live(table: RefKind, column: str, order: str) -> list[str]:
            rows = [r for r in self._table(table).values() if r[column] == record_id and r["deleted_at"] is None]
            return [r["ref"] for r in sorted(rows, key=lambda r: r[order])]

        refs: list[str] = []
        if kind in (RefKind.EXHIBIT, RefKind.PERSON, RefKind.INCIDENT):
            column = {RefKind.EXHIBIT: "exhibit_id", RefKind.PERSON: "person_id"}.get(kind, "incident_id")
            refs += live(RefKind.LINK, column, "created_at")
        if kind is RefKind.SOURCE:
            refs += live(RefKind.EXHIBIT, "source_id", "number")
        if kind in TARGET_COLUMN:
            refs += live(RefKind.NOTE, TARGET_COLUMN[kind], "created_at")
        return refs

    # -- custody ---------------------------------------------------------------------------
    def _custody(self, query: CustodyQuery | None) -> list[CustodyEntry]:
        entries = list(self.state.custody)
        if query is None:
            return entries
        if query.target_id is not None or query.target_ref is not None:
            wanted_id = str(query.target_id) if query.target_id is not None else None
            wanted_ref = query.target_ref.upper() if query.target_ref is not None else None
            entries = [
                e
                for e in entries
                if (wanted_id is not None and e.target_id == wanted_id)
                or (wanted_ref is not None and e.target == wanted_ref)
            ]
        if query.actor is not None:
            entries = [e for e in entries if e.actor == query.actor]
        if query.action is not None:
            entries = [e for e in entries if e.action == query.action]
        if query.since_seq:
            entries = [e for e in entries if e.seq > query.since_seq]
        if query.at_from is not None:
            first = query.at_from.astimezone(UTC)
            entries = [e for e in entries if datetime.fromisoformat(e.at) >= first]
        if query.at_before is not None:
            after = query.at_before.astimezone(UTC)
            entries = [e for e in entries if datetime.fromisoformat(e.at) < after]
        return entries

    def custody_entries(self, query: CustodyQuery | None = None) -> Iterator[CustodyEntry]:
        entries = self._custody(query)
        if query is not None:
            if query.newest_first:
                entries.reverse()
            entries = _page(entries, query.page)
        return iter(entries)

    def count_custody(self, query: CustodyQuery | None = None) -> int:
        return len(self._custody(query))

    def custody_entry(self, seq: int) -> CustodyEntry | None:
        return next((e for e in self.state.custody if e.seq == seq), None)

    def last_custody_entry(self) -> CustodyEntry | None:
        return self.state.custody[-1] if self.state.custody else None

    def revision(self, custody_seq: int) -> Revision | None:
        return next((r for r in self.state.revisions if r.custody_seq == custody_seq), None)

    # -- the author's dossier inputs --------------------------------------------------------
    def dossier_settings(self) -> dict[str, Any]:
        return {name: json.loads(text) for name, text in sorted(self.state.dossier_settings.items())}

    def dossier_sections(self) -> dict[str, SectionText]:
        return {
            key: SectionText(row["text"], row["author"], row["updated_at"])
            for key, row in sorted(self.state.dossier_sections.items())
            if row["deleted_at"] is None
        }

    # -- evidence files --------------------------------------------------------------------
    def _stored_blobs(self) -> list[Row]:
        return sorted((b for b in self.state.blob_files if b["state"] == "stored"), key=lambda b: b["created_at"])

    def blob_for(self, sha256: str, size: int) -> str | None:
        return next((b["name"] for b in self._stored_blobs() if b["sha256"] == sha256 and b["size"] == size), None)

    def derivatives(self, exhibit_id: uuid.UUID) -> list[DerivativeInfo]:
        rows = [d for d in self.state.derivatives if d["info"].exhibit_id == exhibit_id]
        return [d["info"] for d in sorted(rows, key=lambda d: (d["created_at"], d["info"].kind))]

    def acquisitions(self, exhibit_id: uuid.UUID) -> list[Acquisition]:
        found = [a["acquisition"] for a in self.state.acquisitions if a["acquisition"].exhibit_id == exhibit_id]
        return sorted(found, key=lambda a: a.seen_at)

    def exhibit_metadata(self, exhibit_id: uuid.UUID) -> dict[str, Any]:
        row = self._table(RefKind.EXHIBIT).get(exhibit_id)
        raw = row["metadata_json"] if row is not None else None
        return dict(json.loads(raw)) if raw else {}

    def original_blob(self, exhibit_id: uuid.UUID) -> BlobRecord | None:
        row = self._table(RefKind.EXHIBIT).get(exhibit_id)
        if row is None or row["sha256"] is None or row["size"] is None:
            return None
        name = self.blob_for(row["sha256"], row["size"])
        return BlobRecord(name or "", row["id"], row["ref"], "original", row["sha256"], row["size"])

    def derivative_blob(self, exhibit_id: uuid.UUID, kind: str) -> BlobRecord | None:
        info = next(
            (
                d["info"]
                for d in self.state.derivatives
                if d["info"].exhibit_id == exhibit_id and d["info"].kind == kind
            ),
            None,
        )
        if info is None:
            return None
        name = self.blob_for(info.sha256, info.size) or ""
        return BlobRecord(name, exhibit_id, self._ref(RefKind.EXHIBIT, exhibit_id), kind, info.sha256, info.size)

    def _by_number(self) -> list[Row]:
        return sorted(self._table(RefKind.EXHIBIT).values(), key=lambda r: r["number"])

    def referenced_blobs(self) -> list[BlobRecord]:
        files: dict[tuple[str, int], str] = {}
        for blob in self._stored_blobs():
            files.setdefault((blob["sha256"], blob["size"]), blob["name"])  # the oldest file of a content
        exhibits = [r for r in self._by_number() if r["sha256"] is not None]
        records = [
            BlobRecord(
                files.get((r["sha256"] or "", r["size"] or 0), ""),
                r["id"],
                r["ref"],
                "original",
                r["sha256"] or "",
                r["size"] or 0,
            )
            for r in exhibits
        ]
        for row in self._by_number():
            for d in (d["info"] for d in self.state.derivatives if d["info"].exhibit_id == row["id"]):
                records.append(
                    BlobRecord(files.get((d.sha256, d.size), ""), row["id"], row["ref"], d.kind, d.sha256, d.size)
                )
        return records

    def blob_files(self) -> list[tuple[str, str, int]]:
        ordered = sorted(self.state.blob_files, key=lambda b: b["created_at"])
        return [(b["name"], b["sha256"], b["size"]) for b in ordered]

    def stored_blob_names(self) -> set[str]:
        return {b["name"] for b in self.state.blob_files}

    def exhibits_by_sha256(self, hashes: Sequence[str] | None = None) -> dict[str, tuple[uuid.UUID, str]]:
        wanted = set(hashes) if hashes is not None else None
        result: dict[str, tuple[uuid.UUID, str]] = {}
        for row in self._by_number():
            sha = row["sha256"]
            if sha and (wanted is None or sha in wanted):
                result.setdefault(sha, (row["id"], row["ref"]))
        return result

    def acquired_files(self) -> dict[tuple[str, int, int], tuple[uuid.UUID, str]]:
        result: dict[tuple[str, int, int], tuple[uuid.UUID, str]] = {}
        for kept in self.state.acquisitions:
            acquisition: Acquisition = kept["acquisition"]
            key = (acquisition.original_path, acquisition.size, kept["mtime_ns"])
            result[key] = (acquisition.exhibit_id, self._ref(RefKind.EXHIBIT, acquisition.exhibit_id))
        return result
