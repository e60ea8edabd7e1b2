"""Create, unlock and re-key a case folder (architecture §2).

A case folder holds ``case.db`` (SQLCipher, keyed with a random data key), ``keyslots.json``
(ways to unlock that key), ``custody.head`` (the authenticated newest custody entry),
``case.lock``, ``blobs/`` (encrypted files) and ``backups/`` (copies taken before upgrades).
Unlocking never writes anything before the key is proven, so a wrong passphrase leaves every
file byte-identical.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from caseapp.app.actor import default_actor
from caseapp.app.keyslot_file import KEYSLOTS_NAME, load_keyslots
from caseapp.app.startup import local_time_zone
from caseapp.atomicfile import fsync_dir, make_private_dir, remove_stale_temp_files
from caseapp.core.custody import CustodyAction
from caseapp.core.entities import CaseInfo
from caseapp.core.errors import (
    CaseDamagedError,
    CaseLockedError,
    StorageError,
    UnlockError,
    UserError,
    ValidationError,
)
from caseapp.core.services import RecordService
from caseapp.core.services.base import record, utc_now
from caseapp.core.services.custody import CustodyService
from caseapp.core.services.evidence import EvidenceService
from caseapp.core.services.exporting import ExportService
from caseapp.core.services.importing import ImportService
from caseapp.core.text import clean_text
from caseapp.core.timeinput import check_zone
from caseapp.intake.adapter import FileIntake
from caseapp.secrets import keystore
from caseapp.secrets.keyslots import STRONG_ARGON2, Argon2Params, Keyslots, check_passphrase_strength, derive_subkey
from caseapp.secrets.keyslots import new_data_key as _new_data_key
from caseapp.storage.blobs import BlobStore
from caseapp.storage.case_db import CaseDatabase, refuse_links
from caseapp.storage.names import DB_NAME

BLOBS_DIR = "blobs"
HEAD_KEY_PURPOSE = "custody-head"
PRIVACY_KEY_PURPOSE = "custody-privacy"


@dataclass
class OpenCase:
    """An unlocked case: its database and the services over it. ``lock()`` (or ``close()``) locks it
    again: every later read or write raises CaseLockedError."""

    folder: Path
    keyslots: Keyslots
    db: CaseDatabase
    actor: str
    _data_key: bytearray = field(repr=False)
    blobs: BlobStore = field(init=False, repr=False)
    open_report: list[str] = field(default_factory=list)
    """Things noticed at open (e.g. quarantined blobs left by an interrupted import)."""

    def __post_init__(self) -> None:
        self.blobs = BlobStore(self.folder / BLOBS_DIR, self.db.age_identity(), read_only=self.db.read_only)

    @property
    def read_only(self) -> bool:
        """True when the case is on read-only media (or was opened read-only): it can be read,
        verified and exported from; every change raises ReadOnlyCaseError."""
        return self.db.read_only

    @property
    def case_id(self) -> str:
        return self.keyslots.case_id

    @property
    def records(self) -> RecordService:
        return RecordService(self.db, self.actor)

    @property
    def custody(self) -> CustodyService:
        return CustodyService(self.db)

    @property
    def evidence(self) -> EvidenceService:
        return EvidenceService(self.db)

    @property
    def exports(self) -> ExportService:
        return ExportService(self.db, self.blobs, self.actor, read_only=self.db.read_only)

    @property
    def imports(self) -> ImportService:
        return ImportService(self.db, self.blobs, FileIntake(), self.actor, self.folder)

    def data_key(self) -> bytes:
        if not self._data_key:
            raise CaseLockedError()
        return bytes(self._data_key)

    def lock(self) -> None:
        """Make this case unusable until it is unlocked again: dispose the engine (its connections
        and the key its connect function holds), drop the custody-anchor key and the blobs' age
        identity, and overwrite the data key held here. Best effort: Python cannot overwrite every
        copy of a key it ever made (README, "What locking cannot promise")."""
        self.db.lock()
        if hasattr(self, "blobs"):
            self.blobs.lock()
        self._data_key[:] = bytes(len(self._data_key))
        self._data_key.clear()

    @property
    def locked(self) -> bool:
        return not self._data_key

    def close(self) -> None:
        self.lock()

    def __enter__(self) -> OpenCase:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def _storage_error(error: OSError, path: Path) -> StorageError:
    reasons = {
        errno.ENOSPC: "the disk is full",
        errno.EDQUOT: "the disk quota is exceeded",
        errno.EROFS: "the folder is on a read-only disk",
        errno.EACCES: "permission denied",
        errno.EPERM: "permission denied",
        errno.EEXIST: "it already exists",
    }
    reason = reasons.get(error.errno or 0, error.strerror or str(error))
    return StorageError(f"cannot write {path}: {reason}. Nothing was left half-written.")


def _open_db(
    folder: Path, keyslots: Keyslots, data_key: bytes, *, new_case: bool = False, read_only: bool = False
) -> CaseDatabase:
    head_key = derive_subkey(data_key, HEAD_KEY_PURPOSE)
    privacy_key = derive_subkey(data_key, PRIVACY_KEY_PURPOSE)
    return CaseDatabase(
        folder,
        data_key,
        case_id=keyslots.case_id,
        head_key=head_key,
        privacy_key=privacy_key,
        new_case=new_case,
        read_only=read_only,
    )


def create_case(
    path: Path,
    passphrase: str,
    *,
    title: str = "",
    actor: str | None = None,
    kdf: Argon2Params = STRONG_ARGON2,
    time_zone: str | None = None,
) -> tuple[OpenCase, str]:
    """Create a case folder at ``path`` (which must not exist) and return it open, with the
    recovery code to show once. Built in a hidden sibling folder and renamed into place at the
    end, so a failure (full disk, read-only folder, power loss) never leaves a half-made case."""
    check_passphrase_strength(passphrase)
    zone_name = check_zone(time_zone) if time_zone else local_time_zone()
    who = actor or default_actor()
    path = path.absolute()
    if any(0xD800 <= ord(char) <= 0xDFFF for char in str(path)):
        shown = os.fsencode(path).decode("utf-8", "backslashreplace")
        raise ValidationError(
            f"the folder path {shown} contains bytes that are not valid UTF-8; choose a folder name typed in UTF-8"
        )
    case_title = clean_text(title or path.name.removesuffix(".caseapp"), field="title", required=True)
    if path.exists():
        raise UserError(f"{path} already exists; choose a new folder for the case")
    if not path.parent.is_dir():
        raise UserError(f"{path.parent} does not exist")
    building = path.with_name(f".{path.name}.creating-{uuid.uuid4().hex[:8]}")
    data_key = _new_data_key()
    case_id = str(uuid.uuid4())
    db: CaseDatabase | None = None
    try:
        make_private_dir(building)
        keyslots = Keyslots(case_id=case_id)
        keyslots.set_passphrase(data_key, passphrase, kdf)
        recovery_code = keyslots.set_recovery_code(data_key)
        keyslots.save(building / KEYSLOTS_NAME)
        db = _open_db(building, keyslots, data_key, new_case=True)
        now = utc_now()
        db.initialise(CaseInfo(case_id, case_title, "", now, who, zone_name))
        with db.write() as tx:
            record(
                tx,
                actor=who,
                at=now,
                action=CustodyAction.CASE_CREATE,
                target="CASE",
                details={"case_id": case_id, "title": case_title, "time_zone": zone_name},
            )
        db.close()
        db = None
        fsync_dir(building)
        os.rename(building, path)
        fsync_dir(path.parent)
    except OSError as error:
        _discard(db, building)
        raise _storage_error(error, path) from None
    except BaseException:
        _discard(db, building)
        raise
    return _unlocked(path, keyslots, data_key, who), recovery_code


def _discard(db: CaseDatabase | None, building: Path) -> None:
    if db is not None:
        db.close()
    shutil.rmtree(building, ignore_errors=True)


def _unlocked(folder: Path, keyslots: Keyslots, data_key: bytes, actor: str, *, read_only: bool = False) -> OpenCase:
    db = _open_db(folder, keyslots, data_key, read_only=read_only)
    try:
        if not db.read_only:
            with db.locked():  # a writer in another process may be between its temp file and its rename
                remove_stale_temp_files(folder)
        with db.read() as tx:
            if tx.case_info().case_id != keyslots.case_id:
                raise CaseDamagedError(f"{folder / DB_NAME} belongs to another case than {folder / KEYSLOTS_NAME}")
        case = OpenCase(folder, keyslots, db, actor, bytearray(data_key))
    except BaseException:
        db.close()
        raise
    if case.db.read_only_reason == "full":
        case.open_report.append("the disk is full: the case was opened for reading only; free some space to change it")
    elif case.db.read_only_reason == "media":
        case.open_report.append(
            "this case is on read-only media: it can be read, verified and exported from, not changed"
        )
    else:
        try:
            case.open_report.extend(sweep_orphans(case))
        except CaseDamagedError:
            case.open_report.append("the case database is damaged; verify the case to see what is affected")
    return case


def sweep_orphans(case: OpenCase) -> list[str]:
    """Quarantine blobs no record references (an import interrupted between the encrypted write
    and the commit) and remove unfinished temp files. Skipped while another import is running,
    and on read-only media. Works only inside the case's own blobs/ (never through a link)."""
    if case.read_only or not case.blobs.folder.is_dir() or case.blobs.folder.is_symlink():
        return []
    with case.blobs.intake_lock(exclusive=True, wait=False) as alone:
        if not alone:
            return []
        case.blobs.remove_leftover_temp_files()
        with case.db.read() as tx:
            referenced = tx.stored_blob_names()
        moved = case.blobs.quarantine(case.blobs.names() - referenced)
    return (
        [
            f"{len(moved)} encrypted file(s) no record refers to (an interrupted import) were moved to "
            f"{case.blobs.folder / 'quarantine'}"
        ]
        if moved
        else []
    )


