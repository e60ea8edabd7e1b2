"""Full-text rows found by their rowid: exhibit EX-n is row n, other records through a key table.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-04 10:00:00.000000

An FTS5 table finds rows by rowid alone; its ``exhibit_id``, ``record_id`` and ``kind`` columns are
not indexed. Finding a record's row by them read every row (each edit), and a search filter read
each matching row's whole text to learn which record it was. From here:

- ``exhibit_text``: the row of an exhibit has the exhibit's number as its rowid, so the matches of
  a search are exhibit numbers at once. The rows are copied with their new rowids (the text is
  indexed again; rows of no exhibit are dropped).
- ``record_text_keys (rowid, record_id, kind)`` maps each ``record_text`` row to its record; filled
  from the rows as they are, every rowid kept. A record with two rows (which the writes never made,
  but a case is checked rather than trusted) keeps its first.
- ``ix_exhibits_number`` (every exhibit by number) gives way to ``ix_exhibits_deleted_number`` (the
  deleted ones): SQLite chose the index of every number for a search's matches and then read each
  matching row to see whether it was deleted, where ``ix_exhibits_live_number`` answers from the
  index alone (a first search on 100 000 exhibits: 77 ms, now 12). That index now also holds the
  columns the table sorts by (title, kind, captured) and deleted_at (always null in it, but SQLite
  reads the row for a column the index lacks), so a search's matches are counted and put in order
  from the index alone.
- ``ix_exhibits_tombstone_source (id, deleted_at, source_id)``: the gap matrix looks up every linked
  exhibit's tombstone and source from it instead of its row (300 000 links: about 450 to 260 ms).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

_EXHIBIT_TEXT = (
    "CREATE VIRTUAL TABLE exhibit_text USING fts5("
    "exhibit_id UNINDEXED, title, body, tokenize = 'unicode61 remove_diacritics 2')"
)


def upgrade() -> None:
    op.execute("ALTER TABLE exhibit_text RENAME TO exhibit_text_0007")
    op.execute(_EXHIBIT_TEXT)
    op.execute(
        "INSERT INTO exhibit_text (rowid, exhibit_id, title, body)"
        " SELECT e.number, t.exhibit_id, t.title, t.body FROM exhibit_text_0007 t JOIN exhibits e ON e.id = t.exhibit_id"
        " WHERE t.rowid IN (SELECT min(rowid) FROM exhibit_text_0007 GROUP BY exhibit_id)"
    )
    op.execute("DROP TABLE exhibit_text_0007")
    op.execute("DELETE FROM record_text WHERE rowid NOT IN (SELECT min(rowid) FROM record_text GROUP BY record_id)")
    op.execute("CREATE TABLE record_text_keys (rowid INTEGER PRIMARY KEY, record_id TEXT NOT NULL UNIQUE, kind TEXT NOT NULL)")
    op.execute("INSERT INTO record_text_keys (rowid, record_id, kind) SELECT rowid, record_id, kind FROM record_text")
    op.drop_index("ix_exhibits_number", table_name="exhibits")
    op.drop_index("ix_exhibits_live_number", table_name="exhibits")
    op.create_index(
        "ix_exhibits_live_number",
        "exhibits",
        ["number", "ref", "title", "kind", "captured", "deleted_at"],
        sqlite_where=sa.text("deleted_at IS NULL"),
    )
    op.create_index(
        "ix_exhibits_deleted_number", "exhibits", ["number"], sqlite_where=sa.text("deleted_at IS NOT NULL")
    )
    op.create_index("ix_exhibits_tombstone_source", "exhibits", ["id", "deleted_at", "source_id"])


def downgrade() -> None:
    op.drop_index("ix_exhibits_tombstone_source", table_name="exhibits")
    op.drop_index("ix_exhibits_live_number", table_name="exhibits")
    op.create_index("ix_exhibits_live_number", "exhibits", ["number", "ref"], sqlite_where=sa.text("deleted_at IS NULL"))
    op.drop_index("ix_exhibits_deleted_number", table_name="exhibits")
    op.create_index("ix_exhibits_number", "exhibits", ["number"])
    op.execute("DROP TABLE record_text_keys")
