"""Linking an excerpt through the widgets (issue 17) on real case files: a region drawn with the mouse
on a zoomed picture is stored in the original's pixels, one on a PDF page in points; words selected in
Arabic extracted text give the stored text's own character range and quote; a passage of audio is
typed; each is linked through the element picker and the link form, and undo takes the link back."""

from __future__ import annotations

import wave
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QTreeWidgetItem
from pytestqt.qtbot import QtBot

from caseapp.app.case_folder import OpenCase
from caseapp.app.preview import preview_content
from caseapp.core.analysis import Excerpt, text_excerpt
from caseapp.gui.excerpts import excerpt_in_mime, text_offset
from caseapp.gui.link_dialog import LinkDialog
from caseapp.gui.shell import Shell
from tests.gui.conftest import settle
from tests.gui.test_preview import action, make_jpeg, make_pdf, open_with, select

ELEMENT = "8(2)(e)(iv)-1"
ARABIC_LINE = "قال الشاهد: رأيت الضربة على المستشفى في الصباح."


def link_through_the_picker(qtbot: QtBot, shell: Shell, reasoning: str) -> LinkDialog:
    """Ctrl+Shift+K, type the element, Enter: the link form opens with the excerpt; fill it in and link."""
    action(shell, "Ctrl+Shift+K").trigger()
    picker = shell.main.legal.picker
    assert picker is not None and picker.isVisible()
    qtbot.keyClicks(picker.filter, ELEMENT)
    qtbot.keyClick(picker.filter, Qt.Key.Key_Return)
    dialog = shell.main.legal.dialog
    assert dialog is not None and dialog.isVisible() and dialog.element_id == ELEMENT
    qtbot.keyClicks(dialog.reasoning, reasoning)
    return dialog


def test_a_region_drawn_on_the_zoomed_picture_is_linked_in_original_pixels_and_undone(
    qtbot: QtBot, shell: Shell, make_case: Callable[..., tuple[OpenCase, str]], tmp_path: Path
) -> None:
    case, _ = make_case()
    open_with(qtbot, shell, case, [make_jpeg(tmp_path / "crater.jpg")])
    select(qtbot, shell, 0)
    action(shell, "F8").trigger()
    settle(qtbot, shell.runner)
    preview = shell.main.preview
    view, bar = preview.view, preview.bar
    action(shell, "Ctrl+Alt+0").trigger()
    action(shell, "Ctrl++").trigger()
    assert view.scale == 1.25  # 125 %: 800 x 600 pixels shown as 1000 x 750
    assert bar.isVisible() and bar.region_label.text() == "Region (pixels):"

    # drag from (100, 50) to (350, 300) on the picture shown: (80, 40) to (280, 240) in the original
    label = view.label
    qtbot.mousePress(label, Qt.MouseButton.LeftButton, pos=QPoint(100, 50))
    qtbot.mouseMove(label, QPoint(250, 200))
    qtbot.mouseRelease(label, Qt.MouseButton.LeftButton, pos=QPoint(350, 300))
    assert bar.region() == (80, 40, 200, 200)
    assert preview.excerpt() == Excerpt(page=1, region=(80, 40, 200, 200))
    shown = label.grab().toImage()
    assert shown.pixelColor(100, 150) != shown.pixelColor(60, 150)  # the rectangle is drawn where it was dragged
    assert shown.pixelColor(60, 150).red() > 150  # outside it, the red picture

    # the keyboard way: the width typed in the region fields moves the drawn rectangle
    bar.spins[2].setFocus()
    bar.spins[2].selectAll()
    qtbot.keyClicks(bar.spins[2], "150")
    assert label.region is not None and label.region.width() == 150
    # zooming out keeps the region on the same spot of the picture
    action(shell, "Ctrl+-").trigger()
    assert bar.region() == (80, 40, 150, 200) and label.region.x() == 80

    dialog = link_through_the_picker(qtbot, shell, "the crater, left of the entrance")
    excerpt_label = dialog.findChild(type(dialog.which), "linkExcerpt")
    assert excerpt_label is not None and excerpt_label.text() == "page 1, region 80,40,150,200"
    dialog.link_button.click()
    settle(qtbot, shell.runner)
    (link,) = case.records.element_links(element=ELEMENT)
    assert link.excerpt == Excerpt(page=1, region=(80, 40, 150, 200))
    assert link.exhibit_ref == "EX-1"
    assert "page 1, region 80,40,150,200" in shell.main.legal.elements.text()  # the exhibit's elements

    shell.main.undo_stack.undo()
    settle(qtbot, shell.runner)
    assert [x for x in case.records.element_links(element=ELEMENT) if x.deleted is None] == []


