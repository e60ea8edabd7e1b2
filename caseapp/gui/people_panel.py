"""Protection of the selected person, under their details: the risk level (an edit with a reason,
undoable), the consent that holds per scope (ICC, other courts, NGOs, the public; a statement
given or withdrawn is recorded, and undo takes it back) and their identity.

The identity (real name, aliases, date of birth, contact) is never read to be shown without the
window's recorded reveal (``RecordService.reveal_person``, kept by the window as the People page's
"Reveal identity" keeps it):
until then the details say it is hidden; after it the details show it until the case is locked.
Editing it (a dialog, the service's messages shown as written) shows the saved values through a
new recorded reveal; an undo or redo of an identity change hides it again until the next reveal.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import replace
from typing import TYPE_CHECKING, Any
from uuid import UUID

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from caseapp.core.changes import Changes
from caseapp.core.consent import current_consents
from caseapp.core.entities import Consent, ConsentScope, ConsentState, Person, PersonIdentity, RiskLevel
from caseapp.core.refs import RefKind
from caseapp.core.services import RecordService
from caseapp.core.services.persons import UNDO_IDENTITY
from caseapp.gui.errors import message_for
from caseapp.gui.i18n import QT_TRANSLATE_NOOP
from caseapp.gui.record_dialogs import RecordDialog
from caseapp.gui.tasks import TaskRunner
from caseapp.gui.undo import OperationCommand
from caseapp.gui.write_form import WriteForm, error_label

if TYPE_CHECKING:
    from caseapp.gui.main_window import MainWindow

PROTECTION_LABELS = (
    QT_TRANSLATE_NOOP("RiskLevel", "low"),
    QT_TRANSLATE_NOOP("RiskLevel", "medium"),
    QT_TRANSLATE_NOOP("RiskLevel", "high"),
    QT_TRANSLATE_NOOP("RiskLevel", "unknown"),
    QT_TRANSLATE_NOOP("ConsentState", "given"),
    QT_TRANSLATE_NOOP("ConsentState", "withdrawn"),
)


SCOPE_LABELS = {  # whom a consent lets the case share with, as a reader names them
    ConsentScope.ICC: QT_TRANSLATE_NOOP("ConsentScope", "the ICC"),
    ConsentScope.OTHER_COURTS: QT_TRANSLATE_NOOP("ConsentScope", "other courts"),
    ConsentScope.NGOS: QT_TRANSLATE_NOOP("ConsentScope", "NGOs"),
    ConsentScope.PUBLIC: QT_TRANSLATE_NOOP("ConsentScope", "the public"),
}


def tr(text: str) -> str:
    return QCoreApplication.translate("PeoplePanel", text)


def protection_text(value: enum.StrEnum) -> str:
    """A risk level, consent scope or consent state in the interface's language."""
    source = SCOPE_LABELS[value] if isinstance(value, ConsentScope) else value.value
    return QCoreApplication.translate(type(value).__name__, source)


class ConsentDialog(WriteForm):
    """Record one consent statement: scope, given or withdrawn, the day, how it was given."""

    def __init__(
        self,
        runner: TaskRunner,
        records: RecordService,
        person: Person,
        parent: QWidget | None = None,
        *,
        scope: ConsentScope = ConsentScope.ICC,
        state: ConsentState = ConsentState.GIVEN,
    ) -> None:
        super().__init__(runner, parent)
        self.setObjectName("consentDialog")
        self.setWindowTitle(tr("Consent of {ref}").format(ref=person.ref))
        self.records, self.person = records, person
        self.scope = QComboBox(self)
        for scope_value in ConsentScope:
            self.scope.addItem(protection_text(scope_value), scope_value.value)
        self.scope.setCurrentIndex(self.scope.findData(scope.value))
        self.state = QComboBox(self)
        for state_value in ConsentState:
            self.state.addItem(protection_text(state_value), state_value.value)
        self.state.setCurrentIndex(self.state.findData(state.value))
        self.on = QLineEdit(dt.date.today().isoformat(), self)
        self.on.setPlaceholderText(tr("YYYY-MM-DD"))
        self.note = QLineEdit(self)
        self.note.setPlaceholderText(tr("optional: how it was given (kept in the case, hashed in custody)"))
        form = QFormLayout()
        form.addRow(tr("Share with"), self.scope)
        form.addRow(tr("Consent"), self.state)
        form.addRow(tr("On"), self.on)
        form.addRow(tr("Note"), self.note)
        self.lay_out(form)

    def submit(self) -> None:
        records, key = self.records, self.person.id
        scope, state = str(self.scope.currentData()), str(self.state.currentData())
        on, note = self.on.text().strip(), self.note.text()
        self.write(lambda: records.record_consent(key, scope=scope, state=state, on=on or None, note=note), "consent")


