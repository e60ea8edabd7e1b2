"""The builder's working state: paragraph and table numbering that runs through the whole document,
notes per part, where each exhibit is discussed, and how an exhibit is shown in each version.

A :class:`Context` is made once per document; a :class:`PartWriter` collects the blocks and notes of
one part and hands back a finished :class:`~caseapp.core.dossier.model.Part`.
"""

from __future__ import annotations

import string
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from caseapp.core.dossier.inputs import DossierInputs, SectionKey
from caseapp.core.dossier.model import (
    Block,
    Heading,
    Inline,
    Note,
    NoteRef,
    Paragraph,
    ParagraphStyle,
    Part,
    Redaction,
    Span,
    Table,
    Version,
    XRef,
)
from caseapp.core.dossier.wording import Words, numbers, paragraphs
from caseapp.core.export_view import ExhibitView, ExportView, IncidentView
from caseapp.core.legal.jurisdiction import JurisdictionAnswer
from caseapp.core.legal.model import Catalogue

INDEX_ANCHOR = "evidence-index"


@dataclass
class Context:
    view: ExportView
    inputs: DossierInputs
    version: Version
    words: Words
    catalogue: Catalogue
    answers: tuple[JurisdictionAnswer, ...]
    today: date
    custody_entries: int = 0
    key_annex: bool = False
    part_labels: dict[str, str] = field(default_factory=dict)  # part anchor -> "VII"
    next_para: int = 1
    next_table: int = 1
    discussed: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))  # exhibit ref -> paras
    incident_paras: dict[str, int] = field(default_factory=dict)
    charge_tables: dict[str, int] = field(default_factory=dict)  # charge ref -> table number

    def __post_init__(self) -> None:
        self.exhibits = {x.ref: x for x in self.view.exhibits}
        self.sources = {s.ref: s for s in self.view.sources}
        self.persons = {p.ref: p for p in self.view.persons}
        self.element_links = {x.ref: x for x in self.view.element_links}
        self.annex_of = {x.ref: n for n, x in enumerate(self.view.exhibits, start=1)}
        later = len(self.view.exhibits) + 1
        self.custody_annex = later if self.custody_entries > 0 else None
        self.key_annex_number = (later + (1 if self.custody_annex else 0)) if self.key_annex else None

    @property
    def public(self) -> bool:
        return self.version is Version.PUBLIC

    def withheld(self, exhibit: ExhibitView) -> bool:
        """Whether this version lists the exhibit without its content."""
        return self.public and exhibit.sensitivity != "none"

    def file_withheld(self, exhibit: ExhibitView) -> bool:
        """Whether the public bundle leaves the exhibit's file out (as the bundle decides: it is
        sensitive, or records a location, and has no redacted copy to send instead)."""
        unsafe = exhibit.sensitivity != "none" or exhibit.latitude is not None
        return self.public and exhibit.redacted_sha256 is None and unsafe

    def redaction(self, key: str) -> Redaction:
        return Redaction(self.words(key))

    def part_ref(self, anchor: str) -> XRef:
        return XRef(self.words("part.ref", n=self.part_labels[anchor]), anchor)

    def para_refs(self, numbers_: Sequence[int]) -> tuple[Inline, ...]:
        """``para. 12`` or ``paras 12, 15`` as cross-references, one per paragraph."""
        ordered = sorted(set(numbers_))
        out: list[Inline] = []
        for index, number in enumerate(ordered):
            if index:
                out.append(Span(", "))
            text = self.words("para", n=number) if index == 0 and len(ordered) == 1 else str(number)
            if index == 0 and len(ordered) > 1:
                text = self.words("paras", n=number)
            out.append(XRef(text, f"para-{number}"))
        return tuple(out)

    # exhibits as each version shows them
    def exhibit_ref(self, ref: str) -> XRef:
        return XRef(ref, INDEX_ANCHOR)

    def _scrub(self, exhibit: ExhibitView, text: str) -> tuple[Inline, ...]:
        """``text`` with the exhibit's original file name withheld in the public version."""
        name = exhibit.original_name
        if not self.public or not name or name not in text:
            return (Span(text),) if text else ()
        out: list[Inline] = []
        for index, piece in enumerate(text.split(name)):
            if index:
                out.append(self.redaction("r.original"))
            if piece:
                out.append(Span(piece))
        return tuple(out)

    def exhibit_title(self, exhibit: ExhibitView) -> tuple[Inline, ...]:
        if self.withheld(exhibit):
            return (self.redaction("r.exhibit"),)
        return self._scrub(exhibit, exhibit.title)

    def exhibit_description(self, exhibit: ExhibitView) -> tuple[Inline, ...]:
        if self.withheld(exhibit):
            return ()  # the title's marker already says the content is withheld
        return self._scrub(exhibit, exhibit.description)

    def exhibit_citation(self, exhibit: ExhibitView) -> tuple[Inline, ...]:
        """The note that cites an exhibit: ref, title, kind, source and grade, annex, SHA-256."""
        w = self.words
        out: list[Inline] = [self.exhibit_ref(exhibit.ref), Span(", "), *self.exhibit_title(exhibit)]
        out.append(Span(f"; {w.term(exhibit.kind)}"))
        source = self.sources.get(exhibit.source_ref or "")
        if source is not None:
            out.append(Span("; " + w("detail.source", source=f"{source.name} ({exhibit.grading or w('ungraded')})")))
        out.append(Span(f"; {w('col.annex')} {self.annex_of[exhibit.ref]}"))
        if exhibit.sha256:
            out.extend((Span("; SHA-256 "), Span(exhibit.sha256, mono=True)))
        out.append(Span("."))
        return tuple(out)

    def coordinates(self, latitude: float | None, longitude: float | None, precision: str) -> tuple[Inline, ...]:
        """Exact coordinates in the full version; a marker in the public one; nothing when there are none."""
        if latitude is None or longitude is None:
            return ()
        if self.public:
            return (Span(" "), self.redaction("r.coordinates"))
        text = self.words(
            "coordinates", lat=f"{latitude:.6f}", lon=f"{longitude:.6f}", precision=self.words.term(precision)
        )
        return (Span(text),)

    # dates
    def when(self, incident: IncidentView) -> str:
        w = self.words
        start, end = incident.time_start, incident.time_end
        if start is None:
            return w("when.none")
        text = self._moment(start, incident.time_precision)
        if end is not None and end.date() != start.date():
            text = w("when.range", start=text, end=self._moment(end, incident.time_precision))
        return text

    def _moment(self, moment: datetime, precision: str) -> str:
        w = self.words
        if precision == "year":
            return str(moment.year)
        if precision == "month":
            return w.month(moment.date())
        if precision == "estimated":
            return w("when.estimated", date=w.date(moment.date()))
        if precision == "exact":
            return w("when.at", date=w.date(moment.date()), time=moment.strftime("%H:%M"))
        return w.date(moment.date())