def unlock_key(keyslots: Keyslots, *, passphrase: str | None = None, recovery_code: str | None = None) -> bytes:
    """The data key, from the passphrase, the recovery code, or the OS keyring (in that order)."""
    if passphrase is not None:
        return keyslots.unlock_with_passphrase(passphrase)
    if recovery_code is not None:
        return keyslots.unlock_with_recovery_code(recovery_code)
    for slot in keyslots.of_type("keyring"):
        secret = keystore.load_secret(keyslots.case_id, slot.id)
        key = keyslots.unlock_with_keyring_secret(slot.id, secret) if secret else None
        if key is not None:
            return key
    raise UnlockError("the case is locked: give its passphrase")


def _check_folder_access(folder: Path) -> None:
    """A case folder this account cannot enter or list is a permissions problem: say so, naming it."""
    try:
        if folder.is_dir():
            os.listdir(folder)
    except PermissionError:
        raise StorageError(
            f"cannot read {folder}: permission denied. Give your account read access to the case folder, "
            "or open the case as its owner."
        ) from None


def open_case(
    path: Path,
    *,
    passphrase: str | None = None,
    recovery_code: str | None = None,
    actor: str | None = None,
    read_only: bool = False,
) -> OpenCase:
    """Unlock the case at ``path``. ``read_only`` opens it for reading only (chosen by itself when
    the case is on read-only media). A case folder with symbolic links in it is refused."""
    _check_folder_access(path.absolute())
    refuse_links(path.absolute())
    keyslots = load_keyslots(path)
    data_key = unlock_key(keyslots, passphrase=passphrase, recovery_code=recovery_code)
    return _unlocked(path.absolute(), keyslots, data_key, actor or default_actor(), read_only=read_only)


