"""People and protection through the widgets (issue 17), on a real case: a witness's risk level and
consent per scope with undo, and their identity, which no widget shows before the recorded reveal
and none shows again after the case locks."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from caseapp.app.case_folder import OpenCase
from caseapp.core.entities import ConsentScope, ConsentState, Person, PersonRole, RiskLevel
from caseapp.core.refs import RefKind
from caseapp.gui.people_panel import SCOPE_LABELS, ConsentDialog, IdentityDialog, PeoplePanel
from caseapp.gui.record_dialogs import RecordDialog
from caseapp.gui.shell import Shell
from tests.conftest import PASSPHRASE
from tests.gui.conftest import settle

NAME, ALIAS, BORN, CONTACT = "محمد الحلبي", "Abu Khalid", "1984-03-07", "+963 555 0101"
SECRETS = (NAME, ALIAS, BORN, CONTACT)


def every_text(shell: Shell) -> str:
    """Whatever any widget of this application's windows (their dialogs included) shows or holds: texts,
    items, cells, tooltips, titles. (Not QApplication.allWidgets(): other tests' windows may linger.)"""
    texts: list[str] = []
    windows: list[QWidget] = [shell.main, shell.welcome]
    for widget in windows + [child for window in windows for child in window.findChildren(QWidget)]:
        texts += [widget.windowTitle(), widget.toolTip(), widget.accessibleName()]
        if isinstance(widget, QLabel | QLineEdit | QAbstractButton):
            texts.append(widget.text())
        elif isinstance(widget, QTextEdit | QPlainTextEdit):
            texts.append(widget.toPlainText())
        elif isinstance(widget, QComboBox):
            texts += [widget.itemText(i) for i in range(widget.count())]
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            root = widget.rootIndex()
            try:
                columns = model.columnCount(root)
            except TypeError:  # a list model keeps it private: one column
                columns = 1
            for row in range(model.rowCount(root)):
                for column in range(columns):
                    index = model.index(row, column, root)
                    texts += [str(index.data()), str(index.data(3))]  # display and tooltip
    return "\n".join(texts)


def assert_nothing_shows_the_identity(shell: Shell) -> None:
    shown = every_text(shell)
    for secret in SECRETS:
        assert secret not in shown


def select_person(qtbot: QtBot, shell: Shell) -> PeoplePanel:
    main = shell.main
    main.navigator.setCurrentRow(2)  # People
    settle(qtbot, shell.runner)  # the page shown reads its rows
    main.record_pages[RefKind.PERSON].table.selectRow(0)
    settle(qtbot, shell.runner)
    panel = main.people
    assert panel.isVisible() and panel.person is not None and panel.person.ref == "W-001"
    return panel


def undo(qtbot: QtBot, shell: Shell) -> None:
    shell.main.undo_stack.undo()
    settle(qtbot, shell.runner)


def test_risk_consent_and_an_identity_revealed_only_on_request_until_the_lock(
    qtbot: QtBot, shell: Shell, make_case: Callable[..., tuple[OpenCase, str]]
) -> None:
    case, _ = make_case()
    witness = case.records.add_person(role=PersonRole.WITNESS, full_name=NAME).value
    case.records.set_identity(witness.id, aliases=[ALIAS], born=BORN, contact=CONTACT, reason="interview")
    shell.open(case, case.folder)
    settle(qtbot, shell.runner)
    panel = select_person(qtbot, shell)
    main = shell.main
    assert "hidden" in main.detail.toPlainText()
    assert_nothing_shows_the_identity(shell)

    # consent to share with the ICC given, then withdrawn; a date in the future is refused as the service says
    panel.table.selectRow(0)
    assert panel.consent_held(ConsentScope.ICC) == ("not recorded", "")
    panel.record_button.click()
    dialog = panel.dialog
    assert isinstance(dialog, ConsentDialog) and dialog.scope.currentData() == "icc"
    dialog.on.setText("2026-05-01")
    dialog.buttons.accepted.emit()
    settle(qtbot, shell.runner)
    assert panel.consent_held(ConsentScope.ICC) == ("given", "2026-05-01")
    panel.withdraw_button.click()
    dialog = panel.dialog
    assert isinstance(dialog, ConsentDialog) and dialog.state.currentData() == "withdrawn"
    dialog.on.setText("2099-01-01")
    dialog.buttons.accepted.emit()
    settle(qtbot, shell.runner)
    assert dialog.isVisible() and "is in the future" in dialog.error.text()
    dialog.on.setText("2026-06-01")
    dialog.buttons.accepted.emit()
    settle(qtbot, shell.runner)
    assert not dialog.isVisible()
    assert panel.consent_held(ConsentScope.ICC) == ("withdrawn", "2026-06-01")
    assert panel.consent_held(ConsentScope.PUBLIC) == ("not recorded", "")
    undo(qtbot, shell)  # the withdrawal taken back: the consent given holds again
    assert panel.consent_held(ConsentScope.ICC) == ("given", "2026-05-01")
    assert case.records.consent_now(witness.id)[ConsentScope.ICC].state is ConsentState.GIVEN
    main.undo_stack.redo()
    settle(qtbot, shell.runner)
    assert panel.consent_held(ConsentScope.ICC) == ("withdrawn", "2026-06-01")

    # the risk level: an edit with its reason, undoable
    panel.risk.setCurrentIndex(panel.risk.findData("high"))
    panel.risk.activated.emit(panel.risk.currentIndex())
    ask = panel.dialog
    assert isinstance(ask, QInputDialog)
    ask.setTextValue("threatened after the interview")
    ask.accept()
    settle(qtbot, shell.runner)
    assert _stored(case, witness.id).risk is RiskLevel.HIGH and "Risk\nhigh\n" in main.detail.toPlainText()
    undo(qtbot, shell)
    assert _stored(case, witness.id).risk is RiskLevel.UNKNOWN
    assert panel.risk.currentData() == "unknown"
    assert_nothing_shows_the_identity(shell)

    # the explicit reveal is recorded, and shows the whole identity
    before = len([e for e in case.custody.entries() if e.action == "person.reveal"])
    assert before == 0 and panel.reveal_button.isVisible()
    panel.reveal_button.click()
    settle(qtbot, shell.runner)
    reveals = [e for e in case.custody.entries() if e.action == "person.reveal"]
    assert [(e.target, e.actor) for e in reveals] == [("W-001", "tester")]
    detail = main.detail.toPlainText()
    for secret in SECRETS:
        assert secret in detail
    assert panel.identity_button.isVisible() and not panel.reveal_button.isVisible()

    # editing the identity: the service's messages, then the saved values shown by a new recorded reveal
    panel.identity_button.click()
    editor = panel.dialog
    assert isinstance(editor, IdentityDialog) and editor.born.text() == BORN
    editor.contact.setPlainText("+963 555 0199")
    editor.born.setText("7 March 1984")
    editor.reason.setText("new number")
    editor.buttons.accepted.emit()
    settle(qtbot, shell.runner)
    assert editor.isVisible() and "is not a date; write it as YYYY-MM-DD" in editor.error.text()
    editor.born.setText(BORN)
    editor.buttons.accepted.emit()
    settle(qtbot, shell.runner)
    assert not editor.isVisible() and "+963 555 0199" in main.detail.toPlainText()
    assert len([e for e in case.custody.entries() if e.action == "person.reveal"]) == 2
    undo(qtbot, shell)  # the old contact is back, and hidden until the next reveal
    assert "+963 555 0199" not in every_text(shell) and panel.reveal_button.isVisible()
    assert_nothing_shows_the_identity(shell)
    with case.db.read() as tx:
        assert tx.person_identity(witness.id).contact == CONTACT

    panel.reveal_button.click()
    settle(qtbot, shell.runner)
    assert CONTACT in main.detail.toPlainText()
    main.record_pages[RefKind.PERSON].table.selectRow(0)
    form = main.record_action(RefKind.PERSON, "edit")  # the revealed name is in its field
    assert isinstance(form, RecordDialog) and form.inputs["full_name"].text() == NAME  # type: ignore[union-attr]
    form.reject()

    # the lock ends the reveal: nothing shows the identity, and unlocking again does not bring it back
    shell.lock()
    settle(qtbot, shell.runner)
    assert main.persons.revealed == {} and not panel.isVisible()
    assert_nothing_shows_the_identity(shell)
    shell.welcome.unlock_page.passphrase.setText(PASSPHRASE)
    shell.welcome.unlock_page.unlock()
    settle(qtbot, shell.runner)
    assert shell.case is not None
    select_person(qtbot, shell)
    assert "hidden" in main.detail.toPlainText() and main.people.reveal_button.isVisible()
    assert main.people.consent_held(ConsentScope.ICC) == ("withdrawn", "2026-06-01")
    assert_nothing_shows_the_identity(shell)


def _stored(case: OpenCase, key: object) -> Person:
    person = case.records.get(key, RefKind.PERSON)  # type: ignore[arg-type]
    assert isinstance(person, Person)
    return person


def test_every_risk_level_consent_scope_and_state_and_every_verdict_is_marked_for_translation() -> None:
    from caseapp.core.legal.consent import GroundStatus
    from caseapp.core.legal.jurisdiction import Verdict
    from caseapp.gui.i18n_catalog import scan_sources

    messages = scan_sources().messages
    assert set(SCOPE_LABELS) == set(ConsentScope)
    for kind in (RiskLevel, ConsentState, Verdict, GroundStatus):
        for member in kind:
            assert (kind.__name__, member.value) in messages, f"{kind.__name__}.{member.name} is not marked"
