"""Alembic environment: always runs on a connection handed over by caseapp.storage.migrate."""

from __future__ import annotations

from alembic import context

from caseapp.storage.orm import Base

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
