"""Full-text search over crimes and elements.

Texts are folded (case, accents and Arabic diacritics removed, NFKC) and split into word tokens, so
the same index works for English now and French or Arabic texts later: each language is indexed
separately and a query is matched against the language asked for. A query matches when every one
of its words is the start of some word of the entry (``deport`` finds "deportation").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from caseapp.core.legal.model import Catalogue, Crime, Element, LocalText

_WORD = re.compile(r"\w+", re.UNICODE)
_TATWEEL = "\u0640"


def fold(text: str) -> str:
    """Case- and accent-insensitive form of a text (also drops Arabic harakat and tatweel)."""
    decomposed = unicodedata.normalize("NFKD", text.replace(_TATWEEL, ""))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFKC", stripped).casefold()


def tokens(text: str) -> list[str]:
    return _WORD.findall(fold(text))


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One match: the crime, and the element that matched if the match was in an element."""

    crime_id: str
    element_id: str | None
    score: float
    snippet: str


@dataclass(frozen=True, slots=True)
class _Entry:
    crime_id: str
    element_id: str | None
    weight: float
    words: frozenset[str]
    text: str


class SearchIndex:
    """An in-memory index of one catalogue in one language."""

    def __init__(self, catalogue: Catalogue, language: str = "en") -> None:
        self.language = language
        self._entries: list[_Entry] = []
        for crime in catalogue:
            self._add_crime(crime, language)

    def _text(self, text: LocalText) -> str:
        return text.get(self.language) or ""

    def _add(self, crime_id: str, element_id: str | None, weight: float, texts: Iterable[str]) -> None:
        joined = " ".join(t for t in texts if t)
        if joined:
            self._entries.append(_Entry(crime_id, element_id, weight, frozenset(tokens(joined)), joined))

    def _add_crime(self, crime: Crime, language: str) -> None:
        self._add(crime.id, None, 3.0, [crime.id, self._text(crime.title)])
        self._add(crime.id, None, 1.5, [self._text(crime.statute_text)])
        for element in crime.elements:
            self._add(crime.id, element.id, 1.0, [_element_text(element, language)])

    def search(self, query: str, limit: int | None = None) -> list[SearchHit]:
        """Entries matching every word of ``query``, best first (title matches rank above element matches)."""
        terms = tokens(query)
        if not terms:
            return []
        hits: list[SearchHit] = []
        for entry in self._entries:
            matched = 0
            for term in terms:
                if term in entry.words:
                    matched += 2
                elif any(word.startswith(term) for word in entry.words):
                    matched += 1
                else:
                    break
            else:
                hits.append(SearchHit(entry.crime_id, entry.element_id, entry.weight * matched, _snippet(entry.text)))
        hits.sort(key=lambda h: -h.score)
        return hits[:limit] if limit is not None else hits

    def matching_crimes(self, query: str) -> list[str]:
        """Ids of crimes with at least one match, best first, each once."""
        seen: dict[str, None] = {}
        for hit in self.search(query):
            seen.setdefault(hit.crime_id, None)
        return list(seen)


def _element_text(element: Element, language: str) -> str:
    parts = [element.text.get(language) or ""]
    parts.extend(alt.text.get(language) or "" for alt in element.alternatives)
    return " ".join(p for p in parts if p)


def _snippet(text: str, width: int = 160) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1].rstrip() + "…"
