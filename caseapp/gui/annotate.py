"""What can be done to the selected record from its detail panel: add or remove a tag, add a note
(through the services, with undo on the window's QUndoStack), and export an exhibit's original
through a save dialog as a background job, saying which custody entry recorded the export."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
from uuid import UUID

from PySide6.QtCore import QCoreApplication, QObject, QStandardPaths, Signal
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QWidget

from caseapp.core.custody import CustodyAction
from caseapp.core.entities import CustodyEntry
from caseapp.core.operations import OpResult, Task
from caseapp.core.ports import CustodyQuery, Page
from caseapp.core.refs import RefKind
from caseapp.core.services import RecordService
from caseapp.gui.errors import show_error, show_report
from caseapp.gui.tasks import TaskHandle, TaskRunner

if TYPE_CHECKING:
    from caseapp.app.case_folder import OpenCase
    from caseapp.core.services.exporting import ExportedOriginal


def tr(text: str) -> str:
    return QCoreApplication.translate("SelectionActions", text)


@dataclass(frozen=True, slots=True)
class Selected:
    """The record the detail panel shows, which the tag, note and export actions act on."""

    kind: RefKind
    id: UUID
    ref: str
    tags: tuple[str, ...] = ()
    original_name: str = ""  # exhibits with a file: the name as found (a suggestion for the export)


_UNSAFE = re.compile(r"[\x00-\x1f/\\\u202a-\u202e\u2066-\u2069]")


def suggested_name(selected: Selected) -> str:
    name = _UNSAFE.sub("_", selected.original_name.rsplit("/", 1)[-1]).strip(" .")
    return name or f"{selected.ref}.bin"


def export_entry(case: OpenCase, ref: str) -> CustodyEntry | None:
    """The newest custody entry recording an export of ``ref``."""
    query = CustodyQuery(target_ref=ref, action=CustodyAction.EXHIBIT_EXPORT.value, page=Page(0, 1), newest_first=True)
    entries = case.custody.entries(query)
    return entries[0] if entries else None


def export_text(ref: str, exported: ExportedOriginal, entry: CustodyEntry | None) -> tuple[str, str]:
    """The summary and folded details of a finished export."""
    lines = [
        tr("{ref} was exported to {path}.").format(ref=ref, path=exported.path),
        tr("Its SHA-256 was checked against the record: the file is the original, byte for byte."),
    ]
    if not exported.recorded:
        lines.append(tr("The case is on read-only media: the export could not be entered in the custody log."))
    elif entry is not None:
        lines.append(
            tr("Custody entry #{seq} records the export ({at} UTC, by {who}).").format(
                seq=entry.seq, at=entry.at[:19].replace("T", " "), who=entry.actor
            )
        )
    details = [f"SHA-256: {exported.sha256}", tr("Size: {n} bytes").format(n=exported.size)]
    if entry is not None:
        details.append(tr("Custody entry hash: {hash}").format(hash=entry.hash))
    return "\n".join(lines), "\n".join(details)


class SelectionActions(QObject):
    """The actions; each returns its dialog or job (tests drive them)."""

    exported = Signal(object)  # the result box

    def __init__(
        self,
        window: QWidget,
        runner: TaskRunner,
        *,
        case: Callable[[], OpenCase | None],
        selected: Callable[[], Selected | None],
        push_undo: Callable[[OpResult[Any] | None], None],
        say: Callable[[str], None],
    ) -> None:
        super().__init__(window)
        self.window = window
        self.runner = runner
        self.case = case
        self.selected = selected
        self.push_undo = push_undo
        self.say = say
        self.export_handle: TaskHandle | None = None

    def run(self, action: str) -> QInputDialog | TaskHandle | None:
        actions: dict[str, Callable[[], QInputDialog | TaskHandle | None]] = {
            "add_tag": self.add_tag,
            "remove_tag": self.remove_tag,
            "add_note": self.add_note,
            "export": self.export_original,
        }
        return actions[action]()

    def _ready(self) -> tuple[RecordService, Selected] | None:
        case, selected = self.case(), self.selected()
        if case is None or selected is None:
            self.say(tr("Select a record first."))
            return None
        return case.records, selected

    def _ask(self, name: str, title: str, label: str) -> QInputDialog:
        dialog = QInputDialog(self.window)
        dialog.setObjectName(name)
        dialog.setWindowTitle(title)
        dialog.setLabelText(label)
        return dialog

    def _write(self, work: Callable[[], OpResult[Any]]) -> None:
        handle = self.runner.write(work, name="annotate")
        handle.succeeded.connect(self.push_undo)
        handle.failed.connect(lambda error: show_error(self.window, error))

    def add_tag(self) -> QInputDialog | None:
        ready = self._ready()
        if ready is None:
            return None
        records, selected = ready
        dialog = self._ask(
            "tagDialog",
            tr("Add a tag to {ref}").format(ref=selected.ref),
            tr("Tag (a word or a short phrase; tags are not case-sensitive):"),
        )
        dialog.textValueSelected.connect(lambda name: self._write(lambda: records.tag(selected.id, [name])))
        dialog.open()
        return dialog

    def remove_tag(self) -> QInputDialog | None:
        ready = self._ready()
        if ready is None:
            return None
        records, selected = ready
        if not selected.tags:
            self.say(tr("{ref} has no tags.").format(ref=selected.ref))
            return None
        dialog = self._ask("untagDialog", tr("Remove a tag from {ref}").format(ref=selected.ref), tr("Tag to remove:"))
        dialog.setComboBoxItems(list(selected.tags))
        dialog.setComboBoxEditable(False)
        dialog.textValueSelected.connect(
            lambda name: self._write(lambda: records.tag(selected.id, [name], remove=True))
        )
        dialog.open()
        return dialog

    def add_note(self) -> QInputDialog | None:
        ready = self._ready()
        if ready is None:
            return None
        records, selected = ready
        dialog = self._ask(
            "noteDialog",
            tr("Add a note to {ref}").format(ref=selected.ref),
            tr("Note (kept in the case; the custody log records that it was written, not its text):"),
        )
        dialog.setOption(QInputDialog.InputDialogOption.UsePlainTextEditForTextInput)
        dialog.textValueSelected.connect(lambda text: self._write(lambda: records.add_note(selected.id, text)))
        dialog.open()
        return dialog

    def export_original(self) -> TaskHandle | None:
        case, selected = self.case(), self.selected()
        if case is None or selected is None or selected.kind is not RefKind.EXHIBIT:
            self.say(tr("Select an exhibit first."))
            return None
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        path, _filter = QFileDialog.getSaveFileName(
            self.window,
            tr("Export the original of {ref}").format(ref=selected.ref),
            str(Path(folder) / suggested_name(selected)),
            "",
            options=QFileDialog.Option.DontConfirmOverwrite,  # caseapp never replaces a file: it says so
        )
        if not path:
            return None
        target, key, ref = Path(path), selected.id, selected.ref

        def work(task: Task) -> tuple[ExportedOriginal, CustodyEntry | None]:
            from caseapp.app.exhibits import export_original_as

            exported = export_original_as(case, key, target, cancel=task.cancel)
            return exported, export_entry(case, ref) if exported.recorded else None

        self.say(tr("Exporting {ref}…").format(ref=ref))
        handle = self.runner.long(work, name="export")
        handle.succeeded.connect(lambda found: self._exported(ref, *found))
        handle.failed.connect(lambda error: show_error(self.window, error, title=tr("Export")))
        self.export_handle = handle
        return handle

    def _exported(self, ref: str, exported: ExportedOriginal, entry: CustodyEntry | None) -> None:
        summary, details = export_text(ref, exported, entry)
        self.say(tr("{ref} exported.").format(ref=ref))
        box: QMessageBox = show_report(
            self.window, title=tr("Export"), summary=summary, details=details, name="exportReport"
        )
        self.exported.emit(box)
