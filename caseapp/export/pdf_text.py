"""Inline dossier text as reportlab markup, with Arabic shaped and ordered right-to-left per line.

How Arabic is drawn (the approach, after trying reportlab's own shaping):

1. :func:`caseapp.core.dossier.scripts.directional_runs` cuts text into left-to-right and
   right-to-left runs; each right-to-left run is **shaped** with ``arabic_reshaper`` into Arabic
   presentation forms (still in logical order) and set in Noto Naskh Arabic, registered without
   font shaping, so reportlab knows the exact width of every word before it breaks lines.
   Characters Naskh lacks (brackets, Latin punctuation) get the serif font.
2. reportlab breaks the paragraph into lines in **logical** order, as for any Latin paragraph.
3. Only when a line is drawn does :class:`BidiParagraph` put that line into **visual** order:
   the Unicode bidirectional algorithm's level resolution and reordering (rules W/N/L2, at the
   granularity of words) applied to the words of that one line; Arabic words are reversed glyph by
   glyph (digits stay left-to-right, brackets are mirrored; vowel marks are placed
   approximately, without the font's mark positioning).

Reordering per line after line breaking is what keeps a wrapped Arabic paragraph's lines in the
right order: reordering the whole paragraph first (``get_display``) puts its last words on the
first line. Text extractors (poppler's ``pdftotext``) recover the logical order from the drawn
order; the characters come back as presentation forms, which Unicode NFKC maps to plain letters.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any
from xml.sax.saxutils import escape

import arabic_reshaper
from reportlab.platypus import Paragraph
from reportlab.rl_config import _FUZZ

from caseapp.core.dossier.model import Inline, NoteRef, Redaction, Span, XRef
from caseapp.core.dossier.scripts import directional_runs, has_rtl, is_rtl_char

from .fonts import ARABIC, ARABIC_FONTS, MONO, SERIF, has_glyph

LINK_COLOUR = "#1f4e8c"
REDACTION_BACK = "#1a1a1a"
REDACTION_TEXT = "#ffffff"

_RESHAPER = arabic_reshaper.ArabicReshaper(configuration={"delete_harakat": False, "support_ligatures": True})
_RESHAPER_PLAIN = arabic_reshaper.ArabicReshaper(configuration={"delete_harakat": False, "support_ligatures": False})
_MIRROR = str.maketrans("()[]{}<>«»\u2039\u203a", ")(][}{><»«\u203a\u2039")
_SPACES = re.compile(r"( +)")


def shape_arabic(text: str) -> str:
    """``text`` (logical order) in Arabic presentation forms the Naskh font has glyphs for."""
    shaped: str = _RESHAPER.reshape(text)
    if all(has_glyph(ARABIC, c) for c in shaped if not c.isspace() and is_rtl_char(c)):
        return shaped
    plain: str = _RESHAPER_PLAIN.reshape(text)  # a ligature the font lacks: letters one by one
    return plain


def text_markup(text: str, *, mono: bool = False) -> str:
    """Escaped markup for ``text``: each right-to-left run shaped and set in the Arabic font."""
    latin_font = MONO if mono else None
    if text.isascii():  # the common case: nothing right-to-left
        return _font(latin_font, escape(text)) if text else ""
    out: list[str] = []
    for run, rtl in directional_runs(text):
        if not rtl:
            out.append(_font(latin_font, escape(run)) if latin_font else escape(run))
            continue
        shaped = shape_arabic(run)
        # Split off what Naskh cannot draw (brackets, some punctuation) into the serif font.
        pieces: list[tuple[bool, str]] = []
        for char in shaped:
            arabic_font = char == " " or has_glyph(ARABIC, char)
            if pieces and pieces[-1][0] == arabic_font:
                pieces[-1] = (arabic_font, pieces[-1][1] + char)
            else:
                pieces.append((arabic_font, char))
        for arabic_font, piece in pieces:
            out.append(_font(ARABIC if arabic_font else latin_font or SERIF, escape(piece)))
    return "".join(out)


def _font(name: str | None, markup: str) -> str:
    if name == ARABIC:  # Naskh looks a size smaller than the serif at the same size
        return f'<font name="{name}" size="+1">{markup}</font>'
    if name == MONO:  # and the mono a size larger
        return f'<font name="{name}" size="-1">{markup}</font>'
    return f'<font name="{name}">{markup}</font>' if name else markup


def inline_markup(inlines: Sequence[Inline], anchors: frozenset[str] = frozenset()) -> str:
    """reportlab markup of inline content: notes superscript, cross-references linked to their
    anchor when the document defines it, redactions as white text on a black box."""
    out: list[str] = []
    for item in inlines:
        if isinstance(item, Span):
            markup = text_markup(item.text, mono=item.mono)
            if item.bold:
                markup = f"<b>{markup}</b>"
            if item.italic:
                markup = f"<i>{markup}</i>"
            out.append(markup)
        elif isinstance(item, NoteRef):
            out.append(f"<super>{item.number}</super>")
        elif isinstance(item, XRef):
            markup = text_markup(item.text)
            if item.anchor in anchors:
                markup = f'<a href="#{escape(item.anchor, {chr(34): "&quot;"})}" color="{LINK_COLOUR}">{markup}</a>'
            out.append(markup)
        elif isinstance(item, Redaction):
            out.append(
                f'<font backColor="{REDACTION_BACK}" color="{REDACTION_TEXT}"><b>{text_markup(item.text)}</b></font>'
            )
    return "".join(out)


def starts_rtl(text: str) -> bool:
    """Whether the first strongly directional letter of ``text`` is right-to-left (the paragraph's
    base direction, Unicode rule P2)."""
    if text.isascii():
        return False
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind == "L":
            return False
        if kind in ("R", "AL"):
            return True
    return False


# ---- per-line visual reordering -------------------------------------------------------------


class _Atom:
    __slots__ = ("frag", "level", "strong", "text")

    def __init__(self, frag: Any, text: str | None, strong: str | None) -> None:
        self.frag = frag
        self.text = text  # None for a callback frag (anchor, onDraw)
        self.strong = strong  # "R", "L" or None (neutral)
        self.level = 0


def _strong_of(frag: Any, text: str) -> str | None:
    if frag.fontName in ARABIC_FONTS:
        return "R"
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind in ("L", "EN"):
            return "L"
        if kind in ("R", "AL", "AN"):
            return "R"
    return None


def _atoms(words: Sequence[Any]) -> list[_Atom]:
    atoms: list[_Atom] = []
    for frag in words:
        if hasattr(frag, "cbDefn"):
            atoms.append(_Atom(frag, None, None))
            continue
        for piece in _SPACES.split(frag.text):
            if piece:
                atoms.append(_Atom(frag, piece, None if piece.isspace() else _strong_of(frag, piece)))
    return atoms


def _resolve_levels(atoms: list[_Atom], rtl: bool) -> None:
    base = "R" if rtl else "L"
    index = 0
    while index < len(atoms):
        if atoms[index].strong is not None:
            index += 1
            continue
        end = index
        while end < len(atoms) and atoms[end].strong is None:
            end += 1
        before = atoms[index - 1].strong if index > 0 else base
        after = atoms[end].strong if end < len(atoms) else base
        direction = before if before == after else base
        for atom in atoms[index:end]:
            atom.strong = direction  # resolved neutral (rules N1/N2)
        index = end
    for atom in atoms:
        if rtl:
            atom.level = 1 if atom.strong == "R" else 2
        else:
            atom.level = 1 if atom.strong == "R" else 0
    # Rule L1: whitespace at the end of a line takes the paragraph level.
    for atom in reversed(atoms):
        if atom.text is not None and not atom.text.isspace():
            break
        atom.level = 1 if rtl else 0


def _reverse_runs(atoms: list[_Atom]) -> list[_Atom]:
    """Rule L2: from the highest level down to 1, reverse every run at that level or higher."""
    if not atoms:
        return atoms
    result = list(atoms)
    for level in range(max(a.level for a in result), 0, -1):
        index = 0
        while index < len(result):
            if result[index].level < level:
                index += 1
                continue
            end = index
            while end < len(result) and result[end].level >= level:
                end += 1
            result[index:end] = reversed(result[index:end])
            index = end
    return result


def visual_word(text: str) -> str:
    """A right-to-left word drawn left to right: letters and marks reversed, digit sequences kept
    in reading order, brackets mirrored."""
    tokens: list[str] = []
    index = 0
    while index < len(text):
        char = text[index]
        if unicodedata.bidirectional(char) in ("EN", "AN"):
            end = index + 1
            while end < len(text) and unicodedata.bidirectional(text[end]) in ("EN", "AN", "CS", "ET"):
                end += 1
            tokens.append(text[index:end])
        else:  # a letter or a mark: a mark drawn just before its letter lands over it (no GPOS here)
            end = index + 1
            tokens.append(char.translate(_MIRROR))
        index = end
    return "".join(reversed(tokens))


def visual_frag_line(words: Sequence[Any], rtl: bool) -> list[Any]:
    """The frags of one broken line in drawing (left-to-right) order."""
    atoms = _atoms(words)
    if not any(a.strong == "R" for a in atoms) and not rtl:
        return list(words)
    _resolve_levels(atoms, rtl)
    ordered = _reverse_runs(atoms)
    out: list[Any] = []
    current: Any = None
    texts: list[str] = []

    def flush() -> None:
        if current is not None:
            out.append(current.clone(text="".join(texts)))

    for atom in ordered:
        if atom.text is None:
            flush()
            current, texts = None, []
            out.append(atom.frag)
            continue
        text = visual_word(atom.text) if atom.level % 2 else atom.text
        if atom.frag is current:
            texts.append(text)
        else:
            flush()
            current, texts = atom.frag, [text]
    flush()
    return out


_PARSED: ContextVar[dict[tuple[Any, Any, Any], tuple[Any, Any, Any, Any]] | None] = ContextVar("_PARSED", default=None)


@contextmanager
def parsed_once() -> Iterator[None]:
    """Within this block, paragraphs of the same markup share reportlab's parse of it (its
    fragments are only read afterwards; line breaking works on copies)."""
    token = _PARSED.set({})
    try:
        yield
    finally:
        _PARSED.reset(token)


class BidiParagraph(Paragraph):  # type: ignore[misc]
    """A reportlab Paragraph that draws each line in visual order (see the module docstring).

    Line breaking, splitting across pages and the layout all see logical order; only drawing
    sees the visual one, on a copy of the broken lines.
    """

    rtl = False  # the paragraph's base direction; RtlParagraph for Arabic-first paragraphs
    blPara: Any  # reportlab's broken lines, set by wrap()
    _wrapped: tuple[float, Any, tuple[float, float]] | None = None
    text: Any  # set by reportlab's _setup: the markup, its style, fragments and bullet
    style: Any
    frags: Any
    bulletText: Any

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        """reportlab's wrap, remembered for the last width: the lines depend only on the width, and
        a paragraph is wrapped again and again (to fit a frame, to size each table row each time a
        long table is split across pages)."""
        wrapped = self._wrapped
        if availWidth < _FUZZ:  # no room at all: reportlab says so without breaking lines
            return super().wrap(availWidth, availHeight)  # type: ignore[no-any-return]
        if wrapped is not None and wrapped[0] == availWidth:
            self.width, (_w, self.height) = availWidth, wrapped[2]
            self.blPara = wrapped[1]
            return wrapped[2]
        size: tuple[float, float] = super().wrap(availWidth, availHeight)
        self._wrapped = (availWidth, self.blPara, size)
        return size

    def _setup(self, text: Any, style: Any, bullet: Any, frags: Any, cleaner: Any) -> None:
        """reportlab's markup parsing, done once per distinct markup, style and bullet while a
        :func:`parsed_once` block runs (a dossier repeats many paragraphs, from charge to charge)."""
        cache = _PARSED.get()
        if frags is not None or cache is None:
            super()._setup(text, style, bullet, frags, cleaner)
            return
        key = (text, style, bullet)
        parsed = cache.get(key)
        if parsed is None:
            super()._setup(text, style, bullet, frags, cleaner)
            cache[key] = (self.text, self.style, self.frags, self.bulletText)
            return
        self.text, self.style, self.frags, self.bulletText = parsed
        self.debug = 0

    def drawPara(self, debug: int = 0) -> Any:
        logical: Any = self.blPara
        self.blPara = _visual_lines(logical, self.rtl)
        try:
            return super().drawPara(debug)
        finally:
            self.blPara = logical


class RtlParagraph(BidiParagraph):
    """A paragraph whose base direction is right-to-left (it starts with Arabic)."""

    rtl = True


def _visual_lines(bl_para: Any, rtl: bool) -> Any:
    if bl_para.kind == 0:
        if bl_para.fontName not in ARABIC_FONTS:
            return bl_para
        lines = [(extra, [visual_word(w) for w in reversed(words)]) for extra, words in bl_para.lines]
        return bl_para.clone(lines=lines)
    if not rtl and all(_latin(frag) for line in bl_para.lines for frag in line.words):
        return bl_para  # nothing to reorder: drawn as broken
    lines = [line.clone(words=visual_frag_line(line.words, rtl)) for line in bl_para.lines]
    return bl_para.clone(lines=lines)


def _latin(frag: Any) -> bool:
    """Whether a frag of a broken line is surely left-to-right (a callback frag has no text)."""
    return frag.fontName not in ARABIC_FONTS and getattr(frag, "text", "").isascii()


def paragraph(markup: str, style: Any, text: str, **kwargs: Any) -> BidiParagraph:
    """A paragraph of ``markup`` whose plain ``text`` decides its base direction."""
    klass = RtlParagraph if not text.isascii() and has_rtl(text) and starts_rtl(text) else BidiParagraph
    return klass(markup, style, **kwargs)
