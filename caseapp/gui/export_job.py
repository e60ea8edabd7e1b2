"""What the dossier and bundle dialogs share: the form of the export's options (its choices, the
dossier's language, rows of widgets), the output folder chooser, the export as one long job of the
task runner (progress, cancel), and its end: the folder opened in the file manager (a local file
URL, never the network) and the custody log's entry for the export shown as it was recorded.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QLocale, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QFontDatabase
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from caseapp.core.dossier.model import Language
from caseapp.core.entities import CustodyEntry
from caseapp.core.errors import Cancelled, UserError
from caseapp.core.operations import Task
from caseapp.core.ports import CustodyQuery, Page
from caseapp.gui.errors import message_for
from caseapp.gui.tasks import TaskHandle, TaskRunner

if TYPE_CHECKING:
    from caseapp.app.case_folder import OpenCase

CaseGetter = Callable[[], "OpenCase | None"]


def tr(text: str) -> str:
    return QCoreApplication.translate("ExportDialog", text)


def open_folder(path: Path) -> bool:
    """Show ``path`` in the system's file manager (a local file URL: nothing goes to the network)."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def latest_entry(case: OpenCase, action: str) -> CustodyEntry | None:
    """The newest custody entry of ``action`` (read on a worker thread)."""
    found = case.custody.entries(CustodyQuery(action=action, page=Page(0, 1), newest_first=True))
    return found[0] if found else None


LANGUAGE_NAMES = {Language.EN: "English", Language.FR: "Français"}  # each in its own language


def preferred_language() -> Language:
    """The dossier's language to offer first: the interface's, if a dossier can be written in it."""
    code = QLocale().name().split("_")[0]
    return Language(code) if code in {lang.value for lang in Language} else Language.EN


def choice(parent: QWidget, name: str, items: Iterable[tuple[str, object]]) -> QComboBox:
    """A drop-down list named ``name`` of (text shown, value) ``items``, the first chosen."""
    box = QComboBox(parent)
    box.setObjectName(name)
    for text, value in items:
        box.addItem(text, value)
    return box


def language_choice(parent: QWidget, name: str) -> QComboBox:
    """The languages a dossier can be written in (their ``Language`` value as data), the
    interface's chosen when a dossier can be written in it."""
    box = choice(parent, name, ((text, language.value) for language, text in LANGUAGE_NAMES.items()))
    box.setCurrentIndex(box.findData(preferred_language().value))
    return box


def row_box(parent: QWidget) -> tuple[QWidget, QHBoxLayout]:
    """A widget holding a row of others (its layout, without margins of its own), for one line of a form."""
    row = QWidget(parent)
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    return row, layout


class FolderRow(QWidget):
    """Where the export goes: a new or empty folder, typed or chosen."""

    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.caption = caption
        self.edit = QLineEdit(self)
        self.edit.setObjectName("folderEdit")
        self.edit.setPlaceholderText(tr("A new or empty folder"))
        self.edit.setAccessibleName(tr("Output folder"))
        self.choose = QPushButton(tr("Choose…"), self)
        self.choose.setObjectName("chooseFolder")
        self.choose.clicked.connect(self._choose)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.choose)

    def _choose(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.caption, self.edit.text())
        if folder:
            self.edit.setText(folder)

    def path(self) -> Path:
        text = self.edit.text().strip()
        if not text:
            raise UserError(tr("Choose a folder for the export: a new folder, or an empty one."))
        return Path(text).expanduser()


