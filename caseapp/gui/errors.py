"""One place where errors reach the user: plain words, details folded away, never a traceback
with case contents in it (Anki's show_exception, Electrum's on_error triage)."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from caseapp.core.errors import Cancelled, CaseAppError, CaseLockedError
from caseapp.gui.error_messages import translated

logger = logging.getLogger(__name__)


def tr(text: str) -> str:
    return QCoreApplication.translate("errors", text)


def message_for(error: BaseException) -> str:
    """What to tell a person about ``error``: our own errors carry a message written for them;
    anything else is named only by its kind (its text could quote evidence)."""
    if isinstance(error, CaseLockedError):
        return tr("The case is locked. Unlock it again to continue.")
    if isinstance(error, CaseAppError):
        text = translated(error) or str(error)  # the interface's language for the common ones
        return text[:1].upper() + text[1:]
    return tr(
        "Something went wrong inside caseapp ({kind}). What was saved before it stays saved. "
        "Please report it, with what you were doing."
    ).format(kind=type(error).__name__)


def show_error(parent: QWidget | None, error: BaseException, *, title: str | None = None) -> None:
    """Show ``error`` once, in plain words. A cancellation is not an error: it shows nothing."""
    if isinstance(error, Cancelled):
        return
    if not isinstance(error, CaseAppError):
        logger.error("unexpected error: %s", type(error).__name__)
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(title or tr("caseapp"))
    box.setText(message_for(error))
    if not isinstance(error, CaseAppError):
        box.setDetailedText(tr("Error kind: {kind}").format(kind=type(error).__name__))
    box.setObjectName("errorBox")
    box.open()


def show_report(
    parent: QWidget | None, *, title: str, summary: str, details: str, name: str, ok: bool = True
) -> QMessageBox:
    """The end of a long job (an import, a verification): a summary, the details folded away."""
    icon = QMessageBox.Icon.Information if ok else QMessageBox.Icon.Critical
    box = QMessageBox(icon, title, summary, parent=parent)
    box.setObjectName(name)
    if details:
        box.setDetailedText(details)
    box.open()
    return box
