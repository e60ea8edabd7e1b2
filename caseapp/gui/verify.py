"""Verify the open case (quick: chain, database and records; full: also decrypt and hash every
stored file) as a background job, with progress in the status bar and a readable result."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QStatusBar

from caseapp.core.operations import Task
from caseapp.gui.errors import show_error, show_report
from caseapp.gui.tasks import TaskHandle, TaskRunner

if TYPE_CHECKING:  # the storage layer loads when a case is opened, not before the first window
    from caseapp.app.case_folder import OpenCase
    from caseapp.app.verification import CaseVerification


def _tr(text: str) -> str:
    return QCoreApplication.translate("VerifyController", text)


def verification_text(result: CaseVerification) -> tuple[str, str]:
    """A sentence for the person, and the details naming what differs."""
    lines: list[str] = []
    entry = _tr("custody entry {seq}: {message}")
    lines += [entry.format(seq=p.seq, message=p.message) if p.seq else p.message for p in result.chain.problems]
    if result.database_integrity != "ok":
        lines.append(_tr("database: {problem}").format(problem=result.database_integrity))
    lines += [f"{p.exhibit or _tr('file')}: {p.message}" for p in result.file_problems]
    record = _tr("{ref} (entry {seq}): {message}")
    lines += [record.format(ref=p.ref, seq=p.seq, message=p.message) for p in result.record_problems]
    lines += list(result.notes)
    scope = _tr("every stored file was decrypted and checked") if result.files_checked else _tr("files by size only")
    if result.ok:
        summary = _tr("The case verifies: {n} custody entries intact, database sound, {scope}.").format(
            n=result.chain.entries, scope=scope
        )
    else:
        summary = _tr("The case does NOT verify: {n} problem(s) found. See the details; nothing was changed.").format(
            n=len(lines) - len(result.notes)
        )
    return summary, "\n".join(lines)


class VerifyController(QObject):
    finished = Signal(object)  # CaseVerification, or None after an error or a cancel

    def __init__(self, runner: TaskRunner, case: Callable[[], OpenCase | None], status: QStatusBar) -> None:
        super().__init__(status)
        self.runner = runner
        self.case = case
        self.status = status
        self.handle: TaskHandle | None = None
        self.show_result = True

    def start(self, *, full: bool) -> TaskHandle | None:
        case = self.case()
        if case is None or self.handle is not None:
            return None

        def work(task: Task) -> CaseVerification:
            from caseapp.app.verification import verify_case

            return verify_case(
                case, full=full, progress=lambda done, total: task.progress(done, total, "files"), cancel=task.cancel
            )

        self.status.showMessage(_tr("Verifying the case…"))
        handle = self.runner.long(work, name="verify")
        handle.progressed.connect(
            lambda done, total, _label: self.status.showMessage(
                _tr("Verifying the case: file {done} of {total}…").format(done=done, total=total)
            )
        )
        handle.succeeded.connect(self._done)
        handle.failed.connect(self._failed)
        self.handle = handle
        return handle

    def cancel(self) -> None:
        if self.handle is not None:
            self.handle.cancel()

    def _done(self, result: CaseVerification) -> None:
        self.handle = None
        self.status.clearMessage()
        if self.show_result:
            summary, details = verification_text(result)
            show_report(
                self.status.window(),
                title=_tr("Verification"),
                summary=summary,
                details=details,
                name="verifyResult",
                ok=result.ok,
            )
        self.finished.emit(result)

    def _failed(self, error: BaseException) -> None:
        self.handle = None
        self.status.clearMessage()
        show_error(self.status.window(), error, title=_tr("Verification stopped"))
        self.finished.emit(None)
