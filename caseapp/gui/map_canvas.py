"""The map itself: country outlines, markers with the precision of their place, zoom, pan, click.

Painted with QPainter from data on this machine only (``map_geo``; and, when the user chose one,
their own offline tile package under the borders, ``map_tiles``): no tile server, no network. North
is up and east is right in every language; only the scale bar and the attribution swap corners
right-to-left. Scale is in pixels per world unit (the world is a square of side 1, see
``map_geo``); a world unit is 40 075 km at the equator.
"""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from PySide6.QtCore import QCoreApplication, QEvent, QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QToolTip, QWidget

from caseapp.core.entities import PlacePrecision
from caseapp.core.errors import UserError
from caseapp.core.refs import RefKind
from caseapp.core.suggestions import Suggestion
from caseapp.gui.map_geo import World, metres_per_unit, project, unproject
from caseapp.gui.map_marks import (
    MARKER_RADIUS,
    PRECISION_METRES,
    SUGGESTION_COLOUR,
    circle_colours,
    distance_text,
    nice_distance,
    precision_text,
    sprite,
)
from caseapp.gui.map_tiles import TileLayer, plain_attribution


def tr(text: str) -> str:
    return QCoreApplication.translate("MapCanvas", text)


SUGGESTION_MIN_RADIUS = 12.0  # pixels: an outline is at least this big whatever the zoom
SEA = QColor(205, 224, 240)
LAND = QColor(238, 233, 220)
BORDER = QColor(150, 140, 125)
MAX_CIRCLES = 300
FINE_DETAIL_SCALE = 6_000.0  # from this scale on (about 6.7 km a pixel) the 1:50m outlines are drawn
MIN_SCALE, MAX_SCALE = 64.0, 256.0 * 2**19  # the whole world in 64 px .. about 0.3 m a pixel
FIT_MAX_SCALE = 256.0 * 2**14  # fitting the markers zooms in no closer than a few streets
ZOOM_STEP = 2.0
PAN_STEP = 0.25  # of the view, per arrow key
DRAG_THRESHOLD = 4  # pixels a press may move and still be a click


@dataclass(frozen=True, slots=True)
class MapPoint:
    """A record with a place on the map (titles as the services read them: protected names hidden)."""

    kind: RefKind  # INCIDENT or EXHIBIT
    id: UUID
    ref: str
    title: str
    latitude: float
    longitude: float
    precision: PlacePrecision

    @property
    def world(self) -> tuple[float, float]:
        return project(self.latitude, self.longitude)


