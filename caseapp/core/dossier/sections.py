"""The narrative parts of the dossier: introduction, executive summary, factual background,
contextual elements, perpetrators, admissibility, interests of justice, methodology, conclusion.

Each takes the author's text where there is one, else a draft from the case's data, else a draft
placeholder saying what belongs there; facts computed from the data (the incidents, the statuses of
the contextual elements, the integrity and redaction figures) follow it, never marked as drafts.
"""

from __future__ import annotations

from collections import Counter
from datetime import date

from caseapp.core.dossier.inputs import SectionKey
from caseapp.core.dossier.model import Inline, ParagraphStyle, Part, Span, XRef
from caseapp.core.dossier.writer import Context, PartWriter, counts
from caseapp.core.legal.gaps import RowKind
from caseapp.core.legal.jurisdiction import Verdict

INTRO_PARTS = (("d.intro.a", "part-admissibility"), ("d.intro.i", "part-justice"))


def charge_anchor(charge_ref: str) -> str:
    return f"part-{charge_ref}"


def crime_label(ctx: Context, crime_id: str) -> str:
    """``War crime of attacking protected objects (article 8(2)(e)(iv))``."""
    crime = ctx.catalogue.crime(crime_id)
    title = crime.title.en if crime is not None else crime_id
    ref = crime.statute_ref if crime is not None else crime_id
    return ctx.words("part.charge", title=title, ref=ref)


def _crimes(ctx: Context) -> list[str]:
    return list(dict.fromkeys(crime_label(ctx, c.crime_id) for c in ctx.view.charges))


def _suspects(ctx: Context) -> list[str]:
    return list(dict.fromkeys(ref for charge in ctx.view.charges for ref, _ in charge.suspects))


def _dates(ctx: Context) -> list[date]:
    return sorted(i.time_start.date() for i in ctx.view.incidents if i.time_start is not None)


def _places(ctx: Context) -> str:
    places = list(dict.fromkeys(i.place_name for i in ctx.view.incidents if i.place_name))
    return ctx.words.join(places) if places else ctx.words("place.none")


def _sender(ctx: Context) -> str:
    return ctx.inputs.sender[0] if ctx.inputs.sender else ctx.words("sender.unnamed")


def _situation(ctx: Context) -> str:
    return ctx.inputs.situation or ctx.view.case.title


def introduction(ctx: Context) -> Part:
    w = ctx.words
    out = PartWriter(ctx, "part-introduction", w("part.introduction"))
    if ctx.inputs.supplement_to is not None:
        out.para(_supplement(ctx))

    def draft() -> list[str]:
        if not ctx.view.charges and not ctx.view.incidents:
            return []
        incidents = w.join(i.title for i in ctx.view.incidents) or w("place.none")
        first = w(
            "d.intro", sender=_sender(ctx), situation=_situation(ctx), crimes=w.join(_crimes(ctx)), incidents=incidents
        )
        labels = ctx.part_labels  # parts left out of this export are not named
        order = [w("d.intro.j", n=labels["part-jurisdiction"]), w("d.intro.crimes")]
        order += [w(key, n=labels[anchor]) for key, anchor in INTRO_PARTS if anchor in labels]
        return [first, w("d.intro.structure", list=w.join(order))]

    out.section(SectionKey.INTRODUCTION, w("ph.introduction"), draft)
    return out.part(page_break=False)


def _supplement(ctx: Context) -> tuple[Inline, ...]:
    """The sentence citing the earlier communication, its bundle hash in monospace."""
    w = ctx.words
    prior = ctx.inputs.supplement_to
    assert prior is not None
    title = f" ({prior.title})" if prior.title else ""
    marker = "\x00"
    text = w("supplement", date=w.date(prior.sent_on), title=title, hash=marker)
    before, _, after = text.partition(marker)
    return (Span(before), Span(prior.bundle_sha256, mono=True), Span(after))


def executive_summary(ctx: Context) -> Part:
    w = ctx.words
    out = PartWriter(ctx, "part-summary", w("part.summary"))

    def draft() -> list[str]:
        crimes = _crimes(ctx)
        if not crimes:
            return []
        lines = [w("d.summary.crimes", count=len(crimes), list="; ".join(crimes))]
        days = _dates(ctx)
        if days:
            start, end = w.date(days[0]), w.date(days[-1])
            key = "d.summary.period.one" if start == end else "d.summary.period"
            lines.append(w(key, start=start, end=end, places=_places(ctx)))
        if _suspects(ctx):
            lines.append(w("d.summary.persons", list=", ".join(_suspects(ctx))))
        if any(a.verdict is not Verdict.OUTSIDE for a in ctx.answers):
            lines.append(w("d.summary.jurisdiction", part=ctx.part_labels["part-jurisdiction"]))
        if "part-conclusion" in ctx.part_labels:
            lines.append(w("d.summary.request", part=ctx.part_labels["part-conclusion"]))
        else:
            lines.append(w("d.summary.request.alone"))
        return lines

    out.section(SectionKey.EXECUTIVE_SUMMARY, w("ph.introduction"), draft)
    return out.part()


