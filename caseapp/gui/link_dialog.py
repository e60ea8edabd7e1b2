"""Linking exhibits to an element of the catalogue: the small form (stance, weight, observed or
alleged, the required reasoning) and the element picker the keyboard shortcut opens. A link may
point at an excerpt of its exhibit (a region, a passage, quoted words): the form shows it.

Each exhibit is linked by its own write (gui/exhibit_writes.py): each link is its own step on the
undo stack, and what the service refuses is shown in the form as it wrote it.
"""

from __future__ import annotations

import enum
import uuid
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from caseapp.core.analysis import Basis, ElementLink, Excerpt, Weight
from caseapp.core.entities import LinkStance
from caseapp.core.legal.search import fold
from caseapp.core.operations import OpResult
from caseapp.gui.excerpts import excerpt_text
from caseapp.gui.exhibit_writes import ExhibitWritesForm
from caseapp.gui.legal_common import LegalContext, legal_text, ltr

Exhibits = list[tuple[uuid.UUID, str]]


def tr(text: str) -> str:
    return QCoreApplication.translate("LinkDialog", text)


def _combo(parent: QWidget, name: str, values: type[enum.StrEnum], default: enum.StrEnum) -> QComboBox:
    combo = QComboBox(parent)
    combo.setObjectName(name)
    for value in values:
        combo.addItem(legal_text(value), value)
    combo.setCurrentIndex(combo.findData(default))
    return combo


class LinkDialog(ExhibitWritesForm):
    """Link ``exhibits`` (or an ``excerpt`` of the one exhibit) to ``element_id``; ``outcomes``
    holds the links made."""

    def __init__(
        self,
        context: LegalContext,
        exhibits: Exhibits,
        element_id: str,
        element_text: str,
        parent: QWidget | None,
        *,
        excerpt: Excerpt | None = None,
    ) -> None:
        super().__init__(exhibits, parent)
        self.setObjectName("linkDialog")
        self.setWindowTitle(tr("Link to {id}").format(id=ltr(element_id)))
        self.context = context
        self.excerpt = excerpt
        self.element_id = element_id
        self.which = QLabel(self)
        self.which.setWordWrap(True)
        element = QLabel(ltr(f"{element_id}: {element_text}"), self)
        element.setWordWrap(True)
        element.setTextFormat(Qt.TextFormat.PlainText)
        self.stance = _combo(self, "linkStance", LinkStance, LinkStance.SUPPORTS)
        self.weight = _combo(self, "linkWeight", Weight, Weight.LIKELY)
        self.basis = _combo(self, "linkBasis", Basis, Basis.OBSERVED)
        self.reasoning = QPlainTextEdit(self)
        self.reasoning.setObjectName("linkReasoning")
        self.reasoning.setPlaceholderText(tr("Why does this exhibit bear on this element? (required)"))
        self.reasoning.setTabChangesFocus(True)
        self.error = QLabel(self)
        self.error.setObjectName("linkError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #a40000")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.link_button = self.buttons.addButton(tr("Link"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.link_button.setObjectName("linkButton")
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(tr("Exhibits"), self.which)
        if excerpt is not None:
            self._excerpt_rows(form, excerpt)
        form.addRow(tr("Element"), element)
        form.addRow(tr("Stance"), self.stance)
        form.addRow(tr("Weight"), self.weight)
        form.addRow(tr("Observed or alleged"), self.basis)
        form.addRow(tr("Reasoning"), self.reasoning)
        self._lay_out(form, self.buttons, 380)

    def _excerpt_rows(self, form: QFormLayout, excerpt: Excerpt) -> None:
        where = QLabel(excerpt_text(excerpt), self)
        where.setObjectName("linkExcerpt")
        where.setTextFormat(Qt.TextFormat.PlainText)
        form.addRow(tr("Excerpt"), where)
        if excerpt.quote:
            quote = QLabel(excerpt.quote if len(excerpt.quote) <= 600 else excerpt.quote[:600] + "…", self)
            quote.setObjectName("linkQuote")
            quote.setWordWrap(True)
            quote.setTextFormat(Qt.TextFormat.PlainText)
            quote.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            # Arabic words start where the form's lines start, not on the far side of an English form.
            side = Qt.AlignmentFlag.AlignRight if self.isRightToLeft() else Qt.AlignmentFlag.AlignLeft
            quote.setAlignment(side | Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignVCenter)
            form.addRow(tr("Quoted words"), quote)

    def submit(self) -> None:
        """Link each exhibit (one write each); the form closes when every one is linked."""
        case = self.context.case()
        if case is None or self.pending:
            return
        records = case.records
        reasoning = self.reasoning.toPlainText()
        stance, weight, basis = self.stance.currentData(), self.weight.currentData(), self.basis.currentData()

        def work(key: uuid.UUID) -> OpResult[ElementLink]:
            return records.link_element(
                key,
                self.element_id,
                reasoning=reasoning,
                stance=stance,
                weight=weight,
                basis=basis,
                excerpt=self.excerpt,
            )

        self._write_each(self.context.runner, work, "link element")

    def _linked_one(self, ref: str, result: OpResult[Any]) -> None:
        self.context.push_undo(result)
        self.context.say(
            tr("{exhibit} linked to {id} ({link}), awaiting review").format(
                exhibit=ref, id=ltr(self.element_id), link=result.value.ref
            )
        )


class ElementPicker(QDialog):
    """Choose an element by typing part of its id or text (the keyboard way to link)."""

    def __init__(self, elements: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("elementPicker")
        self.setWindowTitle(tr("Link the selected exhibits to an element"))
        self.chosen: str | None = None
        self.filter = QLineEdit(self)
        self.filter.setObjectName("elementFilter")
        self.filter.setPlaceholderText(tr("Type an id or words of the element, e.g. 8(2)(e)(iv)-1 or hospital"))
        self.list = QListWidget(self)
        self.list.setObjectName("elementList")
        for key, text in elements:
            item = QListWidgetItem(f"{key}  {' '.join(text.split())}")
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setData(Qt.ItemDataRole.UserRole + 1, fold(f"{key} {text}"))
            self.list.addItem(item)
        self.filter.textChanged.connect(self._filter)
        self.filter.returnPressed.connect(self._choose_first)
        self.list.itemActivated.connect(self._choose)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        self.resize(640, 420)

    def _filter(self, text: str) -> None:
        words = fold(text).split()
        first = None
        for row in range(self.list.count()):
            item = self.list.item(row)
            hidden = not all(word in item.data(Qt.ItemDataRole.UserRole + 1) for word in words)
            item.setHidden(hidden)
            if not hidden and first is None:
                first = item
        if first is not None:
            self.list.setCurrentItem(first)

    def _choose_first(self) -> None:
        item = self.list.currentItem()
        if item is not None and not item.isHidden():
            self._choose(item)

    def _choose(self, item: QListWidgetItem) -> None:
        self.chosen = item.data(Qt.ItemDataRole.UserRole)
        self.accept()
