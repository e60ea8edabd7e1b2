"""What the search index holds for the records other than exhibits, and how a search uses it.

Persons, incidents, sources, charges, element links, links and notes each have one row in an
encrypted FTS5 index inside the case database (``record_text``), written by the storage layer in
the same transaction as the record. The row holds the words of the record's searchable fields
(:func:`search_fields`, the very fields the search matches) in search form: each word as
:func:`caseapp.core.search.fold` gives it, and also without a leading Arabic article.

The index only narrows which records are read: a record is found when its index row holds every
query word as a word start; the search then matches the record itself as before
(:func:`caseapp.core.search.match_text`), so the index can never add a hit nor change one. For that
it must never leave out a record the search would find: every query word sent to it
(:func:`index_words`) is made of letters and digits only, and the index's tokenizer treats both
sides alike, code point by code point, so a word start in search form stays a word start there.

Protected persons: their row holds their pseudonym and role only, never their name or description
(as the search, which never matches them), so a search by a protected name cannot find the person.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from caseapp.core.analysis import Charge, ElementLink
from caseapp.core.entities import Incident, Link, Note, Person, ProtectionLevel, Source
from caseapp.core.refs import RefKind
from caseapp.core.search import fold, word_spans
from caseapp.core.searchtext import strip_article

INDEXED_KINDS = frozenset(
    {
        RefKind.PERSON,
        RefKind.INCIDENT,
        RefKind.SOURCE,
        RefKind.CHARGE,
        RefKind.ELEMENT_LINK,
        RefKind.LINK,
        RefKind.NOTE,
    }
)

Fields = list[tuple[str, str]]


def person_fields(person: Person) -> Fields:
    """A person's searchable fields: pseudonym and role; name and description only for a person
    whose protection is "none" (a protected name never finds the person)."""
    fields = [("pseudonym", person.ref), ("role", person.role.value)]
    if person.protection is ProtectionLevel.NONE:
        fields += [("name", person.full_name or ""), ("description", person.description)]
    return fields


def incident_fields(incident: Incident) -> Fields:
    return [("title", incident.title), ("place", incident.place_name), ("description", incident.description)]


def source_fields(source: Source) -> Fields:
    return [("name", source.name), ("grading", source.grading), ("description", source.description)]


def charge_fields(charge: Charge) -> Fields:
    return [("crime", charge.crime_id), ("analysis", charge.analysis)]


def element_link_fields(link: ElementLink) -> Fields:
    quote = link.excerpt.quote if link.excerpt else ""
    return [("element", link.element_id), ("reasoning", link.reasoning), ("quoted words", quote)]


def link_fields(link: Link) -> Fields:
    return [("reasoning", link.reasoning)]


def note_fields(note: Note) -> Fields:
    return [("note", note.text)]


_FIELDS: dict[type, Callable[[Any], Fields]] = {
    Person: person_fields,
    Incident: incident_fields,
    Source: source_fields,
    Charge: charge_fields,
    ElementLink: element_link_fields,
    Link: link_fields,
    Note: note_fields,
}


def search_fields(record: object) -> Fields | None:
    """The (why, text) fields a search matches in ``record``, best first; None for a kind the
    record index does not hold (exhibits have their own)."""
    fields = _FIELDS.get(type(record))
    return None if fields is None else fields(record)


def index_text(texts: Iterable[str]) -> str:
    """The index row for these texts: every word in search form, and without a leading article
    where that differs (the two forms :func:`caseapp.core.search.match_text` compares with)."""
    words: list[str] = []
    for text in texts:
        for start, end in word_spans(text or ""):
            folded = fold(text[start:end])
            if not folded:
                continue
            words.append(folded)
            bare = strip_article(folded)
            if bare != folded:
                words.append(bare)
    return " ".join(words)


def _letters_and_digits(term: str) -> bool:
    return bool(term) and all(unicodedata.category(ch)[0] in "LN" for ch in term)


def index_words(terms: Sequence[str]) -> tuple[str, ...]:
    """The query terms (search form, :func:`caseapp.core.search.query_terms`) the index can be
    asked for without losing a hit: those made of letters and digits only. Empty: read every
    record (the search then matches them all, as without an index)."""
    return tuple(dict.fromkeys(term for term in terms if _letters_and_digits(term)))
