"""The evidence index (exhibit -> annex number -> bundle path -> SHA-256, grade, sensitivity, where
it is discussed) and the list of annexes, each with its own classification.

Annexes are numbered: each exhibit in the case's order (Confidential when it is marked sensitive,
Public otherwise), then the custody log (when entries are given), then the key to pseudonyms (only
when it is produced). In the public version a sensitive exhibit keeps its ref, kind and hash; its
title, description, bundle path and private metadata give way to visible markers.
"""

from __future__ import annotations

from caseapp.core.dossier import bundle_layout
from caseapp.core.dossier.model import Inline, Part, Span
from caseapp.core.dossier.writer import INDEX_ANCHOR, Context, PartWriter
from caseapp.core.export_view import ExhibitView

INDEX_WIDTHS = (0.1, 0.1, 0.4, 0.26, 0.14)
ANNEX_WIDTHS = (0.1, 0.7, 0.2)


def annex_statuses(ctx: Context) -> tuple[list[int], list[int]]:
    """(confidential, public) annex numbers."""
    confidential = [ctx.annex_of[x.ref] for x in ctx.view.exhibits if x.sensitivity != "none"]
    public = [ctx.annex_of[x.ref] for x in ctx.view.exhibits if x.sensitivity == "none"]
    if ctx.custody_annex is not None:
        public.append(ctx.custody_annex)
    if ctx.key_annex_number is not None:
        confidential.append(ctx.key_annex_number)
    return confidential, public


def _details(ctx: Context, exhibit: ExhibitView) -> list[Inline]:
    w = ctx.words
    out: list[Inline] = [Span(w("detail.kind", kind=w.term(exhibit.kind)))]
    source = ctx.sources.get(exhibit.source_ref or "")
    if source is not None:
        out.append(Span("; " + w("detail.source", source=source.name)))
    if exhibit.captured:
        out.append(Span("; " + w("detail.captured", captured=exhibit.captured)))
    if exhibit.latitude is not None and exhibit.longitude is not None:
        out.append(Span("; " + w("detail.coordinates")))
        if ctx.public:
            out.append(ctx.redaction("r.coordinates"))
        else:
            out.append(Span(f"{exhibit.latitude:.6f}, {exhibit.longitude:.6f}"))
    if exhibit.original_name:
        out.append(Span("; " + w("detail.original")))
        out.append(ctx.redaction("r.original") if ctx.public else Span(exhibit.original_name))
    if exhibit.acquired_at is not None:
        out.append(Span("; " + w("detail.acquired", date=w.date(exhibit.acquired_at.date()))))
    if exhibit.acquisition_note:
        out.append(Span("; " + w("detail.note")))
        out.append(ctx.redaction("r.note") if ctx.public else Span(exhibit.acquisition_note))
    return out


def _row(ctx: Context, exhibit: ExhibitView) -> tuple[tuple[Inline, ...], ...]:
    w = ctx.words
    describe: list[Inline] = [*ctx.exhibit_title(exhibit)]
    description = ctx.exhibit_description(exhibit)
    if description:
        describe.extend((Span(". "), *description))
    describe.append(Span(". "))
    describe.extend(_details(ctx, exhibit))
    describe.append(Span("; " + w("detail.grade", grade=exhibit.grading or w("ungraded"))))
    describe.append(Span("; " + w("detail.sensitivity", sensitivity=w.term(exhibit.sensitivity))))
    if exhibit.sha256:
        # The bundle path is data/evidence/<SHA-256><extension> (the intro says so): printing it whole would
        # break a 90-character word over lines; the extension is what it adds to the hash.
        where: tuple[Inline, ...] = (Span(exhibit.sha256, mono=True),)
        if ctx.public and exhibit.redacted_sha256 is not None:
            where += (Span(" " + w("detail.redacted_copy") + " "), Span(exhibit.redacted_sha256, mono=True))
            where += (Span(" (" + w("detail.bundle_ext", ext="." + exhibit.redacted_extension) + ")"),)
        elif ctx.file_withheld(exhibit):
            where += (Span(" "), ctx.redaction("r.path"))
        elif ext := bundle_layout.extension(exhibit.original_name):
            where += (Span(" (" + w("detail.bundle_ext", ext=ext) + ")"),)
    else:
        where = (Span(w("no_file")),)
    discussed = ctx.para_refs(ctx.discussed.get(exhibit.ref, [])) or (Span(w("none")),)
    return (
        (Span(exhibit.ref, mono=True),),
        (Span(str(ctx.annex_of[exhibit.ref])),),
        tuple(describe),
        where,
        discussed,
    )


def evidence_index(ctx: Context) -> Part:
    w = ctx.words
    out = PartWriter(ctx, "part-index", w("part.index"))
    out.text(w("index.intro"))
    columns = tuple(w(f"col.{c}") for c in ("exhibit", "annex", "description", "hash", "discussed"))
    rows = [_row(ctx, x) for x in ctx.view.exhibits]
    out.table(columns, rows, INDEX_WIDTHS, anchor=INDEX_ANCHOR)
    return out.part(numbered=False)


def annexes(ctx: Context) -> Part:
    w = ctx.words
    out = PartWriter(ctx, "part-annexes", w("part.annexes"))
    out.text(w("annexes.intro"))
    confidential = w("annex.status.confidential")
    public = w("annex.status.public")
    rows: list[tuple[tuple[Inline, ...], ...]] = []
    for exhibit in ctx.view.exhibits:
        content = (Span(w("annex.exhibit", ref=exhibit.ref)), *ctx.exhibit_title(exhibit))
        status = confidential if exhibit.sensitivity != "none" else public
        rows.append(((Span(str(ctx.annex_of[exhibit.ref])),), content, (Span(status),)))
    if ctx.custody_annex is not None:
        rows.append(
            ((Span(str(ctx.custody_annex)),), (Span(w("annex.custody", n=ctx.custody_entries)),), (Span(public),))
        )
    if ctx.key_annex_number is not None:
        rows.append(((Span(str(ctx.key_annex_number)),), (Span(w("annex.key")),), (Span(confidential),)))
    columns = (w("col.annex"), w("col.content"), w("col.classification"))
    out.table(columns, rows, ANNEX_WIDTHS, anchor="annexes-list")
    return out.part(numbered=False)
