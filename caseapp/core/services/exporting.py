"""Export of an original: decrypt it into a place the person chose, re-check its SHA-256, and
record the export in custody in the same step as the file gets its name (no export without its
record, no record of an export that did not happen)."""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any, Protocol

from caseapp.core.changes import Changes
from caseapp.core.custody import CustodyAction
from caseapp.core.entities import Exhibit
from caseapp.core.errors import Cancelled, CaseDamagedError, IntegrityError, NotFoundError, UserError
from caseapp.core.operations import CancelToken, OpResult, Task
from caseapp.core.ports import BlobRecord, BlobStore, CaseStore, Writable
from caseapp.core.refs import RecordId, RefKind
from caseapp.core.services.base import record, resolve, utc_now
from caseapp.core.services.redacting import current_redacted_blob


class PlaintextDestination(Protocol):
    """Where decrypted originals go (a folder on disk, for the CLI and GUI). It never replaces an
    existing file and leaves nothing readable behind a failed or killed export."""

    def prepare(self, stored_name: str, ref: str) -> str:
        """Check the place, choose the file's name (from the name as found); return where it goes."""
        ...

    def open(self) -> Writable:
        """A private, not yet visible file to write the plaintext into."""
        ...

    def publish(self) -> None:
        """Make the written file durable and give it its name."""
        ...

    def unpublish(self) -> None:
        """Take a published file back (its custody entry did not commit)."""
        ...

    def discard(self) -> None:
        """Drop whatever was written and not published."""
        ...


@dataclass(frozen=True, slots=True)
class ExportedOriginal:
    path: str
    sha256: str
    size: int
    changes: Changes
    recorded: bool = True
    """False when the case is on read-only media: the export could not be entered in custody."""


class _CancellableWriter(io.RawIOBase):
    def __init__(self, sink: Writable, cancel: CancelToken) -> None:
        self.sink = sink
        self.cancel = cancel

    def writable(self) -> bool:
        return True

    def write(self, data: bytes | bytearray | memoryview) -> int:  # type: ignore[override]
        self.cancel.check("export cancelled; nothing was exported")
        self.sink.write(bytes(data))
        return len(data)


@dataclass(frozen=True, slots=True)
class ExportService:
    store: CaseStore
    blobs: BlobStore
    actor: str
    read_only: bool = False

    def export_original(
        self, key: RecordId, destination: PlaintextDestination, *, task: Task | None = None
    ) -> OpResult[ExportedOriginal]:
        """Decrypt an exhibit's original into ``destination``, re-checking its SHA-256. On read-only
        media the export cannot be entered in custody; it is made anyway (reading is what such a
        copy is for) and ``recorded`` is False so the caller can say so."""
        task = task or Task()
        with self.store.read() as tx:
            found = resolve(tx, key, RefKind.EXHIBIT)
            assert found.id is not None
            blob = tx.original_blob(found.id)
            exhibit = tx.get(RefKind.EXHIBIT, found.id)
        if not isinstance(exhibit, Exhibit):
            raise NotFoundError(f"no exhibit {found.ref} in this case")
        if blob is None:
            raise UserError(f"{exhibit.ref} is a record without a file; there is no original to export")
        target = destination.prepare(exhibit.original_name or "", exhibit.ref)
        self._decrypt_and_record(exhibit, blob, target, destination, task=task, what="original", extra={})
        recorded = not self.read_only
        changes = Changes(custody=recorded)
        return OpResult(ExportedOriginal(target, blob.sha256, blob.size, changes, recorded), changes)

    def export_redacted(
        self, key: RecordId, destination: PlaintextDestination, *, task: Task | None = None
    ) -> OpResult[ExportedOriginal]:
        """Decrypt an exhibit's newest redacted derivative into ``destination`` as ``EX-n-redacted.<ext>``
        (never under the original's name, which may itself identify someone), re-checking its SHA-256
        and recording the export like an original's (``derivative: redacted`` in the entry)."""
        task = task or Task()
        with self.store.read() as tx:
            found = resolve(tx, key, RefKind.EXHIBIT)
            assert found.id is not None
            exhibit = tx.get(RefKind.EXHIBIT, found.id)
            if not isinstance(exhibit, Exhibit):
                raise NotFoundError(f"no exhibit {found.ref} in this case")
            made = current_redacted_blob(tx, exhibit)
        if made is None:
            raise UserError(
                f"{exhibit.ref} has no redacted copy; make one first (caseapp exhibit redact {exhibit.ref})"
            )
        blob, extension = made
        stored_name = f"{exhibit.ref}-redacted.{extension}"
        target = destination.prepare(stored_name, exhibit.ref)
        extra = {"derivative": blob.role, "original_sha256": exhibit.sha256}
        self._decrypt_and_record(exhibit, blob, target, destination, task=task, what="redacted copy", extra=extra)
        recorded = not self.read_only
        changes = Changes(custody=recorded)
        return OpResult(ExportedOriginal(target, blob.sha256, blob.size, changes, recorded), changes)

    def _decrypt_and_record(
        self,
        exhibit: Exhibit,
        blob: BlobRecord,
        target: str,
        destination: PlaintextDestination,
        *,
        task: Task,
        what: str,
        extra: dict[str, Any],
    ) -> None:
        """Decrypt ``blob`` into ``destination``, check its SHA-256, and publish it together with its
        custody entry (only publish on read-only media)."""
        if not blob.name or not self.blobs.exists(blob.name):
            raise IntegrityError(
                f"{exhibit.ref}: the stored {what} is missing; nothing was exported. "
                "A full verification of the case shows what else is affected."
            )
        published = False
        try:
            sink = destination.open()
            try:
                digest = self.blobs.decrypt_to(blob.name, blob.size, _CancellableWriter(sink, task.cancel))
            except CaseDamagedError:
                digest = ""
            if digest != blob.sha256:
                raise IntegrityError(
                    f"{exhibit.ref}: the stored {what} no longer matches its SHA-256; nothing was exported. "
                    "A full verification of the case shows what else is affected."
                )
            if self.read_only:
                destination.publish()
                published = True
            else:
                with self.store.write() as tx:
                    record(
                        tx,
                        actor=self.actor,
                        at=utc_now(),
                        action=CustodyAction.EXHIBIT_EXPORT,
                        target=exhibit.ref,
                        target_id=exhibit.id,
                        details={
                            "sha256": blob.sha256,
                            "size": blob.size,
                            "to_digest": self.store.privacy_digest(target),
                            **extra,
                        },
                    )
                    destination.publish()
                    published = True
        except (Cancelled, BaseException):
            if published:  # the custody entry did not commit: take the file back
                destination.unpublish()
            raise
        finally:
            destination.discard()
