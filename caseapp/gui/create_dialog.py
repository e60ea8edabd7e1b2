"""Create a case: where, a passphrase typed twice, then the recovery code shown once.

Nothing proceeds until the person confirms they wrote the code down and types two of its groups
back. Key derivation (Argon2, about half a second) runs on the task runner, not the GUI thread.
"""

from __future__ import annotations

import secrets
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from caseapp.app.startup import default_case_path
from caseapp.gui.errors import message_for
from caseapp.gui.passphrase import PassphrasePair
from caseapp.gui.tasks import TaskRunner
from caseapp.secrets.keyslots import STRONG_ARGON2, Argon2Params, normalise_recovery_code

if TYPE_CHECKING:  # the storage layer loads when a case is created, not before the first window
    from caseapp.app.case_folder import OpenCase


GROUPS_ASKED = 2


class CreateCaseDialog(QDialog):
    """On success ``case`` holds the open case (after the recovery code was confirmed)."""

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None, *, kdf: Argon2Params = STRONG_ARGON2) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Create a case"))
        self.setObjectName("createCaseDialog")
        self.runner = runner
        self.kdf = kdf
        self.case: OpenCase | None = None
        self.recovery_code = ""
        self.asked_groups: tuple[int, ...] = ()
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self._build_form())
        self.pages.addWidget(self._build_code_page())
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        self.resize(560, 460)

    # -- page 1: where and the passphrase
    def _build_form(self) -> QWidget:
        page = QWidget(self)
        self.path_edit = QLineEdit(str(default_case_path().with_name("new-case.caseapp")), page)
        self.path_edit.setObjectName("casePath")
        self.path_edit.setAccessibleName(self.tr("Case folder"))  # its label names the row (field and button)
        browse = QPushButton(self.tr("Browse…"), page)
        browse.clicked.connect(self._browse)
        where = QHBoxLayout()
        where.addWidget(self.path_edit)
        where.addWidget(browse)
        self.title_edit = QLineEdit(page)
        self.title_edit.setObjectName("caseTitle")
        self.title_edit.setPlaceholderText(self.tr("defaults to the folder's name"))
        self.passphrases = PassphrasePair(page)
        self.form_error = QLabel(page)
        self.form_error.setObjectName("formError")
        self.form_error.setWordWrap(True)
        self.form_error.setStyleSheet("color: #b00020")
        self.create_button = QPushButton(self.tr("Create the case"), page)
        self.create_button.setObjectName("createButton")
        self.create_button.setDefault(True)
        self.create_button.setEnabled(False)
        self.passphrases.validity_changed.connect(self.create_button.setEnabled)
        self.create_button.clicked.connect(self._create)
        cancel = QPushButton(self.tr("Cancel"), page)
        cancel.clicked.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Case folder"), where)
        form.addRow(self.tr("Title"), self.title_edit)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(self.create_button)
        layout = QVBoxLayout(page)
        layout.addLayout(form)
        layout.addWidget(self.passphrases)
        layout.addWidget(self.form_error)
        layout.addStretch(1)
        layout.addLayout(buttons)
        return page

    def _browse(self) -> None:
        chosen, _ = QFileDialog.getSaveFileName(self, self.tr("New case folder"), self.path_edit.text())
        if chosen:
            self.path_edit.setText(chosen if chosen.endswith(".caseapp") else chosen + ".caseapp")

    def _create(self) -> None:
        path = Path(self.path_edit.text()).expanduser()
        if path.parent == default_case_path().parent:
            path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)  # caseapp's own folder, first use
        passphrase, title, kdf = self.passphrases.passphrase(), self.title_edit.text(), self.kdf
        self.create_button.setEnabled(False)
        self.form_error.setText(self.tr("Creating the case…"))

        def work(_task: object) -> tuple[OpenCase, str]:
            from caseapp.app.case_folder import create_case

            return create_case(path, passphrase, title=title, kdf=kdf)

        handle = self.runner.long(work, name="create")
        handle.succeeded.connect(self._created)
        handle.failed.connect(self._failed)

    def _failed(self, error: BaseException) -> None:
        self.form_error.setText(message_for(error))
        self.create_button.setEnabled(self.passphrases.is_valid())

    def _created(self, result: tuple[OpenCase, str]) -> None:
        self.case, self.recovery_code = result
        self.passphrases.clear()
        groups = self.recovery_code.split("-")
        picked = sorted(secrets.SystemRandom().sample(range(len(groups)), GROUPS_ASKED))
        self.asked_groups = tuple(picked)
        self.code_label.setText(self.recovery_code)
        self.ask_label.setText(
            self.tr("To check, type group {a} and group {b} of the code (counting from the left):").format(
                a=picked[0] + 1, b=picked[1] + 1
            )
        )
        self.pages.setCurrentIndex(1)

    # -- page 2: the recovery code, once
    def _build_code_page(self) -> QWidget:
        page = QWidget(self)
        intro = QLabel(
            self.tr(
                "This is the case's recovery code. It is shown only now. Write it on paper and keep it "
                "apart from this computer: with it, anyone can open the case; without it and the "
                "passphrase, nobody can, not even you."
            ),
            page,
        )
        intro.setWordWrap(True)
        self.code_label = QLabel(page)
        self.code_label.setObjectName("recoveryCode")
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = QFont("monospace")
        font.setStyleHint(QFont.StyleHint.Monospace)
        font.setPointSize(font.pointSize() + 3)
        self.code_label.setFont(font)
        self.code_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code_label.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.written = QCheckBox(self.tr("I have written it down"), page)
        self.written.setObjectName("writtenDown")
        self.ask_label = QLabel(page)
        self.ask_label.setWordWrap(True)
        self.group_edits = [QLineEdit(page), QLineEdit(page)]
        for index, edit in enumerate(self.group_edits):
            edit.setObjectName(f"codeGroup{index}")
            edit.setMaxLength(4)
            edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
            edit.textChanged.connect(self._check_groups)
        self.written.toggled.connect(self._check_groups)
        self.code_error = QLabel(page)
        self.code_error.setObjectName("codeError")
        self.continue_button = QPushButton(self.tr("Open the case"), page)
        self.continue_button.setObjectName("continueButton")
        self.continue_button.setEnabled(False)
        self.continue_button.clicked.connect(self.accept)
        row = QWidget(page)  # the fields in the code's own order, left to right, in Arabic too
        row.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        groups = QHBoxLayout(row)
        groups.setContentsMargins(0, 0, 0, 0)
        for edit in self.group_edits:
            groups.addWidget(edit)
        groups.addStretch(1)
        layout = QVBoxLayout(page)
        layout.addWidget(intro)
        layout.addWidget(self.code_label)
        layout.addWidget(self.written)
        layout.addWidget(self.ask_label)
        layout.addWidget(row)
        layout.addWidget(self.code_error)
        layout.addStretch(1)
        layout.addWidget(self.continue_button, alignment=Qt.AlignmentFlag.AlignRight)
        return page

    def _check_groups(self) -> None:
        groups = self.recovery_code.split("-")
        typed = [normalise_recovery_code(edit.text()) for edit in self.group_edits]
        wanted = [normalise_recovery_code(groups[i]) for i in self.asked_groups] if self.asked_groups else []
        complete = all(len(t) == 4 for t in typed)
        matches = complete and typed == wanted
        self.code_error.setText(self.tr("That does not match the code above.") if complete and not matches else "")
        self.continue_button.setEnabled(bool(self.written.isChecked() and matches))

    def reject(self) -> None:
        if self.case is not None:
            return  # the case exists: nothing proceeds (or closes) until the code is confirmed
        super().reject()

    def accept(self) -> None:
        self.recovery_code = ""
        self.code_label.clear()
        super().accept()
