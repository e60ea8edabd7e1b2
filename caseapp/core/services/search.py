"""One search over a case, and the timeline: read-only use cases over the ports.

Exhibits are searched by the database (the full-text index of titles, descriptions and extracted
text, and original file names; ranked, filtered and paged there). The other records are read only
when their own full-text index (:mod:`caseapp.core.search_index`) holds every query word, and are
matched here, word by word on folded text (:mod:`caseapp.core.search`): persons by pseudonym
and role (a public person's name too; a protected or confidential person's name and description
never), incidents by title, place and description, sources by name, grading and description,
charges by crime id and analysis, element links by element id, reasoning and quoted words, links by
reasoning, notes by their text.

Protected names: the text people typed is matched as typed, so searching a witness's real name
finds the note, title or reasoning it was typed into; every title and snippet shown passes the
case's name redaction first, so the hit shows the pseudonym exactly as any listing of that record
does, and nothing else about the person: a person record is never found by a protected name.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from uuid import UUID

from caseapp.core.analysis import ReviewState
from caseapp.core.entities import InformationCredibility, ProtectionLevel, SourceReliability
from caseapp.core.errors import ValidationError
from caseapp.core.ports import ExhibitFound, ExhibitQuery, ExhibitSearch, Page, ReadTx, RecordQuery
from caseapp.core.redaction import RecordRedaction
from caseapp.core.refs import RefKind, parse_ref_of, ref_number
from caseapp.core.search import (
    KIND_ORDER,
    GradeRange,
    Match,
    SearchHit,
    SearchKind,
    SearchQuery,
    SearchResults,
    fold,
    from_index_form,
    make_snippet,
    match_text,
    parse_grade,
    query_terms,
)
from caseapp.core.search_index import (
    charge_fields,
    element_link_fields,
    incident_fields,
    index_words,
    link_fields,
    note_fields,
    person_fields,
    source_fields,
)
from caseapp.core.services.base import ServiceBase, resolve
from caseapp.core.services.redacted import redaction_of
from caseapp.core.timeinput import parse_time_range
from caseapp.core.timeline import Timeline, build_timeline

MAX_PAGE = 1000

_ALL = frozenset(SearchKind)
_K = SearchKind
# The kinds each filter can apply to; the others are left out when the filter is given.
APPLIES_TO: dict[str, frozenset[SearchKind]] = {
    "exhibit_kind": frozenset({_K.EXHIBIT}),
    "unlinked": frozenset({_K.EXHIBIT}),
    "awaiting_review": frozenset({_K.EXHIBIT, _K.ELEMENT_LINK}),
    "element_id": frozenset({_K.EXHIBIT, _K.ELEMENT_LINK, _K.CHARGE}),
    "incident": frozenset({_K.INCIDENT, _K.EXHIBIT, _K.NOTE, _K.LINK, _K.CHARGE}),
    "grade": frozenset({_K.EXHIBIT, _K.SOURCE, _K.ELEMENT_LINK, _K.LINK}),
    "tag": frozenset({_K.EXHIBIT, _K.PERSON, _K.INCIDENT, _K.SOURCE}),
    "date": frozenset({_K.EXHIBIT, _K.INCIDENT, _K.NOTE, _K.LINK, _K.ELEMENT_LINK, _K.CHARGE}),
}


def searched_kinds(query: SearchQuery) -> frozenset[SearchKind]:
    """The kinds a query can find: those asked for, narrowed by every filter given."""
    kinds = query.kinds or _ALL
    given = {
        "exhibit_kind": query.exhibit_kind is not None,
        "unlinked": query.unlinked,
        "awaiting_review": query.awaiting_review,
        "element_id": bool(query.element_id),
        "incident": bool(query.incident),
        "grade": bool(query.grade),
        "tag": bool(query.tag),
        "date": bool(query.date_from or query.date_to),
    }
    for name, on in given.items():
        if on:
            kinds = kinds & APPLIES_TO[name]
    return kinds


@dataclass(slots=True)
class _Scan:
    """One search's state inside its read transaction."""

    tx: ReadTx
    query: SearchQuery
    terms: list[str]
    redaction: RecordRedaction
    window: tuple[datetime, datetime] | None
    grade: GradeRange | None
    incident_id: UUID | None
    words: tuple[str, ...] = ()  # what the record index is asked for (core.search_index)
    _grades: dict[UUID, str | None] | None = None

    def hit(
        self,
        kind: SearchKind,
        record: object,
        title: str,
        fields: Sequence[tuple[str, str]],
        *,
        when: datetime | None = None,
    ) -> tuple[tuple[int, int, int], SearchHit] | None:
        """The hit for a record whose ``fields`` ((why, text), best first) hold every term."""
        record_id, ref = getattr(record, "id"), getattr(record, "ref")  # noqa: B009
        deleted = getattr(record, "deleted", None) is not None
        redactor = self.redaction.redactor
        if not self.terms:
            hit = SearchHit(kind, record_id, ref, redactor.redact(title)[0], "filters", False, None, deleted, when)
            return (1, 0, ref_number(ref)), hit
        folded = fold(" ".join(text for _, text in fields))
        if not all(term in folded for term in self.terms):  # cheap: a word match implies a substring
            return None
        found = match_text(self.terms, (text for _, text in fields))
        if found is Match.NONE:
            return None
        shown_title = redactor.redact(title)[0]
        rank, why, text = first_field(self.terms, fields)
        snippet = make_snippet(text, self.terms, redactor)
        exact = found is Match.EXACT
        hit = SearchHit(kind, record_id, ref, shown_title, why, exact, snippet, deleted, when)
        return (0 if exact else 1, rank, ref_number(ref)), hit

    def grade_of(self, exhibit_ids: Iterable[UUID]) -> dict[UUID, str | None]:
        if self._grades is None:
            facts = self.tx.evidence_facts(set(exhibit_ids))
            self._grades = {key: value.grade for key, value in facts.items()}
        return self._grades

    def graded(self, grade: str | None) -> bool:
        if self.grade is None:
            return True
        if grade is None:
            return False
        return self.grade.accepts(SourceReliability(grade[0]), InformationCredibility(grade[1:]))

    def written_in_window(self, moment: datetime) -> bool:
        return self.window is None or self.window[0] <= moment <= self.window[1]

    def records(self) -> RecordQuery:
        """The listing to read: the deleted filter asked for, narrowed by the record index."""
        return RecordQuery(deleted=self.query.deleted, words=self.words)


