"""The review queue: element links proposed and not yet accepted or rejected, with accept and
reject (buttons, and Ctrl+Return / Ctrl+Backspace on the table). Review is by another person
than the author; the service refuses one's own links and the refusal is shown as it wrote it.
The store filters and pages the queue (the oldest proposals first, a page at a time), optionally
to the elements whose id starts with what is typed in the filter box."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QItemSelection, QItemSelectionModel, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from caseapp.core.analysis import ElementLink
from caseapp.core.operations import OpResult
from caseapp.gui.errors import show_error
from caseapp.gui.excerpts import exhibit_and_excerpt
from caseapp.gui.i18n import QT_TRANSLATE_NOOP
from caseapp.gui.legal_common import LegalContext, LegalTableModel, legal_text, ltr
from caseapp.gui.pages import make_table
from caseapp.gui.tasks import TaskHandle


def tr(text: str) -> str:
    return QCoreApplication.translate("ReviewView", text)


class ReviewModel(LegalTableModel):
    context_name = "ReviewView"
    columns = (
        (QT_TRANSLATE_NOOP("ReviewView", "Link"), lambda link: link.ref),
        (QT_TRANSLATE_NOOP("ReviewView", "Exhibit"), exhibit_and_excerpt),
        (QT_TRANSLATE_NOOP("ReviewView", "Element"), lambda link: ltr(link.element_id)),
        (QT_TRANSLATE_NOOP("ReviewView", "Stance"), lambda link: legal_text(link.stance)),
        (QT_TRANSLATE_NOOP("ReviewView", "Weight"), lambda link: legal_text(link.weight)),
        (QT_TRANSLATE_NOOP("ReviewView", "Observed or alleged"), lambda link: legal_text(link.basis)),
        (QT_TRANSLATE_NOOP("ReviewView", "Proposed by"), lambda link: link.author),
        (QT_TRANSLATE_NOOP("ReviewView", "Reasoning"), lambda link: " ".join(link.reasoning.split())),
    )


class ReviewView(QWidget):
    def __init__(self, context: LegalContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reviewView")
        self.context = context
        self._fit = True
        self.model = ReviewModel(context.runner)
        self.table = make_table(self, "reviewTable")
        self.table.setModel(self.model)
        # fit the columns to the rows on screen, not to the whole page of the queue (2 000 rows: 170 ms)
        self.table.horizontalHeader().setResizeContentsPrecision(0)
        self.model.loaded.connect(self._loaded)
        self.table.selectionModel().selectionChanged.connect(self._selection)
        self.count = QLabel(self)
        self.count.setObjectName("reviewCount")
        self.reasoning = QLabel(self)
        self.reasoning.setObjectName("reviewReasoning")
        self.reasoning.setWordWrap(True)
        self.reasoning.setTextFormat(Qt.TextFormat.PlainText)
        self.accept_button = QPushButton(tr("&Accept"), self)
        self.accept_button.setObjectName("reviewAccept")
        self.accept_button.setToolTip(tr("Accept the selected link (Ctrl+Return): it then counts as proof"))
        self.reject_button = QPushButton(tr("&Reject"), self)
        self.reject_button.setObjectName("reviewReject")
        self.reject_button.setToolTip(tr("Reject the selected link (Ctrl+Backspace): it then counts for nothing"))
        self.filter = QLineEdit(self)
        self.filter.setObjectName("reviewFilter")
        self.filter.setClearButtonEnabled(True)
        self.filter.setPlaceholderText(tr("Elements starting with… (e.g. 8(2)(e)), then Enter"))
        self.filter.setAccessibleName(tr("Show the links to elements starting with"))
        self.filter.returnPressed.connect(self.load)
        self.filter.textChanged.connect(lambda text: None if text else self.load())
        self.accept_button.clicked.connect(lambda: self.review(accept=True))
        self.reject_button.clicked.connect(lambda: self.review(accept=False))
        for key, accept in (("Ctrl+Return", True), ("Ctrl+Backspace", False)):
            action = QAction(self.table)
            action.setShortcut(QKeySequence(key))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(lambda _checked=False, accept=accept: self.review(accept=accept))
            self.table.addAction(action)
        bar = QHBoxLayout()
        bar.addWidget(self.accept_button)
        bar.addWidget(self.reject_button)
        bar.addWidget(self.filter, 1)
        bar.addWidget(self.count)
        note = QLabel(
            tr("Only accepted links count as proof in the gap matrix. Another person than the author reviews.")
        )
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(note)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.reasoning)
        self._enable()

    def load(self) -> None:
        self._fit = True  # the columns fit the first rows of a new list, not every refresh of it
        case = self.context.case()
        if case is None:
            self.model.set_loader(None)
            return
        records, prefix = case.records, self.filter.text()
        self.model.set_loader(lambda: records.review_queue(prefix))

    def refresh(self) -> None:
        self.model.refresh() if self.model.load is not None else self.load()

    def _loaded(self) -> None:
        self.count.setText(tr("{n} link(s) awaiting review").format(n=self.model.rowCount()))
        if self.model.rowCount() and self._fit:
            self._fit = False
            self.table.resizeColumnsToContents()
        self._enable()

    def current(self) -> ElementLink | None:
        rows = self.table.selectionModel().selectedRows()
        row = self.model.row_at(rows[0].row()) if rows else None
        return row if isinstance(row, ElementLink) else None

    def select(self, ref: str) -> bool:
        """Select the link ``ref`` (True if it is in the queue), as a click on its row would.
        (QTableView.selectRow selects nothing right-to-left when the columns are narrower than the view.)"""
        flags = QItemSelectionModel.SelectionFlag
        for row in range(self.model.rowCount()):
            link = self.model.row_at(row)
            if link is not None and link.ref == ref:
                self.table.selectionModel().setCurrentIndex(
                    self.model.index(row, 0), flags.ClearAndSelect | flags.Rows | flags.Current
                )
                return True
        return False

    def _selection(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        link = self.current()
        self.reasoning.setText(tr("Reasoning: {text}").format(text=link.reasoning) if link is not None else "")
        self._enable()

    def _enable(self) -> None:
        on = self.current() is not None
        self.accept_button.setEnabled(on)
        self.reject_button.setEnabled(on)

    def review(self, *, accept: bool) -> TaskHandle | None:
        link, case = self.current(), self.context.case()
        if link is None or case is None:
            return None
        records = case.records
        handle = self.context.runner.write(lambda: records.review(link.id, accept=accept), name="review")
        handle.succeeded.connect(self._reviewed)
        handle.failed.connect(lambda error: show_error(self, error))
        return handle

    def _reviewed(self, result: OpResult[Any]) -> None:
        self.context.push_undo(result)
        link = result.value
        self.context.say(tr("{link} is {state}").format(link=link.ref, state=legal_text(link.review)))
