"""One case's encrypted database: opening, migrating, transactions, and the custody head.

Thread use: ``read()`` may run on several threads at once (each gets its own connection);
``write()`` is serialised across threads and processes by an exclusive lock on ``case.lock``
plus SQLite's ``BEGIN IMMEDIATE``.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import hmac
import logging
import os
import shutil
import stat
import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import portalocker
import pyrage
import sqlcipher3
from sqlalchemy import Engine, text
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.orm import Session

from caseapp.core.custody import GENESIS_HASH, CustodyHead, entry_hash
from caseapp.core.entities import CaseInfo
from caseapp.core.errors import (
    CaseDamagedError,
    CaseLockedError,
    IntegrityError,
    ReadOnlyCaseError,
    StorageError,
    UserError,
)
from caseapp.core.ports import CustodyQuery
from caseapp.storage.anchor import CustodyAnchor
from caseapp.storage.derived import DerivedValues
from caseapp.storage.engine import dispose_engine, make_engine
from caseapp.storage.migrate import SCHEMA_HEAD, MigrationResult, current_revision, migrate
from caseapp.storage.names import DB_NAME
from caseapp.storage.orm import CaseSecretRow
from caseapp.storage.reads import DEVICE_ID, SqlReadTx
from caseapp.storage.writes import SqlWriteTx

log = logging.getLogger(__name__)

HEAD_NAME = "custody.head"
LOCK_NAME = "case.lock"
BACKUPS_DIR = "backups"
AGE_IDENTITY = "age_identity"
BLOBS_DIR = "blobs"
NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
READ_ONLY_ERRNOS = frozenset({errno.EROFS, errno.EACCES, errno.EPERM})

# Files and folders of a case that must be what they seem, never symbolic links (a link would make
# caseapp write, quarantine or delete outside the case folder).
_CASE_FILES = ("case.db", "case.db-wal", "case.db-shm", "keyslots.json", HEAD_NAME, LOCK_NAME)
_CASE_DIRS = (BLOBS_DIR, f"{BLOBS_DIR}/quarantine", BACKUPS_DIR)


def refuse_links(folder: Path) -> None:
    """Refuse a case folder that is, or holds, a symbolic link where caseapp reads or writes."""

    def refuse(path: Path) -> None:
        raise UserError(
            f"{path} is a symbolic link; caseapp refuses to open a case with links in it (they could make it "
            "write or move files outside the case). Replace the link with the real folder or file."
        )

    if folder.is_symlink():
        refuse(folder)
    for name in _CASE_FILES:
        if (folder / name).is_symlink():
            refuse(folder / name)
    for name in _CASE_DIRS:
        sub = folder / name
        if sub.is_symlink():
            refuse(sub)
        if not sub.is_dir():
            continue
        try:
            with os.scandir(sub) as entries:
                for entry in entries:
                    if entry.is_symlink():
                        refuse(sub / entry.name)
        except PermissionError:
            raise StorageError(
                f"cannot read {sub}: permission denied. Give your account read access to the case folder."
            ) from None


def _open_lock_file(folder: Path, *, write: bool) -> int:
    path = folder / LOCK_NAME
    flags = (os.O_RDWR | os.O_CREAT) if write else os.O_RDONLY
    try:
        fd = os.open(path, flags | NOFOLLOW, 0o600)
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise UserError(f"{path} is a symbolic link; replace it with a plain file") from None
        raise
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise UserError(f"{path} is not a plain file; remove it and try again")
    return fd


@contextmanager
def folder_lock(folder: Path) -> Iterator[None]:
    """The case's exclusive write lock (``case.lock``), shared by every process that writes to it:
    database transactions, the custody head, keyslots rewrites and temp-file clean-up."""
    try:
        fd = _open_lock_file(folder, write=True)
    except OSError as error:
        if error.errno == errno.EROFS:
            raise ReadOnlyCaseError() from None
        if error.errno in (errno.EACCES, errno.EPERM):
            raise StorageError(
                f"cannot open {folder / LOCK_NAME}: permission denied. Give your account write access to the "
                "case folder (or copy the case to a folder you own)."
            ) from None
        raise
    with os.fdopen(fd, "r+b") as handle:  # closing releases the lock
        portalocker.lock(handle, portalocker.LOCK_EX)
        yield


def media_is_read_only(folder: Path) -> bool:
    """True when the case cannot be written at all: read-only media or mount, or a folder and lock file
    this account may read but not write (a write-protected copy). A lock file alone that cannot be
    written, in a folder that can, is a permissions problem and is reported as one at the first write."""
    try:
        os.close(_open_lock_file(folder, write=True))
    except OSError as error:
        if error.errno == errno.EROFS:
            return True
        if error.errno in READ_ONLY_ERRNOS:
            return not os.access(folder, os.W_OK)
        raise
    return False


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


def disk_is_full(folder: Path) -> bool:
    """Less room than SQLite needs for its -shm index and a page of WAL."""
    try:
        return shutil.disk_usage(folder).free < 64 * 1024
    except OSError:
        return False


_NOT_DAMAGE = (
    sqlcipher3.IntegrityError,
    sqlcipher3.ProgrammingError,
    sqlcipher3.InterfaceError,
    sqlcipher3.NotSupportedError,
    sqlcipher3.DataError,
)


@contextmanager
def translate_damage(path: Path) -> Iterator[None]:
    """A page that fails SQLCipher's check, or a malformed b-tree, is damage to the file: say so
    (CaseDamagedError, naming the file) instead of letting a driver error end as "internal error"."""
    try:
        yield
    except (DatabaseError, sqlcipher3.DatabaseError) as error:
        reason = error.orig if isinstance(error, DatabaseError) else error
        if isinstance(reason, _NOT_DAMAGE):
            raise  # a refused constraint or a programming error says nothing about the file
        message = str(reason).lower()
        if "locked" in message or "busy" in message:
            raise StorageError(f"{path} is busy in another program; try again.") from None
        if "full" in message or ("i/o" in message and disk_is_full(path.parent)):
            raise StorageError(f"cannot write {path}: the disk is full. The last change was not saved.") from None
        if "readonly" in message or "read-only" in message:
            raise StorageError(f"cannot write {path}: the disk or folder is read-only.") from None
        raise CaseDamagedError(
            f"{path} is damaged: a part of it cannot be read ({reason}). Restore the case folder from a backup; "
            "Verifying the case says what else is affected."
        ) from None


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
        read_only: bool = False,
    ) -> None:
        """``read_only`` opens the case for reading only; it is also chosen by itself when the case
        is on read-only media (its lock file cannot be opened for writing)."""
        self.folder = folder
        self._privacy_key = privacy_key
        self._verified: tuple[int, str] = (0, GENESIS_HASH)  # the newest custody entry checked so far
        self.path = folder / DB_NAME
        refuse_links(folder)
        if new_case:
            # Create the file private before SQLite opens it; its -wal and -shm files inherit the mode.
            os.close(os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        elif not self.path.is_file():
            raise CaseDamagedError(f"{self.path} is missing; restore the case folder from a backup")
        else:
            self._check_readable()
        self.read_only_reason: str | None = (
            "requested" if read_only else ("media" if not new_case and media_is_read_only(folder) else None)
        )
        self._engine: Engine | None = None
        self._anchor = CustodyAnchor(folder / HEAD_NAME, case_id, head_key)
        self._thread_lock = threading.Lock()
        self._derived: DerivedValues | None = None
        try:
            try:
                self.migration: MigrationResult = self._open(data_key, new_case=new_case)
            except (DatabaseError, sqlcipher3.DatabaseError):
                if new_case or self.read_only or not disk_is_full(folder):
                    raise
                # SQLite cannot make its -shm index on a full disk: read without it, refuse writes.
                self._dispose_engine()
                self.read_only_reason = "full"
                self.migration = self._open(data_key, new_case=False)
        except (DatabaseError, sqlcipher3.DatabaseError) as error:
            self.lock()
            reason = error.orig if isinstance(error, DatabaseError) else error
            raise CaseDamagedError(
                f"{self.path} cannot be read with this case's key: it is damaged or was replaced ({reason})"
            ) from None
        except BaseException:
            self.lock()
            raise
        migrated = self.migration.from_revision not in (None, self.migration.to_revision)
        if migrated and not self.read_only:
            self._record_migration()

    def _record_migration(self) -> None:
        """The schema upgrade is a change to the case: it goes into the custody log. A chain that
        cannot be extended (damaged, altered) does not stop the case from opening: verify says why."""
        from caseapp.core.custody import CustodyAction
        from caseapp.core.errors import CaseAppError
        from caseapp.core.services.base import record, utc_now

        details = {
            "from": self.migration.from_revision,
            "to": self.migration.to_revision,
            "backup": self.migration.backup.name if self.migration.backup else None,
        }
        try:
            with self.write() as tx:
                record(
                    tx, actor="caseapp", at=utc_now(), action=CustodyAction.CASE_MIGRATE, target="CASE", details=details
                )
        except CaseAppError as error:
            log.warning("the schema upgrade was not entered in the custody log: %s", error)

    @property
    def read_only(self) -> bool:
        """Opened for reading only: on read-only media, on a full disk, or because it was asked for."""
        return self.read_only_reason is not None

    def _open(self, data_key: bytes, *, new_case: bool) -> MigrationResult:
        self._engine = make_engine(self.path, data_key, read_only=self._read_only_mode())
        self._derived = DerivedValues(self._engine)
        if self.read_only:
            return self._check_schema_read_only()
        with translate_write_errors(self.path), self._process_lock():
            return migrate(self._engine, self.path, self.folder / BACKUPS_DIR, new_case=new_case)

    def _check_readable(self) -> None:
        for path in (self.path, self.folder / f"{DB_NAME}-wal"):
            try:
                with path.open("rb") as handle:
                    handle.read(1)
            except FileNotFoundError:
                continue
            except PermissionError:
                raise StorageError(
                    f"cannot read {path}: permission denied (a permissions problem, not a sign of tampering). "
                    "Give your account read access to it, or open the case as its owner."
                ) from None

    def _read_only_mode(self) -> str | None:
        """How SQLite must open the file: None (normal), "ro" or "immutable" (WAL needs its -shm file,
        which cannot be created on read-only media; without a -wal file the database is complete)."""
        if not self.read_only:
            return None
        wal = self.folder / f"{DB_NAME}-wal"
        shm = self.folder / f"{DB_NAME}-shm"
        if wal.exists() and wal.stat().st_size > 0:
            if shm.exists():
                return "ro"
            raise ReadOnlyCaseError(
                f"{wal} holds changes that were never folded into the database, and it cannot be read on "
                "read-only media; copy the case to a writable disk and open it there"
            )
        return "immutable" if self.read_only_reason == "full" or media_is_read_only(self.folder) else "ro"

    def _check_schema_read_only(self) -> MigrationResult:
        current = current_revision(self._live())
        if current != SCHEMA_HEAD:
            raise ReadOnlyCaseError(
                f"this case needs a schema upgrade ({current} to {SCHEMA_HEAD}), which cannot be done on read-only "
                "media; copy it to a writable disk to open it"
            )
        return MigrationResult(current, SCHEMA_HEAD, None)

    def _live(self) -> Engine:
        if self._engine is None:
            raise CaseLockedError()
        return self._engine

    def _writable(self) -> None:
        self._live()
        if self.read_only_reason == "full":
            raise StorageError(f"cannot write {self.path}: the disk is full. Free some space to change the case.")
        if self.read_only:
            raise ReadOnlyCaseError()

    # -- transactions ----------------------------------------------------------------------
    @contextmanager
    def read(self) -> Iterator[SqlReadTx]:
        with translate_damage(self.path), Session(self._live(), autoflush=False, expire_on_commit=False) as session:
            yield SqlReadTx(session, self._derived)

    @contextmanager
    def write(self) -> Iterator[SqlWriteTx]:
        """A write transaction; the custody head is advanced after it commits."""
        self._writable()
        with (
            translate_damage(self.path),
            translate_write_errors(self.path),
            self._thread_lock,
            self._process_lock(),
            self._live().connect() as plain,
        ):
            connection = plain.execution_options(caseapp_write=True)
            with connection.begin():
                with Session(bind=connection, autoflush=False, expire_on_commit=False) as session:
                    tx = SqlWriteTx(session)
                    self._check_head_before_write(tx)
                    self._check_chain_before_write(tx)
                    yield tx
                    session.flush()
            tx.committed = True
            if tx.appended is not None:
                try:
                    self._anchor.write(CustodyHead(tx.appended.seq, tx.appended.hash))
                except (OSError, CaseLockedError) as error:
                    # The change is committed; a head that lags behind is tolerated and reported by
                    # verify, and the next write moves it forward. Failing here would tempt a caller
                    # to undo work that is already saved.
                    reason = getattr(error, "strerror", None) or str(error)
                    log.warning("custody head not updated (%s); it will be at the next change", reason)

    @contextmanager
    def locked(self) -> Iterator[None]:
        """Hold the case's write lock (across processes) for work on files beside the database."""
        self._writable()
        with self._thread_lock, self._process_lock():
            yield

    def _process_lock(self) -> contextlib.AbstractContextManager[None]:
        return folder_lock(self.folder)

    def _check_head_before_write(self, tx: SqlWriteTx) -> None:
        """Refuse to extend a chain whose newest entries were removed: writing would hide it."""
        head = self._anchor.read()
        if head is None:
            if tx.last_custody_entry() is not None:
                raise IntegrityError("the custody head record is missing; verify the case before changing it")
            return
        entry = tx.custody_entry(head.seq)
        if entry is None or entry.hash != head.hash:
            raise IntegrityError(
                "the custody log does not match its recorded head (entries were removed or altered); "
                "verify the case. Nothing was changed."
            )

    def _check_chain_before_write(self, tx: SqlWriteTx) -> None:
        """Refuse to extend a chain that ``verify`` would reject: every entry is re-checked once per
        session (at the first write), then only the entries added since (by anyone). An entry
        altered later by another program holding the key is found by ``verify``, and by the first
        write of the next session."""
        seq, previous = self._verified
        for entry in tx.custody_entries(CustodyQuery(since_seq=seq)):
            if entry.seq != seq + 1 or entry.prev_hash != previous or entry_hash(entry) != entry.hash:
                raise IntegrityError(
                    f"custody entry {entry.seq if entry.seq == seq + 1 else seq + 1} was altered or removed; "
                    "verify the case before changing it. Nothing was changed."
                )
            seq, previous = entry.seq, entry.hash
        self._verified = (seq, previous)

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
        """ "ok", or what is damaged: every page's SQLCipher HMAC first (this reads every page of the
        file, free-list pages included), then SQLite's own check of the b-trees."""
        try:
            with self._live().connect() as connection:
                failures = [str(row[0]) for row in connection.exec_driver_sql("PRAGMA cipher_integrity_check")]
                if failures:
                    return f"{DB_NAME}: " + "; ".join(failures[:5]) + (" ..." if len(failures) > 5 else "")
                return str(connection.execute(text("PRAGMA integrity_check")).scalar())
        except (DatabaseError, sqlcipher3.DatabaseError) as error:
            reason = error.orig if isinstance(error, DatabaseError) else error
            return f"{DB_NAME} cannot be read ({reason})"

    def lock(self) -> None:
        """Drop every connection, the key the engine holds and the custody-anchor key; every later
        use raises CaseLockedError. SQLCipher wipes its own key and pages when a connection closes.

        A write running on another thread finishes first (commit and custody head together), so a
        change that was saved is never reported as failed."""
        with self._thread_lock:
            if self._derived is not None:
                self._derived.clear()  # the redaction's names, among others
            self._dispose_engine()
            self._anchor.forget()
            self._privacy_key = b""

    def _dispose_engine(self) -> None:
        engine, self._engine = self._engine, None
        if engine is not None:
            dispose_engine(engine)

    def close(self) -> None:
        self.lock()
