"""Typed, immutable objects of the legal catalogue: crimes, elements, contextual groups, modes of liability.

Texts are :class:`LocalText` so that French and Arabic versions can sit beside the English one
later without changing any signature. Every entry carries its sources and a verification status
that the user interface must show.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field


class Role(enum.Enum):
    """Whether an element is specific to the crime or part of its shared context (EoC Gen. Intro. para 7)."""

    SPECIFIC = "specific"
    CONTEXTUAL = "contextual"


class Conflict(enum.Enum):
    """The armed-conflict type a war crime belongs to."""

    IAC = "IAC"
    NIAC = "NIAC"


class VerificationStatus(enum.Enum):
    """How far an entry's text was checked against an independent or official source."""

    SPOT_CHECKED = "spot-checked"
    VERIFIED_SOURCE = "verified-source"
    PARTIAL = "partial"
    UNVERIFIED = "unverified"
    ELEMENTS_NOT_AVAILABLE = "elements-not-available"

    @property
    def label(self) -> str:
        return _STATUS_LABELS[self]


_STATUS_LABELS = {
    VerificationStatus.SPOT_CHECKED: "spot-checked against an independent source",
    VerificationStatus.VERIFIED_SOURCE: "taken from a cited secondary source",
    VerificationStatus.PARTIAL: "partly verified",
    VerificationStatus.UNVERIFIED: "unverified transcription",
    VerificationStatus.ELEMENTS_NOT_AVAILABLE: "elements not available",
}


@dataclass(frozen=True, slots=True)
class LocalText:
    """One text in one or more languages, as ``(language, text)`` pairs; English is always present."""

    versions: tuple[tuple[str, str], ...]

    @classmethod
    def english(cls, text: str) -> LocalText:
        return cls((("en", text),))

    @property
    def en(self) -> str:
        return self.get("en") or ""

    def get(self, language: str) -> str | None:
        for lang, text in self.versions:
            if lang == language:
                return text
        return None

    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(lang for lang, _ in self.versions)


@dataclass(frozen=True, slots=True)
class Source:
    """Where a text came from and under which licence."""

    id: str
    title: str
    where: str
    licence: str


@dataclass(frozen=True, slots=True)
class Verification:
    status: VerificationStatus
    note: str


@dataclass(frozen=True, slots=True)
class Footnote:
    number: int
    text: LocalText


@dataclass(frozen=True, slots=True)
class Alternative:
    """One limb, (a) or (b), of an element worded as alternatives."""

    letter: str
    text: LocalText
    footnotes: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class Element:
    """One element a prosecutor must prove, e.g. ``7(1)(a)-1``."""

    id: str
    crime_id: str
    number: int
    text: LocalText
    role: Role
    footnotes: tuple[int, ...] = ()
    alternatives: tuple[Alternative, ...] = ()
    context_ref: str | None = None
    note: str | None = None

    @property
    def full_text(self) -> str:
        """The English text with any alternatives appended, for display and search."""
        parts = [self.text.en] if self.text.en else []
        parts.extend(f"({alt.letter}) {alt.text.en}" for alt in self.alternatives)
        return " ".join(parts)


@dataclass(frozen=True, slots=True)
class ContextualElement:
    id: str
    text: LocalText


@dataclass(frozen=True, slots=True)
class ContextualGroup:
    """A context shared by every crime of an article: Art 6 pattern, Art 7 attack, Art 8 armed conflict."""

    id: str
    article: str
    title: str
    note: str
    elements: tuple[ContextualElement, ...]
    sources: tuple[Source, ...]


@dataclass(frozen=True, slots=True)
class IntroParagraph:
    """One paragraph of an Elements of Crimes introduction: ``label`` is "1.", "(a)" or "" (unnumbered)."""

    label: str
    text: LocalText
    footnotes: tuple[int, ...] = ()
    level: int = 1


@dataclass(frozen=True, slots=True)
class Introduction:
    """The EoC General Introduction (``article`` "general") or the Introduction to Art 6, 7 or 8.

    The article introductions explain the contextual elements of that article (e.g. the Art 7 "policy")."""

    article: str
    title: str
    paragraphs: tuple[IntroParagraph, ...]


