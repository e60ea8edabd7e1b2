"""Taking files in from the window: by menu or drag and drop, as a background job with a
progress bar (bytes and the current file), a cancel button, and a report at the end."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QLabel, QProgressBar, QPushButton, QStatusBar, QWidget

from caseapp.core.operations import OpResult, Task
from caseapp.core.services.import_report import FileStatus, ImportReport
from caseapp.gui.errors import show_error, show_report
from caseapp.gui.tasks import TaskHandle, TaskRunner

if TYPE_CHECKING:  # the storage layer loads when a case is opened, not before the first window
    from caseapp.app.case_folder import OpenCase


SCALE = 1000  # QProgressBar counts in int; bytes are shown as thousandths of the whole


def _tr(text: str) -> str:
    return QCoreApplication.translate("ImportController", text)


def report_text(report: ImportReport) -> tuple[str, str]:
    """The summary sentence and the folded details (what was left out and why) of an import."""
    taken = report.count(FileStatus.IMPORTED)
    duplicates = report.count(FileStatus.DUPLICATE)
    already = report.count(FileStatus.ALREADY_IN)
    skipped = report.count(FileStatus.SKIPPED) + len(report.problems)
    lines = [
        _tr("{n} file(s) taken in.").format(n=taken),
        _tr("{n} duplicate(s) of exhibits already in the case (recorded as another acquisition).").format(n=duplicates),
        _tr("{n} file(s) were already in from an earlier import.").format(n=already),
        _tr("{n} left out (see the details).").format(n=skipped),
    ]
    if report.cancelled:
        lines.insert(0, _tr("The import was cancelled; every file taken in before stays in the case."))
    details = [f"{p.path}: {p.message}" for p in report.all_problems()]
    return "\n".join(lines), "\n".join(details)


class ImportController(QObject):
    """One import at a time per window; edits still run beside it (own worker)."""

    finished = Signal(object)  # ImportReport, or None after an error

    def __init__(self, runner: TaskRunner, case: Callable[[], OpenCase | None], status: QStatusBar) -> None:
        super().__init__(status)
        self.runner = runner
        self.case = case
        self.handle: TaskHandle | None = None
        self.last_report: ImportReport | None = None
        self.show_report = True
        self.on_progress: Callable[[int, int, str], None] | None = None
        """Also told the import's progress, on the worker thread (a hook for tests; no widgets there)."""
        self.label = QLabel(status)
        self.label.setObjectName("importLabel")
        self.bar = QProgressBar(status)
        self.bar.setObjectName("importProgress")
        self.bar.setRange(0, SCALE)
        self.bar.setMaximumWidth(220)
        self.cancel_button = QPushButton(_tr("Cancel import"), status)
        self.cancel_button.setObjectName("cancelImport")
        self.cancel_button.clicked.connect(self.cancel)
        for widget in (self.label, self.bar, self.cancel_button):
            status.addPermanentWidget(widget)
        self._show(False)

    @property
    def running(self) -> bool:
        return self.handle is not None

    def _show(self, on: bool) -> None:
        for widget in (self.label, self.bar, self.cancel_button):
            widget.setVisible(on)

    def start(self, paths: Sequence[Path]) -> TaskHandle | None:
        case = self.case()
        if case is None or not paths:
            return None
        if self.handle is not None:
            show_error(self.bar.window(), RuntimeError("busy"), title=_tr("An import is already running"))
            return None
        imports = case.imports
        chosen = list(paths)
        self.bar.setValue(0)
        self.label.setText(_tr("Preparing the import…"))
        self._show(True)
        hook = self.on_progress

        def work(task: Task) -> OpResult[ImportReport]:
            if hook is not None:
                forward = task.progress

                def progress(done: int, total: int, label: str) -> None:
                    forward(done, total, label)
                    hook(done, total, label)

                task = Task(progress=progress, cancel=task.cancel)
            return imports.import_paths(chosen, task=task)

        handle = self.runner.long(work, name="import")
        handle.progressed.connect(self._progress)
        handle.succeeded.connect(lambda result: self._done(result.value))
        handle.failed.connect(self._failed)
        self.handle = handle
        return handle

    def cancel(self) -> None:
        if self.handle is not None:
            self.handle.cancel()
            self.label.setText(_tr("Cancelling after the current file…"))

    def _progress(self, done: int, total: int, label: str) -> None:
        self.bar.setValue(int(done * SCALE / total) if total else 0)
        self.label.setText(label[-80:])

    def _done(self, report: ImportReport) -> None:
        self.handle = None
        self.last_report = report
        self._show(False)
        if self.show_report:
            summary, details = report_text(report)
            show_report(
                self._parent(), title=_tr("Import finished"), summary=summary, details=details, name="importReport"
            )
        self.finished.emit(report)

    def _failed(self, error: BaseException) -> None:
        self.handle = None
        self._show(False)
        show_error(self._parent(), error, title=_tr("Import stopped"))
        self.finished.emit(None)

    def _parent(self) -> QWidget | None:
        return self.bar.window()
