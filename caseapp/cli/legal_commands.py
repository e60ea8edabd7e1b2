"""``caseapp elements`` and ``caseapp jurisdiction``: the legal catalogue and the jurisdiction assistant.

Neither needs a case open. Human output is wrapped for a terminal; ``--json`` prints one JSON
document for scripts. Bad input raises ValidationError / NotFoundError (exit code 1).
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from caseapp.cli.incident_jurisdiction import incident_jurisdiction_command
from caseapp.cli.legal_display import (
    clause_dict,
    context_dict,
    context_footnotes,
    intro_dict,
    print_all_introductions,
    print_clause,
    print_context,
    print_search_notes,
    search_notes,
    wrap,
)
from caseapp.cli.unlock import add_case_options
from caseapp.core.errors import NotFoundError
from caseapp.core.legal.ids import normalise_ref, parse_crime_ref, split_element_id
from caseapp.core.legal.jurisdiction import JurisdictionAnswer, check_jurisdiction
from caseapp.core.legal.lexicon import load_lexicon
from caseapp.core.legal.loader import load_catalogue
from caseapp.core.legal.model import Catalogue, Crime, Element, LiabilityMode, VerificationStatus
from caseapp.core.legal.search import SearchIndex

_CONFLICT = {"IAC": "international armed conflict", "NIAC": "non-international armed conflict"}
_MARK = {"met": "[met]", "not met": "[not met]", "uncertain": "[uncertain]"}


def register(subparsers: Any) -> None:
    elements = subparsers.add_parser(
        "elements",
        help="list, search and show the crimes and elements of the Rome Statute",
        description="The Rome Statute crimes (Arts 6, 7, 8, 8 bis) with their Elements of Crimes, sources "
        "and verification status. No case is needed.",
    )
    elements.add_argument("--article", help="only crimes under this provision, e.g. 7, 8(2)(e) or '8 bis'")
    elements.add_argument("--search", metavar="TEXT", help="only crimes whose title, Statute text or elements match")
    elements.add_argument(
        "--modes", action="store_true", help="list the modes of liability (Arts 25(3), 28) and the Art 30 default"
    )
    elements.add_argument(
        "--introduction",
        action="store_true",
        help="print the General Introduction and the Art 6, 7 and 8 Introductions of the Elements of Crimes",
    )
    elements.add_argument("--json", action="store_true", help="print JSON")
    elements.set_defaults(func=list_elements)
    actions = elements.add_subparsers(dest="elements_action", metavar="ACTION")
    show = actions.add_parser(
        "show", help="show one crime (7(1)(a)), element (7(1)(a)-1) or mode of liability (25(3)(a)-joint, 28(a))"
    )
    show.add_argument("id", help="crime or element id")
    show.add_argument("--json", action="store_true", help="print JSON")
    show.set_defaults(func=show_element)

    jur = subparsers.add_parser(
        "jurisdiction",
        help="check whether the ICC can exercise jurisdiction over a crime",
        description="Checks the preconditions of Arts 11, 12, 13(b), 121(5), 15 bis/ter for one date and "
        "place, and explains each ground with its source. Countries are ISO 3166-1 alpha-2 codes. "
        "With an incident (caseapp jurisdiction INC-3 --crime 8(2)(e)(iv)) the case gives the dates (the "
        "incident's whole time range) and the country (--territory, else found offline from its coordinates), "
        "and the answer says whether it changes inside the range.",
    )
    jur.add_argument("incident", nargs="?", metavar="INC-n", help="an incident of the open case (optional)")
    add_case_options(jur)
    jur.add_argument("--territory", metavar="CC", help="country where the conduct occurred, e.g. SY")
    jur.add_argument(
        "--element-territory",
        metavar="CC",
        action="append",
        default=[],
        help="country where an element of the crime occurred (e.g. the border crossing of a deportation); repeatable",
    )
    jur.add_argument(
        "--nationality", metavar="CC", action="append", default=[], help="nationality of the accused; repeatable"
    )
    jur.add_argument("--date", help="date of the conduct, YYYY-MM-DD (not with an incident: it gives the dates)")
    jur.add_argument("--crime", help="crime id, e.g. 8(2)(e)(i), 7(1)(d) or '8 bis'")
    jur.add_argument(
        "--victim-state",
        metavar="CC",
        help="for the crime of aggression ('8 bis'): the State against which the act of aggression was committed",
    )
    jur.add_argument("--json", action="store_true", help="print JSON")
    jur.set_defaults(func=jurisdiction, usage_error=jur.error)


# ---------------------------------------------------------------- elements


def _select(catalogue: Catalogue, article: str | None, search: str | None) -> list[Crime]:
    crimes = list(catalogue)
    if article:
        ref = parse_crime_ref(article)
        crimes = list(catalogue.crimes_under(ref))
        if not crimes:
            raise NotFoundError(f"no crime under '{article}' in the Rome Statute catalogue")
    if search:
        order = SearchIndex(catalogue, lexicon=load_lexicon(catalogue)).matching_crimes(search)
        wanted = {c.id for c in crimes}
        crimes = [c for cid in order if cid in wanted and (c := catalogue.crime(cid)) is not None]
    return crimes


def list_elements(args: argparse.Namespace) -> int:
    catalogue = load_catalogue()
    if args.modes:
        return _list_modes(catalogue, as_json=args.json)
    if args.introduction:
        if args.json:
            _print_json({"introductions": [intro_dict(i) for i in catalogue.introductions]})
        else:
            print_all_introductions(catalogue)
        return 0
    crimes = _select(catalogue, args.article, args.search)
    if args.json:
        payload: dict[str, Any] = {"edition": catalogue.edition, "count": len(crimes)}
        if args.search:
            payload.update(search_notes(catalogue, args.search))
        payload["crimes"] = [_crime_summary(c) for c in crimes]
        _print_json(payload)
        return 0
    if args.search:
        print_search_notes(catalogue, args.search)
    if not crimes:
        print(f"No crime matches '{args.search}'." if args.search else "No crime matches.")
        return 0
    for crime in crimes:
        flag = "" if crime.elements_available else "  [elements not available]"
        amend = f"  [amendment {crime.amendment}]" if crime.amendment else ""
        print(f"{crime.id:<18} {crime.title.en}{amend}{flag}")
    print(f"\n{len(crimes)} crime(s). Source: {catalogue.edition}. Use 'caseapp elements show ID' for the elements.")
    return 0


def show_element(args: argparse.Namespace) -> int:
    catalogue = load_catalogue()
    mode = catalogue.mode(normalise_ref(args.id))
    if mode is not None:
        return _show_mode(mode, as_json=args.json)
    ref = normalise_ref(args.id)
    if catalogue.crime(ref) is None and catalogue.element(ref) is None:
        group = catalogue.crimes_under(ref)
        if len(group) > 1:
            return _show_group(ref, group, as_json=args.json)
    crime, element = _lookup(catalogue, args.id)
    if args.json:
        payload = _crime_detail(catalogue, crime)
        if element is not None:
            payload = {"element": _element_dict(element), "crime": payload}
        _print_json(payload)
        return 0
    _print_crime(catalogue, crime, highlight=element.id if element else None)
    return 0


def _show_group(ref: str, crimes: tuple[Crime, ...], *, as_json: bool) -> int:
    """A Statute provision that the Elements of Crimes split into several crimes, e.g. 7(1)(g)-1 to -6."""
    if as_json:
        _print_json({"provision": ref, "crimes": [_crime_summary(c) for c in crimes]})
        return 0
    print(f"{ref} covers {len(crimes)} crimes in the Elements of Crimes; show one with `elements show ID`:")
    for crime in crimes:
        print(_wrap(crime.title.en, indent="      ", first=f"  {crime.id}  "))
    return 0


def _lookup(catalogue: Catalogue, value: str) -> tuple[Crime, Element | None]:
    ref = normalise_ref(value)
    crime = catalogue.crime(ref)
    if crime is not None:
        return crime, None
    element = catalogue.element(ref)
    if element is not None:
        found = catalogue.crime(element.crime_id)
        if found is not None:
            return found, element
    split = split_element_id(ref)
    if split is None or catalogue.crime(split[0]) is None:
        parse_crime_ref(value)  # raises ValidationError naming a malformed id
    raise NotFoundError(f"no crime or element '{value}' in the Rome Statute catalogue")


_wrap = wrap


def _mode_dict(mode: LiabilityMode) -> dict[str, Any]:
    return {
        "id": mode.id,
        "label": mode.label,
        "provision": mode.provision,
        "statute_text": mode.statute_text.en,
        "elements": [{"id": e.id, "text": e.text.en} for e in mode.elements],
        "verification": {"status": mode.verification.status.value, "note": mode.verification.note},
        "sources": [{"id": s.id, "title": s.title, "where": s.where} for s in mode.sources],
    }


def _list_modes(catalogue: Catalogue, *, as_json: bool) -> int:
    mental = catalogue.mental_element
    if as_json:
        _print_json(
            {
                "modes_of_liability": [_mode_dict(m) for m in catalogue.modes_of_liability],
                "mental_element": {"article": mental.article, "title": mental.title, "text": mental.text.en},
                "leadership_clause": clause_dict(catalogue.leadership_clause),
            }
        )
        return 0
    for mode in catalogue.modes_of_liability:
        flag = "" if mode.elements else "  [elements not available]"
        print(f"{mode.id:<18} Art {mode.provision}: {mode.label}{flag}")
    print(_wrap(f"Art {mental.article}: {mental.title}. {mental.note}", first="\n"))
    print()
    print_clause(catalogue.leadership_clause)
    return 0


def _show_mode(mode: LiabilityMode, *, as_json: bool) -> int:
    if as_json:
        _print_json(_mode_dict(mode))
        return 0
    print(f"{mode.id} — {mode.label} (Art {mode.provision})")
    print("\nStatute text:")
    print(_wrap(mode.statute_text.en))
    print("\nElements:")
    if not mode.elements:
        print("  ELEMENTS NOT AVAILABLE — only the Statute text is shipped.")
    for element in mode.elements:
        print(_wrap(element.text.en, indent="      ", first=f"  {element.id}  "))
    status = mode.verification.status
    label = status.label.upper() if status is VerificationStatus.ELEMENTS_NOT_AVAILABLE else status.label
    print(f"\nVerification: {label}")
    print(_wrap(mode.verification.note))
    print("Sources:")
    for source in mode.sources:
        print(_wrap(f"{source.title} — {source.where}", indent="    ", first="  - "))
    return 0


def _footnote_refs(catalogue: Catalogue, crime: Crime) -> list[int]:
    refs = {n for e in crime.elements for n in (*e.footnotes, *(f for a in e.alternatives for f in a.footnotes))}
    return sorted(
        refs | set(crime.heading_footnotes) | set(crime.paragraph_footnotes) | context_footnotes(catalogue, crime)
    )


def _print_crime(catalogue: Catalogue, crime: Crime, highlight: str | None) -> None:
    print(f"{crime.id} — {crime.title.en}")
    facts = [f"Article {crime.article}", f"Statute provision {crime.statute_ref}"]
    if crime.conflict:
        facts.append(_CONFLICT[crime.conflict.value])
    if crime.amendment:
        facts.append(f"added by amendment {crime.amendment}")
    print("  " + "; ".join(facts))
    print("\nStatute text:")
    print(_wrap(crime.statute_text.en))
    if crime.statute_text_note:
        print(_wrap("Note: " + crime.statute_text_note))
    if crime.introduction:
        print("\nIntroduction (Elements of Crimes, not Statute text):")
    for line in crime.introduction:
        print(_wrap(line))
    _print_elements(crime, highlight)
    if crime.paragraph_footnotes:
        fns = ", ".join(map(str, crime.paragraph_footnotes))
        print(_wrap(f"The heading of Art {crime.paragraph} carries footnote {fns} (below).", first=""))
    print_context(catalogue, crime)
    if crime.amendment == "RC/Res.6":
        print()
        print_clause(catalogue.leadership_clause)
    print()
    print(
        _wrap(
            "Mental element: unless an element says otherwise, intent and knowledge (Art 30; EoC Gen. Intro. para 2).",
            first="",
        )
    )
    refs = _footnote_refs(catalogue, crime)
    if refs:
        print("\nFootnotes:")
    for number in refs:
        fn = catalogue.footnotes.get(number)
        print(_wrap(fn.text.en if fn else "(missing)", indent="      ", first=f"  [{number}] "))
    _print_provenance(crime)


def _print_elements(crime: Crime, highlight: str | None) -> None:
    print("\nElements:")
    if not crime.elements:
        print("  ELEMENTS NOT AVAILABLE — only the Statute text is shipped (see verification below).")
    for element in crime.elements:
        marker = ">>" if element.id == highlight else "  "
        tag = element.role.value + (f", {element.context_ref}" if element.context_ref else "")
        refs = f" [fn {', '.join(map(str, element.footnotes))}]" if element.footnotes else ""
        print(f"{marker}{element.id} ({tag}){refs}")
        if element.text.en:
            print(_wrap(element.text.en, indent="      "))
        for alt in element.alternatives:
            alt_refs = f" [fn {', '.join(map(str, alt.footnotes))}]" if alt.footnotes else ""
            print(_wrap(alt.text.en + alt_refs, indent="          ", first=f"      ({alt.letter}) "))
        if element.note:
            print(_wrap("Note: " + element.note, indent="      "))


def _print_provenance(crime: Crime) -> None:
    status = crime.verification.status
    label = status.label.upper() if status is VerificationStatus.ELEMENTS_NOT_AVAILABLE else status.label
    print(f"\nVerification: {label}")
    print(_wrap(crime.verification.note))
    for note in crime.notes:
        print(_wrap("Note: " + note))
    print("Sources:")
    for source in crime.sources:
        print(_wrap(f"{source.title} — {source.where} — licence: {source.licence}", indent="    ", first="  - "))


def _crime_summary(crime: Crime) -> dict[str, Any]:
    return {
        "id": crime.id,
        "title": crime.title.en,
        "article": crime.article,
        "statute_ref": crime.statute_ref,
        "conflict": crime.conflict.value if crime.conflict else None,
        "amendment": crime.amendment,
        "elements_available": crime.elements_available,
        "element_count": len(crime.elements),
        "verification": {"status": crime.verification.status.value, "note": crime.verification.note},
    }


def _element_dict(element: Element) -> dict[str, Any]:
    return {
        "id": element.id,
        "crime_id": element.crime_id,
        "number": element.number,
        "role": element.role.value,
        "text": element.text.en,
        "alternatives": [
            {"letter": a.letter, "text": a.text.en, "footnotes": list(a.footnotes)} for a in element.alternatives
        ],
        "footnotes": list(element.footnotes),
        "context_ref": element.context_ref,
        "note": element.note,
    }


def _crime_detail(catalogue: Catalogue, crime: Crime) -> dict[str, Any]:
    out = _crime_summary(crime)
    refs = _footnote_refs(catalogue, crime)
    out.update(context_dict(catalogue, crime))
    if crime.amendment == "RC/Res.6":
        out["leadership_clause"] = clause_dict(catalogue.leadership_clause)
    out.update(
        statute_text=crime.statute_text.en,
        statute_text_note=crime.statute_text_note,
        introduction=list(crime.introduction),
        contextual_group=crime.contextual_group,
        elements=[_element_dict(e) for e in crime.elements],
        footnotes={str(n): catalogue.footnotes[n].text.en for n in sorted(refs) if n in catalogue.footnotes},
        notes=list(crime.notes),
        sources=[{"id": s.id, "title": s.title, "where": s.where, "licence": s.licence} for s in crime.sources],
        mental_element_default="Art 30: intent and knowledge",
    )
    return out


# ---------------------------------------------------------------- jurisdiction


def jurisdiction(args: argparse.Namespace) -> int:
    if args.incident:
        return incident_jurisdiction_command(args)
    if not args.date:  # a usage error, as when --date was required (exit code 1)
        args.usage_error("give the date of the conduct with --date YYYY-MM-DD, or an incident: jurisdiction INC-n")
    answer = check_jurisdiction(
        date=args.date,
        territory=args.territory,
        element_territories=args.element_territory,
        nationalities=args.nationality,
        crime=args.crime,
        victim_state=args.victim_state,
    )
    if args.json:
        _print_json(answer.as_dict())
    else:
        _print_answer(answer)
    return 0


def _print_answer(answer: JurisdictionAnswer) -> None:
    q = answer.query
    asked = [f"date {q.date}"]
    if q.territory:
        asked.append(f"territory {q.territory}")
    if q.element_territories:
        asked.append("element on " + ", ".join(q.element_territories))
    if q.nationalities:
        asked.append("accused national of " + ", ".join(q.nationalities))
    if q.crime:
        asked.append(f"crime {q.crime} ({answer.crime_title})")
    if q.victim_state:
        asked.append(f"victim State {q.victim_state}")
    print("Question: " + "; ".join(asked))
    print(f"\nAnswer: {answer.verdict.value.upper()}")
    print(_wrap(answer.summary))
    for label, grounds in (
        ("Grounds (any one suffices)", answer.bases),
        ("Conditions (all must hold)", answer.conditions),
    ):
        if not grounds:
            continue
        print(f"\n{label}:")
        for ground in grounds:
            print(f"  {_MARK[ground.status.value]} {ground.title}")
            print(_wrap(ground.reason, indent="      "))
            print(_wrap("; ".join(ground.sources), indent="        ", first="      Sources: "))
    print("\nCaveats:")
    for caveat in answer.caveats:
        print(_wrap(caveat, indent="    ", first="  - "))


def _print_json(payload: Any) -> None:
    json.dump(payload, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
