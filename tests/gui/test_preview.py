"""The preview of an exhibit through the real widgets on a real case: an image with its zoom, a PDF
page by page, extracted Arabic text laid out right to left; all of it forgotten on lock."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PIL import Image
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QAction, QColor, QKeySequence, QWheelEvent
from pytestqt.qtbot import QtBot
from reportlab.lib.colors import Color
from reportlab.pdfgen.canvas import Canvas

from caseapp.app.case_folder import OpenCase
from caseapp.gui.shell import Shell
from tests.gui.conftest import settle

ARABIC = "شهادة: رأيت الضربة على المستشفى في الصباح."
ENGLISH = "The witness saw the strike in the morning."


def make_jpeg(path: Path, size: tuple[int, int] = (800, 600)) -> Path:
    Image.new("RGB", size, (200, 30, 30)).save(path, quality=90)
    return path


def make_pdf(path: Path) -> Path:
    """Two pages: an upright red one and a wide blue one."""
    canvas = Canvas(str(path), pagesize=(300, 400))
    canvas.setFillColor(Color(1, 0, 0))
    canvas.rect(0, 0, 300, 400, stroke=0, fill=1)
    canvas.drawString(20, 20, "page one")
    canvas.showPage()
    canvas.setPageSize((500, 250))
    canvas.setFillColor(Color(0, 0, 1))
    canvas.rect(0, 0, 500, 250, stroke=0, fill=1)
    canvas.drawString(20, 20, "page two")
    canvas.showPage()
    canvas.save()
    return path


def open_with(qtbot: QtBot, shell: Shell, case: OpenCase, files: list[Path]) -> None:
    if files:
        report = case.imports.import_paths(files).value
        assert all(o.exhibit for o in report.outcomes), report
    shell.open(case, case.folder)
    settle(qtbot, shell.runner)
    shell.main.resize(1280, 760)
    shell.main.show()


def select(qtbot: QtBot, shell: Shell, row: int) -> None:
    shell.main.exhibits_page.table.selectRow(row)
    settle(qtbot, shell.runner)


def action(shell: Shell, keys: str) -> QAction:
    """The window's action bound to ``keys`` (how the keyboard reaches it)."""
    wanted = QKeySequence(keys)
    found = [a for a in shell.main.findChildren(QAction) if wanted in a.shortcuts()]
    assert len(found) == 1, f"{keys}: {[a.text() for a in found]}"
    return found[0]


