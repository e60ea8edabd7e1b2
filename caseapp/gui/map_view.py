"""The "Map" view: incidents and geotagged exhibits on country outlines drawn offline.

:func:`load_map` runs on a worker (through the task runner): it reads the incidents and exhibits
through the record service, which hides protected names, and the outlines (decoded once). The
view shows them; clicking a marker emits :attr:`MapView.chosen` with the record.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QPointF, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from caseapp.core.entities import Incident, PlacePrecision
from caseapp.core.geo import DETAILS
from caseapp.core.refs import RefKind
from caseapp.core.suggestions import Suggestion
from caseapp.gui.map_canvas import EXHIBIT_COLOUR, INCIDENT_COLOUR, MapCanvas, MapPoint, diamond
from caseapp.gui.map_geo import World, world
from caseapp.gui.map_suggestions import SuggestionPanel

if TYPE_CHECKING:
    from caseapp.core.services import RecordService


def tr(text: str) -> str:
    return QCoreApplication.translate("MapView", text)


@dataclass(frozen=True, slots=True)
class MapData:
    points: tuple[MapPoint, ...]
    without_place: int  # live incidents and exhibits that have no coordinates
    worlds: dict[str, World] = field(default_factory=dict)
    suggestions: tuple[Suggestion, ...] = ()  # incidents suggested from exhibits' places and times
    time_zone: str = "UTC"  # the case's: suggestions' times are shown in it


def load_map(records: RecordService) -> MapData:
    """The records with a place (titles with protected names hidden) and the outlines. Worker thread."""
    points: list[MapPoint] = []
    without = 0
    for kind, found in ((RefKind.INCIDENT, records.incidents()), (RefKind.EXHIBIT, records.exhibits())):
        for record in found:
            if record.latitude is None or record.longitude is None:
                without += 1
                continue
            # an exhibit's place is its file's own GPS position, read as exact (as the timeline does)
            precision = record.place_precision if isinstance(record, Incident) else PlacePrecision.EXACT
            points.append(
                MapPoint(
                    kind,
                    record.id,
                    record.ref,
                    record.title,
                    record.latitude,
                    record.longitude,
                    precision,
                )
            )
    listed = records.incident_suggestions()
    worlds = {detail: world(detail) for detail in DETAILS}
    return MapData(tuple(points), without, worlds, listed.suggestions, listed.time_zone)


def legend_icon(kind: RefKind, size: int = 14) -> QPixmap:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.GlobalColor.white)
    half = size / 2
    if kind is RefKind.INCIDENT:
        painter.setBrush(INCIDENT_COLOUR)
        painter.drawEllipse(QPointF(half, half), half - 1, half - 1)
    else:
        painter.setBrush(EXHIBIT_COLOUR)
        painter.drawPolygon(diamond(QPointF(half, half), half - 1))
    painter.end()
    return pixmap


class MapView(QWidget):
    """The toolbar (zoom, fit, legend) over the canvas; it lays out right-to-left in Arabic."""

    chosen = Signal(object)  # MapPoint
    shown = Signal()
    confirm_requested = Signal(object, str)  # Suggestion, the title typed ("" for the suggested one)
    dismiss_requested = Signal(object)  # Suggestion

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mapView")
        self.canvas = MapCanvas(self)
        self.canvas.chosen.connect(self.chosen)
        self.stale = False
        self._fitted = False
        bar = QHBoxLayout()
        self.buttons: dict[str, QToolButton] = {}
        for key, text, tip, slot in (
            ("zoom_in", "+", tr("Zoom in (+, or the mouse wheel)"), lambda: self.canvas.zoom_by(2.0)),
            ("zoom_out", "\u2212", tr("Zoom out (-)"), lambda: self.canvas.zoom_by(0.5)),
            ("fit", tr("Fit the markers"), tr("Show every marker (Home)"), self.canvas.fit_points),
            ("world", tr("Whole world"), tr("Show the whole world"), self.canvas.fit_world),
        ):
            button = QToolButton(self)
            button.setObjectName(f"map_{key}")
            button.setText(text)
            button.setToolTip(tip)
            button.setAccessibleName(tip)
            button.clicked.connect(lambda _checked=False, slot=slot: slot())
            bar.addWidget(button)
            self.buttons[key] = button
        bar.addSpacing(12)
        for kind, text in ((RefKind.INCIDENT, tr("Incident")), (RefKind.EXHIBIT, tr("Exhibit"))):
            icon = QLabel(self)
            icon.setPixmap(legend_icon(kind))
            bar.addWidget(icon)
            bar.addWidget(QLabel(text, self))
        circle = QLabel(tr("circle: where the place may be"), self)
        circle.setToolTip(tr("How precisely each place is known: ±10 m, ±100 m, ±1 km, or a region (±10 km)"))
        circle.setStyleSheet(f"color: {QColor(90, 90, 90).name()}")
        bar.addWidget(circle)
        bar.addStretch(1)
        self.count = QLabel(self)
        self.count.setObjectName("mapCount")
        bar.addWidget(self.count)
        self.suggestions = SuggestionPanel(self)
        self.suggestions.chosen.connect(self.canvas.show_suggestion)
        self.suggestions.confirm_requested.connect(self.confirm_requested)
        self.suggestions.dismiss_requested.connect(self.dismiss_requested)
        body = QHBoxLayout()  # the list beside the map; Qt mirrors it right-to-left
        body.addWidget(self.canvas, 1)
        body.addWidget(self.suggestions)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addLayout(body, 1)

    def set_data(self, data: MapData) -> None:
        self.canvas.set_worlds(data.worlds)
        self.canvas.set_points(list(data.points))
        self.canvas.set_suggestions(list(data.suggestions))
        self.suggestions.set_suggestions(data.suggestions, data.time_zone)
        if not self._fitted:  # the first load of a case shows its markers; later loads keep the view
            self._fitted = True
            self.canvas.fit_points()
        self.count.setText(
            tr("{shown} on the map, {without} without a place").format(
                shown=len(data.points), without=data.without_place
            )
        )

    def clear(self) -> None:
        self.canvas.clear()
        self.suggestions.set_suggestions(())
        self.count.clear()
        self._fitted = False
        self.stale = False

    def showEvent(self, event: object) -> None:
        super().showEvent(event)  # type: ignore[arg-type]
        self.shown.emit()
