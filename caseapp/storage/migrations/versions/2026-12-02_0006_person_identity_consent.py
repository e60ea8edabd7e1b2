"""A person's identity apart from the pseudonym, consent per scope, and a risk level (issue 14).

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02 10:00:00.000000

New tables and one new column with a default; nothing existing is rewritten. Aliases, date of
birth and contact live in ``person_identities`` (never read by a listing); consent statements are
rows with UUID keys and a tombstone, as every record has.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("persons", sa.Column("risk", sa.String(length=16), server_default="unknown", nullable=False))
    op.create_table(
        "person_identities",
        sa.Column("person_id", sa.Uuid(), nullable=False),
        sa.Column("aliases_json", sa.Text(), nullable=False),
        sa.Column("born", sa.String(length=10), nullable=False),
        sa.Column("contact", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.String(length=27), nullable=False),
        sa.ForeignKeyConstraint(["person_id"], ["persons.id"], name=op.f("fk_person_identities_person_id_persons")),
        sa.PrimaryKeyConstraint("person_id", name=op.f("pk_person_identities")),
    )
    op.create_table(
        "person_consents",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("person_id", sa.Uuid(), nullable=False),
        sa.Column("scope", sa.String(length=16), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("on", sa.String(length=10), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("author", sa.Text(), nullable=False),
        sa.Column("created_at", sa.String(length=27), nullable=False),
        sa.Column("deleted_at", sa.String(length=27), nullable=True),
        sa.Column("deleted_by", sa.Text(), nullable=True),
        sa.Column("deleted_reason", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(["person_id"], ["persons.id"], name=op.f("fk_person_consents_person_id_persons")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_person_consents")),
    )
    op.create_index(op.f("ix_person_consents_person_id"), "person_consents", ["person_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_person_consents_person_id"), table_name="person_consents")
    op.drop_table("person_consents")
    op.drop_table("person_identities")
    with op.batch_alter_table("persons") as batch:
        batch.drop_column("risk")
