"""A case folder's keyslots, read without the storage layer: the unlock screen shows (with or
without its keyring button) before SQLAlchemy and the database are loaded."""

from __future__ import annotations

import os
from pathlib import Path

from caseapp.core.errors import CaseDamagedError, NotACaseError, StorageError
from caseapp.secrets.keyslots import Keyslots
from caseapp.storage.names import DB_NAME

KEYSLOTS_NAME = "keyslots.json"


def load_keyslots(path: Path) -> Keyslots:
    """Read a case folder's keyslots, or explain why ``path`` is not a usable case."""
    path = path.absolute()
    try:
        if not path.is_dir():
            raise NotACaseError(f"{path} is not a case folder; create a case there first")
        has_slots = os.path.lexists(path / KEYSLOTS_NAME)  # a link is there, and refused by Keyslots.load
        has_db = os.path.lexists(path / DB_NAME)
        os.listdir(path)  # lexists says False, not "permission denied", in a folder that cannot be read
    except PermissionError:
        raise StorageError(
            f"cannot read the case folder {path}: permission denied. Open it with the account that created "
            "it, or give that account access to the folder; nothing was changed."
        ) from None
    if not has_slots and not has_db:
        raise NotACaseError(f"{path} is not a caseapp case (no {KEYSLOTS_NAME} or {DB_NAME} in it)")
    if not has_db:
        raise CaseDamagedError(f"{path / DB_NAME} is missing; restore the case folder from a backup")
    return Keyslots.load(path / KEYSLOTS_NAME)


def has_keyring_slot(path: Path) -> bool:
    return bool(load_keyslots(path).of_type("keyring"))
