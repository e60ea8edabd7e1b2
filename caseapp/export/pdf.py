"""The dossier as PDF: :func:`render_pdf` draws a :class:`~caseapp.core.dossier.model.Document`
with reportlab platypus.

Reading order: the cover sheet, the table of contents, then each part's heading, its blocks and
its notes under :attr:`Labels.notes`. Every outline item of the document gets a PDF bookmark
(nested by level) and a table-of-contents line with its page number; every page but the cover
carries the furniture (short title and classification above, date and "page x / y" below).
Fonts are embedded TrueType (:mod:`.fonts`); Arabic is shaped and ordered per line
(:mod:`.pdf_text`). The document properties come only from :attr:`Document.properties`, and the
same document gives the same bytes (reportlab's invariant mode: fixed dates and file id).
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.tableofcontents import TableOfContents, drawPageNumbers

from caseapp.core.dossier.model import Document

from .fonts import SERIF
from .pdf_blocks import Anchors, OutlineMark, cover_flowables, part_flowables
from .pdf_styles import MARGIN_BOTTOM, MARGIN_TOP, MARGIN_X, PAGE, RULE, TEXT_WIDTH, styles
from .pdf_text import BidiParagraph, paragraph, text_markup

CREATOR = "caseapp"
_MAX_BUILDS = 3


def render_pdf(doc: Document, path: Path) -> None:
    """Write ``doc`` as a PDF file at ``path`` (written once, after the whole layout succeeded)."""
    pages_total = 0
    for _ in range(_MAX_BUILDS):
        buffer = io.BytesIO()
        template = _DossierTemplate(buffer, doc, pages_total)
        template.multiBuild(_story(doc))
        if template.page == pages_total:
            break
        pages_total = template.page  # the footer said "page x / ?" or a stale total: lay out again
    path.write_bytes(buffer.getvalue())


def _story(doc: Document) -> list[Flowable]:
    anchors = Anchors.of(doc)
    story: list[Flowable] = [*cover_flowables(doc), NextPageTemplate("body"), PageBreak()]
    story.append(BidiParagraph(text_markup(doc.labels.contents), styles()["toc-title"]))
    story.append(_Contents())
    levels = _outline_levels(doc)
    for index, part in enumerate(doc.parts):
        if index == 0 or part.page_break_before:
            story.append(PageBreak())
        else:
            story.append(Spacer(1, 12))
        story.extend(part_flowables(part, doc.labels, anchors, levels))
    return story


def _outline_levels(doc: Document) -> dict[str, int]:
    """Outline depth (0-based) per anchor; a level never jumps more than one below the one before,
    as PDF outlines (and reportlab) require."""
    levels: dict[str, int] = {}
    previous = -1
    for level, _text, anchor in doc.outline():
        depth = min(level - 1, previous + 1)
        levels[anchor] = depth
        previous = depth
    return levels


class _Contents(TableOfContents):  # type: ignore[misc]
    """The table of contents: reportlab's, its lines drawn by :class:`BidiParagraph` so Arabic in a
    heading is shaped and ordered like everywhere else, each line a link to its heading."""

    def __init__(self) -> None:
        super().__init__(dotsMinLevel=0)
        self.levelStyles = [styles()["toc0"], styles()["toc1"], styles()["toc2"]]
        self.tableStyle = TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), SERIF),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ]
        )

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        entries = self._lastEntries or [(0, "", 0, None)]  # the first pass: a placeholder line

        def entry_end(canvas: Any, _kind: str, label: str) -> None:
            index, level = (int(x) for x in label.split(","))
            _level, _text, page, key = entries[index]
            drawPageNumbers(canvas, self.getLevelStyle(level), [(page, key)], availWidth, availHeight, " . ")

        self.canv.setNamedCB("drawTOCEntryEnd", entry_end)
        rows = []
        for index, (level, markup, _page, key) in enumerate(entries):
            text = f'<a href="#{key}">{markup}</a>' if key else markup
            end = f'<onDraw name="drawTOCEntryEnd" label="{index},{level}"/>'
            rows.append([BidiParagraph(text + end, self.getLevelStyle(level))])
        self._table = Table(rows, colWidths=(availWidth,), style=self.tableStyle)
        self.width, self.height = self._table.wrapOn(self.canv, availWidth, availHeight)
        return (self.width, self.height)


class _DossierTemplate(BaseDocTemplate):  # type: ignore[misc]
    def __init__(self, target: io.BytesIO, doc: Document, pages_total: int) -> None:
        props = doc.properties
        super().__init__(
            target,
            pagesize=PAGE,
            leftMargin=MARGIN_X,
            rightMargin=MARGIN_X,
            topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM,
            title=props.title,
            author=props.author,
            subject=props.subject,
            keywords=list(props.keywords),
            creator=CREATOR,
            producer=CREATOR,
            invariant=1,
            initialFontName=SERIF,
            lang=doc.language.value,
        )
        self._doc_model = doc
        self._pages_total = pages_total
        frame = Frame(
            self.leftMargin,
            self.bottomMargin,
            self.width,
            self.height,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
            id="text",
        )
        self.addPageTemplates([PageTemplate("cover", [frame]), PageTemplate("body", [frame], onPage=self._furniture)])

    def afterFlowable(self, flowable: Flowable) -> None:
        if isinstance(flowable, OutlineMark):
            self.notify("TOCEntry", (flowable.depth, flowable.toc_markup, self.page, flowable.anchor))

    def _furniture(self, canvas: Any, _template: Any) -> None:
        furniture = self._doc_model.furniture
        pages = str(self._pages_total) if self._pages_total else "?"
        label = furniture.page_label.format(page=self.page, pages=pages)
        width = TEXT_WIDTH / 2
        top = PAGE[1] - MARGIN_TOP + 14
        bottom = MARGIN_BOTTOM - 22
        canvas.saveState()
        _draw(canvas, furniture.short_title, "furniture", (MARGIN_X, top, width))
        _draw(canvas, furniture.classification, "furniture-right", (MARGIN_X + width, top, width), bold=True)
        _draw(canvas, furniture.date, "furniture", (MARGIN_X, bottom, width))
        _draw(canvas, label, "furniture-right", (MARGIN_X + width, bottom, width))
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.4)
        canvas.line(MARGIN_X, top - 3, MARGIN_X + TEXT_WIDTH, top - 3)
        canvas.line(MARGIN_X, bottom + 11, MARGIN_X + TEXT_WIDTH, bottom + 11)
        canvas.restoreState()


def _draw(canvas: Any, text: str, style: str, at: tuple[float, float, float], *, bold: bool = False) -> None:
    """Draw one furniture line of ``text`` at ``(x, y, width)``."""
    x, y, width = at
    markup = text_markup(text)
    para = paragraph(f"<b>{markup}</b>" if bold else markup, styles()[style], text)
    _w, height = para.wrapOn(canvas, width, 100)
    para.drawOn(canvas, x, y - height + 10)
