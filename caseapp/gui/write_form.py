"""A form whose OK runs one write on the task runner: the record, person and consent forms.

What the service refuses is shown under the form, as it wrote it, and the form stays open with
what was typed; the result of the write is kept in ``outcome`` (for the undo stack) and the form
closes."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLayout, QVBoxLayout, QWidget

from caseapp.core.operations import OpResult
from caseapp.gui.errors import message_for
from caseapp.gui.tasks import TaskRunner


def error_label(parent: QWidget) -> QLabel:
    """The red line where a form (or a panel) says what the service refused."""
    label = QLabel(parent)
    label.setObjectName("dialogError")
    label.setWordWrap(True)
    label.setStyleSheet("color: #b00020")
    return label


class WriteForm(QDialog):
    """Subclasses build their fields, call :meth:`lay_out` with them, and make ``submit`` call
    :meth:`write`."""

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.outcome: OpResult[Any] | None = None

    def lay_out(self, *parts: QLayout | QWidget) -> None:
        """``parts`` one under the other, then the error line and OK / Cancel (made here, after the
        fields, so the keyboard reaches them last)."""
        self.error = error_label(self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for part in parts:
            if isinstance(part, QLayout):
                layout.addLayout(part)
            else:
                layout.addWidget(part)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def submit(self) -> None:
        raise NotImplementedError

    def write(self, work: Callable[[], OpResult[Any]], name: str) -> None:
        self.buttons.setEnabled(False)
        self.error.setText("")
        handle = self.runner.write(work, name=name)
        handle.succeeded.connect(self._done)
        handle.failed.connect(self._failed)

    def _done(self, result: OpResult[Any]) -> None:
        self.outcome = result
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.buttons.setEnabled(True)
        self.error.setText(message_for(error))
