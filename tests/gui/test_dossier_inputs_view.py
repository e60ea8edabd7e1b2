"""The dossier texts editor over a real case: a section written, undone and redone through the
window's undo stack (the custody log and the store follow), a bad ISO code refused with the
service's own message, facts saved, and Arabic paragraphs laid out right to left one by one."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from caseapp.app.case_folder import OpenCase
from caseapp.core.custody import CustodyAction
from caseapp.core.dossier.inputs import SectionKey
from caseapp.core.errors import ValidationError
from caseapp.core.ports import CustodyQuery
from caseapp.gui.errors import message_for
from caseapp.gui.shell import Shell
from tests.gui.conftest import settle

ARABIC = "شهدت الممرضة الضربة الثانية من البوابة."
FRENCH = "Le témoin a vu la seconde frappe depuis le portail."


def opened_editor(qtbot: QtBot, shell: Shell, make_case: Callable[..., tuple[OpenCase, str]]):  # type: ignore[no-untyped-def]
    case, _ = make_case()
    shell.open(case, case.folder)
    settle(qtbot, shell.runner)
    view = shell.main.exports.edit_inputs()
    assert view is not None
    settle(qtbot, shell.runner)
    return case, view


def test_a_section_written_undone_and_redone_through_the_undo_stack(
    qtbot: QtBot, shell: Shell, make_case: Callable[..., tuple[OpenCase, str]]
) -> None:
    case, view = opened_editor(qtbot, shell, make_case)
    sections = view.sections
    view.tabs.setCurrentIndex(1)
    assert sections.count() == len(SectionKey)
    assert sections.item(2).text().endswith("generated draft")
    sections.setCurrentRow(2)  # factual background
    assert view.current_key() is SectionKey.FACTUAL_BACKGROUND and not view.clear_section_button.isEnabled()
    qtbot.keyClicks(view.editor, "Draft")  # typed: (QTest types Latin-1 only)
    view.editor.setPlainText(f"{FRENCH}\n\n{ARABIC}")
    qtbot.mouseClick(view.save_section_button, Qt.MouseButton.LeftButton)
    settle(qtbot, shell.runner)
    assert view.error.text() == ""
    written = case.records.dossier_inputs().sections[SectionKey.FACTUAL_BACKGROUND].text
    assert written == f"{FRENCH}\n\n{ARABIC}"
    assert sections.item(2).text().endswith("written") and view.clear_section_button.isEnabled()
    stack = shell.main.undo_stack
    assert stack.count() == 1 and stack.canUndo()

    shell.main.undo_action.trigger()
    settle(qtbot, shell.runner)
    assert SectionKey.FACTUAL_BACKGROUND not in case.records.dossier_inputs().sections
    assert sections.item(2).text().endswith("generated draft") and view.editor.toPlainText() == ""
    shell.main.redo_action.trigger()
    settle(qtbot, shell.runner)
    assert case.records.dossier_inputs().sections[SectionKey.FACTUAL_BACKGROUND].text == written
    assert view.editor.toPlainText() == written
    actions = [e.action for e in case.custody.entries(CustodyQuery(target_ref="DOSSIER"))]
    assert actions == [CustodyAction.DOSSIER_SECTION_WRITE, "undo", "undo"]  # written, undone, the undo undone

    blocks = [view.editor.document().findBlockByNumber(n) for n in range(view.editor.document().blockCount())]
    directions = {block.text(): block.textDirection() for block in blocks if block.text()}
    assert directions == {FRENCH: Qt.LayoutDirection.LeftToRight, ARABIC: Qt.LayoutDirection.RightToLeft}
    document = view.editor.document()
    qtbot.waitUntil(lambda: document.textWidth() > 0)  # the editor is on screen, with its width
    for block in blocks:
        document.documentLayout().blockBoundingRect(block)  # laid out now
    lines = {block.text(): block.layout().lineAt(0).naturalTextRect() for block in blocks if block.text()}
    width = document.textWidth()
    assert lines[FRENCH].left() < 10 and lines[FRENCH].right() < width - 20, "French starts at the left"
    assert lines[ARABIC].left() > 20 and lines[ARABIC].right() > width - 20, "Arabic starts at the right"

    qtbot.mouseClick(view.clear_section_button, Qt.MouseButton.LeftButton)
    settle(qtbot, shell.runner)
    assert SectionKey.FACTUAL_BACKGROUND not in case.records.dossier_inputs().sections
    assert stack.count() == 2


def test_a_bad_iso_code_shows_the_services_message_and_good_facts_are_saved(
    qtbot: QtBot, shell: Shell, make_case: Callable[..., tuple[OpenCase, str]]
) -> None:
    case, view = opened_editor(qtbot, shell, make_case)
    qtbot.keyClicks(view.fields["situation"], "Situation in the Syrian Arab Republic")
    qtbot.keyClicks(view.fields["element_territories"], "JO, XX")
    qtbot.mouseClick(view.save_fields_button, Qt.MouseButton.LeftButton)
    settle(qtbot, shell.runner)
    try:
        case.records.set_dossier_fields(element_territories=["JO", "XX"])
    except ValidationError as error:
        expected = message_for(error)
    assert view.error.text() == expected and "'XX'" in expected
    assert case.records.dossier_inputs().situation == ""  # nothing of the form was saved
    assert shell.main.undo_stack.count() == 0

    view.fields["element_territories"].setText("jo; tr")
    qtbot.mouseClick(view.save_fields_button, Qt.MouseButton.LeftButton)
    settle(qtbot, shell.runner)
    assert view.error.text() == ""
    inputs = case.records.dossier_inputs()
    assert inputs.situation.startswith("Situation in") and inputs.element_territories == ("JO", "TR")
    assert view.fields["element_territories"].text() == "JO, TR"  # as the service stored them
    qtbot.mouseClick(view.save_fields_button, Qt.MouseButton.LeftButton)
    assert view.error.text() == "Nothing was changed."
    shell.main.undo_action.trigger()
    settle(qtbot, shell.runner)
    assert case.records.dossier_inputs().element_territories == ()
    assert view.fields["situation"].text() == ""
