"""The central views of the main window: the exhibits table and the record tables."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QItemSelection, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from caseapp.core.refs import RefKind
from caseapp.gui.models.exhibits import ExhibitTableModel
from caseapp.gui.models.records import ListTableModel
from caseapp.gui.models.thumbnails import ICON_SIDE

CAPTURED_SAMPLE = "2016-04-28T07:12:40"  # the widest capture time the Captured column shows


def tr(text: str) -> str:
    return QCoreApplication.translate("Pages", text)


def make_table(parent: QWidget, name: str) -> QTableView:
    table = QTableView(parent)
    table.setObjectName(name)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
    table.horizontalHeader().setStretchLastSection(True)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    return table


class ExhibitsPage(QWidget):
    """Search over the full-text index, and the paged exhibits table."""

    selected = Signal(int)  # row

    def __init__(self, model: ExhibitTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.search = QLineEdit(self)
        self.search.setObjectName("exhibitSearch")
        self.search.setAccessibleName(tr("Search exhibits"))
        self.search.setPlaceholderText(tr("Search titles, descriptions and extracted text (Enter)"))
        self.search.setClearButtonEnabled(True)
        self.search.returnPressed.connect(lambda: model.set_search(self.search.text()))
        self.count = QLabel(self)
        self.count.setObjectName("exhibitCount")
        model.count_loaded.connect(lambda n: self.count.setText(tr("{n} exhibit(s)").format(n=n)))
        self.table = make_table(self, "exhibitsTable")
        self.table.setModel(model)
        self.table.setSortingEnabled(True)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)  # several to link at once
        self.table.setDragEnabled(True)  # onto an element of the catalogue
        self.table.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        # A new order starts at its top (the model keeps the count, so the view would stay where it was).
        self.table.horizontalHeader().sortIndicatorChanged.connect(lambda *_: self.table.scrollToTop())
        self.table.setIconSize(QSize(ICON_SIDE, ICON_SIDE))  # the thumbnails beside the titles
        rows = self.table.verticalHeader()
        rows.setDefaultSectionSize(max(rows.defaultSectionSize(), ICON_SIDE + 4))
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # 100 000 rows: never measured one by one
        captured = self.table.fontMetrics().horizontalAdvance(CAPTURED_SAMPLE) + 16  # whole, not "07:1…"
        for column, width in enumerate((60, 240, 80, max(110, captured), 60, 120, 45)):
            self.table.setColumnWidth(column, width)
        self.table.selectionModel().selectionChanged.connect(self._selection)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.table)

    def _selection(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self.selected.emit(rows[0].row())


class RecordPage(QWidget):
    """A record table with add, edit, delete and restore (and reveal, for people); its rows are
    read while the page is shown (:meth:`ListTableModel.load_when_shown`)."""

    selected = Signal(int)
    action = Signal(str)  # add | edit | delete | restore | reveal | jurisdiction
    show_deleted_changed = Signal(bool)

    def __init__(
        self, kind: RefKind | None, model: ListTableModel[Any], name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.kind = kind
        self.model = model
        self.table = make_table(self, name)
        self.table.setModel(model)
        model.load_when_shown(self)  # the pages not looked at read nothing when a case opens
        model.loaded.connect(self._fit_columns)
        self.table.selectionModel().selectionChanged.connect(self._selection)
        self.table.doubleClicked.connect(lambda _index: self.action.emit("edit"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.buttons: dict[str, QPushButton] = {}
        if kind is not None:
            bar = QHBoxLayout()
            labels = {"add": tr("Add…"), "edit": tr("Edit…"), "delete": tr("Delete…"), "restore": tr("Restore")}
            if kind is RefKind.PERSON:
                labels["reveal"] = tr("Reveal identity")
            if kind is RefKind.INCIDENT:
                labels["jurisdiction"] = tr("Jurisdiction…")
            for key, label in labels.items():
                button = QPushButton(label, self)
                button.setObjectName(f"{name}_{key}")
                button.clicked.connect(lambda _checked=False, key=key: self.action.emit(key))
                bar.addWidget(button)
                self.buttons[key] = button
            bar.addStretch(1)
            self.show_deleted = QCheckBox(tr("Show deleted"), self)
            self.show_deleted.toggled.connect(self.show_deleted_changed)
            bar.addWidget(self.show_deleted)
            layout.addLayout(bar)
        layout.addWidget(self.table)

    def _fit_columns(self) -> None:
        if self.model.rowCount():
            self.table.resizeColumnsToContents()

    def current_row(self) -> int:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    def _selection(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        row = self.current_row()
        if row >= 0:
            self.selected.emit(row)
