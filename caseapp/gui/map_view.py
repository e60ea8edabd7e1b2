"""The "Map" view: incidents and geotagged exhibits on country outlines drawn offline, with street
detail from the user's own offline tile package (MBTiles, raster tiles) when they choose one.

:func:`load_map` runs on a worker (through the task runner): it reads the incidents and exhibits
through the record service, which hides protected names, and the outlines (decoded once). The
view shows them; clicking a marker emits :attr:`MapView.chosen` with the record. The tile package
is chosen with a file dialog and remembered in the user's settings (one for every case; it names
no case); one that cannot be used is refused with the reason, and the map goes on without it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QColor, QShowEvent
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QToolButton, QWidget

from caseapp.core.entities import Incident, PlacePrecision
from caseapp.core.geo import DETAILS
from caseapp.core.refs import RefKind
from caseapp.core.suggestions import Suggestion
from caseapp.gui.errors import message_for
from caseapp.gui.map_canvas import MapCanvas, MapPoint
from caseapp.gui.map_geo import World, world
from caseapp.gui.map_marks import legend_icon
from caseapp.gui.map_suggestions import SuggestionPanel
from caseapp.gui.map_tiles import TileLayer
from caseapp.gui.place_view import PlaceView
from caseapp.gui.settings import Settings

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


class MapView(PlaceView):
    """The toolbar (zoom, fit, legend) over the canvas, the suggested incidents beside it."""

    confirm_requested = Signal(object, str)  # Suggestion, the title typed ("" for the suggested one)
    dismiss_requested = Signal(object)  # Suggestion

    def __init__(self, parent: QWidget | None = None, settings: Settings | None = None) -> None:
        super().__init__("map", parent)
        self.settings = settings or Settings()
        self.canvas = MapCanvas(self)
        self.canvas.chosen.connect(self.chosen)
        self.canvas.tiles_failed.connect(self._tiles_failed)
        self._tiles_read = False  # the remembered package is opened when the map is first shown
        self.add_tool_buttons(
            (
                ("zoom_in", "+", tr("Zoom in (+, or the mouse wheel)"), lambda: self.canvas.zoom_by(2.0)),
                ("zoom_out", "\u2212", tr("Zoom out (-)"), lambda: self.canvas.zoom_by(0.5)),
                ("fit", tr("Fit the markers"), tr("Show every marker (Home)"), self.canvas.fit_points),
                ("world", tr("Whole world"), tr("Show the whole world"), self.canvas.fit_world),
            )
        )
        for kind, text in ((RefKind.INCIDENT, tr("Incident")), (RefKind.EXHIBIT, tr("Exhibit"))):
            icon = QLabel(self)
            icon.setPixmap(legend_icon(kind))
            self.bar.addWidget(icon)
            self.bar.addWidget(QLabel(text, self))
        circle = QLabel(tr("circle: where the place may be"), self)
        circle.setToolTip(tr("How precisely each place is known: ±10 m, ±100 m, ±1 km, or a region (±10 km)"))
        circle.setStyleSheet(f"color: {QColor(90, 90, 90).name()}")
        self.bar.addWidget(circle)
        self.suggestions = SuggestionPanel(self)
        self.suggestions.chosen.connect(self.canvas.show_suggestion)
        self.suggestions.confirm_requested.connect(self.confirm_requested)
        self.suggestions.dismiss_requested.connect(self.dismiss_requested)
        body = QHBoxLayout()  # the list beside the map; Qt mirrors it right-to-left
        body.addWidget(self.canvas, 1)
        body.addWidget(self.suggestions)
        self.lay_out(body, self._tile_bar())

    def _tile_bar(self) -> QHBoxLayout:
        """Choose or remove the offline tile package; what is shown, or why it cannot be."""
        bar = QHBoxLayout()
        self.choose_tiles = QToolButton(self)
        self.choose_tiles.setObjectName("map_tiles")
        self.choose_tiles.setText(tr("Street tiles…"))
        self.choose_tiles.setToolTip(tr("Show street detail from an offline tile package of your own (.mbtiles)"))
        self.choose_tiles.setAccessibleName(self.choose_tiles.toolTip())
        self.choose_tiles.clicked.connect(self.choose_tile_package)
        self.no_tiles = QToolButton(self)
        self.no_tiles.setObjectName("map_no_tiles")
        self.no_tiles.setText(tr("No street tiles"))
        self.no_tiles.setToolTip(tr("Show the country outlines only"))
        self.no_tiles.clicked.connect(self.remove_tile_package)
        self.no_tiles.setEnabled(False)
        self.tiles_status = QLabel(self)
        self.tiles_status.setObjectName("mapTilesStatus")
        self.tiles_status.setWordWrap(True)
        for widget in (self.choose_tiles, self.no_tiles):
            bar.addWidget(widget)
        bar.addWidget(self.tiles_status, 1)
        return bar

    # -- the offline tile package
    def choose_tile_package(self) -> None:
        start = str(Path(self.settings.map_tiles).parent) if self.settings.map_tiles else ""
        path, _filter = QFileDialog.getOpenFileName(
            self,
            tr("Choose an offline tile package"),
            start,
            tr("MBTiles tile packages (*.mbtiles);;All files (*)"),
        )
        if path:
            self.use_tile_package(Path(path))

    def use_tile_package(self, path: Path, *, remember: bool = True) -> bool:
        """Open ``path`` (read-only) and paint its tiles; say why when it cannot be used (the map
        keeps what it showed). The choice is remembered for the next start."""
        from caseapp.app.tiles import open_tile_package

        self._tiles_read = True
        try:
            layer = TileLayer(open_tile_package(path))
        except Exception as error:
            self._show_tiles_error(error)
            return False
        if remember:
            self.settings.map_tiles = str(path)
        self.canvas.set_tiles(layer)
        self.no_tiles.setEnabled(True)
        self.tiles_status.setStyleSheet("")
        self.tiles_status.setText(
            tr("Street tiles: {name} (zoom levels {low} to {high})").format(
                name=layer.info.name, low=layer.info.min_zoom, high=layer.info.max_zoom
            )
        )
        return True

    def remove_tile_package(self) -> None:
        self.canvas.set_tiles(None)
        self.settings.map_tiles = ""
        self.no_tiles.setEnabled(False)
        self.tiles_status.setStyleSheet("")
        self.tiles_status.clear()

    def _tiles_failed(self, error: BaseException) -> None:
        self.no_tiles.setEnabled(False)
        self._show_tiles_error(error)

    def _show_tiles_error(self, error: BaseException) -> None:
        self.tiles_status.setStyleSheet("color: #b00020")
        self.tiles_status.setText(tr("Street tiles not shown: {reason}").format(reason=message_for(error)))

    def set_data(self, data: MapData) -> None:
        self.canvas.set_worlds(data.worlds)
        self.canvas.set_points(list(data.points))
        self.canvas.set_suggestions(list(data.suggestions))
        self.suggestions.set_suggestions(data.suggestions, data.time_zone)
        if self.first_load():  # the first load of a case shows its markers; later loads keep the view
            self.canvas.fit_points()
        self.count.setText(
            tr("{shown} on the map, {without} without a place").format(
                shown=len(data.points), without=data.without_place
            )
        )

    def clear(self) -> None:
        super().clear()
        self.canvas.clear()
        self.suggestions.set_suggestions(())

    def showEvent(self, event: QShowEvent) -> None:
        if not self._tiles_read:  # the remembered package is opened before `shown` asks for the data
            self._tiles_read = True
            if self.settings.map_tiles:
                self.use_tile_package(Path(self.settings.map_tiles), remember=False)
        super().showEvent(event)
