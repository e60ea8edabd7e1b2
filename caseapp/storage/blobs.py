"""The encrypted blob store: every original and derivative, age-encrypted, under ``blobs/``.

Files are named by a random id, never by the plaintext hash (a seized case must not reveal
which known files it holds). Encryption streams (``pyrage.encrypt_io``), so memory stays
constant whatever the size. Write order makes a crash harmless (architecture §2): ciphertext
to a temp file, fsync, rename into place, and only then the database commit that references it.
Anyone holding the case's age identity can decrypt a blob with the standard ``age`` tool.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import io
import os
import secrets
import shutil
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Protocol

import portalocker
import pyrage

from caseapp.atomicfile import fsync_dir
from caseapp.core.errors import CaseDamagedError, CaseLockedError, ReadOnlyCaseError, StorageError

SUFFIX = ".age"
TEMP_PREFIX = ".tmp-"
QUARANTINE = "quarantine"
INTAKE_LOCK = ".intake.lock"
NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
DIRECTORY = getattr(os, "O_DIRECTORY", 0)


@dataclass(frozen=True, slots=True)
class QuarantinedBlob:
    name: str
    size: int
    modified: float  # seconds since the epoch


class Readable(Protocol):
    def read(self, size: int = -1, /) -> bytes | None: ...


def padded_length(length: int) -> int:
    """Padmé (Nikitin et al., PETS 2019): round a length up so that at most O(log log L) bits of it
    show, at most 12 % more bytes. The size of a blob on disk then no longer identifies which
    known file (a published video, say) a seized case holds."""
    if length < 2:
        return length
    exponent = length.bit_length() - 1
    low_bits = exponent - exponent.bit_length()
    mask = (1 << low_bits) - 1
    return (length + mask) & ~mask


class _PaddedReader(io.RawIOBase):
    """The source's bytes, then zeros up to the Padmé length of however many bytes it gave."""

    def __init__(self, source: Readable) -> None:
        self.source = source
        self.count = 0
        self.padding: int | None = None

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        view = memoryview(buffer).cast("B")
        if self.padding is None:
            data = self.source.read(len(view))
            if data:
                view[: len(data)] = data
                self.count += len(data)
                return len(data)
            self.padding = padded_length(self.count) - self.count
        size = min(len(view), self.padding)
        view[:size] = bytes(size)
        self.padding -= size
        return size


class _TruncatingSink(io.RawIOBase):
    """Receives a decrypted blob: hands the first ``size`` bytes on (hashing them) and checks that
    the rest is exactly the zero padding expected."""

    def __init__(self, size: int, forward: BinaryIO | io.RawIOBase | None = None) -> None:
        self.size = size
        self.forward = forward
        self.digest = hashlib.sha256()
        self.seen = 0
        self.padding_ok = True
        self.write_error: OSError | None = None
        """Set when writing the plaintext out failed (the destination's fault, not the blob's)."""

    def writable(self) -> bool:
        return True

    def write(self, data: bytes | bytearray | memoryview) -> int:  # type: ignore[override]
        chunk = memoryview(data).cast("B")
        keep = max(0, min(len(chunk), self.size - self.seen))
        if keep:
            self.digest.update(chunk[:keep])
            if self.forward is not None:
                try:
                    self.forward.write(chunk[:keep])
                except OSError as error:
                    self.write_error = error
                    raise
        if keep < len(chunk) and any(chunk[keep:]):
            self.padding_ok = False
        self.seen += len(chunk)
        return len(chunk)

    @property
    def complete(self) -> bool:
        return self.padding_ok and self.seen == padded_length(self.size)


