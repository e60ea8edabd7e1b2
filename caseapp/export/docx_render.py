"""The dossier as a Word document (python-docx 1.2), from :class:`caseapp.core.dossier.model.Document`.

Prints exactly the text the model holds, in reading order: the cover sheet, the table of contents,
then each part's heading, its blocks and its notes under :attr:`Labels.notes`. Parts are Heading 1
and headings Heading 2/3 (Word's navigation pane and the ``TOC`` field use them); the contents is a
real ``TOC \\o "1-3" \\h \\z \\u`` field whose cached result is already the outline, each line linked
to its heading, so the contents reads right before anything updates the field. The cached lines carry
no page numbers: they are unknown until a layout, LibreOffice keeps a TOC's cached text as it is
(page references inside it stay empty), and Word, asked to update fields on opening, rebuilds the
whole field with page numbers.
Cross-references are internal hyperlinks to bookmarks at their anchors; note numbers link to the note.

Arabic stretches (:func:`directional_runs`) are runs marked right-to-left with Noto Naskh Arabic as
their complex-script font; a paragraph that is mostly Arabic is itself right-to-left (``w:bidi``).
Word and LibreOffice shape and order the letters. The file's properties are the model's
:class:`Properties` and nothing else (see :func:`caseapp.export.docx_ooxml.clean_package`).
"""

from __future__ import annotations

import copy
import io
import re
import string
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import docx
from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.shared import Cm, Pt, Twips
from docx.text.paragraph import Paragraph as DocxParagraph

from caseapp.core.dossier.model import (
    Document,
    Heading,
    Inline,
    NoteRef,
    Paragraph,
    ParagraphStyle,
    Part,
    Redaction,
    Span,
    Table,
    XRef,
    plain,
)
from caseapp.core.dossier.scripts import directional_runs
from caseapp.export import docx_styles as styles
from caseapp.export.docx_ooxml import (
    PPR_ORDER,
    SETTINGS_ORDER,
    TBLPR_ORDER,
    TCPR_ORDER,
    TRPR_ORDER,
    XML_SPACE,
    Bookmarks,
    Element,
    append_field,
    clean_package,
    field_char,
    hyperlink,
    instr_text,
    reproducible_zip,
    set_child,
    set_paragraph_style,
    set_rtl_paragraph,
    shade_paragraph,
)
from caseapp.export.docx_styles import BOLD, PLAIN, RunFormat, run_properties

TOC_INSTRUCTION = 'TOC \\o "1-3" \\h \\z \\u'
DRAFT_FILL = "FFF2CC"  # light yellow behind generated text the author has not edited
REDACTION_FILL = "1A1A1A"  # a dark bar with the marker's words in white
HEADER_FILL = "E7E6E6"
XREF_COLOUR = "1F3A68"
NUMBER_INDENT = Cm(1.0)
_STYLE = {
    ParagraphStyle.BODY: styles.BODY,
    ParagraphStyle.QUOTE: styles.QUOTE,
    ParagraphStyle.BULLET: styles.BULLET,
    ParagraphStyle.SMALL: styles.SMALL,
    ParagraphStyle.CENTRED: styles.BODY,
}


def render_docx(doc: Document, path: Path) -> None:
    """Write ``doc`` as a .docx file at ``path``."""
    out = docx.Document()
    props = doc.properties
    clean_package(out, props.title, props.subject, props.author, ", ".join(props.keywords))
    styles.setup(out, doc.language)
    _set_settings(out)
    _Renderer(doc, out).render()
    buffer = io.BytesIO()
    out.save(buffer)
    path.write_bytes(reproducible_zip(buffer.getvalue()))


def note_anchor(part: Part, number: int) -> str:
    return f"{part.anchor}--note-{number}"


def mostly_rtl(text: str) -> bool:
    """More right-to-left letters than left-to-right ones: the paragraph reads right to left."""
    kinds = [unicodedata.bidirectional(c) for c in text]
    return sum(k in ("R", "AL") for k in kinds) > sum(k == "L" for k in kinds)


