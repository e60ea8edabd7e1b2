"""One case's encrypted database: opening, migrating, transactions, and the custody head.

Thread use: ``read()`` may run on several threads at once (each gets its own connection);
``write()`` is serialised across threads and processes by an exclusive lock on ``case.lock``
plus SQLite's ``BEGIN IMMEDIATE``.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import hmac
import logging
import os
import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pyrage
import sqlcipher3
from sqlalchemy import Engine, text
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.orm import Session

from caseapp.core.custody import CustodyHead
from caseapp.core.entities import CaseInfo
from caseapp.core.errors import CaseDamagedError, CaseLockedError, IntegrityError, StorageError
from caseapp.storage.anchor import CustodyAnchor
from caseapp.storage.engine import make_engine
from caseapp.storage.migrate import MigrationResult, migrate
from caseapp.storage.orm import CaseSecretRow
from caseapp.storage.reads import DEVICE_ID, SqlReadTx
from caseapp.storage.writes import SqlWriteTx

log = logging.getLogger(__name__)

DB_NAME = "case.db"
HEAD_NAME = "custody.head"
LOCK_NAME = "case.lock"
BACKUPS_DIR = "backups"
AGE_IDENTITY = "age_identity"


@contextmanager
def folder_lock(folder: Path) -> Iterator[None]:
    """The case's exclusive write lock (``case.lock``), shared by every process that writes to it:
    database transactions, the custody head, keyslots rewrites and temp-file clean-up."""
    fd = os.open(folder / LOCK_NAME, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock


@contextmanager
def translate_write_errors(path: Path) -> Iterator[None]:
    """SQLite reports a full or read-only disk as an OperationalError; say it plainly."""
    try:
        yield
    except OperationalError as error:
        message = str(error.orig).lower()
        if "full" in message:
            raise StorageError(f"cannot write {path}: the disk is full. The last change was not saved.") from None
        if "readonly" in message or "read-only" in message:
            raise StorageError(f"cannot write {path}: the disk or folder is read-only.") from None
        if "locked" in message or "busy" in message:
            raise StorageError(f"{path} is busy in another program; try again.") from None
        raise


class CaseDatabase:
    """An unlocked case database. Close it to drop its connections (and their decrypted pages)."""

    def __init__(
        self,
        folder: Path,
        data_key: bytes,
        *,
        case_id: str,
        head_key: bytes,
        privacy_key: bytes = b"",
        new_case: bool = False,
    ) -> None:
        self.folder = folder
        self._privacy_key = privacy_key
        self.path = folder / DB_NAME
        if new_case:
            # Create the file private before SQLite opens it; its -wal and -shm files inherit the mode.
            os.close(os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        elif not self.path.is_file():
            raise CaseDamagedError(f"{self.path} is missing; restore the case folder from a backup")
        self._engine: Engine = make_engine(self.path, data_key)
        self._anchor = CustodyAnchor(folder / HEAD_NAME, case_id, head_key)
        self._thread_lock = threading.Lock()
        try:
            with translate_write_errors(self.path), self._process_lock():
                self.migration: MigrationResult = migrate(
                    self._engine, self.path, folder / BACKUPS_DIR, new_case=new_case
                )
        except (DatabaseError, sqlcipher3.DatabaseError) as error:
            self._engine.dispose()
            reason = error.orig if isinstance(error, DatabaseError) else error
            raise CaseDamagedError(
                f"{self.path} cannot be read with this case's key: it is damaged or was replaced ({reason})"
            ) from None
        except BaseException:
            self._engine.dispose()
            raise

    # -- transactions ----------------------------------------------------------------------
    @contextmanager
    def read(self) -> Iterator[SqlReadTx]:
        with Session(self._engine, autoflush=False, expire_on_commit=False) as session:
            yield SqlReadTx(session)

    @contextmanager
    def write(self) -> Iterator[SqlWriteTx]:
        """A write transaction; the custody head is advanced after it commits."""
        with (
            translate_write_errors(self.path),
            self._thread_lock,
            self._process_lock(),
            self._engine.connect() as plain,
        ):
            connection = plain.execution_options(caseapp_write=True)
            with connection.begin():
                with Session(bind=connection, autoflush=False, expire_on_commit=False) as session:
                    tx = SqlWriteTx(session)
                    self._check_head_before_write(tx)
                    yield tx
                    session.flush()
            tx.committed = True
            if tx.appended is not None:
                try:
                    self._anchor.write(CustodyHead(tx.appended.seq, tx.appended.hash))
                except OSError as error:
                    # The change is committed; a head that lags behind is tolerated and reported by
                    # verify, and the next write moves it forward. Failing here would tempt a caller
                    # to undo work that is already saved.
                    log.warning("custody head not updated (%s); it will be at the next change", error.strerror)

    @contextmanager
    def locked(self) -> Iterator[None]:
        """Hold the case's write lock (across processes) for work on files beside the database."""
        with self._thread_lock, self._process_lock():
            yield

    def _process_lock(self) -> contextlib.AbstractContextManager[None]:
        return folder_lock(self.folder)

    def _check_head_before_write(self, tx: SqlWriteTx) -> None:
        """Refuse to extend a chain whose newest entries were removed: writing would hide it."""
        head = self._anchor.read()
        if head is None:
            if tx.last_custody_entry() is not None:
                raise IntegrityError(
                    "the custody head record is missing; run `caseapp verify` before changing the case"
                )
            return
        entry = tx.custody_entry(head.seq)
        if entry is None or entry.hash != head.hash:
            raise IntegrityError(
                "the custody log does not match its recorded head (entries were removed or altered); "
                "run `caseapp verify`. Nothing was changed."
            )

    def custody_anchor(self) -> CustodyHead | None:
        return self._anchor.read()

    def privacy_digest(self, text: str) -> str:
        """HMAC-SHA256 of ``text`` under the case's privacy key (derived from the data key), as
        ``hmac-sha256:<hex>``: binds a value in the custody log without letting a reader of the
        log confirm a guess (a witness's name, a file name)."""
        if not self._privacy_key:
            raise CaseLockedError("the case is locked; unlock it again to continue")
        digest = hmac.new(self._privacy_key, text.encode("utf-8", "surrogateescape"), hashlib.sha256).hexdigest()
        return f"hmac-sha256:{digest}"

    # -- case set-up -----------------------------------------------------------------------
    def initialise(self, info: CaseInfo) -> None:
        """Write the case record and the case's age identity (used for encrypted blobs)."""
        with self.write() as tx:
            tx.set_case_info(info)
            tx.session.add(CaseSecretRow(name=AGE_IDENTITY, value=str(pyrage.x25519.Identity.generate())))
            if tx.session.get(CaseSecretRow, DEVICE_ID) is None:  # the migration gives every case one
                tx.session.add(CaseSecretRow(name=DEVICE_ID, value=str(uuid.uuid4())))

    def age_identity(self) -> str:
        """The case's X25519 identity (the key of every blob), kept only inside the database."""
        with self.read() as tx:
            row = tx.session.get(CaseSecretRow, AGE_IDENTITY)
        if row is None:
            raise CaseDamagedError("the case database has no blob identity")
        return row.value

    def integrity_check(self) -> str:
        with self._engine.connect() as connection:
            return str(connection.execute(text("PRAGMA integrity_check")).scalar())

    def close(self) -> None:
        self._engine.dispose()
