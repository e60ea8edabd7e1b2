"""The folder a person chose for decrypted originals: the plaintext destination of the export
operation (``caseapp.core.services.exporting``), kept apart from the case folder."""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
from pathlib import Path
from typing import BinaryIO

from caseapp.atomicfile import fsync_dir
from caseapp.core.errors import UserError
from caseapp.intake.names import unescape_name

_UNSAFE_IN_NAMES = frozenset("/\\\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
MAX_NAME_BYTES = 200


def _safe_name(stored: str, fallback: str) -> str:
    """A file name for an exported original: the name as found (stored escaped, see
    ``caseapp.intake.names``), with path separators, controls, bidi overrides and undecodable
    bytes replaced by ``_``, cut to a length every file system accepts."""
    original = unescape_name(stored).rsplit("/", 1)[-1]
    cleaned = "".join(
        "_" if (c in _UNSAFE_IN_NAMES or not c.isprintable() or 0xDC80 <= ord(c) <= 0xDCFF) else c for c in original
    ).strip()
    if cleaned in ("", ".", ".."):
        return fallback
    return _fit(cleaned)


def _fit(name: str, tag: str = "") -> str:
    """``name`` with ``tag`` before its extension, the stem shortened to fit MAX_NAME_BYTES."""
    stem, dot, suffix = name.rpartition(".")
    if not dot or not stem or len(suffix) > 16:
        stem, dot, suffix = name, "", ""
    while stem and len(f"{stem}{tag}{dot}{suffix}".encode()) > MAX_NAME_BYTES:
        stem = stem[:-1]
    return f"{stem}{tag}{dot}{suffix}"


UNNAMED_TEMP_FILES = hasattr(os, "O_TMPFILE") and os.path.isdir("/proc/self/fd")
"""Linux: the plaintext is written to a file without a name (O_TMPFILE), given its name only once
checked and recorded; a killed export leaves nothing. Elsewhere a hidden named file is used, and
leftovers of killed exports are removed at the next export into the same folder."""
_LEFTOVER_PREFIX = ".caseapp-export-"
_LEFTOVER_SUFFIX = ".partial"


def _remove_leftovers(destination: Path) -> None:
    """Delete hidden temp files of killed exports (plain files only, never through a link)."""
    with contextlib.suppress(OSError), os.scandir(destination) as entries:
        for entry in entries:
            if (
                entry.name.startswith(_LEFTOVER_PREFIX)
                and entry.name.endswith(_LEFTOVER_SUFFIX)
                and entry.is_file(follow_symlinks=False)
            ):
                with contextlib.suppress(OSError):
                    os.unlink(entry.path)


class _PlaintextOut:
    """Where the plaintext is written before it gets its name: an unnamed file where the OS allows."""

    def __init__(self, destination: Path) -> None:
        self.temp: Path | None = None
        fd = -1
        if UNNAMED_TEMP_FILES:
            with contextlib.suppress(OSError):  # e.g. a FAT stick: fall back to a named file
                fd = os.open(destination, os.O_TMPFILE | os.O_WRONLY, 0o600)
        if fd < 0:
            self.temp = destination / f"{_LEFTOVER_PREFIX}{secrets.token_hex(8)}{_LEFTOVER_SUFFIX}"
            fd = os.open(self.temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
        self.handle = os.fdopen(fd, "wb")

    def publish(self, target: Path) -> None:
        """Give the checked file its name without ever replacing an existing file."""
        try:
            if self.temp is not None:
                os.link(self.temp, target)  # fails if the target appeared meanwhile
            else:
                # linkat(..., AT_SYMLINK_FOLLOW) on the /proc magic link names the unnamed file;
                # Python only uses linkat (not link, which would not follow) when given a dir_fd.
                root = os.open("/", os.O_RDONLY | os.O_DIRECTORY)
                try:
                    os.link(f"/proc/self/fd/{self.handle.fileno()}", target, src_dir_fd=root, follow_symlinks=True)
                finally:
                    os.close(root)
        except FileExistsError:
            raise UserError(f"{target} already exists; choose another folder") from None
        except OSError as error:
            if self.temp is None or error.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV):
                raise
            if target.exists():  # a file system without hard links (FAT on a USB stick)
                raise UserError(f"{target} already exists; choose another folder") from None
            os.rename(self.temp, target)

    def discard(self) -> None:
        with contextlib.suppress(OSError):
            self.handle.close()
        if self.temp is not None:
            with contextlib.suppress(OSError):
                self.temp.unlink()


class FolderDestination:
    """Decrypted originals go into ``folder`` (never inside ``case_folder``), each under its name as
    found (made safe) or under ``name`` when the person chose one (a save dialog), written unnamed or
    hidden until checked and recorded, never replacing a file."""

    def __init__(self, folder: Path, case_folder: Path, *, name: str | None = None) -> None:
        self.folder = folder
        self.case_folder = case_folder
        self.name = name
        self.target: Path | None = None
        self._out: _PlaintextOut | None = None

    def prepare(self, stored_name: str, ref: str) -> str:
        """Check the folder, choose the file's name and clean up after killed exports; the path."""
        destination = self.folder
        if not destination.exists():
            raise UserError(f"{destination} does not exist; create the folder first")
        if not destination.is_dir():
            raise UserError(f"{destination} is not a folder")
        inside = destination.resolve()
        if inside == self.case_folder.resolve() or self.case_folder.resolve() in inside.parents:
            raise UserError(f"{destination} is inside the case folder; plaintext must never be written there")
        if self.name is not None:
            chosen = destination / _safe_name(self.name, f"{ref}.bin")
            if chosen.exists():
                raise UserError(f"{chosen} already exists; caseapp never replaces a file: choose another name")
            stored_name = self.name
        name = _safe_name(stored_name, f"{ref}.bin")
        target = destination / name
        if target.exists():
            target = destination / _fit(name, f" ({ref})")
        if target.exists():
            raise UserError(f"{target} already exists; choose another folder")
        _remove_leftovers(destination)
        self.target = target
        return str(target)

    def open(self) -> BinaryIO:
        self._out = _PlaintextOut(self.folder)
        return self._out.handle

    def publish(self) -> None:
        assert self._out is not None and self.target is not None
        self._out.handle.flush()
        os.fsync(self._out.handle.fileno())
        self._out.publish(self.target)
        with contextlib.suppress(OSError):
            fsync_dir(self.folder)

    def unpublish(self) -> None:
        """Take a published file back (its custody entry did not commit)."""
        if self.target is not None:
            with contextlib.suppress(OSError):
                self.target.unlink()

    def discard(self) -> None:
        if self._out is not None:
            self._out.discard()
