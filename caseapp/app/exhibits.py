"""Exhibits with files: export of an original, and the full verification of every encrypted
blob against its recorded SHA-256."""

from __future__ import annotations

import contextlib
import errno
import io
import os
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from caseapp.app.case_folder import OpenCase
from caseapp.atomicfile import fsync_dir
from caseapp.core.changes import Changes
from caseapp.core.custody import CustodyAction
from caseapp.core.entities import Exhibit
from caseapp.core.errors import (
    Cancelled,
    CaseDamagedError,
    IntegrityError,
    NotFoundError,
    StorageError,
    UserError,
)
from caseapp.core.ports import BlobRecord
from caseapp.core.refs import RecordId, RefKind
from caseapp.core.services.base import record, resolve, utc_now
from caseapp.intake.names import escape_name, unescape_name


class _CancellableFile(io.RawIOBase):
    def __init__(self, handle: BinaryIO, cancel: Callable[[], bool] | None) -> None:
        self.handle = handle
        self.cancel = cancel

    def writable(self) -> bool:
        return True

    def write(self, data: bytes | bytearray | memoryview) -> int:  # type: ignore[override]
        if self.cancel is not None and self.cancel():
            raise Cancelled("export cancelled")
        return self.handle.write(data)


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


@dataclass(frozen=True, slots=True)
class ExportedOriginal:
    path: Path
    sha256: str
    size: int
    changes: Changes
    recorded: bool = True
    """False when the case is on read-only media: the export could not be entered in custody."""


def _export_target(case: OpenCase, exhibit: Exhibit, blob: BlobRecord, destination: Path) -> Path:
    """Where an original will be written, after refusing every unsafe or impossible place."""
    if not destination.exists():
        raise UserError(f"{destination} does not exist; create the folder first")
    if not destination.is_dir():
        raise UserError(f"{destination} is not a folder")
    inside = destination.resolve()
    if inside == case.folder.resolve() or case.folder.resolve() in inside.parents:
        raise UserError(f"{destination} is inside the case folder; plaintext must never be written there")
    if not blob.name or not case.blobs.exists(blob.name):
        raise IntegrityError(
            f"{exhibit.ref}: the stored original is missing; nothing was exported. "
            "A full verification of the case shows what else is affected."
        )
    name = _safe_name(exhibit.original_name or "", f"{exhibit.ref}.bin")
    target = destination / name
    if target.exists():
        target = destination / _fit(name, f" ({exhibit.ref})")
    if target.exists():
        raise UserError(f"{target} already exists; choose another folder")
    return target


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


def export_original(
    case: OpenCase, key: RecordId, destination: Path, *, cancel: Callable[[], bool] | None = None
) -> ExportedOriginal:
    """Decrypt an exhibit's original into ``destination`` (a folder), re-checking its SHA-256.

    On read-only media the export cannot be entered in custody; it is made anyway (reading is what
    such a copy is for) and ``recorded`` is False so the caller can say so."""
    with case.db.read() as tx:
        found = resolve(tx, key, RefKind.EXHIBIT)
        assert found.id is not None
        blob = tx.original_blob(found.id)
        exhibit = tx.get(RefKind.EXHIBIT, found.id)
    if not isinstance(exhibit, Exhibit):
        raise NotFoundError(f"no exhibit {found.ref} in this case")
    if blob is None:
        raise UserError(f"{exhibit.ref} is a record without a file; there is no original to export")
    target = _export_target(case, exhibit, blob, destination)
    _remove_leftovers(destination)
    # Plaintext leaves the case only here: a private temp file in the destination, checked, then
    # published in the same transaction as its custody entry (no export without its record).
    published = False
    out: _PlaintextOut | None = None
    try:
        out = _PlaintextOut(destination)
        try:
            digest = case.blobs.decrypt_to(blob.name, blob.size, _CancellableFile(out.handle, cancel))
        except CaseDamagedError:
            digest = ""
        out.handle.flush()
        os.fsync(out.handle.fileno())
        if digest != blob.sha256:
            raise IntegrityError(
                f"{exhibit.ref}: the stored original no longer matches its SHA-256; "
                "nothing was exported. A full verification of the case shows what else is affected."
            )
        if case.read_only:
            out.publish(target)
            published = True
        else:
            with case.db.write() as tx:
                record(
                    tx,
                    actor=case.actor,
                    at=utc_now(),
                    action=CustodyAction.EXHIBIT_EXPORT,
                    target=exhibit.ref,
                    target_id=exhibit.id,
                    details={
                        "sha256": blob.sha256,
                        "size": blob.size,
                        "to_digest": case.db.privacy_digest(os.fsdecode(os.fsencode(target))),
                    },
                )
                out.publish(target)
                published = True
        fsync_dir(destination)
    except OSError as error:
        if published:
            with contextlib.suppress(OSError):
                target.unlink()
        raise StorageError(f"cannot write {target}: {error.strerror or error}") from None
    except BaseException:
        if published:  # the custody entry did not commit: take the file back
            with contextlib.suppress(FileNotFoundError):
                target.unlink()
        raise
    finally:
        if out is not None:
            out.discard()
    recorded = not case.read_only
    return ExportedOriginal(target, blob.sha256, blob.size, Changes(custody=recorded), recorded)


