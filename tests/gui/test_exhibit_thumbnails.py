"""Thumbnails in the exhibits table, on a real case: pictures of images and of a PDF's first page,
decrypted and decoded on the task runner for the rows the view paints; a crafted or damaged picture
gives a placeholder; the cache is bounded and is emptied on lock."""

from __future__ import annotations

import struct
import uuid
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QImage
from pytestqt.qtbot import QtBot

from caseapp.app.case_folder import OpenCase
from caseapp.app.preview import IMAGE_TYPES, PDF_TYPES
from caseapp.app.thumbnails import THUMBNAIL_SIDE, decode_image, exhibit_thumbnail
from caseapp.core.errors import UserError
from caseapp.core.operations import CancelToken
from caseapp.core.refs import parse_ref
from caseapp.gui.models.exhibits import THUMBNAIL_COLUMN, Column
from caseapp.gui.models.thumbnails import ICON_SIDE, PICTURE_TYPES, NoPicture, ThumbnailCache, placeholder
from caseapp.gui.shell import Shell
from caseapp.gui.tasks import TaskRunner
from tests.gui.conftest import settle
from tests.gui.test_preview import make_pdf, open_with

JPEG = "image/jpeg"


def png_claiming(width: int, height: int) -> bytes:
    """A PNG whose header claims ``width`` x ``height`` pixels, with a few bytes of image data."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    pixels = chunk(b"IDAT", zlib.compress(b"\0" * 64))
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + pixels + chunk(b"IEND", b"")


def evidence(folder: Path) -> dict[str, Path]:
    folder.mkdir()
    files = {
        "red.jpg": folder / "red.jpg",
        "wide.png": folder / "wide.png",
        "pages.pdf": folder / "pages.pdf",
        "note.txt": folder / "note.txt",
        "broken.jpg": folder / "broken.jpg",
        "bomb.png": folder / "bomb.png",
    }
    Image.new("RGB", (640, 480), (220, 20, 20)).save(files["red.jpg"], quality=90)
    Image.new("RGB", (900, 300), (20, 20, 220)).save(files["wide.png"])
    make_pdf(files["pages.pdf"])  # a red first page
    files["note.txt"].write_text("a statement, no picture\n", encoding="utf-8")
    files["broken.jpg"].write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)) * 8)  # cut short
    files["bomb.png"].write_bytes(png_claiming(100_000, 100_000))
    return files


def icon_colour(icon: QIcon) -> QColor:
    image = icon.pixmap(ICON_SIDE, ICON_SIDE).toImage()
    return image.pixelColor(image.width() // 2, image.height() // 2)


def pictures(shell: Shell) -> dict[str, QIcon]:
    model = shell.main.exhibits
    found = {}
    for row in range(model.rowCount()):
        title = model.index(row, Column.TITLE).data()
        found[title] = model.index(row, THUMBNAIL_COLUMN).data(Qt.ItemDataRole.DecorationRole)
    return found


def test_the_table_shows_thumbnails_and_a_placeholder_for_a_broken_picture(
    qtbot: QtBot, shell: Shell, make_case: Callable[..., tuple[OpenCase, str]], tmp_path: Path
) -> None:
    case, _ = make_case()
    files = evidence(tmp_path / "stick")
    report = case.imports.import_paths([tmp_path / "stick"]).value
    assert sum(1 for o in report.outcomes if o.exhibit) == len(files), report
    open_with(qtbot, shell, case, [])
    model, table = shell.main.exhibits, shell.main.exhibits_page.table
    table.viewport().repaint()  # the view asks for the pictures of the rows it paints
    settle(qtbot, shell.runner)
    table.viewport().repaint()
    settle(qtbot, shell.runner)
    shown = pictures(shell)
    assert sorted(shown) == sorted(files)

    assert icon_colour(shown["red.jpg"]).red() > 180 and icon_colour(shown["red.jpg"]).blue() < 80
    assert icon_colour(shown["wide.png"]).blue() > 180
    assert icon_colour(shown["pages.pdf"]).red() > 180, "the PDF shows its (red) first page"
    wide = shown["wide.png"].pixmap(THUMBNAIL_SIDE, THUMBNAIL_SIDE).toImage()
    assert wide.width() == wide.height(), "every picture takes a square, so the titles line up"
    assert wide.pixelColor(wide.width() // 2, 2).alpha() == 0, "the wide picture keeps its proportions"
    broken = placeholder(NoPicture.BROKEN).cacheKey()
    assert shown["broken.jpg"].cacheKey() == broken, "a damaged JPEG gives the placeholder"
    assert shown["bomb.png"].cacheKey() == broken, "a decompression bomb is not decoded"
    assert shown["note.txt"].cacheKey() == placeholder(NoPicture.NONE).cacheKey()
    assert len(model.thumbnails.started) == len(model.thumbnails) == len(files) - 1, "no job for the statement"
    assert model.thumbnails.nbytes > 0

    shell.lock()
    assert len(model.thumbnails) == 0 and model.thumbnails.nbytes == 0, "the pictures are forgotten on lock"


def test_a_picture_comes_from_the_stored_thumbnail_and_crafted_bytes_raise_a_plain_error(
    make_case: Callable[..., tuple[OpenCase, str]], tmp_path: Path
) -> None:
    case, _ = make_case()
    photo = tmp_path / "tall.jpg"
    Image.new("RGB", (300, 1200), (10, 200, 10)).save(photo)
    report = case.imports.import_paths([photo]).value
    ref = report.outcomes[0].exhibit
    assert ref is not None
    found = exhibit_thumbnail(case, parse_ref(ref), cancel=CancelToken())
    assert found is not None and found.height == THUMBNAIL_SIDE and found.width == THUMBNAIL_SIDE // 4
    assert len(found.pixels) == found.stride * found.height
    for crafted in (b"", b"GIF89a" + b"\0" * 20, png_claiming(20_000, 20_000), b"\xff\xd8\xff" + b"\x00" * 500):
        with pytest.raises(UserError):
            decode_image(crafted)


def test_pictures_are_asked_for_exactly_the_types_the_preview_draws() -> None:
    assert PICTURE_TYPES == IMAGE_TYPES | PDF_TYPES


def test_the_cache_keeps_the_most_recently_used_pictures_within_its_bounds(qtbot: QtBot) -> None:
    runner = TaskRunner()
    made: list[uuid.UUID] = []

    def source(exhibit_id: uuid.UUID, _kind: str, _cancel: CancelToken) -> QImage:
        made.append(exhibit_id)
        image = QImage(10, 10, QImage.Format.Format_RGBA8888)  # 400 bytes
        image.fill(QColor(1, 2, 3))
        return image

    cache = ThumbnailCache(runner, max_images=3, max_bytes=10_000)
    cache.set_source(source)
    ids = [uuid.uuid4() for _ in range(5)]
    assert cache.get(ids[4], "text/plain") is NoPicture.NONE and cache.get(ids[4]) is NoPicture.NONE
    assert made == [], "no job for an exhibit without a picture"
    for exhibit_id in ids[:3]:
        assert cache.get(exhibit_id, JPEG) is None  # asked for
    settle(qtbot, runner)
    assert all(isinstance(cache.get(i, JPEG), QIcon) for i in ids[:3]) and cache.nbytes == 1200
    cache.get(ids[0], JPEG)  # now the most recently used: ids[1] is the oldest
    cache.get(ids[3], JPEG)
    settle(qtbot, runner)
    assert len(cache) == 3 and cache.get(ids[1], JPEG) is None, "the least recently used went first"
    settle(qtbot, runner)
    assert made.count(ids[1]) == 2 and made.count(ids[0]) == 1

    small = ThumbnailCache(runner, max_bytes=1000)  # two pictures of 400 bytes fit, not three
    small.set_source(source)
    small.hold(True)  # while the table's rows load, no picture is started
    for exhibit_id in ids[:3]:
        small.get(exhibit_id, JPEG)
    settle(qtbot, runner)
    assert len(small) == 0 and not runner.active()
    small.hold(False)
    settle(qtbot, runner)
    assert len(small) == 2 and small.nbytes == 800

    small.clear()
    assert len(small) == 0 and small.nbytes == 0
    runner.reset()
