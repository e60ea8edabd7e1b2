"""Exhibits with files: listing and full-text search, details, export of an original, and the
full verification of every encrypted blob against its recorded SHA-256."""

from __future__ import annotations

import contextlib
import errno
import hashlib
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
from caseapp.core.entities import Exhibit, ExhibitDetail, ExhibitKind
from caseapp.core.errors import (
    Cancelled,
    CaseDamagedError,
    IntegrityError,
    NotFoundError,
    StorageError,
    UserError,
    ValidationError,
)
from caseapp.core.ports import ExhibitQuery
from caseapp.core.refs import RefKind, parse_ref
from caseapp.core.services.records import record, utc_now
from caseapp.storage import evidence


def _exhibit_id(ref: str) -> int:
    parsed = parse_ref(ref)
    if parsed.kind is not RefKind.EXHIBIT:
        raise ValidationError(f"{ref!r} is not an exhibit (use EX-n)")
    return parsed.number


def list_exhibits(
    case: OpenCase, *, kind: str | None = None, search: str | None = None, tag: str | None = None
) -> list[Exhibit]:
    """Exhibits, optionally of one kind, with a tag, or matching words in their name or text."""
    kind_value = ExhibitKind(kind) if kind else None
    with case.db.read() as tx:
        if not search:
            return tx.exhibits(ExhibitQuery(kind=kind_value, tag=tag))
        found = []
        for exhibit_id in evidence.search_text(tx, search):
            exhibit = tx.exhibit(exhibit_id)
            if exhibit and (kind_value is None or exhibit.kind is kind_value) and (tag is None or tag in exhibit.tags):
                found.append(exhibit)
        return found


def detail(case: OpenCase, ref: str) -> ExhibitDetail:
    with case.db.read() as tx:
        found = evidence.detail(tx, _exhibit_id(ref))
    if found is None:
        raise NotFoundError(f"no exhibit {ref.upper()} in this case")
    return found


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


def _safe_name(name: str, fallback: str) -> str:
    base = os.path.basename(name.replace("\\", "/")).strip()
    cleaned = "".join(
        c for c in base if c.isprintable() and c not in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
    )
    return cleaned if cleaned not in ("", ".", "..") else fallback


@dataclass(frozen=True, slots=True)
class ExportedOriginal:
    path: Path
    sha256: str
    size: int
    changes: Changes


def export_original(
    case: OpenCase, ref: str, destination: Path, *, cancel: Callable[[], bool] | None = None
) -> ExportedOriginal:
    """Decrypt an exhibit's original into ``destination`` (a folder), re-checking its SHA-256."""
    exhibit_id = _exhibit_id(ref)
    with case.db.read() as tx:
        blob = evidence.original_blob(tx, exhibit_id)
        exhibit = tx.exhibit(exhibit_id)
    if exhibit is None:
        raise NotFoundError(f"no exhibit {ref.upper()} in this case")
    if blob is None:
        raise UserError(f"{exhibit.ref} is a record without a file; there is no original to export")
    if not destination.is_dir():
        raise UserError(f"{destination} is not a folder")
    name = _safe_name(exhibit.original_name or "", f"{exhibit.ref}.bin")
    target = destination / name
    if target.exists():
        stem, dot, suffix = name.rpartition(".")
        target = destination / (f"{stem} ({exhibit.ref}).{suffix}" if dot and stem else f"{name} ({exhibit.ref})")
    if target.exists():
        raise UserError(f"{target} already exists; choose another folder")
    # Plaintext leaves the case only here: a private temp file beside the target, checked, then
    # published in the same transaction as its custody entry (no export without its record).
    temp = destination / f".caseapp-export-{secrets.token_hex(8)}.partial"
    published = False
    try:
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as handle:
            try:
                digest = case.blobs.decrypt_to(blob.name, blob.size, _CancellableFile(handle, cancel))
            except CaseDamagedError:
                digest = ""
            handle.flush()
            os.fsync(handle.fileno())
        if digest != blob.sha256:
            raise IntegrityError(
                f"{exhibit.ref}: the stored original no longer matches its SHA-256; "
                "nothing was exported. Run `caseapp verify --full`."
            )
        with case.db.write() as tx:
            record(
                tx,
                actor=case.actor,
                at=utc_now(),
                action="exhibit.export",
                target=exhibit.ref,
                details={
                    "sha256": blob.sha256,
                    "size": blob.size,
                    "to_sha256": hashlib.sha256(os.fsencode(target)).hexdigest(),
                },
            )
            _publish(temp, target)
            published = True
        fsync_dir(destination)
    except OSError as error:
        raise StorageError(f"cannot write {target}: {error.strerror or error}") from None
    except BaseException:
        if published:  # the custody entry did not commit: take the file back
            with contextlib.suppress(FileNotFoundError):
                target.unlink()
        raise
    finally:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()
    return ExportedOriginal(target, blob.sha256, blob.size, Changes(custody=True))


def _publish(temp: Path, target: Path) -> None:
    """Give the checked file its name without ever replacing an existing file."""
    try:
        os.link(temp, target)  # fails if the target appeared meanwhile
    except FileExistsError:
        raise UserError(f"{target} already exists; choose another folder") from None
    except OSError as error:
        if error.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV):
            raise
        if target.exists():  # a file system without hard links (FAT on a USB stick)
            raise UserError(f"{target} already exists; choose another folder") from None
        os.rename(temp, target)


@dataclass(frozen=True, slots=True)
class BlobProblem:
    exhibit: str | None  # EX-n, or None for a file no record refers to
    message: str


def verify_blobs(
    case: OpenCase,
    *,
    full: bool = True,
    progress: Callable[[int, int], None] | None = None,
    cancel: Callable[[], bool] | None = None,
) -> list[BlobProblem]:
    """Compare the blobs on disk with the records: missing ones and orphans always (cheap, no
    decryption); with ``full``, also decrypt every blob and compare it with its recorded SHA-256."""
    with case.db.read() as tx:
        records = evidence.referenced_blobs(tx)
    problems: list[BlobProblem] = []
    present = case.blobs.names()
    for index, blob in enumerate(records):
        if cancel is not None and cancel():
            raise Cancelled("verification cancelled")
        if progress is not None:
            progress(index, len(records))
        if full:
            trouble = case.blobs.check(blob.name, blob.sha256, blob.size)
        else:
            trouble = None if blob.name in present else "its encrypted file is missing"
        if trouble is not None:
            what = "original" if blob.role == "original" else f"{blob.role} derivative"
            problems.append(BlobProblem(f"EX-{blob.exhibit_id}", f"EX-{blob.exhibit_id}: the {what}: {trouble}"))
    for orphan in sorted(present - {b.name for b in records}):
        problems.append(BlobProblem(None, f"blobs/{orphan}.age: an encrypted file no record refers to"))
    return problems
