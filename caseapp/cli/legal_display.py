"""Printing helpers of ``caseapp elements``: the Elements of Crimes introductions with the contextual elements they
explain, and Art 25(3 bis). Kept apart from legal_commands.py, which parses and dispatches."""

from __future__ import annotations

import textwrap
from typing import Any

from caseapp.core.legal.lexicon import load_lexicon
from caseapp.core.legal.model import Catalogue, Crime, Introduction, Provision
from caseapp.core.legal.search import SearchIndex

WIDTH = 100
GENERAL_POINTER = (
    "See also the General Introduction to the Elements of Crimes (`caseapp elements --introduction`): para 2 (where "
    "no mental element is stated, Art 30 applies) and para 7 (contextual circumstances are listed last)."
)


def wrap(text: str, indent: str = "  ", first: str | None = None) -> str:
    lines = []
    for i, para in enumerate(text.splitlines() or [""]):
        lead = first if (first is not None and i == 0) else indent
        lines.append(
            textwrap.fill(
                para,
                WIDTH,
                initial_indent=lead,
                subsequent_indent=indent,
                break_on_hyphens=False,
                break_long_words=False,
            )
            or lead.rstrip()
        )
    return "\n".join(lines)


def intro_heading(intro: Introduction) -> str:
    if intro.article == "general":
        return "Elements of Crimes — General introduction"
    return f"Introduction to Article {intro.article} (Elements of Crimes): {intro.title}"


def print_introduction(intro: Introduction) -> None:
    for para in intro.paragraphs:
        refs = f" [fn {', '.join(map(str, para.footnotes))}]" if para.footnotes else ""
        indent = "  " * (para.level + 1)
        first = f"{'  ' * para.level}{para.label} " if para.label else indent
        print(wrap(para.text.en + refs, indent=indent + "  " if para.label else indent, first=first))


def intro_dict(intro: Introduction) -> dict[str, Any]:
    return {
        "article": intro.article,
        "title": intro.title,
        "paragraphs": [
            {"label": p.label, "text": p.text.en, "footnotes": list(p.footnotes), "level": p.level}
            for p in intro.paragraphs
        ],
    }


def clause_dict(clause: Provision) -> dict[str, Any]:
    return {
        "provision": clause.provision,
        "title": clause.title,
        "text": clause.text.en,
        "applies_to": list(clause.applies_to),
    }


def print_clause(clause: Provision) -> None:
    print(wrap(f"Art {clause.provision}: {clause.text.en}", first=""))


def print_all_introductions(catalogue: Catalogue, footnotes: bool = True) -> None:
    refs: set[int] = set()
    for intro in catalogue.introductions:
        print(intro_heading(intro))
        print_introduction(intro)
        print()
        refs |= {n for p in intro.paragraphs for n in p.footnotes}
    if footnotes and refs:
        print("Footnotes:")
        for number in sorted(refs):
            fn = catalogue.footnotes.get(number)
            print(wrap(fn.text.en if fn else "(missing)", indent="      ", first=f"  [{number}] "))


def context_footnotes(catalogue: Catalogue, crime: Crime) -> set[int]:
    """Footnotes of the article introduction shown with a crime's contextual elements."""
    intro = catalogue.introduction(crime.article)
    return {n for p in intro.paragraphs for n in p.footnotes} if intro and crime.contextual_group else set()


def print_context(catalogue: Catalogue, crime: Crime) -> None:
    """The contextual elements shared by the crime's article, then the EoC introduction that explains them."""
    group = catalogue.group(crime.contextual_group) if crime.contextual_group else None
    if group is None:
        return
    print()
    print(wrap(f"Contextual elements shared with the other crimes of Art {group.article}: {group.title}", first=""))
    for element in group.elements:
        print(wrap(element.text.en, indent="      ", first=f"  {element.id}  "))
    intro = catalogue.introduction(group.article)
    if intro is not None:
        print()
        print(intro_heading(intro) + " — explains these contextual elements:")
        print_introduction(intro)
    print(wrap(GENERAL_POINTER, first=""))


def context_dict(catalogue: Catalogue, crime: Crime) -> dict[str, Any]:
    group = catalogue.group(crime.contextual_group) if crime.contextual_group else None
    intro = catalogue.introduction(crime.article) if group else None
    return {
        "contextual_elements": [{"id": e.id, "text": e.text.en} for e in group.elements] if group else [],
        "introduction_of_article": intro_dict(intro) if intro else None,
        "paragraph_footnotes": list(crime.paragraph_footnotes),
    }


ENGLISH_ONLY = (
    "The catalogue texts are in English only; French and Arabic words (and everyday English words such as "
    "'shelling') are matched through caseapp's reviewed search lexicon (resources/legal/search-lexicon.json), "
    "not through translated texts."
)


def search_notes(catalogue: Catalogue, query: str) -> dict[str, Any]:
    """What the JSON output of a search says about languages and the everyday terms recognised."""
    index = SearchIndex(catalogue, lexicon=load_lexicon(catalogue))
    return {
        "texts_language": "en",
        "note": ENGLISH_ONLY,
        "lexicon_matches": [
            {"concept": c.id, "term": c.head, "query_words": sorted(used), "crimes": list(c.crimes), "why": c.why}
            for c, used in index.concepts_in(query)
        ],
    }


def print_search_notes(catalogue: Catalogue, query: str) -> None:
    notes = search_notes(catalogue, query)
    for match in notes["lexicon_matches"]:
        print(wrap(f"Everyday term recognised: '{match['term']}' — {match['why']}", first=""))
    print(wrap(ENGLISH_ONLY, first=""))
    print()
