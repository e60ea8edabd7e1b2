"""The Map and the Timeline over a real case: painted offline, markers at the right pixel,
click-through to the record, zoom and pan, ranges as wide as their uncertainty, refresh on
Changes, emptied on lock, right-to-left in Arabic."""

from __future__ import annotations

import math
import socket
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from caseapp.app.case_folder import OpenCase
from caseapp.core.entities import PersonRole, PlacePrecision
from caseapp.core.refs import RefKind
from caseapp.gui.map_canvas import LAND, SEA
from caseapp.gui.map_marks import EXHIBIT_COLOUR, INCIDENT_COLOUR
from caseapp.gui.screenshot_sample import geotag
from caseapp.gui.shell import Shell
from tests.gui.conftest import running_shell, settle

HOSPITAL = (36.2021, 37.1343)  # al-Quds hospital, Aleppo
BAKERY = (36.1915, 37.1418)
PHOTO = (36.2100, 37.1600)
SIZE = (480, 360)


def mercator(latitude: float, longitude: float) -> tuple[float, float]:
    """Web Mercator on a world of side 1 (written out here, not taken from the code under test)."""
    x = (longitude + 180) / 360
    y = 0.5 - math.log(math.tan(math.pi / 4 + math.radians(latitude) / 2)) / (2 * math.pi)
    return x, y


def expected_pixel(centre: tuple[float, float], scale: float, place: tuple[float, float]) -> QPoint:
    (cx, cy), (x, y) = mercator(*centre), mercator(*place)
    return QPoint(round(SIZE[0] / 2 + (x - cx) * scale), round(SIZE[1] / 2 + (y - cy) * scale))


def near(colour: QColor, wanted: QColor, tolerance: int = 12) -> bool:
    return all(abs(a - b) <= tolerance for a, b in zip(colour.getRgb()[:3], wanted.getRgb()[:3], strict=True))


@pytest.fixture
def aleppo(make_case: Callable[..., tuple[OpenCase, str]], tmp_path: Path) -> OpenCase:
    """Two located incidents (one named after a protected witness), one undated, and a geotagged photo."""
    case, _ = make_case()
    records = case.records
    records.add_person(role=PersonRole.WITNESS, full_name="Ahmad Khalil")
    records.add_incident(
        title="Strike on al-Quds hospital", when="2016-04-27", latitude=HOSPITAL[0], longitude=HOSPITAL[1]
    )
    records.add_incident(
        title="Shelling seen by Ahmad Khalil",
        when="2016-05-03T09:15",
        latitude=BAKERY[0],
        longitude=BAKERY[1],
        place_precision=PlacePrecision.LOCALITY,
    )
    records.add_incident(title="Displacement", when="2016-04", until="2016-06")
    records.add_incident(title="A rumour, no time, no place")
    folder = tmp_path / "usb"
    folder.mkdir()
    from PIL import Image

    Image.new("RGB", (64, 48), (90, 90, 80)).save(folder / "photo.jpg", exif=geotag(*PHOTO, "2016:04:28 07:12:40"))
    case.imports.import_paths([folder])
    return case


@pytest.fixture
def opened(qtbot: QtBot, shell: Shell, aleppo: OpenCase) -> Shell:
    shell.open(aleppo, aleppo.folder)
    settle(qtbot, shell.runner)
    return shell


def show_page(qtbot: QtBot, shell: Shell, page: object) -> None:
    main = shell.main
    main.navigator.setCurrentRow(main.stack.indexOf(page))  # type: ignore[arg-type]
    settle(qtbot, shell.runner)


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[tuple[object, ...]]]:
    """Every socket asked for is recorded (and refused, as pytest-socket does for the whole suite)."""
    asked: list[tuple[object, ...]] = []

    def refuse(*args: object, **kwargs: object) -> None:
        asked.append(args)
        raise OSError("a test tried to open a socket")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    yield asked


