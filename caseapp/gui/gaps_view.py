"""The gap matrix: for each charge, each element it must prove, with its status written out and
coloured (never colour alone), the independent sources, the best grade, contradictions and the
links awaiting review. Clicking an element shows the exhibits linked to it; "only unaddressed"
plans the next collection. Computed on a worker; when links change (the operations' ``Changes``)
only the cells counting their elements are computed again and repainted in place (the whole
matrix when a charge, an exhibit or a source changed), one computation at a time."""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from caseapp.core.analysis import ElementLink
from caseapp.core.legal.gaps import ChargeGaps, GapCell, GapStatus, RowKind, merge_gaps
from caseapp.core.services.element_links import GapsUpdate
from caseapp.gui.catalogue_detail import link_summary
from caseapp.gui.errors import message_for
from caseapp.gui.excerpts import excerpt_text
from caseapp.gui.legal_common import STATUS_COLOURS, LegalContext, children, ltr, status_text, top_items
from caseapp.gui.tasks import TaskHandle

CellKey = tuple[str, str, str | None]
_STATUS_TEXT = QBrush(QColor(20, 20, 20))  # dark on every status colour  # charge ref, element id, suspect ref
KeyRole = Qt.ItemDataRole.UserRole + 1
AwaitingRole = Qt.ItemDataRole.UserRole + 2  # a cell's row: the refs of every link awaiting review
AWAITING_SHOWN = 3
"""A cell's row names this many links awaiting review, then counts them all (a row naming hundreds
took Qt 40 ms to paint at issue 17's scale)."""


def tr(text: str) -> str:
    return QCoreApplication.translate("GapsView", text)


def why_text(cell: GapCell) -> str:
    """Why a cell has its status, in the window's language (composed from the cell, as the rule words it)."""
    if cell.status is GapStatus.CONTESTED:
        return tr("contradicted by {refs}").format(refs=ltr(", ".join(cell.contradicting)))
    if cell.status is GapStatus.UNADDRESSED:
        return tr("no accepted evidence")
    if cell.status is GapStatus.CORROBORATED:
        return tr("{n} independent sources").format(n=cell.independent_sources)
    reasons = {
        "one independent source": tr("one independent source"),
        "only grades D-F or 4-6 (or ungraded)": tr("only grades D-F or 4-6 (or ungraded)"),
        'only "maybe"': tr("every link weighs “maybe”"),
    }
    return tr("; ").join(reasons.get(reason, reason) for reason in cell.why.split("; "))


def awaiting_text(refs: tuple[str, ...]) -> str:
    """The links awaiting review as a cell's row shows them: all of a few, else how many and the first."""
    if len(refs) <= AWAITING_SHOWN:
        return ltr(", ".join(refs))
    return tr("{n}: {refs} …").format(n=len(refs), refs=ltr(", ".join(refs[:AWAITING_SHOWN])))