Finder = Callable[[_Scan], list[tuple[tuple[int, int, int], SearchHit]]]


def _keep(
    found: Iterable[tuple[tuple[int, int, int], SearchHit] | None],
) -> list[tuple[tuple[int, int, int], SearchHit]]:
    return [item for item in found if item is not None]


def _persons(scan: _Scan) -> list[tuple[tuple[int, int, int], SearchHit]]:
    people = [p for p in scan.tx.persons(scan.records()) if _tagged(scan, p.tags)]
    found = []
    for person in people:
        fields = person_fields(person)  # a public person's name only: never a protected name
        title = f"{person.ref} ({person.role.value})"
        if person.protection is ProtectionLevel.NONE:
            title = f"{person.ref} {person.full_name or ''} ({person.role.value})"
        found.append(scan.hit(SearchKind.PERSON, person, title, fields))
    return _keep(found)


def _tagged(scan: _Scan, tags: tuple[str, ...]) -> bool:
    return scan.query.tag is None or scan.query.tag.casefold() in tags


def _incidents(scan: _Scan) -> list[tuple[tuple[int, int, int], SearchHit]]:
    found = []
    for incident in scan.tx.incidents(scan.records()):
        if not _tagged(scan, incident.tags) or (scan.incident_id is not None and incident.id != scan.incident_id):
            continue
        if scan.window is not None:
            if incident.time_start is None:
                continue
            end = incident.time_end or incident.time_start
            if incident.time_start > scan.window[1] or end < scan.window[0]:
                continue
        fields = incident_fields(incident)
        found.append(scan.hit(SearchKind.INCIDENT, incident, incident.title, fields, when=incident.time_start))
    return _keep(found)


def _sources(scan: _Scan) -> list[tuple[tuple[int, int, int], SearchHit]]:
    found = []
    for source in scan.tx.sources(scan.records()):
        if not _tagged(scan, source.tags) or not scan.graded(source.grading):
            continue
        fields = source_fields(source)
        found.append(scan.hit(SearchKind.SOURCE, source, f"{source.name} ({source.grading})", fields))
    return _keep(found)


def _covers(element_id: str, crime_or_mode: str) -> bool:
    return element_id == crime_or_mode or element_id.startswith(crime_or_mode + "-")


def _charges(scan: _Scan) -> list[tuple[tuple[int, int, int], SearchHit]]:
    found = []
    element = scan.query.element_id
    for charge in scan.tx.charges(scan.records()):
        if scan.incident_id is not None and scan.incident_id not in {i.incident_id for i in charge.incidents}:
            continue
        if element and not any(_covers(element, c) for c in [charge.crime_id, *(s.mode_id for s in charge.suspects)]):
            continue
        if not scan.written_in_window(charge.created_at):
            continue
        fields = charge_fields(charge)
        title = f"{charge.crime_id} ({charge.status.value})"
        found.append(scan.hit(SearchKind.CHARGE, charge, title, fields))
    return _keep(found)


