"""Linking the selected exhibits to a person or an incident, by hand: the target (people by pseudonym,
incidents by title), the stance and the required reasoning, as `caseapp link EX-n INC-n` takes them.

Each exhibit is linked by its own write (gui/exhibit_writes.py, shared with the element link form);
what the service refuses (a missing reasoning, the same link twice) is shown in the form.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QWidget,
)

from caseapp.core.entities import Incident, Link, LinkStance, Person
from caseapp.core.operations import OpResult
from caseapp.core.services import RecordService
from caseapp.gui.errors import message_for
from caseapp.gui.exhibit_writes import ExhibitWritesForm
from caseapp.gui.i18n import enum_text
from caseapp.gui.tasks import TaskRunner

Exhibits = list[tuple[uuid.UUID, str]]
Targets = list[tuple[uuid.UUID, str]]


def tr(text: str) -> str:
    return QCoreApplication.translate("RecordLinkDialog", text)


def link_targets(records: RecordService) -> Targets:
    """People (by pseudonym and role; a name only where the service gives it, never a protected
    one) and incidents, live ones only."""
    people: list[Person] = records.persons()
    incidents: list[Incident] = records.incidents()
    targets: Targets = []
    for person in people:
        if person.id is not None and person.deleted is None:
            name = f" {person.full_name}" if person.full_name else ""
            targets.append((person.id, f"{person.ref}{name} ({enum_text(person.role)})"))
    for incident in incidents:
        if incident.id is not None and incident.deleted is None:
            targets.append((incident.id, f"{incident.ref} — {incident.title}"))
    return targets


class RecordLinkDialog(ExhibitWritesForm):
    """Link ``exhibits`` to the person or incident chosen; ``outcomes`` holds the links made."""

    def __init__(
        self,
        runner: TaskRunner,
        records: RecordService,
        exhibits: Exhibits,
        push_undo: Callable[[OpResult[Any] | None], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(exhibits, parent)
        self.setObjectName("recordLinkDialog")
        self.setWindowTitle(tr("Link exhibits to a person or an incident"))
        self.runner, self.records, self.push_undo = runner, records, push_undo
        self.which = QLabel(self)
        self.which.setWordWrap(True)
        self.target = QComboBox(self)
        self.target.setObjectName("linkTarget")
        self.target.setAccessibleName(tr("The person or incident the exhibits are linked to"))
        self.stance = QComboBox(self)
        self.stance.setObjectName("recordLinkStance")
        self.stance.setAccessibleName(tr("Stance"))
        for value in LinkStance:
            self.stance.addItem(enum_text(value), value)
        self.reasoning = QPlainTextEdit(self)
        self.reasoning.setObjectName("recordLinkReasoning")
        self.reasoning.setAccessibleName(tr("Reasoning"))
        self.reasoning.setPlaceholderText(tr("What does this exhibit show about them? (required)"))
        self.reasoning.setTabChangesFocus(True)
        self.error = QLabel(self)
        self.error.setObjectName("recordLinkError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #a40000")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.link_button = self.buttons.addButton(tr("Link"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.link_button.setObjectName("recordLinkButton")
        self.link_button.setEnabled(False)  # until the people and incidents are read
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(tr("Exhibits"), self.which)
        form.addRow(tr("Linked to"), self.target)
        form.addRow(tr("Stance"), self.stance)
        form.addRow(tr("Reasoning"), self.reasoning)
        self._lay_out(form, self.buttons, 320)
        handle = runner.read(lambda: link_targets(records), name="link targets")
        handle.succeeded.connect(self._targets_read)
        handle.failed.connect(lambda error: self.error.setText(message_for(error)))

    def _targets_read(self, targets: Targets) -> None:
        for key, text in targets:
            self.target.addItem(text, key)
        if targets:
            self.link_button.setEnabled(True)
        else:
            self.error.setText(tr("The case has no person or incident yet: add one first (Records menu)."))

    def choose(self, ref: str) -> bool:
        """Choose the target whose text starts with ``ref`` (keyboard users type into the list)."""
        for row in range(self.target.count()):
            if self.target.itemText(row).startswith(f"{ref} "):
                self.target.setCurrentIndex(row)
                return True
        return False

    def submit(self) -> None:
        """Link each exhibit (one write each); the form closes when every one is linked."""
        target = self.target.currentData()
        if self.pending or target is None:
            return
        records, reasoning, stance = self.records, self.reasoning.toPlainText(), self.stance.currentData()

        def work(key: uuid.UUID) -> OpResult[Link]:
            return records.link(key, target, reasoning=reasoning, stance=stance)

        self._write_each(self.runner, work, "link")

    def _linked_one(self, ref: str, result: OpResult[Any]) -> None:
        self.push_undo(result)

    def _error_line(self, ref: str, error: BaseException) -> str:
        return f"{ref}: {message_for(error)}"
