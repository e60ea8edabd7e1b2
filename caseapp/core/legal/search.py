"""Full-text search over crimes, elements and footnotes, with word forms and an everyday-term lexicon.

Texts are folded (case, accents and Arabic diacritics removed, NFKC) and split into word tokens; each token is
also reduced to a light stem, so "killing" finds "killed" and "pillage" finds "pillaging". Each language is
indexed separately (only English texts ship). A query matches an entry when every one of its words is the stem
or the start of some word of the entry (``deport`` finds "deportation").

With a :class:`~caseapp.core.legal.lexicon.Lexicon`, everyday terms in any of its languages ("shelling",
"frappe aérienne", "حصار") are recognised in the query: they find the crimes the lexicon lists, ranked as the
English head term ranks them (so all three languages give the same order), and any other words of the query
must still occur in the crime. Ranking: crimes whose title or Statute text names the term first, then crimes
the lexicon maps the term to, then element matches, then footnote matches.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from caseapp.core.legal.lexicon import Concept, Lexicon
from caseapp.core.legal.model import Catalogue, Crime, Element, LocalText

_WORD = re.compile(r"\w+", re.UNICODE)
_TATWEEL = "\u0640"
# Arabic letter variants folded together: alef with hamza or madda -> alef, teh marbuta -> heh, alef maksura -> yeh.
_ARABIC_LETTERS = str.maketrans(
    {"\u0623": "\u0627", "\u0625": "\u0627", "\u0622": "\u0627", "\u0629": "\u0647", "\u0649": "\u064a"}
)
# The article and its usual proclitics: wal-, bil-, fal-, kal-, lil-, al-.
_ARABIC_PREFIXES = (
    "\u0648\u0627\u0644",
    "\u0628\u0627\u0644",
    "\u0641\u0627\u0644",
    "\u0643\u0627\u0644",
    "\u0644\u0644",
    "\u0627\u0644",
)
_ARABIC_PLURAL = "\u0627\u062a"  # -aat
_SUFFIXES = ("ations", "ation", "ments", "ment", "ings", "ing", "ies", "ed", "es", "s", "e")
_WEIGHTS = {"title": 3.0, "statute": 1.5, "lexicon": 1.2, "element": 1.0, "footnote": 0.5}


def fold(text: str) -> str:
    """Case- and accent-insensitive form of a text (also drops Arabic harakat and tatweel)."""
    decomposed = unicodedata.normalize("NFKD", text.replace(_TATWEEL, ""))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFKC", stripped).casefold()


def tokens(text: str) -> list[str]:
    return _WORD.findall(fold(text))


def stem(word: str) -> str:
    """A light stem of one folded word: English/French suffixes, Arabic article and letter variants."""
    word = fold(word)
    if not word.isascii():
        word = word.translate(_ARABIC_LETTERS)
        for prefix in _ARABIC_PREFIXES:
            if word.startswith(prefix) and len(word) - len(prefix) >= 3:
                word = word[len(prefix) :]
                break
        return word[:-2] if word.endswith(_ARABIC_PLURAL) and len(word) > 4 else word
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4 and not word.endswith("ss"):
            word = word[: -len(suffix)]
            break
    if len(word) > 4 and word[-1] == word[-2] and word[-1] not in "lsz":
        word = word[:-1]  # "stopp" -> "stop", but "kill" stays
    return word[:-1] if word.endswith("e") and len(word) > 4 else word


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One match: the crime, the element that matched (if any), and where: title, statute, element, footnote
    or lexicon (an everyday term the lexicon maps to this crime)."""

    crime_id: str
    element_id: str | None
    score: float
    snippet: str
    source: str = "text"


@dataclass(frozen=True, slots=True)
class _Entry:
    crime_id: str
    element_id: str | None
    source: str
    words: frozenset[str]
    stems: frozenset[str]
    text: str


def _matches(terms: list[str], words: frozenset[str], stems: frozenset[str]) -> int:
    """2 per exact or same-stem word, 1 per prefix match; 0 if any term is missing."""
    score = 0
    for term in terms:
        if term in words or stem(term) in stems:
            score += 2
        elif any(word.startswith(term) for word in words):
            score += 1
        else:
            return 0
    return score


