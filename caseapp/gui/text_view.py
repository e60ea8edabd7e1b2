"""The extracted text of an exhibit, read-only: each paragraph runs in the direction of its first
strong letter, and selected words can be linked to an element as an excerpt. (The texts keep the
``PreviewPanel`` translation context they were written in.)
"""

from __future__ import annotations

import unicodedata

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QContextMenuEvent, QTextBlockFormat, QTextCursor
from PySide6.QtWidgets import QTextEdit, QWidget

from caseapp.core.analysis import Excerpt, text_excerpt
from caseapp.gui.excerpts import text_offset

TEXT_SHOWN = 500_000  # characters of extracted text shown (the rest: export the original)


def tr(text: str) -> str:
    return QCoreApplication.translate("PreviewPanel", text)


def first_strong_direction(text: str) -> Qt.LayoutDirection:
    """Right-to-left if the first letter with a direction is Arabic or Hebrew, left-to-right if it is
    Latin (or any other left-to-right script), ``LayoutDirectionAuto`` if there is none."""
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind == "L":
            return Qt.LayoutDirection.LeftToRight
        if kind in ("R", "AL"):
            return Qt.LayoutDirection.RightToLeft
    return Qt.LayoutDirection.LayoutDirectionAuto


class TextView(QTextEdit):
    """Extracted text, read-only; each paragraph runs in the direction of its first strong letter,
    so an Arabic paragraph starts on the right even in an English window. Selected words can be
    linked to an element (the context menu, or the window's shortcut)."""

    excerpt_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.source_text = ""  # the stored text, as it was given (offsets of an excerpt index into it)
        self.setObjectName("extractedText")
        self.setReadOnly(True)
        self.setAcceptRichText(False)
        self.setAccessibleName(tr("Extracted text"))
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.document().setUndoRedoEnabled(False)

    def show_text(self, text: str) -> None:
        self.source_text = text
        shown = text if len(text) <= TEXT_SHOWN else text[:TEXT_SHOWN] + "\n…"
        self.setPlainText(shown)
        cursor = QTextCursor(self.document())
        cursor.beginEditBlock()
        block = self.document().begin()
        while block.isValid():
            direction = first_strong_direction(block.text())
            if direction is not Qt.LayoutDirection.LayoutDirectionAuto:
                shape = QTextBlockFormat(block.blockFormat())
                shape.setLayoutDirection(direction)
                cursor.setPosition(block.position())
                cursor.setBlockFormat(shape)
            block = block.next()
        cursor.endEditBlock()
        self.moveCursor(QTextCursor.MoveOperation.Start)

    def clear_all(self) -> None:
        self.source_text = ""
        self.clear()
        self.document().clearUndoRedoStacks()

    def selected_range(self) -> tuple[int, int] | None:
        """The selection as indexes into the stored text (start, end), or None."""
        cursor = self.textCursor()
        if not cursor.hasSelection() or not self.source_text:
            return None
        shown = self.source_text[:TEXT_SHOWN]
        start = text_offset(shown, cursor.selectionStart())
        end = text_offset(shown, cursor.selectionEnd())
        return (start, end) if end > start else None

    def excerpt(self) -> Excerpt | None:
        """The selected characters of the stored text with their words quoted, or None."""
        found = self.selected_range()
        return text_excerpt(self.source_text, *found) if found is not None else None

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.createStandardContextMenu(event.pos())
        menu.addSeparator()
        action = menu.addAction(tr("Link the selected words to an element…"))
        action.setEnabled(self.textCursor().hasSelection())
        action.triggered.connect(lambda _checked=False: self.excerpt_requested.emit())
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(event.globalPos())
