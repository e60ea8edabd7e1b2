"""Load the shipped catalogue (``resources/legal/catalogue.json``) into immutable objects.

The file is built by ``resources/legal/tools/build_catalogue.py`` from the attributed upstream
copies beside it. Loading checks the structure and fails loudly: a damaged catalogue must never
be shown as if it were complete.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any

from caseapp.core.errors import CaseAppError
from caseapp.core.legal.model import (
    Alternative,
    Catalogue,
    Conflict,
    ContextualElement,
    ContextualGroup,
    Crime,
    Element,
    Footnote,
    LiabilityElement,
    LiabilityMode,
    LocalText,
    MentalElement,
    Role,
    Source,
    Verification,
    VerificationStatus,
)
from caseapp.core.resources import resource_path

CATALOGUE_FILE = "catalogue.json"
SUPPORTED_SCHEMA = 1


class CatalogueError(CaseAppError):
    """The shipped legal data is missing or malformed (a packaging fault, not a user error)."""


@functools.cache
def load_catalogue(path: Path | None = None) -> Catalogue:
    """Load and cache the catalogue; ``path`` overrides the shipped file (tests)."""
    file = path or resource_path("legal", CATALOGUE_FILE)
    try:
        raw = json.loads(file.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise CatalogueError(f"cannot read the legal catalogue {file}: {error}") from error
    try:
        return _build(raw)
    except (KeyError, TypeError, ValueError) as error:
        raise CatalogueError(f"the legal catalogue {file} is malformed: {error!r}") from error


def _text(value: Any) -> LocalText:
    """A plain string is English; a mapping ``{"en": ..., "fr": ...}`` holds several languages."""
    if isinstance(value, str):
        return LocalText.english(value)
    if isinstance(value, Mapping):
        if "en" not in value:
            raise ValueError("a translated text needs its English version")
        return LocalText(tuple((str(k), str(v)) for k, v in value.items()))
    raise TypeError(f"expected text, got {type(value).__name__}")


def _verification(raw: Mapping[str, Any]) -> Verification:
    return Verification(VerificationStatus(raw["status"]), str(raw["note"]))


def _build(raw: Mapping[str, Any]) -> Catalogue:
    if raw.get("schema") != SUPPORTED_SCHEMA:
        raise ValueError(f"unsupported catalogue schema {raw.get('schema')!r}")
    sources = {
        key: Source(key, str(v["title"]), str(v["where"]), str(v["licence"])) for key, v in raw["sources"].items()
    }

    def srcs(keys: list[str]) -> tuple[Source, ...]:
        return tuple(sources[k] for k in keys)

    footnotes = {int(k): Footnote(int(k), _text(v)) for k, v in raw["footnotes"].items()}
    groups = tuple(
        ContextualGroup(
            id=g["id"],
            article=g["article"],
            title=g["title"],
            note=g["note"],
            elements=tuple(ContextualElement(e["id"], _text(e["text"])) for e in g["elements"]),
            sources=srcs(g["sources"]),
        )
        for g in raw["contextual_groups"]
    )
    crimes = tuple(_crime(c, srcs(c["sources"])) for c in raw["crimes"])
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
            id=m["id"],
            label=m["label"],
            provision=m["provision"],
            statute_text=_text(m["statute_text"]),
            elements=tuple(LiabilityElement(e["id"], _text(e["text"])) for e in m["elements"]),
            verification=_verification(m["verification"]),
            sources=srcs(m["sources"]),
        )
        for m in raw["modes_of_liability"]
    )
    mental_raw = raw["mental_element"]
    mental = MentalElement(
        article=mental_raw["article"],
        title=mental_raw["title"],
        text=_text(mental_raw["text"]),
        note=mental_raw["note"],
        sources=srcs(mental_raw["sources"]),
    )
    return Catalogue(
        edition=str(raw["edition"]),
        languages=tuple(raw["languages"]),
        crimes=crimes,
        contextual_groups=groups,
        modes_of_liability=modes,
        mental_element=mental,
        footnotes=MappingProxyType(footnotes),
        sources=MappingProxyType(sources),
        corrections=tuple(str(c) for c in raw["corrections"]),
        _by_id=MappingProxyType(by_id),
        _elements=MappingProxyType(elements),
    )


def _crime(c: Mapping[str, Any], sources: tuple[Source, ...]) -> Crime:
    cid = str(c["id"])
    elements = tuple(
        Element(
            id=str(e["id"]),
            crime_id=cid,
            number=int(e["n"]),
            text=_text(e["text"]),
            role=Role(e["role"]),
            footnotes=tuple(int(n) for n in e["footnotes"]),
            alternatives=tuple(
                Alternative(str(a["letter"]), _text(a["text"]), tuple(int(n) for n in a["footnotes"]))
                for a in e.get("alternatives", [])
            ),
            context_ref=e.get("context_ref"),
            note=e.get("note"),
        )
        for e in c["elements"]
    )
    return Crime(
        id=cid,
        article=str(c["article"]),
        paragraph=str(c["paragraph"]),
        statute_ref=str(c["statute_ref"]),
        title=_text(c["title"]),
        statute_text=_text(c["statute_text"]),
        conflict=Conflict(c["conflict"]) if c.get("conflict") else None,
        amendment=c.get("amendment"),
        contextual_group=c.get("contextual_group"),
        elements_available=bool(c["elements_available"]),
        elements=elements,
        heading_footnotes=tuple(int(n) for n in c["heading_footnotes"]),
        introduction=tuple(str(t) for t in c["introduction"]),
        sources=sources,
        verification=_verification(c["verification"]),
        notes=tuple(str(n) for n in c["notes"]),
        statute_text_note=c.get("statute_text_note"),
    )