def factual_background(ctx: Context) -> Part:
    w = ctx.words
    out = PartWriter(ctx, "part-facts", w("part.facts"))
    out.heading(2, w("h.general"), "facts-general")
    description = ctx.view.case.description.strip()
    out.section(SectionKey.FACTUAL_BACKGROUND, w("ph.facts"), lambda: [description] if description else [])
    out.heading(2, w("h.incidents"), "facts-incidents")
    charged: dict[str, list[str]] = {}
    for charge in ctx.view.charges:
        for ref in charge.incidents:
            charged.setdefault(ref, []).append(charge.ref)
    for number, incident in enumerate(ctx.view.incidents, start=1):
        place = incident.place_name or w("place.none")
        inlines: list[Inline] = [
            Span(w("incident", n=number, title=incident.title, when=ctx.when(incident), place=place))
        ]
        inlines.extend(ctx.coordinates(incident.latitude, incident.longitude, incident.place_precision))
        inlines.append(Span("."))
        if incident.description:
            inlines.append(Span(f" {incident.description}"))
        links = [x for x in ctx.view.links if x.target_ref == incident.ref and x.exhibit_ref in ctx.exhibits]
        inlines.append(Span(" " + w("incident.exhibits")))
        if not links:
            inlines.append(Span(w("incident.none")))
        for index, link in enumerate(links):
            exhibit = ctx.exhibits[link.exhibit_ref]
            inlines.extend((Span("; ") if index else Span(""), ctx.exhibit_ref(exhibit.ref), Span(" (")))
            inlines.extend(ctx.exhibit_title(exhibit))
            stance = "" if link.stance == "supports" else f", {w.term(link.stance)}"
            inlines.append(Span(f"{stance}): {link.reasoning}"))
            inlines.append(out.note(ctx.exhibit_citation(exhibit)))
        inlines.append(Span("."))
        if incident.ref in charged:
            inlines.append(Span(" " + w("incident.charges")))
            for index, ref in enumerate(charged[incident.ref]):
                if index:
                    inlines.append(Span(", "))
                inlines.append(
                    XRef(
                        w("incident.charge", charge=ref, part=w("part.ref", n=ctx.part_labels[charge_anchor(ref)])),
                        charge_anchor(ref),
                    )
                )
            inlines.append(Span("."))
        para = out.para(
            [x for x in inlines if not (isinstance(x, Span) and not x.text)], exhibits=[x.exhibit_ref for x in links]
        )
        assert para is not None
        ctx.incident_paras[incident.ref] = para
    return out.part()


def contextual_elements(ctx: Context) -> Part:
    w = ctx.words
    out = PartWriter(ctx, "part-context", w("part.context"))
    groups = list(
        dict.fromkeys(
            c.contextual_group
            for c in (ctx.catalogue.crime(x.crime_id) for x in ctx.view.charges)
            if c and c.contextual_group
        )
    )
    out.section(SectionKey.CONTEXTUAL_ELEMENTS, w("ph.context"), lambda: [w("d.context")] if groups else [])
    gaps = {g.charge_ref: g for g in ctx.view.gaps}
    for group_id in groups:
        group = ctx.catalogue.group(group_id)
        if group is None:
            continue
        out.heading(2, group.title, f"context-{group.id}")
        note = out.source_note([s.title for s in group.sources], group.note)
        out.para((Span(group.title + "."), note))
        for element in group.elements:
            out.para(
                (Span(w("law.element", id=element.id, text=element.text.en)),),
                style=ParagraphStyle.BULLET,
                numbered=False,
            )
        for charge in ctx.view.charges:
            crime = ctx.catalogue.crime(charge.crime_id)
            if crime is None or crime.contextual_group != group_id or charge.ref not in gaps:
                continue
            cells = [c for c in gaps[charge.ref].cells if c.kind is RowKind.CONTEXTUAL]
            statuses = "; ".join(f"{c.element_id}: {w.term(c.status.value)} ({w.phrase(c.why)})" for c in cells)
            out.para((Span(f"{charge.ref} ("), ctx.part_ref(charge_anchor(charge.ref)), Span(f"): {statuses}.")))
    return out.part()


