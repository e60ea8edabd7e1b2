"""The search index of persons, incidents, sources, charges, element links, links and notes
(``record_text``, FTS5 inside the encrypted database; :mod:`caseapp.core.search_index` says what it
holds and why a search can trust it).

Rows are written by the write transaction that adds or edits a record (same transaction, so a
power cut leaves record and index alike); a tombstone keeps its row, since ``--deleted`` searches
find deleted records too, and the listing that reads the candidates filters tombstones as ever.
``record_id`` is the record's UUID as SQLAlchemy stores it on SQLite (32 lowercase hex digits).

An FTS5 table finds its rows by ``rowid`` alone: ``record_id`` and ``kind`` are stored with the
words, not indexed, so finding a record's row by them read every row (each edit of an element link
read all 300 000 of a large case), and listing the records a search matches read each matching
row's words. So the key table ``record_text_keys (rowid, record_id, kind)`` beside it (migration
0008) maps each row's rowid to its record, indexed both ways; a record keeps its rowid for life,
its row replaced in place.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any, cast

from sqlalchemy import Connection, CursorResult, Select, literal_column, select, text
from sqlalchemy.orm import Session

from caseapp.core.analysis import Excerpt
from caseapp.core.refs import RefKind
from caseapp.core.search_index import INDEXED_KINDS, index_text, search_fields

TABLE = "record_text"
KEYS = "record_text_keys"
CREATE = (
    "CREATE VIRTUAL TABLE record_text USING fts5("
    "record_id UNINDEXED, kind UNINDEXED, words, tokenize = 'unicode61 remove_diacritics 2')"
)

# The searchable columns of each kind, as stored (mirrors core.search_index.search_fields; a test
# checks that a rebuilt index equals the one the writes keep).
_COLUMNS: dict[RefKind, tuple[str, str]] = {
    RefKind.PERSON: ("persons", "ref, role, protection, full_name, description"),
    RefKind.INCIDENT: ("incidents", "title, place_name, description"),
    RefKind.SOURCE: ("sources", "name, reliability || credibility, description"),
    RefKind.CHARGE: ("charges", "crime_id, analysis"),
    RefKind.ELEMENT_LINK: ("element_links", "element_id, reasoning, excerpt_json"),
    RefKind.LINK: ("links", "reasoning"),
    RefKind.NOTE: ("notes", "text"),
}


def match_query(words: Sequence[str]) -> str:
    """An FTS5 query asking for every word as a word start (each quoted: a phrase, never syntax)."""
    return " AND ".join('"{}"*'.format(word.replace('"', '""')) for word in words)


def matching(kind: RefKind, words: Sequence[str]) -> Select[Any]:
    """The ids (stored form) of the records of ``kind`` whose index row holds every word (read from
    the FTS index and the key table, never the rows' texts: :mod:`caseapp.storage.text_keys`)."""
    return (
        select(literal_column("record_id"))
        .select_from(text(KEYS))
        .where(
            text(
                "kind = :record_kind AND rowid IN (SELECT rowid FROM record_text WHERE record_text MATCH :record_match)"
            ).bindparams(record_match=match_query(words), record_kind=kind.value)
        )
    )


def write_row(session: Session | Connection, kind: RefKind, key: str, words: str) -> None:
    """Write the index row of record ``key`` in place of the one it had (the FTS table is an index,
    not a record: replacing its row loses nothing)."""
    found = session.execute(text("SELECT rowid FROM record_text_keys WHERE record_id = :id"), {"id": key})
    rowid = found.scalar()
    if rowid is None:
        added = session.execute(
            text("INSERT INTO record_text_keys (record_id, kind) VALUES (:id, :kind)"), {"id": key, "kind": kind.value}
        )
        rowid = cast(CursorResult[Any], added).lastrowid
    else:
        session.execute(text("DELETE FROM record_text WHERE rowid = :rowid"), {"rowid": rowid})
    session.execute(
        text("INSERT INTO record_text (rowid, record_id, kind, words) VALUES (:rowid, :id, :kind, :words)"),
        {"rowid": rowid, "id": key, "kind": kind.value, "words": words},
    )


def reindex(session: Session, kind: RefKind, record: object) -> None:
    """Write the index row of ``record`` (an entity just added or edited), if its kind has one."""
    fields = search_fields(record) if kind in INDEXED_KINDS else None
    if fields is None:
        return
    key = getattr(record, "id").hex  # noqa: B009
    write_row(session, kind, key, index_text(value for _, value in fields))


def _texts(kind: RefKind, row: Sequence[Any]) -> list[str]:
    values = [value or "" for value in row]
    if kind is RefKind.PERSON:
        ref, role, protection, name, description = values
        return [ref, role, name, description] if protection == "none" else [ref, role]
    if kind is RefKind.ELEMENT_LINK:
        excerpt = Excerpt.from_json(values[2] or None)
        return [values[0], values[1], excerpt.quote if excerpt else ""]
    return values


def stored_rows(connection: Connection) -> Iterator[tuple[RefKind, str, str]]:
    """(kind, record_id, words) for every record of the indexed kinds, from the tables as stored."""
    for kind, (table, columns) in _COLUMNS.items():
        # Only names of this module are formatted into the SQL.
        for record_id, *row in connection.exec_driver_sql(f"SELECT id, {columns} FROM {table}"):  # noqa: S608
            yield kind, str(record_id), index_text(_texts(kind, row))


def rebuild(connection: Connection) -> int:
    """Empty the index and its keys and fill them from every record (tests and benchmarks that insert
    rows directly). Returns the number of rows."""
    connection.exec_driver_sql("DELETE FROM record_text")
    connection.exec_driver_sql("DELETE FROM record_text_keys")
    rows = [
        {"rowid": rowid, "id": key, "kind": kind.value, "words": words}
        for rowid, (kind, key, words) in enumerate(stored_rows(connection), 1)
    ]
    if rows:
        connection.execute(
            text("INSERT INTO record_text_keys (rowid, record_id, kind) VALUES (:rowid, :id, :kind)"), rows
        )
        connection.execute(
            text("INSERT INTO record_text (rowid, record_id, kind, words) VALUES (:rowid, :id, :kind, :words)"), rows
        )
    return len(rows)


def narrowed(statement: Select[Any], model: Any, kind: RefKind, words: Sequence[str]) -> Select[Any]:
    """``statement`` keeping only the records whose index row holds every word (all without words)."""
    return statement.where(model.id.in_(matching(kind, words))) if words else statement