def _element_links(scan: _Scan) -> list[tuple[tuple[int, int, int], SearchHit]]:
    links = scan.tx.element_links(scan.records(), element_id=scan.query.element_id or None)
    grades = scan.grade_of(link.exhibit_id for link in links) if scan.grade is not None else {}
    found = []
    for link in links:
        if scan.query.element_id and link.review is ReviewState.REJECTED:
            continue
        if scan.query.awaiting_review and link.review is not ReviewState.PROPOSED:
            continue
        if scan.grade is not None and not scan.graded(grades.get(link.exhibit_id)):
            continue
        if not scan.written_in_window(link.created_at):
            continue
        fields = element_link_fields(link)
        title = f"{link.exhibit_ref} → {link.element_id} ({link.stance.value}, {link.review.value})"
        found.append(scan.hit(SearchKind.ELEMENT_LINK, link, title, fields))
    return _keep(found)


def _links(scan: _Scan) -> list[tuple[tuple[int, int, int], SearchHit]]:
    links = scan.tx.links(scan.records())
    grades = scan.grade_of(link.exhibit_id for link in links) if scan.grade is not None else {}
    found = []
    for link in links:
        if scan.incident_id is not None and link.target_id != scan.incident_id:
            continue
        if scan.grade is not None and not scan.graded(grades.get(link.exhibit_id)):
            continue
        if not scan.written_in_window(link.created_at):
            continue
        title = f"{link.exhibit_ref} → {link.target_ref} ({link.stance.value})"
        found.append(scan.hit(SearchKind.LINK, link, title, link_fields(link)))
    return _keep(found)


def _notes(scan: _Scan) -> list[tuple[tuple[int, int, int], SearchHit]]:
    found = []
    for note in scan.tx.notes(scan.records()):
        if scan.incident_id is not None and note.target_id != scan.incident_id:
            continue
        if not scan.written_in_window(note.created_at):
            continue
        found.append(scan.hit(SearchKind.NOTE, note, f"note on {note.target_ref}", note_fields(note)))
    return _keep(found)


FINDERS: dict[SearchKind, Finder] = {
    SearchKind.PERSON: _persons,
    SearchKind.INCIDENT: _incidents,
    SearchKind.CHARGE: _charges,
    SearchKind.SOURCE: _sources,
    SearchKind.ELEMENT_LINK: _element_links,
    SearchKind.LINK: _links,
    SearchKind.NOTE: _notes,
}


def _exhibit_hit(scan: _Scan, found: ExhibitFound) -> SearchHit:
    exhibit = found.exhibit
    redactor = scan.redaction.redactor
    title = redactor.redact(exhibit.title)[0]
    deleted = exhibit.deleted is not None
    if not scan.terms:
        return SearchHit(SearchKind.EXHIBIT, exhibit.id, exhibit.ref, title, "filters", False, None, deleted)
    for why, text in (("title", exhibit.title), ("description", exhibit.description)):
        if text and any(match_text([term], [text]) for term in scan.terms):
            shown = make_snippet(text, scan.terms, redactor)
            return SearchHit(SearchKind.EXHIBIT, exhibit.id, exhibit.ref, title, why, found.exact, shown, deleted)
    if found.body_window:
        window = from_index_form(found.body_window)
        cut_start, cut_end = window.startswith("…"), window.endswith("…")
        piece = make_snippet(window.strip("…"), scan.terms, redactor, cut_start=cut_start, cut_end=cut_end)
        # A window whose only match was a protected name (now its pseudonym) is not shown: the
        # snippet never points at a pseudonym as the place a name was found.
        return SearchHit(
            SearchKind.EXHIBIT,
            exhibit.id,
            exhibit.ref,
            title,
            "extracted text",
            found.exact,
            piece if piece.marks else None,
            deleted,
        )
    name = exhibit.original_name or ""
    named = make_snippet(name, scan.terms, redactor) if name else None
    return SearchHit(SearchKind.EXHIBIT, exhibit.id, exhibit.ref, title, "original name", found.exact, named, deleted)