class BlobStore:
    def __init__(self, folder: Path, identity: str, *, read_only: bool = False) -> None:
        self.folder = folder
        self.read_only = read_only
        self._identity: pyrage.x25519.Identity | None
        try:
            self._identity = pyrage.x25519.Identity.from_str(identity)
        except pyrage.IdentityError:
            raise CaseDamagedError("the case's age identity is damaged") from None
        self._recipient: pyrage.x25519.Recipient | None = self._identity.to_public()

    def lock(self) -> None:
        """Drop the age identity (the key of every blob); every later use raises CaseLockedError.
        pyrage keeps the key in Rust memory, freed (not promised overwritten) when dropped."""
        self._identity = None
        self._recipient = None

    def _key(self) -> pyrage.x25519.Identity:
        if self._identity is None:
            raise CaseLockedError()
        return self._identity

    def _writable(self) -> pyrage.x25519.Recipient:
        self._key()
        if self.read_only:
            raise ReadOnlyCaseError()
        assert self._recipient is not None
        return self._recipient

    def _path(self, name: str) -> Path:
        self._key()
        if not name or any(c not in "0123456789abcdef" for c in name):
            raise CaseDamagedError(f"blob name {name!r} is not valid")
        return self.folder / f"{name}{SUFFIX}"

    def ensure_folder(self) -> None:
        self._writable()
        self.folder.mkdir(mode=0o700, exist_ok=True)
        if self.folder.is_symlink():
            raise StorageError(f"{self.folder} is a symbolic link; caseapp never writes through one")

    # -- writing -----------------------------------------------------------------------------
    def put(self, reader: Readable | BinaryIO) -> str:
        """Encrypt everything ``reader`` yields (then Padmé zero padding) into a new blob; return
        its name once the file is durable. The caller records the plaintext size, which decrypting
        needs to drop the padding (``age -d ... | head -c SIZE``)."""
        recipient = self._writable()
        self.ensure_folder()
        name = secrets.token_hex(16)
        temp = self.folder / f"{TEMP_PREFIX}{name}"
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            with os.fdopen(fd, "wb") as out:
                try:
                    pyrage.encrypt_io(_PaddedReader(reader), out, [recipient])
                except pyrage.EncryptError as error:
                    cause = error.__cause__ or error.__context__
                    if isinstance(cause, BaseException) and not isinstance(cause, OSError):
                        raise cause from None  # e.g. Cancelled raised by the reader
                    raise self._write_failure() from None
                out.flush()
                os.fsync(out.fileno())
            os.rename(temp, self._path(name))
        except OSError:
            with contextlib.suppress(OSError):
                temp.unlink()
            raise self._write_failure() from None
        except BaseException:
            with contextlib.suppress(OSError):
                temp.unlink()
            raise
        return name

    def _write_failure(self) -> StorageError:
        free = shutil.disk_usage(self.folder).free if self.folder.exists() else 0
        if free < 16 * 1024 * 1024:
            return StorageError(f"the disk holding {self.folder.parent} is full ({free // 1024} KiB free).")
        return StorageError(f"writing to {self.folder} failed (a disk error, or the disk was removed).")

    def put_bytes(self, data: bytes) -> str:
        return self.put(io.BytesIO(data))

    def free_bytes(self) -> int:
        """Free space on the disk holding the blobs (a large number where it cannot be told)."""
        try:
            return shutil.disk_usage(self.folder).free
        except OSError:
            return 2**62

    def sync(self) -> None:
        """Make the renames durable (one folder fsync for many blobs), before the DB commit."""
        fsync_dir(self.folder)

    def discard(self, name: str) -> None:
        self._writable()
        with contextlib.suppress(FileNotFoundError):
            self._path(name).unlink()

    # -- reading -----------------------------------------------------------------------------
    def decrypt_to(self, name: str, size: int, writer: BinaryIO | io.RawIOBase) -> str:
        """Write the blob's ``size`` plaintext bytes to ``writer``; return their SHA-256.

        Raises CaseDamagedError if the blob holds other than those bytes and their padding."""
        sink = _TruncatingSink(size, writer)
        identity = self._key()
        with self._path(name).open("rb") as source:
            try:
                pyrage.decrypt_io(source, sink, [identity])
            except (pyrage.DecryptError, ValueError, OSError) as error:
                if sink.write_error is not None:
                    raise sink.write_error from None
                raise CaseDamagedError(f"blob {name} does not decrypt ({error.__class__.__name__})") from None
        if not sink.complete:
            raise CaseDamagedError(f"blob {name} does not have the recorded size")
        return sink.digest.hexdigest()

    def read_bytes(self, name: str, size: int) -> bytes:
        out = io.BytesIO()
        self.decrypt_to(name, size, out)
        return out.getvalue()

    def check(self, name: str, sha256: str, size: int) -> str | None:
        """None if the blob decrypts to the recorded hash and size, else what is wrong."""
        path = self._path(name)
        if not path.exists():
            return "its encrypted file is missing"
        sink = _TruncatingSink(size)
        try:
            with path.open("rb") as source:
                pyrage.decrypt_io(source, sink, [self._key()])
        except (pyrage.DecryptError, ValueError, OSError) as error:
            return f"its encrypted file does not decrypt ({error.__class__.__name__})"
        if not sink.complete or sink.digest.hexdigest() != sha256:
            return "it decrypts to different content than recorded (SHA-256 mismatch)"
        return None

    # -- housekeeping ------------------------------------------------------------------------
    # Everything that moves or deletes files works through a descriptor of ``blobs/`` opened
    # without following links, so a ``blobs/`` swapped for a link never sends it outside the case.
    @contextlib.contextmanager
    def _dir(self, *parts: str, create: bool = False) -> Iterator[int | None]:
        """A descriptor of blobs/ (or a folder under it), never through a link; None if missing."""
        self._key()
        fds: list[int] = []
        try:
            try:
                fds.append(os.open(self.folder, os.O_RDONLY | DIRECTORY | NOFOLLOW))
                for part in parts:
                    if create:
                        with contextlib.suppress(FileExistsError):
                            os.mkdir(part, 0o700, dir_fd=fds[-1])
                    fds.append(os.open(part, os.O_RDONLY | DIRECTORY | NOFOLLOW, dir_fd=fds[-1]))
            except FileNotFoundError:
                yield None
                return
            except OSError as error:
                if error.errno in (errno.ELOOP, errno.ENOTDIR):
                    raise StorageError(
                        f"{self.folder.joinpath(*parts)} is a symbolic link or not a folder; caseapp refuses to "
                        "move or delete files through it. Replace it with the real folder."
                    ) from None
                raise
            yield fds[-1]
        finally:
            for fd in reversed(fds):
                os.close(fd)

    def exists(self, name: str) -> bool:
        return self._path(name).is_file()

    def quarantined(self) -> list[Path]:
        return [self.folder / QUARANTINE / q.name for q in self.quarantine_contents()]

    def quarantine_contents(self) -> list[QuarantinedBlob]:
        """The blobs in quarantine, by name, with their size on disk."""
        with self._dir(QUARANTINE) as fd:
            if fd is None:
                return []
            found = []
            for name in sorted(os.listdir(fd)):
                info = os.stat(name, dir_fd=fd, follow_symlinks=False)
                if name.endswith(SUFFIX) and stat.S_ISREG(info.st_mode):
                    found.append(QuarantinedBlob(name, info.st_size, info.st_mtime))
            return found

    def purge_quarantine(self, names: list[str]) -> tuple[int, int, OSError | None]:
        """Delete these quarantined blobs (only regular files inside blobs/quarantine, never through a
        link). Returns how many were deleted, their total size, and the error that stopped it, if any."""
        self._writable()
        removed = size = 0
        with self._dir(QUARANTINE) as fd:
            if fd is None:
                return 0, 0, None
            try:
                for name in names:
                    if "/" in name or not name.endswith(SUFFIX):
                        continue
                    with contextlib.suppress(FileNotFoundError):
                        info = os.stat(name, dir_fd=fd, follow_symlinks=False)
                        if stat.S_ISREG(info.st_mode):
                            os.unlink(name, dir_fd=fd)
                            removed, size = removed + 1, size + info.st_size
                os.fsync(fd)
            except OSError as error:
                return removed, size, error
        return removed, size, None

    def _entries(self, predicate: str) -> list[str]:
        with self._dir() as fd:
            if fd is None:
                return []
            return [
                name
                for name in os.listdir(fd)
                if (name.endswith(SUFFIX) if predicate == "blob" else name.startswith(TEMP_PREFIX))
                and stat.S_ISREG(os.stat(name, dir_fd=fd, follow_symlinks=False).st_mode)
            ]

    def names(self) -> set[str]:
        return {name.removesuffix(SUFFIX) for name in self._entries("blob")}

    def leftover_temp_files(self) -> list[Path]:
        return [self.folder / name for name in self._entries("temp")]

    def remove_leftover_temp_files(self) -> int:
        """Delete unfinished encrypted writes (regular files only, inside blobs/)."""
        self._writable()
        names = self._entries("temp")
        with self._dir() as fd:
            for name in names if fd is not None else []:
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(name, dir_fd=fd)
        return len(names)

    def quarantine(self, names: set[str]) -> list[Path]:
        """Move blobs that no record references out of the way (kept, never silently deleted)."""
        self._writable()
        if not names:
            return []
        moved = []
        with self._dir() as source, self._dir(QUARANTINE, create=True) as target:
            assert source is not None and target is not None
            for name in sorted(names):
                self._path(name)  # a valid blob name
                os.rename(f"{name}{SUFFIX}", f"{name}{SUFFIX}", src_dir_fd=source, dst_dir_fd=target)
                moved.append(self.folder / QUARANTINE / f"{name}{SUFFIX}")
            os.fsync(target)
            os.fsync(source)
        return moved

    @contextlib.contextmanager
    def intake_lock(self, *, exclusive: bool, wait: bool = True) -> Iterator[bool]:
        """Importers hold it shared; the orphan sweep takes it exclusive, and skips if it cannot.
        On read-only media nobody can import, so the lock is not needed (and cannot be created)."""
        self._key()
        if self.read_only:
            yield True
            return
        self.ensure_folder()
        fd = os.open(self.folder / INTAKE_LOCK, os.O_RDWR | os.O_CREAT | NOFOLLOW, 0o600)
        with os.fdopen(fd, "r+b") as handle:  # closing releases the lock
            flags = portalocker.LOCK_EX if exclusive else portalocker.LOCK_SH
            try:
                portalocker.lock(handle, flags if wait else flags | portalocker.LOCK_NB)
            except portalocker.exceptions.LockException:
                yield False
                return
            yield True
