"""Street detail under the map from the user's own offline tile package (MBTiles, raster tiles).

:class:`TileLayer` paints the tiles of the zoom level that matches the map's scale (Web Mercator
tiles of 256 pixels: zoom z has 256 * 2**z pixels per world unit). Past the package's deepest
level the deepest tiles are enlarged; where a tile is missing, the part of a coarser tile that
covers it (up to :data:`FALLBACK_LEVELS` levels up) is drawn instead. Decoded tiles are kept in a
small cache. A tile whose image does not decode, or claims to be larger than
:data:`MAX_TILE_PIXELS` on a side, is left out. Nothing is fetched: a tile the package does not
hold is simply not drawn.
"""

from __future__ import annotations

import math
import re
from collections import OrderedDict

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF
from PySide6.QtGui import QImage, QImageReader, QPainter

from caseapp.core.tiles import TileSource

TILE_SIZE = 256
MAX_TILES_ON_SCREEN = 400  # more than this (zoomed far out of the package's levels): no tiles drawn
FALLBACK_LEVELS = 4
CACHE_TILES = 512
MAX_TILE_PIXELS = 1024
_TAGS = re.compile(r"<[^>]*>")


def plain_attribution(text: str) -> str:
    """An attribution as text (packages often store HTML links): tags removed, spaces collapsed."""
    return " ".join(_TAGS.sub("", text).split())[:160]


def zoom_for(scale: float, min_zoom: int, max_zoom: int) -> int:
    """The package's zoom level nearest to ``scale`` pixels per world unit."""
    ideal = round(math.log2(max(scale, 1.0) / TILE_SIZE))
    return max(min_zoom, min(max_zoom, ideal))


class TileLayer:
    """A tile package and its decoded tiles; :meth:`paint` draws what the view shows."""

    def __init__(self, source: TileSource) -> None:
        self.source = source
        self.info = source.info
        self._cache: OrderedDict[tuple[int, int, int], QImage | None] = OrderedDict()
        self.drawn = 0  # tiles drawn by the last paint

    def close(self) -> None:
        self._cache.clear()
        self.source.close()

    def image(self, zoom: int, x: int, y: int) -> QImage | None:
        key = (zoom, x, y)
        if key in self._cache:
            self._cache.move_to_end(key)
            return self._cache[key]
        image = _decode(self.source.tile(zoom, x, y))
        self._cache[key] = image
        if len(self._cache) > CACHE_TILES:
            self._cache.popitem(last=False)
        return image

    def paint(self, painter: QPainter, centre: tuple[float, float], scale: float, width: int, height: int) -> int:
        """Draw the tiles covering a view of ``width`` x ``height`` pixels centred on ``centre``
        (world units) at ``scale``; return how many were drawn. Raises TileError if the file fails."""
        zoom = zoom_for(scale, self.info.min_zoom, self.info.max_zoom)
        count = 1 << zoom
        left, top = centre[0] - width / 2 / scale, centre[1] - height / 2 / scale
        right, bottom = centre[0] + width / 2 / scale, centre[1] + height / 2 / scale
        first_x, last_x = max(0, math.floor(left * count)), min(count - 1, math.floor(right * count))
        first_y, last_y = max(0, math.floor(top * count)), min(count - 1, math.floor(bottom * count))
        self.drawn = 0
        if last_x < first_x or last_y < first_y:
            return 0
        if (last_x - first_x + 1) * (last_y - first_y + 1) > MAX_TILES_ON_SCREEN:
            return 0
        side = scale / count  # a tile's side on screen, in pixels
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)  # no seams between tiles
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
        for ty in range(first_y, last_y + 1):
            for tx in range(first_x, last_x + 1):
                target = QRectF(
                    (tx / count - centre[0]) * scale + width / 2,
                    (ty / count - centre[1]) * scale + height / 2,
                    side,
                    side,
                )
                if self._draw(painter, target, zoom, tx, ty):
                    self.drawn += 1
        painter.restore()
        return self.drawn

    def _draw(self, painter: QPainter, target: QRectF, zoom: int, x: int, y: int) -> bool:
        """Tile (zoom, x, y), or the part of the nearest coarser tile that covers it."""
        for up in range(FALLBACK_LEVELS + 1):
            level = zoom - up
            if level < self.info.min_zoom:
                return False
            image = self.image(level, x >> up, y >> up)
            if image is None:
                continue
            part = image.width() / (1 << up), image.height() / (1 << up)
            mask = (1 << up) - 1
            source = QRectF((x & mask) * part[0], (y & mask) * part[1], part[0], part[1])
            painter.drawImage(target, image, source)
            return True
        return False


def _decode(data: bytes | None) -> QImage | None:
    if not data:
        return None
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    size = reader.size()
    if not size.isValid() or size.width() > MAX_TILE_PIXELS or size.height() > MAX_TILE_PIXELS:
        return None
    image = reader.read()
    return None if image.isNull() else image
