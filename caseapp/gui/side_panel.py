"""The right side of the main window: the selected record's details (with its tag, note and export
buttons), the preview of an exhibit and its extracted text, as tabs (F7, F8, F9)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING
from uuid import UUID

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QGridLayout, QPushButton, QTabWidget, QVBoxLayout, QWidget

from caseapp.core.analysis import Excerpt
from caseapp.gui.detail import DetailPanel
from caseapp.gui.preview import PreviewPanel
from caseapp.gui.tasks import TaskRunner
from caseapp.gui.text_view import TextView

if TYPE_CHECKING:
    from caseapp.app.case_folder import OpenCase


def tr(text: str) -> str:
    return QCoreApplication.translate("SidePanel", text)


class SidePanel(QTabWidget):
    action = Signal(str)  # add_tag | remove_tag | add_note | export
    excerpt_requested = Signal(str)  # link the excerpt marked in the "preview" or the "text"

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sidePanel")
        self.detail = DetailPanel(self)
        self.preview = PreviewPanel(runner, self)
        self.text = TextView(self)
        self.text.setPlaceholderText(tr("No text was extracted from this file."))
        self.preview.text_loaded.connect(self._text_loaded)
        self.preview.excerpt_requested.connect(lambda: self.excerpt_requested.emit("preview"))
        self.text.excerpt_requested.connect(lambda: self.excerpt_requested.emit("text"))
        details = QWidget(self)
        buttons = QGridLayout()
        self.buttons: dict[str, QPushButton] = {}
        for position, (key, text) in enumerate(
            (
                ("add_tag", tr("Add a tag…")),
                ("remove_tag", tr("Remove a tag…")),
                ("add_note", tr("Add a note…")),
                ("export", tr("Export the original…")),
            )
        ):
            button = QPushButton(text, details)
            button.setObjectName(f"detail_{key}")
            button.clicked.connect(lambda _checked=False, key=key: self.action.emit(key))
            buttons.addWidget(button, position // 2, position % 2)
            self.buttons[key] = button
        layout = QVBoxLayout(details)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.detail, 1)
        layout.addLayout(buttons)
        self.details_page = details
        self.addTab(details, tr("Details"))
        self.addTab(self.preview, tr("Preview"))
        self.addTab(self.text, tr("Text"))
        self.currentChanged.connect(self._tab_changed)
        self.set_selection(None, exhibit=False)

    def set_selection(
        self, key: UUID | None, *, exhibit: bool, case: Callable[[], OpenCase | None] | None = None
    ) -> None:
        """What the buttons act on and what the preview would show (decrypted only when looked at)."""
        for name in ("add_tag", "remove_tag", "add_note"):
            self.buttons[name].setEnabled(key is not None)
        self.buttons["export"].setEnabled(key is not None and exhibit)
        self.setTabEnabled(1, exhibit)
        self.setTabEnabled(2, exhibit)
        if exhibit and key is not None and case is not None:
            self.preview.want(case, key)
            self._tab_changed(self.currentIndex())
        else:
            self.preview.want(lambda: None, None)
            if self.currentIndex() != 0:
                self.setCurrentIndex(0)

    def _tab_changed(self, index: int) -> None:
        if index in (1, 2):
            self.preview.load()

    def _text_loaded(self, text: str) -> None:
        if text:
            self.text.show_text(text)
        else:
            self.text.clear_all()

    def current_excerpt(self, source: str | None = None) -> tuple[UUID, str, Excerpt] | None:
        """The exhibit shown and the excerpt marked on it: in the ``"text"`` (the selected words) or
        the ``"preview"`` (a region, a page, a passage); without ``source``, the tab on screen's.
        Raises a ValidationError that says what to do when the marks are incomplete."""
        shown = self.preview.exhibit()
        if shown is None:
            return None
        if source is None:
            source = "text" if self.currentWidget() is self.text else "preview"
        excerpt = self.text.excerpt() if source == "text" else self.preview.excerpt()
        return (*shown, excerpt) if excerpt is not None else None

    def clear_all(self) -> None:
        """Forget everything shown: details, preview, text."""
        self.detail.clear_all()
        self.preview.clear()
        self.text.clear_all()
        self.set_selection(None, exhibit=False)
