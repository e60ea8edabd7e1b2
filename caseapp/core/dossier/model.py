"""The neutral document model of the Article 15 communication (architecture §6).

The builder (:mod:`caseapp.core.dossier.build`) makes one :class:`Document` per version from the
case's export view; the renderers in :mod:`caseapp.export` (PDF with reportlab, DOCX with
python-docx) turn it into files and must produce **the same text**: everything a reader sees is
decided here, numbers and cross-references included. A renderer chooses only typography.

Shape:

- a :class:`Cover` (ICC-style cover sheet, never a made-up Court number) and :class:`Furniture`
  (the short title, classification, date and language printed on every page);
- ``parts``: the top-level sections in order; each :class:`Part` is a heading (level 1) with
  blocks (:class:`Heading` of level 2 or 3, :class:`Paragraph`, :class:`Table`) and the notes it
  cites, which renderers print at the end of the part under :attr:`Labels.notes`
  (endnotes per part, the same in both formats);
- inline content is a tuple of :data:`Inline`: plain :class:`Span` text, :class:`NoteRef`
  (a note's number, superscript), :class:`XRef` (a cross-reference whose text is already
  resolved, e.g. "para. 12", pointing to an anchor a renderer may make clickable) and
  :class:`Redaction` (a visible marker where something was withheld).

Text may mix Latin and Arabic freely; renderers split it with
:func:`caseapp.core.dossier.scripts.directional_runs` and order/shape right-to-left runs.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator
from dataclasses import dataclass, field


class Version(enum.StrEnum):
    FULL = "full"  # the confidential version: everything the export view holds
    PUBLIC = "public"  # the public redacted version
    KEY_ANNEX = "key-annex"  # the confidential key annex: pseudonym -> identity, only when asked


class Language(enum.StrEnum):
    EN = "en"
    FR = "fr"


class ParagraphStyle(enum.StrEnum):
    BODY = "body"  # numbered or not, justified body text
    QUOTE = "quote"  # an indented quotation (testimony, an excerpt)
    BULLET = "bullet"
    SMALL = "small"  # captions, source lines
    CENTRED = "centred"


@dataclass(frozen=True, slots=True)
class Span:
    text: str
    bold: bool = False
    italic: bool = False
    mono: bool = False  # hashes, refs


@dataclass(frozen=True, slots=True)
class NoteRef:
    """A reference to note ``number`` of the enclosing part (printed superscript)."""

    number: int


@dataclass(frozen=True, slots=True)
class XRef:
    """A cross-reference, its ``text`` already resolved ("para. 12", "EX-3", "Annex 2")."""

    text: str
    anchor: str


@dataclass(frozen=True, slots=True)
class Redaction:
    """A visible marker where content was withheld, e.g. "[REDACTED: protected witness]"."""

    text: str


Inline = Span | NoteRef | XRef | Redaction


def plain(inlines: tuple[Inline, ...]) -> str:
    """The text of inline content as a reader sees it (a note reference as its number)."""
    out: list[str] = []
    for item in inlines:
        if isinstance(item, NoteRef):
            out.append(str(item.number))
        else:
            out.append(item.text)
    return "".join(out)


@dataclass(frozen=True, slots=True)
class Heading:
    """A heading inside a part (level 2 or 3); it gets a bookmark and a table-of-contents line."""

    level: int
    label: str  # "A.", "1." or "" (printed before the title)
    title: str
    anchor: str


@dataclass(frozen=True, slots=True)
class Paragraph:
    inlines: tuple[Inline, ...]
    number: int | None = None  # numbered paragraphs run through the whole document
    anchor: str | None = None
    style: ParagraphStyle = ParagraphStyle.BODY
    draft: bool = False
    """Generated text the author has not edited yet: the builder starts its text with
    :attr:`Labels.draft_marker`; renderers may also shade it."""


@dataclass(frozen=True, slots=True)
class Table:
    columns: tuple[str, ...]
    rows: tuple[tuple[tuple[Inline, ...], ...], ...]
    widths: tuple[float, ...]  # relative column widths, summing to 1
    caption: str = ""
    anchor: str | None = None


Block = Heading | Paragraph | Table


@dataclass(frozen=True, slots=True)
class Note:
    number: int
    inlines: tuple[Inline, ...]


@dataclass(frozen=True, slots=True)
class Part:
    """A top-level section: "III. Jurisdiction"."""

    label: str  # "III." (Roman numerals) or "" for unnumbered parts such as annexes
    title: str
    anchor: str
    blocks: tuple[Block, ...]
    notes: tuple[Note, ...] = ()
    page_break_before: bool = True

    def headings(self) -> Iterator[Heading]:
        return (b for b in self.blocks if isinstance(b, Heading))


@dataclass(frozen=True, slots=True)
class Cover:
    """The cover sheet, modelled on ICC filings without faking Court fields."""

    original_language: str  # "Original: English"
    date: str  # "27 November 2026" (already in the document's language)
    situation: str  # as the user names it: "Situation in the Syrian Arab Republic"
    situation_number: str | None  # only if the user entered one; never generated
    classification: str  # "PUBLIC with Confidential Annexes 1 and 4; Public Annexes 2, 3"
    title: str
    sender: tuple[str, ...]  # lines of the sender block ("Source:")
    secure_contact: str
    undertaking: str | None
    signing_fingerprint: str | None  # the organisation's signing key, when the bundle is signed
    lines: tuple[tuple[str, str], ...] = ()  # further label/value lines, in order


@dataclass(frozen=True, slots=True)
class Furniture:
    """Printed on every page: header ``short_title — classification``, footer ``date`` and
    ``page_label`` (e.g. "page {page} / {pages}", filled in by the renderer)."""

    short_title: str
    classification: str  # "PUBLIC REDACTED VERSION", "CONFIDENTIAL"
    date: str
    page_label: str  # a format string with {page} and {pages}


@dataclass(frozen=True, slots=True)
class Labels:
    """Fixed words renderers print themselves, in the document's language."""

    contents: str  # "Contents" / "Table des matières"
    notes: str  # "Notes"
    draft_marker: str  # "[DRAFT generated by caseapp: review and edit before sending]"


@dataclass(frozen=True, slots=True)
class Properties:
    """Document properties (PDF info, DOCX core properties). Never anything protected: the
    builder fills them from the cover only."""

    title: str
    subject: str
    author: str  # the sending organisation
    keywords: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Document:
    version: Version
    language: Language
    cover: Cover
    furniture: Furniture
    labels: Labels
    properties: Properties
    parts: tuple[Part, ...]
    file_stem: str = "communication"  # renderers add .pdf / .docx; never a protected name
    meta: dict[str, str] = field(default_factory=dict)  # build facts for the export's custody entry

    def outline(self) -> Iterator[tuple[int, str, str]]:
        """(level, text, anchor) of every part and heading, in order: the bookmarks and the table
        of contents."""
        for part in self.parts:
            yield 1, f"{part.label} {part.title}".strip(), part.anchor
            for heading in part.headings():
                yield heading.level, f"{heading.label} {heading.title}".strip(), heading.anchor