class ExportDialog(QDialog):
    """The frame of an export dialog: a form above (``self.form``, filled by the subclass), the
    folder, the progress of the running export with its cancel button, and the report at the end.

    A subclass gives :meth:`job` (the work, run on a worker with its Task), :attr:`action` (the
    custody action its export records) and :meth:`report` (the entry in words)."""

    action = ""
    opened_with_folder = True

    def __init__(self, runner: TaskRunner, case: CaseGetter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner, self.case = runner, case
        self.handle: TaskHandle | None = None
        self.exported: Path | None = None
        self.entry: CustodyEntry | None = None
        self.form = QVBoxLayout()
        self.folder = FolderRow(tr("Export into a new or empty folder"), self)
        self.progress = QProgressBar(self)
        self.progress.setObjectName("exportProgress")
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.status = QLabel(self)
        self.status.setObjectName("exportStatus")
        self.status.setWordWrap(True)
        self.recorded = QTextEdit(self)  # each line in its own direction: Arabic words, Latin names and hashes
        self.recorded.setObjectName("custodyRecorded")
        self.recorded.setReadOnly(True)
        self.recorded.setAcceptRichText(False)
        option = self.recorded.document().defaultTextOption()
        option.setTextDirection(Qt.LayoutDirection.LayoutDirectionAuto)
        self.recorded.document().setDefaultTextOption(option)
        self.recorded.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.recorded.setAccessibleName(tr("What the custody log recorded"))
        self.recorded.hide()
        self.buttons = QDialogButtonBox(self)
        self.export_button = self.buttons.addButton(tr("Export"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.setObjectName("exportButton")
        self.open_button = self.buttons.addButton(tr("Open the folder"), QDialogButtonBox.ButtonRole.ActionRole)
        self.open_button.setObjectName("openFolder")
        self.open_button.setEnabled(False)
        self.cancel_button = self.buttons.addButton(tr("Cancel the export"), QDialogButtonBox.ButtonRole.ActionRole)
        self.cancel_button.setObjectName("cancelExport")
        self.cancel_button.hide()
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.export_button.clicked.connect(self.start)
        self.open_button.clicked.connect(self._open)
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(QLabel(tr("Folder (new or empty)"), self))
        layout.addWidget(self.folder)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.recorded, 10)
        layout.addStretch(1)  # takes the room while nothing is recorded yet
        layout.addWidget(self.buttons)

    # -- for subclasses
    def options_form(self) -> tuple[QWidget, QFormLayout]:
        """The form of the export's options, at the top of the dialog, for the subclass to fill."""
        options = QWidget(self)
        form = QFormLayout(options)
        form.setContentsMargins(0, 0, 0, 0)
        self.form.addWidget(options)
        return options, form

    def job(self, case: OpenCase, folder: Path) -> Callable[[Task], Any]:
        raise NotImplementedError

    def report(self, entry: CustodyEntry) -> str:
        raise NotImplementedError

    def show_progress(self, done: int, total: int, label: str) -> None:
        self.progress.setRange(0, max(total, 0))
        self.progress.setValue(min(done, total) if total > 0 else 0)
        self.status.setText(label)

    def set_form_enabled(self, enabled: bool) -> None:
        for index in range(self.form.count()):
            item = self.form.itemAt(index)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.setEnabled(enabled)
        self.folder.setEnabled(enabled)

    # -- the job
    def start(self) -> TaskHandle | None:
        case = self.case()
        if case is None or self.handle is not None:
            return None
        try:
            work = self.job(case, self.folder.path())
        except UserError as error:
            self.status.setText(message_for(error))
            return None
        self.exported, self.entry = None, None
        self.recorded.clear()
        self.recorded.hide()
        self.open_button.setEnabled(False)
        self.set_form_enabled(False)
        self.export_button.setEnabled(False)
        self.cancel_button.show()
        self.cancel_button.setEnabled(True)
        self.progress.setRange(0, 0)
        self.progress.show()
        self.status.setText(tr("Exporting…"))
        handle = self.runner.long(work, name=self.objectName())
        handle.progressed.connect(self.show_progress)
        handle.succeeded.connect(self._succeeded)
        handle.failed.connect(self._failed)
        handle.finished.connect(self._finished)
        self.handle = handle
        return handle

    def cancel(self) -> None:
        if self.handle is not None:
            self.handle.cancel()
            self.cancel_button.setEnabled(False)
            self.status.setText(tr("Cancelling: the file being written is finished, then everything is removed…"))

    def exported_folder(self, result: Any) -> Path:
        raise NotImplementedError

    def _succeeded(self, result: Any) -> None:
        self.exported = self.exported_folder(result)
        self.status.setText(tr("Exported to {folder}").format(folder=self.exported))
        self.open_button.setEnabled(True)
        case = self.case()
        if case is not None:
            action = self.action
            reading = self.runner.read(lambda: latest_entry(case, action), name="custody entry")
            reading.succeeded.connect(self._show_entry)
        if self.opened_with_folder:
            open_folder(self.exported)

    def _show_entry(self, entry: CustodyEntry | None) -> None:
        self.entry = entry
        if entry is None:
            text = tr("The case is open for reading only: this export could not be recorded in the custody log.")
        else:
            text = self.report(entry)
        self.recorded.setPlainText(text)
        self.recorded.show()

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, Cancelled):
            self.status.setText(tr("Cancelled. Nothing was exported and nothing was left in the folder."))
        else:
            self.status.setText(message_for(error))

    def _finished(self) -> None:
        self.handle = None
        self.progress.hide()
        self.cancel_button.hide()
        self.export_button.setEnabled(True)
        self.set_form_enabled(True)

    def _open(self) -> None:
        if self.exported is not None:
            open_folder(self.exported)

    def entry_heading(self, entry: CustodyEntry) -> str:
        return tr("Custody log entry {seq} ({action}), {at}, by {actor}:").format(
            seq=entry.seq, action=entry.action, at=entry.at, actor=entry.actor
        )

    def reject(self) -> None:
        """Closing while exporting cancels the export (nothing is left of it)."""
        self.cancel()
        super().reject()
