"""Where the user picks the interface language: a list on the welcome window, a menu in the main window.

The choice is saved at once and takes effect at the next start (every window is built in one
language); both places say so.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QMainWindow, QMenu, QWidget

from caseapp.gui.i18n import LANGUAGE_NAMES
from caseapp.gui.settings import Settings


def tr(text: str) -> str:
    return QCoreApplication.translate("Language", text)


def choices() -> list[tuple[str, str]]:
    """(setting, label) pairs: the system's language first, then each language in its own name."""
    return [("", tr("System language")), *LANGUAGE_NAMES.items()]


def next_start_note() -> str:
    return tr("The new language is used from the next start of caseapp.")


class LanguageChooser(QWidget):
    """ "Language: [list]" and, after a change, the note that it applies at the next start."""

    changed = Signal(str)

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setObjectName("languageChooser")
        self.combo = QComboBox(self)
        self.combo.setObjectName("languageCombo")
        self.combo.setAccessibleName(tr("Interface language"))
        for code, label in choices():
            self.combo.addItem(label, code)
        self.combo.setCurrentIndex(max(0, self.combo.findData(settings.language)))
        self.combo.currentIndexChanged.connect(self._chosen)
        self.note = QLabel(self)
        self.note.setObjectName("languageNote")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        caption = QLabel(tr("Language:"), self)
        caption.setBuddy(self.combo)
        layout.addWidget(caption)
        layout.addWidget(self.combo)
        layout.addWidget(self.note, 1)

    def _chosen(self, _index: int) -> None:
        code = str(self.combo.currentData())
        self.settings.language = code
        self.note.setText(next_start_note())
        self.changed.emit(code)


def language_menu(parent: QWidget, settings: Settings) -> QMenu:
    """A "Language" menu of checkable choices; choosing one saves it and says when it applies."""
    menu = QMenu(tr("Language"), parent)
    menu.setObjectName("languageMenu")
    group = QActionGroup(menu)
    group.setExclusive(True)
    for code, label in choices():
        action = QAction(label, menu)
        action.setCheckable(True)
        action.setChecked(code == settings.language)
        action.setData(code)
        group.addAction(action)
        menu.addAction(action)

    def chosen(action: QAction) -> None:
        settings.language = str(action.data())
        window = parent.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(next_start_note(), 10_000)

    group.triggered.connect(chosen)
    return menu
