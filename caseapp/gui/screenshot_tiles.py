"""A small synthetic street-tile package around Aleppo for the screenshots (``make screenshots``):
pale blocks between grey streets, each tile labelled with its zoom/x/y, zoom levels 9 to 13, written
as an MBTiles file (TMS rows) with Python's sqlite3. It is a drawing, not a map of real streets."""

from __future__ import annotations

import math
import sqlite3
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRect, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPen

AREA = (36.10, 37.02, 36.30, 37.26)  # south, west, north, east: Aleppo and around
ZOOMS = range(9, 14)


def _tile_range(zoom: int) -> tuple[range, range]:
    def xy(lat: float, lon: float) -> tuple[int, int]:
        n = 1 << zoom
        y = (1 - math.log(math.tan(math.radians(lat)) + 1 / math.cos(math.radians(lat))) / math.pi) / 2
        return int((lon + 180) / 360 * n), int(y * n)

    west, north = xy(AREA[2], AREA[1])
    east, south = xy(AREA[0], AREA[3])
    return range(west, east + 1), range(north, south + 1)


def _tile(zoom: int, x: int, y: int) -> bytes:
    image = QImage(256, 256, QImage.Format.Format_RGB32)
    image.fill(QColor(242, 239, 233))
    painter = QPainter(image)
    painter.setPen(QPen(QColor(255, 255, 255), 6))
    step = 32 if zoom >= 12 else 64
    for offset in range(0, 257, step):
        painter.drawLine(offset, 0, offset, 256)
        painter.drawLine(0, offset, 256, offset)
    painter.setPen(QPen(QColor(190, 185, 175), 1))
    for offset in range(0, 257, step):
        painter.drawLine(offset - 3, 0, offset - 3, 256)
        painter.drawLine(0, offset - 3, 256, offset - 3)
    painter.setPen(QColor(150, 150, 150))
    painter.drawText(QRect(4, 4, 248, 16), Qt.AlignmentFlag.AlignLeft, f"sample tile {zoom}/{x}/{y}")
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]  # (the stubs say bytes; PySide6 takes str)
    return bytes(data.data())


def write_sample_tiles(path: Path) -> Path:
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE metadata (name TEXT, value TEXT)")
        db.execute("CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB)")
        db.executemany(
            "INSERT INTO metadata VALUES (?, ?)",
            [("name", "Sample streets (synthetic)"), ("format", "png"), ("attribution", "synthetic sample tiles")],
        )
        for zoom in ZOOMS:
            columns, rows = _tile_range(zoom)
            db.executemany(
                "INSERT INTO tiles VALUES (?, ?, ?, ?)",
                [(zoom, x, (1 << zoom) - 1 - y, _tile(zoom, x, y)) for x in columns for y in rows],
            )
    db.close()
    return path
