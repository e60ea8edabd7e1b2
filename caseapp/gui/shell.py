"""The composition root of the desktop application (architecture §7).

It owns the one task runner, the settings, the welcome window and the main window, and the one
open case. Locking (Ctrl+L, or after the idle time) cancels every job, empties every model,
closes the case and returns to the unlock screen.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from caseapp.gui.i18n import Language, choose_language
from caseapp.gui.idle import IdleWatcher
from caseapp.gui.settings import Settings
from caseapp.gui.tasks import TaskRunner
from caseapp.gui.welcome import WelcomeWindow
from caseapp.secrets.keyslots import STRONG_ARGON2, Argon2Params

if TYPE_CHECKING:  # the storage layer and the main window load when a case is opened, not before the first window
    from caseapp.app.case_folder import OpenCase
    from caseapp.gui.create_dialog import CreateCaseDialog
    from caseapp.gui.main_window import MainWindow


class Shell(QObject):
    def __init__(self, settings: Settings | None = None, *, kdf: Argon2Params = STRONG_ARGON2) -> None:
        super().__init__()
        self.settings = settings or Settings()
        self.runner = TaskRunner(self)
        self.kdf = kdf
        self.case: OpenCase | None = None
        self.case_path: Path | None = None
        self.welcome = WelcomeWindow(self.runner, self.settings, kdf=kdf)
        self.welcome.create_requested.connect(self.create)
        self.welcome.unlocked.connect(self.open)
        self._main: MainWindow | None = None
        self.idle = IdleWatcher(self.settings.idle_minutes, self)
        self.idle.idle.connect(self.lock)

    @property
    def main(self) -> MainWindow:
        """The main window, built when first needed (a case opens): the welcome window shows without
        loading the case views, the legal catalogue, the map, the dossier's renderers and their imports."""
        if self._main is None:
            from caseapp.gui.main_window import MainWindow

            self._main = MainWindow(self.runner, self.settings)
            self._main.lock_requested.connect(self.lock)
            self._main.idle_minutes_changed.connect(self._idle_minutes_changed)
        return self._main

    def _idle_minutes_changed(self, minutes: int) -> None:
        self.idle.set_minutes(minutes)
        self.idle.stop()
        self.idle.start()

    def start(self) -> None:
        self.welcome.show()

    def create(self) -> CreateCaseDialog:
        from caseapp.gui.create_dialog import CreateCaseDialog

        dialog = CreateCaseDialog(self.runner, self.welcome, kdf=self.kdf)
        dialog.accepted.connect(lambda: self._created(dialog))
        dialog.open()
        return dialog

    def _created(self, dialog: CreateCaseDialog) -> None:
        if dialog.case is not None:
            self.open(dialog.case, dialog.case.folder)

    def open(self, case: OpenCase, path: Path) -> None:
        self.case = case
        self.case_path = path
        self.settings.add_recent(path)
        self.main.set_case(case)
        self.main.show()
        self.welcome.hide()
        self.idle.start()

    def lock(self) -> None:
        """Close the case and forget everything of it on screen; show the unlock screen."""
        case, path = self.case, self.case_path
        if case is None or path is None:
            return
        self.idle.stop()
        self.runner.reset()  # cancel imports, wait for workers, drop results on their way
        for dialog in self.main.findChildren(QDialog):
            if isinstance(dialog, QMessageBox) or dialog.isVisible():
                dialog.done(0)
                dialog.deleteLater()
        self.main.save_state()
        self.main.clear()
        self.case = None
        case.lock()  # every later use of this case object raises CaseLockedError
        self.main.hide()
        self.welcome.ask_unlock(path, self.tr("The case was locked. Unlock it to continue."))
        self.welcome.show()

    def shutdown(self) -> None:
        self.runner.reset()
        if self.case is not None:
            self.main.save_state()
            self.main.clear()
            self.case.lock()
            self.case = None


def run() -> int:
    app = QApplication(sys.argv)
    app.setApplicationName("caseapp")
    app.setOrganizationName("caseapp")
    settings = Settings()
    language = Language(choose_language(settings.language))
    language.install(app)
    shell = Shell(settings)
    app.aboutToQuit.connect(shell.shutdown)
    shell.start()
    return app.exec()
