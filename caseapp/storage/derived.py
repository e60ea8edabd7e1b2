"""Values a service derives from reads, kept while the case is unchanged (``ReadTx.derived``).

A listing page redacts protected names, and building that redaction (every person, their names and
aliases made into phrases) cost as much as reading the page. The redaction only changes when the
case does, so it is kept here and given again until then.

"Unchanged" is decided without trusting anyone to say so: a kept value carries the number of
commits this engine has made (an engine event counts every one, whatever made it), the connection
it was read on, and that connection's ``PRAGMA data_version``, which SQLite changes whenever any
other connection, of this process or another, commits. Both are read before the value is built,
inside the read transaction, so a value is never older than its key; when any of them differs the
value is built again. Everything kept is dropped when the case is locked or closed.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

from sqlalchemy import Engine, event
from sqlalchemy.orm import Session

T = TypeVar("T")


class DerivedValues:
    """One per open case database."""

    def __init__(self, engine: Engine) -> None:
        self._commits = 0
        self._kept: dict[str, tuple[Hashable, Any]] = {}
        self._lock = threading.Lock()
        event.listen(engine, "commit", self._committed)

    def _committed(self, _connection: Any) -> None:
        with self._lock:
            self._commits += 1
            self._kept.clear()

    def get(self, session: Session, name: str, build: Callable[[], T]) -> T:
        connection = session.connection()  # begins the read transaction, before anything is read
        version = connection.exec_driver_sql("PRAGMA data_version").scalar()
        with self._lock:
            key = (self._commits, id(connection.connection.dbapi_connection), version)
            kept = self._kept.get(name)
        if kept is not None and kept[0] == key:
            value: T = kept[1]
            return value
        value = build()
        with self._lock:
            if key[0] == self._commits:  # no commit of ours while it was built
                self._kept[name] = (key, value)
        return value

    def clear(self) -> None:
        with self._lock:
            self._kept.clear()
