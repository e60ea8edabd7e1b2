"""Atomic, private file writes: temp file in the same folder, 0600 before any byte, fsync,
rename over the target, fsync the folder. A crash leaves the old file or the new one, never half.

Standard library only; every layer may use it.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from pathlib import Path

TEMP_PREFIX = ".tmp-"


def fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` atomically; the file is created with mode 0600."""
    temp = path.with_name(f"{TEMP_PREFIX}{path.name}.{secrets.token_hex(6)}")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()
        raise
    fsync_dir(path.parent)


def make_private_dir(path: Path) -> None:
    """Create a folder readable only by its owner (0700); fails if it exists."""
    path.mkdir(mode=0o700)
    path.chmod(0o700)


def remove_stale_temp_files(folder: Path) -> list[Path]:
    """Delete temp files left by an interrupted atomic write; return what was removed. Only regular
    files are touched (a link is never followed, and unlink removes the link, not its target)."""
    removed = []
    for candidate in folder.glob(f"{TEMP_PREFIX}*"):
        if candidate.is_file() and not candidate.is_symlink():
            candidate.unlink()
            removed.append(candidate)
    return removed
