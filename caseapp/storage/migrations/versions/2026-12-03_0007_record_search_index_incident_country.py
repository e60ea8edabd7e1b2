"""The search index of the records other than exhibits, and an incident's country (issue 14).

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-03 10:00:00.000000

``record_text`` is an FTS5 table inside the encrypted database, one row per person, incident,
source, charge, element link, link and note (:mod:`caseapp.storage.record_index`); it is filled
here from every record already in the case, deleted ones too. ``incidents.country`` is an optional
ISO 3166-1 alpha-2 code; incidents made before have none (the jurisdiction assistant then reads
their coordinates, as it did). Two indexes on ``element_links`` serve the review queue (oldest
proposals first, one page) and the gap matrix (read from the index alone).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from caseapp.storage import record_index

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("incidents", sa.Column("country", sa.String(length=2), nullable=True))
    op.execute(record_index.CREATE)
    _fill_record_text()
    op.create_index("ix_element_links_review_created", "element_links", ["review", "created_at", "id"])
    op.create_index(
        "ix_element_links_gap",
        "element_links",
        ["element_id", "review", "deleted_at", "stance", "weight", "exhibit_id", "ref"],
    )


def _fill_record_text() -> None:
    """The index's rows as this revision made them (its key table came with 0008, which keys them)."""
    rows = [
        {"id": key, "kind": kind.value, "words": words} for kind, key, words in record_index.stored_rows(op.get_bind())
    ]
    if rows:
        op.get_bind().execute(
            sa.text("INSERT INTO record_text (record_id, kind, words) VALUES (:id, :kind, :words)"), rows
        )


def downgrade() -> None:
    op.drop_index("ix_element_links_gap", table_name="element_links")
    op.drop_index("ix_element_links_review_created", table_name="element_links")
    op.execute("DROP TABLE record_text")
    with op.batch_alter_table("incidents") as batch:
        batch.drop_column("country")
