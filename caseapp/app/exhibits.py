"""Exhibits with files on this computer: export of an original (or of its redacted copy) into a
folder (the export operation with a folder as its destination), redacted copies, and the check
of every encrypted file against the records and of the case folder against what belongs in it."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from caseapp.app.case_folder import OpenCase
from caseapp.app.export_folder import FolderDestination
from caseapp.core.entities import DerivativeInfo
from caseapp.core.errors import Cancelled
from caseapp.core.exhibit_redaction import Region
from caseapp.core.operations import CancelToken, OpResult, Task
from caseapp.core.ports import BlobRecord
from caseapp.core.refs import RecordId
from caseapp.core.services.exporting import ExportedOriginal
from caseapp.core.services.redacting import RedactionService
from caseapp.intake.names import escape_name


def export_original(
    case: OpenCase, key: RecordId, destination: Path, *, cancel: Callable[[], bool] | None = None
) -> ExportedOriginal:
    """Decrypt an exhibit's original into the folder ``destination`` (the export operation with a
    folder as its plaintext destination)."""
    task = Task(cancel=CancelToken(poll=cancel))
    return case.exports.export_original(key, FolderDestination(destination, case.folder), task=task).value


def export_redacted(
    case: OpenCase, key: RecordId, destination: Path, *, cancel: Callable[[], bool] | None = None
) -> ExportedOriginal:
    """Decrypt an exhibit's newest redacted copy into the folder ``destination`` as ``EX-n-redacted.<ext>``."""
    task = Task(cancel=CancelToken(poll=cancel))
    return case.exports.export_redacted(key, FolderDestination(destination, case.folder), task=task).value


def redaction_service(case: OpenCase) -> RedactionService:
    """Redacted copies of this case's exhibits (Pillow and PDFium behind the Redactor port)."""
    from caseapp.intake.redact import FileRedactor

    return RedactionService(case.db, case.blobs, FileRedactor(), case.actor)


def redact_exhibit(
    case: OpenCase, key: RecordId, regions: Sequence[Region], reason: str, task: Task | None = None
) -> OpResult[DerivativeInfo]:
    """A redacted copy of an exhibit as a new derivative (see ``caseapp.core.services.redacting``)."""
    return redaction_service(case).redact_exhibit(key, regions, reason, task)


def export_original_as(
    case: OpenCase, key: RecordId, target: Path, *, cancel: Callable[[], bool] | None = None
) -> ExportedOriginal:
    """Like :func:`export_original`, into the file ``target`` a person chose (a save dialog); an
    existing file is never replaced."""
    task = Task(cancel=CancelToken(poll=cancel))
    destination = FolderDestination(target.parent, case.folder, name=target.name)
    return case.exports.export_original(key, destination, task=task).value


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
