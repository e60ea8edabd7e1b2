"""SQLAlchemy engines over SQLCipher, keyed with the raw 256-bit data key (architecture §2).

Connections stay open while a case is unlocked: SQLite's page cache lives in the connection and
SQLCipher decrypts every page it reads again (stack notes: a kept connection ran a filtered list
10x faster than a fresh one). Disposing the engine drops the connections and their pages.
"""

from __future__ import annotations

import weakref
from pathlib import Path
from typing import Any

import sqlcipher3
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.pool import QueuePool

from caseapp.core.errors import CaseLockedError

CACHE_KIB = 131072  # 128 MiB page cache per connection (stack notes: queries at 0.5-0.9x of plain)
BUSY_TIMEOUT_MS = 30000


def _pragmas(dbapi_connection: Any, *, encrypted: bool, read_only: bool) -> None:
    cursor = dbapi_connection.cursor()
    try:
        # The key was given in the creator; check it before anything else touches the file.
        cursor.execute("SELECT count(*) FROM sqlite_master").fetchone()
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        if read_only:
            cursor.execute("PRAGMA query_only = ON")
        else:
            cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = FULL")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA secure_delete = ON")
        cursor.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
        cursor.execute("PRAGMA temp_store = MEMORY")  # temporary tables and sorts never reach the disk
    finally:
        cursor.close()


def make_engine(path: Path, key: bytes | None, *, pool_size: int = 3, read_only: str | None = None) -> Engine:
    """An engine for the database at ``path``; ``key`` None means plain SQLite (benchmarks only).

    ``read_only``: None for a normal open; "ro" opens the file read-only; "immutable" also tells
    SQLite that nobody can change it (read-only media), so it needs no -shm file beside it.

    Raises ``sqlcipher3.dbapi2.DatabaseError`` on first use if the key does not open the file;
    callers turn that into a user-facing error.
    """
    # The hex key lives in one mutable buffer that dispose_engine() overwrites: a connection
    # opened after that (a pool refill) fails instead of finding the key in the closure.
    hex_key = bytearray(key.hex().encode()) if key is not None else None

    def connect() -> Any:
        if hex_key is not None and not hex_key:
            raise CaseLockedError()
        if read_only is None:
            connection = sqlcipher3.connect(str(path), check_same_thread=False, isolation_level=None)
        else:
            flags = "mode=ro&immutable=1" if read_only == "immutable" else "mode=ro"
            uri = f"{path.absolute().as_uri()}?{flags}"
            connection = sqlcipher3.connect(uri, uri=True, check_same_thread=False, isolation_level=None)
        if hex_key is not None:
            # Silence SQLCipher's own stderr logging (e.g. "hmac check failed") before keying.
            connection.execute("PRAGMA cipher_log_level = NONE")
            connection.execute(f"PRAGMA key = \"x'{hex_key.decode()}'\"")
        return connection

    # hide_parameters: a failing statement's message must never carry a name or a testimony.
    # pool_use_lifo: the connection used last is used next, its page cache warm; in WAL mode a
    # write empties every other connection's cache, not the cache of the connection that wrote.
    engine = create_engine(
        "sqlite://",
        creator=connect,
        module=sqlcipher3,
        poolclass=QueuePool,
        pool_size=pool_size,
        max_overflow=2,
        pool_pre_ping=False,
        pool_use_lifo=True,
        hide_parameters=True,
    )

    @event.listens_for(engine, "connect")
    def on_connect(dbapi_connection: Any, _record: Any) -> None:
        _pragmas(dbapi_connection, encrypted=key is not None, read_only=read_only is not None)

    @event.listens_for(engine, "begin")
    def on_begin(connection: Any) -> None:
        # The driver runs in autocommit mode; we open transactions ourselves. Writers take the
        # write lock at BEGIN so two writers never interleave a custody chain.
        mode = "IMMEDIATE" if connection.get_execution_options().get("caseapp_write") else "DEFERRED"
        connection.exec_driver_sql(f"BEGIN {mode}")

    if hex_key is not None:
        _KEYS[engine] = hex_key
    return engine


_KEYS: weakref.WeakKeyDictionary[Engine, bytearray] = weakref.WeakKeyDictionary()


def dispose_engine(engine: Engine) -> None:
    """Close every pooled connection (SQLCipher then frees its keyed pages) and overwrite the key
    buffer the engine's connect function holds. The engine cannot open a connection afterwards."""
    engine.dispose()
    key = _KEYS.pop(engine, None)
    if key is not None:
        key[:] = bytes(len(key))
        key.clear()
