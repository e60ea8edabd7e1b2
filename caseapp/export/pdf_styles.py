"""Typography of the PDF dossier: page geometry and paragraph styles (fonts from :mod:`.fonts`)."""

from __future__ import annotations

from functools import cache
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm

from caseapp.core.dossier.model import ParagraphStyle as Kind

from .fonts import SERIF, SERIF_BOLD, register_fonts

PAGE = A4
MARGIN_X = 2.5 * cm
MARGIN_TOP = 2.6 * cm
MARGIN_BOTTOM = 2.4 * cm
TEXT_WIDTH = PAGE[0] - 2 * MARGIN_X

DRAFT_BACK = colors.HexColor("#fff2c2")
DRAFT_BORDER = colors.HexColor("#d9b44a")
RULE = colors.HexColor("#777777")
TABLE_HEAD_BACK = colors.HexColor("#e4e4e4")
TABLE_GRID = colors.HexColor("#8c8c8c")
NUMBER_INDENT = 30


def _style(name: str, **kwargs: Any) -> ParagraphStyle:
    base: dict[str, Any] = {
        "fontName": SERIF,
        "bulletFontName": SERIF,
        "fontSize": 10.5,
        "leading": 15,
        "splitLongWords": 1,
    }
    base.update(kwargs)
    return ParagraphStyle(name, **base)


@cache
def styles() -> dict[str, ParagraphStyle]:
    """The named paragraph styles, built once (after the fonts are registered)."""
    register_fonts()
    return {
        Kind.BODY: _style("body", alignment=TA_JUSTIFY, spaceAfter=7),
        Kind.QUOTE: _style("quote", leftIndent=36, rightIndent=36, fontSize=10, leading=16, spaceAfter=7),
        Kind.BULLET: _style("bullet", leftIndent=18, bulletIndent=6, spaceAfter=4),
        Kind.SMALL: _style("small", fontSize=9, leading=12, spaceAfter=4),
        Kind.CENTRED: _style("centred", alignment=TA_CENTER, spaceAfter=7),
        "h1": _style("h1", fontName=SERIF_BOLD, fontSize=15, leading=20, spaceBefore=6, spaceAfter=12, keepWithNext=1),
        "h2": _style(
            "h2", fontName=SERIF_BOLD, fontSize=12.5, leading=17, spaceBefore=10, spaceAfter=6, keepWithNext=1
        ),
        "h3": _style("h3", fontName=SERIF_BOLD, fontSize=11, leading=15, spaceBefore=8, spaceAfter=5, keepWithNext=1),
        "notes": _style("notes", fontName=SERIF_BOLD, fontSize=10, leading=14, spaceBefore=12, spaceAfter=4),
        "note": _style("note", fontSize=9, leading=12.5, leftIndent=18, bulletIndent=0, spaceAfter=3),
        "caption": _style(
            "caption", fontName=SERIF_BOLD, fontSize=9.5, leading=13, spaceBefore=6, spaceAfter=4, keepWithNext=1
        ),
        "cell": _style("cell", fontSize=9, leading=12),
        "head": _style("head", fontName=SERIF_BOLD, fontSize=9, leading=12),
        "toc-title": _style("toc-title", fontName=SERIF_BOLD, fontSize=15, leading=20, spaceAfter=14),
        "toc0": _style("toc0", fontName=SERIF_BOLD, fontSize=10.5, leading=15, spaceBefore=5),
        "toc1": _style("toc1", fontSize=10, leading=14, leftIndent=18),
        "toc2": _style("toc2", fontSize=9.5, leading=13, leftIndent=36),
        "furniture": _style("furniture", fontSize=8, leading=10),
        "furniture-right": _style("furniture-right", fontSize=8, leading=10, alignment=TA_RIGHT),
        "cover": _style("cover", fontSize=11, leading=15, alignment=TA_LEFT),
        "cover-right": _style("cover-right", fontSize=11, leading=15, alignment=TA_RIGHT),
        "cover-label": _style("cover-label", fontName=SERIF_BOLD, fontSize=11, leading=15),
        "cover-situation": _style(
            "cover-situation",
            fontName=SERIF_BOLD,
            fontSize=13,
            leading=18,
            alignment=TA_CENTER,
            spaceBefore=40,
            spaceAfter=6,
        ),
        "cover-classification": _style(
            "cover-classification", fontName=SERIF_BOLD, fontSize=11.5, leading=16, alignment=TA_CENTER
        ),
        "cover-title": _style(
            "cover-title", fontName=SERIF_BOLD, fontSize=16, leading=22, alignment=TA_CENTER, spaceAfter=40
        ),
    }


@cache
def variant(
    style: ParagraphStyle, *, rtl: bool = False, draft: bool = False, numbered: bool = False, ragged: bool = False
) -> Any:
    """``style`` for a right-to-left paragraph (aligned right), a draft (shaded) or a numbered one
    (the number hangs in the left margin of the text). ``ragged``: not justified, for paragraphs
    with a redaction box (reportlab draws a text background without the justified word spacing,
    which would leave the box shorter than its text)."""
    kwargs: dict[str, Any] = {}
    if rtl and style.alignment in (TA_LEFT, TA_JUSTIFY):
        kwargs["alignment"] = TA_RIGHT
    elif ragged and style.alignment == TA_JUSTIFY:
        kwargs["alignment"] = TA_LEFT
    if draft:
        kwargs.update(backColor=DRAFT_BACK, borderColor=DRAFT_BORDER, borderWidth=0.5, borderPadding=(2, 4, 3, 4))
    if numbered:
        kwargs.update(leftIndent=style.leftIndent + NUMBER_INDENT, bulletIndent=style.leftIndent, bulletFontName=SERIF)
    if not kwargs:
        return style
    name = "-".join(
        [style.name, *(k for k, on in (("rtl", rtl), ("draft", draft), ("num", numbered), ("ragged", ragged)) if on)]
    )
    return ParagraphStyle(name, parent=style, **kwargs)
