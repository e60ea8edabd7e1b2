"""What the author gives the dossier besides the case's records: the cover's facts, the sender
block, the narrative sections they write, and the facts the jurisdiction section is asked about.

Stored in the case (editable, undoable, recorded in custody) by the dossier service; the builder
(:func:`caseapp.core.dossier.build.build_dossier`) reads them as plain values. A narrative section
the author has not written gets a generated draft where the case's data allows one, visibly marked
as a draft (see :attr:`caseapp.core.dossier.model.Paragraph.draft`).
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime


class SectionKey(enum.StrEnum):
    """The narrative sections an author writes, in the dossier's order (RESEARCH-NOTES §3.3 and
    article15-practice.md "What caseapp's dossier should do" 1-4)."""

    INTRODUCTION = "introduction"
    EXECUTIVE_SUMMARY = "executive-summary"
    FACTUAL_BACKGROUND = "factual-background"
    JURISDICTION = "jurisdiction"  # the author's argument; the assistant's grounds are added below it
    CONTEXTUAL_ELEMENTS = "contextual-elements"
    PERPETRATORS = "perpetrators"
    COMPLEMENTARITY = "complementarity"
    GRAVITY = "gravity"
    INTERESTS_OF_JUSTICE = "interests-of-justice"
    METHODOLOGY = "methodology"  # protection of witnesses and methodology
    CONCLUSION = "conclusion"  # conclusion and request


@dataclass(frozen=True, slots=True)
class SectionText:
    text: str  # paragraphs separated by blank lines; each becomes a numbered paragraph
    author: str
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class PriorCommunication:
    """An earlier communication this one supplements: cited by date and bundle hash."""

    sent_on: date
    bundle_sha256: str  # SHA-256 of the earlier bundle's manifest (tagmanifest-sha256.txt)
    title: str = ""


@dataclass(frozen=True, slots=True)
class DossierInputs:
    situation: str = ""  # "Situation in the Syrian Arab Republic", as the user names it
    situation_number: str | None = None  # only if the user typed one; never generated
    title: str = ""  # empty: the builder makes one from the case's title
    short_title: str = ""  # for the page header; empty: from the title
    sender: tuple[str, ...] = ()  # lines of the sender block (organisation, address)
    secure_contact: str = ""
    undertaking: bool = True  # print the undertaking to provide further information
    # Facts for the jurisdiction assistant (ISO 3166 alpha-2 codes), asked per charged crime at the
    # dates of the incidents it covers.
    territory: str | None = None
    element_territories: tuple[str, ...] = ()
    nationalities: tuple[str, ...] = ()
    victim_state: str | None = None
    sections: Mapping[SectionKey, SectionText] = field(default_factory=dict)
    supplement_to: PriorCommunication | None = None
