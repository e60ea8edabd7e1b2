"""Reading ``keyslots.json`` safely: it is read before anything in it can be authenticated.

A hostile file must not make unlocking hang, read without end or allocate gigabytes (issue 13.10):

* it must be a regular file in the case folder (not a symbolic link, folder, device or pipe), opened
  without following links and without blocking, and at most ``MAX_FILE_BYTES`` long;
* it holds at most ``MAX_SLOTS`` slots, each of a known type with the key derivation caseapp gives
  that type (Argon2id for a passphrase, HKDF for a recovery code or keyring secret);
* Argon2id parameters stay within ``MAX_ARGON2``, and all passphrase slots together may cost at most
  what one slot at those bounds costs, since a wrong passphrase is tried against each of them.

Bounds, from measurements on the project machine (Argon2id, one derivation): caseapp's default of
64 MiB, 3 passes, 4 lanes took 0.32 s; 1 GiB, 3 passes 4.4 s; 1 GiB, 10 passes, 8 lanes 10.6 s and
1 GiB of memory. The bounds (1 GiB, 10 passes, 8 lanes) leave a user 16 times the default memory
and over 3 times the passes, while a hostile file costs at most about 11 s and 1 GiB per unlock
(before: 4 GiB and 64 passes per slot and any number of slots; 200 slots took 35 s).
"""

from __future__ import annotations

import errno
import json
import os
import stat
from pathlib import Path
from typing import Any

from caseapp.core.errors import CaseDamagedError, StorageError

MAX_FILE_BYTES = 64 * 1024
MAX_SLOTS = 16
MAX_MEMORY_KIB = 1024 * 1024
MAX_ITERATIONS = 10
MAX_PARALLELISM = 8
MAX_ARGON2_WORK = MAX_MEMORY_KIB * MAX_ITERATIONS  # KiB x passes, summed over all passphrase slots
KDF_OF_TYPE = {"passphrase": "argon2id", "recovery": "hkdf-sha256", "keyring": "hkdf-sha256"}
_ARGON2_BOUNDS = {
    "memory_kib": (8, MAX_MEMORY_KIB, "memory (KiB)"),
    "iterations": (1, MAX_ITERATIONS, "iterations"),
    "parallelism": (1, MAX_PARALLELISM, "parallelism"),
}
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
_RESTORE = "Restore it from a backup of the case; nothing was changed."


class Refused(ValueError):
    """A keyslots document outside what caseapp writes; the message says what and is shown as is."""


def read_bounded(path: Path) -> bytes:
    """The bytes of ``path`` if it is a regular file of at most ``MAX_FILE_BYTES``; else a clear error."""
    try:
        if path.is_symlink():  # O_NOFOLLOW below does the same where it exists (not on Windows)
            raise OSError(errno.ELOOP, "symbolic link")
        fd = os.open(path, _OPEN_FLAGS | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise CaseDamagedError(f"{path} is missing: without it the case cannot be unlocked. {_RESTORE}") from None
    except PermissionError:
        raise StorageError(
            f"cannot read {path}: permission denied. Give your account read access to the case folder "
            "and its files (the same account that created it); nothing was changed."
        ) from None
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise CaseDamagedError(
                f"{path} is a symbolic link; caseapp only reads a keyslots.json that is a file inside the "
                f"case folder. Replace the link with the file itself. {_RESTORE}"
            ) from None
        raise StorageError(f"cannot read {path}: {error.strerror or error}; nothing was changed.") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise CaseDamagedError(f"{path} is not a regular file (it is a folder, device or pipe). {_RESTORE}")
        chunks: list[bytes] = []
        size = 0
        while size <= MAX_FILE_BYTES:
            chunk = os.read(fd, MAX_FILE_BYTES + 1 - size)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as error:
        raise StorageError(f"cannot read {path}: {error.strerror or error}; nothing was changed.") from None
    finally:
        os.close(fd)
    if size > MAX_FILE_BYTES:
        raise CaseDamagedError(
            f"{path} is larger than the {MAX_FILE_BYTES} bytes a keyslots file can be: it is damaged or was "
            f"replaced. {_RESTORE}"
        )
    return b"".join(chunks)


def parse(path: Path, raw: bytes) -> dict[str, Any]:
    """The JSON document, or CaseDamagedError naming the file (never RecursionError or a decode error)."""
    try:
        document = json.loads(raw.decode("utf-8"))
    except (ValueError, RecursionError) as error:  # UnicodeDecodeError and JSONDecodeError are ValueErrors
        kind = "nested too deeply" if isinstance(error, RecursionError) else error.__class__.__name__
        raise CaseDamagedError(f"{path} is damaged ({kind}). {_RESTORE}") from None
    if not isinstance(document, dict):
        raise CaseDamagedError(f"{path} is damaged (not a keyslots document). {_RESTORE}")
    return document


def check_slot_count(count: int) -> None:
    if count > MAX_SLOTS:
        raise Refused(f"it holds {count} keyslots; caseapp writes at most 3 and accepts at most {MAX_SLOTS}")


def check_kdf(slot_type: str, kdf: dict[str, Any]) -> int:
    """Refuse a key derivation caseapp would not write for ``slot_type``; return its Argon2 work."""
    expected = KDF_OF_TYPE.get(slot_type)
    if expected is None:
        raise Refused(f"a keyslot has the unknown type {slot_type[:40]!r}")
    if kdf.get("name") != expected:
        raise Refused(f"the {slot_type} keyslot names the key derivation {str(kdf.get('name'))[:40]!r}")
    salt = kdf.get("salt")
    if not isinstance(salt, str) or len(salt) > 256:
        raise Refused(f"the {slot_type} keyslot has no usable salt")
    if expected != "argon2id":
        return 0
    if kdf.get("version") not in (16, 19):
        raise Refused(f"the {slot_type} keyslot names an unknown Argon2 version")
    values: dict[str, int] = {}
    for name, (low, high, label) in _ARGON2_BOUNDS.items():
        value = kdf.get(name)
        if type(value) is not int or not low <= value <= high:
            raise Refused(
                f"the {slot_type} keyslot's Argon2 {name} {str(value)[:20]} is out of bounds: caseapp accepts "
                f"{label} from {low} to {high}"
            )
        values[name] = value
    if values["memory_kib"] < 8 * values["parallelism"]:
        raise Refused(f"the {slot_type} keyslot asks for less Argon2 memory than its parallelism needs")
    return values["memory_kib"] * values["iterations"]


def check_total_work(work: int) -> None:
    if work > MAX_ARGON2_WORK:
        raise Refused(
            "its passphrase slots together ask for more Argon2 work than one slot at caseapp's bounds "
            f"({MAX_MEMORY_KIB // 1024} MiB x {MAX_ITERATIONS} passes)"
        )