def test_the_map_paints_offline_with_markers_at_their_projected_pixel(
    qtbot: QtBot, opened: Shell, no_network: list[tuple[object, ...]]
) -> None:
    places = opened.main.places
    show_page(qtbot, opened, places.map_view)
    canvas = places.map_view.canvas
    assert sorted(p.ref for p in canvas.points) == ["EX-1", "INC-1", "INC-2"]
    assert "2 without a place" in places.map_view.count.text()
    canvas.setFixedSize(*SIZE)
    centre, scale = (36.0, 37.0), 256.0 * 2**9
    canvas.set_view(*centre, scale)
    image: QImage = canvas.grab().toImage()
    assert image.width() == SIZE[0]

    hospital = expected_pixel(centre, scale, HOSPITAL)
    photo = expected_pixel(centre, scale, PHOTO)
    assert (hospital - QPoint(SIZE[0] // 2, SIZE[1] // 2)).manhattanLength() > 40  # not the centre by chance
    assert near(image.pixelColor(hospital), INCIDENT_COLOUR)
    assert near(image.pixelColor(photo), EXHIBIT_COLOUR)
    assert near(image.pixelColor(hospital + QPoint(25, 25)), LAND, 20)  # Syria is land around Aleppo...
    canvas.set_view(*centre, scale / 4)
    image = canvas.grab().toImage()
    sea = expected_pixel(centre, scale / 4, (35.6, 35.4))  # ...the Mediterranean off Latakia is sea
    assert 0 <= sea.x() < SIZE[0] and near(image.pixelColor(sea), SEA)
    assert near(image.pixelColor(expected_pixel(centre, scale / 4, (35.5, 38.5))), LAND, 20)

    assert not no_network, "the map asked for a socket"
    assert "PySide6.QtNetwork" not in sys.modules, "something loaded Qt's network module"
    from PySide6.QtNetwork import QNetworkAccessManager

    app = QApplication.instance()
    assert app is not None
    owners = [app, opened.main, opened.welcome, *QApplication.topLevelWidgets()]
    assert not [m for owner in owners for m in owner.findChildren(QNetworkAccessManager)]


def test_clicking_a_marker_selects_its_record_and_tooltips_hide_protected_names(qtbot: QtBot, opened: Shell) -> None:
    main = opened.main
    show_page(qtbot, opened, main.places.map_view)
    canvas = main.places.map_view.canvas
    canvas.setFixedSize(*SIZE)
    centre, scale = HOSPITAL, 256.0 * 2**12
    canvas.set_view(*centre, scale)
    with qtbot.waitSignal(canvas.chosen) as chosen:
        qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=expected_pixel(centre, scale, HOSPITAL))
    assert chosen.args is not None and chosen.args[0].ref == "INC-1"
    settle(qtbot, opened.runner)
    assert main.selected is not None and (main.selected.kind, main.selected.ref) == (RefKind.INCIDENT, "INC-1")
    assert "Strike on al-Quds hospital" in main.detail.toPlainText()

    missed = expected_pixel(centre, scale, HOSPITAL) + QPoint(60, 60)
    with qtbot.assertNotEmitted(canvas.chosen):
        qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=missed)

    from caseapp.gui.map_canvas import tooltip_line

    lines = [tooltip_line(p) for p in canvas.points]
    assert any("W-001" in line for line in lines)
    assert not any("Ahmad" in line or "Khalil" in line for line in lines)


def test_zoom_and_pan_change_the_scale_and_move_the_markers(qtbot: QtBot, opened: Shell) -> None:
    places = opened.main.places
    show_page(qtbot, opened, places.map_view)
    view, canvas = places.map_view, places.map_view.canvas
    canvas.setFixedSize(*SIZE)
    canvas.set_view(*HOSPITAL, 256.0 * 2**10)

    def gap() -> float:
        a, b = canvas.pixel_of(*HOSPITAL), canvas.pixel_of(*BAKERY)
        return math.hypot(a.x() - b.x(), a.y() - b.y())

    before_scale, before_gap = canvas.scale, gap()
    view.buttons["zoom_in"].click()
    assert canvas.scale == pytest.approx(before_scale * 2)
    assert gap() == pytest.approx(before_gap * 2)
    qtbot.keyClick(canvas, Qt.Key.Key_Minus)
    qtbot.keyClick(canvas, Qt.Key.Key_Minus)
    assert canvas.scale == pytest.approx(before_scale / 2)
    assert canvas.pixel_of(*HOSPITAL).x() == pytest.approx(SIZE[0] / 2)  # zooming kept the centre
    qtbot.keyClick(canvas, Qt.Key.Key_Left)  # look west: the content moves right
    assert canvas.pixel_of(*HOSPITAL).x() == pytest.approx(SIZE[0] / 2 + SIZE[0] / 4)
    start = canvas.pixel_of(*HOSPITAL)
    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=QPoint(200, 200))
    qtbot.mouseMove(canvas, QPoint(230, 180))
    qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=QPoint(230, 180))
    moved = canvas.pixel_of(*HOSPITAL) - start
    assert (moved.x(), moved.y()) == pytest.approx((30, -20))
    view.buttons["world"].click()
    assert canvas.scale < before_scale / 100
    view.buttons["fit"].click()  # every marker, and the bakery's ±1 km circle, in view
    for place in (HOSPITAL, BAKERY, PHOTO):
        at = canvas.pixel_of(*place)
        assert 0 < at.x() < SIZE[0] and 0 < at.y() < SIZE[1]


