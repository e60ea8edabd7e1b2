"""Building the case under legal elements through the widgets (issue 17), on the Aleppo sample case:
charge a crime in the charges view, drop an exhibit on an element of the catalogue tree, accept the
link in the review queue, watch the gap matrix go from unaddressed to weak to corroborated as an
independent source is linked, then undo and redo. And the Arabic interface lays these out right-to-left."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QMessageBox, QTreeWidgetItem
from pytestqt.qtbot import QtBot

from caseapp.app.case_folder import OpenCase
from caseapp.core.analysis import ReviewState, Weight
from caseapp.core.legal.gaps import GapStatus
from caseapp.gui.legal_common import legal_text
from caseapp.gui.link_dialog import LinkDialog
from caseapp.gui.models.exhibits import exhibits_in_mime
from caseapp.gui.shell import Shell
from tests.gui.conftest import running_shell, settle
from tests.records.aleppo import build

CRIME = "8(2)(e)(xii)"  # destroying the enemy's property: not charged in the sample case
ELEMENT = "8(2)(e)(xii)-1"


def page(shell: Shell, name: str) -> None:
    navigator = shell.main.navigator
    rows = [navigator.item(row).text() for row in range(navigator.count())]
    navigator.setCurrentRow(rows.index(name))


def select_exhibit(qtbot: QtBot, shell: Shell, title: str) -> None:
    main = shell.main
    page(shell, "Exhibits")
    model, table = main.exhibits, main.exhibits_page.table
    for row in range(model.rowCount()):
        exhibit = model.exhibit_at(row)
        if exhibit is not None and exhibit.title == title:
            table.selectRow(row)
            settle(qtbot, shell.runner)
            return
    raise LookupError(title)


def drop_selected_on(qtbot: QtBot, shell: Shell, element_id: str) -> LinkDialog:
    """Drag the selected rows of the exhibits table onto ``element_id`` of the catalogue tree."""
    main = shell.main
    table = main.exhibits_page.table
    mime = main.exhibits.mimeData(table.selectionModel().selectedIndexes())  # what a drag of the rows carries
    assert [ref for _key, ref in exhibits_in_mime(mime)] == [e.ref for e in main.legal.selected_exhibits()]
    main.navigator.setCurrentRow(main.stack.indexOf(main.legal.catalogue))  # by its widget: any language
    settle(qtbot, shell.runner)  # the page shown reads its rows
    catalogue = main.legal.catalogue
    item = catalogue.item_of(element_id)
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
    dialog = main.legal.dialog
    assert isinstance(dialog, LinkDialog) and dialog.isVisible() and dialog.element_id == element_id
    return dialog


def cell_status(shell: Shell, charge: str, element: str) -> str:
    item = shell.main.legal.gaps.cell_item(charge, element)
    assert item is not None
    return item.text(1)


def accept_in_queue(qtbot: QtBot, shell: Shell, link_ref: str) -> None:
    page(shell, "Review")
    review = shell.main.legal.review
    assert review.select(link_ref)
    qtbot.mouseClick(review.accept_button, Qt.MouseButton.LeftButton)
    settle(qtbot, shell.runner)


def test_charge_link_review_and_the_gap_matrix_through_the_widgets(
    qtbot: QtBot, shell: Shell, make_case: Callable[..., tuple[OpenCase, str]]
) -> None:
    case, _ = make_case()
    build(case)  # the investigator's and the reviewer's work so far; the window's user is "tester"
    shell.open(case, case.folder)
    settle(qtbot, shell.runner)
    main, legal = shell.main, shell.main.legal
    assert legal.catalogue.loaded is not None

    # charge the crime through the charges view
    page(shell, "Charges")
    charges = legal.charges
    count = charges.model.rowCount()
    qtbot.mouseClick(charges.add_button, Qt.MouseButton.LeftButton)
    settle(qtbot, shell.runner)
    dialog = charges.dialog
    assert dialog is not None and dialog.isVisible()
    dialog.crime.setCurrentIndex(dialog.crime.findData(CRIME))
    for row in range(dialog.suspects.rowCount()):
        cell = dialog.suspects.item(row, 0)
        assert cell is not None
        if cell.text().startswith("S-001 "):  # Commander A, as commander
            cell.setCheckState(Qt.CheckState.Checked)
            mode = dialog.suspects.cellWidget(row, 1)
            mode.setCurrentIndex(mode.findData("28(a)"))  # type: ignore[attr-defined]
    hospital = dialog.incidents.item(0)
    assert hospital is not None and "hospital" in hospital.text()
    hospital.setCheckState(Qt.CheckState.Checked)
    dialog.save_button.click()
    settle(qtbot, shell.runner)
    assert not dialog.isVisible()
    assert charges.model.rowCount() == count + 1
    charge = charges.model.row_at(count)
    assert charge is not None and charge.crime_id == CRIME and [s.mode_id for s in charge.suspects] == ["28(a)"]
    ref = charge.ref
    unaddressed, weak = legal_text(GapStatus.UNADDRESSED), legal_text(GapStatus.WEAK)
    corroborated = legal_text(GapStatus.CORROBORATED)
    assert unaddressed in cell_status(shell, ref, ELEMENT)
    assert corroborated in cell_status(shell, ref, "8(2)(e)(xii)-6")  # the shared armed-conflict context

    # the unaddressed filter plans the next collection
    gaps = legal.gaps
    gaps.only_unaddressed.setChecked(True)
    assert not gaps.cell_item(ref, ELEMENT).isHidden()  # type: ignore[union-attr]
    assert gaps.cell_item(ref, "8(2)(e)(xii)-6").isHidden()  # type: ignore[union-attr]
    gaps.only_unaddressed.setChecked(False)

    # link the MSF report by a drop; the reasoning the service requires is asked for
    select_exhibit(qtbot, shell, "MSF report on al-Quds")
    link_dialog = drop_selected_on(qtbot, shell, ELEMENT)
    link_dialog.link_button.click()
    settle(qtbot, shell.runner)
    assert link_dialog.isVisible() and link_dialog.error.text() == "Reasoning is required"
    qtbot.keyClicks(link_dialog.reasoning, "MSF describes the hospital destroyed by the strike")
    link_dialog.link_button.click()
    settle(qtbot, shell.runner)
    assert not link_dialog.isVisible()
    (first,) = link_dialog.outcomes
    assert first.review is ReviewState.PROPOSED and first.element_id == ELEMENT
    assert unaddressed in cell_status(shell, ref, ELEMENT)  # proposed links do not count yet
    assert first.ref in gaps.cell_item(ref, ELEMENT).text(5)  # type: ignore[union-attr]
    assert ELEMENT in legal.elements.text()  # the exhibit's elements, under its details

    # the author may not review their own link: the refusal is shown as the service wrote it
    accept_in_queue(qtbot, shell, first.ref)
    box = main.findChild(QMessageBox, "errorBox")
    assert box is not None and "another person must review it" in box.text()
    box.close()
    assert unaddressed in cell_status(shell, ref, ELEMENT)

    case.actor = "reviewer"  # a colleague reviews on the same case
    accept_in_queue(qtbot, shell, first.ref)
    assert weak in cell_status(shell, ref, ELEMENT)
    assert "one independent source" in gaps.cell_item(ref, ELEMENT).text(6)  # type: ignore[union-attr]
    assert not legal.review.select(first.ref)  # out of the queue

    # an independent source (the UN commission), linked by the reviewer and accepted by the investigator
    select_exhibit(qtbot, shell, "COI report A/HRC/33/55")
    second_dialog = drop_selected_on(qtbot, shell, ELEMENT)
    qtbot.keyClicks(second_dialog.reasoning, "the commission found the property destroyed")
    second_dialog.link_button.click()
    settle(qtbot, shell.runner)
    (second,) = second_dialog.outcomes
    case.actor = "tester"
    accept_in_queue(qtbot, shell, second.ref)
    item = gaps.cell_item(ref, ELEMENT)
    assert item is not None and corroborated in item.text(1) and item.text(2) == "2" and item.text(3) == "A1"

    # clicking the cell lists its exhibits
    page(shell, "Gaps")
    gaps.tree.setCurrentItem(item)
    settle(qtbot, shell.runner)
    shown = gaps.exhibits.toPlainText()
    assert first.exhibit_ref in shown and second.exhibit_ref in shown

    # undo the acceptance, then redo it, through the window's undo stack
    main.undo_stack.undo()
    settle(qtbot, shell.runner)
    assert weak in cell_status(shell, ref, ELEMENT)
    assert legal.review.select(second.ref)
    main.undo_stack.redo()
    settle(qtbot, shell.runner)
    assert corroborated in cell_status(shell, ref, ELEMENT)
    # and back to the start: undo both links' acceptances and both links
    for _ in range(4):
        main.undo_stack.undo()
        settle(qtbot, shell.runner)
    assert unaddressed in cell_status(shell, ref, ELEMENT)
    assert [link.ref for link in case.records.element_links(element=ELEMENT) if link.deleted is None] == []


def test_the_element_picker_links_the_selected_exhibit_by_keyboard(
    qtbot: QtBot, shell: Shell, make_case: Callable[..., tuple[OpenCase, str]]
) -> None:
    case, _ = make_case()
    build(case)
    shell.open(case, case.folder)
    settle(qtbot, shell.runner)
    legal = shell.main.legal
    select_exhibit(qtbot, shell, "Crater photo")
    picker = legal.pick_element()
    assert picker is not None
    qtbot.keyClicks(picker.filter, "8(2)(e)(xii)-2")
    qtbot.keyClick(picker.filter, Qt.Key.Key_Return)
    dialog = legal.dialog
    assert dialog is not None and dialog.element_id == "8(2)(e)(xii)-2" and dialog.which.text() == "EX-1"
    dialog.weight.setCurrentIndex(dialog.weight.findData(Weight.MAYBE))
    qtbot.keyClicks(dialog.reasoning, "the crater is in the hospital's courtyard")
    dialog.link_button.click()
    settle(qtbot, shell.runner)
    (link,) = case.records.element_links(element="8(2)(e)(xii)-2")
    assert link.exhibit_ref == "EX-1" and link.weight is Weight.MAYBE


def test_the_catalogue_search_finds_crimes_from_arabic_and_french_everyday_words(
    qtbot: QtBot, shell: Shell, make_case: Callable[..., tuple[OpenCase, str]]
) -> None:
    case, _ = make_case()
    shell.open(case, case.folder)
    settle(qtbot, shell.runner)
    catalogue = shell.main.legal.catalogue
    for query in ("hospital", "hôpital", "مستشفى"):
        catalogue.search.setText(query)
        catalogue.apply_search(query)
        hidden = catalogue.item_of("8(2)(e)(iv)")
        assert hidden is not None and not hidden.isHidden(), query
        murder = catalogue.item_of("7(1)(a)")
        assert murder is not None and murder.isHidden(), query
    current = catalogue.current_node()
    assert current is not None
    detail = catalogue.detail.toPlainText()
    assert "Verification" in detail and "Sources" in detail
    catalogue.search.clear()
    assert not catalogue.item_of("7(1)(a)").isHidden()  # type: ignore[union-attr]


@pytest.fixture
def arabic(qtbot: QtBot) -> Iterator[Shell]:
    with running_shell("ar") as shell:
        yield shell


def test_the_arabic_catalogue_tree_and_gap_matrix_lay_out_right_to_left(
    qtbot: QtBot, arabic: Shell, make_case: Callable[..., tuple[OpenCase, str]]
) -> None:
    case, _ = make_case()
    build(case)
    arabic.open(case, case.folder)
    settle(qtbot, arabic.runner)
    legal = arabic.main.legal
    for widget in (legal.catalogue.tree, legal.gaps.tree, legal.review.table, legal.charges.table):
        assert widget.layoutDirection() == Qt.LayoutDirection.RightToLeft
    gaps = legal.gaps
    gaps.resize(900, 500)
    header = gaps.tree.header()
    assert header.sectionViewportPosition(0) > header.sectionViewportPosition(1)  # the first column on the right
    cell = gaps.cell_item("CHG-1", "8(2)(e)(iv)-5")
    assert cell is not None and cell.text(1).endswith(legal_text(GapStatus.UNADDRESSED))
    assert legal_text(GapStatus.UNADDRESSED) != "unaddressed"  # written in Arabic
    queued = legal.review.model.row_at(0)  # selecting a link of the queue works right to left too
    assert queued is not None and legal.review.select(queued.ref) and legal.review.current() == queued
    assert cell.text(6) and cell.text(6) != "no accepted evidence"  # why, in Arabic too
    charge = gaps.tree.topLevelItem(0)
    assert charge.isFirstColumnSpanned() and "CHG-1" in charge.text(0)  # the crime's title is not cut in "Why"
