"""An Arabic value in the detail panel starts under the other values of its column (it used to be
pushed to the far side of the cell, away from its label), and still reads right to left."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QTextBlock
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from caseapp.app.case_folder import OpenCase
from caseapp.core.ports import RecordQuery
from caseapp.core.refs import RefKind
from caseapp.gui.detail import DetailPanel, record_html
from caseapp.gui.i18n import Language
from caseapp.gui.shell import Shell
from tests.gui.conftest import settle

PLACE = "حلب، بستان القصر"
COORDINATES = "36.2021, 37.1343"


def block_with(panel: DetailPanel, text: str) -> QTextBlock:
    block = panel.document().begin()
    while block.isValid():
        if block.text() == text:
            return block
        block = block.next()
    raise AssertionError(f"{text!r} is not in the panel")


def text_left(panel: DetailPanel, block: QTextBlock) -> float:
    """Where the block's first line of text starts, in document coordinates."""
    box = panel.document().documentLayout().blockBoundingRect(block)
    return box.left() + block.layout().lineAt(0).naturalTextRect().left()


def test_an_arabic_place_starts_where_the_other_values_start(
    qtbot: QtBot, shell: Shell, make_case: Callable[..., tuple[OpenCase, str]]
) -> None:
    case, _ = make_case()
    case.records.add_incident(title="Strike", when="2016-04-27", place_name=PLACE, latitude=36.2021, longitude=37.1343)
    shell.open(case, case.folder)
    settle(qtbot, shell.runner)
    window = shell.main
    window.resize(1280, 760)
    window.navigator.setCurrentRow(1)
    settle(qtbot, shell.runner)  # the page shown reads its rows
    window.record_pages[RefKind.INCIDENT].table.selectRow(0)
    settle(qtbot, shell.runner)
    panel = window.detail
    place, coordinates = block_with(panel, PLACE), block_with(panel, COORDINATES)
    assert place.textDirection() == Qt.LayoutDirection.RightToLeft
    assert abs(text_left(panel, place) - text_left(panel, coordinates)) < 2


def test_in_arabic_a_label_stands_right_of_its_value_and_on_its_line(
    qtbot: QtBot, make_case: Callable[..., tuple[OpenCase, str]]
) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    language = Language("ar")
    assert language.install(app)
    try:
        case, _ = make_case()
        case.records.add_incident(title="Strike", when="2016-04-27", place_name=PLACE, latitude=36.2, longitude=37.1)
        panel = DetailPanel()
        qtbot.addWidget(panel)
        panel.resize(420, 300)
        panel.show()
        qtbot.waitExposed(panel)
        panel.show_html(record_html(case.records.incidents(RecordQuery())[0]))
        label_text = QCoreApplication.translate("DetailPanel", "Coordinates")
        assert label_text != "Coordinates"
        label, value = block_with(panel, label_text), block_with(panel, "36.2, 37.1")
        layout = panel.document().documentLayout()
        label_box, value_box = layout.blockBoundingRect(label), layout.blockBoundingRect(value)
        assert value_box.width() > 0 and label_box.left() > value_box.right() - 1  # read first, on the right
        assert abs(label_box.center().y() - value_box.center().y()) < 1.5  # on one line, not above it
    finally:
        language.uninstall(app)