class GapsView(QWidget):
    shown = Signal()  # the tree shows a new matrix (whole or updated)

    def __init__(self, context: LegalContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("gapsView")
        self.context = context
        self.gaps: tuple[ChargeGaps, ...] = ()
        self.items: dict[CellKey, QTreeWidgetItem] = {}
        self.collapsed: set[str] = set()
        self._generation = 0
        self._cell_generation = 0
        self._seq: int | None = None  # the custody entry the matrix shown is as of (None: compute it whole)
        self._running: TaskHandle | None = None
        self._after: list[Callable[[], None]] = []  # to run once the computation under way has arrived
        self._pending = False
        self.only_unaddressed = QCheckBox(tr("Only unaddressed elements"), self)
        self.only_unaddressed.setObjectName("gapsUnaddressed")
        self.only_unaddressed.toggled.connect(lambda _on: self._apply_filter())
        self.summary = QLabel(self)
        self.summary.setObjectName("gapsSummary")
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("gapsTree")
        self.tree.setAccessibleName(tr("Gap matrix"))
        self.tree.setHeaderLabels(
            [
                tr("Charge / element"),
                tr("Status"),
                tr("Sources"),
                tr("Best grade"),
                tr("Contradicted by"),
                tr("Awaiting review"),
                tr("Why"),
            ]
        )
        header = self.tree.headerItem()
        header.setToolTip(2, tr("Independent sources: exhibits that share a source count once"))
        header.setToolTip(6, tr("Why the element has this status"))
        self.tree.setAlternatingRowColors(False)
        self.tree.setUniformRowHeights(True)
        for column, width in enumerate((180, 120, 60, 75, 100, 100)):
            self.tree.setColumnWidth(column, width)
        self.tree.currentItemChanged.connect(lambda current, _previous: self._show_cell(current))
        self.tree.itemCollapsed.connect(lambda item: self._expanded(item, False))
        self.tree.itemExpanded.connect(lambda item: self._expanded(item, True))
        self.exhibits = QTextBrowser(self)
        self.exhibits.setObjectName("gapsExhibits")
        self.exhibits.setAccessibleName(tr("Exhibits linked to the chosen element"))
        self.exhibits.setPlaceholderText(tr("Choose an element to see the exhibits linked to it."))
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.tree)
        splitter.addWidget(self.exhibits)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        bar = QHBoxLayout()
        bar.addWidget(self.only_unaddressed)
        bar.addStretch(1)
        bar.addWidget(self.summary)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)

    # -- loading
    def reload(self) -> None:
        """Compute the whole matrix again on a worker; the tree keeps its expanded charges and current cell."""
        self._seq = None
        self._request()

    def refresh(self) -> None:
        """Something changed: compute again only what it touched (see the module docstring)."""
        if self._running is not None:
            self._pending = True  # asked again once the computation under way has arrived
            return
        self._request()

    def after_update(self, action: Callable[[], None]) -> None:
        """Run ``action`` once the computation under way has arrived or failed (now if none is):
        other reads of the same change wait for it, as two reads at once share one interpreter."""
        if self._running is None:
            action()
        else:
            self._after.append(action)

    def _run_after(self) -> None:
        actions, self._after = self._after, []
        for action in actions:
            action()

    def _request(self) -> None:
        case = self.context.case()
        self._generation += 1
        self._pending = False
        if case is None:
            self._running, self._seq = None, None
            self.show_gaps(())
            self._run_after()
            return
        records, generation, since = case.records, self._generation, self._seq
        handle = self.context.runner.read(lambda: records.gaps_update(since), name="gap matrix")
        self._running = handle
        handle.succeeded.connect(lambda update: self._arrived(generation, update))
        handle.failed.connect(lambda error: self._failed(generation, error))

    def _arrived(self, generation: int, update: GapsUpdate) -> None:
        if generation != self._generation:
            return
        self._running = None
        if update.whole or self._seq is None:
            self.show_gaps(update.charges)
        else:
            self._update_cells(update.charges)
        self._seq = update.seq
        self._run_after()
        if self._pending:
            self.refresh()

    def _failed(self, generation: int, error: BaseException) -> None:
        if generation == self._generation:
            self._running, self._seq = None, None
            self.summary.setText(message_for(error))
            self._run_after()

    def show_gaps(self, gaps: tuple[ChargeGaps, ...]) -> None:
        current = self.tree.currentItem()
        wanted = current.data(0, KeyRole) if current is not None else None
        self.gaps = gaps
        self.items.clear()
        self.tree.clear()
        tops = []
        brushes = {status: QBrush(colour) for status, colour in STATUS_COLOURS.items()}
        for charge in gaps:
            # the charge's row spans the columns: its crime's title is read whole, not cut in "Why"
            title = ltr(f"{charge.charge_ref}  {charge.crime_id}") + "  —  " + ltr(charge.crime_title)
            top = QTreeWidgetItem([("⚠ " if charge.warnings else "") + title])
            font = QFont(top.font(0))
            font.setBold(True)
            top.setFont(0, font)
            top.setData(0, KeyRole, (charge.charge_ref, "", None))
            top.setToolTip(0, "\n".join((title, *charge.warnings)))
            cells = [self._cell_item(charge, cell, brushes) for cell in charge.cells]
            for cell, item in zip(charge.cells, cells, strict=True):
                self.items[(charge.charge_ref, cell.element_id, cell.suspect_ref)] = item
            top.addChildren(cells)  # before the tree has it: one insertion, not one per cell
            tops.append(top)
        self.tree.addTopLevelItems(tops)
        for charge, top in zip(gaps, tops, strict=True):
            top.setFirstColumnSpanned(True)
            top.setExpanded(charge.charge_ref not in self.collapsed)
        self._summarise()
        self._apply_filter()
        if wanted is not None and tuple(wanted) in self.items:
            self.tree.setCurrentItem(self.items[tuple(wanted)])
        self.shown.emit()

    def _update_cells(self, updated: tuple[ChargeGaps, ...]) -> None:
        """Put the cells computed again in place, repainting only their rows."""
        self.gaps = merge_gaps(self.gaps, updated)
        current = self.tree.currentItem()
        refresh_current = False
        for charge in updated:
            for cell in charge.cells:
                item = self.items.get((charge.charge_ref, cell.element_id, cell.suspect_ref))
                if item is not None:
                    self._fill(item, cell)
                    refresh_current = refresh_current or item is current
        self._summarise()
        self._apply_filter()
        if refresh_current:
            self._show_cell(current)
        self.shown.emit()

    def _summarise(self) -> None:
        counts = dict.fromkeys(GapStatus, 0)
        for charge in self.gaps:
            for cell in charge.cells:
                counts[cell.status] += 1
        self.summary.setText(
            tr(
                "{charges} charge(s): {unaddressed} unaddressed, {weak} weak, {corroborated} corroborated, "
                "{contested} contested"
            ).format(
                charges=len(self.gaps),
                unaddressed=counts[GapStatus.UNADDRESSED],
                weak=counts[GapStatus.WEAK],
                corroborated=counts[GapStatus.CORROBORATED],
                contested=counts[GapStatus.CONTESTED],
            )
        )
        if not self.gaps:
            self.summary.setText(tr("No charge yet: add one under Charges to see what each element needs."))

    def _cell_item(self, charge: ChargeGaps, cell: GapCell, brushes: dict[GapStatus, QBrush]) -> QTreeWidgetItem:
        name = cell.element_id if cell.suspect_ref is None else f"{cell.suspect_ref}: {cell.element_id}"
        if cell.kind is RowKind.CONTEXTUAL:
            name += " " + tr("(context)")
        item = QTreeWidgetItem([ltr(name)])
        item.setData(0, KeyRole, (charge.charge_ref, cell.element_id, cell.suspect_ref))
        item.setForeground(1, _STATUS_TEXT)
        item.setToolTip(0, cell.text)
        self._fill(item, cell, brushes)
        return item

    @staticmethod
    def _fill(item: QTreeWidgetItem, cell: GapCell, brushes: dict[GapStatus, QBrush] | None = None) -> None:
        """What a cell's row says (everything but the element, which does not change)."""
        item.setText(1, status_text(cell.status))
        item.setText(2, str(cell.independent_sources))
        item.setText(3, cell.best_grade or "—")
        item.setText(4, ("⚠ " + ltr(", ".join(cell.contradicting))) if cell.contradicting else "")
        item.setText(5, awaiting_text(cell.awaiting_review))
        item.setData(0, AwaitingRole, cell.awaiting_review)
        why = why_text(cell)
        item.setText(6, why)
        item.setToolTip(6, why + "\n\n" + cell.text)
        item.setBackground(1, brushes[cell.status] if brushes else QBrush(STATUS_COLOURS[cell.status]))

    def _expanded(self, item: QTreeWidgetItem, expanded: bool) -> None:
        key = item.data(0, KeyRole)
        if key and not key[1]:
            (self.collapsed.discard if expanded else self.collapsed.add)(key[0])

    def _apply_filter(self) -> None:
        only = self.only_unaddressed.isChecked()
        unaddressed = status_text(GapStatus.UNADDRESSED)
        for top in top_items(self.tree):
            shown = 0
            for child in children(top):
                hidden = only and child.text(1) != unaddressed
                child.setHidden(hidden)
                shown += not hidden
            top.setHidden(only and not shown)

    # -- the exhibits of a cell
    def cell_item(self, charge_ref: str, element_id: str, suspect_ref: str | None = None) -> QTreeWidgetItem | None:
        return self.items.get((charge_ref, element_id, suspect_ref))

    def _show_cell(self, item: QTreeWidgetItem | None) -> None:
        key = item.data(0, KeyRole) if item is not None else None
        case = self.context.case()
        self._cell_generation += 1
        if not key or not key[1] or case is None:
            self.exhibits.clear()
            return
        element_id = key[1]
        records, generation = case.records, self._cell_generation

        def work() -> list[ElementLink]:
            found = records.element_links(element=element_id)
            also = _context_of(element_id)
            return found + (records.element_links(element=also) if also else [])

        handle = self.context.runner.read(work, name="cell exhibits")
        handle.succeeded.connect(lambda links: self._cell_links(generation, element_id, links))

    def _cell_links(self, generation: int, element_id: str, links: list[ElementLink]) -> None:
        if generation != self._cell_generation:
            return
        lines = "".join(
            f"<li>{html.escape(ltr(f'{link.exhibit_ref} ({link.ref}, {link.element_id})'))}"
            + (f" ({html.escape(excerpt_text(link.excerpt))})" if link.excerpt else "")
            + ": "
            f"{html.escape(link_summary(link))} — {html.escape(' '.join(link.reasoning.split()))}</li>"
            for link in links
            if link.deleted is None
        )
        heading = html.escape(tr("Exhibits linked to {id}").format(id=ltr(element_id)))
        body = f"<ul>{lines}</ul>" if lines else f"<p>{html.escape(tr('No exhibit is linked to it yet.'))}</p>"
        self.exhibits.setHtml(f"<h4>{heading}</h4>{body}")

    def clear_case(self) -> None:
        self._generation += 1
        self._running, self._seq, self._pending = None, None, False
        self._after.clear()
        self._cell_generation += 1
        self.collapsed.clear()
        self.show_gaps(())
        self.exhibits.clear()


def _context_of(element_id: str) -> str | None:
    """The shared context (``C-NIAC``) a contextual element of a crime stands for, which counts for it too."""
    from caseapp.core.legal import load_catalogue

    element = load_catalogue().element(element_id)
    return element.context_ref if element is not None else None
