"""Build the Article 15 communication (architecture §6) from the case's export view: a pure function.

:func:`build_dossier` makes one version (FULL, "CONFIDENTIAL"; or PUBLIC, "PUBLIC REDACTED VERSION")
of the communication in English or French, in the order of the Office of the Prosecutor's
preliminary examination (article15-practice.md, "What caseapp's dossier and bundle should do"):
cover sheet; introduction; executive summary; factual background; jurisdiction; contextual elements;
one part per charged crime; perpetrators and modes of liability; admissibility; interests of
justice; protection of witnesses and methodology; conclusion and request; evidence index; annexes.

It reads only the export view (protected persons already by pseudonym), the author's inputs, the
legal catalogue and the jurisdiction assistant's answers. Real names go only into the key annex
(:func:`caseapp.core.dossier.key_annex.build_key_annex`), which the caller builds when asked.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from datetime import date

from caseapp.core.dossier import sections
from caseapp.core.dossier.charges_part import charge_part
from caseapp.core.dossier.evidence_index import annex_statuses, annexes, evidence_index
from caseapp.core.dossier.inputs import DossierInputs
from caseapp.core.dossier.jurisdiction_part import jurisdiction
from caseapp.core.dossier.key_annex import KeyAnnexEntry, build_key_annex
from caseapp.core.dossier.model import (
    Cover,
    Document,
    Furniture,
    Labels,
    Language,
    Paragraph,
    Part,
    Properties,
    Redaction,
    Table,
    Version,
)
from caseapp.core.dossier.selection import ANCHORS, Section, check_omit
from caseapp.core.dossier.wording import Words, roman
from caseapp.core.dossier.writer import Context, annex_list
from caseapp.core.export_view import ExportView
from caseapp.core.legal.jurisdiction import JurisdictionAnswer
from caseapp.core.legal.model import Catalogue

__all__ = ["KeyAnnexEntry", "Section", "build_dossier", "build_key_annex", "measure"]


def build_dossier(
    view: ExportView,
    inputs: DossierInputs,
    *,
    version: Version,
    language: Language,
    catalogue: Catalogue,
    jurisdiction: Sequence[JurisdictionAnswer],
    today: date,
    signing_fingerprint: str | None = None,
    key_annex: bool = False,
    custody_entries: int = 0,
    omit: frozenset[Section] = frozenset(),
) -> Document:
    """The communication as a :class:`Document`. ``key_annex`` says a key to pseudonyms is produced
    with it (it is then listed as a confidential annex); ``custody_entries`` is the length of the
    custody log the bundle carries (listed as an annex when above zero). The optional sections in
    ``omit`` are not built at all (:mod:`caseapp.core.dossier.selection`): parts and paragraphs are
    numbered without them and no other section refers to them."""
    if version is Version.KEY_ANNEX:
        raise ValueError("the key annex is built by build_key_annex, not build_dossier")
    omitted = {ANCHORS[s] for s in check_omit(omit) if s in ANCHORS}
    words = Words(language)
    ctx = Context(
        view=view,
        inputs=inputs,
        version=version,
        words=words,
        catalogue=catalogue,
        answers=tuple(jurisdiction),
        today=today,
        custody_entries=custody_entries,
        key_annex=key_annex,
    )
    # Built in the document's order (paragraph numbers run through it), each only when included.
    before: list[tuple[str, Callable[[Context], Part]]] = [
        ("part-introduction", sections.introduction),
        ("part-summary", sections.executive_summary),
        ("part-facts", sections.factual_background),
        ("part-jurisdiction", jurisdiction_part),
        ("part-context", sections.contextual_elements),
    ]
    after: list[tuple[str, Callable[[Context], Part]]] = [
        ("part-perpetrators", sections.perpetrators),
        ("part-admissibility", sections.admissibility),
        ("part-justice", sections.interests_of_justice),
        ("part-methodology", sections.methodology),
        ("part-conclusion", sections.conclusion),
    ]
    before = [(anchor, make) for anchor, make in before if anchor not in omitted]
    after = [(anchor, make) for anchor, make in after if anchor not in omitted]
    charges = [sections.charge_anchor(c.ref) for c in view.charges]
    numbered = [*(a for a, _ in before), *charges, *(a for a, _ in after)]
    ctx.part_labels = {anchor: roman(n) for n, anchor in enumerate(numbered, start=1)}
    gaps = {g.charge_ref: g for g in view.gaps}
    parts = [make(ctx) for _anchor, make in before]
    parts += [charge_part(ctx, charge, gaps.get(charge.ref)) for charge in view.charges]
    parts += [make(ctx) for _anchor, make in after]
    parts += [evidence_index(ctx), annexes(ctx)]
    cover = _cover(ctx, signing_fingerprint)
    furniture = Furniture(
        short_title=inputs.short_title or words("short.default", case=view.case.title),
        classification=words("class.public" if version is Version.PUBLIC else "class.full"),
        date=cover.date,
        page_label=words.template("page"),
    )
    document = Document(
        version=version,
        language=language,
        cover=cover,
        furniture=furniture,
        labels=labels(words),
        properties=Properties(
            title=cover.title,
            subject=cover.situation,
            author=inputs.sender[0] if inputs.sender else "",
            keywords=("Rome Statute", "Article 15"),
        ),
        parts=tuple(parts),
        file_stem=f"communication-{version.value}",
    )
    document.meta.update(measure(document))
    return document


def jurisdiction_part(ctx: Context) -> Part:
    return jurisdiction(ctx)


def labels(words: Words) -> Labels:
    return Labels(contents=words("contents"), notes=words("notes"), draft_marker=words("draft"))


def _cover(ctx: Context, fingerprint: str | None) -> Cover:
    w = ctx.words
    inputs = ctx.inputs
    version = w("class.public" if ctx.public else "class.full")
    listed = annex_list(ctx, *annex_statuses(ctx))
    title_key = "title.supplement" if inputs.supplement_to is not None else "title.default"
    sender = tuple(inputs.sender)
    if sender:
        sender = (w("source", sender=sender[0]), *sender[1:])
    return Cover(
        original_language=w("original"),
        date=w("cover.date", date=w.date(ctx.today)),
        situation=inputs.situation or w("situation.unnamed"),
        situation_number=w("cover.number", number=inputs.situation_number) if inputs.situation_number else None,
        classification=w("class.with", version=version, annexes=listed) if listed else version,
        title=inputs.title or w(title_key, case=ctx.view.case.title),
        sender=sender,
        secure_contact=w("secure_contact", contact=inputs.secure_contact) if inputs.secure_contact else "",
        undertaking=w("undertaking") if inputs.undertaking else None,
        signing_fingerprint=w("fingerprint", fp=fingerprint) if fingerprint else None,
    )


def blocks(document: Document) -> Iterator[Paragraph | Table]:
    for part in document.parts:
        for block in part.blocks:
            if isinstance(block, (Paragraph, Table)):
                yield block


def measure(document: Document) -> dict[str, str]:
    """Counts for the export's custody entry: parts, numbered paragraphs, exhibits, redaction
    markers, drafts, notes, tables."""
    paragraphs = [b for b in blocks(document) if isinstance(b, Paragraph)]
    tables = [b for b in blocks(document) if isinstance(b, Table)]
    inlines = [x for p in paragraphs for x in p.inlines]
    inlines += [x for t in tables for row in t.rows for cell in row for x in cell]
    inlines += [x for part in document.parts for note in part.notes for x in note.inlines]
    index = next((p for p in document.parts if p.anchor == "part-index"), None)
    exhibits = sum(len(b.rows) for b in index.blocks if isinstance(b, Table)) if index else 0
    return {
        "version": document.version.value,
        "language": document.language.value,
        "parts": str(len(document.parts)),
        "paragraphs": str(sum(1 for p in paragraphs if p.number is not None)),
        "exhibits": str(exhibits),
        "redactions": str(sum(1 for x in inlines if isinstance(x, Redaction))),
        "drafts": str(sum(1 for p in paragraphs if p.draft)),
        "notes": str(sum(len(part.notes) for part in document.parts)),
        "tables": str(len(tables)),
    }
