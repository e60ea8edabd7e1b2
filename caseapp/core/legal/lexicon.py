"""The search lexicon: everyday words in English, French and Arabic mapped to the crimes they point to.

The catalogue texts are English only; the lexicon (``resources/legal/search-lexicon.json``, reviewed, with its
provenance in PROVENANCE.md) lets a lawyer type "hospital", "hôpital" or "مستشفى", "siege" or "حصار", and find
the same crimes. It never changes a crime's text. Loading checks that every crime it names exists.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from caseapp.core.legal.fields import CatalogueError, Record
from caseapp.core.legal.model import Catalogue
from caseapp.core.resources import resource_path

LEXICON_FILE = "search-lexicon.json"


@dataclass(frozen=True, slots=True)
class Concept:
    """One everyday notion: its terms by language, and the crimes it points to, best first."""

    id: str
    terms: dict[str, tuple[str, ...]]
    crimes: tuple[str, ...]
    why: str

    @property
    def head(self) -> str:
        """The English head term, used to rank the crimes whose texts name it."""
        return self.terms["en"][0]


@dataclass(frozen=True, slots=True)
class Lexicon:
    status: str
    languages: tuple[str, ...]
    concepts: tuple[Concept, ...]


def load_lexicon(catalogue: Catalogue, path: Path | None = None) -> Lexicon:
    """Load the lexicon; a term list that is not text, or a crime id missing from ``catalogue``, is an error."""
    file = path or resource_path("legal", LEXICON_FILE)
    try:
        raw = Record.top(json.loads(file.read_text(encoding="utf-8")), file)
    except (OSError, ValueError) as error:
        raise CatalogueError(f"cannot read the search lexicon {file}: {error}") from error
    languages = raw.strings("languages")
    concepts: list[Concept] = []
    for c in raw.children("concepts"):
        terms_raw = c.child("terms")
        terms = {lang: terms_raw.strings(lang) for lang in languages}
        if not terms.get("en"):
            raise c.error("terms", "an object with at least one English term")
        crimes = c.strings("crimes")
        unknown = [cid for cid in crimes if catalogue.crime(cid) is None]
        if unknown:
            raise c.error("crimes", "ids of crimes in the catalogue", unknown[0])
        concepts.append(Concept(c.string("id"), terms, crimes, c.string("why")))
    return Lexicon(raw.string("status"), languages, tuple(concepts))
