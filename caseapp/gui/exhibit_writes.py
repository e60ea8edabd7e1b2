"""The part every "link the selected exhibits" form shares: one write per exhibit on the task
runner (so each link is its own step on the undo stack), the service's refusals gathered into the
form's error line, and the form closing only when every exhibit is linked; the exhibits not linked
stay listed in it."""

from __future__ import annotations

import functools
import uuid
from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from caseapp.core.operations import OpResult
from caseapp.gui.errors import message_for
from caseapp.gui.tasks import TaskRunner

Exhibits = list[tuple[uuid.UUID, str]]


class ExhibitWritesForm(QDialog):
    """Subclasses make ``which`` (the exhibits listed), ``error`` and ``link_button``, and say in
    :meth:`_linked_one` what a made link shows besides joining ``outcomes``."""

    which: QLabel
    error: QLabel
    link_button: QPushButton

    def __init__(self, exhibits: Exhibits, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.exhibits = list(exhibits)
        self.outcomes: list[Any] = []
        self.pending = 0
        self.errors: list[str] = []

    def _show_exhibits(self) -> None:
        self.which.setText(", ".join(ref for _key, ref in self.exhibits))

    def _lay_out(self, form: QFormLayout, buttons: QWidget, height: int) -> None:
        """The form, the error line under it and the buttons; the exhibits listed."""
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self._show_exhibits()
        self.resize(520, height)

    def _write_each(self, runner: TaskRunner, work: Callable[[uuid.UUID], OpResult[Any]], name: str) -> None:
        """Run ``work(exhibit)`` for each exhibit still listed, one write each."""
        self.errors = []
        self.error.clear()
        self.link_button.setEnabled(False)
        self.pending = len(self.exhibits)
        for key, ref in list(self.exhibits):
            handle = runner.write(functools.partial(work, key), name=name)
            handle.succeeded.connect(lambda result, key=key, ref=ref: self._linked(key, ref, result))
            handle.failed.connect(lambda error, ref=ref: self._failed(ref, error))

    def _linked(self, key: uuid.UUID, ref: str, result: OpResult[Any]) -> None:
        self.exhibits = [(k, r) for k, r in self.exhibits if k != key]
        self.outcomes.append(result.value)
        self._linked_one(ref, result)
        self._one_done()

    def _linked_one(self, ref: str, result: OpResult[Any]) -> None:
        raise NotImplementedError

    def _error_line(self, ref: str, error: BaseException) -> str:
        return message_for(error)

    def _failed(self, ref: str, error: BaseException) -> None:
        message = self._error_line(ref, error)
        if message not in self.errors:
            self.errors.append(message)
        self._one_done()

    def _one_done(self) -> None:
        self.pending -= 1
        if self.pending:
            return
        self.link_button.setEnabled(True)
        self._show_exhibits()
        if self.errors:
            self.error.setText("\n".join(self.errors))
        else:
            self.accept()
