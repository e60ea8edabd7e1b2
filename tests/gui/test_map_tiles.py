"""The map's street detail from a user's offline tile package (MBTiles made in the test, tiles of
known colours): tiles painted at the matching zoom with the TMS row flipped, coarser tiles enlarged
where finer ones are missing, markers on top, the choice remembered in the user's settings, and an
unusable package (vector tiles, damaged, a tile too large) refused with a message while the map
goes on. Nothing opens a socket (pytest-socket is on for the suite)."""

from __future__ import annotations

import sys
import uuid
from pathlib import Path

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPoint, Qt
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from caseapp.core.entities import PlacePrecision
from caseapp.core.refs import RefKind
from caseapp.gui.map_canvas import LAND, MapPoint
from caseapp.gui.map_geo import project, world
from caseapp.gui.map_marks import INCIDENT_COLOUR
from caseapp.gui.map_view import MapView
from caseapp.gui.settings import Settings
from tests.storage.mbtiles_factory import write_mbtiles

RED, GREEN, BLUE, YELLOW, MAGENTA = (QColor(c) for c in ("#e01010", "#10c010", "#1010e0", "#e0e010", "#d010d0"))
SIZE = 512


def encoded(colour: QColor, fmt: str = "PNG") -> bytes:
    image = QImage(256, 256, QImage.Format.Format_RGB32)
    image.fill(colour)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    assert image.save(buffer, fmt)
    return bytes(data.data())


def near(colour: QColor, wanted: QColor, tolerance: int = 14) -> bool:
    return all(abs(a - b) <= tolerance for a, b in zip(colour.getRgb()[:3], wanted.getRgb()[:3], strict=True))


@pytest.fixture
def package(tmp_path: Path) -> Path:
    """Zoom 1: the four quarters of the world (XYZ: north-west red, north-east green, south-west
    blue, south-east yellow); zoom 2: only the north-west corner tile (magenta)."""
    tiles = {
        (1, 0, 0): encoded(RED),
        (1, 1, 0): encoded(GREEN),
        (1, 0, 1): encoded(BLUE),
        (1, 1, 1): encoded(YELLOW),
        (2, 0, 0): encoded(MAGENTA),
    }
    meta = {"name": "Quarters", "format": "png", "attribution": '<a href="http://example.org">© Quarter makers</a>'}
    return write_mbtiles(tmp_path / "quarters.mbtiles", tiles, meta)


@pytest.fixture
def view(qtbot: QtBot) -> MapView:
    widget = MapView(settings=Settings())
    qtbot.addWidget(widget)
    widget.canvas.setFixedSize(SIZE, SIZE)
    return widget


def grab(view: MapView, centre: tuple[float, float], scale: float) -> QImage:
    canvas = view.canvas
    canvas.centre, canvas.scale = centre, scale
    return canvas.grab().toImage()


