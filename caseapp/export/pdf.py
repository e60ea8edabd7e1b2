"""The dossier as PDF: :func:`render_pdf` draws a :class:`~caseapp.core.dossier.model.Document`
with reportlab platypus.

Reading order: the cover sheet, the table of contents, then each part's heading, its blocks and
its notes under :attr:`Labels.notes`. Every outline item of the document gets a PDF bookmark
(nested by level) and a table-of-contents line with its page number; every page but the cover
carries the furniture (short title and classification above, date and "page x / y" below).
The layout runs once: the page total and the contents' page numbers, known only at its end, are
filled in when the file is saved (:mod:`.pdf_deferred`). Fonts are embedded TrueType
(:mod:`.fonts`); Arabic is shaped and ordered per line (:mod:`.pdf_text`). The document
properties come only from :attr:`Document.properties`, and the same document gives the same
bytes (reportlab's invariant mode: fixed dates and file id).
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
from reportlab.platypus.tableofcontents import drawPageNumbers

from caseapp.core.dossier.model import Document

from .fonts import SERIF
from .pdf_blocks import Anchors, OutlineMark, cover_flowables, part_flowables
from .pdf_deferred import DeferredCanvas
from .pdf_styles import MARGIN_BOTTOM, MARGIN_TOP, MARGIN_X, PAGE, RULE, TEXT_WIDTH, styles
from .pdf_text import BidiParagraph, paragraph, parsed_once, text_markup

CREATOR = "caseapp"
_TOC_CALLBACK = "tocEntryEnd"


def render_pdf(doc: Document, path: Path) -> None:
    """Write ``doc`` as a PDF file at ``path`` (written once, after the whole layout succeeded).

    One layout pass: the page numbers only the end knows are drawn at save time (:mod:`.pdf_deferred`)."""
    buffer = io.BytesIO()
    template = _DossierTemplate(buffer, doc)
    with parsed_once():
        template.build(_story(doc), canvasmaker=DeferredCanvas)
    path.write_bytes(buffer.getvalue())


def _story(doc: Document) -> list[Flowable]:
    anchors = Anchors.of(doc)
    levels = _outline_levels(doc)
    story: list[Flowable] = [*cover_flowables(doc), NextPageTemplate("body"), PageBreak()]
    story.append(BidiParagraph(text_markup(doc.labels.contents), styles()["toc-title"]))
    story.append(_contents(doc, levels))
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


def _contents(doc: Document, levels: dict[str, int]) -> Flowable:
    """The table of contents: a line per outline item (Arabic shaped and ordered by
    :class:`BidiParagraph`), each a link to its heading, its dotted leader and page number drawn
    when the document is saved (:meth:`_DossierTemplate.afterFlowable` notes each heading's page)."""
    rows = []
    for index, (_level, text, anchor) in enumerate(doc.outline()):
        style = styles()[f"toc{min(levels[anchor], 2)}"]
        end = f'<onDraw name="{_TOC_CALLBACK}" label="{index}"/>'
        rows.append([BidiParagraph(f'<a href="#{anchor}">{text_markup(text)}</a>{end}', style)])
    if not rows:  # a document without headings: an empty contents line
        rows.append([BidiParagraph("", styles()["toc0"])])
    table_style = TableStyle(
        [
            ("FONTNAME", (0, 0), (-1, -1), SERIF),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ]
    )
    return Table(rows, colWidths=(TEXT_WIDTH,), style=table_style)


class _DossierTemplate(BaseDocTemplate):  # type: ignore[misc]
    def __init__(self, target: io.BytesIO, doc: Document) -> None:
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
        self._toc = _toc_lines(doc)
        self.outline_pages: dict[str, int] = {}
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

    def beforeDocument(self) -> None:
        self.canv.setNamedCB(_TOC_CALLBACK, self._toc_page_number)

    def afterFlowable(self, flowable: Flowable) -> None:
        if isinstance(flowable, OutlineMark):
            self.outline_pages[flowable.anchor] = self.page

    def _toc_page_number(self, canvas: DeferredCanvas, _kind: str, label: str) -> None:
        """The end of a contents line: its dotted leader and page number, once the page is known."""
        style, anchor = self._toc[int(label)]
        x, y = canvas._curr_tx_info["cur_x"], canvas._curr_tx_info["cur_y"]

        def draw(form: Any, _pages: int) -> None:
            form._curr_tx_info = {"cur_x": x, "cur_y": y}
            drawPageNumbers(form, style, [(self.outline_pages[anchor], None)], TEXT_WIDTH, 0, " . ")

        canvas.defer(f"tocPage{label}", draw)
        # A form cannot hold a link: the leader and the number link to the heading from the page.
        canvas.linkRect("", anchor, (x, y, TEXT_WIDTH, y + style.leading), relative=1)

    def _furniture(self, canvas: DeferredCanvas, _template: Any) -> None:
        furniture = self._doc_model.furniture
        page = self.page
        width = TEXT_WIDTH / 2
        top = PAGE[1] - MARGIN_TOP + 14
        bottom = MARGIN_BOTTOM - 22

        def fixed(form: Any, _pages: int) -> None:
            _draw(form, furniture.short_title, "furniture", (MARGIN_X, top, width))
            _draw(form, furniture.classification, "furniture-right", (MARGIN_X + width, top, width), bold=True)
            _draw(form, furniture.date, "furniture", (MARGIN_X, bottom, width))
            form.setStrokeColor(RULE)
            form.setLineWidth(0.4)
            form.line(MARGIN_X, top - 3, MARGIN_X + TEXT_WIDTH, top - 3)
            form.line(MARGIN_X, bottom + 11, MARGIN_X + TEXT_WIDTH, bottom + 11)

        def page_label(form: Any, pages: int) -> None:
            label = furniture.page_label.format(page=page, pages=pages)
            _draw(form, label, "furniture-right", (MARGIN_X + width, bottom, width))

        canvas.saveState()
        canvas.defer("furniture", fixed)  # the same on every page: one form
        canvas.defer(f"pageLabel{page}", page_label)
        canvas.restoreState()


def _toc_lines(doc: Document) -> list[tuple[Any, str]]:
    """(paragraph style, anchor) of each line of the table of contents."""
    levels = _outline_levels(doc)
    return [(styles()[f"toc{min(levels[anchor], 2)}"], anchor) for _level, _text, anchor in doc.outline()]


def _draw(canvas: Any, text: str, style: str, at: tuple[float, float, float], *, bold: bool = False) -> None:
    """Draw one furniture line of ``text`` at ``(x, y, width)``."""
    x, y, width = at
    markup = text_markup(text)
    para = paragraph(f"<b>{markup}</b>" if bold else markup, styles()[style], text)
    _w, height = para.wrapOn(canvas, width, 100)
    para.drawOn(canvas, x, y - height + 10)
