"""Parse and normalise the ids people type for crimes and elements (``8(2)(e)(i)``, ``7(1)(g)-1``, ``8 bis``)."""

from __future__ import annotations

import re

from caseapp.core.errors import ValidationError

_ROMAN = r"(?=[ivx])(?:x{0,2}(?:ix|iv|v?i{0,3}))"
_CRIME_RE = re.compile(
    r"^(?:"
    r"6(?:\([a-e]\))?"
    r"|7(?:\(1\)(?:\([a-k]\)(?:-[1-9])?)?)?"
    rf"|8(?:\(2\)(?:\([a-e]\)(?:\({_ROMAN}\)(?:-[1-9])?)?)?)?"
    r"|8 bis"
    r")$"
)
_ELEMENT_RE = re.compile(r"^(?P<crime>.+)-(?P<n>[1-9][0-9]?)$")


def normalise_ref(value: str) -> str:
    """Canonical spelling of a crime or provision reference: no spaces, lower case, ``8 bis``.

    Accepts ``8(2)(E)(I)``, ``8 (2) (e) (i)``, ``8bis``, ``Art. 7``. Does not check that it exists.
    """
    text = value.strip().lower()
    text = re.sub(r"^(?:article|art\.?)\s*", "", text)
    text = re.sub(r"\s+", "", text)
    text = re.sub(r"^8bis$", "8 bis", text)
    return text


def parse_crime_ref(value: str) -> str:
    """Return the canonical form of a crime or provision reference, or raise naming the bad value."""
    ref = normalise_ref(value)
    if not ref or not _CRIME_RE.match(ref):
        raise ValidationError(
            f"'{value}' is not a crime reference of the Rome Statute; "
            "write it like 6(a), 7(1)(d), 7(1)(g)-1, 8(2)(b)(iv), 8(2)(e)(i) or 8 bis"
        )
    return ref


def split_element_id(value: str) -> tuple[str, int] | None:
    """``7(1)(g)-1-2`` -> (``7(1)(g)-1``, 2); ``7(1)(a)-1`` -> (``7(1)(a)``, 1). None if no number suffix."""
    match = _ELEMENT_RE.match(normalise_ref(value))
    if not match:
        return None
    return match.group("crime"), int(match.group("n"))
