"""The exhibit side of a search (core.ports.ExhibitSearch): the full-text index (FTS5, in search
form), the original file names, and filters, ranked and paged in SQL."""

from __future__ import annotations

import unicodedata
import uuid
from typing import Any

from sqlalchemy import Float, Integer, Select, String, and_, bindparam, func, literal_column, not_, select, text
from sqlalchemy.orm import Session

from caseapp.core import searchtext
from caseapp.core.analysis import ReviewState
from caseapp.core.ports import Deleted, ExhibitSearch
from caseapp.core.search import word_spans
from caseapp.storage.orm import ElementLinkRow, ExhibitRow, LinkRow, TaggingRow, TagRow

TITLE_WEIGHT = 10.0
"""bm25 weight of the indexed heading (title and description) against extracted text (1.0)."""
WINDOW_TOKENS = 48
"""Tokens of extracted text returned around a match (core trims them to a snippet)."""
MAX_NAME_WORDS = 16


def exhibits_tagged(tag: str) -> Select[Any]:
    """The ids of the exhibits that carry ``tag`` now (a removed tagging does not count)."""
    return (
        select(TaggingRow.exhibit_id).join(TagRow).where(TagRow.name == tag.casefold(), TaggingRow.deleted_at.is_(None))
    )


def _like(word: str) -> str:
    escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _hits(query_text: str) -> Any | None:
    """A subquery of (exhibit_id, score, exact) for the exhibits whose index or original name
    holds every word; None when the text has no word."""
    prefix = searchtext.fts_query(query_text)  # refuses a text too long
    if not prefix:
        return None
    exact = " ".join('"{}"'.format(w.replace('"', '""')) for w in searchtext.query_words(query_text))
    raw = unicodedata.normalize("NFC", query_text)
    names = [raw[s:e] for s, e in word_spans(raw)][:MAX_NAME_WORDS]
    params: dict[str, Any] = {"prefix": prefix, "exact": exact}
    params.update({f"n{i}": _like(word) for i, word in enumerate(names)})
    name_test = " AND ".join(f"original_name LIKE :n{i} ESCAPE '\\'" for i in range(len(names))) or "0"
    # Only placeholder names are formatted into the SQL; every value is a bound parameter.
    statement = text(
        "SELECT exhibit_id, min(score) AS score, max(exact) AS exact FROM ("  # noqa: S608 - placeholders only
        f" SELECT exhibit_id, bm25(exhibit_text, 0.0, {TITLE_WEIGHT}, 1.0) AS score,"
        "  exhibit_id IN (SELECT exhibit_id FROM exhibit_text WHERE exhibit_text MATCH :exact) AS exact"
        "  FROM exhibit_text WHERE exhibit_text MATCH :prefix"
        f" UNION ALL SELECT id, 0.0, 0 FROM exhibits WHERE {name_test}"
        ") GROUP BY exhibit_id"
    ).bindparams(**params)
    return statement.columns(exhibit_id=String, score=Float, exact=Integer).subquery("hits")


def _live_links_of(column: Any, value: Any) -> Select[Any]:
    return select(LinkRow.exhibit_id).where(column == value, LinkRow.deleted_at.is_(None))


def _filtered(statement: Select[ExhibitRow, Any], query: ExhibitSearch) -> Select[ExhibitRow, Any]:
    if query.deleted is Deleted.HIDE:
        statement = statement.where(ExhibitRow.deleted_at.is_(None))
    elif query.deleted is Deleted.ONLY:
        statement = statement.where(ExhibitRow.deleted_at.is_not(None))
    if query.kind is not None:
        statement = statement.where(ExhibitRow.kind == query.kind.value)
    if query.tag is not None:
        statement = statement.where(ExhibitRow.id.in_(exhibits_tagged(query.tag)))
    captured = func.replace(func.substr(ExhibitRow.captured, 1, 19), " ", "T")
    if query.captured_from is not None:
        statement = statement.where(captured >= query.captured_from)
    if query.captured_to is not None:
        statement = statement.where(captured <= query.captured_to)
    if query.source_ids is not None:
        statement = statement.where(ExhibitRow.source_id.in_(sorted(query.source_ids)))
    live_element_links = select(ElementLinkRow.exhibit_id).where(ElementLinkRow.deleted_at.is_(None))
    if query.element_id is not None:
        statement = statement.where(
            ExhibitRow.id.in_(
                live_element_links.where(
                    ElementLinkRow.element_id == query.element_id, ElementLinkRow.review != ReviewState.REJECTED.value
                )
            )
        )
    if query.incident_id is not None:
        statement = statement.where(ExhibitRow.id.in_(_live_links_of(LinkRow.incident_id, query.incident_id)))
    if query.unlinked:
        linked = select(LinkRow.exhibit_id).where(LinkRow.deleted_at.is_(None))
        proving = live_element_links.where(ElementLinkRow.review != ReviewState.REJECTED.value)
        statement = statement.where(and_(not_(ExhibitRow.id.in_(linked)), not_(ExhibitRow.id.in_(proving))))
    if query.awaiting_review:
        statement = statement.where(
            ExhibitRow.id.in_(live_element_links.where(ElementLinkRow.review == ReviewState.PROPOSED.value))
        )
    return statement


def search_statement(query: ExhibitSearch) -> Select[ExhibitRow, Any] | None:
    """Rows (ExhibitRow, exact) in search order, unpaged; None when the text has no word."""
    if not query.text.strip():
        unranked: Select[ExhibitRow, Any] = select(ExhibitRow, literal_column("0"))
        return _filtered(unranked, query).order_by(ExhibitRow.number)
    hits = _hits(query.text)
    if hits is None:
        return None
    statement: Select[ExhibitRow, Any] = select(ExhibitRow, hits.c.exact).join(hits, ExhibitRow.id == hits.c.exhibit_id)
    return _filtered(statement, query).order_by(hits.c.exact.desc(), hits.c.score, ExhibitRow.number)


def search_rows(session: Session, query: ExhibitSearch) -> list[tuple[ExhibitRow, bool]]:
    """One page of (row, exact) in search order."""
    statement = search_statement(query)
    if statement is None:
        return []
    statement = statement.offset(query.page.offset)
    if query.page.limit is not None:
        statement = statement.limit(query.page.limit)
    return [(row, bool(exact)) for row, exact in session.execute(statement).tuples()]


def count_search(session: Session, query: ExhibitSearch) -> int:
    statement = search_statement(query)
    if statement is None:
        return 0
    return session.scalar(select(func.count()).select_from(statement.order_by(None).subquery())) or 0


def body_windows(session: Session, query_text: str, ids: list[uuid.UUID]) -> dict[uuid.UUID, str]:
    """A window of extracted text (search form, ``…`` where cut) around the match, per exhibit
    whose extracted text holds one of the words."""
    words = searchtext.query_words(query_text)
    if not words or not ids:
        return {}
    body_match = " OR ".join('body : "{}"*'.format(w.replace('"', '""')) for w in words)
    found: dict[uuid.UUID, str] = {}
    statement = text(
        f"SELECT exhibit_id, snippet(exhibit_text, 2, '', '', '…', {WINDOW_TOKENS}) FROM exhibit_text"  # noqa: S608
        " WHERE exhibit_text MATCH :match AND exhibit_id IN :keys"
    ).bindparams(bindparam("keys", expanding=True))
    for start in range(0, len(ids), 500):
        chunk = {i.hex: i for i in ids[start : start + 500]}
        rows = session.execute(statement, {"match": body_match, "keys": list(chunk)})
        for key, window in rows:
            if window:
                found[chunk[key]] = window
    return found
