"""Search and overviews.

    caseapp search TEXT [--kind exhibit|incident|person|source|note|charge|link] [--exhibit-kind K]
                        [--from DATE] [--to DATE] [--tag T] [--element ID] [--incident INC-n] [--grade G]
                        [--unlinked] [--awaiting-review] [--deleted] [--limit N] [--offset N] [--json]
    caseapp timeline [--from DATE] [--to DATE] [--json]

On a terminal the matched words are shown between brackets; text is printed as typed (Arabic
stays Arabic; the terminal lays it out). ``--json`` gives stable shapes for scripts.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from caseapp.cli import unlock
from caseapp.cli.output import print_json, print_table, to_jsonable
from caseapp.cli.record_commands import Subparsers
from caseapp.core.entities import ExhibitKind, TimePrecision
from caseapp.core.ports import Deleted, Page
from caseapp.core.search import SearchHit, SearchKind, SearchQuery, SearchResults
from caseapp.core.services.search import MAX_PAGE, SearchService
from caseapp.core.timeinput import in_zone
from caseapp.core.timeline import Timeline, TimelineEntry

KIND_CHOICES = {
    "exhibit": (SearchKind.EXHIBIT,),
    "incident": (SearchKind.INCIDENT,),
    "person": (SearchKind.PERSON,),
    "source": (SearchKind.SOURCE,),
    "note": (SearchKind.NOTE,),
    "charge": (SearchKind.CHARGE,),
    "link": (SearchKind.LINK, SearchKind.ELEMENT_LINK),  # links to persons/incidents and to elements
}
DEFAULT_LIMIT = 50


def register(subparsers: Subparsers) -> None:
    search = subparsers.add_parser(
        "search",
        help="search exhibits (also their extracted text), incidents, persons, sources, notes, charges and links",
        description="Every word must be found, as a whole word or the start of one; case, accents and Arabic "
        'spelling variants do not matter. Protected names show as pseudonyms. Give TEXT as "" to list '
        "everything the filters keep.",
    )
    unlock.add_case_options(search)
    search.add_argument("text", metavar="TEXT", help="words to look for")
    search.add_argument("--kind", action="append", choices=sorted(KIND_CHOICES), help="only this kind (repeatable)")
    search.add_argument("--exhibit-kind", choices=[k.value for k in ExhibitKind], help="only exhibits of this kind")
    search.add_argument("--from", dest="date_from", metavar="DATE", help="from this date (2016, 2016-04, 2016-04-27)")
    search.add_argument("--to", dest="date_to", metavar="DATE", help="up to the end of this date")
    search.add_argument("--tag", help="only records with this tag")
    search.add_argument("--element", help="only evidence for this element id, e.g. 8(2)(e)(iv)-1")
    search.add_argument("--incident", help="only records about this incident (INC-n)")
    search.add_argument("--grade", help="only evidence from sources graded B2, A-C, 1-3 or A-C/1-3")
    search.add_argument("--unlinked", action="store_true", help="only exhibits linked to nothing")
    search.add_argument("--awaiting-review", action="store_true", help="only element links still proposed")
    search.add_argument("--deleted", action="store_true", help="find deleted records too")
    search.add_argument("--limit", type=int, default=DEFAULT_LIMIT, help=f"at most this many (1-{MAX_PAGE})")
    search.add_argument("--offset", type=int, default=0, help="skip this many first")
    search.add_argument("--json", action="store_true", help="print JSON for scripts")
    search.set_defaults(func=cmd_search)

    timeline = subparsers.add_parser("timeline", help="incidents and dated exhibits in time order, with places")
    unlock.add_case_options(timeline)
    timeline.add_argument("--from", dest="date_from", metavar="DATE", help="from this date (2016, 2016-04, ...)")
    timeline.add_argument("--to", dest="date_to", metavar="DATE", help="up to the end of this date")
    timeline.add_argument("--json", action="store_true", help="print JSON for scripts")
    timeline.set_defaults(func=cmd_timeline)


def search_query(args: argparse.Namespace) -> SearchQuery:
    kinds = frozenset(kind for name in args.kind or [] for kind in KIND_CHOICES[name])
    return SearchQuery(
        text=args.text,
        kinds=kinds,
        exhibit_kind=ExhibitKind(args.exhibit_kind) if args.exhibit_kind else None,
        date_from=args.date_from,
        date_to=args.date_to,
        tag=args.tag,
        element_id=args.element,
        incident=args.incident,
        grade=args.grade,
        unlinked=args.unlinked,
        awaiting_review=args.awaiting_review,
        deleted=Deleted.INCLUDE if args.deleted else Deleted.HIDE,
        page=Page(max(0, args.offset or 0), args.limit),
    )


def hit_json(hit: SearchHit) -> dict[str, Any]:
    return {
        "kind": hit.kind.value,
        "id": str(hit.id),
        "ref": hit.ref,
        "title": hit.title,
        "why": hit.why,
        "exact": hit.exact,
        "snippet": hit.snippet.marked() if hit.snippet else None,
        "snippet_text": hit.snippet.text if hit.snippet else None,
        "marks": [list(mark) for mark in hit.snippet.marks] if hit.snippet else [],
        "deleted": hit.deleted,
        "when": to_jsonable(hit.when),
    }


def results_json(results: SearchResults) -> dict[str, Any]:
    query = results.query
    return {
        "text": query.text,
        "total": results.total,
        "counts": results.counts,
        "offset": query.page.offset,
        "limit": query.page.limit,
        "hits": [hit_json(hit) for hit in results.hits],
    }


def shown(hit: SearchHit) -> tuple[str, str]:
    """Title and snippet for a terminal: a match in the title is marked in the title itself."""
    if hit.snippet is None:
        return hit.title, ""
    if hit.snippet.text == hit.title:
        return hit.snippet.marked(), ""
    return hit.title, hit.snippet.marked()


def cmd_search(args: argparse.Namespace) -> int:
    query = search_query(args)
    with unlock.unlock(args) as case:
        results = SearchService(case.db, case.actor).search(query)
    if args.json:
        print_json(results_json(results))
        return 0
    rows = [
        [hit.ref + (" (deleted)" if hit.deleted else ""), hit.kind.value.replace("_", " "), hit.why, *shown(hit)]
        for hit in results.hits
    ]
    print_table(["ref", "kind", "matched", "title", "snippet"], rows)
    if results.total:
        first = query.page.offset + 1
        by_kind = ", ".join(f"{count} {kind.replace('_', ' ')}" for kind, count in results.counts.items())
        sys.stdout.write(
            f"{results.total} found ({by_kind}); showing {first}-{query.page.offset + len(results.hits)}\n"
        )
    return 0


def when_text(entry: TimelineEntry) -> str:
    """The entry's time as a person reads it, in the zone it was given in: a date for a day, a
    month or a year for those precisions, and ``start to end`` for a longer range."""
    start, end = in_zone(entry.start, entry.time_zone), in_zone(entry.end, entry.time_zone)
    assert start is not None and end is not None
    formats = {
        TimePrecision.YEAR: "%Y",
        TimePrecision.MONTH: "%Y-%m",
        TimePrecision.DAY: "%Y-%m-%d",
    }
    shape = formats.get(entry.time_precision, "%Y-%m-%d %H:%M")
    first, last = start.strftime(shape), end.strftime(shape)
    text = first if first == last else f"{first} to {last}"
    if entry.time_precision is TimePrecision.ESTIMATED:
        text = f"about {text}"
    zone = "" if entry.time_precision in formats else f" ({entry.time_zone}{', assumed' if entry.zone_assumed else ''})"
    return text + zone


def place_text(entry: TimelineEntry) -> str:
    parts = [entry.place_name] if entry.place_name else []
    if entry.has_coordinates:
        parts.append(f"{entry.latitude:.5f}, {entry.longitude:.5f}")
    if parts and entry.place_precision.value != "unknown":
        parts.append(f"({entry.place_precision.value})")
    return " ".join(parts)


def timeline_json(timeline: Timeline) -> dict[str, Any]:
    entries = []
    for entry in timeline.entries:
        shaped = to_jsonable(entry)
        shaped["has_coordinates"] = entry.has_coordinates
        entries.append(shaped)
    return {
        "entries": entries,
        "undated": timeline.undated,
        "undated_total": timeline.undated_total,
        "unreadable": list(timeline.unreadable),
    }


def cmd_timeline(args: argparse.Namespace) -> int:
    with unlock.unlock(args) as case:
        timeline = SearchService(case.db, case.actor).timeline(args.date_from, args.date_to)
    if args.json:
        print_json(timeline_json(timeline))
        return 0
    print_table(
        ["when", "ref", "title", "place"],
        [[when_text(e), e.ref, e.title, place_text(e)] for e in timeline.entries],
    )
    undated = timeline.undated
    sys.stdout.write(
        f"undated (not shown): {undated.get('incident', 0)} incident(s), {undated.get('exhibit', 0)} exhibit(s)"
        + (f"; capture time unreadable: {', '.join(timeline.unreadable)}" if timeline.unreadable else "")
        + "\n"
    )
    return 0
