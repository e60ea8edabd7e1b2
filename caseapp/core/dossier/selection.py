"""Which sections of the communication an export includes.

Every section is listed in the document's order. Some can never be left out, because without them
the communication fails the Office of the Prosecutor's first filter or cannot be read
(article15-practice.md):

- the **cover** (the identifiable sender and the classification line listing the annexes, F3.2, F4.1)
  and the **contents** (numbered parts and paragraphs are how readers cite it, F4.1, "should do" 5);
- the **factual background** (the alleged crime, place, time and victims every communication must
  give, F3.2; the illustrative incidents the charges point to, "should do" 3);
- **jurisdiction** (phase 1 filters out what is "manifestly outside the jurisdiction", F2.8;
  "should do" 2);
- **one part per charge** (the crimes themselves, "should do" 1);
- the **evidence index** and the **annexes** (exhibit -> annex -> SHA-256, which every exhibit
  reference and the cover's annex list point to, "should do" 7).

The others (introduction, executive summary, contextual elements, perpetrators, admissibility,
interests of justice, protection and methodology, conclusion and request) are the author's to
leave out: "the Statute does not specify the contents of the communication" (F2.8). A section
left out is not built at all, so paragraph and part numbers stay continuous, and no other
section refers to it.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable


class Section(enum.StrEnum):
    """The sections of the communication, in the document's order (the charges are one entry)."""

    COVER = "cover"
    CONTENTS = "contents"
    INTRODUCTION = "introduction"
    EXECUTIVE_SUMMARY = "executive-summary"
    FACTUAL_BACKGROUND = "factual-background"
    JURISDICTION = "jurisdiction"
    CONTEXTUAL_ELEMENTS = "contextual-elements"
    CHARGES = "charges"
    PERPETRATORS = "perpetrators"
    ADMISSIBILITY = "admissibility"
    INTERESTS_OF_JUSTICE = "interests-of-justice"
    METHODOLOGY = "methodology"
    CONCLUSION = "conclusion"
    EVIDENCE_INDEX = "evidence-index"
    ANNEXES = "annexes"


MANDATORY = frozenset(
    {
        Section.COVER,
        Section.CONTENTS,
        Section.FACTUAL_BACKGROUND,
        Section.JURISDICTION,
        Section.CHARGES,
        Section.EVIDENCE_INDEX,
        Section.ANNEXES,
    }
)
OPTIONAL = tuple(s for s in Section if s not in MANDATORY)

ANCHORS = {
    Section.INTRODUCTION: "part-introduction",
    Section.EXECUTIVE_SUMMARY: "part-summary",
    Section.FACTUAL_BACKGROUND: "part-facts",
    Section.JURISDICTION: "part-jurisdiction",
    Section.CONTEXTUAL_ELEMENTS: "part-context",
    Section.PERPETRATORS: "part-perpetrators",
    Section.ADMISSIBILITY: "part-admissibility",
    Section.INTERESTS_OF_JUSTICE: "part-justice",
    Section.METHODOLOGY: "part-methodology",
    Section.CONCLUSION: "part-conclusion",
}
"""The part anchor of each section that is one part (the charges are one part each)."""


def check_omit(omit: Iterable[Section]) -> frozenset[Section]:
    """``omit`` as a set; :class:`ValueError` naming any section that cannot be left out."""
    chosen = frozenset(omit)
    refused = [s.value for s in Section if s in chosen and s in MANDATORY]
    if refused:
        allowed = ", ".join(s.value for s in OPTIONAL)
        raise ValueError(f"these sections cannot be left out: {', '.join(refused)}; the optional ones are {allowed}")
    return chosen


def parse_sections(text: str) -> frozenset[Section]:
    """``"gravity,conclusion"``-style lists of section names (as the command line takes them)."""
    names = [part.strip().lower() for part in text.split(",") if part.strip()]
    known = {s.value: s for s in Section}
    unknown = [n for n in names if n not in known]
    if unknown or not names:
        allowed = ", ".join(s.value for s in OPTIONAL)
        raise ValueError(f"unknown section {', '.join(unknown) or repr(text)}; the optional ones are {allowed}")
    return check_omit(known[n] for n in names)