def test_a_region_on_a_pdf_page_is_in_points_and_dropped_on_the_catalogue(
    qtbot: QtBot, shell: Shell, make_case: Callable[..., tuple[OpenCase, str]], tmp_path: Path
) -> None:
    case, _ = make_case()
    open_with(qtbot, shell, case, [make_pdf(tmp_path / "report.pdf")])
    select(qtbot, shell, 0)
    action(shell, "F8").trigger()
    settle(qtbot, shell.runner)
    preview = shell.main.preview
    image = preview.view.image
    assert image is not None and (image.width(), image.height()) == (600, 800)  # 300 x 400 pt at 2 px a point
    action(shell, "Ctrl+Alt+0").trigger()
    assert preview.bar.region_label.text() == "Region (points):"
    label = preview.view.label
    qtbot.mousePress(label, Qt.MouseButton.LeftButton, pos=QPoint(60, 100))
    qtbot.mouseRelease(label, Qt.MouseButton.LeftButton, pos=QPoint(260, 301))
    assert preview.excerpt() == Excerpt(page=1, region=(30, 50, 100, 101))  # 150.5 pt: the points touched

    action(shell, "Ctrl+PgDown").trigger()
    settle(qtbot, shell.runner)
    assert preview.page_index == 1 and label.region is None
    assert preview.excerpt() == Excerpt(page=2)  # a page without a region is the page
    qtbot.mousePress(label, Qt.MouseButton.LeftButton, pos=QPoint(1, 1))  # (0, 0) is "the centre" to QTest
    qtbot.mouseRelease(label, Qt.MouseButton.LeftButton, pos=QPoint(2000, 2000))  # clipped to the page
    assert preview.excerpt() == Excerpt(page=2, region=(0, 0, 500, 250))

    # drag the excerpt's handle onto the element of the catalogue tree
    mime = preview._drag_payload()
    assert mime is not None and excerpt_in_mime(mime) == Excerpt(page=2, region=(0, 0, 500, 250))
    navigator = shell.main.navigator
    navigator.setCurrentRow([navigator.item(r).text() for r in range(navigator.count())].index("Elements"))
    catalogue = shell.main.legal.catalogue
    item = catalogue.item_of(ELEMENT)
    assert item is not None
    parent: QTreeWidgetItem | None = item.parent()
    while parent is not None:
        parent.setExpanded(True)
        parent = parent.parent()
    catalogue.tree.scrollToItem(item)
    point = QPointF(catalogue.tree.visualItemRect(item).center())
    event = QDropEvent(point, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    catalogue.tree.dropEvent(event)
    assert event.isAccepted()
    dialog = shell.main.legal.dialog
    assert dialog is not None and dialog.excerpt == Excerpt(page=2, region=(0, 0, 500, 250))
    qtbot.keyClicks(dialog.reasoning, "the second page names the hospital")
    dialog.link_button.click()
    settle(qtbot, shell.runner)
    (link,) = case.records.element_links(element=ELEMENT)
    assert link.excerpt == Excerpt(page=2, region=(0, 0, 500, 250))
    catalogue.tree.setCurrentItem(item)
    settle(qtbot, shell.runner)
    assert "EX-1 (page 2, region 0,0,500,250)" in catalogue.detail.toPlainText()  # the element's exhibits


def test_words_selected_in_arabic_text_give_the_stored_characters_and_quote(
    qtbot: QtBot, shell: Shell, make_case: Callable[..., tuple[OpenCase, str]], tmp_path: Path
) -> None:
    statement = tmp_path / "statement.txt"
    # a character beyond U+FFFF and CR LF line ends: Qt counts both differently from Python
    statement.write_bytes(f"إفادة 🙂🙂 رقم واحد\r\n{ARABIC_LINE}\r\nEnd.\r\n".encode())
    case, _ = make_case()
    open_with(qtbot, shell, case, [statement])
    select(qtbot, shell, 0)
    action(shell, "F9").trigger()
    settle(qtbot, shell.runner)
    text = shell.main.side.text
    stored = preview_content(case, case.records.exhibits()[0].id).text  # the extracted text as the case holds it
    assert stored is not None and "🙂" in stored

    # the user selects "رأيت الضربة على المستشفى" (found as Qt finds it, in its own positions)
    words = "رأيت الضربة على المستشفى"
    cursor = text.document().find(words)
    assert not cursor.isNull()
    assert cursor.selectionStart() != stored.index(words)  # Qt's positions are not the stored text's indexes
    text.setTextCursor(cursor)
    excerpt = text.excerpt()
    assert excerpt is not None
    assert (excerpt.char_start, excerpt.char_end) == (stored.index(words), stored.index(words) + len(words))
    assert stored[excerpt.char_start : excerpt.char_end] == words and excerpt.quote == words

    # a selection across the line break quotes the words with one space between them
    cursor.setPosition(text.document().find("رقم").selectionStart())
    cursor.setPosition(text.document().find("قال").selectionEnd(), cursor.MoveMode.KeepAnchor)
    text.setTextCursor(cursor)
    excerpt = text.excerpt()
    assert excerpt is not None and excerpt.quote == "رقم واحد قال"
    assert excerpt == text_excerpt(stored, stored.index("رقم"), stored.index("قال") + 3)

    text.setTextCursor(text.document().find(words))
    shell.main.side.excerpt_requested.emit("text")  # the text's context menu
    picker = shell.main.legal.picker
    assert picker is not None and picker.isVisible()
    qtbot.keyClicks(picker.filter, ELEMENT)
    qtbot.keyClick(picker.filter, Qt.Key.Key_Return)
    dialog = shell.main.legal.dialog
    assert dialog is not None
    quote = dialog.findChild(type(dialog.which), "linkQuote")
    assert quote is not None and quote.text() == words
    qtbot.keyClicks(dialog.reasoning, "the witness saw the strike on the hospital")
    dialog.link_button.click()
    settle(qtbot, shell.runner)
    (link,) = case.records.element_links(element=ELEMENT)
    assert link.excerpt is not None and link.excerpt.quote == words
    assert stored[link.excerpt.char_start : link.excerpt.char_end] == words  # type: ignore[misc]


def test_a_passage_of_audio_is_linked_by_its_start_and_end(
    qtbot: QtBot, shell: Shell, make_case: Callable[..., tuple[OpenCase, str]], tmp_path: Path
) -> None:
    recording = tmp_path / "interview.wav"
    with wave.open(str(recording), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(8000)
        out.writeframes(b"\0\0" * 8000)
    case, _ = make_case()
    open_with(qtbot, shell, case, [recording])
    select(qtbot, shell, 0)
    action(shell, "F8").trigger()
    settle(qtbot, shell.runner)
    preview = shell.main.preview
    bar = preview.bar
    assert preview.content is not None and preview.content.media_type.startswith("audio/")
    assert bar.isVisible() and bar.time_row.isVisible() and not bar.region_row.isVisible()

    qtbot.keyClicks(bar.start, "1:10")
    qtbot.keyClicks(bar.end, "0:42")
    bar.link_button.click()
    assert shell.main.legal.picker is None
    assert "ends before it starts" in shell.main.statusBar().currentMessage()

    bar.start.clear()
    bar.end.clear()
    qtbot.keyClicks(bar.start, "0:42")
    qtbot.keyClicks(bar.end, "1:10.5")
    assert preview.excerpt() == Excerpt(start_ms=42_000, end_ms=70_500)
    dialog = link_through_the_picker(qtbot, shell, "the witness describes the strike")
    excerpt_label = dialog.findChild(type(dialog.which), "linkExcerpt")
    assert excerpt_label is not None and excerpt_label.text() == "from 0:42 to 1:10"
    dialog.link_button.click()
    settle(qtbot, shell.runner)
    (link,) = case.records.element_links(element=ELEMENT)
    assert link.excerpt == Excerpt(start_ms=42_000, end_ms=70_500)


def test_qt_positions_become_indexes_of_the_stored_text() -> None:
    text = "a🙂b\r\nج"
    assert [text_offset(text, p) for p in range(7)] == [0, 1, 2, 2, 3, 5, 6]  # 🙂 is 2 units, CR LF 1
    assert text_offset("plain", 3) == 3 and text_offset("plain", 99) == 5
