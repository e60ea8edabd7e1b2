"""The jurisdiction part, stated in the Office of the Prosecutor's own test: why the situation is
"not manifestly outside" the Court's jurisdiction (subject-matter, temporal, territorial or
personal), from the jurisdiction assistant's answers with their grounds, caveats and sources, and a
slot for the partial-territory theory when the author names the territory of an element.

Grounds repeated across answers (one answer per charged crime) are stated once, with the crimes
they apply to; where their reasons differ only in a few words (the crime's id, a date), one
paragraph gives the variants in brackets (:func:`merged_reason`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from caseapp.core.dossier.inputs import SectionKey
from caseapp.core.dossier.model import Inline, Part, Span
from caseapp.core.dossier.sections import charge_anchor
from caseapp.core.dossier.writer import Context, PartWriter
from caseapp.core.legal.consent import GroundStatus
from caseapp.core.legal.grounds import Ground, GroundKind
from caseapp.core.legal.ids import normalise_ref
from caseapp.core.legal.jurisdiction import JurisdictionAnswer, Verdict

TEMPORAL = frozenset({GroundKind.TEMPORAL})
TERRITORIAL = frozenset({GroundKind.TERRITORY, GroundKind.NATIONALITY, GroundKind.REFERRAL})
PARTIAL = frozenset({GroundKind.ELEMENT_TERRITORY})


@dataclass
class _Shared:
    ground: Ground
    answers: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    reasons: dict[str, list[str]] = field(default_factory=dict)
    """Each distinct reason (the assistant names the crime in it) and the answers it was given for."""


MAX_VARYING_WORDS = 12


def merged_reason(reasons: dict[str, list[str]], label: str) -> str | None:
    """Reasons that differ only in a few words (a crime's id, a date) as one text: the common
    start, then each variant with the answers it belongs to, then the common end. None when they
    differ more than that."""
    split = [reason.split() for reason in reasons]
    head = 0
    while all(len(words) > head and words[head] == split[0][head] for words in split):
        head += 1
    tail = 0
    while all(len(words) - head > tail and words[-1 - tail] == split[0][-1 - tail] for words in split):
        tail += 1
    middles = [" ".join(words[head : len(words) - tail]) for words in split]
    if any(len(m.split()) > MAX_VARYING_WORDS for m in middles):
        return None
    variants = "; ".join(
        label.format(text=middle, answers=", ".join(answers))
        for middle, answers in zip(middles, reasons.values(), strict=True)
    )
    start = " ".join(split[0][:head])
    end = " ".join(split[0][len(split[0]) - tail :])
    return " ".join(part for part in (start, f"[{variants}]", end) if part)


def _label(ctx: Context, answer: JurisdictionAnswer) -> str:
    crime = answer.crime_title or answer.query.crime or "—"
    return ctx.words("j.answer", crime=crime, date=ctx.words.date(answer.query.date))


def _charge_of(ctx: Context, answer: JurisdictionAnswer) -> str | None:
    if answer.query.crime is None:
        return None
    wanted = normalise_ref(answer.query.crime)
    return next((c.ref for c in ctx.view.charges if normalise_ref(c.crime_id) == wanted), None)


def _grounds(ctx: Context, kinds: frozenset[GroundKind] | None) -> list[_Shared]:
    shared: dict[tuple[str, str, str], _Shared] = {}
    for answer in ctx.answers:
        for ground in answer.grounds:
            is_subject = ground.kind not in TEMPORAL | TERRITORIAL | PARTIAL
            if (kinds is None and not is_subject) or (kinds is not None and ground.kind not in kinds):
                continue
            # One paragraph per ground and status: a reason that differs between crimes (the
            # assistant names the crime in a sentence or two) is stated once, then what differs.
            key = (ground.kind.value, ground.title, ground.status.value)
            entry = shared.setdefault(key, _Shared(ground))
            entry.answers.append(_label(ctx, answer))
            entry.sources.extend(ground.sources)
            entry.reasons.setdefault(ground.reason, []).append(_label(ctx, answer))
    return list(shared.values())


def _ground_paragraphs(ctx: Context, out: PartWriter, kinds: frozenset[GroundKind] | None) -> int:
    w = ctx.words
    entries = _grounds(ctx, kinds)
    for entry in entries:
        ground = entry.ground
        merged = merged_reason(entry.reasons, w.template("j.variant")) if len(entry.reasons) > 1 else None
        if len(entry.reasons) > 1 and merged is None:
            groups = list(entry.reasons.items())  # too different to merge: one paragraph each
        else:
            groups = [(merged or ground.reason, entry.answers)]
        for reason, answers in groups:
            text = w("j.ground", title=ground.title, status=w.term(ground.status.value), reason=reason)
            if len(ctx.answers) > 1 and len(answers) < len(ctx.answers) and merged is None:
                text += w("j.applies", list="; ".join(dict.fromkeys(answers)))
            inlines: list[Inline] = [Span(text)]
            if entry.sources:
                inlines.append(out.source_note(entry.sources))
            out.para(inlines)
    return len(entries)


def _why(ctx: Context, answer: JurisdictionAnswer) -> str:
    """The grounds a verdict rests on: the bases met (within), the open grounds (depends), else the
    assistant's summary (outside)."""
    if answer.verdict is Verdict.WITHIN:
        wanted = [g.title for g in answer.bases if g.status is GroundStatus.MET]
    elif answer.verdict is Verdict.DEPENDS:
        wanted = [g.title for g in answer.grounds if g.status is GroundStatus.UNCERTAIN]
    else:
        return answer.summary
    return "; ".join(wanted) or answer.summary.rstrip(".")


def jurisdiction(ctx: Context) -> Part:
    w = ctx.words
    out = PartWriter(ctx, "part-jurisdiction", w("part.jurisdiction"))
    out.section(SectionKey.JURISDICTION, w("ph.jurisdiction"))
    if not ctx.answers:
        out.text(w("j.none"))

    out.heading(2, w("h.subject"), "jurisdiction-subject")
    for charge in ctx.view.charges:
        crime = ctx.catalogue.crime(charge.crime_id)
        title = crime.title.en if crime is not None else charge.crime_id
        ref = crime.statute_ref if crime is not None else charge.crime_id
        text = w("j.subject", part="\x00", title=title, ref=ref)
        before, _, after = text.partition("\x00")
        out.para((Span(before), ctx.part_ref(charge_anchor(charge.ref)), Span(after)))
    _ground_paragraphs(ctx, out, None)

    out.heading(2, w("h.temporal"), "jurisdiction-temporal")
    _ground_paragraphs(ctx, out, TEMPORAL)

    out.heading(2, w("h.territorial"), "jurisdiction-territorial")
    _ground_paragraphs(ctx, out, TERRITORIAL)
    if ctx.inputs.element_territories:
        out.heading(3, w("h.partial"), "jurisdiction-partial-territory")
        states = w.join(ctx.inputs.element_territories)
        out.text(w("j.partial", states=states))
        if not _ground_paragraphs(ctx, out, PARTIAL):
            out.text(w("ph.partial", states=states), draft=True)

    out.heading(2, w("h.not_manifestly"), "jurisdiction-conclusion")
    for answer in ctx.answers:
        key = {Verdict.WITHIN: "j.within", Verdict.DEPENDS: "j.depends", Verdict.OUTSIDE: "j.outside"}[answer.verdict]
        inlines: list[Inline] = [Span(w(key, crime=_label(ctx, answer), summary=_why(ctx, answer)))]
        charge_ref = _charge_of(ctx, answer)
        if charge_ref is not None:
            inlines.extend((Span(" ("), ctx.part_ref(charge_anchor(charge_ref)), Span(")")))
        out.para(inlines)

    caveats = list(dict.fromkeys(c for answer in ctx.answers for c in answer.caveats))
    if caveats:
        out.heading(2, w("h.caveats"), "jurisdiction-caveats")
        for caveat in caveats:
            out.text(caveat)
        dates = sorted({a.data_as_of for a in ctx.answers})
        out.text(w("j.data", date=w.date(dates[-1])))
    return out.part()
