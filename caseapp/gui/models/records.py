"""Small tables (people, incidents, sources, custody entries): each loads its whole list from
the store on the task runner, and again only when the operation's changes name it; a table given
its page (:meth:`ListTableModel.load_when_shown`) reads only while the page is shown, so the pages
the user is not looking at cost nothing when a case opens (nor steal time from the one they use)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar
from uuid import UUID

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import QWidget

from caseapp.core.entities import CustodyEntry, Incident, Person, Source
from caseapp.gui.i18n import QT_TRANSLATE_NOOP, enum_text
from caseapp.gui.tasks import TaskRunner

Row = TypeVar("Row")
Index = QModelIndex | QPersistentModelIndex
RowRole = Qt.ItemDataRole.UserRole + 1
COLUMNS = "TableColumns"  # the translation context of every column header


def column(text: str) -> str:
    """Mark a column header (translated when shown, in the context TableColumns)."""
    return QT_TRANSLATE_NOOP("TableColumns", text)


class ListTableModel(QAbstractTableModel, Generic[Row]):
    """Columns are (header, text-of-row) pairs; ``load`` runs on a reader thread."""

    loaded = Signal()
    load_failed = Signal(object)  # the error (shown once in the status bar, not as a dialog per table)
    columns: Sequence[tuple[str, Callable[[Any], str]]] = ()

    def __init__(self, runner: TaskRunner) -> None:
        super().__init__()
        self.runner = runner
        self.rows: list[Row] = []
        self.load: Callable[[], list[Row]] | None = None
        self._generation = 0
        self._page: QWidget | None = None
        self._stale = False  # a read waits for the page to be shown

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate(COLUMNS, self.columns[section][0])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        row = self.rows[index.row()]
        if role == RowRole:
            return row
        if role == Qt.ItemDataRole.DisplayRole:
            return self.columns[index.column()][1](row)
        return None

    def set_loader(self, load: Callable[[], list[Row]] | None) -> None:
        self.load = load
        self.refresh()

    def load_when_shown(self, page: QWidget) -> None:
        """Read only while ``page`` is visible: a refresh asked while it is hidden is done when it is shown."""
        self._page = page
        page.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._page and event.type() == QEvent.Type.Show and self._stale:
            self.refresh()
        return False

    def refresh(self) -> None:
        self._generation += 1
        load, generation = self.load, self._generation
        self._stale = False
        if load is None:
            self.set_rows([])
            return
        if self._page is not None and not self._page.isVisible():
            self._stale = True  # the rows shown stay until then: they belong to this case
            return
        handle = self.runner.read(load, name=type(self).__name__)
        handle.succeeded.connect(lambda rows: self._arrived(generation, rows))
        handle.failed.connect(self.load_failed)

    def _arrived(self, generation: int, rows: list[Row]) -> None:
        if generation == self._generation:
            self.set_rows(rows)
            self.loaded.emit()

    def set_rows(self, rows: list[Row]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> Row | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None


def _hidden() -> str:
    return QCoreApplication.translate("Pages", "(hidden)")


def _deleted(record: Person | Incident | Source) -> str:
    return QCoreApplication.translate("Pages", "deleted") if record.deleted else ""


class PersonTableModel(ListTableModel[Person]):
    """Names stay hidden; a deliberate reveal (recorded in custody) shows one until the case locks."""

    columns = (
        (column("Pseudonym"), lambda p: p.ref),
        (column("Role"), lambda p: enum_text(p.role)),
        (column("Protection"), lambda p: enum_text(p.protection)),
        (column("Name"), lambda p: p.full_name if p.full_name is not None else _hidden()),
        (column("State"), _deleted),
    )

    def __init__(self, runner: TaskRunner) -> None:
        super().__init__(runner)
        self.revealed: dict[UUID, Person] = {}

    def set_rows(self, rows: list[Person]) -> None:
        super().set_rows([self.revealed.get(p.id, p) if p.full_name is None else p for p in rows])

    def set_loader(self, load: Callable[[], list[Person]] | None) -> None:
        if load is None:
            self.revealed.clear()  # a reveal lasts until the case is locked
        super().set_loader(load)

    def reveal(self, person: Person) -> None:
        self.revealed[person.id] = person
        for index, row in enumerate(self.rows):
            if row.id == person.id:
                self.rows[index] = person
                self.dataChanged.emit(self.index(index, 0), self.index(index, self.columnCount() - 1))


class IncidentTableModel(ListTableModel[Incident]):
    columns = (
        (column("Ref"), lambda i: i.ref),
        (column("Title"), lambda i: i.title),
        (column("When"), lambda i: i.time_start.date().isoformat() if i.time_start else ""),
        (column("Place"), lambda i: i.place_name),
        (column("State"), _deleted),
    )


class SourceTableModel(ListTableModel[Source]):
    columns = (
        (column("Ref"), lambda s: s.ref),
        (column("Name"), lambda s: s.name),
        (column("Grading"), lambda s: s.grading),
        (column("State"), _deleted),
    )


class CustodyTableModel(ListTableModel[CustodyEntry]):
    columns = (
        (column("#"), lambda e: str(e.seq)),
        (column("When (UTC)"), lambda e: e.at[:19].replace("T", " ")),
        (column("Who"), lambda e: e.actor),
        (column("Action"), lambda e: e.action),
        (column("Record"), lambda e: e.target),
    )
