"""What the legal views share: the labels of the case-building values (weight, basis, review,
gap status) in the interface's language, the gap status colours, and :class:`LegalContext`,
the window's case, task runner and undo stack as the legal views see them."""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem

from caseapp.core.analysis import Basis, ReviewState, Weight
from caseapp.core.legal.gaps import GapStatus
from caseapp.core.operations import OpResult
from caseapp.gui.i18n import QT_TRANSLATE_NOOP, enum_text
from caseapp.gui.models.records import ListTableModel
from caseapp.gui.tasks import TaskRunner

if TYPE_CHECKING:
    from caseapp.app.case_folder import OpenCase
    from caseapp.core.entities import Exhibit

LEGAL_LABELS: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("Weight", "maybe"),
    QT_TRANSLATE_NOOP("Weight", "likely"),
    QT_TRANSLATE_NOOP("Weight", "certain"),
    QT_TRANSLATE_NOOP("Basis", "observed"),
    QT_TRANSLATE_NOOP("Basis", "alleged"),
    QT_TRANSLATE_NOOP("ReviewState", "proposed"),
    QT_TRANSLATE_NOOP("ReviewState", "accepted"),
    QT_TRANSLATE_NOOP("ReviewState", "rejected"),
    QT_TRANSLATE_NOOP("GapStatus", "unaddressed"),
    QT_TRANSLATE_NOOP("GapStatus", "weak"),
    QT_TRANSLATE_NOOP("GapStatus", "corroborated"),
    QT_TRANSLATE_NOOP("GapStatus", "contested"),
    QT_TRANSLATE_NOOP("ChargeStatus", "draft"),
    QT_TRANSLATE_NOOP("ChargeStatus", "supported"),
    QT_TRANSLATE_NOOP("ChargeStatus", "ready"),
)
LEGAL_ENUMS: tuple[type[enum.StrEnum], ...] = (Weight, Basis, ReviewState, GapStatus)

# Background colours of a gap status; the status is always written beside it (never colour alone).
STATUS_COLOURS = {
    GapStatus.UNADDRESSED: QColor(244, 204, 204),
    GapStatus.WEAK: QColor(252, 232, 178),
    GapStatus.CORROBORATED: QColor(204, 234, 208),
    GapStatus.CONTESTED: QColor(232, 208, 240),
}
STATUS_MARKS = {  # a shape per status too, for a reader who cannot tell the colours apart
    GapStatus.UNADDRESSED: "○",
    GapStatus.WEAK: "◐",
    GapStatus.CORROBORATED: "●",
    GapStatus.CONTESTED: "⚠",
}


def legal_text(value: enum.StrEnum) -> str:
    """A case-building value as the user reads it (weight, basis, review, gap or charge status)."""
    if type(value).__name__ in ("Weight", "Basis", "ReviewState", "GapStatus", "ChargeStatus"):
        return QCoreApplication.translate(type(value).__name__, value.value)
    return enum_text(value)


def ltr(text: str) -> str:
    """``text`` kept left-to-right inside a right-to-left line (an id such as ``8(2)(e)(iv)-1``, or the
    catalogue's English), so the bidi algorithm does not reorder its brackets and digits."""
    return f"\u2066{text}\u2069" if text else text


def status_text(status: GapStatus) -> str:
    return f"{STATUS_MARKS[status]} {legal_text(status)}"


@dataclass
class LegalContext:
    """The window as the legal views need it; every read and write goes through ``runner``."""

    runner: TaskRunner
    case: Callable[[], OpenCase | None]
    push_undo: Callable[[OpResult[Any] | None], None]
    selected_exhibits: Callable[[], list[Exhibit]]
    say: Callable[[str], None]


class LegalTableModel(ListTableModel[Any]):
    """A list table whose column headers are translated in the view's own context."""

    context_name = "LegalTables"

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate(self.context_name, self.columns[section][0])
        return None


def children(item: QTreeWidgetItem) -> list[QTreeWidgetItem]:
    return [child for child in (item.child(i) for i in range(item.childCount())) if child is not None]


def top_items(tree: QTreeWidget) -> list[QTreeWidgetItem]:
    return [item for item in (tree.topLevelItem(i) for i in range(tree.topLevelItemCount())) if item is not None]
