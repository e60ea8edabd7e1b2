"""Charges (CHG-n) with their suspects and incidents, and element links (EL-n): issue 14.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-28 10:00:00.000000

New tables only; nothing existing is rewritten. UUID keys, refs from ``ref_counters``, tombstones.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def _tombstone() -> list[sa.Column[Any]]:
    return [
        sa.Column("deleted_at", sa.String(length=27), nullable=True),
        sa.Column("deleted_by", sa.Text(), nullable=True),
        sa.Column("deleted_reason", sa.Text(), nullable=True),
    ]


def _key(table: str) -> list[Any]:
    return [sa.Column("id", sa.Uuid(), nullable=False), sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{table}"))]


def _ref(table: str) -> list[Any]:
    return [
        sa.Column("ref", sa.String(length=24), nullable=False),
        sa.UniqueConstraint("ref", name=op.f(f"uq_{table}_ref")),
    ]


def _fk(table: str, column: str, target: str) -> list[Any]:
    return [
        sa.Column(column, sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint([column], [f"{target}.id"], name=op.f(f"fk_{table}_{column}_{target}")),
    ]


def _index(table: str, *columns: str) -> None:
    for column in columns:
        op.create_index(op.f(f"ix_{table}_{column}"), table, [column], unique=False)


def upgrade() -> None:
    op.create_table(
        "charges",
        *_key("charges"),
        *_ref("charges"),
        sa.Column("crime_id", sa.String(length=40), nullable=False),
        sa.Column("catalogue_edition", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("analysis", sa.Text(), nullable=False),
        sa.Column("author", sa.Text(), nullable=False),
        sa.Column("created_at", sa.String(length=27), nullable=False),
        *_tombstone(),
    )
    op.create_table(
        "charge_suspects",
        *_key("charge_suspects"),
        *_fk("charge_suspects", "charge_id", "charges"),
        *_fk("charge_suspects", "person_id", "persons"),
        sa.Column("mode_id", sa.String(length=40), nullable=False),
        *_tombstone(),
    )
    _index("charge_suspects", "charge_id", "person_id")
    op.create_index("ux_charge_suspects", "charge_suspects", ["charge_id", "person_id", "mode_id"], unique=True)
    op.create_table(
        "charge_incidents",
        *_key("charge_incidents"),
        *_fk("charge_incidents", "charge_id", "charges"),
        *_fk("charge_incidents", "incident_id", "incidents"),
        *_tombstone(),
    )
    _index("charge_incidents", "charge_id", "incident_id")
    op.create_index("ux_charge_incidents", "charge_incidents", ["charge_id", "incident_id"], unique=True)
    op.create_table(
        "element_links",
        *_key("element_links"),
        *_ref("element_links"),
        *_fk("element_links", "exhibit_id", "exhibits"),
        sa.Column("excerpt_json", sa.Text(), nullable=True),
        sa.Column("element_id", sa.String(length=60), nullable=False),
        sa.Column("catalogue_edition", sa.Text(), nullable=False),
        sa.Column("stance", sa.String(length=16), nullable=False),
        sa.Column("weight", sa.String(length=16), nullable=False),
        sa.Column("basis", sa.String(length=16), nullable=False),
        sa.Column("reasoning", sa.Text(), nullable=False),
        sa.Column("author", sa.Text(), nullable=False),
        sa.Column("created_at", sa.String(length=27), nullable=False),
        sa.Column("review", sa.String(length=16), nullable=False),
        sa.Column("reviewed_by", sa.Text(), nullable=True),
        sa.Column("reviewed_at", sa.String(length=27), nullable=True),
        *_tombstone(),
    )
    _index("element_links", "exhibit_id", "element_id")


def downgrade() -> None:
    for table in ("element_links", "charge_incidents", "charge_suspects", "charges"):
        op.drop_table(table)
