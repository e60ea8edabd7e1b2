"""The embedded TrueType fonts of the PDF dossier (never the base-14 fonts).

Noto Serif for Latin text, Noto Naskh Arabic for right-to-left runs, Noto Sans Mono for hashes and
references; all shipped in ``resources/fonts`` under the SIL Open Font License. reportlab embeds a
subset of every TrueType font it draws with.
"""

from __future__ import annotations

from functools import cache

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from caseapp.core.resources import resource_path

SERIF = "CaseSerif"
SERIF_BOLD = "CaseSerif-Bold"
SERIF_ITALIC = "CaseSerif-Italic"
SERIF_BOLD_ITALIC = "CaseSerif-BoldItalic"
ARABIC = "CaseNaskh"
ARABIC_BOLD = "CaseNaskh-Bold"
MONO = "CaseMono"

ARABIC_FONTS = frozenset({ARABIC, ARABIC_BOLD})

_FILES = {
    SERIF: "NotoSerif-Regular.ttf",
    SERIF_BOLD: "NotoSerif-Bold.ttf",
    SERIF_ITALIC: "NotoSerif-Italic.ttf",
    SERIF_BOLD_ITALIC: "NotoSerif-BoldItalic.ttf",
    ARABIC: "NotoNaskhArabic-Regular.ttf",
    ARABIC_BOLD: "NotoNaskhArabic-Bold.ttf",
    MONO: "NotoSansMono-Regular.ttf",
}


class FontMissingError(RuntimeError):
    """A font file of the installation is missing."""


@cache
def register_fonts() -> None:
    """Register the fonts with reportlab once per process (``<b>``/``<i>`` map to the family's faces).

    The Arabic font is registered without shaping: :mod:`caseapp.export.pdf_text` gives it text
    already in Arabic presentation forms, which keeps every glyph's width known before line breaking.
    """
    for name, filename in _FILES.items():
        path = resource_path("fonts", filename)
        if not path.is_file():
            raise FontMissingError(
                f"The font file {filename} is missing from caseapp's resources; reinstall caseapp to restore it."
            )
        pdfmetrics.registerFont(TTFont(name, str(path), shapable=False))
    for bold, italic, face in (
        (0, 0, SERIF),
        (1, 0, SERIF_BOLD),
        (0, 1, SERIF_ITALIC),
        (1, 1, SERIF_BOLD_ITALIC),
        (0, 0, ARABIC),
        (1, 0, ARABIC_BOLD),
        (0, 1, ARABIC),  # Arabic has no italic: keep the upright face
        (1, 1, ARABIC_BOLD),
        (0, 0, MONO),
        (1, 0, MONO),
        (0, 1, MONO),
        (1, 1, MONO),
    ):
        family = SERIF if face.startswith(SERIF) else ARABIC if face in ARABIC_FONTS else MONO
        addMapping(family, bold, italic, face)


@cache
def has_glyph(font_name: str, char: str) -> bool:
    """Whether ``font_name`` (registered above) draws ``char``."""
    register_fonts()
    font = pdfmetrics.getFont(font_name)
    return ord(char) in font.face.charToGlyph
