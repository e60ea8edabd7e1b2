"""One verification of a whole case, as the CLI prints it and the GUI will show it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from caseapp.app.case_folder import OpenCase
from caseapp.app.exhibits import BlobProblem, FilesReport, verify_blobs
from caseapp.core.custody import ChainProblem, ChainReport
from caseapp.core.errors import CaseDamagedError


@dataclass(frozen=True, slots=True)
class CaseVerification:
    chain: ChainReport
    database_integrity: str  # SQLite's integrity_check: "ok" or what is wrong
    files_checked: bool  # True when every blob was decrypted and hashed
    file_problems: tuple[BlobProblem, ...]
    notes: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return self.chain.ok and self.database_integrity == "ok" and not self.file_problems


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
        files = verify_blobs(case, full=full, progress=progress, cancel=cancel)
    except CaseDamagedError as error:
        files = FilesReport((BlobProblem(None, f"the evidence records cannot be read: {error}"),), ())
    return CaseVerification(chain, integrity, full, files.problems, (*chain.notes, *files.notes))
