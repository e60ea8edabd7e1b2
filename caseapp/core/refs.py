"""Refs: the short labels people type and see (EX-12, INC-3, SRC-2, NOTE-4, LNK-5, CHG-1, EL-7, W-001, CASE).

A ref is a label kept in its own column, unique in a case, allocated from a counter and never
renumbered; records are keyed by UUID and nothing joins on a ref (architecture §9). Its form
leaves room for a per-member letter prefix later (``EX-K12``, ``W-K001``) without changing what
existing refs mean. Only the CLI and the GUI parse typed text into a :class:`Ref`; services take
``Ref`` values or UUIDs.
"""

from __future__ import annotations

import enum
import re
import uuid
from dataclasses import dataclass

from caseapp.core.errors import ValidationError


class RefKind(enum.StrEnum):
    CASE = "case"
    EXHIBIT = "exhibit"
    INCIDENT = "incident"
    SOURCE = "source"
    PERSON = "person"
    NOTE = "note"
    LINK = "link"
    CHARGE = "charge"
    ELEMENT_LINK = "element_link"


# Prefix of the refs of each kind; persons have one prefix per role (W, V, S, P), see entities.
PREFIX: dict[RefKind, str] = {
    RefKind.EXHIBIT: "EX",
    RefKind.INCIDENT: "INC",
    RefKind.SOURCE: "SRC",
    RefKind.NOTE: "NOTE",
    RefKind.LINK: "LNK",
    RefKind.CHARGE: "CHG",
    RefKind.ELEMENT_LINK: "EL",
}
_KIND_OF_PREFIX = {prefix: kind for kind, prefix in PREFIX.items()}
PERSON_PREFIXES = ("W", "V", "S", "P")

_NUMBERED = re.compile(r"^(EX|INC|SRC|NOTE|LNK|CHG|EL)-([A-Z]{0,2})([1-9][0-9]{0,17})$")
_PSEUDONYM = re.compile(r"^([WVSP])-([A-Z]{0,2})([0-9]{3,18})$")


@dataclass(frozen=True, slots=True, order=True)
class Ref:
    """A parsed ref: its kind and its canonical text (upper case)."""

    kind: RefKind
    text: str

    def __str__(self) -> str:
        return self.text


CASE_REF = Ref(RefKind.CASE, "CASE")

RecordId = uuid.UUID | Ref
"""What a service accepts to name a record: its UUID, or a ref (typed by a person)."""


def format_ref(prefix: str, number: int, member: str = "") -> str:
    """The ref for the ``number``-th record of ``prefix``: ``EX-12``, and ``W-001`` for persons."""
    if prefix in PERSON_PREFIXES:
        return f"{prefix}-{member}{number:03d}"
    return f"{prefix}-{member}{number}"


def ref_number(ref: str) -> int:
    """The number at the end of a ref (``EX-K12`` -> 12); 0 for CASE."""
    digits = re.search(r"([0-9]+)$", ref)
    return int(digits.group(1)) if digits else 0


def ref_prefix(ref: str) -> str:
    """The counter a ref was allocated from (``EX``, ``W`` ...)."""
    return ref.split("-", 1)[0]


def kind_word(kind: RefKind) -> str:
    """A kind of record as a word in a message (``element link``)."""
    return kind.value.replace("_", " ")


def a_kind(kind: RefKind) -> str:
    """``an exhibit``, ``a person``: a kind of record with its article, for messages."""
    return ("an " if kind.value[0] in "aeiou" else "a ") + kind_word(kind)


def parse_ref(text: str) -> Ref:
    """Parse a typed reference; raise ValidationError naming the bad value."""
    value = text.strip().upper()
    if value == "CASE":
        return CASE_REF
    numbered = _NUMBERED.match(value)
    if numbered:
        return Ref(_KIND_OF_PREFIX[numbered.group(1)], value)
    if _PSEUDONYM.match(value):
        return Ref(RefKind.PERSON, value)
    raise ValidationError(
        f"{text!r} is not a reference; use EX-12 (exhibit), INC-3 (incident), SRC-2 (source), "
        "W-001 / V-001 / S-001 / P-001 (person), NOTE-4 (note), LNK-5 (link), CHG-1 (charge), "
        "EL-7 (element link) or CASE"
    )


def parse_ref_of(text: str, *kinds: RefKind) -> Ref:
    """Parse a ref that must be of one of ``kinds``."""
    ref = parse_ref(text)
    if ref.kind not in kinds:
        wanted = " or ".join(a_kind(k) for k in kinds)
        raise ValidationError(f"{text!r} is {a_kind(ref.kind)}, not {wanted}")
    return ref
