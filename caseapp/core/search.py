"""One search over a case: what a search asks for, what it answers, and the pure matching rules.

Matching is word by word on folded text, the same folding the full-text index applies
(:mod:`caseapp.core.searchtext`: NFKC, Arabic spelling variants and short vowels, Arabic-Indic
digits, a leading Arabic article) plus case and Latin accents. Every word of the query must be
found, as a whole word or as the beginning of one (``hospi`` finds ``hospital``); a record whose
every query word is found as a whole word is an **exact** match and comes first.

What the user sees of a hit (title, snippet) has already passed through the case's name redaction
(:mod:`caseapp.core.redaction`): a protected name typed into a note shows as the pseudonym, and a
snippet never starts or ends inside a name cut in half. Matching is done on the text as typed, so
searching a protected name finds the records that contain it; the person record itself is only
ever matched by pseudonym and role (see :mod:`caseapp.core.services.search`).
"""

from __future__ import annotations

import enum
import itertools
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from uuid import UUID

from caseapp.core.entities import ExhibitKind, InformationCredibility, SourceReliability
from caseapp.core.errors import ValidationError
from caseapp.core.ports import Deleted, Page
from caseapp.core.redaction import NameRedactor
from caseapp.core.searchtext import MAX_QUERY_CHARS, MAX_QUERY_WORDS, normalise, strip_article

DEFAULT_PAGE = Page(0, 50)
SNIPPET_WORDS = 12
"""Words of context shown on each side of the first match."""


class SearchKind(enum.StrEnum):
    """What a hit is (the values are those of :class:`caseapp.core.refs.RefKind`)."""

    PERSON = "person"
    INCIDENT = "incident"
    CHARGE = "charge"
    SOURCE = "source"
    EXHIBIT = "exhibit"
    ELEMENT_LINK = "element_link"
    LINK = "link"
    NOTE = "note"


KIND_ORDER = {kind: index for index, kind in enumerate(SearchKind)}
"""Among hits equally good, the order of kinds (the records that name things before the text about them)."""


@dataclass(frozen=True, slots=True)
class GradeRange:
    """Admiralty gradings accepted by a filter: ``B2``, ``A-C`` (any credibility), ``1-3``,
    ``A-C/1-3`` or ``A-C1-3``."""

    reliabilities: frozenset[SourceReliability]
    credibilities: frozenset[InformationCredibility]

    def accepts(self, reliability: SourceReliability, credibility: InformationCredibility) -> bool:
        return reliability in self.reliabilities and credibility in self.credibilities


_GRADE = re.compile(r"^(?:([A-F])(?:-([A-F]))?)?\s*/?\s*(?:([1-6])(?:-([1-6]))?)?$")


def parse_grade(text: str) -> GradeRange:
    """A grading filter as typed (``B2``, ``A-C``, ``2-3``, ``A-B/1-2``); raises ValidationError."""
    value = text.strip().upper()
    match = _GRADE.match(value)
    if not value or match is None or not any(match.groups()):
        raise ValidationError(
            f"grade {text!r} is not an Admiralty grading; "
            "write e.g. B2, A-C (reliability), 1-3 (credibility) or A-C/1-3"
        )
    first, last, low, high = match.groups()
    letters = "ABCDEF"
    if first is None:
        reliabilities = frozenset(SourceReliability)
    else:
        span = letters[letters.index(first) : letters.index(last or first) + 1]
        if not span:
            raise ValidationError(f"grade {text!r}: the reliability range runs backwards; write e.g. A-C")
        reliabilities = frozenset(SourceReliability(c) for c in span)
    if low is None:
        credibilities = frozenset(InformationCredibility)
    else:
        numbers = range(int(low), int(high or low) + 1)
        if not numbers:
            raise ValidationError(f"grade {text!r}: the credibility range runs backwards; write e.g. 1-3")
        credibilities = frozenset(InformationCredibility(str(n)) for n in numbers)
    return GradeRange(reliabilities, credibilities)


