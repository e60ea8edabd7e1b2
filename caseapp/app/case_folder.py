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
import getpass
import os
import shutil
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from caseapp.app.startup import local_time_zone
from caseapp.atomicfile import fsync_dir, make_private_dir, remove_stale_temp_files
from caseapp.core.custody import CustodyAction
from caseapp.core.entities import CaseInfo
from caseapp.core.errors import CaseDamagedError, NotACaseError, StorageError, UnlockError, UserError
from caseapp.core.services import RecordService
from caseapp.core.services.base import record, utc_now
from caseapp.core.services.custody import CustodyService
from caseapp.core.services.evidence import EvidenceService
from caseapp.core.services.importing import ImportService
from caseapp.core.text import clean_text
from caseapp.core.timeinput import check_zone
from caseapp.intake.adapter import FileIntake
from caseapp.secrets import keystore
from caseapp.secrets.keyslots import STRONG_ARGON2, Argon2Params, Keyslots, check_passphrase_strength, derive_subkey
from caseapp.secrets.keyslots import new_data_key as _new_data_key
from caseapp.storage.blobs import BlobStore
from caseapp.storage.case_db import DB_NAME, CaseDatabase, folder_lock

KEYSLOTS_NAME = "keyslots.json"
BLOBS_DIR = "blobs"
HEAD_KEY_PURPOSE = "custody-head"
PRIVACY_KEY_PURPOSE = "custody-privacy"


def default_actor() -> str:
    """Who is acting: $CASEAPP_ACTOR if set, else the operating-system account name."""
    name = os.environ.get("CASEAPP_ACTOR") or getpass.getuser()
    return clean_text(name, field="actor", max_length=200) or "unknown"


@dataclass
class OpenCase:
    """An unlocked case: its database and the services over it. ``close()`` locks it again."""

    folder: Path
    keyslots: Keyslots
    db: CaseDatabase
    actor: str
    _data_key: bytearray = field(repr=False)
    blobs: BlobStore = field(init=False, repr=False)
    open_report: list[str] = field(default_factory=list)
    """Things noticed at open (e.g. quarantined blobs left by an interrupted import)."""

    def __post_init__(self) -> None:
        self.blobs = BlobStore(self.folder / BLOBS_DIR, self.db.age_identity())

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
    def imports(self) -> ImportService:
        return ImportService(self.db, self.blobs, FileIntake(), self.actor, self.folder)

    def data_key(self) -> bytes:
        if not self._data_key:
            raise UnlockError("the case is locked")
        return bytes(self._data_key)

    def close(self) -> None:
        """Drop the connections and overwrite the key held here (best effort: Python may keep copies)."""
        self.db.close()
        for index in range(len(self._data_key)):
            self._data_key[index] = 0
        self._data_key.clear()

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


