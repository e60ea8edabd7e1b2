"""Page, paragraph and run styles of the DOCX dossier: A4, Noto Serif for Latin text, Noto Naskh Arabic as the
complex-script font, sober black headings whose Word styles (Heading 1-3) feed the navigation pane and
the table of contents."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import cast

from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt, RGBColor
from docx.styles.style import ParagraphStyle as DocxParagraphStyle
from docx.text.font import Font

from caseapp.core.dossier.model import Language
from caseapp.export.docx_ooxml import Element, set_cs_size, set_fonts, set_run_lang, shade_run, strip_theme

LATIN_FONT = "Noto Serif"
ARABIC_FONT = "Noto Naskh Arabic"
MONO_FONT = "Noto Sans Mono"
TEXT_WIDTH = Cm(16)  # A4 (21 cm) less 2.5 cm margins each side
ARABIC_SCALE = 1.1  # Naskh looks smaller than Serif at the same size

# Paragraph styles the renderer uses, by the names python-docx knows them.
BODY = "Body Text"
QUOTE = "Quote"
BULLET = "List Bullet"
SMALL = "Small"
CAPTION = "Caption"
TABLE_TEXT = "Table Text"
NOTES_HEADING = "Notes Heading"
NOTE_TEXT = "Note Text"
TOC_HEADING = "TOC Heading"
COVER_TITLE = "Title"
_LANG = {Language.EN: "en-GB", Language.FR: "fr-FR"}


def toc_style(level: int) -> str:
    return f"toc {level}"  # Word's built-in name: Word and LibreOffice recognise it


def setup(document: DocxDocument, language: Language) -> None:
    _page(document)
    styles = document.styles.element
    for element in styles.iter(qn("w:rFonts"), qn("w:color")):
        strip_theme(element)
    rpr_default = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    set_fonts(rpr_default, ascii=LATIN_FONT, hAnsi=LATIN_FONT, eastAsia=LATIN_FONT, cs=ARABIC_FONT)
    set_run_lang(rpr_default, val=_LANG[language], eastAsia=_LANG[language], bidi="ar-SA")

    normal = _style(document, "Normal")
    _font(normal, 10.5)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing = 1.1

    for level, size, before in ((1, 14, 18), (2, 12, 14), (3, 11, 10)):
        heading = _style(document, f"Heading {level}")
        _font(heading, size, bold=True, italic=level == 3)
        heading.paragraph_format.space_before = Pt(before)
        heading.paragraph_format.space_after = Pt(8 if level == 1 else 6)
        heading.paragraph_format.keep_with_next = True

    _text_styles(document)
    _own_styles(document)


def _text_styles(document: DocxDocument) -> None:
    body = _style(document, BODY)
    _font(body, 10.5)
    body.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    body.paragraph_format.space_after = Pt(8)

    quote = _style(document, QUOTE)
    _font(quote, 10.5, italic=True)
    quote.paragraph_format.left_indent = quote.paragraph_format.right_indent = Cm(1.5)
    quote.paragraph_format.space_after = Pt(8)

    _font(_style(document, BULLET), 10.5)
    _style(document, BULLET).paragraph_format.space_after = Pt(4)

    caption = _style(document, CAPTION)
    _font(caption, 9, bold=True)
    caption.paragraph_format.space_before = Pt(6)
    caption.paragraph_format.space_after = Pt(4)
    caption.paragraph_format.keep_with_next = True

    title = _style(document, COVER_TITLE)
    for border in title.element.findall(f"{qn('w:pPr')}/{qn('w:pBdr')}"):
        border.getparent().remove(border)
    _font(title, 17, bold=True)
    title.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.paragraph_format.space_before = Pt(30)
    title.paragraph_format.space_after = Pt(30)

    toc_heading = _style(document, TOC_HEADING)
    _font(toc_heading, 14, bold=True)
    toc_heading.paragraph_format.space_after = Pt(12)


def _own_styles(document: DocxDocument) -> None:
    _new(document, SMALL, 8.5).paragraph_format.space_after = Pt(4)
    _new(document, TABLE_TEXT, 8.5)
    notes_heading = _new(document, NOTES_HEADING, 10.5, bold=True)
    notes_heading.paragraph_format.space_before = Pt(12)
    notes_heading.paragraph_format.space_after = Pt(4)
    notes_heading.paragraph_format.keep_with_next = True
    note = _new(document, NOTE_TEXT, 8.5)
    note.paragraph_format.left_indent = Cm(0.7)
    note.paragraph_format.first_line_indent = Cm(-0.7)
    note.paragraph_format.space_after = Pt(2)
    for level in (1, 2, 3):
        toc = _new(document, toc_style(level), 10.5, bold=level == 1)
        toc.paragraph_format.left_indent = Cm(0.6 * (level - 1))
        toc.paragraph_format.space_before = Pt(6 if level == 1 else 1)
        toc.paragraph_format.tab_stops.add_tab_stop(TEXT_WIDTH, WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)
    for name in ("Header", "Footer"):
        furniture = _style(document, name)
        _font(furniture, 8.5)
        for tabs in furniture.element.get_or_add_pPr().findall(qn("w:tabs")):
            tabs.getparent().remove(tabs)  # the template's US-letter centre and right tabs
        furniture.paragraph_format.tab_stops.add_tab_stop(TEXT_WIDTH, WD_TAB_ALIGNMENT.RIGHT)


def _page(document: DocxDocument) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Cm(2.5)
    section.top_margin = section.bottom_margin = Cm(2.5)
    section.header_distance = section.footer_distance = Cm(1.2)


def _style(document: DocxDocument, name: str) -> DocxParagraphStyle:
    return cast(DocxParagraphStyle, document.styles[name])


def _new(document: DocxDocument, name: str, size: float, *, bold: bool = False) -> DocxParagraphStyle:
    style = cast(DocxParagraphStyle, document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH))
    style.base_style = document.styles["Normal"]
    style.quick_style = True
    _font(style, size, bold=bold)
    return style


def _font(style: DocxParagraphStyle, size: float, *, bold: bool = False, italic: bool = False) -> None:
    font = style.font
    font.size = Pt(size)
    font.bold = bold
    font.italic = italic
    font.cs_bold = bold
    font.cs_italic = False  # Arabic has no italic: a slanted Naskh only looks broken
    font.color.rgb = RGBColor(0, 0, 0)
    set_cs_size(style.element.get_or_add_rPr(), size * ARABIC_SCALE)


@dataclass(frozen=True, slots=True)
class RunFormat:
    bold: bool = False
    italic: bool = False
    mono: bool = False
    superscript: bool = False
    colour: str | None = None  # "RRGGBB"
    fill: str | None = None  # shading behind the run
    size: float | None = None  # points; the style's size otherwise


PLAIN = RunFormat()
BOLD = RunFormat(bold=True)


@functools.cache
def run_properties(fmt: RunFormat, rtl: bool) -> Element:
    """The ``w:rPr`` of a run (built once per format with python-docx, then copied: building each
    run through python-docx's API took most of the rendering time)."""
    font = Font(OxmlElement("w:r"))
    font.bold = fmt.bold or None
    font.italic = fmt.italic or None
    font.superscript = fmt.superscript or None
    if fmt.colour:
        font.color.rgb = RGBColor.from_string(fmt.colour)
    if fmt.size:
        font.size = Pt(fmt.size)
    rpr = font._element.get_or_add_rPr()
    if rtl:
        font.rtl = True
        font.complex_script = True
        font.cs_bold = fmt.bold or None
        set_fonts(rpr, cs=ARABIC_FONT)
        if fmt.size:
            set_cs_size(rpr, fmt.size * ARABIC_SCALE)
    else:
        # Neutral characters (brackets, dashes) next to Arabic count as complex script for
        # LibreOffice, and Noto Naskh has no brackets: Latin runs name a Latin cs font too.
        latin = MONO_FONT if fmt.mono else LATIN_FONT
        set_fonts(rpr, **({"ascii": latin, "hAnsi": latin} if fmt.mono else {}), cs=latin)
    if fmt.fill:
        shade_run(rpr, fmt.fill)
    return rpr