class _NoKeyringSlot(Exception):
    pass


@contextlib.contextmanager
def _rewriting_keyslots(
    path: Path,
    unlock: Callable[[Keyslots], bytes],
    *,
    action: str,
    actor: str | None = None,
    db: CaseDatabase | None = None,
) -> Iterator[tuple[Keyslots, bytes, dict[str, str]]]:
    """Change ``keyslots.json`` and record ``action`` in the custody log, as one step.

    ``unlock`` proves the caller's secret and gives the data key (before anything is opened for
    writing). Then, inside a custody write transaction, which holds the case lock, the file is read
    fresh: two programs changing slots at once (a passphrase change in a terminal while the GUI
    enables the keyring) would otherwise undo each other and could bring an old passphrase back, so
    if it changed meanwhile, the secret is proven again against the fresh file. The caller changes
    the slots and fills in the entry's details (slot id and type, never a secret or salt); the MACs
    are written, the file is saved atomically and the entry committed. If saving fails, the entry is
    rolled back; a crash between the rename and the commit leaves the change made but unrecorded."""
    folder = path.absolute()
    first = load_keyslots(folder)
    data_key = unlock(first)
    own_db = db is None
    database = _open_db(folder, first, data_key) if db is None else db
    try:
        with database.write() as tx:
            keyslots = Keyslots.load(folder / KEYSLOTS_NAME)
            if keyslots != first and unlock(keyslots) != data_key:
                raise CaseDamagedError(f"{folder / KEYSLOTS_NAME} changed while it was being rewritten; try again")
            details: dict[str, str] = {}
            yield keyslots, data_key, details
            keyslots.seal(data_key)  # also adds the MACs to a file written before they existed
            record(tx, actor=actor or default_actor(), at=utc_now(), action=action, target="CASE", details=details)
            try:
                keyslots.save(folder / KEYSLOTS_NAME)
            except OSError as error:
                raise _storage_error(error, folder / KEYSLOTS_NAME) from None
    finally:
        if own_db:
            database.close()