def test_tiles_are_painted_at_the_matching_zoom_with_the_tms_row_flipped(view: MapView, package: Path) -> None:
    assert view.use_tile_package(package)
    assert "Quarters" in view.tiles_status.text() and "1 to 2" in view.tiles_status.text()
    # the whole world in 512 pixels: zoom 1, one tile per quarter, north up
    image = grab(view, (0.5, 0.5), 512.0)
    assert near(image.pixelColor(128, 128), RED) and near(image.pixelColor(384, 128), GREEN)
    assert near(image.pixelColor(128, 384), BLUE) and near(image.pixelColor(384, 384), YELLOW)
    assert view.canvas.tiles is not None and view.canvas.tiles.drawn == 4
    # zoomed in far past the package's deepest level: the zoom-2 tile, enlarged...
    deep = 256.0 * 2**8
    image = grab(view, (0.125, 0.125), deep)
    assert near(image.pixelColor(SIZE // 2, SIZE // 2), MAGENTA)
    # ...and where zoom 2 has no tile, the part of the zoom-1 tile that covers the place
    image = grab(view, (0.375, 0.125), deep)
    assert near(image.pixelColor(SIZE // 2, SIZE // 2), RED)
    image = grab(view, (0.625, 0.875), deep)
    assert near(image.pixelColor(SIZE // 2, SIZE // 2), YELLOW)
    assert "PySide6.QtNetwork" not in sys.modules


def test_tiles_lie_over_the_land_and_under_the_borders_and_markers(view: MapView, package: Path) -> None:
    canvas = view.canvas
    canvas.set_worlds({"110m": world("110m")})
    siberia = (60.0, 100.0)  # land, in the north-east quarter (the green tile)
    canvas.set_points([MapPoint(RefKind.INCIDENT, uuid.uuid4(), "INC-1", "a place", *siberia, PlacePrecision.EXACT)])
    x, y = project(*siberia)
    marker = QPoint(round(x * SIZE), round(y * SIZE))
    land = marker + QPoint(15, 8)
    before = grab(view, (0.5, 0.5), 512.0)
    assert near(before.pixelColor(land), LAND, 20)  # outlines only
    assert view.use_tile_package(package)
    image = grab(view, (0.5, 0.5), 512.0)
    assert near(image.pixelColor(marker), INCIDENT_COLOUR)  # the marker on top
    assert near(image.pixelColor(land), GREEN, 20)  # the tile over the land fill
    assert "© Quarter makers" in canvas_note(view) and "<a" not in canvas_note(view)
    borders = sum(
        1 for x in range(0, SIZE // 2, 2) for y in range(0, SIZE // 2, 2) if not near(image.pixelColor(x, y), RED, 40)
    )
    assert borders > 100, "the country borders are drawn over the tiles"
    view.remove_tile_package()
    assert view.canvas.tiles is None and view.settings.map_tiles == ""
    assert near(grab(view, (0.5, 0.5), 512.0).pixelColor(land), LAND, 20)


def canvas_note(view: MapView) -> str:
    from caseapp.gui.map_tiles import plain_attribution

    tiles = view.canvas.tiles
    assert tiles is not None
    return plain_attribution(tiles.info.attribution)


def test_the_choice_is_remembered_and_unusable_packages_are_refused(
    qtbot: QtBot, view: MapView, package: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QFileDialog

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *_args: (str(package), "")))
    qtbot.mouseClick(view.choose_tiles, Qt.MouseButton.LeftButton)
    assert view.canvas.tiles is not None and view.no_tiles.isEnabled()
    assert Settings().map_tiles == str(package)  # per user, by the package's path: no case named
    later = MapView(settings=Settings())
    qtbot.addWidget(later)
    later.show()
    qtbot.waitExposed(later)
    assert later.canvas.tiles is not None and "Quarters" in later.tiles_status.text()

    vector = write_mbtiles(tmp_path / "streets.mbtiles", {(0, 0, 0): b"\x1f\x8b\x08\x00"}, {"format": "pbf"})
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *_args: (str(vector), "")))
    qtbot.mouseClick(view.choose_tiles, Qt.MouseButton.LeftButton)
    assert "vector tiles are not supported" in view.tiles_status.text()
    assert view.canvas.tiles is not None, "a refused package leaves the map as it was"
    assert Settings().map_tiles == str(package)

    # a package that fails while painting (a tile over the size limit) is dropped; the map goes on
    big = write_mbtiles(tmp_path / "big.mbtiles", {(1, 0, 0): b"\x89PNG\r\n\x1a\n" + bytes(5 << 20)})
    assert view.use_tile_package(big)
    image = grab(view, (0.5, 0.5), 512.0)
    assert view.canvas.tiles is None and "Street tiles not shown" in view.tiles_status.text()
    assert not view.no_tiles.isEnabled() and image.width() == SIZE
    noise = tmp_path / "noise.mbtiles"
    noise.write_bytes(b"SQLite format 3\x00" + bytes(range(256)) * 8)
    assert not view.use_tile_package(noise)
    assert "Street tiles not shown" in view.tiles_status.text()
    assert grab(view, (0.5, 0.5), 512.0).width() == SIZE
    assert view.canvas.tiles is None
