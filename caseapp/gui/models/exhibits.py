"""The exhibits table: a window onto a listing the store filters, sorts and pages.

100 000 exhibits stay in the database: the model knows only the count, and fetches a page of
``PAGE_SIZE`` rows (on the task runner) the first time the view asks for a row in it. Sorting
and searching change the query and start again from the count, read with the first page in one
job; there is no proxy model over all the rows (Anki's browser DataModel, not Vorta's proxy).
The title column carries a thumbnail (:mod:`caseapp.gui.models.thumbnails`) for the rows painted.
"""

from __future__ import annotations

import enum
import json
import uuid
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QIcon

from caseapp.core.entities import Exhibit
from caseapp.core.ports import ExhibitQuery, ExhibitSort, Page
from caseapp.core.services import RecordService
from caseapp.gui.i18n import enum_text
from caseapp.gui.models.records import COLUMNS, column
from caseapp.gui.models.thumbnails import NoPicture, ThumbnailCache, ThumbnailSource, placeholder
from caseapp.gui.tasks import TaskRunner

PAGE_SIZE = 100  # rows a page read brings: four screens; smaller is a quicker first page (bench gui)
Index = QModelIndex | QPersistentModelIndex


class Column(enum.IntEnum):
    REF = 0
    TITLE = 1
    KIND = 2
    CAPTURED = 3
    SOURCE = 4
    TAGS = 5
    LINKS = 6


HEADERS = {
    Column.REF: column("Ref"),
    Column.TITLE: column("Title"),
    Column.KIND: column("Kind"),
    Column.CAPTURED: column("Captured"),
    Column.SOURCE: column("Source"),
    Column.TAGS: column("Tags"),
    Column.LINKS: column("Links"),
}
SORTS = {
    Column.REF: ExhibitSort.REF,
    Column.TITLE: ExhibitSort.TITLE,
    Column.KIND: ExhibitSort.KIND,
    Column.CAPTURED: ExhibitSort.CAPTURED,
}
ExhibitRole = Qt.ItemDataRole.UserRole + 1
THUMBNAIL_COLUMN = Column.TITLE  # the picture is drawn beside the title
# The view asks data() for every cell of every painted row, several roles each: plain ints and a
# table of texts by column keep that cheap (no enum made per call).
_DISPLAY, _TOOLTIP, _DECORATION = (
    int(Qt.ItemDataRole.DisplayRole),
    int(Qt.ItemDataRole.ToolTipRole),
    int(Qt.ItemDataRole.DecorationRole),
)
_EXHIBIT = int(ExhibitRole)
_ROLES = frozenset({_DISPLAY, _EXHIBIT, _TOOLTIP, _DECORATION})
_COLUMN_COUNT = len(Column)
_TEXTS: tuple[Callable[[Exhibit], str], ...] = (
    lambda e: e.ref,
    lambda e: e.title,
    lambda e: enum_text(e.kind),
    lambda e: e.captured or "",
    lambda e: e.source_ref or "",
    lambda e: ", ".join(e.tags),
    lambda e: str(e.link_count) if e.link_count else "",
)  # in the order of Column
_CELL_FLAGS = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsDragEnabled
EXHIBITS_MIME = "application/x-caseapp-exhibits"  # dragged rows: [{"id": uuid, "ref": "EX-3"}, ...]


def exhibits_mime(exhibits: Sequence[Exhibit]) -> QMimeData:
    """What a drag of exhibits carries (ids and refs only, never a title: it may leave the window)."""
    mime = QMimeData()
    payload = [{"id": str(exhibit.id), "ref": exhibit.ref} for exhibit in exhibits]
    mime.setData(EXHIBITS_MIME, json.dumps(payload).encode("utf-8"))
    return mime


def exhibits_in_mime(mime: QMimeData) -> list[tuple[uuid.UUID, str]]:
    """The (id, ref) pairs of a drag of exhibits; nothing for any other drag or a malformed one."""
    if not mime.hasFormat(EXHIBITS_MIME):
        return []
    try:
        payload = json.loads(bytes(mime.data(EXHIBITS_MIME).data()).decode("utf-8"))
        return [(uuid.UUID(item["id"]), str(item["ref"])) for item in payload]
    except (ValueError, TypeError, KeyError):
        return []


