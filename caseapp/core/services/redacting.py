"""Redacted derivatives of exhibits: a copy of an image or a PDF with regions blacked out and no
metadata, for a public version (architecture §6). The original is never rewritten.

The copy is another derivative of the exhibit (kind ``redacted``), encrypted into ``blobs/`` like
thumbnails and text, with one custody entry (``exhibit.redact``) naming the original's SHA-256, the
copy's SHA-256 and the reason. Redacting again starts from the original again and adds another
derivative; nothing is replaced. The newest redacted derivative is the current one (what
:func:`current_redacted` returns, what ``export-redacted`` writes and a public bundle sends); the
older ones stay on record, as custody says what was made and sent.

No undo: the operation API's undo works on records (tombstones, revisions), and a derivative has
no tombstone; taking one back would mean deleting a stored file that custody names. A wrong
redaction is corrected by redacting again (the newer one becomes current).
"""

from __future__ import annotations

import hashlib
import io
import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from caseapp.core.changes import Changes
from caseapp.core.custody import CustodyAction
from caseapp.core.dossier.bundle_layout import REDACTED_KIND
from caseapp.core.entities import DerivativeInfo, Exhibit
from caseapp.core.errors import CaseDamagedError, IntegrityError, UserError, ValidationError
from caseapp.core.exhibit_redaction import EXTENSIONS, Region
from caseapp.core.operations import OpResult, Task
from caseapp.core.ports import BlobRecord, BlobStore, CaseStore, ReadTx, Redactor
from caseapp.core.refs import RecordId, RefKind
from caseapp.core.services.base import record, require_live, resolve, utc_now
from caseapp.core.text import LONG_TEXT_MAX, clean_text

MAX_REDACT_BYTES = 512 * 1024 * 1024
"""Originals are decrypted into memory to be redrawn (plaintext never touches the disk): larger
ones are refused."""


def current_redacted(tx: ReadTx, exhibit_id: uuid.UUID) -> DerivativeInfo | None:
    """The newest redacted derivative of an exhibit (the one to send), or None."""
    made = [d for d in tx.derivatives(exhibit_id) if d.kind == REDACTED_KIND]
    return made[-1] if made else None


def current_redacted_blob(tx: ReadTx, exhibit: Exhibit) -> tuple[BlobRecord, str] | None:
    """The encrypted file of the exhibit's newest redacted copy (its name is "" when the file is
    missing) and the copy's file extension (``"jpg"``), or None when it has none."""
    made = current_redacted(tx, exhibit.id)
    if made is None:
        return None
    name = tx.blob_for(made.sha256, made.size) or ""
    blob = BlobRecord(name, exhibit.id, exhibit.ref, made.kind, made.sha256, made.size)
    return blob, EXTENSIONS.get(made.media_type, "bin")


@dataclass(frozen=True, slots=True)
class RedactionService:
    store: CaseStore
    blobs: BlobStore
    redactor: Redactor
    actor: str

    def redact_exhibit(
        self, exhibit: RecordId, regions: Sequence[Region], reason: str, task: Task | None = None
    ) -> OpResult[DerivativeInfo]:
        """Make a redacted copy of ``exhibit``'s original (see the module docstring); its value is
        the new derivative. Nothing is stored when the file, a region or a page does not fit."""
        task = task or Task()
        why = clean_text(reason, field="reason", max_length=LONG_TEXT_MAX, multiline=True, required=True)
        with self.store.read() as tx:
            target = require_live(tx, resolve(tx, exhibit, RefKind.EXHIBIT))
            assert target.id is not None
            found = tx.get(RefKind.EXHIBIT, target.id)
            blob = tx.original_blob(target.id)
        assert isinstance(found, Exhibit)
        if blob is None:
            raise UserError(f"{found.ref} is a record without a file; there is nothing to redact")
        if blob.size > MAX_REDACT_BYTES:
            raise UserError(
                f"{found.ref} is {blob.size / 2**20:.0f} MiB; files over {MAX_REDACT_BYTES // 2**20} MiB cannot be "
                "redacted here. Nothing was stored."
            )
        if not blob.name or not self.blobs.exists(blob.name):
            raise IntegrityError(f"{found.ref}: the stored original is missing; nothing was redacted")
        original = self._decrypted(found.ref, blob.name, blob.size, blob.sha256)
        copy = self.redactor.redact(original, mime=found.mime or "", regions=regions, task=task, name=found.ref)
        del original
        task.cancel.check("redaction cancelled; nothing was stored")
        digest = hashlib.sha256(copy.data).hexdigest()
        if digest == blob.sha256:  # cannot happen for a re-encoded file; never store the original as its copy
            raise ValidationError(f"{found.ref}: the redacted copy came out identical to the original; nothing stored")
        derivative = DerivativeInfo(
            uuid.uuid4(), found.id, REDACTED_KIND, copy.media_type, digest, len(copy.data), copy.note()
        )
        name = self.blobs.put_bytes(copy.data)
        transaction = None
        try:
            self.blobs.sync()
            now = utc_now()
            with self.store.write() as tx:
                transaction = tx
                require_live(tx, resolve(tx, found.id, RefKind.EXHIBIT))  # not deleted meanwhile
                tx.add_derivative(derivative, at=now)
                tx.add_blob_file(name, sha256=digest, size=len(copy.data), at=now)
                record(
                    tx,
                    actor=self.actor,
                    at=now,
                    action=CustodyAction.EXHIBIT_REDACT,
                    target=found.ref,
                    target_id=found.id,
                    details={
                        "original_sha256": blob.sha256,
                        "sha256": digest,
                        "size": len(copy.data),
                        "media_type": copy.media_type,
                        "regions": [r.shown() for r in regions],
                        "pages": list(copy.pages),
                        "reason": why,
                    },
                )
        except BaseException:
            if transaction is None or not transaction.committed:
                self.blobs.discard(name)
            raise
        return OpResult(derivative, Changes(exhibits=True, custody=True))

    def _decrypted(self, ref: str, name: str, size: int, sha256: str) -> bytes:
        """The original's bytes, checked against its SHA-256 (a damaged blob is never redrawn)."""
        sink = io.BytesIO()
        try:
            digest = self.blobs.decrypt_to(name, size, sink)
        except CaseDamagedError:
            digest = ""
        if digest != sha256:
            raise IntegrityError(
                f"{ref}: the stored original no longer matches its SHA-256; nothing was redacted. "
                "A full verification of the case shows what else is affected."
            )
        return sink.getvalue()
