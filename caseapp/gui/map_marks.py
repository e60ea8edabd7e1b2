"""What the map marks its places with, apart from the canvas that places them: the markers (a disc
for an incident, a diamond for an exhibit, in their colours; drawn once as a sprite, and small for
the legend), the precision circles, and the texts of the map (a distance for the scale bar, how
precisely a place is known). The timeline draws its entries in the same shapes and colours.

The texts keep the ``MapCanvas`` translation context they were written in.
"""

from __future__ import annotations

import math
from functools import cache

from PySide6.QtCore import QCoreApplication, QPointF, Qt
from PySide6.QtGui import QColor, QPainter, QPen, QPixmap, QPolygonF

from caseapp.core.entities import PlacePrecision
from caseapp.core.refs import RefKind


def tr(text: str) -> str:
    return QCoreApplication.translate("MapCanvas", text)


PRECISION_METRES = {
    PlacePrecision.EXACT: 10.0,
    PlacePrecision.VICINITY: 100.0,
    PlacePrecision.LOCALITY: 1_000.0,
    PlacePrecision.REGION: 10_000.0,  # a district or a region: drawn as ±10 km
}
"""How far from its coordinates a place may be, by the precision it was given with."""

INCIDENT_COLOUR = QColor(198, 40, 40)
EXHIBIT_COLOUR = QColor(21, 101, 192)
SUGGESTION_COLOUR = QColor(230, 120, 0)  # a suggested incident: an orange dashed outline, not yet a record
MARKER_RADIUS = 6.0  # pixels: a marker is this big whatever the zoom


def diamond(centre: QPointF, r: float) -> QPolygonF:
    """The exhibit marker (incidents are discs: the shape tells them apart, not only the colour)."""
    return QPolygonF([centre + QPointF(0, -r), centre + QPointF(r, 0), centre + QPointF(0, r), centre + QPointF(-r, 0)])


def draw_marker(painter: QPainter, incident: bool, centre: QPointF, radius: float) -> None:
    """A disc (incident) or a diamond (exhibit) filled with its colour, with the painter's pen."""
    if incident:
        painter.setBrush(INCIDENT_COLOUR)
        painter.drawEllipse(centre, radius, radius)
    else:
        painter.setBrush(EXHIBIT_COLOUR)
        painter.drawPolygon(diamond(centre, radius))


def circle_colours(incident: bool) -> tuple[QColor, QColor]:
    """The fill and the edge of a precision circle."""
    colour = INCIDENT_COLOUR if incident else EXHIBIT_COLOUR
    fill, edge = QColor(colour), QColor(colour)
    fill.setAlpha(40)
    edge.setAlpha(150)
    return fill, edge


@cache
def sprite(incident: bool, ratio: float) -> QPixmap:
    """A marker drawn once (white-edged), for a screen of device pixel ratio ``ratio``."""
    size = math.ceil((2 * MARKER_RADIUS + 3) * ratio)
    pixmap = QPixmap(size, size)
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(Qt.GlobalColor.white, 1.5))
    draw_marker(painter, incident, QPointF(size / ratio / 2, size / ratio / 2), MARKER_RADIUS)
    painter.end()
    return pixmap


def legend_icon(kind: RefKind, size: int = 14) -> QPixmap:
    """The marker of ``kind`` for the legend beside the map's buttons."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.GlobalColor.white)
    half = size / 2
    draw_marker(painter, kind is RefKind.INCIDENT, QPointF(half, half), half - 1)
    painter.end()
    return pixmap


def nice_distance(metres: float) -> float:
    """The largest of 1, 2 or 5 times a power of ten not above ``metres``."""
    power = 10.0 ** math.floor(math.log10(metres))
    return max(step * power for step in (1.0, 2.0, 5.0) if step * power <= metres)


def distance_text(metres: float) -> str:
    if metres >= 1000:
        return tr("{n} km").format(n=f"{metres / 1000:g}")
    return tr("{n} m").format(n=f"{metres:g}")


def precision_text(precision: PlacePrecision) -> str:
    texts = {
        PlacePrecision.EXACT: tr("place known to ±10 m"),
        PlacePrecision.VICINITY: tr("place known to ±100 m"),
        PlacePrecision.LOCALITY: tr("place known to ±1 km"),
        PlacePrecision.REGION: tr("place known to the region"),
        PlacePrecision.UNKNOWN: tr("precision of the place not known"),
    }
    return texts[precision]