def change_passphrase(
    path: Path, old: str, new: str, *, kdf: Argon2Params = STRONG_ARGON2, actor: str | None = None
) -> None:
    """Re-wrap the data key under a new passphrase: ``keyslots.json`` changes (atomically) and the
    change is recorded in custody as ``case.passphrase_change``."""
    check_passphrase_strength(new)
    unlock = lambda keyslots: keyslots.unlock_with_passphrase(old)  # noqa: E731
    with _rewriting_keyslots(path, unlock, action=CustodyAction.CASE_PASSPHRASE_CHANGE, actor=actor) as (
        keyslots,
        key,
        details,
    ):
        details.update(slot_id=keyslots.set_passphrase(key, new, kdf), slot_type="passphrase")


def recover(
    path: Path, recovery_code: str, new: str, *, kdf: Argon2Params = STRONG_ARGON2, actor: str | None = None
) -> None:
    """Unlock with the recovery code and set a new passphrase (the recovery code stays valid);
    recorded in custody as ``case.recover``."""
    check_passphrase_strength(new)
    unlock = lambda keyslots: keyslots.unlock_with_recovery_code(recovery_code)  # noqa: E731
    with _rewriting_keyslots(path, unlock, action=CustodyAction.CASE_RECOVER, actor=actor) as (keyslots, key, details):
        details.update(slot_id=keyslots.set_passphrase(key, new, kdf), slot_type="passphrase", unlocked_with="recovery")


def enable_keyring(case: OpenCase) -> str:
    """Add a keyring slot (``case.keyring_enable`` in custody); the secret goes to the OS keyring
    first, so a refusal changes nothing."""
    keystore.require_usable()
    saved: list[str] = []
    key = case.data_key()
    try:
        with _rewriting_keyslots(
            case.folder, lambda _slots: key, action=CustodyAction.CASE_KEYRING_ENABLE, actor=case.actor, db=case.db
        ) as (keyslots, data_key, details):
            old_slots = keyslots.of_type("keyring")
            slot_id, secret = keyslots.add_keyring_slot(data_key)
            keystore.save_secret(keyslots.case_id, slot_id, secret)
            saved.append(slot_id)
            details.update(slot_id=slot_id, slot_type="keyring")
    except BaseException:
        for orphan in saved:  # the slot file was not written: take the secret back out
            with contextlib.suppress(UserError):
                keystore.delete_secret(case.case_id, orphan)
        raise
    for old in old_slots:
        with contextlib.suppress(UserError):
            keystore.delete_secret(keyslots.case_id, old.id)
    case.keyslots = keyslots
    return keystore.status().backend


def disable_keyring(case: OpenCase) -> bool:
    """Remove the keyring slot and its secret (``case.keyring_disable`` in custody).

    It needs the unlocked case (the keyring slot itself unlocks it, so usually nothing is typed):
    the custody entry is written with the data key, and so is the MAC over the set of slots, which
    would otherwise show the removal as tampering."""
    key = case.data_key()
    try:
        with _rewriting_keyslots(
            case.folder, lambda _slots: key, action=CustodyAction.CASE_KEYRING_DISABLE, actor=case.actor, db=case.db
        ) as (keyslots, _key, details):
            slots = keyslots.of_type("keyring")
            if not slots:
                raise _NoKeyringSlot  # nothing to change or record: the transaction is rolled back
            keyslots.remove_type("keyring")
            details.update(slot_id=",".join(s.id for s in slots), slot_type="keyring")
    except _NoKeyringSlot:
        return False
    for slot in slots:
        with contextlib.suppress(UserError):
            keystore.delete_secret(keyslots.case_id, slot.id)
    case.keyslots = keyslots
    return True


@contextlib.contextmanager
def opened(
    path: Path, *, passphrase: str | None = None, recovery_code: str | None = None, read_only: bool = False
) -> Iterator[OpenCase]:
    case = open_case(path, passphrase=passphrase, recovery_code=recovery_code, read_only=read_only)
    try:
        yield case
    finally:
        case.close()
