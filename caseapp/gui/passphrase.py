"""Passphrase entry with strength feedback, shared by the create and recover forms."""

from __future__ import annotations

import unicodedata

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QProgressBar, QWidget

from caseapp.secrets.keyslots import MIN_PASSPHRASE_CHARS


def _tr(text: str) -> str:
    return QCoreApplication.translate("PassphrasePair", text)


def strength(passphrase: str) -> tuple[int, str]:
    """A 0-100 score and a sentence for a person. Length is what counts against an offline attack;
    several words and mixed kinds of characters help a little more."""
    length = len(unicodedata.normalize("NFC", passphrase))
    words = len(passphrase.split())
    kinds = sum(
        any(test(ch) for ch in passphrase)
        for test in (str.islower, str.isupper, str.isdigit, lambda c: not c.isalnum())
    )
    score = min(100, length * 4 + max(0, words - 1) * 8 + max(0, kinds - 1) * 4)
    if length < MIN_PASSPHRASE_CHARS:
        missing = MIN_PASSPHRASE_CHARS - length
        return min(score, 40), _tr("Too short: {n} more character(s) needed.").format(n=missing)
    if score < 70:
        return score, _tr("Acceptable. A few more words would make it much stronger.")
    return score, _tr("Strong.")


class PassphrasePair(QWidget):
    """A new passphrase typed twice, with strength feedback and the 12-character rule explained."""

    validity_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.first = QLineEdit(self)
        self.first.setObjectName("newPassphrase")
        self.first.setEchoMode(QLineEdit.EchoMode.Password)
        self.first.setAccessibleName(self.tr("New passphrase"))
        self.second = QLineEdit(self)
        self.second.setObjectName("repeatPassphrase")
        self.second.setEchoMode(QLineEdit.EchoMode.Password)
        self.second.setAccessibleName(self.tr("Repeat the passphrase"))
        self.meter = QProgressBar(self)
        self.meter.setRange(0, 100)
        self.meter.setTextVisible(False)
        self.meter.setMaximumHeight(8)
        self.feedback = QLabel(self)
        self.feedback.setObjectName("strengthFeedback")
        self.feedback.setWordWrap(True)
        rule = QLabel(
            self.tr(
                "Use at least {n} characters, for example four or five unrelated words. A seized laptop "
                "can be attacked offline: each extra word multiplies the attacker's work. There is no way "
                "back in without the passphrase or the recovery code."
            ).format(n=MIN_PASSPHRASE_CHARS),
            self,
        )
        rule.setWordWrap(True)
        layout = QFormLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addRow(rule)
        layout.addRow(self.tr("Passphrase"), self.first)
        layout.addRow("", self.meter)
        layout.addRow("", self.feedback)
        layout.addRow(self.tr("Repeat it"), self.second)
        self.first.textChanged.connect(self._update)
        self.second.textChanged.connect(self._update)
        self._update()

    def passphrase(self) -> str:
        return self.first.text()

    def is_valid(self) -> bool:
        text = self.first.text()
        return len(unicodedata.normalize("NFC", text)) >= MIN_PASSPHRASE_CHARS and text == self.second.text()

    def clear(self) -> None:
        self.first.clear()
        self.second.clear()

    def _update(self) -> None:
        score, sentence = strength(self.first.text())
        self.meter.setValue(score)
        if self.second.text() and self.second.text() != self.first.text():
            sentence += " " + self.tr("The two passphrases differ.")
        self.feedback.setText(sentence if self.first.text() else "")
        self.validity_changed.emit(self.is_valid())
