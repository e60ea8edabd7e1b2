"""Schema migrations at open: back the database up, then upgrade it to the newest schema.

The schema is built by Alembic from the first version on, also for a new case, so every case
on disk has been through the same steps as the ones in the upgrade tests.
"""

from __future__ import annotations

import os
import secrets
import shutil
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, text
from sqlalchemy.exc import OperationalError

from caseapp.atomicfile import fsync_dir
from caseapp.core.errors import CaseDamagedError, SchemaTooNewError, StorageError

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
# The newest revision in migrations/versions (a test keeps the two equal). Knowing it without
# loading Alembic keeps every command's start-up short when no migration is due.
SCHEMA_HEAD = "0008"


@dataclass(frozen=True, slots=True)
class MigrationResult:
    from_revision: str | None
    to_revision: str
    backup: Path | None


def _config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def known_revisions() -> tuple[str, set[str]]:
    """Alembic's head revision and every revision it knows."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(_config())
    head = script.get_current_head()
    assert head is not None
    return head, {rev.revision for rev in script.walk_revisions()}


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        try:
            return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
        except OperationalError:
            return None  # no alembic_version table: an empty database


def _backup(engine: Engine, db_path: Path, backups: Path, revision: str) -> Path:
    """A complete, durable copy of the database (still encrypted with the same key) before an upgrade.

    The caller holds the case lock, so no other caseapp writes meanwhile; a reader elsewhere that
    keeps the WAL from being folded in makes the upgrade wait for another time instead."""
    with engine.connect() as connection:
        busy = connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)").first()
    if busy is None or busy[0] != 0:
        raise StorageError("the case is open in another program; close it there, then open it again to upgrade it")
    backups.mkdir(mode=0o700, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = backups / f"case-schema-{revision}-{stamp}-{secrets.token_hex(3)}.db"
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as out, db_path.open("rb") as source:
        shutil.copyfileobj(source, out, 1024 * 1024)
        out.flush()
        os.fsync(out.fileno())
    fsync_dir(backups)
    return target


def migrate(engine: Engine, db_path: Path, backups: Path, *, new_case: bool = False) -> MigrationResult:
    """Bring the database to the newest schema; copy it to ``backups`` first if it has data."""
    current = current_revision(engine)
    if current == SCHEMA_HEAD:
        return MigrationResult(current, SCHEMA_HEAD, None)
    if current is None and not new_case:
        raise CaseDamagedError(f"{db_path} has no schema version; it is not a caseapp database or it is damaged")
    from alembic import command

    head, known = known_revisions()
    if current is not None and current not in known:
        raise SchemaTooNewError(
            f"this case uses schema {current!r}, written by a newer caseapp (this one knows up to {head!r}); "
            "open it with a newer caseapp. Nothing was changed."
        )
    backup = _backup(engine, db_path, backups, current) if current is not None else None
    config = _config()
    with engine.connect() as plain_connection:
        connection = plain_connection.execution_options(caseapp_write=True)
        with connection.begin():
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
    return MigrationResult(current, head, backup)
