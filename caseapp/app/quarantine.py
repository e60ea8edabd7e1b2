"""The quarantine: encrypted files no record refers to (left by interrupted imports), moved aside at
open. They can be listed and, once the user is sure, deleted with a custody entry saying how many."""

from __future__ import annotations

from dataclasses import dataclass

from caseapp.app.case_folder import OpenCase
from caseapp.core.changes import Changes
from caseapp.core.custody import CustodyAction
from caseapp.core.errors import ReadOnlyCaseError, StorageError, UserError
from caseapp.core.services.base import record, utc_now
from caseapp.storage.blobs import QuarantinedBlob

NOT_SECURE = (
    "On SSDs and flash memory (USB sticks, memory cards) deleted files can remain on the disk; caseapp cannot "
    "promise secure deletion. These files were encrypted, so what may remain is ciphertext."
)


@dataclass(frozen=True, slots=True)
class Purged:
    count: int
    size: int
    changes: Changes


def list_quarantine(case: OpenCase) -> list[QuarantinedBlob]:
    return case.blobs.quarantine_contents()


def purge_quarantine(case: OpenCase) -> Purged:
    """Delete every quarantined file and record "blobs.purge" (count and total size) in custody.
    Refused while an import is running (it could be sweeping files into the quarantine)."""
    if case.read_only:
        raise ReadOnlyCaseError()
    with case.blobs.intake_lock(exclusive=True, wait=False) as alone:
        if not alone:
            raise UserError("an import is running in this case; purge the quarantine once it has finished")
        found = case.blobs.quarantine_contents()
        if not found:
            return Purged(0, 0, Changes())
        failure: OSError | None = None
        with case.db.write() as tx:
            count, size, failure = case.blobs.purge_quarantine([q.name for q in found])
            record(
                tx,
                actor=case.actor,
                at=utc_now(),
                action=CustodyAction.BLOBS_PURGE,
                target="CASE",
                details={"count": count, "bytes": size},
            )
    if failure is not None:
        raise StorageError(
            f"deleted {count} of {len(found)} quarantined file(s), then: {failure.strerror or failure}; "
            "what was deleted is recorded in custody"
        )
    return Purged(count, size, Changes(custody=True))
