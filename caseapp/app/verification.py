"""One verification of a whole case, as the CLI prints it and the GUI will show it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from caseapp.app.case_folder import OpenCase
from caseapp.app.exhibits import BlobProblem, FilesReport, verify_blobs
from caseapp.core.custody import ChainProblem, ChainReport, CustodyAction
from caseapp.core.errors import CaseDamagedError
from caseapp.core.ports import CustodyQuery, Page
from caseapp.core.services.chain_records import RecordMismatch
from caseapp.secrets.keyslots import keyslot_problems


@dataclass(frozen=True, slots=True)
class CaseVerification:
    chain: ChainReport
    database_integrity: str  # SQLite's integrity_check: "ok" or what is wrong
    files_checked: bool  # True when every blob was decrypted and hashed
    file_problems: tuple[BlobProblem, ...]
    notes: tuple[str, ...]
    record_problems: tuple[RecordMismatch, ...] = ()
    """Records that differ from what the custody chain recorded about them."""
    keyslot_problems: tuple[str, ...] = ()
    """Damage to ``keyslots.json`` (any slot, found without the damaged slot's secret)."""

    @property
    def ok(self) -> bool:
        return (
            self.chain.ok
            and self.database_integrity == "ok"
            and not self.file_problems
            and not self.record_problems
            and not self.keyslot_problems
        )


def verify_case(
    case: OpenCase,
    *,
    full: bool = False,
    progress: Callable[[int, int], None] | None = None,
    cancel: Callable[[], bool] | None = None,
) -> CaseVerification:
    """Recompute the custody chain, check the database, and compare the files with the records
    (``full``: decrypt every blob too). Safe to call from a worker thread; ``cancel`` is polled."""
    try:
        chain = case.custody.verify()
    except CaseDamagedError as error:  # a damaged page: reported as damage, the other checks still run
        chain = ChainReport(0, None, None, problems=(ChainProblem(None, f"the custody log cannot be read: {error}"),))
    integrity = case.db.integrity_check()
    try:
        mismatches = tuple(case.custody.record_mismatches())
    except CaseDamagedError as error:
        mismatches = (RecordMismatch("CASE", 0, f"the records cannot be compared with the custody log: {error}"),)
    # Once caseapp has rewritten the slots (and so sealed them), a file without MACs is a stripped one.
    try:
        created = case.custody.entries(CustodyQuery(action=CustodyAction.CASE_CREATE, page=Page(limit=1)))
        sealed = any(e.version >= 2 for e in created)  # made by a caseapp that seals slots from the start
        sealed = sealed or any(case.custody.count(CustodyQuery(action=action)) for action in _SLOT_ACTIONS)
    except CaseDamagedError:
        sealed = True
    slot_problems, slot_notes = keyslot_problems(case.folder, case.data_key(), require_macs=sealed)
    try:
        files = verify_blobs(case, full=full, progress=progress, cancel=cancel)
    except CaseDamagedError as error:
        files = FilesReport((BlobProblem(None, f"the evidence records cannot be read: {error}"),), ())
    return CaseVerification(
        chain,
        integrity,
        full,
        files.problems,
        (*chain.notes, *slot_notes, *files.notes),
        mismatches,
        tuple(slot_problems),
    )


_SLOT_ACTIONS = (
    CustodyAction.CASE_PASSPHRASE_CHANGE,
    CustodyAction.CASE_RECOVER,
    CustodyAction.CASE_KEYRING_ENABLE,
    CustodyAction.CASE_KEYRING_DISABLE,
)