class IdentityDialog(WriteForm):
    """Set a revealed person's aliases, date of birth and contact, with the reason for the change."""

    def __init__(
        self, runner: TaskRunner, records: RecordService, person: Person, parent: QWidget | None = None
    ) -> None:
        super().__init__(runner, parent)
        self.setObjectName("identityDialog")
        self.setWindowTitle(tr("Identity of {ref}").format(ref=person.ref))
        self.records, self.person = records, person
        self.initial = person.identity or PersonIdentity()
        self.aliases = QPlainTextEdit("\n".join(self.initial.aliases), self)
        self.aliases.setMaximumHeight(80)
        self.aliases.setPlaceholderText(tr("one alias per line"))
        self.born = QLineEdit(self.initial.born, self)
        self.born.setPlaceholderText(tr("YYYY-MM-DD, or empty if not known"))
        self.contact = QPlainTextEdit(self.initial.contact, self)
        self.contact.setMaximumHeight(80)
        self.reason = QLineEdit(self)
        form = QFormLayout()
        form.addRow(tr("Aliases"), self.aliases)
        form.addRow(tr("Date of birth"), self.born)
        form.addRow(tr("Contact"), self.contact)
        form.addRow(tr("Reason for the change"), self.reason)
        note = QLabel(
            tr(
                "Kept apart from the person's record, inside the encrypted case; "
                "the custody log holds only keyed hashes."
            ),
            self,
        )
        note.setWordWrap(True)
        self.lay_out(form, note)
        self.resize(460, self.sizeHint().height())

    def submit(self) -> None:
        aliases = [line.strip() for line in self.aliases.toPlainText().splitlines() if line.strip()]
        born, contact, reason = self.born.text().strip(), self.contact.toPlainText().strip(), self.reason.text()
        if (tuple(aliases), born, contact) == (self.initial.aliases, self.initial.born, self.initial.contact):
            self.error.setText(tr("Nothing was changed."))
            return
        records, key = self.records, self.person.id
        self.write(
            lambda: records.set_identity(key, aliases=aliases, born=born, contact=contact, reason=reason), "identity"
        )

    def done(self, result: int) -> None:
        """Closed either way: the identity typed or shown leaves the widgets (the dialog object may live on)."""
        for edit in (self.aliases, self.contact):
            edit.clear()
            edit.document().clearUndoRedoStacks()
        self.born.clear()
        self.reason.clear()
        self.person = replace(self.person, full_name=None, identity=None)
        self.initial = PersonIdentity()
        super().done(result)


