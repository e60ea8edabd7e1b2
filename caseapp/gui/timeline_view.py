"""The "Timeline" view: incidents and dated exhibits with the range within which each happened.

:func:`load_timeline` runs on a worker (through the task runner) and reads
:meth:`SearchService.timeline` (:mod:`caseapp.core.timeline`; titles with protected names hidden),
the same data as ``caseapp timeline --json``. Clicking a row emits :attr:`TimelineView.chosen`.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QWidget

from caseapp.core.timeline import Timeline
from caseapp.gui.place_view import PlaceView
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


class TimelineView(PlaceView):
    """The toolbar (zoom, fit, the zone, what is not shown) over the timeline."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("timeline", parent)
        self.canvas = TimelineCanvas(self)
        self.canvas.chosen.connect(self.chosen)
        self.add_tool_buttons(
            (
                ("zoom_in", "+", tr("Show more detail (+, or Ctrl and the mouse wheel)"), self._zoom_in),
                ("zoom_out", "\u2212", tr("Show a longer time (-)"), self._zoom_out),
                ("fit", tr("Fit everything"), tr("Show every entry (Home)"), self.canvas.fit),
            )
        )
        self.zone_label = QLabel(self)
        self.zone_label.setObjectName("timelineZone")
        self.bar.addWidget(self.zone_label)
        self.lay_out(self.canvas)

    def _zoom_in(self) -> None:
        self.canvas.zoom_by(ZOOM_STEP)

    def _zoom_out(self) -> None:
        self.canvas.zoom_by(1 / ZOOM_STEP)

    def set_data(self, data: TimelineData) -> None:
        timeline = data.timeline
        self.canvas.set_entries(list(timeline.entries), data.zone)
        if self.first_load():
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
        super().clear()
        self.canvas.clear()
        self.zone_label.clear()
