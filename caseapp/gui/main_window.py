"""The main window of an unlocked case: navigator, central view, detail panel, menus.

It holds no case state of its own beyond the models: :meth:`set_case` fills them, :meth:`clear`
(on lock) empties every one of them. Views refresh from the ``Changes`` of each operation.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QUndoStack
from PySide6.QtWidgets import (
    QFileDialog,
    QInputDialog,
    QListWidget,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from caseapp.core.changes import Changes
from caseapp.core.errors import CaseLockedError
from caseapp.core.operations import OpResult
from caseapp.core.ports import Deleted, RecordQuery
from caseapp.core.refs import RefKind
from caseapp.core.services import RecordService
from caseapp.gui.annotate import Selected, SelectionActions
from caseapp.gui.custody_view import CustodyFilter, CustodyFilterBar, filtered_entries
from caseapp.gui.detail import exhibit_html, record_html
from caseapp.gui.errors import message_for, show_error
from caseapp.gui.export_actions import ExportActions
from caseapp.gui.importer import ImportController
from caseapp.gui.legal_pages import LegalPages
from caseapp.gui.menus import MainMenus
from caseapp.gui.models.exhibits import ExhibitTableModel
from caseapp.gui.models.records import (
    CustodyTableModel,
    IncidentTableModel,
    ListTableModel,
    PersonTableModel,
    SourceTableModel,
)
from caseapp.gui.models.thumbnails import case_thumbnails
from caseapp.gui.pages import ExhibitsPage, RecordPage
from caseapp.gui.people_panel import PeoplePanel
from caseapp.gui.places import PlaceViews
from caseapp.gui.record_dialogs import RecordDialog
from caseapp.gui.record_link_dialog import RecordLinkDialog
from caseapp.gui.settings import Settings
from caseapp.gui.side_panel import SidePanel
from caseapp.gui.tasks import TaskHandle, TaskRunner
from caseapp.gui.undo import OperationCommand
from caseapp.gui.verify import VerifyController

if TYPE_CHECKING:  # the storage layer loads when a case is opened, not before the first window
    from caseapp.app.case_folder import OpenCase


CUSTODY_SHOWN = 1000


class MainWindow(QMainWindow):
    lock_requested = Signal()

    def __init__(self, runner: TaskRunner, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.runner = runner
        self.settings = settings
        self.case: OpenCase | None = None
        self.show_deleted: dict[RefKind, bool] = {}
        self.exhibits = ExhibitTableModel(runner)
        self.persons = PersonTableModel(runner)
        self.incidents = IncidentTableModel(runner)
        self.sources = SourceTableModel(runner)
        self.custody = CustodyTableModel(runner)
        self.record_models: dict[RefKind, ListTableModel[Any]] = {
            RefKind.PERSON: self.persons,
            RefKind.INCIDENT: self.incidents,
            RefKind.SOURCE: self.sources,
        }
        self.undo_stack = QUndoStack(self)
        self.selected: Selected | None = None
        self.custody_wanted = CustodyFilter()
        self._build_views()
        self.selection_actions = SelectionActions(
            self,
            runner,
            case=lambda: self.case,
            selected=lambda: self.selected,
            push_undo=self._push_undo,
            say=self._say,
        )
        self.side.action.connect(self.selection_actions.run)
        self.importer = ImportController(runner, lambda: self.case, self.statusBar())
        self.verifier = VerifyController(runner, lambda: self.case, self.statusBar())
        self._build_menus()
        self.setAcceptDrops(True)
        for model in (self.exhibits, self.persons, self.incidents, self.sources, self.custody):
            model.load_failed.connect(self._load_failed)
        runner.changed.connect(self.apply_changes)
        self.resize(1200, 760)
        self._restore_state()

    # -- building
    def _build_views(self) -> None:
        self.navigator = QListWidget(self)
        self.navigator.setObjectName("navigator")
        self.navigator.setAccessibleName(self.tr("Navigator"))
        self.stack = QStackedWidget(self)
        self.exhibits_page = ExhibitsPage(self.exhibits, self)
        self.exhibits_page.selected.connect(self._exhibit_selected)
        self.record_pages: dict[RefKind, RecordPage] = {}
        pages: list[tuple[str, QWidget]] = [(self.tr("Exhibits"), self.exhibits_page)]
        for kind, label, name in (
            (RefKind.INCIDENT, self.tr("Incidents"), "incidentsTable"),
            (RefKind.PERSON, self.tr("People"), "personsTable"),
            (RefKind.SOURCE, self.tr("Sources"), "sourcesTable"),
        ):
            record_page = RecordPage(kind, self.record_models[kind], name, self)
            record_page.selected.connect(lambda row, kind=kind: self._record_selected(kind, row))
            record_page.action.connect(lambda action, kind=kind: self.record_action(kind, action))
            record_page.show_deleted_changed.connect(lambda on, kind=kind: self._set_show_deleted(kind, on))
            self.record_pages[kind] = record_page
            pages.append((label, record_page))
        self.custody_page = RecordPage(None, self.custody, "custodyTable", self)
        self.custody_page.selected.connect(self._custody_selected)
        self.custody_filter = CustodyFilterBar(self.custody_page)
        self.custody_filter.changed.connect(self._custody_filter_changed)
        layout = self.custody_page.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(0, self.custody_filter)
        pages.append((self.tr("Custody log"), self.custody_page))
        self.places = PlaceViews(  # the map, the timeline
            self.runner, self, select=self._select, say=self._say, push_undo=self._push_undo
        )
        pages += self.places.pages()
        for label, page in pages:
            self.navigator.addItem(label)
            self.stack.addWidget(page)
            if isinstance(page, RecordPage | ExhibitsPage):
                page.table.setAccessibleName(label)  # a screen reader names the table as the navigator does
        self.navigator.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.navigator.currentRowChanged.connect(lambda _row: self._page_changed())
        self.navigator.setCurrentRow(0)
        self.navigator.setSpacing(3)
        self.side = SidePanel(self.runner, self)
        self.detail = self.side.detail
        self.preview = self.side.preview
        self.legal = LegalPages(self)  # Charges, Elements, Gaps, Review, Jurisdiction
        self.people = PeoplePanel(self)  # risk, consent and identity of the selected person
        metrics, navigator = self.navigator.fontMetrics(), self.navigator
        widest = max(metrics.horizontalAdvance(navigator.item(row).text()) for row in range(navigator.count()))
        navigator.setMaximumWidth(max(200, widest + 2 * (navigator.frameWidth() + navigator.spacing()) + 24))
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.navigator)
        self.splitter.addWidget(self.stack)
        self.splitter.addWidget(self.side)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setStretchFactor(2, 2)
        self.splitter.setSizes([150, 760, 370])
        self.setCentralWidget(self.splitter)

    def _build_menus(self) -> None:
        self.exports = ExportActions(self, self._push_undo)
        self.menus = MainMenus(self)
        self.lock_action = self.menus.lock_action
        self.undo_action, self.redo_action = self.menus.undo_action, self.menus.redo_action

    idle_minutes_changed = Signal(int)

    def _say(self, text: str) -> None:
        self.statusBar().showMessage(text, 10_000)

    # -- the case
    @property
    def records(self) -> RecordService:
        if self.case is None:
            raise CaseLockedError("the case is locked")
        return self.case.records

    def set_case(self, case: OpenCase) -> None:
        self.case = case
        title = case.folder.name.removesuffix(".caseapp")
        self.setWindowTitle(self.tr("{title} — caseapp").format(title=title))
        records = case.records
        self.exhibits.set_records(records, thumbnails=case_thumbnails(case))
        for kind in self.record_models:
            self._reload(kind)
        self._load_custody()
        self.places.set_case(case)
        self.legal.set_case()
        self.undo_stack.clear()

    def clear(self) -> None:
        """Forget everything of the case: every model, the detail panel, the undo history."""
        self.case = None
        self.exports.close_all()
        self.exhibits.set_records(None)
        for model in (*self.record_models.values(), self.custody):
            model.set_loader(None)
        self.exhibits_page.search.clear()
        self.selected = None
        self.side.clear_all()
        self.custody_filter.clear_all()
        self.custody_wanted = CustodyFilter()
        self.places.clear()
        self.legal.clear()
        self.people.clear()
        self.undo_stack.clear()
        self.setWindowTitle(self.tr("caseapp"))

    def _reload(self, kind: RefKind) -> None:
        case = self.case
        if case is None:
            return
        records = case.records
        query = RecordQuery(deleted=Deleted.INCLUDE if self.show_deleted.get(kind) else Deleted.HIDE)
        loaders: dict[RefKind, Callable[[], list[Any]]] = {
            RefKind.PERSON: lambda: records.persons(query),
            RefKind.INCIDENT: lambda: records.incidents(query),
            RefKind.SOURCE: lambda: records.sources(query),
        }
        self.record_models[kind].set_loader(loaders[kind])

    def _load_custody(self) -> None:
        case, wanted = self.case, self.custody_wanted
        if case is not None:
            self.custody.set_loader(lambda: filtered_entries(case.custody, wanted, CUSTODY_SHOWN))

    def _custody_filter_changed(self, wanted: CustodyFilter) -> None:
        self.custody_wanted = wanted
        self._load_custody()

    def _set_show_deleted(self, kind: RefKind, on: bool) -> None:
        self.show_deleted[kind] = on
        self._reload(kind)

    def apply_changes(self, changes: Changes) -> None:
        """Refresh only the views the operation's changes name."""
        if self.case is None:
            return
        if changes.exhibits or changes.tags or changes.links or changes.sources:
            self.exhibits.refresh()
        for kind, changed in (
            (RefKind.PERSON, changes.persons),
            (RefKind.INCIDENT, changes.incidents),
            (RefKind.SOURCE, changes.sources),
        ):
            if changed:
                self.record_models[kind].refresh()
        if changes.custody:
            self.custody.refresh()
        if self.selected is not None:
            self.show_selected()

    def _load_failed(self, error: BaseException) -> None:
        if self.case is not None:
            self.statusBar().showMessage(message_for(error), 15_000)

    # -- details
    def _exhibit_selected(self, row: int) -> None:
        exhibit = self.exhibits.exhibit_at(row)
        if exhibit is None or self.case is None:
            return
        self._select(Selected(RefKind.EXHIBIT, exhibit.id, exhibit.ref, exhibit.tags, exhibit.original_name or ""))

    def _record_selected(self, kind: RefKind, row: int) -> None:
        record = self.record_models[kind].row_at(row)
        if record is not None:
            self.detail.show_html(record_html(record))
            self._select(Selected(kind, record.id, record.ref, record.tags))

    def _custody_selected(self, row: int) -> None:
        entry = self.custody.row_at(row)
        if entry is not None:
            self.selected = None
            self.side.set_selection(None, exhibit=False)
            self.detail.show_html(record_html(entry))

    def _page_changed(self) -> None:
        """The side panel follows the page on screen: a table page's selected row, else the exhibit
        shown (its preview and marked excerpt stay at hand for linking), else nothing."""
        page = self.stack.currentWidget()
        if self.case is None:
            return
        if isinstance(page, ExhibitsPage | RecordPage):
            rows = page.table.selectionModel().selectedRows()
            if rows:
                page.selected.emit(rows[0].row())
                return
        elif self.selected is not None and self.selected.kind is RefKind.EXHIBIT:
            return
        self.clear_selection()

    def clear_selection(self) -> None:
        """Nothing selected: an empty side panel."""
        self.selected = None
        self.side.clear_all()
        self.people.show_person(None)
        self.legal.clear_exhibit_elements()

    def _select(self, selected: Selected) -> None:
        self.selected = selected
        exhibit = selected.kind is RefKind.EXHIBIT
        self.side.set_selection(selected.id, exhibit=exhibit, case=lambda: self.case)
        self.show_selected()

    def show_selected(self) -> TaskHandle | None:
        """Read the selected record again (its tags and notes may have changed) and show it."""
        case, selected = self.case, self.selected
        if case is None or selected is None:
            return None
        key, kind = selected.id, selected.kind
        if kind is RefKind.EXHIBIT:
            evidence = case.evidence
            handle = self.runner.read(lambda: evidence.detail(key), name="exhibit detail")
            handle.succeeded.connect(lambda detail: self._show_exhibit(key, detail))
        else:
            records = case.records
            handle = self.runner.read(lambda: (records.get(key, kind), records.notes(key)), name="record detail")
            handle.succeeded.connect(lambda found: self._show_record(key, *found))
        handle.failed.connect(lambda error: show_error(self, error))
        return handle

    def _show_exhibit(self, key: Any, detail: Any) -> None:
        if self.selected is not None and self.selected.id == key:
            ex = detail.exhibit
            self.selected = Selected(RefKind.EXHIBIT, ex.id, ex.ref, ex.tags, ex.original_name or "")
            self.detail.show_html(exhibit_html(detail))

    def _show_record(self, key: Any, record: Any, notes: list[Any]) -> None:
        if self.selected is not None and self.selected.id == key:
            shown = self.persons.revealed.get(key, record) if self.selected.kind is RefKind.PERSON else record
            self.selected = Selected(self.selected.kind, key, record.ref, record.tags)
            self.detail.show_html(record_html(shown, notes))

    # -- record actions
    def record_action(  # noqa: PLR0911  (one branch per action)
        self, kind: RefKind, action: str
    ) -> RecordDialog | QInputDialog | TaskHandle | None:
        if self.case is None:
            return None
        page = self.record_pages[kind]
        if action == "add":  # from a menu anywhere: the new record is seen in its list
            self.navigator.setCurrentRow(self.stack.indexOf(page))
        record = self.record_models[kind].row_at(page.current_row())
        records = self.records
        if action == "add" or (action == "edit" and record is not None):
            dialog = RecordDialog(kind, self.runner, records, self, record if action == "edit" else None)
            dialog.accepted.connect(lambda: self._push_undo(dialog.outcome))
            dialog.open()
            return dialog
        if record is None:
            return None
        if action == "delete":
            ask = QInputDialog(self)
            ask.setObjectName("deleteReason")
            ask.setWindowTitle(self.tr("Delete {ref}").format(ref=record.ref))
            ask.setLabelText(
                self.tr("Why is {ref} deleted? The reason is kept in the custody log; it can be restored.").format(
                    ref=record.ref
                )
            )
            ask.textValueSelected.connect(lambda reason: self._write(lambda: records.delete(record.id, reason=reason)))
            ask.open()
            return ask
        if action == "restore":
            return self._write(lambda: records.restore(record.id))
        if action == "reveal":
            handle = self.runner.write(lambda: records.reveal_person(record.id), name="reveal")
            handle.succeeded.connect(lambda result: self._revealed(result.value))
            handle.failed.connect(lambda error: show_error(self, error))
            return handle
        return None

    def edit_exhibit(self) -> RecordDialog | None:
        """The form for the exhibit selected in the exhibits table: title, description, sensitivity
        (what a public export withholds) and source (whose grading the gap matrix counts)."""
        rows = self.exhibits_page.table.selectionModel().selectedRows()
        exhibit = self.exhibits.exhibit_at(rows[0].row()) if len(rows) == 1 and self.case is not None else None
        if exhibit is None or self.case is None:
            self._say(self.tr("Select one exhibit first."))
            return None
        dialog = RecordDialog(RefKind.EXHIBIT, self.runner, self.records, self, exhibit)
        dialog.accepted.connect(lambda: self._push_undo(dialog.outcome))
        dialog.open()
        return dialog

    def link_to_record(self) -> RecordLinkDialog | None:
        """The form linking the exhibits selected in the exhibits table to a person or an incident."""
        rows = self.exhibits_page.table.selectionModel().selectedRows()
        chosen = [e for e in (self.exhibits.exhibit_at(r.row()) for r in rows) if e is not None]
        if not chosen or self.case is None:
            self._say(self.tr("Select one or more exhibits first."))
            return None
        dialog = RecordLinkDialog(self.runner, self.records, [(e.id, e.ref) for e in chosen], self._push_undo, self)
        dialog.open()
        return dialog

    def _revealed(self, person: Any) -> None:
        self.persons.reveal(person)
        if self.selected is not None and self.selected.id == person.id:
            self.show_selected()
        else:
            self.detail.show_html(record_html(person))

    def _write(self, work: Callable[[], OpResult[Any]]) -> TaskHandle:
        handle = self.runner.write(work)
        handle.succeeded.connect(self._push_undo)
        handle.failed.connect(lambda error: show_error(self, error))
        return handle

    def _push_undo(self, result: OpResult[Any] | None) -> None:
        if result is None or result.undo is None:
            return
        command = OperationCommand(
            result.undo, self.runner, lambda: self.records, lambda error: show_error(self, error), result.undo.ref
        )
        command.setText(self.tr("change to {ref}").format(ref=result.undo.ref))
        self.undo_stack.push(command)

    # -- import
    def import_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(self, self.tr("Import files"))
        self.importer.start([Path(f) for f in files])

    def import_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Import a folder"))
        if folder:
            self.importer.start([Path(folder)])

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.case is not None and event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if paths and self.importer.start(paths) is not None:
            event.acceptProposedAction()

    # -- state kept per user (never keyed by a case's name)
    def _restore_state(self) -> None:
        for key, restore in (
            ("main/geometry", self.restoreGeometry),
            ("main/splitter", self.splitter.restoreState),
            ("main/exhibits_header", self.exhibits_page.table.horizontalHeader().restoreState),
        ):
            value = self.settings.state(key)
            if value is not None:
                restore(value)

    def save_state(self) -> None:
        self.settings.set_state("main/geometry", self.saveGeometry())
        self.settings.set_state("main/splitter", self.splitter.saveState())
        self.settings.set_state("main/exhibits_header", self.exhibits_page.table.horizontalHeader().saveState())
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_state()
        super().closeEvent(event)