def perpetrators(ctx: Context) -> Part:
    w = ctx.words
    out = PartWriter(ctx, "part-perpetrators", w("part.perpetrators"))
    suspects = _suspects(ctx)
    out.section(
        SectionKey.PERPETRATORS,
        w("ph.perpetrators"),
        lambda: [w("d.perpetrators", count=len(suspects), list=", ".join(suspects))] if suspects else [],
    )
    gaps = {g.charge_ref: g for g in ctx.view.gaps}
    for ref in suspects:
        person = ctx.persons.get(ref)
        title = f"{ref} — {person.name}" if person is not None and person.name else ref
        out.heading(2, title, f"perpetrator-{ref}")
        if person is not None:
            out.text(w("perp.role", role=w.term(person.role), protection=w.term(person.protection)))
        for charge in ctx.view.charges:
            for suspect, mode_id in charge.suspects:
                if suspect != ref:
                    continue
                mode = ctx.catalogue.mode(mode_id)
                cells = (
                    [c for c in gaps[charge.ref].cells if c.suspect_ref == ref and c.mode_id == mode_id]
                    if charge.ref in gaps
                    else []
                )
                tally = counts(ctx, [c.status.value for c in cells]) or w("none")
                inlines: list[Inline] = [Span(w("perp.mode", suspect=ref, crime=crime_label(ctx, charge.crime_id)))]
                inlines.append(ctx.part_ref(charge_anchor(charge.ref)))
                provision = mode.provision if mode is not None else mode_id
                label = mode.label if mode is not None else w("perp.unknown_mode")
                inlines.append(Span(w("perp.mode.tail", provision=provision, mode=label, counts=tally).rstrip(".")))
                table = ctx.charge_tables.get(charge.ref)
                if table is not None:
                    inlines.extend((Span(" ("), XRef(w("table.ref", n=table), f"table-{charge.ref}"), Span(")")))
                inlines.append(Span("."))
                if mode is not None:
                    verification = w.phrase(mode.verification.status.label)
                    inlines.append(out.source_note([s.title for s in mode.sources], f"({verification})"))
                out.para(inlines)
    return out.part()


def admissibility(ctx: Context) -> Part:
    w = ctx.words
    out = PartWriter(ctx, "part-admissibility", w("part.admissibility"))
    out.heading(2, w("h.complementarity"), "admissibility-complementarity")
    out.section(SectionKey.COMPLEMENTARITY, w("ph.complementarity"))
    out.heading(2, w("h.gravity"), "admissibility-gravity")

    def draft() -> list[str]:
        days = _dates(ctx)
        if not days or not ctx.view.charges:
            return []
        return [
            w(
                "d.gravity",
                incidents=len(ctx.view.incidents),
                start=w.date(days[0]),
                end=w.date(days[-1]),
                places=_places(ctx),
                crimes="; ".join(_crimes(ctx)),
            )
        ]

    out.section(SectionKey.GRAVITY, w("ph.gravity"), draft)
    return out.part()


def interests_of_justice(ctx: Context) -> Part:
    out = PartWriter(ctx, "part-justice", ctx.words("part.justice"))
    out.section(SectionKey.INTERESTS_OF_JUSTICE, ctx.words("ph.justice"))
    return out.part()


def methodology(ctx: Context) -> Part:
    w = ctx.words
    view = ctx.view
    out = PartWriter(ctx, "part-methodology", w("part.methodology"))
    out.heading(2, w("h.collection"), "methodology-collection")

    def draft() -> list[str]:
        if not view.exhibits:
            return []
        kinds = Counter(x.kind for x in view.exhibits)
        listed = ", ".join(f"{w.term(k)}: {n}" for k, n in kinds.items())
        return [w("d.methodology", exhibits=len(view.exhibits), sources=len(view.sources), kinds=listed)]

    out.section(SectionKey.METHODOLOGY, w("ph.methodology"), draft)
    out.heading(2, w("h.integrity"), "methodology-integrity")
    hashed = sum(1 for x in view.exhibits if x.sha256)
    out.text(w("m.hashed", hashed=hashed, total=len(view.exhibits), typed=len(view.exhibits) - hashed))
    out.text(w("m.encrypted"))
    if ctx.custody_annex is not None:
        out.text(w("m.custody", n=ctx.custody_entries, annex=ctx.custody_annex))
    else:
        out.text(w("m.custody.none"))
    out.heading(2, w("h.protection"), "methodology-protection")
    hidden = [p.ref for p in view.persons if p.protection != "none"]
    out.text(w("m.persons", list=", ".join(hidden)) if hidden else w("m.persons.none"))
    by_field = view.redactions_by_field()
    if by_field:
        fields = ", ".join(f"{name}: {count}" for name, count in sorted(by_field.items()))
        out.text(w("m.pseudonymised", n=view.redaction_total, fields=fields))
    else:
        out.text(w("m.pseudonymised.none"))
    if ctx.key_annex_number is not None:
        out.text(w("m.key", annex=ctx.key_annex_number))
    if ctx.public:
        withheld = sum(1 for x in view.exhibits if ctx.withheld(x))
        out.text(w("m.public", withheld=withheld))
    else:
        out.text(w("m.full"))
    return out.part()


def conclusion(ctx: Context) -> Part:
    w = ctx.words
    out = PartWriter(ctx, "part-conclusion", w("part.conclusion"))

    def draft() -> list[str]:
        crimes = _crimes(ctx)
        if not crimes:
            return []
        return [w("d.conclusion", situation=_situation(ctx), crimes="; ".join(crimes))]

    out.section(SectionKey.CONCLUSION, w("ph.conclusion"), draft)
    return out.part()
