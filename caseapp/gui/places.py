"""The map and the timeline of the main window: loaded through the task runner, refreshed on
``Changes``, emptied on lock.

A view loads when it is on screen: a change while it is hidden only marks it stale, and it loads
again when shown, so a hundred thousand exhibits are not read for a view nobody looks at. A result
that arrives after a newer load was asked for (or after the case was locked) is dropped.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QWidget

from caseapp.core.changes import Changes
from caseapp.core.operations import OpResult
from caseapp.core.refs import RefKind
from caseapp.core.suggestions import Suggestion
from caseapp.core.timeline import EntryKind, TimelineEntry
from caseapp.gui.annotate import Selected
from caseapp.gui.errors import message_for
from caseapp.gui.map_canvas import MapPoint
from caseapp.gui.map_view import MapView, load_map
from caseapp.gui.tasks import TaskHandle, TaskRunner
from caseapp.gui.timeline_view import TimelineView, load_timeline

if TYPE_CHECKING:
    from caseapp.app.case_folder import OpenCase


def tr(text: str) -> str:
    return QCoreApplication.translate("PlaceViews", text)


View = MapView | TimelineView


class PlaceViews(QObject):
    """The "Map" and "Timeline" pages; :attr:`chosen` carries the record clicked in either."""

    chosen = Signal(object)  # Selected
    failed = Signal(str)  # a message for the status bar

    def __init__(
        self,
        runner: TaskRunner,
        parent: QWidget,
        *,
        select: Callable[[Selected], object] | None = None,
        say: Callable[[str], object] | None = None,
        push_undo: Callable[[OpResult[Any]], object] | None = None,
    ) -> None:
        super().__init__(parent)
        self.runner = runner
        self.case: OpenCase | None = None
        self.map_view = MapView(parent)
        self.timeline_view = TimelineView(parent)
        self._work: dict[View, Callable[[OpenCase], Any]] = {
            self.map_view: lambda case: load_map(case.records),
            self.timeline_view: load_timeline,
        }
        self._serial: dict[View, int] = dict.fromkeys(self._work, 0)
        for view in self._work:
            view.shown.connect(lambda view=view: self._shown(view))
        self.map_view.chosen.connect(self._point_chosen)
        self.map_view.confirm_requested.connect(self.confirm_suggestion)
        self.map_view.dismiss_requested.connect(self.dismiss_suggestion)
        self.push_undo = push_undo
        self.timeline_view.chosen.connect(self._entry_chosen)
        runner.changed.connect(self.apply_changes)
        if select is not None:
            self.chosen.connect(select)
        if say is not None:
            self.failed.connect(say)

    def pages(self) -> list[tuple[str, QWidget]]:
        return [(tr("Map"), self.map_view), (tr("Timeline"), self.timeline_view)]

    def set_case(self, case: OpenCase) -> None:
        self.clear()
        self.case = case
        for view in self._work:
            self.load(view)

    def clear(self) -> None:
        """Forget the case: both views emptied, results still on their way dropped."""
        self.case = None
        for view in self._work:
            self._serial[view] += 1
            view.clear()

    def apply_changes(self, changes: Changes) -> None:
        # persons: a name newly protected (or no longer) changes the titles shown
        if self.case is not None and (changes.incidents or changes.exhibits or changes.persons or changes.case):
            for view in self._work:
                self.load(view)

    def load(self, view: View) -> None:
        """Read the view's data on a worker now if it is on screen, else when it is next shown."""
        case = self.case
        if case is None:
            return
        if not view.isVisible():
            view.stale = True
            return
        view.stale = False
        self._serial[view] += 1
        serial, work = self._serial[view], self._work[view]
        handle = self.runner.read(lambda: work(case), name=f"{view.objectName()} data")
        handle.succeeded.connect(lambda data: self._loaded(view, serial, data))
        handle.failed.connect(lambda error: self._failed(view, serial, error))

    def _loaded(self, view: View, serial: int, data: Any) -> None:
        if serial == self._serial[view] and self.case is not None:
            view.set_data(data)

    def _failed(self, view: View, serial: int, error: BaseException) -> None:
        if serial == self._serial[view] and self.case is not None:
            self.failed.emit(message_for(error))

    def _shown(self, view: View) -> None:
        if view.stale:
            self.load(view)

    def confirm_suggestion(self, suggestion: Suggestion, title: str) -> TaskHandle | None:
        """Make a suggestion an incident on the write worker; the result goes on the undo stack and
        its Changes refresh the map and the incidents."""
        case = self.case
        if case is None:
            return None
        records = case.records
        handle = self.runner.write(
            lambda: records.confirm_suggestion(suggestion.id, title=title or None), name="confirm suggestion"
        )
        if self.push_undo is not None:
            handle.succeeded.connect(self.push_undo)
        handle.failed.connect(lambda error: self.failed.emit(message_for(error)))
        return handle

    def dismiss_suggestion(self, suggestion: Suggestion) -> TaskHandle | None:
        """Hide a suggestion (kept in the case: it stays hidden in later sessions), then reload the map."""
        case = self.case
        if case is None:
            return None
        records = case.records
        handle = self.runner.write(lambda: records.dismiss_suggestion(suggestion.id), name="dismiss suggestion")
        handle.succeeded.connect(lambda _result: self.load(self.map_view))
        handle.failed.connect(lambda error: self.failed.emit(message_for(error)))
        return handle

    def _point_chosen(self, point: MapPoint) -> None:
        self.chosen.emit(Selected(point.kind, point.id, point.ref))

    def _entry_chosen(self, entry: TimelineEntry) -> None:
        kind = RefKind.INCIDENT if entry.kind is EntryKind.INCIDENT else RefKind.EXHIBIT
        self.chosen.emit(Selected(kind, entry.id, entry.ref))
