"""Undo and redo through a QUndoStack over the operations' undo data.

A command is pushed after its operation succeeded, so its first ``redo`` (which Qt calls on push)
does nothing. Each later undo/redo applies the current :class:`Undo` through
``RecordService.undo`` on the write worker; writes run one at a time in order, so the data a
command reads there is always the one its previous step left."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from caseapp.core.operations import OpResult, Undo
from caseapp.core.services import RecordService
from caseapp.gui.tasks import TaskHandle, TaskRunner


class OperationCommand(QUndoCommand):
    def __init__(
        self,
        undo: Undo,
        runner: TaskRunner,
        records: Callable[[], RecordService],
        on_error: Callable[[BaseException], None],
        text: str,
    ) -> None:
        super().__init__(text)
        self.data = undo
        self.runner = runner
        self.records = records
        self.on_error = on_error
        self._pushed = False
        self.last: TaskHandle | None = None

    def _apply(self) -> None:
        records = self.records()

        def work() -> OpResult[Undo]:
            result = records.undo(self.data)
            if result.undo is not None:
                self.data = result.undo
            return result

        self.last = self.runner.write(work, name=self.text())
        self.last.failed.connect(self.on_error)

    def undo(self) -> None:
        self._apply()

    def redo(self) -> None:
        if not self._pushed:
            self._pushed = True  # the operation itself already ran
            return
        self._apply()
