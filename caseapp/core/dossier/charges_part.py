"""One part per charged crime: Applicable law / Relevant facts / Analysis (with the element table
from the gap matrix) / Conclusion.

Relevant facts discuss every accepted link the gap matrix counts (one numbered paragraph per link,
with the exhibit's citation in a note); the element table then points to those paragraphs, so a
reader goes from an element to where its evidence is discussed.
"""

from __future__ import annotations

from caseapp.core.dossier.model import Inline, ParagraphStyle, Part, Span, XRef
from caseapp.core.dossier.sections import charge_anchor, crime_label
from caseapp.core.dossier.wording import paragraphs
from caseapp.core.dossier.writer import Context, PartWriter, counts
from caseapp.core.export_view import ChargeView
from caseapp.core.legal.gaps import ChargeGaps, GapCell, GapStatus, RowKind

WIDTHS = (0.3, 0.17, 0.17, 0.14, 0.11, 0.11)


def charge_part(ctx: Context, charge: ChargeView, gaps: ChargeGaps | None) -> Part:
    w = ctx.words
    anchor = charge_anchor(charge.ref)
    title = crime_label(ctx, charge.crime_id)
    out = PartWriter(ctx, anchor, title)
    _applicable_law(ctx, out, charge)
    link_paras = _relevant_facts(ctx, out, charge, gaps)
    out.heading(2, w("h.analysis"), f"{anchor}-analysis")
    cells = gaps.cells if gaps is not None else ()
    table = out.new_table_number()
    ctx.charge_tables[charge.ref] = table
    analysis = paragraphs(charge.analysis)
    if analysis:
        for piece in analysis:
            out.text(piece)
    else:
        tally = counts(ctx, [c.status.value for c in cells]) or w("none")
        out.text(w("d.analysis", total=len(cells), counts=tally, table=table), draft=True)
    rows = [_row(ctx, cell, link_paras) for cell in cells]
    columns = tuple(w(f"col.{c}") for c in ("element", "status", "supporting", "contradicting", "sources", "grade"))
    out.table(columns, rows, WIDTHS, w("table.caption", n=table, crime=title), f"table-{charge.ref}")
    out.heading(2, w("h.conclusion"), f"{anchor}-conclusion")
    missing = [c.element_id for c in cells if c.status is not GapStatus.CORROBORATED]
    if cells and not missing:
        out.text(w("d.conclusion.charge.ok", crime=title), draft=True)
    else:
        out.text(w("d.conclusion.charge.gaps", crime=title, elements=", ".join(dict.fromkeys(missing))), draft=True)
    return out.part()


def _applicable_law(ctx: Context, out: PartWriter, charge: ChargeView) -> None:
    w = ctx.words
    out.heading(2, w("h.law"), f"{charge_anchor(charge.ref)}-law")
    crime = ctx.catalogue.crime(charge.crime_id)
    if crime is None:
        out.text(w("law.unavailable"))
        return
    status = w.phrase(crime.verification.status.label)
    extra = w("law.verification", status=status, note=crime.verification.note)
    if ctx.words.language.value != "en":
        extra += " " + w("law.english")
    note = out.source_note([s.title for s in crime.sources], extra)
    out.para((Span(w("law.crime", ref=crime.statute_ref, title=crime.title.en)), note))
    if not crime.elements:
        out.text(w("law.unavailable"))
    for element in crime.elements:
        text = w("law.element", id=element.id, text=element.full_text)
        out.para((Span(text),), style=ParagraphStyle.BULLET, numbered=False)
    mental = ctx.catalogue.mental_element
    out.para((Span(w("law.mental")), out.source_note([s.title for s in mental.sources])))


def _relevant_facts(ctx: Context, out: PartWriter, charge: ChargeView, gaps: ChargeGaps | None) -> dict[str, int]:
    """Discuss each counted link once; return link ref -> paragraph number."""
    w = ctx.words
    out.heading(2, w("h.facts"), f"{charge_anchor(charge.ref)}-facts")
    if charge.incidents:
        inlines: list[Inline] = [Span(w("facts.incidents"))]
        incidents = {i.ref: i for i in ctx.view.incidents}
        for index, ref in enumerate(charge.incidents):
            if index:
                inlines.append(Span(", "))
            incident = incidents.get(ref)
            inlines.append(Span(incident.title if incident is not None else ref))
            if ref in ctx.incident_paras:
                inlines.extend((Span(" ("), *ctx.para_refs([ctx.incident_paras[ref]]), Span(")")))
        inlines.append(Span("."))
        out.para(inlines)
    paras: dict[str, int] = {}
    for cell in gaps.cells if gaps is not None else ():
        for link_ref in (*cell.supporting, *cell.contradicting):
            link = ctx.element_links.get(link_ref)
            if link_ref in paras or link is None or link.exhibit_ref not in ctx.exhibits:
                continue
            exhibit = ctx.exhibits[link.exhibit_ref]
            inlines = [ctx.exhibit_ref(exhibit.ref), Span(" ("), *ctx.exhibit_title(exhibit), Span(")")]
            if link.excerpt:
                inlines.append(Span(", " + w.phrase(link.excerpt)))
            tail = w(
                "facts.link",
                stance=w.term(link.stance),
                element=link.element_id,
                weight=w.term(link.weight),
                basis=w.term(link.basis),
                reasoning=link.reasoning,
            )
            inlines.extend((Span(tail), out.note(ctx.exhibit_citation(exhibit))))
            at = out.para(inlines, exhibits=[exhibit.ref])
            assert at is not None
            paras[link_ref] = at
            if link.quote:
                quote: Inline = ctx.redaction("r.quote") if ctx.withheld(exhibit) else Span(link.quote)
                out.para((quote,), style=ParagraphStyle.QUOTE, numbered=False)
    if not paras:
        out.text(w("facts.none"))
    return paras


def _row(ctx: Context, cell: GapCell, link_paras: dict[str, int]) -> tuple[tuple[Inline, ...], ...]:
    w = ctx.words
    label = cell.element_id
    if cell.kind is RowKind.LIABILITY and cell.suspect_ref:
        label = w("liability.row", suspect=cell.suspect_ref, mode=cell.element_id)
    element = (Span(label, bold=True), Span(f" {cell.text}"))
    status: list[Inline] = [Span(w.term(cell.status.value), bold=True), Span(f" ({w.phrase(cell.why)})")]
    if cell.awaiting_review:
        status.append(Span("; " + w("awaiting", n=len(cell.awaiting_review))))
    grade = cell.best_grade or w("none")
    return (
        element,
        tuple(status),
        _evidence(ctx, cell.supporting, link_paras),
        _evidence(ctx, cell.contradicting, link_paras),
        (Span(str(cell.independent_sources)),),
        (Span(grade),),
    )


def _evidence(ctx: Context, link_refs: tuple[str, ...], link_paras: dict[str, int]) -> tuple[Inline, ...]:
    out: list[Inline] = []
    for link_ref in link_refs:
        link = ctx.element_links.get(link_ref)
        if link is None:
            continue
        if out:
            out.append(Span("; "))
        out.append(ctx.exhibit_ref(link.exhibit_ref))
        if link_ref in link_paras:
            out.extend((Span(" ("), XRef(ctx.words("para", n=link_paras[link_ref]), f"para-{link_paras[link_ref]}")))
            out.append(Span(")"))
    return tuple(out) or (Span(ctx.words("none")),)
