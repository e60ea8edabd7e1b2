"""The legal catalogue as a tree: article → crime → elements (contextual elements and the
introductions marked), the shared contexts and the modes of liability; searchable with the
catalogue search (English, French and Arabic everyday terms; the texts themselves are English).

Exhibits dragged from the exhibits table (or an excerpt dragged from the preview) drop onto an
element to be linked to it; the detail pane
shows an element's text, footnotes, sources and verification status, and the exhibits linked to it.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QPoint, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QLineEdit,
    QMenu,
    QSplitter,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from caseapp.core.analysis import ElementLink
from caseapp.core.legal.lexicon import load_lexicon
from caseapp.core.legal.model import Catalogue, Crime, Role
from caseapp.core.legal.search import SearchIndex, fold
from caseapp.gui.catalogue_detail import detail_html, link_summary
from caseapp.gui.errors import message_for
from caseapp.gui.excerpts import excerpt_in_mime, excerpt_text
from caseapp.gui.legal_common import LegalContext, children, ltr, top_items
from caseapp.gui.models.exhibits import exhibits_in_mime

ItemRole = Qt.ItemDataRole.UserRole + 1


def tr(text: str) -> str:
    return QCoreApplication.translate("CatalogueView", text)


@dataclass(frozen=True)
class Node:
    """What a tree item stands for: ``kind`` is article, intro, group, crime, mode or element;
    ``linkable`` when a link may name ``key`` (an element, or a crime or mode without elements)."""

    kind: str
    key: str
    linkable: bool = False


@dataclass(frozen=True)
class LoadedCatalogue:
    catalogue: Catalogue
    index: SearchIndex


def load_catalogue_and_index() -> LoadedCatalogue:
    from caseapp.core.legal import load_catalogue

    catalogue = load_catalogue()
    return LoadedCatalogue(catalogue, SearchIndex(catalogue, lexicon=load_lexicon(catalogue)))


class CatalogueTree(QTreeWidget):
    """Accepts drops of exhibits (or of an excerpt) on a linkable item; emits the exhibits, the
    element's id and the excerpt (None for whole exhibits)."""

    exhibits_dropped = Signal(object, str, object)  # [(id, ref)], element id, Excerpt | None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("catalogueTree")
        self.setAccessibleName(tr("Legal catalogue"))
        self.setHeaderLabels([tr("Id"), tr("Text")])
        self.setColumnWidth(0, 190)
        self.setAcceptDrops(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)
        self.setDropIndicatorShown(True)
        self.setWordWrap(False)
        self.setUniformRowHeights(True)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)

    def node_at(self, position: QPoint) -> Node | None:
        item = self.itemAt(position)
        node = item.data(0, ItemRole) if item is not None else None
        return node if isinstance(node, Node) else None

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if exhibits_in_mime(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        node = self.node_at(event.position().toPoint())
        if node is not None and node.linkable and exhibits_in_mime(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        """Exhibits dropped on an element: the link form opens (nothing is linked without it)."""
        node = self.node_at(event.position().toPoint())
        exhibits = exhibits_in_mime(event.mimeData())
        if node is None or not node.linkable or not exhibits:
            event.ignore()
            return
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()
        self.exhibits_dropped.emit(exhibits, node.key, excerpt_in_mime(event.mimeData()))


class CatalogueView(QWidget):
    """The tree, its search, and the detail pane of the current item."""

    # [(id, ref)] or None (the selected exhibits), element id, Excerpt or None (the whole exhibits)
    link_requested = Signal(object, str, object)

    def __init__(self, context: LegalContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("catalogueView")
        self.context = context
        self.loaded: LoadedCatalogue | None = None
        self.items: dict[tuple[str, str], QTreeWidgetItem] = {}
        self.search = QLineEdit(self)
        self.search.setObjectName("catalogueSearch")
        self.search.setAccessibleName(tr("Search the catalogue"))
        self.search.setPlaceholderText(tr("Search crimes and elements, in English, French or Arabic (Enter)"))
        self.search.setClearButtonEnabled(True)
        self.search.returnPressed.connect(lambda: self.apply_search(self.search.text()))
        self.search.textChanged.connect(lambda text: self.apply_search("") if not text else None)
        self.note = QLabel(
            tr(
                "The catalogue's texts are in English only. The search also understands everyday words in French "
                "and Arabic. Drop exhibits on an element to link them to it."
            ),
            self,
        )
        self.note.setWordWrap(True)
        self.note.setObjectName("catalogueNote")
        self.found = QLabel(self)
        self.found.setObjectName("catalogueFound")
        self.tree = CatalogueTree(self)
        self.tree.currentItemChanged.connect(lambda current, _previous: self._show(current))
        self.tree.exhibits_dropped.connect(self.link_requested)
        self.tree.customContextMenuRequested.connect(self._menu)
        self.detail = QTextBrowser(self)
        self.detail.setObjectName("catalogueDetail")
        self.detail.setAccessibleName(tr("Element details"))
        self.detail.setOpenLinks(False)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.tree)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.note)
        layout.addWidget(self.found)
        layout.addWidget(splitter, 1)
        self._links_generation = 0

    # -- loading
    def load(self) -> None:
        """Read the catalogue and build its search index on a worker (once)."""
        if self.loaded is not None:
            return
        handle = self.context.runner.read(load_catalogue_and_index, name="legal catalogue")
        handle.succeeded.connect(self._loaded)
        handle.failed.connect(lambda error: self.found.setText(message_for(error)))

    def _loaded(self, loaded: LoadedCatalogue) -> None:
        self.loaded = loaded
        self.tree.clear()
        self.items.clear()
        catalogue = loaded.catalogue
        articles: dict[str, list[Crime]] = {}
        for crime in catalogue:
            articles.setdefault(crime.article, []).append(crime)
        for article, crimes in articles.items():
            intro = catalogue.introduction(article)
            title = intro.title if intro is not None else crimes[0].title.en
            top = self._item(None, Node("article", article), tr("Article {n}").format(n=article), title)
            if intro is not None:
                self._item(top, Node("intro", article), tr("Introduction"), intro.title, italic=True)
            for group in catalogue.contextual_groups:
                if group.article == article:
                    parent = self._item(top, Node("group", group.id), tr("Shared context"), group.title, italic=True)
                    for item in group.elements:
                        self._item(parent, Node("element", item.id, True), item.id, item.text.en, italic=True)
            for crime in crimes:
                node = self._item(top, Node("crime", crime.id, not crime.elements), crime.id, crime.title.en)
                for element in crime.elements:
                    contextual = element.role is Role.CONTEXTUAL
                    text = (tr("[contextual] ") if contextual else "") + element.full_text
                    self._item(node, Node("element", element.id, True), element.id, text, italic=contextual)
        modes = self._item(None, Node("article", "liability"), tr("Modes of liability"), tr("Articles 25 and 28"))
        for mode in catalogue.modes_of_liability:
            parent = self._item(modes, Node("mode", mode.id, not mode.elements), mode.id, mode.label)
            for part in mode.elements:
                self._item(parent, Node("element", part.id, True), part.id, part.text.en)
        general = catalogue.introduction("general")
        if general is not None:
            self._item(None, Node("intro", "general"), tr("Introduction"), general.title, italic=True)
        self.apply_search(self.search.text())

    def _item(
        self, parent: QTreeWidgetItem | None, node: Node, first: str, second: str, *, italic: bool = False
    ) -> QTreeWidgetItem:
        item = QTreeWidgetItem([ltr(first) if node.kind != "article" else first, ltr(" ".join(second.split()))])
        item.setData(0, ItemRole, node)
        item.setToolTip(1, second)
        if italic:
            font = QFont(item.font(0))
            font.setItalic(True)
            item.setFont(0, font)
            item.setFont(1, font)
        if parent is None:
            self.tree.addTopLevelItem(item)
        else:
            parent.addChild(item)
        self.items.setdefault((node.kind, node.key), item)
        return item

    def item_of(self, key: str) -> QTreeWidgetItem | None:
        """The tree item of an element (or of a crime or mode, if it is not an element)."""
        for kind in ("element", "crime", "mode", "group", "article"):
            found = self.items.get((kind, key))
            if found is not None:
                return found
        return None

    # -- search
    def apply_search(self, text: str) -> None:
        """Show only the crimes (and other entries) that match; an empty search shows everything."""
        if self.loaded is None:
            return
        query = text.strip()
        hits = self.loaded.index.search(query) if query else []
        crimes = {hit.crime_id for hit in hits}
        elements = {hit.element_id for hit in hits if hit.element_id}
        words = fold(query).split()
        for top in top_items(self.tree):
            self._filter(top, query, crimes, elements, words)
        if not query:
            self.found.setText("")
            self.tree.collapseAll()
            return
        self.found.setText(tr("{n} crime(s) match").format(n=len(crimes)) if crimes else tr("Nothing matches."))
        if hits:
            best = self.item_of(hits[0].element_id or hits[0].crime_id)
            if best is not None:
                self.tree.setCurrentItem(best)
                self.tree.scrollToItem(best)

    def _filter(
        self, item: QTreeWidgetItem, query: str, crimes: set[str], elements: set[str], words: list[str]
    ) -> bool:
        node = item.data(0, ItemRole)
        assert isinstance(node, Node)
        shown_children = [self._filter(child, query, crimes, elements, words) for child in children(item)]
        if not query:
            visible = True
        elif node.kind == "crime":
            visible = node.key in crimes
            for child in children(item):  # a matching crime shows all its elements
                child.setHidden(not visible)
            shown_children = [visible]
        else:
            text = fold(f"{item.text(0)} {item.text(1)}")
            visible = node.key in elements or any(shown_children) or all(word in text for word in words)
        item.setHidden(not visible)
        if query and visible:
            keys = {child.data(0, ItemRole).key for child in children(item)}
            item.setExpanded(node.kind != "crime" or bool(keys & elements))
        return visible

    # -- detail
    def _show(self, item: QTreeWidgetItem | None) -> None:
        node = item.data(0, ItemRole) if item is not None else None
        if not isinstance(node, Node) or self.loaded is None:
            self.detail.clear()
            return
        self.detail.setHtml(detail_html(self.loaded.catalogue, node.kind, node.key))
        if node.linkable:
            self._load_links(node.key)

    def _load_links(self, element_id: str) -> None:
        case = self.context.case()
        if case is None:
            return
        records = case.records
        self._links_generation += 1
        generation = self._links_generation
        handle = self.context.runner.read(lambda: records.element_links(element=element_id), name="element links")
        handle.succeeded.connect(lambda links: self._links_arrived(generation, element_id, links))

    def _links_arrived(self, generation: int, element_id: str, links: list[ElementLink]) -> None:
        current = self.current_node()
        if generation != self._links_generation or current is None or current.key != element_id:
            return
        lines = [
            f"<li>{html.escape(link.exhibit_ref)}"
            + (f" ({html.escape(excerpt_text(link.excerpt))})" if link.excerpt else "")
            + f" — {html.escape(link.ref)}: {html.escape(link_summary(link))}</li>"
            for link in links
        ]
        body = "<ul>" + "".join(lines) + "</ul>" if lines else f"<p>{html.escape(tr('No exhibit is linked yet.'))}</p>"
        self.detail.append(f"<h3>{html.escape(tr('Linked exhibits'))}</h3>{body}")

    def current_node(self) -> Node | None:
        item = self.tree.currentItem()
        node = item.data(0, ItemRole) if item is not None else None
        return node if isinstance(node, Node) else None

    def refresh_links(self) -> None:
        """The links changed: show the current element's linked exhibits again."""
        self._show(self.tree.currentItem())

    def _menu(self, position: QPoint) -> None:
        node = self.tree.node_at(position)
        if node is None or not node.linkable:
            return
        menu = QMenu(self)
        action = menu.addAction(tr("Link the selected exhibits to {id}…").format(id=ltr(node.key)))
        action.triggered.connect(lambda _checked=False: self.link_requested.emit(None, node.key, None))
        menu.popup(self.tree.viewport().mapToGlobal(position))

    def clear_case(self) -> None:
        self._links_generation += 1
        self.search.clear()
        self.detail.clear()