class PeoplePanel(QGroupBox):
    """Risk, consent and identity of the person selected on the People page (hidden otherwise)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(tr("Protection"), window.side.details_page)
        self.setObjectName("peoplePanel")
        self.main = window
        self.person: Person | None = None
        self.consents: list[Consent] = []
        self._generation = 0
        self._undo_index = 0
        self.dialog: QDialog | None = None
        self._build()
        self._wire(window)

    def _build(self) -> None:
        self.risk = QComboBox(self)
        self.risk.setObjectName("personRisk")
        self.risk.setAccessibleName(tr("Risk level"))
        for level in RiskLevel:
            self.risk.addItem(protection_text(level), level.value)
        self.risk.activated.connect(lambda _index: self._risk_chosen())
        self.table = QTableWidget(len(ConsentScope), 3, self)
        self.table.setObjectName("consentTable")
        self.table.setAccessibleName(tr("Consent per scope"))
        self.table.setHorizontalHeaderLabels([tr("Share with"), tr("Consent"), tr("Since")])
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setMaximumHeight(self.table.verticalHeader().defaultSectionSize() * 5 + 6)
        self.record_button = QPushButton(tr("Record consent…"), self)
        self.record_button.setObjectName("recordConsent")
        self.record_button.clicked.connect(lambda _checked=False: self.record_consent())
        self.withdraw_button = QPushButton(tr("Withdraw…"), self)
        self.withdraw_button.setObjectName("withdrawConsent")
        self.withdraw_button.clicked.connect(lambda _checked=False: self.record_consent(ConsentState.WITHDRAWN))
        self.reveal_button = QPushButton(tr("Reveal identity"), self)
        self.reveal_button.setObjectName("revealIdentity")
        self.reveal_button.setToolTip(
            tr("Shows the real name, aliases, date of birth and contact until the case is locked; recorded in custody.")
        )
        self.reveal_button.clicked.connect(lambda _checked=False: self.reveal())
        self.identity_button = QPushButton(tr("Edit identity…"), self)
        self.identity_button.setObjectName("editIdentity")
        self.identity_button.clicked.connect(lambda _checked=False: self.edit_identity())
        self.message = error_label(self)
        risk_row = QHBoxLayout()
        risk_row.addWidget(QLabel(tr("Risk level"), self))
        risk_row.addWidget(self.risk, 1)
        consent_buttons = QHBoxLayout()
        consent_buttons.addWidget(self.record_button)
        consent_buttons.addWidget(self.withdraw_button)
        identity_row = QHBoxLayout()
        identity_row.addWidget(self.reveal_button)
        identity_row.addWidget(self.identity_button)
        layout = QVBoxLayout(self)
        layout.addLayout(risk_row)
        layout.addWidget(self.table)
        layout.addLayout(consent_buttons)
        layout.addLayout(identity_row)
        layout.addWidget(self.message)

    def _wire(self, window: MainWindow) -> None:
        details = window.side.details_page.layout()
        assert isinstance(details, QVBoxLayout)
        details.insertWidget(1, self)
        self.hide()
        window.record_pages[RefKind.PERSON].selected.connect(self._person_selected)
        for kind, page in window.record_pages.items():
            if kind is not RefKind.PERSON:
                page.selected.connect(lambda _row: self.show_person(None))
        window.exhibits_page.selected.connect(lambda _row: self.show_person(None))
        window.custody_page.selected.connect(lambda _row: self.show_person(None))
        window.persons.dataChanged.connect(lambda *_args: self._show_identity_buttons())
        window.runner.changed.connect(self.apply_changes)
        window.undo_stack.indexChanged.connect(self._undo_moved)

    # -- what is shown
    def _person_selected(self, row: int) -> None:
        self.show_person(self.main.persons.row_at(row))

    def show_person(self, person: Person | None) -> None:
        self._generation += 1
        self.person = person
        self.message.clear()
        if person is None:
            self.hide()
            self._fill_consents([])
            return
        self.risk.setCurrentIndex(self.risk.findData(person.risk.value))
        self._show_identity_buttons()
        self.show()
        self._load_consents()

    def _load_consents(self) -> None:
        case, person = self.main.case, self.person
        if case is None or person is None:
            return
        records, key, generation = case.records, person.id, self._generation

        def read() -> tuple[Person, list[Consent]]:
            found = records.get(key, RefKind.PERSON)
            assert isinstance(found, Person)
            return found, records.consents(key)

        handle = self.main.runner.read(read, name="person protection")
        handle.succeeded.connect(lambda found: self._arrived(generation, *found))
        handle.failed.connect(lambda error: self.message.setText(message_for(error)))

    def _arrived(self, generation: int, person: Person, consents: list[Consent]) -> None:
        if generation != self._generation:
            return
        self.person = person
        self.risk.setCurrentIndex(self.risk.findData(person.risk.value))
        self._fill_consents(consents)

    def _fill_consents(self, consents: list[Consent]) -> None:
        self.consents = consents
        held = current_consents(consents)
        for row, scope in enumerate(ConsentScope):
            statement = held.get(scope)
            history = [c for c in consents if c.scope is scope]
            cells = (
                protection_text(scope),
                protection_text(statement.state) if statement else tr("not recorded"),
                statement.on.isoformat() if statement else "",
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, scope.value)
                if history:
                    item.setToolTip(
                        "\n".join(f"{c.on.isoformat()}: {protection_text(c.state)} ({c.author})" for c in history)
                    )
                self.table.setItem(row, column, item)

    def _revealed(self) -> Person | None:
        person = self.person
        if person is None:
            return None
        shown = self.main.persons.revealed.get(person.id)
        return shown if shown is not None and shown.identity is not None else None

    def _show_identity_buttons(self) -> None:
        revealed = self._revealed() is not None
        self.reveal_button.setVisible(not revealed)
        self.identity_button.setVisible(revealed)

    def consent_held(self, scope: ConsentScope) -> tuple[str, str]:
        """What the table shows for ``scope``: the state and the date."""
        row = list(ConsentScope).index(scope)
        state, since = self.table.item(row, 1), self.table.item(row, 2)
        return (state.text() if state else "", since.text() if since else "")

    # -- changes
    def apply_changes(self, changes: Changes) -> None:
        if changes.persons and self.person is not None and self.main.case is not None:
            self._generation += 1
            self._load_consents()

    def _undo_moved(self, index: int) -> None:
        """An identity change undone or redone: what was revealed may be stale, so hide it again."""
        stack = self.main.undo_stack
        moved = index if index < self._undo_index else index - 1  # undone, or redone / pushed
        self._undo_index = index
        command = stack.command(moved) if 0 <= moved < stack.count() else None
        if isinstance(command, OperationCommand) and command.data.action == UNDO_IDENTITY:
            self.forget_reveal(command.data.id)

    def forget_reveal(self, key: UUID) -> None:
        persons = self.main.persons
        if persons.revealed.pop(key, None) is not None:
            persons.refresh()
            self.main.show_selected()
            self._show_identity_buttons()

    # -- actions
    def _risk_chosen(self) -> None:
        person, case = self.person, self.main.case
        value = str(self.risk.currentData())
        if person is None or case is None or value == person.risk.value:
            return
        ask = QInputDialog(self.main)
        ask.setObjectName("riskReason")
        ask.setWindowTitle(tr("Risk level of {ref}").format(ref=person.ref))
        ask.setLabelText(
            tr("Why is the risk level now {level}? The reason is kept in the custody log.").format(
                level=protection_text(RiskLevel(value))
            )
        )
        records, key = case.records, person.id
        ask.textValueSelected.connect(
            lambda reason: self._write(lambda: records.edit(key, {"risk": value}, reason=reason))
        )
        ask.rejected.connect(lambda: self.risk.setCurrentIndex(self.risk.findData(person.risk.value)))
        self.dialog = ask
        ask.open()

    def _write(self, work: Any) -> None:
        handle = self.main.runner.write(work, name="person protection")
        handle.succeeded.connect(self.main._push_undo)
        handle.failed.connect(self._failed)

    def _failed(self, error: BaseException) -> None:
        self.message.setText(message_for(error))
        if self.person is not None:
            self.risk.setCurrentIndex(self.risk.findData(self.person.risk.value))

    def record_consent(self, state: ConsentState = ConsentState.GIVEN) -> ConsentDialog | None:
        person, case = self.person, self.main.case
        if person is None or case is None:
            return None
        rows = self.table.selectionModel().selectedRows()
        scope = list(ConsentScope)[rows[0].row()] if rows else ConsentScope.ICC
        dialog = ConsentDialog(self.main.runner, case.records, person, self.main, scope=scope, state=state)
        dialog.accepted.connect(lambda: self.main._push_undo(dialog.outcome))
        self.dialog = dialog
        dialog.open()
        return dialog

    def edit_identity(self) -> IdentityDialog | None:
        revealed, case = self._revealed(), self.main.case
        if revealed is None or case is None:
            return None
        dialog = IdentityDialog(self.main.runner, case.records, revealed, self.main)
        dialog.accepted.connect(lambda: self._identity_saved(dialog))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _identity_saved(self, dialog: IdentityDialog) -> None:
        """Show what was saved: the person was revealed to edit, so read it again by a recorded reveal."""
        self.main._push_undo(dialog.outcome)
        self.reveal(dialog.person.id)

    def reveal(self, key: UUID | None = None) -> None:
        """The recorded reveal of the person shown (or ``key``), as the People page's "Reveal identity" does;
        the window keeps it until the case is locked."""
        case, person = self.main.case, self.person
        key = key or (person.id if person is not None else None)
        if case is None or key is None:
            return
        records, wanted = case.records, key
        handle = self.main.runner.write(lambda: records.reveal_person(wanted), name="reveal")
        handle.succeeded.connect(lambda result: self.main._revealed(result.value))
        handle.failed.connect(self._failed)

    def clear(self) -> None:
        """Forget the person shown (the case is locked), and every closed form that held a revealed name:
        a person's edit form stays a child of the window after it closes, with the name in its field."""
        if self.dialog is not None:
            self.dialog.reject()
            self.dialog = None
        for form in self.main.findChildren(RecordDialog):
            if form.kind is RefKind.PERSON:
                for field in form.inputs.values():
                    field.clear()
                form.deleteLater()
        self.show_person(None)
