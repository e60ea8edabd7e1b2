"""The case-building pages of the main window (Charges, Elements, Gaps, Review), wired to it:
they are added to its navigator, read the case it holds, push onto its undo stack, and refresh
from the operations' ``Changes``. Also the exhibit's elements under its details, and linking
the selected exhibits by context menu or keyboard (Ctrl+K: an element picker), and linking the
excerpt marked in the preview or the text (its button and menus, or Ctrl+Shift+K)."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QPoint, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QMenu, QVBoxLayout

from caseapp.core.analysis import ElementLink, Excerpt
from caseapp.core.changes import Changes
from caseapp.core.entities import Exhibit, Incident
from caseapp.core.errors import UserError
from caseapp.core.refs import RefKind
from caseapp.gui.catalogue_detail import element_text, link_summary, linkable_ids
from caseapp.gui.catalogue_view import CatalogueView
from caseapp.gui.charges_view import ChargesView
from caseapp.gui.errors import message_for
from caseapp.gui.excerpts import excerpt_text
from caseapp.gui.gaps_view import GapsView
from caseapp.gui.jurisdiction_view import JurisdictionView
from caseapp.gui.legal_common import LegalContext, ltr
from caseapp.gui.link_dialog import ElementPicker, LinkDialog
from caseapp.gui.review_view import ReviewView

if TYPE_CHECKING:
    from caseapp.gui.main_window import MainWindow

LINK_SHORTCUT = "Ctrl+K"
EXCERPT_SHORTCUT = "Ctrl+Shift+K"


def tr(text: str) -> str:
    return QCoreApplication.translate("LegalPages", text)


class LegalPages(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.context = LegalContext(
            runner=window.runner,
            case=lambda: window.case,
            push_undo=window._push_undo,
            selected_exhibits=self.selected_exhibits,
            say=window._say,
        )
        self.catalogue = CatalogueView(self.context, window)
        self.charges = ChargesView(
            self.context, lambda: self.catalogue.loaded and self.catalogue.loaded.catalogue, window
        )
        self.gaps = GapsView(self.context, window)
        self.review = ReviewView(self.context, window)
        self.jurisdiction = JurisdictionView(self.context, lambda: self.catalogue.loaded, window)
        self.dialog: LinkDialog | None = None
        self.picker: ElementPicker | None = None
        for label, page in (
            (tr("Charges"), self.charges),
            (tr("Elements"), self.catalogue),
            (tr("Gaps"), self.gaps),
            (tr("Review"), self.review),
            (tr("Jurisdiction"), self.jurisdiction),
        ):
            window.navigator.addItem(label)
            window.stack.addWidget(page)
        self.charges.table.setAccessibleName(tr("Charges"))
        self.review.table.setAccessibleName(tr("Review"))
        self.catalogue.link_requested.connect(self.link)
        incidents = window.record_pages[RefKind.INCIDENT]
        incidents.action.connect(lambda action: self.incident_jurisdiction() if action == "jurisdiction" else None)
        self.elements = QLabel(window.side.details_page)
        self.elements.setObjectName("exhibitElements")
        self.elements.setWordWrap(True)
        self.elements.setTextFormat(Qt.TextFormat.PlainText)
        layout = window.side.details_page.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(1, self.elements)
        window.exhibits_page.selected.connect(lambda _row: self._load_exhibit_elements())
        for record_page in (*window.record_pages.values(), window.custody_page):  # no exhibit shown then
            record_page.selected.connect(lambda _row: self.clear_exhibit_elements())
        table = window.exhibits_page.table
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        table.customContextMenuRequested.connect(self._exhibit_menu)
        self.link_action = QAction(tr("Link the selected exhibits to an element…"), window)
        self.link_action.setObjectName("linkElementAction")
        self.link_action.setShortcut(QKeySequence(LINK_SHORTCUT))
        self.link_action.triggered.connect(lambda _checked=False: self.pick_element())
        window.addAction(self.link_action)
        self.excerpt_action = QAction(tr("Link the excerpt to an element…"), window)
        self.excerpt_action.setObjectName("linkExcerptAction")
        self.excerpt_action.setShortcut(QKeySequence(EXCERPT_SHORTCUT))
        self.excerpt_action.triggered.connect(lambda _checked=False: self.link_excerpt())
        window.addAction(self.excerpt_action)
        window.side.excerpt_requested.connect(self.link_excerpt)
        window.runner.changed.connect(self.apply_changes)
        self._exhibit_generation = 0

    # -- the case
    def set_case(self) -> None:
        self.catalogue.load()
        self.charges.load()
        self.review.load()
        self.gaps.reload()

    def clear(self) -> None:
        for view in (self.charges, self.review):
            view.model.set_loader(None)
        self.catalogue.clear_case()
        self.gaps.clear_case()
        self.jurisdiction.clear_case()
        self._exhibit_generation += 1
        self.elements.clear()
        for dialog in (self.dialog, self.picker, self.charges.dialog):
            if dialog is not None:
                dialog.reject()

    def apply_changes(self, changes: Changes) -> None:
        if self.window.case is None:
            return
        if changes.charges or changes.persons or changes.incidents:
            self.charges.model.refresh()
        if changes.element_links or changes.charges or changes.exhibits or changes.sources or changes.persons:
            self.gaps.refresh()
        if changes.element_links:  # once the matrix's cells have changed (issue 17: <= 100 ms)
            self.gaps.after_update(self._links_changed)

    def _links_changed(self) -> None:
        if self.window.case is not None:
            self.review.refresh()
            self.catalogue.refresh_links()
            self._load_exhibit_elements()

    # -- jurisdiction over an incident
    def incident_jurisdiction(self) -> JurisdictionView | None:
        """The jurisdiction form, prefilled from the incident selected on the Incidents page."""
        page = self.window.record_pages[RefKind.INCIDENT]
        incident = self.window.incidents.row_at(page.current_row())
        if self.window.case is None or not isinstance(incident, Incident):
            self.window._say(tr("Select an incident first (Incidents page)."))
            return None
        self.window.navigator.setCurrentRow(self.window.stack.indexOf(self.jurisdiction))
        self.jurisdiction.from_incident(incident)
        return self.jurisdiction

    # -- linking
    def selected_exhibits(self) -> list[Exhibit]:
        table, model = self.window.exhibits_page.table, self.window.exhibits
        rows = sorted(index.row() for index in table.selectionModel().selectedRows())
        return [e for e in (model.exhibit_at(row) for row in rows) if e is not None]

    def link(
        self, exhibits: list[tuple[uuid.UUID, str]] | None, element_id: str, excerpt: Excerpt | None = None
    ) -> LinkDialog | None:
        """Open the link form for ``exhibits`` (None: the selected ones), or ``excerpt`` of the one
        exhibit, and ``element_id``."""
        chosen = exhibits if exhibits is not None else [(e.id, e.ref) for e in self.selected_exhibits()]
        loaded = self.catalogue.loaded
        if self.window.case is None or loaded is None:
            return None
        if not chosen:
            self.window._say(tr("Select one or more exhibits first (Exhibits page), then link them."))
            return None
        text = element_text(loaded.catalogue, element_id)
        self.dialog = LinkDialog(self.context, chosen, element_id, text, self.window, excerpt=excerpt)
        self.dialog.open()
        return self.dialog

    def pick_element(self) -> ElementPicker | None:
        """The keyboard way: choose an element by typing, then the link form."""
        loaded = self.catalogue.loaded
        if self.window.case is None or loaded is None:
            return None
        if not self.selected_exhibits():
            self.window._say(tr("Select one or more exhibits first (Exhibits page), then link them."))
            return None
        self.picker = ElementPicker(linkable_ids(loaded.catalogue), self.window)
        picker = self.picker
        picker.accepted.connect(lambda: self.link(None, picker.chosen) if picker.chosen else None)
        picker.open()
        return picker

    def link_excerpt(self, source: str | None = None) -> ElementPicker | None:
        """Link the excerpt marked in the preview or the text (``source``; None: the tab shown):
        choose the element by typing, then the link form shows the excerpt."""
        loaded = self.catalogue.loaded
        if self.window.case is None or loaded is None:
            return None
        try:
            found = self.window.side.current_excerpt(source)
        except UserError as error:
            self.window._say(message_for(error))
            return None
        if found is None:
            self.window._say(
                tr(
                    "Mark an excerpt first: draw a region on the preview, type a passage's start and end, "
                    "or select words in the extracted text."
                )
            )
            return None
        key, ref, excerpt = found
        self.picker = ElementPicker(linkable_ids(loaded.catalogue), self.window)
        picker = self.picker
        picker.setWindowTitle(
            tr("Link {excerpt} of {ref} to an element").format(excerpt=excerpt_text(excerpt), ref=ref)
        )
        picker.accepted.connect(lambda: self.link([(key, ref)], picker.chosen, excerpt) if picker.chosen else None)
        picker.open()
        return picker

    def _exhibit_menu(self, position: QPoint) -> None:
        menu = QMenu(self.window)
        menu.addAction(self.link_action)
        menu.popup(self.window.exhibits_page.table.viewport().mapToGlobal(position))

    # -- the elements of the selected exhibit, under its details
    def _load_exhibit_elements(self) -> None:
        case, selected = self.window.case, self.selected_exhibits()
        self._exhibit_generation += 1
        if case is None or len(selected) != 1:
            self.elements.clear()
            return
        records, exhibit, generation = case.records, selected[0], self._exhibit_generation
        handle = self.context.runner.read(lambda: records.element_links(exhibit.id), name="exhibit elements")
        handle.succeeded.connect(lambda links: self._exhibit_elements(generation, exhibit.ref, links))

    def clear_exhibit_elements(self) -> None:
        self._exhibit_generation += 1
        self.elements.clear()

    def _exhibit_elements(self, generation: int, ref: str, links: list[ElementLink]) -> None:
        if generation != self._exhibit_generation:
            return
        if not links:
            self.elements.setText(tr("{ref} is not linked to any legal element yet (Ctrl+K).").format(ref=ref))
            return
        lines = [
            f"{ltr(f'{link.element_id} ({link.ref})')}: {link_summary(link)}"
            + (f" — {excerpt_text(link.excerpt)}" if link.excerpt else "")
            for link in links
        ]
        self.elements.setText(tr("Legal elements of {ref}:").format(ref=ref) + "\n" + "\n".join(lines))