@dataclass(frozen=True, slots=True)
class Provision:
    """A Statute provision shown beside the catalogue, e.g. Art 25(3 bis) for the crime of aggression."""

    provision: str
    title: str
    text: LocalText
    applies_to: tuple[str, ...]
    sources: tuple[Source, ...]


@dataclass(frozen=True, slots=True)
class Crime:
    """One crime of Arts 6, 7, 8 or 8 bis as the Elements of Crimes split them (e.g. ``7(1)(g)-1``)."""

    id: str
    article: str
    paragraph: str
    statute_ref: str
    title: LocalText
    statute_text: LocalText
    conflict: Conflict | None
    amendment: str | None
    contextual_group: str | None
    elements_available: bool
    elements: tuple[Element, ...]
    heading_footnotes: tuple[int, ...]
    introduction: tuple[str, ...]
    sources: tuple[Source, ...]
    verification: Verification
    notes: tuple[str, ...] = ()
    statute_text_note: str | None = None
    paragraph_footnotes: tuple[int, ...] = ()

    @property
    def specific_elements(self) -> tuple[Element, ...]:
        return tuple(e for e in self.elements if e.role is Role.SPECIFIC)

    @property
    def contextual_elements(self) -> tuple[Element, ...]:
        return tuple(e for e in self.elements if e.role is Role.CONTEXTUAL)


@dataclass(frozen=True, slots=True)
class LiabilityElement:
    id: str
    text: LocalText


@dataclass(frozen=True, slots=True)
class LiabilityMode:
    """A mode of liability of Art 25(3) or Art 28, with its elements where a source gives them."""

    id: str
    label: str
    provision: str
    statute_text: LocalText
    elements: tuple[LiabilityElement, ...]
    verification: Verification
    sources: tuple[Source, ...]


@dataclass(frozen=True, slots=True)
class MentalElement:
    """Art 30: intent and knowledge, the default wherever an element states no mental element."""

    article: str
    title: str
    text: LocalText
    note: str
    sources: tuple[Source, ...]


@dataclass(frozen=True, slots=True)
class Catalogue:
    """The whole catalogue, with lookups by id. Crimes keep the Statute's order."""

    edition: str
    languages: tuple[str, ...]
    crimes: tuple[Crime, ...]
    contextual_groups: tuple[ContextualGroup, ...]
    modes_of_liability: tuple[LiabilityMode, ...]
    mental_element: MentalElement
    footnotes: Mapping[int, Footnote]
    sources: Mapping[str, Source]
    corrections: tuple[str, ...]
    introductions: tuple[Introduction, ...]
    leadership_clause: Provision
    _by_id: Mapping[str, Crime] = field(repr=False, compare=False)
    _elements: Mapping[str, Element] = field(repr=False, compare=False)

    def __iter__(self) -> Iterator[Crime]:
        return iter(self.crimes)

    def __len__(self) -> int:
        return len(self.crimes)

    def crime(self, crime_id: str) -> Crime | None:
        return self._by_id.get(crime_id)

    def element(self, element_id: str) -> Element | None:
        return self._elements.get(element_id)

    def group(self, group_id: str) -> ContextualGroup | None:
        return next((g for g in self.contextual_groups if g.id == group_id), None)

    def introduction(self, article: str) -> Introduction | None:
        """The EoC introduction of ``article`` ("6", "7", "8"), or the General Introduction ("general")."""
        return next((i for i in self.introductions if i.article == article), None)

    def mode(self, mode_id: str) -> LiabilityMode | None:
        return next((m for m in self.modes_of_liability if m.id == mode_id), None)

    def crimes_under(self, statute_ref: str) -> tuple[Crime, ...]:
        """Crimes whose Statute provision is ``statute_ref`` or lies under it (``8(2)(b)``, ``7``, ``8 bis``)."""
        return tuple(c for c in self.crimes if _under(c, statute_ref))


def _under(crime: Crime, ref: str) -> bool:
    if ref in (crime.article, crime.paragraph, crime.statute_ref, crime.id):
        return True
    return crime.statute_ref.startswith(ref + "(") if ref.endswith(")") else False
