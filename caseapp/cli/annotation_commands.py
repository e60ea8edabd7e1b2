"""Commands that annotate records and take changes back: tag, link, undo.

``caseapp link EX-1 INC-2 --reasoning ...`` adds a link (the form scripts use); ``link list
[REF]``, ``link show``, ``link edit``, ``link delete`` and ``link restore`` work like the other
kinds of record."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from caseapp.cli import unlock
from caseapp.cli.case_building import add_element_options, link_element
from caseapp.cli.output import print_json, print_table
from caseapp.cli.record_adds import done
from caseapp.cli.record_commands import (
    Subparsers,
    add_listing_options,
    command,
    deleted_choice,
    group,
    page,
    register_common,
)
from caseapp.core.entities import LinkStance
from caseapp.core.errors import ValidationError
from caseapp.core.ports import RecordQuery
from caseapp.core.refs import RefKind, parse_ref, parse_ref_of

LINK_ACTIONS = ("add", "list", "show", "edit", "delete", "restore", "-h", "--help")


def rewrite_link_shorthand(argv: Sequence[str]) -> list[str]:
    """``link EX-1 INC-2 ...`` means ``link add EX-1 INC-2 ...`` (options may come first)."""
    args = list(argv)
    index = _skip_options(args, 0)
    if index < len(args) and args[index] == "link":
        position = index + 1
        first = _skip_options(args, position)
        if first < len(args) and args[first] not in LINK_ACTIONS:
            args.insert(position, "add")
    return args


def _skip_options(args: list[str], index: int) -> int:
    """The index of the first word from ``index`` on that is not an option (or an option's value)."""
    while index < len(args) and args[index].startswith("-"):
        index += 2 if args[index] in ("--case", "--passphrase-file") else 1
    return index


def register(subparsers: Subparsers) -> None:
    tag = subparsers.add_parser("tag", help="tag a record (EX-1, W-001, INC-2, SRC-3), or list tags")
    unlock.add_case_options(tag)
    tag.add_argument("ref", nargs="?", help="record to tag; without it, list all tags with counts")
    tag.add_argument("tags", nargs="*", help="tags to add")
    tag.add_argument("--remove", action="store_true", help="remove the tags instead (undo brings them back)")
    tag.add_argument("--reason", default="", help="why (kept with a removal)")
    tag.add_argument("--json", action="store_true")
    tag.set_defaults(func=cmd_tag)

    links = group(subparsers, "link", "link an exhibit to a person or incident, saying what it shows; list links")
    add = command(links, "add", "link an exhibit to a person or incident (also: `link EX-n TARGET ...`)", cmd_link_add)
    add.add_argument("exhibit", help="EX-n")
    add.add_argument("target", help="a person (W-001), an incident (INC-n) or an element (8(2)(e)(i)-1, C-NIAC)")
    add.add_argument("--reasoning", required=True, help="what this exhibit shows about the target")
    add.add_argument("--stance", default="supports", choices=[s.value for s in LinkStance])
    add_element_options(add)
    listing = command(links, "list", "list links, all or those of one exhibit, person or incident", cmd_link_list)
    listing.add_argument("ref", nargs="?", help="EX-n, W-001 or INC-n")
    add_listing_options(listing)
    register_common(links, RefKind.LINK)

    undo = subparsers.add_parser("undo", help="undo the newest change you made in this case (recorded in custody)")
    unlock.add_case_options(undo)
    undo.add_argument("--json", action="store_true")
    undo.set_defaults(func=cmd_undo)


def cmd_tag(args: argparse.Namespace) -> int:
    with unlock.unlock(args) as case:
        if args.ref is None:
            counts = case.records.tag_counts()
            if args.json:
                print_json([{"tag": name, "count": count} for name, count in counts])
            else:
                print_table(["tag", "count"], counts)
            return 0
        ref = parse_ref(args.ref)
        if args.tags:
            tags = case.records.tag(ref, args.tags, remove=args.remove, reason=args.reason).value
        else:
            tags = case.records.tags_of(ref)
    if args.json:
        print_json({"ref": ref.text, "tags": tags})
    else:
        sys.stdout.write(f"{ref}: {', '.join(tags) if tags else '(no tags)'}\n")
    return 0


def cmd_link_add(args: argparse.Namespace) -> int:
    try:
        parse_ref(args.target)
    except ValidationError:  # not a ref: an element of the legal catalogue
        return link_element(args)
    if args.weight or args.excerpt or args.alleged:
        raise ValidationError("--weight, --excerpt and --alleged are for links to elements (e.g. 8(2)(e)(i)-1)")
    exhibit = parse_ref_of(args.exhibit, RefKind.EXHIBIT)
    target = parse_ref_of(args.target, RefKind.PERSON, RefKind.INCIDENT)
    with unlock.unlock(args) as case:
        link = case.records.link(exhibit, target, reasoning=args.reasoning, stance=LinkStance(args.stance)).value
    return done(args, link, f"Linked {link.exhibit_ref} to {link.target_ref} ({link.stance.value}) as {link.ref}")


def cmd_link_list(args: argparse.Namespace) -> int:
    key = parse_ref_of(args.ref, RefKind.EXHIBIT, RefKind.PERSON, RefKind.INCIDENT) if args.ref else None
    with unlock.unlock(args) as case:
        links = case.records.links(key, RecordQuery(deleted=deleted_choice(args), page=page(args)))
    if args.json:
        print_json(links)
    else:
        print_table(
            ["ref", "exhibit", "target", "stance", "author", "reasoning"],
            [
                [
                    link.ref + (" (deleted)" if link.deleted else ""),
                    link.exhibit_ref,
                    link.target_ref,
                    link.stance.value,
                    link.author,
                    link.reasoning,
                ]
                for link in links
            ],
        )
    return 0


def cmd_undo(args: argparse.Namespace) -> int:
    with unlock.unlock(args) as case:
        result = case.records.undo_last()
    entry, undo = result.value
    if args.json:
        print_json({"undid": entry.seq, "action": entry.action, "target": entry.target, "what": undo.description})
    else:
        sys.stdout.write(f"Undid entry {entry.seq} ({entry.action} on {entry.target}): {undo.description}\n")
    return 0
