"""Flowables for the dossier's cover sheet, parts, headings, paragraphs, tables and notes."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from caseapp.core.dossier.model import (
    Document,
    Heading,
    Inline,
    Labels,
    Paragraph,
    ParagraphStyle,
    Part,
    Redaction,
    Span,
    plain,
)
from caseapp.core.dossier.model import (
    Table as TableBlock,
)

from .fonts import SERIF
from .pdf_styles import TABLE_GRID, TABLE_HEAD_BACK, TEXT_WIDTH, styles, variant
from .pdf_text import BidiParagraph, inline_markup, paragraph, starts_rtl, text_markup


@dataclass(frozen=True, slots=True)
class Anchors:
    """Every anchor the document defines: cross-references to others are printed unlinked."""

    names: frozenset[str]

    @staticmethod
    def of(doc: Document) -> Anchors:
        names: set[str] = set()
        for part in doc.parts:
            names.add(part.anchor)
            for block in part.blocks:
                anchor = block.anchor
                if anchor:
                    names.add(anchor)
        return Anchors(frozenset(names))


class AnchorMark(Flowable):  # type: ignore[misc]
    """A zero-height flowable that defines a link destination where it is drawn."""

    def __init__(self, anchor: str) -> None:
        super().__init__()
        self.anchor = anchor
        self.keepWithNext = 1
        self.width = self.height = 0

    def wrap(self, _avail_width: float, _avail_height: float) -> tuple[float, float]:
        return (0, 0)

    def draw(self) -> None:
        self.canv.bookmarkHorizontal(self.anchor, 0, 14)


class OutlineMark(AnchorMark):
    """An :class:`AnchorMark` for a part or heading: it adds the PDF bookmark (outline entry) and,
    through the document template's ``afterFlowable``, the page of its table-of-contents line."""

    def __init__(self, anchor: str, title: str, depth: int) -> None:
        super().__init__(anchor)
        self.title = title
        self.depth = depth

    def draw(self) -> None:
        super().draw()
        self.canv.addOutlineEntry(self.title, self.anchor, level=self.depth, closed=False)


def _heading(text: str, anchor: str, style: str, levels: dict[str, int]) -> list[Flowable]:
    markup = text_markup(text)
    return [OutlineMark(anchor, text, levels[anchor]), paragraph(markup, styles()[style], text)]


def part_flowables(part: Part, labels: Labels, anchors: Anchors, levels: dict[str, int]) -> Iterator[Flowable]:
    """A part: its heading, blocks and, under ``labels.notes``, the notes it cites."""
    yield from _heading(f"{part.label} {part.title}".strip(), part.anchor, "h1", levels)
    for block in part.blocks:
        if isinstance(block, Heading):
            yield from _heading(f"{block.label} {block.title}".strip(), block.anchor, f"h{block.level}", levels)
        elif isinstance(block, Paragraph):
            yield _paragraph(block, anchors)
        else:
            yield from _table(block, anchors)
    if part.notes:
        yield BidiParagraph(text_markup(labels.notes), styles()["notes"])
        for note in part.notes:
            yield _para(inline_markup(note.inlines, anchors.names), "note", note.inlines, bullet=f"{note.number}.")


def _para(
    markup: str,
    style_name: str,
    inlines: tuple[Inline, ...],
    *,
    bullet: str | None = None,
    draft: bool = False,
    numbered: bool = False,
) -> Flowable:
    text = plain(inlines)
    style = variant(
        styles()[style_name],
        rtl=starts_rtl(text),
        draft=draft,
        numbered=numbered,
        ragged=any(isinstance(item, Redaction) for item in inlines),
    )
    return paragraph(markup, style, text, bulletText=bullet)


def _paragraph(block: Paragraph, anchors: Anchors) -> Flowable:
    markup = inline_markup(block.inlines, anchors.names)
    if block.anchor:
        markup = f'<a name="{block.anchor}"/>{markup}'
    bullet = f"{block.number}." if block.number is not None else "•" if block.style is ParagraphStyle.BULLET else None
    return _para(
        markup, block.style.value, block.inlines, bullet=bullet, draft=block.draft, numbered=block.number is not None
    )


def _cell(inlines: tuple[Inline, ...], anchors: Anchors, style: str = "cell") -> Flowable:
    text = plain(inlines)
    return paragraph(inline_markup(inlines, anchors.names), variant(styles()[style], rtl=starts_rtl(text)), text)


def _table(block: TableBlock, anchors: Anchors) -> Iterator[Flowable]:
    if block.anchor:
        yield AnchorMark(block.anchor)
    if block.caption:
        yield paragraph(text_markup(block.caption), styles()["caption"], block.caption)
    header = [_cell((Span(column),), anchors, "head") for column in block.columns]
    rows = [[_cell(cell, anchors) for cell in row] for row in block.rows]
    table = Table(
        [header, *rows], colWidths=[w * TEXT_WIDTH for w in block.widths], repeatRows=1, hAlign="LEFT", splitInRow=1
    )
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), SERIF),
                ("GRID", (0, 0), (-1, -1), 0.5, TABLE_GRID),
                ("BACKGROUND", (0, 0), (-1, 0), TABLE_HEAD_BACK),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                ("LEFTPADDING", (0, 0), (-1, -1), 4),
                ("RIGHTPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    yield table
    yield Spacer(1, 8)


def cover_flowables(doc: Document) -> list[Flowable]:
    """The ICC-style cover sheet: language, number (only if the user entered one) and date top
    right; the situation; the classification line; the title; the sender block and contact; the
    undertaking; the signing key's fingerprint and any further label/value lines."""
    cover = doc.cover
    s = styles()

    def para(text: str, style: str, *, bold: bool = False, mono: bool = False) -> Flowable:
        markup = text_markup(text, mono=mono)
        return paragraph(f"<b>{markup}</b>" if bold else markup, s[style], text)

    top = [para(cover.original_language, "cover-right")]
    if cover.situation_number:
        top.append(para(cover.situation_number, "cover-right"))
    top.append(para(cover.date, "cover-right"))
    out: list[Flowable] = [
        *top,
        para(cover.situation, "cover-situation"),
        Spacer(1, 18),
        _framed(para(cover.classification, "cover-classification")),
        Spacer(1, 30),
        para(cover.title, "cover-title"),
    ]
    out.extend(para(line, "cover") for line in cover.sender)
    if cover.secure_contact:
        out.append(para(cover.secure_contact, "cover"))
    if cover.signing_fingerprint:
        out.append(para(cover.signing_fingerprint, "cover", mono=True))
    out.extend(para(f"{label}: {value}", "cover") for label, value in cover.lines)
    if cover.undertaking:
        out.extend([Spacer(1, 18), para(cover.undertaking, "cover")])
    return out


def _framed(flowable: Flowable) -> Flowable:
    table = Table([[flowable]], colWidths=[TEXT_WIDTH])
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), SERIF),
                ("BOX", (0, 0), (-1, -1), 1, colors.black),
                ("TOPPADDING", (0, 0), (-1, -1), 7),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
            ]
        )
    )
    return KeepTogether([table])
