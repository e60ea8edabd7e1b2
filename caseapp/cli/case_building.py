"""Building the case: charges, evidence linked to the elements of crimes, review, the gap matrix.

    caseapp charge add CRIME [--suspect S-001 --mode "25(3)(a)-joint"]... [--incident INC-n]... [--analysis TEXT]
    caseapp charge list|show|edit|delete|restore ...
    caseapp link EX-n ELEMENT --stance supports --weight likely --reasoning "..." [--excerpt "page=3"] [--alleged]
    caseapp element-link list|show|edit|delete|restore ...
    caseapp review EL-n --accept|--reject
    caseapp gaps [CHG-n] [--json]

``link EX-n INC-n|W-001`` (a person or an incident) stays the exhibit link of ``annotation_commands``;
the target's form decides which one is made. Statuses in the gap matrix are words, never colour alone.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from caseapp.cli import unlock
from caseapp.cli.output import print_fields, print_json, print_table, when
from caseapp.cli.record_adds import done
from caseapp.cli.record_commands import Subparsers, add_listing_options, command, deleted_choice, group, page
from caseapp.cli.record_commands import register_common as _register_common
from caseapp.core.analysis import Basis, Charge, ChargeStatus, ElementLink, Weight, parse_excerpt
from caseapp.core.entities import LinkStance
from caseapp.core.errors import ValidationError
from caseapp.core.legal.gaps import ChargeGaps
from caseapp.core.ports import RecordQuery
from caseapp.core.refs import RefKind, parse_ref_of


def suspect_pairs(suspects: list[str] | None, modes: list[str] | None) -> list[tuple[str, str]]:
    """``--suspect S-001 --mode 28(a) --suspect S-002 --mode 25(3)(b)``: one mode per suspect, in order."""
    suspects, modes = suspects or [], modes or []
    if len(suspects) != len(modes):
        raise ValidationError(
            f"give one --mode for each --suspect ({len(suspects)} suspect(s), {len(modes)} mode(s)), "
            'e.g. --suspect S-001 --mode "25(3)(a)-joint"'
        )
    return list(zip(suspects, modes, strict=True))


def register(subparsers: Subparsers) -> None:
    charges = group(subparsers, "charge", "charges: a crime of the catalogue against suspects, for incidents")
    add = command(charges, "add", "charge a crime (e.g. 8(2)(e)(iv), 7(1)(a), 8 bis)", cmd_charge_add)
    add.add_argument("crime", help="a crime id of the catalogue (`caseapp elements` lists them)")
    add.add_argument("--suspect", action="append", help="a person (S-001); give a --mode for each")
    add.add_argument("--mode", action="append", help="mode of liability: 25(3)(a)-direct|-joint|-indirect, 28(a) ...")
    add.add_argument("--incident", action="append", help="an incident the charge covers (INC-n); repeatable")
    add.add_argument("--analysis", default="", help="your legal analysis")
    add.add_argument("--status", default="draft", choices=[s.value for s in ChargeStatus])
    listing = command(charges, "list", "list charges with their warnings", cmd_charge_list)
    add_listing_options(listing)
    _register_common(charges, RefKind.CHARGE)

    links = group(subparsers, "element-link", "evidence linked to elements of crimes (EL-n); add with `link`")
    listing = command(links, "list", "list element links, all or of one exhibit or one element", cmd_element_list)
    listing.add_argument("ref", nargs="?", help="an exhibit (EX-n)")
    listing.add_argument("--element", help="only links to this element id")
    add_listing_options(listing)
    _register_common(links, RefKind.ELEMENT_LINK)

    review = subparsers.add_parser("review", help="accept or reject an element link (not your own)")
    unlock.add_case_options(review)
    review.add_argument("link", help="EL-n")
    verdict = review.add_mutually_exclusive_group(required=True)
    verdict.add_argument("--accept", action="store_true")
    verdict.add_argument("--reject", action="store_true")
    review.add_argument("--json", action="store_true")
    review.set_defaults(func=cmd_review)

    gaps = subparsers.add_parser("gaps", help="the gap matrix: what each element of each charge still lacks")
    unlock.add_case_options(gaps)
    gaps.add_argument("charge", nargs="?", help="one charge (CHG-n); all without it")
    gaps.add_argument("--json", action="store_true")
    gaps.set_defaults(func=cmd_gaps)


def add_element_options(parser: argparse.ArgumentParser) -> None:
    """Options of `link EX-n ELEMENT` beyond those of the exhibit link."""
    parser.add_argument("--weight", choices=[w.value for w in Weight], help="element links: default likely")
    parser.add_argument("--excerpt", help='element links: "page=3", "time=0:42-1:10", "chars=120-380;quote=..."')
    parser.add_argument("--alleged", action="store_true", help="element links: the exhibit reports a claim")


def link_element(args: argparse.Namespace) -> int:
    exhibit = parse_ref_of(args.exhibit, RefKind.EXHIBIT)
    excerpt = parse_excerpt(args.excerpt) if args.excerpt else None
    with unlock.unlock(args) as case:
        link = case.records.link_element(
            exhibit,
            args.target,
            reasoning=args.reasoning,
            stance=LinkStance(args.stance),
            weight=Weight(args.weight or "likely"),
            basis=Basis.ALLEGED if args.alleged else Basis.OBSERVED,
            excerpt=excerpt,
        ).value
    where = f" ({link.excerpt.describe()})" if link.excerpt else ""
    return done(
        args,
        link,
        f"Linked {link.exhibit_ref}{where} to {link.element_id} ({link.stance.value}, {link.weight.value}) as "
        f"{link.ref}; proposed until someone else runs `caseapp review {link.ref} --accept`",
    )


def cmd_charge_add(args: argparse.Namespace) -> int:
    pairs = suspect_pairs(args.suspect, args.mode)
    with unlock.unlock(args) as case:
        charge = case.records.add_charge(
            args.crime,
            suspects=[(parse_ref_of(s, RefKind.PERSON), mode) for s, mode in pairs],
            incidents=[parse_ref_of(i, RefKind.INCIDENT) for i in args.incident or []],
            analysis=args.analysis,
            status=ChargeStatus(args.status),
        ).value
    done(args, charge, f"Charged {charge.crime_id} as {charge.ref}")
    if not args.json:
        for warning in charge.warnings:
            sys.stdout.write(f"  warning: {warning}\n")
    return 0


def cmd_charge_list(args: argparse.Namespace) -> int:
    with unlock.unlock(args) as case:
        charges = case.records.charges(RecordQuery(deleted=deleted_choice(args), page=page(args)))
    if args.json:
        print_json(charges)
        return 0
    print_table(
        ["ref", "crime", "status", "suspects", "incidents", "warnings"],
        [
            [
                c.ref + (" (deleted)" if c.deleted else ""),
                c.crime_id,
                c.status.value,
                ", ".join(f"{s.person_ref} {s.mode_id}" for s in c.suspects),
                ", ".join(i.incident_ref for i in c.incidents),
                len(c.warnings) or "",
            ]
            for c in charges
        ],
    )
    return 0


def cmd_element_list(args: argparse.Namespace) -> int:
    key = parse_ref_of(args.ref, RefKind.EXHIBIT) if args.ref else None
    with unlock.unlock(args) as case:
        links = case.records.element_links(
            key, RecordQuery(deleted=deleted_choice(args), page=page(args)), element=args.element
        )
    if args.json:
        print_json(links)
        return 0
    print_table(
        ["ref", "exhibit", "excerpt", "element", "stance", "weight", "basis", "review", "author"],
        [
            [
                x.ref + (" (deleted)" if x.deleted else ""),
                x.exhibit_ref,
                x.excerpt.describe() if x.excerpt else "",
                x.element_id,
                x.stance.value,
                x.weight.value,
                x.basis.value,
                x.review.value,
                x.author,
            ]
            for x in links
        ],
    )
    return 0


def print_analysis_record(record: Any) -> None:
    """``show CHG-n`` / ``show EL-n`` on a terminal."""
    out = sys.stdout
    if isinstance(record, Charge):
        out.write(f"{record.ref}  {record.crime_id}  ({record.status.value})\n")
        rows: list[tuple[str, object]] = [
            ("id", record.id),
            ("suspects", "; ".join(f"{s.person_ref} as {s.mode_id}" for s in record.suspects)),
            ("incidents", ", ".join(i.incident_ref for i in record.incidents)),
            ("analysis", record.analysis),
            ("author", record.author),
            ("catalogue", record.catalogue_edition),
        ]
        rows += [("warning", w) for w in record.warnings]
    else:
        assert isinstance(record, ElementLink)
        out.write(f"{record.ref}  {record.exhibit_ref} -> {record.element_id} ({record.stance.value})\n")
        review = record.review.value
        if record.reviewed_by:
            review += f" by {record.reviewed_by} at {when(record.reviewed_at)}"
        rows = [
            ("id", record.id),
            ("excerpt", record.excerpt.describe() if record.excerpt else "the whole exhibit"),
            ("quoted", record.excerpt.quote if record.excerpt else ""),
            ("weight", record.weight.value),
            ("basis", record.basis.value),
            ("review", review),
            ("author", record.author),
            ("reasoning", record.reasoning),
            ("catalogue", record.catalogue_edition),
        ]
    rows.append(("created", when(record.created_at)))
    if record.deleted is not None:
        rows.append(("DELETED", f"{when(record.deleted.at)} by {record.deleted.by}: {record.deleted.reason}"))
    print_fields(rows)


def show_analysis(case: Any, ref: Any, *, as_json: bool) -> int:
    record = case.records.charge(ref) if ref.kind is RefKind.CHARGE else case.records.get(ref)
    if as_json:
        print_json({"record": record, "links": [], "notes": []})
    else:
        print_analysis_record(record)
    return 0


def cmd_review(args: argparse.Namespace) -> int:
    ref = parse_ref_of(args.link, RefKind.ELEMENT_LINK)
    with unlock.unlock(args) as case:
        link = case.records.review(ref, accept=args.accept).value
    return done(args, link, f"{link.ref} is {link.review.value} (`caseapp undo` takes it back)")


def cmd_gaps(args: argparse.Namespace) -> int:
    key = parse_ref_of(args.charge, RefKind.CHARGE) if args.charge else None
    with unlock.unlock(args) as case:
        matrix = case.records.gaps(key)
    if args.json:
        print_json(matrix)
        return 0
    if not matrix:
        sys.stdout.write("(no charges; `caseapp charge add CRIME` adds one)\n")
    for gaps in matrix:
        print_gaps(gaps)
    return 0


def print_gaps(gaps: ChargeGaps) -> None:
    sys.stdout.write(f"{gaps.charge_ref}  {gaps.crime_id}  {gaps.crime_title}\n")
    for warning in gaps.warnings:
        sys.stdout.write(f"  warning: {warning}\n")
    print_table(
        ["status", "element", "kind", "accepted", "sources", "best", "contra", "to review", "why"],
        [
            [
                cell.status.value.upper(),
                cell.element_id + (f" ({cell.suspect_ref})" if cell.suspect_ref else ""),
                cell.kind.value,
                len(cell.supporting),
                cell.independent_sources,
                cell.best_grade or "-",
                ", ".join(cell.contradicting) or "-",
                ", ".join(cell.awaiting_review) or "-",
                cell.why,
            ]
            for cell in gaps.cells
        ],
    )
    sys.stdout.write("\n")