def _anchors(doc: Document) -> Iterator[str]:
    for part in doc.parts:
        yield part.anchor
        for block in part.blocks:
            if isinstance(block, Heading):
                yield block.anchor
            elif block.anchor:
                yield block.anchor
        for note in part.notes:
            yield note_anchor(part, note.number)


def _set_settings(out: DocxDocument) -> None:
    """Ask Word to refresh the contents and page references when the file is opened, and to drop the
    editor's name and edit times from the file when someone saves it again (people in danger edit it)."""
    settings = out.settings.element
    for tag in ("w:removePersonalInformation", "w:removeDateAndTime", "w:updateFields"):
        set_child(settings, tag, SETTINGS_ORDER, **({"w_val": "true"} if tag == "w:updateFields" else {}))


class _Renderer:
    def __init__(self, doc: Document, out: DocxDocument) -> None:
        self.doc = doc
        self.out = out
        self.bookmarks = Bookmarks()
        for anchor in _anchors(doc):
            self.bookmarks.define(anchor)
        self.part: Part | None = None
        # python-docx looks a style name up through every style each time: once here instead.
        self.style_ids = {style.name: style.style_id for style in out.styles}

    def render(self) -> None:
        self._cover()
        self._contents()
        for part in self.doc.parts:
            self._part(part)
        self._furniture()

    # -- text ----------------------------------------------------------------------------------

    def _text(self, paragraph: DocxParagraph, text: str, fmt: RunFormat = PLAIN) -> list[Element]:
        """Append ``text`` as runs, one per direction, and return them (to wrap them in a link)."""
        runs: list[Element] = []
        for piece, rtl in directional_runs(text):
            run = OxmlElement("w:r")
            run.append(copy.deepcopy(run_properties(fmt, rtl)))
            for chunk in re.split(r"(\t|\n)", piece):
                if chunk == "\t":
                    run.append(OxmlElement("w:tab"))
                elif chunk == "\n":
                    run.append(OxmlElement("w:br"))
                elif chunk:
                    t = OxmlElement("w:t")
                    t.set(XML_SPACE, "preserve")
                    t.text = chunk
                    run.append(t)
            paragraph._p.append(run)
            runs.append(run)
        return runs

    def _inlines(self, paragraph: DocxParagraph, inlines: tuple[Inline, ...], *, bold: bool = False) -> None:
        for item in inlines:
            if isinstance(item, Span):
                fmt = RunFormat(bold=bold or item.bold, italic=item.italic, mono=item.mono)
                self._text(paragraph, item.text, fmt)
            elif isinstance(item, NoteRef):
                runs = self._text(paragraph, str(item.number), RunFormat(bold=bold, superscript=True))
                target = None if self.part is None else self.bookmarks.name(note_anchor(self.part, item.number))
                self._link(paragraph, runs, target)
            elif isinstance(item, XRef):
                runs = self._text(paragraph, item.text, RunFormat(bold=bold, colour=XREF_COLOUR))
                self._link(paragraph, runs, self.bookmarks.name(item.anchor))
            elif isinstance(item, Redaction):
                self._text(paragraph, item.text, RunFormat(bold=True, colour="FFFFFF", fill=REDACTION_FILL))

    @staticmethod
    def _link(paragraph: DocxParagraph, runs: list[Element], target: str | None) -> None:
        if target is None or not runs:
            return
        link = hyperlink(paragraph, target)
        for run in runs:
            link.append(run)

    def _style(self, paragraph: DocxParagraph, style: str) -> None:
        set_paragraph_style(paragraph, self.style_ids[style])

    def _para(self, style: str, *, align: WD_ALIGN_PARAGRAPH | None = None) -> DocxParagraph:
        paragraph = self.out.add_paragraph()
        self._style(paragraph, style)
        if align is not None:
            paragraph.alignment = align
        return paragraph

    # -- cover and contents --------------------------------------------------------------------

    def _cover(self) -> None:
        cover = self.doc.cover
        for line in (cover.original_language, cover.date, cover.situation_number):
            if line:
                self._text(self._para("Normal", align=WD_ALIGN_PARAGRAPH.RIGHT), line)
        situation = self._para("Normal", align=WD_ALIGN_PARAGRAPH.CENTER)
        situation.paragraph_format.space_before = Pt(80)
        self._text(situation, cover.situation, RunFormat(bold=True, size=13))
        classification = self._para("Normal", align=WD_ALIGN_PARAGRAPH.CENTER)
        classification.paragraph_format.space_before = Pt(14)
        self._text(classification, cover.classification, BOLD)
        self._text(self._para(styles.COVER_TITLE), cover.title)

        # The cover's strings carry their own labels ("Source: ...", "Secure contact: ..."): printed as they are.
        for index, line in enumerate(cover.sender):
            sender = self._para("Normal")
            if index == 0:
                sender.paragraph_format.space_before = Pt(24)
            self._text(sender, line)
        if cover.secure_contact:
            block = self._para("Normal")
            block.paragraph_format.space_before = Pt(12)
            self._text(block, cover.secure_contact)
        if cover.undertaking:
            undertaking = self._para("Normal")
            undertaking.paragraph_format.space_before = Pt(12)
            self._text(undertaking, cover.undertaking, RunFormat(italic=True))
        if cover.signing_fingerprint:
            key = self._para("Normal")
            key.paragraph_format.space_before = Pt(12)
            self._text(key, cover.signing_fingerprint, RunFormat(mono=True))
        for name, value in cover.lines:
            extra = self._para("Normal")
            extra.paragraph_format.space_before = Pt(6)
            self._text(extra, f"{name}: {value}")

    def _contents(self) -> None:
        heading = self._para(styles.TOC_HEADING)
        heading.paragraph_format.page_break_before = True
        self._text(heading, self.doc.labels.contents)
        last: DocxParagraph | None = None
        for level, text, anchor in self.doc.outline():
            entry = self._para(styles.toc_style(min(max(level, 1), 3)))
            if last is None:
                for element in (field_char("begin"), instr_text(TOC_INSTRUCTION), field_char("separate")):
                    entry._p.append(element)
            self._link(entry, self._text(entry, text), self.bookmarks.name(anchor))
            last = entry
        if last is None:  # nothing to list: an empty field Word fills on update
            last = self._para(styles.toc_style(1))
            for element in (field_char("begin"), instr_text(TOC_INSTRUCTION), field_char("separate")):
                last._p.append(element)
        last._p.append(field_char("end"))

    # -- parts ---------------------------------------------------------------------------------

    def _part(self, part: Part) -> None:
        self.part = part
        heading = self._para("Heading 1")
        heading.paragraph_format.page_break_before = part.page_break_before
        self._text(heading, f"{part.label} {part.title}".strip())
        self.bookmarks.wrap(heading, part.anchor)
        for block in part.blocks:
            if isinstance(block, Heading):
                self._heading(block)
            elif isinstance(block, Paragraph):
                self._paragraph(block)
            else:
                self._table(block)
        if part.notes:
            self._text(self._para(styles.NOTES_HEADING), self.doc.labels.notes)
            for note in part.notes:
                entry = self._para(styles.NOTE_TEXT)
                self._text(entry, f"{note.number}.\t")
                self._inlines(entry, note.inlines)
                self.bookmarks.wrap(entry, note_anchor(part, note.number))
        self.part = None

    def _heading(self, block: Heading) -> None:
        paragraph = self._para(f"Heading {min(max(block.level, 2), 3)}")
        self._text(paragraph, f"{block.label} {block.title}".strip())
        self.bookmarks.wrap(paragraph, block.anchor)

    def _paragraph(self, block: Paragraph) -> None:
        centred = block.style is ParagraphStyle.CENTRED
        paragraph = self._para(_STYLE[block.style], align=WD_ALIGN_PARAGRAPH.CENTER if centred else None)
        if block.number is not None:
            self._text(paragraph, f"{block.number}.\t")
            fmt = paragraph.paragraph_format
            fmt.left_indent = NUMBER_INDENT
            fmt.first_line_indent = -NUMBER_INDENT
            fmt.tab_stops.add_tab_stop(NUMBER_INDENT)
        self._inlines(paragraph, block.inlines)
        if mostly_rtl(plain(block.inlines)):
            set_rtl_paragraph(paragraph)
        if block.draft:
            shade_paragraph(paragraph, DRAFT_FILL)
        if block.anchor:
            self.bookmarks.wrap(paragraph, block.anchor)

    def _table(self, block: Table) -> None:
        columns = len(block.columns)
        if block.caption:
            caption = self._para(styles.CAPTION)
            self._text(caption, block.caption)
            if block.anchor:
                self.bookmarks.wrap(caption, block.anchor)
        fractions = block.widths if len(block.widths) == columns else (1 / columns,) * columns
        widths = [Twips(round(styles.TEXT_WIDTH.twips * f)) for f in fractions]
        table = self.out.add_table(rows=1 + len(block.rows), cols=columns)
        table.style = self.out.styles["Table Grid"]
        table.autofit = False
        tbl_pr = table._tbl.tblPr
        set_child(tbl_pr, "w:tblW", TBLPR_ORDER, w_w=str(sum(w.twips for w in widths)), w_type="dxa")
        for grid_col, width in zip(table._tbl.tblGrid.gridCol_lst, widths, strict=True):
            grid_col.w = width
        set_child(table.rows[0]._tr.get_or_add_trPr(), "w:tblHeader", TRPR_ORDER)
        contents: list[tuple[tuple[Inline, ...], ...]] = [tuple((Span(c, bold=True),) for c in block.columns)]
        contents.extend(block.rows)
        for index, (row, cells) in enumerate(zip(table.rows, contents, strict=True)):
            set_child(row._tr.get_or_add_trPr(), "w:cantSplit", TRPR_ORDER)
            for cell, width, inlines in zip(row.cells, widths, cells, strict=True):
                cell.width = width
                if index == 0:
                    set_child(cell._tc.get_or_add_tcPr(), "w:shd", TCPR_ORDER, w_val="clear", w_color="auto",
                              w_fill=HEADER_FILL)  # fmt: skip
                paragraph = cell.paragraphs[0]
                self._style(paragraph, styles.TABLE_TEXT)
                self._inlines(paragraph, inlines)
                if mostly_rtl(plain(inlines)):
                    set_rtl_paragraph(paragraph)
        if block.anchor and not block.caption:
            self.bookmarks.wrap(table.rows[0].cells[0].paragraphs[0], block.anchor)
        spacer = self._para(styles.SMALL)  # keeps two tables apart and gives the table air below
        set_child(spacer._p.get_or_add_pPr(), "w:spacing", PPR_ORDER, w_after="120")

    # -- furniture -----------------------------------------------------------------------------

    def _furniture(self) -> None:
        furniture = self.doc.furniture
        section = self.out.sections[0]
        header = section.header.paragraphs[0]
        self._style(header, "Header")
        header.alignment = WD_ALIGN_PARAGRAPH.CENTER
        self._text(header, furniture.short_title)
        self._text(header, " — ")
        self._text(header, furniture.classification, BOLD)
        footer = section.footer.paragraphs[0]
        self._style(footer, "Footer")
        self._text(footer, furniture.date)
        self._text(footer, "\t")
        for literal, name, _spec, _conversion in string.Formatter().parse(furniture.page_label):
            if literal:
                self._text(footer, literal)
            if name == "page":
                append_field(footer._p, "PAGE", "1")
            elif name == "pages":
                append_field(footer._p, "NUMPAGES", "1")
            elif name is not None:
                self._text(footer, "{" + name + "}")
