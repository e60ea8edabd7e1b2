"""Load the shipped catalogue (``resources/legal/catalogue.json``) into immutable objects.

The file is built by ``resources/legal/tools/build_catalogue.py`` from the attributed upstream
copies beside it. Loading checks the structure and fails loudly: a damaged catalogue must never
be shown as if it were complete.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path
from types import MappingProxyType

from caseapp.core.legal.fields import CatalogueError, Record, describe
from caseapp.core.legal.model import (
    Alternative,
    Catalogue,
    Conflict,
    ContextualElement,
    ContextualGroup,
    Crime,
    Element,
    Footnote,
    Introduction,
    IntroParagraph,
    LiabilityElement,
    LiabilityMode,
    LocalText,
    MentalElement,
    Provision,
    Role,
    Source,
    Verification,
    VerificationStatus,
)
from caseapp.core.resources import resource_path

CATALOGUE_FILE = "catalogue.json"
SUPPORTED_SCHEMA = 1


__all__ = ["CATALOGUE_FILE", "SUPPORTED_SCHEMA", "CatalogueError", "load_catalogue"]


@functools.cache
def load_catalogue(path: Path | None = None) -> Catalogue:
    """Load and cache the catalogue; ``path`` overrides the shipped file (tests).

    A field of the wrong type raises :class:`CatalogueError` naming the file, the record and the field."""
    file = path or resource_path("legal", CATALOGUE_FILE)
    try:
        raw = json.loads(file.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise CatalogueError(f"cannot read the legal catalogue {file}: {error}") from error
    try:
        return _build(Record.top(raw, file))
    except (KeyError, ValueError) as error:
        raise CatalogueError(f"the legal catalogue {file} is malformed: {error}") from error


def _local(record: Record, key: str, value: object) -> LocalText:
    """A plain string is English; an object ``{"en": ..., "fr": ...}`` of texts holds several languages."""
    if isinstance(value, str):
        return LocalText.english(value)
    if isinstance(value, dict) and "en" in value and all(isinstance(v, str) for v in value.values()):
        return LocalText(tuple((str(k), v) for k, v in value.items()))
    raise record.error(key, "a text or an object of texts by language with an 'en' entry", value)


def _text(record: Record, key: str) -> LocalText:
    return _local(record, key, record.raw(key))


def _verification(record: Record) -> Verification:
    return Verification(record.member("status", VerificationStatus), record.string("note"))


def _build(raw: Record) -> Catalogue:
    schema = raw.data.get("schema")
    if isinstance(schema, bool) or schema != SUPPORTED_SCHEMA:
        raise raw.error("schema", f"the number {SUPPORTED_SCHEMA} (the catalogue format this caseapp reads)")
    sources: dict[str, Source] = {}
    for key, value in raw.entries("sources"):
        if not isinstance(value, dict):
            raise raw.error("sources", f"an object of objects (entry '{key}' is {describe(value)})", value)
        entry = Record(value, raw.file, f"sources['{key}']")
        sources[key] = Source(key, entry.string("title"), entry.string("where"), entry.string("licence"))

    def srcs(record: Record) -> tuple[Source, ...]:
        keys = record.strings("sources")
        unknown = [k for k in keys if k not in sources]
        if unknown:
            raise record.error("sources", "a list of keys of the top-level 'sources' object", unknown[0])
        return tuple(sources[k] for k in keys)

    footnotes: dict[int, Footnote] = {}
    for key, value in raw.entries("footnotes"):
        if not key.isdigit():
            raise raw.error("footnotes", f"an object keyed by footnote numbers (found the key {key!r})", value)
        footnotes[int(key)] = Footnote(int(key), _local(raw, f"footnotes.{key}", value))
    groups = tuple(
        ContextualGroup(
            id=g.string("id"),
            article=g.string("article"),
            title=g.string("title"),
            note=g.string("note"),
            elements=tuple(ContextualElement(e.string("id"), _text(e, "text")) for e in g.children("elements")),
            sources=srcs(g),
        )
        for g in raw.children("contextual_groups")
    )
    crimes = tuple(_crime(c, srcs(c)) for c in raw.children("crimes"))
    by_id: dict[str, Crime] = {}
    elements: dict[str, Element] = {}
    for crime in crimes:
        if crime.id in by_id:
            raise ValueError(f"duplicate crime id {crime.id}")
        by_id[crime.id] = crime
        for element in crime.elements:
            if element.id in elements:
                raise ValueError(f"duplicate element id {element.id}")
            elements[element.id] = element
    modes = tuple(
        LiabilityMode(
            id=m.string("id"),
            label=m.string("label"),
            provision=m.string("provision"),
            statute_text=_text(m, "statute_text"),
            elements=tuple(LiabilityElement(e.string("id"), _text(e, "text")) for e in m.children("elements")),
            verification=_verification(m.child("verification")),
            sources=srcs(m),
        )
        for m in raw.children("modes_of_liability")
    )
    introductions = tuple(
        Introduction(
            article=i.string("article"),
            title=i.string("title"),
            paragraphs=tuple(
                IntroParagraph(p.string("label"), _text(p, "text"), p.integers("footnotes"), p.integer("level"))
                for p in i.children("paragraphs")
            ),
        )
        for i in raw.children("introductions", "article")
    )
    clause_raw = raw.child("leadership_clause")
    clause = Provision(
        provision=clause_raw.string("provision"),
        title=clause_raw.string("title"),
        text=_text(clause_raw, "text"),
        applies_to=clause_raw.strings("applies_to"),
        sources=srcs(clause_raw),
    )
    mental_raw = raw.child("mental_element")
    mental = MentalElement(
        article=mental_raw.string("article"),
        title=mental_raw.string("title"),
        text=_text(mental_raw, "text"),
        note=mental_raw.string("note"),
        sources=srcs(mental_raw),
    )
    return Catalogue(
        edition=raw.string("edition"),
        languages=raw.strings("languages"),
        crimes=crimes,
        contextual_groups=groups,
        modes_of_liability=modes,
        mental_element=mental,
        footnotes=MappingProxyType(footnotes),
        sources=MappingProxyType(sources),
        corrections=raw.strings("corrections"),
        introductions=introductions,
        leadership_clause=clause,
        _by_id=MappingProxyType(by_id),
        _elements=MappingProxyType(elements),
    )


def _crime(c: Record, sources: tuple[Source, ...]) -> Crime:
    cid = c.string("id")
    elements = tuple(
        Element(
            id=e.string("id"),
            crime_id=cid,
            number=e.integer("n"),
            text=_text(e, "text"),
            role=e.member("role", Role),
            footnotes=e.integers("footnotes"),
            alternatives=tuple(
                Alternative(a.string("letter"), _text(a, "text"), a.integers("footnotes"))
                for a in e.children("alternatives", "letter", optional=True)
            ),
            context_ref=e.opt_string("context_ref"),
            note=e.opt_string("note"),
        )
        for e in c.children("elements")
    )
    return Crime(
        id=cid,
        article=c.string("article"),
        paragraph=c.string("paragraph"),
        statute_ref=c.string("statute_ref"),
        title=_text(c, "title"),
        statute_text=_text(c, "statute_text"),
        conflict=c.opt_member("conflict", Conflict),
        amendment=c.opt_string("amendment"),
        contextual_group=c.opt_string("contextual_group"),
        elements_available=c.flag("elements_available"),
        elements=elements,
        heading_footnotes=c.integers("heading_footnotes"),
        introduction=c.strings("introduction"),
        sources=sources,
        verification=_verification(c.child("verification")),
        notes=c.strings("notes"),
        statute_text_note=c.opt_string("statute_text_note"),
        paragraph_footnotes=c.integers("paragraph_footnotes"),
    )
