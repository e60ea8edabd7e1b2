"""Filters of the custody log view: by action, by record and by a range of days (UTC).

Every filter is applied by the store (``CustodyQuery``, in SQL): one query reads at most the rows
shown. A day runs from 00:00 to 24:00 UTC, the time zone the log is written in.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from caseapp.core.custody import CustodyAction
from caseapp.core.entities import CustodyEntry
from caseapp.core.errors import ValidationError
from caseapp.core.ports import CustodyQuery, Page
from caseapp.core.services.custody import CustodyService


def tr(text: str) -> str:
    return QCoreApplication.translate("CustodyFilter", text)


@dataclass(frozen=True, slots=True)
class CustodyFilter:
    action: str | None = None
    ref: str | None = None
    since: date | None = None  # first day shown (UTC)
    until: date | None = None  # last day shown (UTC)


def day_start(day: date) -> datetime:
    """The first moment of ``day`` in UTC."""
    return datetime.combine(day, time(), tzinfo=UTC)


def filtered_entries(custody: CustodyService, wanted: CustodyFilter, limit: int) -> list[CustodyEntry]:
    """Up to ``limit`` entries matching ``wanted``, newest first, in one query of the store."""
    query = CustodyQuery(
        action=wanted.action,
        target_ref=wanted.ref,
        at_from=day_start(wanted.since) if wanted.since else None,
        at_before=day_start(wanted.until + timedelta(days=1)) if wanted.until else None,
        page=Page(0, limit),
        newest_first=True,
    )
    return custody.entries(query)


def _day(text: str, what: str) -> date | None:
    text = text.strip()
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        message = tr("{what}: “{text}” is not a day; write it as YYYY-MM-DD.").format(what=what, text=text)
        raise ValidationError(message) from None


class CustodyFilterBar(QWidget):
    changed = Signal(object)  # CustodyFilter

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("custodyFilter")
        self.action = QComboBox(self)
        self.action.setObjectName("custodyAction")
        self.action.setAccessibleName(tr("Action"))
        self.action.addItem(tr("Every action"), "")
        for action in CustodyAction:
            self.action.addItem(action.value, action.value)
        self.ref = QLineEdit(self)
        self.ref.setObjectName("custodyRef")
        self.ref.setPlaceholderText(tr("Record, e.g. EX-3"))
        self.ref.setAccessibleName(tr("Record"))
        self.since = QLineEdit(self)
        self.since.setObjectName("custodySince")
        self.since.setPlaceholderText(tr("From (YYYY-MM-DD)"))
        self.since.setAccessibleName(tr("From day (UTC)"))
        self.until = QLineEdit(self)
        self.until.setObjectName("custodyUntil")
        self.until.setPlaceholderText(tr("To (YYYY-MM-DD)"))
        self.until.setAccessibleName(tr("To day (UTC)"))
        self.apply_button = QPushButton(tr("Filter"), self)
        self.apply_button.setObjectName("custodyApply")
        self.clear_button = QPushButton(tr("Show all"), self)
        self.clear_button.setObjectName("custodyClear")
        self.error = QLabel(self)
        self.error.setObjectName("custodyFilterError")
        self.error.setStyleSheet("color: #b00020")
        self.error.setWordWrap(True)
        self.error.hide()
        for edit in (self.ref, self.since, self.until):
            edit.returnPressed.connect(self.apply)
            edit.setClearButtonEnabled(True)
            edit.setMinimumWidth(edit.fontMetrics().horizontalAdvance(edit.placeholderText()) + 40)
        self.action.activated.connect(lambda _index: self.apply())
        self.apply_button.clicked.connect(lambda _checked=False: self.apply())
        self.clear_button.clicked.connect(lambda _checked=False: self.reset())
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.action)
        row.addWidget(self.ref, 1)
        row.addWidget(self.since)
        row.addWidget(self.until)
        row.addWidget(self.apply_button)
        row.addWidget(self.clear_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.error)

    def current(self) -> CustodyFilter:
        """The filter as typed; raises ValidationError (written for a person) if a day is not a day."""
        since = _day(self.since.text(), tr("From"))
        until = _day(self.until.text(), tr("To"))
        if since is not None and until is not None and until < since:
            raise ValidationError(tr("The last day is before the first day; swap them."))
        return CustodyFilter(
            action=str(self.action.currentData()) or None,
            ref=self.ref.text().strip().upper() or None,
            since=since,
            until=until,
        )

    def apply(self) -> None:
        try:
            wanted = self.current()
        except ValidationError as error:
            self.error.setText(str(error))
            self.error.show()
            return
        self.error.hide()
        self.changed.emit(wanted)

    def reset(self) -> None:
        self.action.setCurrentIndex(0)
        for edit in (self.ref, self.since, self.until):
            edit.clear()
        self.apply()

    def clear_all(self) -> None:
        """Forget what was typed (on lock), without asking for a reload."""
        self.action.setCurrentIndex(0)
        for edit in (self.ref, self.since, self.until):
            edit.clear()
        self.error.hide()