class ExhibitTableModel(QAbstractTableModel):
    """Rows appear as their pages arrive; ``loading`` rows show an ellipsis meanwhile."""

    count_loaded = Signal(int)
    page_loaded = Signal(int)
    load_failed = Signal(object)

    def __init__(self, runner: TaskRunner, records: RecordService | None = None) -> None:
        super().__init__()
        self.runner = runner
        self.records = records
        self.thumbnails = ThumbnailCache(runner)
        self.thumbnails.ready.connect(self._thumbnail_ready)
        self.page_size = PAGE_SIZE
        self.query = ExhibitQuery(page=Page(0, self.page_size))
        self._count = 0
        self._counted = False  # whether _count is the store's answer for the current filter
        self._pages: dict[int, list[Exhibit]] = {}
        self._pending: set[int] = set()
        self._rows: dict[uuid.UUID, int] = {}  # row of each exhibit of the pages here
        self._generation = 0
        self.requested_pages: list[int] = []  # pages asked of the store since the last reset (tests)

    # -- what the view sees
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else _COLUMN_COUNT

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate(COLUMNS, HEADERS[Column(section)])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        role = int(role)
        if role not in _ROLES or not index.isValid():
            return None
        if role == _DECORATION:
            return self._picture(index) if index.column() == THUMBNAIL_COLUMN else None
        exhibit = self.exhibit_at(index.row())
        if exhibit is None:
            return "…" if role == _DISPLAY else None
        if role == _EXHIBIT:
            return exhibit
        return _TEXTS[index.column()](exhibit)

    def _picture(self, index: Index) -> QIcon:
        """The row's thumbnail; asked for (on a worker) only when the view paints the row."""
        exhibit = self.exhibit_at(index.row())
        picture = self.thumbnails.get(exhibit.id, exhibit.mime) if exhibit is not None else None
        return placeholder(picture) if picture is None or isinstance(picture, NoPicture) else picture

    def flags(self, index: Index) -> Qt.ItemFlag:
        return _CELL_FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    def mimeTypes(self) -> list[str]:
        return [EXHIBITS_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        rows = sorted({index.row() for index in indexes})
        return exhibits_mime([e for e in (self.exhibit_at(row) for row in rows) if e is not None])

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        sort = SORTS.get(Column(column))
        if sort is None:
            return  # tags, links and source are not sorted by the store
        query = replace(self.query, sort=sort, descending=order is Qt.SortOrder.DescendingOrder)
        if query != self.query:  # QTableView.sortByColumn asks twice; the store is asked once
            self.set_query(query, same_rows=True)

    # -- the data behind it
    def exhibit_at(self, row: int) -> Exhibit | None:
        """The exhibit of ``row`` if its page is here; otherwise its page is asked for."""
        if not 0 <= row < self._count:
            return None
        number, offset = divmod(row, self.page_size)
        page = self._pages.get(number)
        if page is None:
            self._request_page(number)
            return None
        return page[offset] if offset < len(page) else None

    def set_records(self, records: RecordService | None, thumbnails: ThumbnailSource | None = None) -> None:
        """A new case (or None when it is locked): forget every row, picture and the search, at once.
        ``thumbnails`` makes an exhibit's picture (on a worker)."""
        self.records = records
        self.thumbnails.set_source(thumbnails if records is not None else None)
        if records is None:
            self.query = replace(self.query, text=None)  # the sort is kept, as the header still shows it
        self.refresh()

    def set_search(self, text: str) -> None:
        self.set_query(replace(self.query, text=text.strip() or None))

    def set_query(self, query: ExhibitQuery, *, same_rows: bool = False) -> None:
        """Show ``query``'s listing; ``same_rows``: it finds the rows shown now in another order (a
        sort), so the count is kept and the rows wait, each an ellipsis, for the first page."""
        self.query = replace(query, page=Page(0, self.page_size))
        self.refresh(keep_count=same_rows and self._counted)

    def refresh(self, *, keep_count: bool = False) -> None:
        """Drop every cached page and ask the store for the first page, and the count unless kept."""
        self._generation += 1
        count = self._count if keep_count else 0
        self.beginResetModel()
        self._pages.clear()
        self._rows.clear()
        self._pending.clear()
        self.requested_pages = []
        self._count = count
        self._counted = keep_count
        self.endResetModel()
        records = self.records
        if records is None:
            return
        generation, query = self._generation, replace(self.query, page=Page(0, self.page_size))
        self._pending.add(0)
        self.requested_pages.append(0)
        self.thumbnails.hold(True)  # the rows come before their pictures

        def read() -> tuple[int, list[Exhibit]]:
            if keep_count:
                return count, records.exhibits(query)
            # The first page and the count in one read (one pass over the matching rows, not two).
            return records.counted_exhibits(query)

        handle = self.runner.read(read, name="count exhibits")
        handle.succeeded.connect(lambda found: self._count_arrived(generation, *found))
        handle.failed.connect(lambda error: self._page_failed(0, error))

    def _count_arrived(self, generation: int, count: int, first: list[Exhibit]) -> None:
        if generation != self._generation:
            return
        self._pending.discard(0)
        self.beginResetModel()
        self._count = count
        self._counted = True
        self._store_page(0, first)
        self.endResetModel()
        self.count_loaded.emit(count)
        self.page_loaded.emit(0)
        self.thumbnails.hold(bool(self._pending))

    def _request_page(self, number: int) -> None:
        records = self.records
        if number in self._pending or records is None:
            return
        self._pending.add(number)
        self.thumbnails.hold(True)  # the rows come before their pictures
        self.requested_pages.append(number)
        generation = self._generation
        query = replace(self.query, page=Page(number * self.page_size, self.page_size))
        handle = self.runner.read(lambda: records.exhibits(query), name="exhibit page")
        handle.succeeded.connect(lambda rows: self._page_arrived(generation, number, rows))
        handle.failed.connect(lambda error: self._page_failed(number, error))

    def _page_arrived(self, generation: int, number: int, rows: list[Exhibit]) -> None:
        if generation != self._generation:
            return
        self._pending.discard(number)
        self._store_page(number, rows)
        self.thumbnails.hold(bool(self._pending))
        first = number * self.page_size
        last = min(self._count, first + self.page_size) - 1
        if last >= first:
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(Column) - 1))
        self.page_loaded.emit(number)

    def _store_page(self, number: int, rows: list[Exhibit]) -> None:
        self._pages[number] = rows
        for offset, exhibit in enumerate(rows):
            self._rows[exhibit.id] = number * self.page_size + offset

    def _page_failed(self, number: int, error: BaseException) -> None:
        self._pending.discard(number)  # asked again the next time its rows are shown
        self.thumbnails.hold(bool(self._pending))
        self.load_failed.emit(error)

    def _thumbnail_ready(self, exhibit_id: uuid.UUID) -> None:
        row = self._rows.get(exhibit_id)
        if row is not None and row < self._count:
            index = self.index(row, THUMBNAIL_COLUMN)
            self.dataChanged.emit(index, index, [Qt.ItemDataRole.DecorationRole])

    def loaded_rows(self) -> int:
        return sum(len(rows) for rows in self._pages.values())
