"""Replacing the real names of protected and confidential persons by their pseudonyms in free text.

People type names where no field asks for them: into notes, exhibit titles, link reasoning, a
charge's analysis; and imported files contain them. Anything that leaves the case (the export
view, :mod:`caseapp.core.export_view`) and every listing the services return passes its text
through a :class:`NameRedactor`, so a name typed anywhere shows only as ``W-001``.

What is replaced, for each person whose protection is not ``none`` and who has a real name:

- the full name as a whole phrase, and every run of two or more of its words (``Mohammad Ahmad
  al-Halabi`` also catches ``Ahmad al-Halabi``), and its first word with its last (``Mohammad
  al-Halabi``: the usual short form); longer phrases first;
- matched word by word on folded forms, so spelling variants match: each word is folded as
  :func:`caseapp.core.searchtext.normalise` does (NFKC, tashkeel and tatweel removed, hamza forms,
  alef maqsura, taa marbuta folded), Latin accents and case folded too, and a leading Arabic
  article (``ال``, ``بال`` ...) dropped on both sides, so ``محمّد احمد حلبى`` matches
  ``محمد أحمد الحلبي``; a single attached proclitic (``و ف ب ل ك``) before the first word is kept
  in the text and the rest replaced (``ومحمد الحلبي`` → ``وW-001``);
- words of a phrase may be separated by spaces, line breaks, hyphens, dots, apostrophes and
  invisible formatting characters (bidi marks, zero-width spaces).

Not replaced (limits, stated so the user knows): a single word of a name on its own (a given
name alone, ``محمد``, would blank out everyone sharing it; write the pseudonym instead), a name
spelt in another script (``Mohammad`` for ``محمد``), nicknames and descriptions that identify
someone without naming them. Names of persons whose protection is ``none`` (usually suspects)
stay.
"""

from __future__ import annotations

import dataclasses
import enum
import functools
import itertools
import re
import unicodedata
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, TypeVar

from caseapp.core.entities import Person, ProtectionLevel
from caseapp.core.searchtext import normalise, strip_article

_INSIDE_WORD = frozenset("\u0640\u200c\u200d\u2060\ufeff")  # tatweel, zero-width (non-)joiners, WJ, BOM
_GAP_CHARS = frozenset(".-'`_\u2018\u2019\u00a0\u200b\u061c\u200e\u200f")  # also curly apostrophes
_PROCLITICS = frozenset("وفبلك")
_PHRASE_MIN_WORDS = 2
_ASCII_WORD = re.compile(r"[A-Za-z0-9]+")
_FOLDED_MAX = 50_000  # words a redactor remembers folded

T = TypeVar("T")


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch in _INSIDE_WORD or unicodedata.category(ch).startswith("M")


def fold_word(word: str) -> str:
    """The form in which two spellings of one word compare equal (see the module docstring)."""
    if word.isascii():
        return word.lower()  # what the steps below give for ASCII, in a fraction of the time
    decomposed = unicodedata.normalize("NFKD", normalise(word))
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return strip_article(normalise(bare).casefold())


@dataclass(frozen=True, slots=True)
class _Token:
    start: int
    end: int
    key: str
    bare_key: str | None  # the key without a one-letter proclitic, when it has one


def _tokens(text: str, fold: Callable[[str], str] = fold_word) -> list[_Token]:
    if text.isascii():  # its word characters are exactly the ASCII letters and digits
        return [_Token(m.start(), m.end(), m.group().lower(), None) for m in _ASCII_WORD.finditer(text)]
    tokens = []
    index, length = 0, len(text)
    while index < length:
        if not _is_word_char(text[index]):
            index += 1
            continue
        start = index
        while index < length and _is_word_char(text[index]):
            index += 1
        word = text[start:index]
        bare = fold(word[1:]) if word[0] in _PROCLITICS and len(word) > 3 else None
        tokens.append(_Token(start, index, fold(word), bare))
    return tokens


def _gap_allowed(gap: str) -> bool:
    return all(ch.isspace() or ch in _GAP_CHARS or unicodedata.category(ch) == "Cf" for ch in gap)


def name_phrases(full_name: str) -> list[tuple[str, ...]]:
    """The folded word sequences that stand for a name: the whole, its runs of two or more
    words, and its first word with its last."""
    words = tuple(t.key for t in _tokens(full_name) if t.key)
    if len(words) < _PHRASE_MIN_WORDS:
        return [words] if words else []
    phrases = {words[i:j] for i in range(len(words)) for j in range(i + _PHRASE_MIN_WORDS, len(words) + 1)}
    phrases.add((words[0], words[-1]))
    return sorted(phrases, key=len, reverse=True)