def test_the_timeline_orders_entries_and_draws_each_range_as_wide_as_its_uncertainty(
    qtbot: QtBot, opened: Shell
) -> None:
    main = opened.main
    view = main.places.timeline_view
    show_page(qtbot, opened, view)
    canvas = view.canvas
    refs = [e.ref for e in canvas.entries]
    assert refs == ["INC-3", "INC-1", "EX-1", "INC-2"]  # April (the month), 27 April, 28 April, 3 May
    assert "1 incident(s)" in view.count.text()  # the one without a time
    canvas.setFixedSize(*SIZE)
    canvas.seconds_per_pixel = 3600.0  # an hour a pixel
    canvas.origin = canvas.entries[1].start - (canvas.entries[1].end - canvas.entries[1].start) / 2
    canvas.viewport().update()
    day = canvas.bar_rect(1)
    assert day.width() == pytest.approx(24, abs=0.01)  # the day of the strike, 24 hours
    assert canvas.bar_rect(2).width() == pytest.approx(0)  # the photo's exact time: a diamond
    image = canvas.viewport().grab().toImage()
    background = image.pixelColor(QPoint(5, round(day.center().y())))
    row_y = round(day.center().y())
    before_label = round(day.right()) + 6  # the label starts further on
    painted = [x for x in range(before_label) if not near(image.pixelColor(QPoint(x, row_y)), background, 4)]
    assert painted, "no range drawn"
    assert min(painted) == pytest.approx(day.left(), abs=2) and max(painted) == pytest.approx(day.right(), abs=2)

    view.buttons["zoom_in"].click()
    assert canvas.bar_rect(1).width() == pytest.approx(48, abs=0.01)
    with qtbot.waitSignal(canvas.chosen):
        qtbot.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=canvas.bar_rect(3).center().toPoint())
    settle(qtbot, opened.runner)
    assert main.selected is not None and main.selected.ref == "INC-2"
    assert "W-001" in main.detail.toPlainText() and "Khalil" not in main.detail.toPlainText()


def test_the_side_panel_follows_the_page_shown(qtbot: QtBot, opened: Shell) -> None:
    """An incident chosen on the timeline does not stay beside the Charges page; a table page shows its own row."""
    main = opened.main
    view = main.places.timeline_view
    show_page(qtbot, opened, view)
    view.canvas.chosen.emit(view.canvas.entries[0])  # INC-3, as a click does
    settle(qtbot, opened.runner)
    assert main.selected is not None and main.selected.ref == "INC-3" and "INC-3" in main.detail.toPlainText()
    show_page(qtbot, opened, main.legal.charges)
    assert main.selected is None and main.detail.toPlainText() == "" and main.people.isHidden()
    assert main.detail.placeholderText()  # the empty panel says what would show there
    people = main.record_pages[RefKind.PERSON]
    show_page(qtbot, opened, people)
    people.table.selectRow(0)
    settle(qtbot, opened.runner)
    assert main.selected is not None and main.selected.ref == "W-001" and not main.people.isHidden()
    show_page(qtbot, opened, main.places.map_view)
    assert main.selected is None and main.people.isHidden()
    show_page(qtbot, opened, people)  # back: its row is shown again
    assert main.selected is not None and main.selected.ref == "W-001" and not main.people.isHidden()
    exhibits = main.exhibits_page
    show_page(qtbot, opened, exhibits)
    exhibits.table.selectRow(0)
    settle(qtbot, opened.runner)
    show_page(qtbot, opened, main.legal.gaps)  # the exhibit stays: its preview and excerpt are for linking
    assert main.selected is not None and main.selected.ref == "EX-1"


def test_the_views_refresh_on_changes_load_when_shown_and_empty_on_lock(qtbot: QtBot, opened: Shell) -> None:
    main, places = opened.main, opened.main.places
    show_page(qtbot, opened, places.map_view)
    assert len(places.map_view.canvas.points) == 3
    records = main.records
    handle = opened.runner.write(
        lambda: records.add_incident(title="Strike on a school", when="2016-06-01", latitude=36.22, longitude=37.1)
    )
    settle(qtbot, opened.runner)
    assert handle.error is None
    assert "INC-5" in [p.ref for p in places.map_view.canvas.points]  # the map was on screen: reloaded
    assert places.timeline_view.stale  # hidden: marked, read when shown
    show_page(qtbot, opened, places.timeline_view)
    assert not places.timeline_view.stale and "INC-5" in [e.ref for e in places.timeline_view.canvas.entries]

    opened.lock()
    assert places.map_view.canvas.points == [] and places.timeline_view.canvas.entries == []
    assert places.case is None


@pytest.fixture
def arabic(qtbot: QtBot) -> Iterator[Shell]:
    with running_shell("ar") as shell:
        yield shell


def test_in_arabic_the_views_lay_out_right_to_left_and_the_map_stays_north_up(
    qtbot: QtBot, arabic: Shell, aleppo: OpenCase
) -> None:
    arabic.open(aleppo, aleppo.folder)
    settle(qtbot, arabic.runner)
    places = arabic.main.places
    show_page(qtbot, arabic, places.map_view)
    view = places.map_view
    assert view.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert view.canvas.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert view.buttons["zoom_in"].x() > view.buttons["world"].x()  # the controls mirror
    canvas = view.canvas
    east, north = canvas.pixel_of(36.2, 37.2), canvas.pixel_of(36.3, 37.1)
    west = canvas.pixel_of(36.2, 37.1)
    assert east.x() > west.x() and north.y() < west.y()  # the map does not: east right, north up
    show_page(qtbot, arabic, places.timeline_view)
    timeline = places.timeline_view.canvas
    assert places.timeline_view.layoutDirection() == Qt.LayoutDirection.RightToLeft
    first, last = timeline.entries[0], timeline.entries[-1]
    assert timeline.x_of(last.start) < timeline.x_of(first.start)  # time runs right to left
    assert timeline.bar_rect(0).width() > 0
    assert isinstance(timeline.bar_rect(0).center(), QPointF)