def _open_db(folder: Path, keyslots: Keyslots, data_key: bytes, *, new_case: bool = False) -> CaseDatabase:
    head_key = derive_subkey(data_key, HEAD_KEY_PURPOSE)
    privacy_key = derive_subkey(data_key, PRIVACY_KEY_PURPOSE)
    return CaseDatabase(
        folder, data_key, case_id=keyslots.case_id, head_key=head_key, privacy_key=privacy_key, new_case=new_case
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


def _unlocked(folder: Path, keyslots: Keyslots, data_key: bytes, actor: str) -> OpenCase:
    db = _open_db(folder, keyslots, data_key)
    with db.locked():  # a writer in another process may be between its temp file and its rename
        remove_stale_temp_files(folder)
    with db.read() as tx:
        if tx.case_info().case_id != keyslots.case_id:
            db.close()
            raise CaseDamagedError(f"{folder / DB_NAME} belongs to another case than {folder / KEYSLOTS_NAME}")
    case = OpenCase(folder, keyslots, db, actor, bytearray(data_key))
    case.open_report.extend(sweep_orphans(case))
    return case


def sweep_orphans(case: OpenCase) -> list[str]:
    """Quarantine blobs no record references (an import interrupted between the encrypted write
    and the commit) and remove unfinished temp files. Skipped while another import is running."""
    if not case.blobs.folder.is_dir():
        return []
    with case.blobs.intake_lock(exclusive=True, wait=False) as alone:
        if not alone:
            return []
        for temp in case.blobs.leftover_temp_files():
            temp.unlink()
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


def load_keyslots(path: Path) -> Keyslots:
    """Read a case folder's keyslots, or explain why ``path`` is not a usable case."""
    path = path.absolute()
    if not path.is_dir():
        raise NotACaseError(f"{path} is not a case folder (create one with `caseapp init {path}`)")
    has_slots = (path / KEYSLOTS_NAME).exists()
    has_db = (path / DB_NAME).exists()
    if not has_slots and not has_db:
        raise NotACaseError(f"{path} is not a caseapp case (no {KEYSLOTS_NAME} or {DB_NAME} in it)")
    if not has_db:
        raise CaseDamagedError(f"{path / DB_NAME} is missing; restore the case folder from a backup")
    return Keyslots.load(path / KEYSLOTS_NAME)


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


def open_case(
    path: Path, *, passphrase: str | None = None, recovery_code: str | None = None, actor: str | None = None
) -> OpenCase:
    keyslots = load_keyslots(path)
    data_key = unlock_key(keyslots, passphrase=passphrase, recovery_code=recovery_code)
    return _unlocked(path.absolute(), keyslots, data_key, actor or default_actor())


def has_keyring_slot(path: Path) -> bool:
    return bool(load_keyslots(path).of_type("keyring"))


@contextlib.contextmanager
def _rewriting_keyslots(path: Path) -> Iterator[Keyslots]:
    """Read ``keyslots.json`` fresh under the case lock, let the caller change it, save it atomically.

    Two programs changing slots at once (a passphrase change in a terminal while the GUI enables
    the keyring) would otherwise undo each other, and could bring an old passphrase back."""
    folder = path.absolute()
    load_keyslots(folder)  # a clear error if this is not a case, before creating a lock file
    with folder_lock(folder):
        keyslots = Keyslots.load(folder / KEYSLOTS_NAME)
        yield keyslots
        try:
            keyslots.save(folder / KEYSLOTS_NAME)
        except OSError as error:
            raise _storage_error(error, folder / KEYSLOTS_NAME) from None


def change_passphrase(path: Path, old: str, new: str, *, kdf: Argon2Params = STRONG_ARGON2) -> None:
    """Re-wrap the data key under a new passphrase. Only ``keyslots.json`` changes (atomically)."""
    check_passphrase_strength(new)
    with _rewriting_keyslots(path) as keyslots:
        data_key = keyslots.unlock_with_passphrase(old)
        keyslots.set_passphrase(data_key, new, kdf)


def recover(path: Path, recovery_code: str, new: str, *, kdf: Argon2Params = STRONG_ARGON2) -> None:
    """Unlock with the recovery code and set a new passphrase (the recovery code stays valid)."""
    check_passphrase_strength(new)
    with _rewriting_keyslots(path) as keyslots:
        data_key = keyslots.unlock_with_recovery_code(recovery_code)
        keyslots.set_passphrase(data_key, new, kdf)


def enable_keyring(case: OpenCase) -> str:
    """Add a keyring slot; the secret goes to the OS keyring first, so a refusal changes nothing."""
    keystore.require_usable()
    saved: list[str] = []
    try:
        with _rewriting_keyslots(case.folder) as keyslots:
            old_slots = keyslots.of_type("keyring")
            slot_id, secret = keyslots.add_keyring_slot(case.data_key())
            keystore.save_secret(keyslots.case_id, slot_id, secret)
            saved.append(slot_id)
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


def disable_keyring(path: Path) -> bool:
    """Remove the keyring slot and its secret. Needs no key: it only takes a way in away."""
    with _rewriting_keyslots(path) as keyslots:
        slots = keyslots.of_type("keyring")
        keyslots.remove_type("keyring")
    for slot in slots:
        with contextlib.suppress(UserError):
            keystore.delete_secret(keyslots.case_id, slot.id)
    return bool(slots)


@contextlib.contextmanager
def opened(path: Path, **kwargs: str | None) -> Iterator[OpenCase]:
    case = open_case(path, **kwargs)
    try:
        yield case
    finally:
        case.close()