class SearchIndex:
    """An in-memory index of one catalogue in one language, with an optional everyday-term lexicon."""

    def __init__(self, catalogue: Catalogue, language: str = "en", lexicon: Lexicon | None = None) -> None:
        self.language = language
        self.lexicon = lexicon
        self._catalogue = catalogue
        self._entries: list[_Entry] = []
        self._crime_words: dict[str, tuple[set[str], set[str]]] = {}
        for crime in catalogue:
            self._add_crime(crime)

    def _text(self, text: LocalText) -> str:
        return text.get(self.language) or ""

    def _add(self, crime_id: str, element_id: str | None, source: str, texts: Iterable[str]) -> None:
        joined = " ".join(t for t in texts if t)
        if not joined:
            return
        words = frozenset(tokens(joined))
        stems = frozenset(stem(w) for w in words)
        self._entries.append(_Entry(crime_id, element_id, source, words, stems, joined))
        all_words, all_stems = self._crime_words.setdefault(crime_id, (set(), set()))
        all_words |= words
        all_stems |= stems

    def _add_crime(self, crime: Crime) -> None:
        self._add(crime.id, None, "title", [crime.id, self._text(crime.title)])
        self._add(crime.id, None, "statute", [self._text(crime.statute_text)])
        for element in crime.elements:
            self._add(crime.id, element.id, "element", [_element_text(element, self.language)])
        cited: dict[int, str | None] = {n: None for n in (*crime.heading_footnotes, *crime.paragraph_footnotes)}
        for element in crime.elements:
            for n in (*element.footnotes, *(f for alt in element.alternatives for f in alt.footnotes)):
                cited.setdefault(n, element.id)
        for number, element_id in cited.items():
            note = self._catalogue.footnotes.get(number)
            if note is not None:
                self._add(crime.id, element_id, "footnote", [self._text(note.text)])

    def _text_hits(self, terms: list[str]) -> list[SearchHit]:
        hits: list[SearchHit] = []
        for entry in self._entries:
            matched = _matches(terms, entry.words, entry.stems)
            if matched:
                score = _WEIGHTS[entry.source] * matched
                hits.append(SearchHit(entry.crime_id, entry.element_id, score, _snippet(entry.text), entry.source))
        return hits

    def concepts_in(self, query: str) -> list[tuple[Concept, set[str]]]:
        """The lexicon concepts whose terms (in any language) occur in the query, with the query words they use."""
        if self.lexicon is None:
            return []
        stems = {stem(t): t for t in tokens(query)}
        found: list[tuple[Concept, set[str]]] = []
        for concept in self.lexicon.concepts:
            used: set[str] = set()
            for terms in concept.terms.values():
                for term in terms:
                    needed = [stem(t) for t in tokens(term)]
                    if needed and all(s in stems for s in needed):
                        used |= {stems[s] for s in needed}
            if used:
                found.append((concept, used))
        return found

    def search(self, query: str, limit: int | None = None) -> list[SearchHit]:
        """Entries matching every word of ``query``, best first (see the module docstring for the ranking)."""
        terms = tokens(query)
        if not terms:
            return []
        hits = self._text_hits(terms)
        for concept, used in self.concepts_in(query):
            rest = [t for t in terms if t not in used]
            for hit in self._text_hits([*tokens(concept.head), *rest]):
                hits.append(SearchHit(hit.crime_id, hit.element_id, hit.score, hit.snippet, hit.source))
            for rank, crime_id in enumerate(concept.crimes):
                words, stems = self._crime_words.get(crime_id, (set(), set()))
                if rest and not _matches(rest, frozenset(words), frozenset(stems)):
                    continue
                score = _WEIGHTS["lexicon"] * 2 - rank * 0.01
                hits.append(
                    SearchHit(crime_id, None, score, f"everyday term: {concept.head} — {concept.why}", "lexicon")
                )
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
