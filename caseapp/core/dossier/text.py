"""The reading-order plain text of a :class:`Document`: what every renderer must print, one item a
line. Tests compare it (after normalising whitespace and NFKC) with the text extracted from the PDF
and the DOCX.

Order and form:

- the cover, each string verbatim (renderers add no label of their own): original language, date,
  situation, situation number (if any), classification, title, the sender lines, the secure
  contact, the undertaking, the signing key fingerprint, then each further line as ``label: value``;
- each part: its heading ``"{label} {title}"``; its blocks in order (a heading as
  ``"{label} {title}"``; a paragraph as ``"{number}. {text}"`` or just its text when unnumbered, a
  note reference as its number right after the text it follows; a table as its caption (if any),
  then every column title, then every cell row by row, one per line); then, if the part has notes,
  :attr:`Labels.notes` and each note as ``"{number}. {text}"``.

Page furniture (header, footer, page numbers) and the table of contents are not part of it: they
repeat per page and renderers lay them out themselves.
"""

from __future__ import annotations

from collections.abc import Iterator

from caseapp.core.dossier.model import Cover, Document, Heading, Paragraph, Part, Table, plain


def cover_lines(cover: Cover) -> Iterator[str]:
    yield cover.original_language
    yield cover.date
    yield cover.situation
    if cover.situation_number:
        yield cover.situation_number
    yield cover.classification
    yield cover.title
    yield from cover.sender
    if cover.secure_contact:
        yield cover.secure_contact
    if cover.undertaking:
        yield cover.undertaking
    if cover.signing_fingerprint:
        yield cover.signing_fingerprint
    for label, value in cover.lines:
        yield f"{label}: {value}"


def part_lines(part: Part, notes_label: str) -> Iterator[str]:
    yield f"{part.label} {part.title}".strip()
    for block in part.blocks:
        if isinstance(block, Heading):
            yield f"{block.label} {block.title}".strip()
        elif isinstance(block, Paragraph):
            text = plain(block.inlines)
            yield f"{block.number}. {text}" if block.number is not None else text
        elif isinstance(block, Table):
            if block.caption:
                yield block.caption
            yield from block.columns
            for row in block.rows:
                yield from (plain(cell) for cell in row)
    if part.notes:
        yield notes_label
        for note in part.notes:
            yield f"{note.number}. {plain(note.inlines)}"


def document_text(doc: Document) -> str:
    """The document's text in reading order, one item a line (see the module docstring)."""
    lines = list(cover_lines(doc.cover))
    for part in doc.parts:
        lines.extend(part_lines(part, doc.labels.notes))
    return "\n".join(lines) + "\n"