class PartWriter:
    """Collects one part's blocks and notes; numbers paragraphs and tables through the document."""

    def __init__(self, ctx: Context, anchor: str, title: str) -> None:
        self.ctx = ctx
        self.anchor = anchor
        self.title = title
        self.blocks: list[Block] = []
        self.notes: list[Note] = []
        self._level2 = 0
        self._level3 = 0

    def para(
        self,
        inlines: Sequence[Inline],
        *,
        draft: bool = False,
        style: ParagraphStyle = ParagraphStyle.BODY,
        numbered: bool = True,
        exhibits: Sequence[str] = (),
    ) -> int | None:
        number = None
        if numbered:
            number = self.ctx.next_para
            self.ctx.next_para += 1
            for ref in exhibits:
                self.ctx.discussed[ref].append(number)
        content = tuple(inlines)
        if draft:
            content = (Span(self.ctx.words("draft") + " "), *content)
        anchor = f"para-{number}" if number is not None else None
        self.blocks.append(Paragraph(content, number=number, anchor=anchor, style=style, draft=draft))
        return number

    def text(self, text: str, *, draft: bool = False) -> int | None:
        return self.para((Span(text),), draft=draft)

    def note(self, inlines: Sequence[Inline]) -> NoteRef:
        """A note of this part; a note with the same text as an earlier one is that note again."""
        content = tuple(inlines)
        for note in self.notes:
            if note.inlines == content:
                return NoteRef(note.number)
        number = len(self.notes) + 1
        self.notes.append(Note(number, content))
        return NoteRef(number)

    def source_note(self, sources: Sequence[str], extra: str = "") -> NoteRef:
        text = self.ctx.words("j.sources", list="; ".join(dict.fromkeys(sources)))
        return self.note((Span(f"{text} {extra}".strip()),))

    def heading(self, level: int, title: str, anchor: str) -> None:
        if level == 2:
            self._level2 += 1
            self._level3 = 0
            label = string.ascii_uppercase[(self._level2 - 1) % 26] + "."
        else:
            self._level3 += 1
            label = f"{self._level3}."
        self.blocks.append(Heading(level, label, title, anchor))

    def table(
        self,
        columns: Sequence[str],
        rows: Sequence[Sequence[Sequence[Inline]]],
        widths: Sequence[float],
        caption: str = "",
        anchor: str | None = None,
    ) -> None:
        self.blocks.append(
            Table(
                columns=tuple(columns),
                rows=tuple(tuple(tuple(cell) for cell in row) for row in rows),
                widths=tuple(widths),
                caption=caption,
                anchor=anchor,
            )
        )

    def new_table_number(self) -> int:
        number = self.ctx.next_table
        self.ctx.next_table += 1
        return number

    def section(self, key: SectionKey, placeholder: str, draft: Callable[[], list[str]] | None = None) -> None:
        """The author's text for ``key``; else a draft from the data; else a draft placeholder."""
        written = self.ctx.inputs.sections.get(key)
        pieces = paragraphs(written.text) if written is not None else []
        if pieces:
            for piece in pieces:
                self.text(piece)
            return
        drafted = draft() if draft is not None else []
        for piece in drafted or [placeholder]:
            self.text(piece, draft=True)

    def part(self, *, numbered: bool = True, page_break: bool = True) -> Part:
        label = f"{self.ctx.part_labels[self.anchor]}." if numbered else ""
        return Part(label, self.title, self.anchor, tuple(self.blocks), tuple(self.notes), page_break)


def counts(ctx: Context, statuses: Sequence[str]) -> str:
    """``corroborated: 2, weak: 1`` in the order of the gap statuses."""
    order = ("corroborated", "weak", "contested", "unaddressed")
    tally = {s: statuses.count(s) for s in order if statuses.count(s)}
    return ", ".join(ctx.words("count", term=ctx.words.term(s), n=n) for s, n in tally.items())


def annex_list(ctx: Context, confidential: Sequence[int], public: Sequence[int]) -> str:
    """``Confidential Annexes 1, 4; Public Annexes 2, 3``."""
    w = ctx.words
    out = []
    for kind, values in (("confidential", confidential), ("public", public)):
        if values:
            out.append(w(f"annex.{kind}.{'one' if len(values) == 1 else 'many'}", n=numbers(values)))
    return w("annex.sep").join(out)
