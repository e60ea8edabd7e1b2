"""The welcome window: recent cases, create a case, open a case, and the unlock screen.

The unlock screen is also where a locked case comes back to. A wrong passphrase gives one plain
line under the field, which is cleared; key derivation runs on the task runner.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from caseapp.core.errors import CaseAppError, UnlockError
from caseapp.gui.errors import message_for
from caseapp.gui.language import LanguageChooser
from caseapp.gui.passphrase import PassphrasePair
from caseapp.gui.settings import Settings
from caseapp.gui.tasks import TaskRunner
from caseapp.secrets.keyslots import STRONG_ARGON2, Argon2Params

if TYPE_CHECKING:  # the storage layer loads when a case is opened, not before the first window
    from caseapp.app.case_folder import OpenCase


class UnlockPage(QWidget):
    """Unlock one case: passphrase, recovery code (then a new passphrase), or the OS keyring."""

    unlocked = Signal(object)  # OpenCase
    back = Signal()

    def __init__(
        self,
        runner: TaskRunner,
        parent: QWidget | None = None,
        *,
        kdf: Argon2Params = STRONG_ARGON2,
        settings: Settings | None = None,
    ) -> None:
        super().__init__(parent)
        self.runner = runner
        self.kdf = kdf
        self.settings = settings
        self.path = Path()
        self.title = QLabel(self)
        self.title.setObjectName("unlockTitle")
        self.title.setWordWrap(True)
        self.passphrase = QLineEdit(self)
        self.passphrase.setObjectName("passphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("Passphrase"))
        self.passphrase.returnPressed.connect(self.unlock)
        self.actor = self._actor_field()
        self.use_code = QCheckBox(self.tr("I forgot the passphrase: use the recovery code"), self)
        self.use_code.setObjectName("useRecoveryCode")
        self.use_code.toggled.connect(self._mode_changed)
        self.code = QLineEdit(self)
        self.code.setObjectName("recoveryCodeInput")
        self.code.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.code.setPlaceholderText("XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX")
        self.new_passphrase = PassphrasePair(self)
        self.message = QLabel(self)
        self.message.setObjectName("unlockMessage")
        self.message.setWordWrap(True)
        self.unlock_button = QPushButton(self.tr("Unlock"), self)
        self.unlock_button.setObjectName("unlockButton")
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self.unlock)
        self.keyring_button = QPushButton(self.tr("Unlock with the system keyring"), self)
        self.keyring_button.setObjectName("keyringButton")
        self.keyring_button.clicked.connect(self.unlock_with_keyring)
        self._lay_out()
        self._mode_changed(False)

    def _lay_out(self) -> None:
        back = QPushButton(self.tr("Back"), self)
        back.clicked.connect(self.back)
        form = QFormLayout()
        form.addRow(self.tr("Your name"), self.actor)
        form.addRow(self.tr("Passphrase"), self.passphrase)
        form.addRow(self.use_code)
        form.addRow(self.tr("Recovery code"), self.code)
        self.form = form
        buttons = QHBoxLayout()
        buttons.addWidget(back)
        buttons.addStretch(1)
        buttons.addWidget(self.keyring_button)
        buttons.addWidget(self.unlock_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(form)
        layout.addWidget(self.new_passphrase)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addLayout(buttons)

    def _actor_field(self) -> QLineEdit:
        # Who is at the keyboard: the custody log records this name, and a link is accepted only by
        # someone other than its author, so two people sharing one computer each unlock as themselves.
        actor = QLineEdit(self)
        actor.setObjectName("actorName")
        actor.setAccessibleName(self.tr("Your name, as the custody log records it"))
        actor.setToolTip(
            self.tr(
                "The custody log records who did what. A link to an element is accepted by someone other "
                "than its author, so a colleague reviewing on this computer unlocks with their own name."
            )
        )
        actor.returnPressed.connect(self.unlock)
        return actor

    def show_case(self, path: Path, message: str = "") -> None:
        self.path = path
        self.title.setText("<h3>" + html.escape(self.tr("Unlock {name}").format(name=path.name)) + "</h3>")
        self.use_code.setChecked(False)
        self.passphrase.clear()
        self.code.clear()
        self.new_passphrase.clear()
        self.message.setText(message)
        self.actor.setText(self._remembered_actor())
        try:
            from caseapp.app.keyslot_file import has_keyring_slot

            keyring = has_keyring_slot(path)
        except CaseAppError:
            keyring = False
        self.keyring_button.setVisible(keyring)
        self._set_busy(False)
        self.passphrase.setFocus()

    def _mode_changed(self, recovering: bool) -> None:
        self.passphrase.setEnabled(not recovering)
        self.code.setVisible(recovering)
        self.form.labelForField(self.code).setVisible(recovering)
        self.new_passphrase.setVisible(recovering)
        self.unlock_button.setText(self.tr("Set the new passphrase and unlock") if recovering else self.tr("Unlock"))

    def _set_busy(self, busy: bool) -> None:
        self.unlock_button.setEnabled(not busy)
        self.keyring_button.setEnabled(not busy)
        if busy:
            self.message.setText(self.tr("Unlocking…"))

    def _remembered_actor(self) -> str:
        """The name typed last time (kept only while recent cases are remembered), else the account name."""
        if self.settings is not None and self.settings.remember_recent and self.settings.actor:
            return self.settings.actor
        from caseapp.app.actor import default_actor

        try:
            return default_actor()
        except CaseAppError:  # an unusable $CASEAPP_ACTOR: the user types a name
            return ""

    def _actor_name(self) -> str | None:
        """The name typed, cleaned as every one-line field is; None (and a message) if it is unusable."""
        from caseapp.core.text import clean_text

        try:
            name = clean_text(self.actor.text(), field=self.tr("Your name"), max_length=200, required=True)
        except CaseAppError as error:
            self.message.setText(message_for(error))
            self.actor.setFocus()
            return None
        return name

    def unlock(self) -> None:
        path, kdf = self.path, self.kdf
        actor = self._actor_name()
        if actor is None:
            return
        if self.use_code.isChecked():
            code, new = self.code.text(), self.new_passphrase.passphrase()
            if not self.new_passphrase.is_valid():
                self.message.setText(self.tr("Type the new passphrase twice (at least 12 characters)."))
                return

            def work() -> OpenCase:
                from caseapp.app.case_folder import open_case, recover

                recover(path, code, new, kdf=kdf)
                return open_case(path, passphrase=new, actor=actor)

        else:
            passphrase = self.passphrase.text()
            if not passphrase:
                self.message.setText(self.tr("Type the case's passphrase."))
                return

            def work() -> OpenCase:
                from caseapp.app.case_folder import open_case

                return open_case(path, passphrase=passphrase, actor=actor)

        self._run(work)

    def unlock_with_keyring(self) -> None:
        actor = self._actor_name()
        if actor is None:
            return
        self._run(_open_with_keyring(self.path, actor))

    def _run(self, work: object) -> None:
        assert callable(work)
        self._set_busy(True)
        handle = self.runner.long(lambda _task: work(), name="unlock")
        handle.succeeded.connect(self._done)
        handle.failed.connect(self._failed)

    def _done(self, case: OpenCase) -> None:
        if self.settings is not None:  # a name on this computer, like the recent cases: only if the user keeps them
            self.settings.actor = case.actor if self.settings.remember_recent else ""
        self.passphrase.clear()
        self.code.clear()
        self.new_passphrase.clear()
        self.message.clear()
        self._set_busy(False)
        self.unlocked.emit(case)

    def _failed(self, error: BaseException) -> None:
        self._set_busy(False)
        self.passphrase.clear()
        if isinstance(error, UnlockError) and not self.use_code.isChecked():
            self.message.setText(self.tr("Wrong passphrase. Nothing was changed; try again."))
        else:
            self.message.setText(message_for(error))
        self.passphrase.setFocus()


class WelcomeWindow(QMainWindow):
    """Start: recent cases (if the user keeps that list), create, open; then the unlock page."""

    create_requested = Signal()
    unlocked = Signal(object, object)  # OpenCase, Path

    def __init__(
        self,
        runner: TaskRunner,
        settings: Settings,
        parent: QWidget | None = None,
        *,
        kdf: Argon2Params = STRONG_ARGON2,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("caseapp"))
        self.setObjectName("welcomeWindow")
        self.settings = settings
        self.pages = QStackedWidget(self)
        self.setCentralWidget(self.pages)
        self.start = QWidget(self)
        words = self.tr("<h2>caseapp</h2><p>Evidence of international crimes, kept safe and in order.</p>")
        # A paragraph takes its direction from its first letter: "caseapp" would sit on the left in Arabic.
        heading = QLabel(words.replace("<h2>", '<h2 dir="rtl">') if self.isRightToLeft() else words)
        heading.setWordWrap(True)
        self.recent = QListWidget(self.start)
        self.recent.setObjectName("recentCases")
        self.recent.setAccessibleName(self.tr("Recent cases"))
        self.recent.itemActivated.connect(lambda item: self.ask_unlock(Path(item.data(Qt.ItemDataRole.UserRole))))
        self.remember = QCheckBox(self.tr("Remember recent cases on this computer (their names can be sensitive)"))
        self.remember.setObjectName("rememberRecent")
        self.remember.setChecked(settings.remember_recent)
        self.remember.toggled.connect(self._remember_changed)
        create = QPushButton(self.tr("Create a case…"), self.start)
        create.setObjectName("createCase")
        create.clicked.connect(self.create_requested)
        open_button = QPushButton(self.tr("Open a case…"), self.start)
        open_button.setObjectName("openCase")
        open_button.clicked.connect(self._choose_case)
        buttons = QHBoxLayout()
        buttons.addWidget(create)
        buttons.addWidget(open_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self.start)
        layout.addWidget(heading)
        layout.addWidget(QLabel(self.tr("Recent cases")))
        layout.addWidget(self.recent)
        layout.addWidget(self.remember)
        layout.addLayout(buttons)
        self.language = LanguageChooser(settings, self.start)
        layout.addWidget(self.language)
        self.unlock_page = UnlockPage(runner, self, kdf=kdf, settings=settings)
        self.unlock_page.back.connect(self.show_start)
        self.unlock_page.unlocked.connect(lambda case: self.unlocked.emit(case, self.unlock_page.path))
        self.pages.addWidget(self.start)
        self.pages.addWidget(self.unlock_page)
        self.resize(640, 480)
        self.show_start()

    def show_start(self) -> None:
        self.recent.clear()
        for path in self.settings.recent_cases():
            item = QListWidgetItem(f"{path.name}  —  {path.parent}")
            item.setData(Qt.ItemDataRole.UserRole, str(path))
            self.recent.addItem(item)
        self.recent.setVisible(self.settings.remember_recent)
        self.pages.setCurrentWidget(self.start)

    def ask_unlock(self, path: Path, message: str = "") -> None:
        self.unlock_page.show_case(path, message)
        self.pages.setCurrentWidget(self.unlock_page)

    def _choose_case(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Open a case folder"))
        if chosen:
            self.ask_unlock(Path(chosen))

    def _remember_changed(self, on: bool) -> None:
        self.settings.remember_recent = on
        self.show_start()


def _open_with_keyring(path: Path, actor: str) -> Callable[[], OpenCase]:
    def work() -> OpenCase:
        from caseapp.app.case_folder import open_case

        return open_case(path, actor=actor)

    return work