@dataclass(slots=True)
class NameRedactor:
    """Replaces protected names by pseudonyms; build it with :meth:`for_persons`."""

    phrases: list[tuple[tuple[str, ...], str]] = field(default_factory=list)
    """(folded words, pseudonym), longest first."""
    _first_words: set[str] = field(default_factory=set)
    _folded: dict[str, str] = field(default_factory=dict)
    """Words already folded by this redactor (a page of a listing repeats many)."""
    _ascii_gate: re.Pattern[str] | None = None
    """Finds any first word that is ASCII as a whole word of an ASCII text; an ASCII text it does
    not find in holds no name (its words are exactly its letter and digit runs, lower-cased), so
    most fields of a listing (refs, hashes, dates, types, English titles) are passed in one search."""

    def __post_init__(self) -> None:
        ascii_words = sorted((w for w in self._first_words if w.isascii() and w.isalnum()), key=len, reverse=True)
        if ascii_words:
            alternatives = "|".join(re.escape(word) for word in ascii_words)
            self._ascii_gate = re.compile(
                rf"(?<![A-Za-z0-9])(?:{alternatives})(?![A-Za-z0-9])", re.ASCII | re.IGNORECASE
            )

    @classmethod
    def for_persons(cls, persons: Iterable[Person]) -> NameRedactor:
        """A redactor for every person (deleted ones too: their names stay in old text) whose
        protection is not ``none``. ``persons`` must carry real names (read from the store, not
        through a service listing, which hides them); the aliases of those carrying their ``identity``
        are replaced too."""
        entries: list[tuple[tuple[str, ...], str]] = []
        for person in persons:
            if person.protection is ProtectionLevel.NONE:
                continue
            aliases = person.identity.aliases if person.identity is not None else ()
            for name in (person.full_name or "", *aliases):
                if name:
                    entries.extend((phrase, person.ref) for phrase in name_phrases(name))
        entries.sort(key=lambda entry: len(entry[0]), reverse=True)
        return cls(entries, {phrase[0] for phrase, _ in entries})

    def __bool__(self) -> bool:
        return bool(self.phrases)

    def redact(self, text: str) -> tuple[str, int]:
        """``text`` with every protected name replaced by its pseudonym, and how many were replaced."""
        if not self.phrases or not text:
            return text, 0
        if text.isascii() and (self._ascii_gate is None or self._ascii_gate.search(text) is None):
            return text, 0
        tokens = _tokens(text, self._fold)
        if not any(t.key in self._first_words or t.bare_key in self._first_words for t in tokens):
            return text, 0
        parts: list[str] = []
        done, count, index = 0, 0, 0
        while index < len(tokens):
            found = self._match(text, tokens, index)
            if found is None:
                index += 1
                continue
            words, pseudonym, kept = found
            first, last = tokens[index], tokens[index + words - 1]
            parts.append(text[done : first.start + kept])
            parts.append(pseudonym)
            done, count, index = last.end, count + 1, index + words
        parts.append(text[done:])
        return "".join(parts), count

    def _fold(self, word: str) -> str:
        folded = self._folded.get(word)
        if folded is None:
            if len(self._folded) >= _FOLDED_MAX:
                self._folded.clear()
            folded = self._folded[word] = fold_word(word)
        return folded

    def _match(self, text: str, tokens: list[_Token], index: int) -> tuple[int, str, int] | None:
        """(words matched, pseudonym, characters of proclitic kept) of the longest phrase at ``index``."""
        head = tokens[index]
        for phrase, pseudonym in self.phrases:
            size = len(phrase)
            if index + size > len(tokens):
                continue
            if head.key == phrase[0]:
                kept = 0
            elif head.bare_key == phrase[0]:
                kept = 1
            else:
                continue
            window = tokens[index : index + size]
            if all(t.key == word for t, word in zip(window[1:], phrase[1:], strict=True)) and all(
                _gap_allowed(text[a.end : b.start]) for a, b in itertools.pairwise(window)
            ):
                return size, pseudonym, kept
        return None


@dataclass(slots=True)
class RecordRedaction:
    """Applies a redactor to every string a record holds, counting replacements per ``REF.field``."""

    redactor: NameRedactor
    counts: dict[str, int] = field(default_factory=dict)

    def value(self, value: Any, where: str) -> Any:
        """``value`` with names replaced in every string it holds (enums and numbers as they are)."""
        kind = type(value)
        if kind in _PLAIN or isinstance(value, enum.Enum) or not self.redactor:
            return value
        if kind is str or isinstance(value, str):
            text, count = self.redactor.redact(value)
            if count:
                self.counts[where] = self.counts.get(where, 0) + count
            return text
        if isinstance(value, (tuple, list)):
            return type(value)(self.value(item, where) for item in value)
        if isinstance(value, dict):
            return {key: self.value(item, where) for key, item in value.items()}
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            return self.record(value, where)
        return value

    def record(self, record: T, ref: str | None = None) -> T:
        """A dataclass with names replaced in each field; counted as ``REF.field`` (a ``ref``
        holding a dot, such as ``CHG-1.gaps``, counts every field under it)."""
        if not self.redactor:
            return record
        values = {}
        record_type: type = type(record)
        for name in _field_names(record_type):
            old = getattr(record, name)
            if type(old) in _PLAIN:
                continue
            where = f"{ref}.{name}" if ref is not None and "." not in ref else (ref or name)
            new = self.value(old, where)
            if new != old:
                values[name] = new
        return dataclasses.replace(record, **values) if values else record  # type: ignore[type-var]


_PLAIN = frozenset({type(None), bool, int, float, uuid.UUID, datetime, date})
"""Types that hold no text: passed as they are, without a look inside."""


@functools.cache
def _field_names(record_type: type) -> tuple[str, ...]:
    return tuple(item.name for item in dataclasses.fields(record_type))