def test_an_image_preview_shows_the_image_and_zoom_changes_its_scale(
    qtbot: QtBot, shell: Shell, make_case: Callable[..., tuple[OpenCase, str]], tmp_path: Path
) -> None:
    case, _ = make_case()
    open_with(qtbot, shell, case, [make_jpeg(tmp_path / "crater.jpg")])
    select(qtbot, shell, 0)
    preview = shell.main.preview
    assert preview.content is None, "nothing is decrypted before the preview is looked at"
    action(shell, "F8").trigger()
    settle(qtbot, shell.runner)
    view = preview.view
    assert shell.main.side.currentWidget() is preview
    assert view.image is not None and (view.image.width(), view.image.height()) == (800, 600)
    assert view.image.pixelColor(400, 300).red() > 150  # the picture itself, decoded from the case
    assert view.fit and view.scale < 1.0  # fitted into the panel
    fitted = view.label.pixmap().size()
    assert fitted.width() <= view.viewport().width()

    action(shell, "Ctrl+Alt+0").trigger()  # 100 %
    assert view.scale == 1.0 and (view.label.pixmap().width(), view.label.pixmap().height()) == (800, 600)
    action(shell, "Ctrl++").trigger()
    assert view.scale == 1.25 and view.label.pixmap().width() == 1000
    action(shell, "Ctrl+-").trigger()
    action(shell, "Ctrl+-").trigger()
    assert view.scale == 0.8 and view.label.pixmap().width() == 640

    wheel = QWheelEvent(
        QPointF(50, 50),
        QPointF(view.viewport().mapToGlobal(QPoint(50, 50))),
        QPoint(0, 0),
        QPoint(0, 120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.ControlModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    view.eventFilter(view.viewport(), wheel)
    assert view.scale == 1.0 and view.label.pixmap().width() == 800  # Ctrl+wheel zooms in one step
    action(shell, "Ctrl+0").trigger()  # fit again
    assert view.fit and view.label.pixmap().size() == fitted

    shell.lock()
    assert preview.content is None and view.image is None and view.label.pixmap().isNull()


def test_a_pdf_preview_renders_page_one_and_page_two(
    qtbot: QtBot, shell: Shell, make_case: Callable[..., tuple[OpenCase, str]], tmp_path: Path
) -> None:
    case, _ = make_case()
    open_with(qtbot, shell, case, [make_pdf(tmp_path / "report.pdf")])
    select(qtbot, shell, 0)
    shell.main.side.setCurrentIndex(1)
    settle(qtbot, shell.runner)
    preview = shell.main.preview
    image = preview.view.image
    assert image is not None and preview.content is not None and preview.content.is_pdf
    assert (preview.page_index, preview.page_count) == (0, 2)
    assert image.height() / image.width() == 400 / 300  # the upright page
    assert image.pixelColor(image.width() // 2, image.height() // 3) == QColor(255, 0, 0)
    assert preview.page_label.text() == "Page 1 of 2"
    assert not preview.buttons["previous"].isEnabled() and preview.buttons["next"].isEnabled()

    action(shell, "Ctrl+PgDown").trigger()
    settle(qtbot, shell.runner)
    image = preview.view.image
    assert image is not None and preview.page_index == 1
    assert image.width() / image.height() == 500 / 250  # the wide page
    assert image.pixelColor(image.width() // 2, image.height() // 3) == QColor(0, 0, 255)
    assert preview.page_label.text() == "Page 2 of 2"
    preview.buttons["next"].click()  # there is no page 3
    settle(qtbot, shell.runner)
    assert preview.page_index == 1

    preview.buttons["previous"].click()
    settle(qtbot, shell.runner)
    assert preview.page_index == 0 and preview.view.image is not None
    assert preview.view.image.pixelColor(10, 10) == QColor(255, 0, 0)


def test_extracted_arabic_text_runs_right_to_left_and_english_left_to_right(
    qtbot: QtBot, shell: Shell, make_case: Callable[..., tuple[OpenCase, str]], tmp_path: Path
) -> None:
    statement = tmp_path / "statement.txt"
    statement.write_text(f"{ARABIC}\n{ENGLISH}\n", encoding="utf-8")
    case, _ = make_case()
    open_with(qtbot, shell, case, [statement])
    select(qtbot, shell, 0)
    action(shell, "F9").trigger()
    settle(qtbot, shell.runner)
    text = shell.main.side.text
    assert shell.main.side.currentWidget() is text
    document = text.document()
    arabic, english = document.findBlockByNumber(0), document.findBlockByNumber(1)
    assert (arabic.text(), english.text()) == (ARABIC, ENGLISH)
    assert arabic.blockFormat().layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert english.blockFormat().layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert text.layoutDirection() == Qt.LayoutDirection.LeftToRight  # an English window

    # Where the lines sit: the Arabic one ends at the right edge, the English one starts at the left.
    width = document.documentLayout().blockBoundingRect(arabic).width()
    arabic_line = arabic.layout().lineAt(0).naturalTextRect()
    english_line = english.layout().lineAt(0).naturalTextRect()
    assert arabic_line.right() > width - 12 and arabic_line.left() > 12
    assert english_line.left() < 12
    assert shell.main.preview.message.text().startswith("There is no preview for this type of file")

    shell.lock()
    assert text.toPlainText() == ""
