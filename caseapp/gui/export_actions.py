"""The menu actions that send the case out (the dossier, the evidence bundle) and edit what the
author gives the dossier. Each opens its dialog over the window's case; locking closes them."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog

from caseapp.core.operations import OpResult
from caseapp.gui.bundle_dialog import BundleDialog
from caseapp.gui.dossier_dialog import DossierDialog
from caseapp.gui.dossier_inputs_view import DossierInputsView

if TYPE_CHECKING:
    from caseapp.gui.main_window import MainWindow


def tr(text: str) -> str:
    return QCoreApplication.translate("ExportActions", text)


class ExportActions:
    def __init__(self, window: MainWindow, push_undo: Callable[[OpResult[Any] | None], None]) -> None:
        self.window = window
        self.push_undo = push_undo
        self.open_dialogs: list[QDialog] = []
        self.inputs_action = self._action(tr("Dossier texts…"), self.edit_inputs, "Ctrl+Shift+J")
        self.dossier_action = self._action(tr("Export dossier…"), self.export_dossier, "Ctrl+Shift+D")
        self.bundle_action = self._action(tr("Export evidence bundle…"), self.export_bundle, "Ctrl+Shift+B")

    def _action(self, text: str, slot: Callable[[], object], key: str) -> QAction:
        action = QAction(text, self.window)
        action.setShortcut(QKeySequence(key))
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def actions(self) -> list[QAction]:
        return [self.inputs_action, self.dossier_action, self.bundle_action]

    def _show(self, dialog: QDialog) -> None:
        self.open_dialogs.append(dialog)
        dialog.finished.connect(lambda _result: self._forget(dialog))
        dialog.show()

    def _forget(self, dialog: QDialog) -> None:
        if dialog in self.open_dialogs:
            self.open_dialogs.remove(dialog)
        dialog.deleteLater()

    def export_dossier(self) -> DossierDialog | None:
        window = self.window
        if window.case is None:
            return None
        dialog = DossierDialog(window.runner, lambda: window.case, window)
        self._show(dialog)
        dialog.load_outline()
        return dialog

    def export_bundle(self) -> BundleDialog | None:
        window = self.window
        if window.case is None:
            return None
        dialog = BundleDialog(window.runner, lambda: window.case, window)
        self._show(dialog)
        dialog.load_key()
        return dialog

    def edit_inputs(self) -> DossierInputsView | None:
        window = self.window
        if window.case is None:
            return None
        view = DossierInputsView(window.runner, lambda: window.records, self.push_undo, window)
        self._show(view)
        view.load()
        return view

    def close_all(self) -> None:
        """On lock: every dialog of the case closes (its job was cancelled by the runner's reset)."""
        for dialog in list(self.open_dialogs):
            dialog.close()
            self._forget(dialog)
