"""Linking exhibits to a person or an incident by hand, through the Records menu's form: the
reasoning the service requires, protected names never in the list, the same link twice refused in
the form, and undo."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from caseapp.app.case_folder import OpenCase
from caseapp.core.entities import ExhibitKind, LinkStance, PersonRole, ProtectionLevel
from caseapp.gui.record_link_dialog import RecordLinkDialog
from caseapp.gui.shell import Shell
from tests.gui.conftest import settle
from tests.gui.test_legal_views import select_exhibit


def test_exhibits_are_linked_to_an_incident_by_hand_with_undo(
    qtbot: QtBot, shell: Shell, make_case: Callable[..., tuple[OpenCase, str]]
) -> None:
    case, _ = make_case()
    records = case.records
    photo = records.add_exhibit(title="Photo of the ward", kind=ExhibitKind.IMAGE).value
    records.add_person(role=PersonRole.WITNESS, full_name="Salma Haddad", protection=ProtectionLevel.PROTECTED)
    incident = records.add_incident(title="Strike on al-Quds hospital", when="2016-04-27").value
    shell.open(case, case.folder)
    settle(qtbot, shell.runner)
    main = shell.main
    select_exhibit(qtbot, shell, "Photo of the ward")
    action = next(a for a in main.findChildren(type(main.lock_action)) if a.shortcut().toString() == "Ctrl+Shift+L")
    action.trigger()
    dialog = main.findChild(RecordLinkDialog, "recordLinkDialog")
    assert isinstance(dialog, RecordLinkDialog) and dialog.isVisible()
    settle(qtbot, shell.runner)
    listed = [dialog.target.itemText(row) for row in range(dialog.target.count())]
    assert any(text.startswith("W-001 ") for text in listed) and any(text.startswith("INC-1 ") for text in listed)
    assert not any("Haddad" in text for text in listed)  # a protected name is never offered

    assert dialog.choose("INC-1")
    dialog.link_button.click()
    settle(qtbot, shell.runner)
    assert dialog.isVisible() and "Photo" not in dialog.error.text() and "required" in dialog.error.text()
    dialog.reasoning.setPlainText("the ward after the strike, seen from the courtyard")
    dialog.link_button.click()
    settle(qtbot, shell.runner)
    assert not dialog.isVisible()
    (link,) = dialog.outcomes
    assert link.target_id == incident.id and link.exhibit_id == photo.id and link.stance is LinkStance.SUPPORTS
    assert [x.ref for x in case.records.links() if x.deleted is None] == [link.ref]

    # the same link again is refused in the form, as the service words it
    select_exhibit(qtbot, shell, "Photo of the ward")  # the table was read again after the change
    again = main.link_to_record()
    assert again is not None
    settle(qtbot, shell.runner)
    again.choose("INC-1")
    again.reasoning.setPlainText("the same again")
    again.link_button.click()
    settle(qtbot, shell.runner)
    assert again.isVisible() and link.ref in again.error.text()
    again.reject()

    main.undo_stack.undo()
    settle(qtbot, shell.runner)
    assert [x.ref for x in case.records.links() if x.deleted is None] == []
    main.undo_stack.redo()
    settle(qtbot, shell.runner)
    assert [x.ref for x in case.records.links() if x.deleted is None] == [link.ref]
    QApplication.processEvents()