@dataclass(frozen=True, slots=True)
class BlobProblem:
    exhibit: str | None  # EX-n, or None for a file no record refers to
    message: str


@dataclass(frozen=True, slots=True)
class FilesReport:
    problems: tuple[BlobProblem, ...]
    notes: tuple[str, ...]


# What may stand in a case folder; anything else is reported (it may be plaintext put there).
_CASE_FILES = {"case.db", "case.db-wal", "case.db-shm", "keyslots.json", "custody.head", "case.lock"}


def _unexpected_files(case: OpenCase) -> list[BlobProblem]:
    found: list[BlobProblem] = []
    for path in sorted(case.folder.rglob("*")):
        relative = path.relative_to(case.folder)
        parts = relative.parts
        if path.is_dir() and parts in (("blobs",), ("backups",), ("blobs", "quarantine")):
            continue
        name = parts[-1]
        allowed = (
            (len(parts) == 1 and (name in _CASE_FILES or name.startswith(".tmp-")))
            or (
                parts[0] == "blobs"
                and len(parts) == 2
                and (name.endswith(".age") or name.startswith(".tmp-") or name == ".intake.lock")
            )
            or (parts[:2] == ("blobs", "quarantine") and len(parts) == 3 and name.endswith(".age"))
            or (parts[0] == "backups" and len(parts) == 2 and name.startswith("case-schema-"))
        )
        if not allowed:
            found.append(
                BlobProblem(
                    None,
                    f"{escape_name(str(relative))}: a file caseapp did not put in the case folder (it may be "
                    "plaintext); move it out of the case folder",
                )
            )
    return found


def _check_files(
    case: OpenCase,
    files: list[tuple[str, str, int]],
    needs: dict[tuple[str, int], list[BlobRecord]],
    *,
    full: bool,
    progress: Callable[[int, int], None] | None,
    cancel: Callable[[], bool] | None,
) -> list[BlobProblem]:
    """Each encrypted file present (and with ``full``, decrypting to its recorded content)."""
    problems: list[BlobProblem] = []
    present = case.blobs.names()
    for index, (name, sha256, size) in enumerate(files):
        if cancel is not None and cancel():
            raise Cancelled("verification cancelled")
        if progress is not None:
            progress(index, len(files))
        if full:
            trouble = case.blobs.check(name, sha256, size)
        else:
            trouble = None if name in present else "its encrypted file is missing"
        if trouble is None:
            continue
        for blob in needs.get((sha256, size), []):
            problems.append(BlobProblem(blob.exhibit_ref, f"{blob.exhibit_ref}: the {_role(blob)}: {trouble}"))
        if (sha256, size) not in needs:
            problems.append(BlobProblem(None, f"blobs/{name}.age: {trouble}"))
    return problems


def _role(blob: BlobRecord) -> str:
    return "original" if blob.role == "original" else f"{blob.role} derivative"


def verify_blobs(
    case: OpenCase,
    *,
    full: bool = True,
    progress: Callable[[int, int], None] | None = None,
    cancel: Callable[[], bool] | None = None,
) -> FilesReport:
    """Compare the files on disk with the records: blobs missing, blobs no record refers to, and
    files that do not belong in a case folder (cheap, no decryption); with ``full``, also decrypt
    every blob and compare it with its recorded SHA-256."""
    with case.db.read() as tx:
        records = tx.referenced_blobs()
        files = tx.blob_files()
    known = {name for name, _, _ in files}
    # Records name content (SHA-256, size); every encrypted file holding a content is checked,
    # and each problem is told against every record that needs that content.
    needs: dict[tuple[str, int], list[BlobRecord]] = {}
    for blob in records:
        needs.setdefault((blob.sha256, blob.size), []).append(blob)
    problems: list[BlobProblem] = []
    notes: list[str] = []
    for blob in records:
        if not blob.name:
            problems.append(
                BlobProblem(blob.exhibit_ref, f"{blob.exhibit_ref}: the {_role(blob)}: no encrypted file holds it")
            )
    problems += _check_files(case, files, needs, full=full, progress=progress, cancel=cancel)
    with case.blobs.intake_lock(exclusive=True, wait=False) as alone:
        if alone:
            for orphan in sorted(case.blobs.names() - known):
                problems.append(BlobProblem(None, f"blobs/{orphan}.age: an encrypted file no record refers to"))
        else:
            notes.append("an import is running: blobs it has not recorded yet were not checked for orphans")
    problems += _unexpected_files(case)
    quarantined = case.blobs.quarantined()
    if quarantined:
        size = sum(p.stat().st_size for p in quarantined)
        notes.append(
            f"{len(quarantined)} encrypted file(s) ({size / 2**20:.1f} MiB) from interrupted imports wait in "
            "blobs/quarantine; no record refers to them and they can be deleted once you are sure"
        )
    return FilesReport(tuple(problems), tuple(notes))
