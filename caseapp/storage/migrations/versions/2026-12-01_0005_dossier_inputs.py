"""The author's dossier inputs (issue 15): cover facts and jurisdiction facts by name, narrative sections by key.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01 10:00:00.000000

New tables only; nothing existing is rewritten. UUID keys; a cleared section keeps its row with a
tombstone (who, when, why), as every record does.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "dossier_settings",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(length=40), nullable=False),
        sa.Column("value_json", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.String(length=27), nullable=False),
        sa.Column("updated_by", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_dossier_settings")),
        sa.UniqueConstraint("name", name=op.f("uq_dossier_settings_name")),
    )
    op.create_table(
        "dossier_sections",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("section", sa.String(length=40), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("author", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.String(length=27), nullable=False),
        sa.Column("deleted_at", sa.String(length=27), nullable=True),
        sa.Column("deleted_by", sa.Text(), nullable=True),
        sa.Column("deleted_reason", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_dossier_sections")),
        sa.UniqueConstraint("section", name=op.f("uq_dossier_sections_section")),
    )


def downgrade() -> None:
    op.drop_table("dossier_sections")
    op.drop_table("dossier_settings")