class SearchService(ServiceBase):
    """Search a case, and read its timeline."""

    __slots__ = ()

    def search(self, query: SearchQuery) -> SearchResults:
        """Hits of every kind the query can find, best first (exact matches, then kinds in
        :data:`~caseapp.core.search.KIND_ORDER`, then each kind's own rank), one page of them."""
        terms = query_terms(query.text)
        if query.text.strip() and not terms:
            raise ValidationError(f"the search text {query.text!r} has no words to look for")
        if not terms and not query.has_filter():
            raise ValidationError("give words to search for, or a filter (such as --kind, --tag or --awaiting-review)")
        if query.page.limit is not None and not 0 < query.page.limit <= MAX_PAGE:
            raise ValidationError(f"a page holds 1 to {MAX_PAGE} hits")
        limit = query.page.limit or MAX_PAGE
        kinds = searched_kinds(query)
        with self.store.read() as tx:
            scan = self._scan(tx, query, terms)
            ranked: list[tuple[tuple[int, int, int, int], SearchHit]] = []
            counts: dict[str, int] = {}
            for kind in sorted(kinds - {SearchKind.EXHIBIT}, key=KIND_ORDER.__getitem__):
                found = FINDERS[kind](scan)
                counts[kind.value] = len(found)
                ranked += [((key[0], KIND_ORDER[kind], key[1], key[2]), hit) for key, hit in found]
            if SearchKind.EXHIBIT in kinds:
                wanted = self._exhibit_search(scan, Page(0, query.page.offset + limit))
                counts[SearchKind.EXHIBIT.value] = tx.count_search_exhibits(wanted)
                for position, found_exhibit in enumerate(tx.search_exhibits(wanted)):
                    first = 0 if terms and found_exhibit.exact else 1
                    key = (first, KIND_ORDER[SearchKind.EXHIBIT], 0, position)
                    ranked.append((key, _exhibit_hit(scan, found_exhibit)))
        ranked.sort(key=lambda item: item[0])
        page = tuple(hit for _, hit in ranked[query.page.offset : query.page.offset + limit])
        return SearchResults(query, page, sum(counts.values()), {k: v for k, v in counts.items() if v})

    def _scan(self, tx: ReadTx, query: SearchQuery, terms: list[str]) -> _Scan:
        window = date_window(query.date_from, query.date_to, tx.case_info().time_zone)
        incident_id = None
        if query.incident:
            incident_id = resolve(tx, parse_ref_of(query.incident, RefKind.INCIDENT), RefKind.INCIDENT).id
        grade = parse_grade(query.grade) if query.grade else None
        return _Scan(tx, query, terms, redaction_of(tx), window, grade, incident_id, index_words(terms))

    def _exhibit_search(self, scan: _Scan, page: Page) -> ExhibitSearch:
        query = scan.query
        source_ids = None
        if scan.grade is not None:
            source_ids = frozenset(
                s.id for s in scan.tx.sources(RecordQuery()) if scan.grade.accepts(s.reliability, s.credibility)
            )
        captured_from = captured_to = None
        if scan.window is not None:
            zone = scan.tx.case_info().time_zone
            captured_from = _local(scan.window[0], zone) if query.date_from else None
            captured_to = _local(scan.window[1], zone) if query.date_to else None
        return ExhibitSearch(
            text=query.text if scan.terms else "",
            kind=query.exhibit_kind,
            tag=query.tag,
            captured_from=captured_from,
            captured_to=captured_to,
            source_ids=source_ids,
            element_id=query.element_id or None,
            incident_id=scan.incident_id,
            unlinked=query.unlinked,
            awaiting_review=query.awaiting_review,
            deleted=query.deleted,
            page=page,
        )

    def timeline(self, date_from: str | None = None, date_to: str | None = None) -> Timeline:
        """Incidents and dated exhibits (live ones) in time order, titles redacted; with a range,
        those whose time range overlaps it. Undated records are counted whatever the range."""
        with self.store.read() as tx:
            zone = tx.case_info().time_zone
            window = date_window(date_from, date_to, zone)
            redaction = redaction_of(tx)
            timeline = build_timeline(
                tx.incidents(RecordQuery()), tx.exhibits(ExhibitQuery()), case_zone=zone, window=window
            )
        entries = tuple(replace(e, title=redaction.redactor.redact(e.title)[0]) for e in timeline.entries)
        return replace(timeline, entries=entries)


def date_window(date_from: str | None, date_to: str | None, zone: str) -> tuple[datetime, datetime] | None:
    """The instants from the start of ``date_from`` to the end of ``date_to`` (as typed: 2016,
    2016-04, 2016-04-27, read in the case's zone); None when neither is given."""
    if not date_from and not date_to:
        return None
    low = parse_time_range(date_from, zone)[0] if date_from else datetime.min.replace(tzinfo=UTC)
    high = parse_time_range(date_to, zone)[1] if date_to else datetime.max.replace(tzinfo=UTC)
    if low > high:
        raise ValidationError(f"the date range ends ({date_to}) before it starts ({date_from})")
    return low, high


def first_field(terms: Sequence[str], fields: Sequence[tuple[str, str]]) -> tuple[int, str, str]:
    """(position, why, text) of the first field holding one of ``terms`` (the first field if none)."""
    for position, (why, text) in enumerate(fields):
        if text and any(match_text([term], [text]) for term in terms):
            return position, why, text
    return 0, fields[0][0], fields[0][1]


def _local(moment: datetime, zone_name: str) -> str:
    from caseapp.core.timeinput import in_zone

    shown = in_zone(moment, zone_name)
    assert shown is not None
    return shown.strftime("%Y-%m-%dT%H:%M:%S")
