"""The list of suggested incidents beside the map: each with why it is suggested, and Confirm
(an incident with its exhibits linked, undoable) or Dismiss (hidden, kept in the case).

Nothing becomes an incident unless a person confirms it. The texts are composed here from the
suggestion's numbers, so they are translated like the rest of the window."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale, Qt, QTimeZone, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget

from caseapp.core.suggestions import DEFAULT_RADIUS_M, DEFAULT_WINDOW, Suggestion
from caseapp.gui.map_marks import distance_text


def tr(text: str) -> str:
    return QCoreApplication.translate("MapSuggestions", text)


def kind_word(kind: str) -> str:
    words = {
        "image": tr("photos"),
        "video": tr("videos"),
        "audio": tr("audio recordings"),
        "document": tr("documents"),
        "testimony": tr("testimonies"),
        "physical": tr("physical items"),
    }
    return words.get(kind, tr("other exhibits"))


def _in_zone(moment: datetime, zone: str) -> str:
    where = QTimeZone(zone.encode())
    shown = QDateTime.fromSecsSinceEpoch(int(moment.timestamp()), QTimeZone.utc())
    shown = shown.toTimeZone(where) if where.isValid() else shown
    return QLocale().toString(shown, QLocale.FormatType.ShortFormat)


def suggestion_text(suggestion: Suggestion, zone: str = "UTC") -> str:
    """Two lines: what and how close (``9 exhibits within 600 m: photos 7, videos 2``), and when."""
    kinds = ", ".join(f"{kind_word(kind)} {QLocale().toString(n)}" for kind, n in suggestion.kinds)
    what = tr("{n} exhibits within {distance}: {kinds}").format(
        n=QLocale().toString(len(suggestion.members)), distance=distance_text(suggestion.radius_m), kinds=kinds
    )
    start, end = _in_zone(suggestion.start, zone), _in_zone(suggestion.end, zone)
    when = tr("from {start} to {end}").format(start=start, end=end)
    return f"{what}\n{when}"


class SuggestionPanel(QWidget):
    """Hidden while there is nothing to suggest."""

    chosen = Signal(object)  # Suggestion: show it on the map
    confirm_requested = Signal(object, str)  # Suggestion, title ("" for the suggested one)
    dismiss_requested = Signal(object)  # Suggestion

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("suggestionPanel")
        self.setMaximumWidth(300)
        heading = QLabel(tr("Suggested incidents"), self)
        heading.setStyleSheet("font-weight: bold")
        note = QLabel(
            tr(
                "Exhibits taken close together in place and time (within {distance} and {hours} hours) that no "
                "incident holds yet."
            ).format(
                distance=distance_text(DEFAULT_RADIUS_M),
                hours=QLocale().toString(DEFAULT_WINDOW.total_seconds() / 3600),
            ),
            self,
        )
        note.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setObjectName("suggestionList")
        self.list.setAccessibleName(tr("Suggested incidents"))
        self.list.setWordWrap(True)
        self.list.currentRowChanged.connect(self._current_changed)
        self.title = QLineEdit(self)
        self.title.setObjectName("suggestionTitle")
        self.title.setPlaceholderText(tr("Title of the incident (optional)"))
        self.title.setAccessibleName(tr("Title of the incident"))
        self.confirm = QPushButton(tr("Confirm as an incident"), self)
        self.confirm.setObjectName("confirmSuggestion")
        self.confirm.setToolTip(
            tr("Adds an incident with this place and time and links these exhibits to it (Undo takes it back)")
        )
        self.dismiss = QPushButton(tr("Dismiss"), self)
        self.dismiss.setObjectName("dismissSuggestion")
        self.dismiss.setToolTip(tr("Hides this suggestion; it stays hidden while its exhibits stay the same"))
        self.confirm.clicked.connect(lambda: self._ask(confirm=True))
        self.dismiss.clicked.connect(lambda: self._ask(confirm=False))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 0, 0, 0)
        for widget in (heading, note, self.list, self.title, self.confirm, self.dismiss):
            layout.addWidget(widget, 1 if widget is self.list else 0)
        self.items: tuple[Suggestion, ...] = ()
        self._enable()
        self.setVisible(False)

    def set_suggestions(self, suggestions: Sequence[Suggestion], zone: str = "UTC") -> None:
        """``zone``: the case's time zone, which the times are shown in."""
        current = self.current()
        self.items = tuple(suggestions)
        self.list.blockSignals(True)
        self.list.clear()
        for suggestion in self.items:
            item = QListWidgetItem(suggestion_text(suggestion, zone))
            item.setToolTip(", ".join(suggestion.member_refs))
            item.setData(Qt.ItemDataRole.UserRole, suggestion.id)
            self.list.addItem(item)
        ids = [s.id for s in self.items]
        if current is not None and current.id in ids:
            self.list.setCurrentRow(ids.index(current.id))
        self.list.blockSignals(False)
        self._enable()
        self.setVisible(bool(self.items))

    def current(self) -> Suggestion | None:
        row = self.list.currentRow()
        return self.items[row] if 0 <= row < len(self.items) else None

    def _current_changed(self, _row: int) -> None:
        self._enable()
        suggestion = self.current()
        if suggestion is not None:
            self.chosen.emit(suggestion)

    def _enable(self) -> None:
        chosen = self.current() is not None
        self.confirm.setEnabled(chosen)
        self.dismiss.setEnabled(chosen)

    def _ask(self, *, confirm: bool) -> None:
        suggestion = self.current()
        if suggestion is None:
            return
        if confirm:
            self.confirm_requested.emit(suggestion, self.title.text().strip())
            self.title.clear()
        else:
            self.dismiss_requested.emit(suggestion)