class MapCanvas(QWidget):
    """See the module docstring. Feed it with :meth:`set_worlds` and :meth:`set_points`."""

    chosen = Signal(object)  # the MapPoint clicked
    view_changed = Signal()
    tiles_failed = Signal(object)  # the TileError of a tile package that failed while painting

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mapCanvas")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(False)
        self.setMinimumSize(200, 150)
        self.setAccessibleName(tr("Map"))
        self.worlds: dict[str, World] = {}
        self.points: list[MapPoint] = []
        self.selected: UUID | None = None  # the record shown in the detail panel, ringed
        self.suggestions: list[Suggestion] = []
        self.chosen_suggestion: str | None = None  # its outline drawn thicker
        self._world_xy: list[tuple[float, float]] = []
        self._metres: list[float] = []
        self.circles_hidden = False  # too many circles on screen: none drawn
        self.centre = (0.5, 0.5)
        self.scale = 256.0
        self._press: QPoint | None = None
        self._dragged = False
        self.tiles: TileLayer | None = None  # the user's offline tile package, painted under the borders

    # -- data
    def set_worlds(self, worlds: dict[str, World]) -> None:
        self.worlds = dict(worlds)
        self.update()

    def set_points(self, points: list[MapPoint]) -> None:
        self.points = list(points)
        self._world_xy = [p.world for p in self.points]
        self._metres = [PRECISION_METRES.get(p.precision, 0.0) for p in self.points]
        self.update()

    def set_tiles(self, tiles: TileLayer | None) -> None:
        """Paint ``tiles`` under the borders (None: outlines only); the previous package is closed."""
        if self.tiles is not None and self.tiles is not tiles:
            self.tiles.close()
        self.tiles = tiles
        self.update()

    def set_suggestions(self, suggestions: list[Suggestion]) -> None:
        self.suggestions = list(suggestions)
        if self.chosen_suggestion not in {s.id for s in self.suggestions}:
            self.chosen_suggestion = None
        self.update()

    def show_suggestion(self, suggestion: Suggestion) -> None:
        """Centre the view on a suggestion, zoomed to show its whole outline."""
        self.chosen_suggestion = suggestion.id
        room = max(50.0, min(self.width(), self.height()) - 80.0)
        span = 2 * max(suggestion.radius_m, 50.0) / metres_per_unit(suggestion.latitude)
        self.centre = project(suggestion.latitude, suggestion.longitude)
        self.scale = max(MIN_SCALE, min(FIT_MAX_SCALE, room / span))
        self._changed()

    def suggestion_outline(self, suggestion: Suggestion) -> tuple[QPointF, float]:
        """Where a suggestion's outline is drawn: its centre and radius in pixels."""
        radius = suggestion.radius_m / metres_per_unit(suggestion.latitude) * self.scale
        return self.pixel_of(suggestion.latitude, suggestion.longitude), max(SUGGESTION_MIN_RADIUS, radius)

    def clear(self) -> None:
        self.set_points([])
        self.set_suggestions([])
        self.selected = None
        self.centre, self.scale = (0.5, 0.5), 256.0
        self.update()

    # -- the view
    def set_view(self, latitude: float, longitude: float, scale: float) -> None:
        self.centre = project(latitude, longitude)
        self.scale = max(MIN_SCALE, min(MAX_SCALE, scale))
        self._clamp()

    def view_centre(self) -> tuple[float, float]:
        """(latitude, longitude) at the centre of the view."""
        return unproject(*self.centre)

    def fit_world(self) -> None:
        self.centre = (0.5, 0.5)
        self.scale = max(MIN_SCALE, min(self.width(), self.height()) * 1.0)
        self._changed()

    def fit_points(self) -> None:
        """Show every marker, the nearest zoom that does (the whole world when there is none)."""
        if not self._world_xy:
            self.fit_world()
            return
        xs, ys = [], []
        for point, (x, y) in zip(self.points, self._world_xy, strict=True):
            reach = PRECISION_METRES.get(point.precision, 0.0) / metres_per_unit(point.latitude)  # its circle too
            xs += [x - reach, x + reach]
            ys += [y - reach, y + reach]
        span = max(max(xs) - min(xs), max(ys) - min(ys), 1e-9)
        room = max(50.0, min(self.width(), self.height()) - 80.0)
        self.centre = ((min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2)
        self.scale = max(MIN_SCALE, min(FIT_MAX_SCALE, room / span))
        self._changed()

    def zoom_by(self, factor: float, anchor: QPointF | None = None) -> None:
        """Zoom by ``factor`` keeping the place under ``anchor`` (default: the centre) where it is."""
        anchor = anchor if anchor is not None else QPointF(self.width() / 2, self.height() / 2)
        before = self.world_at(anchor)
        self.scale = max(MIN_SCALE, min(MAX_SCALE, self.scale * factor))
        after = self.world_at(anchor)
        self.centre = (self.centre[0] + before[0] - after[0], self.centre[1] + before[1] - after[1])
        self._changed()

    def pan_by(self, dx: float, dy: float) -> None:
        """Move the map by (dx, dy) pixels (the content follows the mouse)."""
        self.centre = (self.centre[0] - dx / self.scale, self.centre[1] - dy / self.scale)
        self._changed()

    def _clamp(self) -> None:
        x, y = self.centre
        self.centre = (min(1.0, max(0.0, x)), min(1.0, max(0.0, y)))

    def _changed(self) -> None:
        self._clamp()
        self.update()
        self.view_changed.emit()

    def pixel_of_world(self, x: float, y: float) -> QPointF:
        return QPointF(
            (x - self.centre[0]) * self.scale + self.width() / 2, (y - self.centre[1]) * self.scale + self.height() / 2
        )

    def pixel_of(self, latitude: float, longitude: float) -> QPointF:
        """Where a place is drawn, in the canvas's pixels."""
        return self.pixel_of_world(*project(latitude, longitude))

    def world_at(self, pixel: QPointF) -> tuple[float, float]:
        return (
            self.centre[0] + (pixel.x() - self.width() / 2) / self.scale,
            self.centre[1] + (pixel.y() - self.height() / 2) / self.scale,
        )

    def metres_per_pixel(self) -> float:
        return metres_per_unit(self.view_centre()[0]) / self.scale

    def points_at(self, pixel: QPointF) -> list[MapPoint]:
        """The markers under ``pixel``, nearest first (incidents before exhibits at equal distance)."""
        reach = (MARKER_RADIUS + 3) ** 2
        found = []
        for point, (x, y) in zip(self.points, self._world_xy, strict=True):
            at = self.pixel_of_world(x, y)
            distance = (at.x() - pixel.x()) ** 2 + (at.y() - pixel.y()) ** 2
            if distance <= reach:
                found.append((distance, point.kind is not RefKind.INCIDENT, point.ref, point))
        return [item[3] for item in sorted(found, key=lambda item: item[:3])]

    # -- painting
    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), SEA)
        self._paint_outlines(painter)
        if self._paint_tiles(painter):
            self._paint_outlines(painter, fill=False)  # the borders stay visible over the tiles
        self._paint_suggestions(painter)
        self._paint_markers(painter)
        self._paint_furniture(painter)
        painter.end()

    def _paint_tiles(self, painter: QPainter) -> bool:
        """The tile package's tiles at the zoom that matches; a package that fails is dropped
        (:attr:`tiles_failed` says why) and the map goes on with its outlines."""
        if self.tiles is None:
            return False
        try:
            return self.tiles.paint(painter, self.centre, self.scale, self.width(), self.height()) > 0
        except UserError as error:
            failed, self.tiles = self.tiles, None
            failed.close()
            self.tiles_failed.emit(error)
            return False

    def _paint_outlines(self, painter: QPainter, *, fill: bool = True) -> None:
        detail = "50m" if self.scale >= FINE_DETAIL_SCALE and "50m" in self.worlds else "110m"
        world = self.worlds.get(detail)
        if world is None:
            return
        top_left, bottom_right = self.world_at(QPointF(0, 0)), self.world_at(QPointF(self.width(), self.height()))
        shown = QRectF(QPointF(*top_left), QPointF(*bottom_right))
        painter.save()
        painter.translate(QPointF(self.width() / 2, self.height() / 2))  # (a point: the string scan reads
        painter.scale(self.scale, self.scale)  # translate(a, b) as a translation call)
        painter.translate(QPointF(-self.centre[0], -self.centre[1]))
        painter.setClipRect(QRectF(0, 0, 1, 1))  # the halves of the rings that cross 180° stay inside
        pen = QPen(BORDER, 1.0)
        pen.setCosmetic(True)
        painter.setPen(pen)
        painter.setBrush(LAND if fill else Qt.BrushStyle.NoBrush)
        for country in world.countries:
            if country.bounds.intersects(shown):
                painter.drawPath(country.path)
        painter.restore()

    def _paint_suggestions(self, painter: QPainter) -> None:
        """Each suggested incident as an orange dashed circle round its exhibits, under the markers
        (a lighter fill; the chosen one drawn thicker)."""
        fill = QColor(SUGGESTION_COLOUR)
        fill.setAlpha(45)
        for suggestion in self.suggestions:
            centre, radius = self.suggestion_outline(suggestion)
            if centre.x() + radius < 0 or centre.y() + radius < 0:
                continue
            if centre.x() - radius > self.width() or centre.y() - radius > self.height():
                continue
            chosen = suggestion.id == self.chosen_suggestion
            painter.setPen(QPen(SUGGESTION_COLOUR, 3.0 if chosen else 2.0, Qt.PenStyle.DashLine))
            painter.setBrush(fill)
            painter.drawEllipse(centre, radius, radius)

    def _paint_markers(self, painter: QPainter) -> None:
        """Every marker on screen: markers falling on the same pixel are drawn once (a prepared
        image each, so 10 000 markers paint in tens of milliseconds), circles under markers,
        exhibits (diamonds) under incidents (discs), a ring round the selected record. With more
        than MAX_CIRCLES circles on screen none is drawn (thousands of overlapping circles hide the
        map and cost seconds): zooming in shows them, and the view says so."""
        metres_per_pixel = self.metres_per_pixel()
        (cx, cy), scale = self.centre, self.scale
        half_w, half_h, width, height = self.width() / 2, self.height() / 2, self.width(), self.height()
        circles: dict[tuple[int, int, bool, int], float] = {}
        markers: dict[tuple[int, int, bool], tuple[float, float]] = {}
        selected: QPointF | None = None
        for point, (x, y), metres in zip(self.points, self._world_xy, self._metres, strict=True):
            px, py = (x - cx) * scale + half_w, (y - cy) * scale + half_h
            radius = metres / metres_per_pixel
            reach = (radius if radius > MARKER_RADIUS else MARKER_RADIUS) + 2
            if px < -reach or py < -reach or px > width + reach or py > height + reach:
                continue
            key = (int(px + 0.5), int(py + 0.5), point.kind is RefKind.INCIDENT)
            if radius > MARKER_RADIUS:
                circles[(*key, int(radius))] = radius
            if key not in markers:
                markers[key] = (px, py)
            if point.id == self.selected:
                selected = QPointF(px, py)
        self.circles_hidden = len(circles) > MAX_CIRCLES
        if not self.circles_hidden:
            for (x_px, y_px, incident, _), radius in circles.items():
                fill, edge = circle_colours(incident)
                painter.setPen(QPen(edge, 1.0, Qt.PenStyle.DashLine))
                painter.setBrush(fill)
                painter.drawEllipse(QPointF(x_px, y_px), radius, radius)
        ratio = self.devicePixelRatioF()
        half = sprite(False, ratio).width() / ratio / 2
        for incident in (False, True):
            image = sprite(incident, ratio)
            for (_, _, kind), (px, py) in markers.items():
                if kind is incident:
                    painter.drawPixmap(QPointF(px - half, py - half), image)
        if selected is not None:
            painter.setPen(QPen(QColor(20, 20, 20), 2.0))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(selected, MARKER_RADIUS + 4, MARKER_RADIUS + 4)

    def _paint_furniture(self, painter: QPainter) -> None:
        """The scale bar and the attribution, in the corners (swapped right-to-left)."""
        rtl = self.layoutDirection() == Qt.LayoutDirection.RightToLeft
        metres = nice_distance(self.metres_per_pixel() * 120)
        length = metres / self.metres_per_pixel()
        bottom = self.height() - 12
        left = self.width() - 12 - length if rtl else 12.0
        painter.setPen(QPen(QColor(40, 40, 40), 2))
        painter.drawLine(QPointF(left, bottom), QPointF(left + length, bottom))
        for x in (left, left + length):
            painter.drawLine(QPointF(x, bottom - 5), QPointF(x, bottom))
        label_box = QRectF(left, bottom - 22, length, 18)
        painter.drawText(label_box, Qt.AlignmentFlag.AlignCenter, distance_text(metres))
        if self.circles_hidden:
            painter.setPen(QColor(60, 60, 60))
            painter.drawText(
                QRectF(8, 6, self.width() - 16, 20),
                Qt.AlignmentFlag.AlignCenter,
                tr("Too many places on screen to draw how precisely each is known: zoom in to see the circles"),
            )
        note = tr("Outlines: Natural Earth")
        if self.tiles is not None:
            credit = plain_attribution(self.tiles.info.attribution) or self.tiles.info.name
            note = tr("{outlines}; tiles: {credit}").format(outlines=note, credit=credit)
        box = QRectF(8, self.height() - 24, self.width() - 16, 18)
        painter.setPen(QColor(80, 80, 80))
        align = Qt.AlignmentFlag.AlignLeft if rtl else Qt.AlignmentFlag.AlignRight
        painter.drawText(box, align | Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignVCenter, note)

    # -- input
    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._press = event.position().toPoint()
            self._dragged = False
            self.setFocus()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._press is None:
            return
        moved = event.position().toPoint() - self._press
        if self._dragged or moved.manhattanLength() > DRAG_THRESHOLD:
            self._dragged = True
            self.setCursor(Qt.CursorShape.ClosedHandCursor)
            self.pan_by(moved.x(), moved.y())
            self._press = event.position().toPoint()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._press is not None and not self._dragged and event.button() == Qt.MouseButton.LeftButton:
            found = self.points_at(event.position())
            if found:
                self.choose(found[0])
        self._press = None
        self._dragged = False
        self.unsetCursor()

    def choose(self, point: MapPoint) -> None:
        self.selected = point.id
        self.update()
        self.chosen.emit(point)

    def wheelEvent(self, event: QWheelEvent) -> None:
        steps = event.angleDelta().y() / 120
        if steps:
            self.zoom_by(ZOOM_STEP ** (steps / 2), event.position())
        event.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, w, h = event.key(), self.width() * PAN_STEP, self.height() * PAN_STEP
        moves = {Qt.Key.Key_Left: (w, 0), Qt.Key.Key_Right: (-w, 0), Qt.Key.Key_Up: (0, h), Qt.Key.Key_Down: (0, -h)}
        if key in moves:
            self.pan_by(*moves[Qt.Key(key)])
        elif key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_by(ZOOM_STEP)
        elif key == Qt.Key.Key_Minus:
            self.zoom_by(1 / ZOOM_STEP)
        elif key == Qt.Key.Key_Home:
            self.fit_points()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            found = self.points_at(QPointF(self.width() / 2, self.height() / 2))
            if found:
                self.choose(found[0])
        else:
            super().keyPressEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            found = self.points_at(QPointF(event.pos()))
            if found:
                lines = [tooltip_line(p) for p in found[:6]]
                if len(found) > 6:
                    lines.append(tr("and {n} more").format(n=len(found) - 6))
                QToolTip.showText(event.globalPos(), "\n".join(lines), self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.scale = max(self.scale, MIN_SCALE)


def tooltip_line(point: MapPoint) -> str:
    return f"{point.ref} — {point.title} ({precision_text(point.precision)})"
