"""The "Timeline" view: incidents and dated exhibits with the range within which each happened.

:func:`load_timeline` runs on a worker (through the task runner) and reads
:meth:`SearchService.timeline` (:mod:`caseapp.core.timeline`; titles with protected names hidden),
the same data as ``caseapp timeline --json``. Clicking a row emits :attr:`TimelineView.chosen`.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from caseapp.core.timeline import Timeline
from caseapp.gui.timeline_canvas import ZOOM_STEP, TimelineCanvas

if TYPE_CHECKING:
    from caseapp.app.case_folder import OpenCase


def tr(text: str) -> str:
    return QCoreApplication.translate("TimelineView", text)


@dataclass(frozen=True, slots=True)
class TimelineData:
    timeline: Timeline
    zone: str  # the zone the axis is drawn in: the one most entries were given in


def load_timeline(case: OpenCase) -> TimelineData:
    """The case's timeline, protected names hidden. Worker thread."""
    from caseapp.core.services.search import SearchService

    timeline = SearchService(case.db, case.actor).timeline()
    zones = Counter(entry.time_zone for entry in timeline.entries if entry.time_zone)
    return TimelineData(timeline, zones.most_common(1)[0][0] if zones else "UTC")


class TimelineView(QWidget):
    """The toolbar (zoom, fit, what is not shown) over the timeline; right-to-left in Arabic."""

    chosen = Signal(object)  # TimelineEntry
    shown = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timelineView")
        self.canvas = TimelineCanvas(self)
        self.canvas.chosen.connect(self.chosen)
        self.stale = False
        self._fitted = False
        bar = QHBoxLayout()
        self.buttons: dict[str, QToolButton] = {}
        for key, text, tip, slot in (
            ("zoom_in", "+", tr("Show more detail (+, or Ctrl and the mouse wheel)"), self._zoom_in),
            ("zoom_out", "\u2212", tr("Show a longer time (-)"), self._zoom_out),
            ("fit", tr("Fit everything"), tr("Show every entry (Home)"), self.canvas.fit),
        ):
            button = QToolButton(self)
            button.setObjectName(f"timeline_{key}")
            button.setText(text)
            button.setToolTip(tip)
            button.setAccessibleName(tip)
            button.clicked.connect(lambda _checked=False, slot=slot: slot())
            bar.addWidget(button)
            self.buttons[key] = button
        self.zone_label = QLabel(self)
        self.zone_label.setObjectName("timelineZone")
        bar.addSpacing(12)
        bar.addWidget(self.zone_label)
        bar.addStretch(1)
        self.count = QLabel(self)
        self.count.setObjectName("timelineCount")
        bar.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.canvas, 1)

    def _zoom_in(self) -> None:
        self.canvas.zoom_by(ZOOM_STEP)

    def _zoom_out(self) -> None:
        self.canvas.zoom_by(1 / ZOOM_STEP)

    def set_data(self, data: TimelineData) -> None:
        timeline = data.timeline
        self.canvas.set_entries(list(timeline.entries), data.zone)
        if not self._fitted:
            self._fitted = True
            self.canvas.fit()
        self.zone_label.setText(tr("times in {zone}").format(zone=data.zone))
        undated = timeline.undated
        self.count.setText(
            tr("{shown} dated; not shown, without a time: {incidents} incident(s), {exhibits} exhibit(s)").format(
                shown=len(timeline.entries),
                incidents=undated.get("incident", 0),
                exhibits=undated.get("exhibit", 0),
            )
        )

    def clear(self) -> None:
        self.canvas.clear()
        self.count.clear()
        self.zone_label.clear()
        self._fitted = False
        self.stale = False

    def showEvent(self, event: object) -> None:
        super().showEvent(event)  # type: ignore[arg-type]
        self.shown.emit()