@dataclass(frozen=True, slots=True)
class SearchQuery:
    """What to look for. ``text`` may be empty when a filter is given (then every record the
    filters keep is listed). Filters narrow the kinds they apply to and leave out the kinds they
    cannot apply to (see the README, "Search")."""

    text: str = ""
    kinds: frozenset[SearchKind] = frozenset()  # empty: every kind
    exhibit_kind: ExhibitKind | None = None
    date_from: str | None = None  # as typed: 2016, 2016-04, 2016-04-27 (in the case's zone)
    date_to: str | None = None
    tag: str | None = None
    element_id: str | None = None
    incident: str | None = None  # a ref or UUID text of an incident
    grade: str | None = None
    unlinked: bool = False
    awaiting_review: bool = False
    deleted: Deleted = Deleted.HIDE
    page: Page = DEFAULT_PAGE

    def has_filter(self) -> bool:
        return bool(
            self.kinds
            or self.exhibit_kind
            or self.date_from
            or self.date_to
            or self.tag
            or self.element_id
            or self.incident
            or self.grade
            or self.unlinked
            or self.awaiting_review
            or self.deleted is not Deleted.HIDE
        )


@dataclass(frozen=True, slots=True)
class Snippet:
    """A short piece of the matching text (already redacted) and where the matched words are in
    it, as ``(start, end)`` character offsets. ``cut_start``/``cut_end``: text was left out there."""

    text: str
    marks: tuple[tuple[int, int], ...] = ()
    cut_start: bool = False
    cut_end: bool = False

    def marked(self, open_mark: str = "[", close_mark: str = "]", ellipsis: str = "…") -> str:
        """The snippet as one line with the matched words between marks."""
        parts, done = [], 0
        for start, end in self.marks:
            parts += [self.text[done:start], open_mark, self.text[start:end], close_mark]
            done = end
        parts.append(self.text[done:])
        body = " ".join("".join(parts).split())
        return (ellipsis if self.cut_start else "") + body + (ellipsis if self.cut_end else "")


@dataclass(frozen=True, slots=True)
class SearchHit:
    kind: SearchKind
    id: UUID
    ref: str
    title: str  # redacted, like every listing
    why: str  # the field that matched ("title", "extracted text", "reasoning", ...) or "filters"
    exact: bool  # every query word found as a whole word
    snippet: Snippet | None
    deleted: bool = False
    when: datetime | None = None  # the record's own time where it has one (an incident's start)


@dataclass(frozen=True, slots=True)
class SearchResults:
    query: SearchQuery
    hits: tuple[SearchHit, ...]
    total: int  # hits on every page
    counts: dict[str, int] = field(default_factory=dict)  # per kind, on every page


# -- folding and matching ---------------------------------------------------------------------

_INSIDE_WORD = frozenset("\u0640\u200c\u200d\u2060\ufeff")


def _word_char(ch: str) -> bool:
    return ch.isalnum() or ch in _INSIDE_WORD or unicodedata.category(ch).startswith("M")


def word_spans(text: str) -> list[tuple[int, int]]:
    """The (start, end) of each word of ``text`` (letters, digits and the marks on them)."""
    spans, index, length = [], 0, len(text)
    while index < length:
        if not _word_char(text[index]):
            index += 1
            continue
        start = index
        while index < length and _word_char(text[index]):
            index += 1
        spans.append((start, index))
    return spans


def fold(word: str) -> str:
    """A word in search form: normalised as the index does, case and Latin accents folded."""
    decomposed = unicodedata.normalize("NFKD", normalise(word))
    return normalise("".join(ch for ch in decomposed if not unicodedata.combining(ch))).casefold()


def _forms(word: str) -> tuple[str, ...]:
    folded = fold(word)
    bare = strip_article(folded)
    return (folded,) if bare == folded else (folded, bare)


def query_terms(text: str) -> list[str]:
    """The words of a search text in search form (a leading Arabic article dropped when three or
    more letters remain, as :func:`caseapp.core.searchtext.query_words`); refuses a text too long."""
    if len(text) > MAX_QUERY_CHARS:
        raise ValidationError(
            f"the search text is {len(text)} characters long; the limit is {MAX_QUERY_CHARS} characters. "
            "Search for a few distinctive words instead."
        )
    terms = [strip_article(folded, min_remainder=3) for s, e in word_spans(text) if (folded := fold(text[s:e]))]
    if len(terms) > MAX_QUERY_WORDS:
        raise ValidationError(
            f"the search text has {len(terms)} words; the limit is {MAX_QUERY_WORDS} words. "
            "Search for a few distinctive words instead."
        )
    return terms


class Match(enum.IntEnum):
    NONE = 0
    PREFIX = 1
    EXACT = 2


def _term_match(term: str, forms: Iterable[tuple[str, ...]]) -> Match:
    best = Match.NONE
    for word_forms in forms:
        for form in word_forms:
            if form == term:
                return Match.EXACT
            if form.startswith(term):
                best = Match.PREFIX
    return best


def match_text(terms: Sequence[str], texts: Iterable[str]) -> Match:
    """How ``texts`` (taken together) match every term: NONE if one term is missing, EXACT if
    every term is a whole word, PREFIX otherwise."""
    if not terms:
        return Match.NONE
    forms = [_forms(text[s:e]) for text in texts if text for s, e in word_spans(text)]
    worst = Match.EXACT
    for term in terms:
        found = _term_match(term, forms)
        if found is Match.NONE:
            return Match.NONE
        worst = min(worst, found)
    return worst


# -- snippets -----------------------------------------------------------------------------------


def _edge_words(redactor: NameRedactor) -> int:
    """How many words to drop at a cut edge: a protected name cut in half there is not recognised
    by the redactor, so the words that could be its remainder are left out."""
    return max((len(phrase) for phrase, _ in redactor.phrases), default=1) - 1


def make_snippet(
    text: str,
    terms: Sequence[str],
    redactor: NameRedactor,
    *,
    cut_start: bool = False,
    cut_end: bool = False,
    width: int = SNIPPET_WORDS,
) -> Snippet:
    """A snippet of ``text`` around its first match of ``terms``, redacted first. ``cut_start`` and
    ``cut_end`` say that ``text`` is itself a piece of a longer text (then the words at a cut edge
    that could be half of a protected name are dropped)."""
    shown, _ = redactor.redact(text)
    words = word_spans(shown)
    drop = _edge_words(redactor)
    first = drop if cut_start else 0
    last = len(words) - (drop if cut_end else 0)
    if first >= last:
        return Snippet("", (), True, True)
    matched = [i for i in range(first, last) if terms and _term_match_any(terms, shown[slice(*words[i])])]
    centre = matched[0] if matched else first
    low = max(first, centre - width)
    high = min(last, centre + width + 1)
    start = words[low][0] if low > 0 or cut_start else 0
    end = words[high - 1][1] if high < len(words) or cut_end else len(shown)
    marks = tuple((words[i][0] - start, words[i][1] - start) for i in matched if low <= i < high)
    return Snippet(shown[start:end], marks, cut_start or low > first, cut_end or high < last)


def _term_match_any(terms: Sequence[str], word: str) -> bool:
    forms = _forms(word)
    return any(form.startswith(term) for term in terms for form in forms)


def from_index_form(text: str) -> str:
    """Text of the full-text index made readable again: the index adds, right after each Arabic
    word with an article, the same word without it (``الحلبي حلبي``); drop that copy."""
    parts, done = [], 0
    spans = word_spans(text)
    for (s1, e1), (s2, e2) in itertools.pairwise(spans):
        first, second = text[s1:e1], text[s2:e2]
        if text[e1:s2] == " " and second != first and strip_article(first) == second and s2 >= done:
            parts.append(text[done:e1])
            done = e2
    parts.append(text[done:])
    return "".join(parts)
