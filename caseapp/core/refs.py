"""Short references users type and see: EX-12, INC-3, SRC-2, W-001 (a person's pseudonym), CASE."""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass

from caseapp.core.errors import ValidationError


class RefKind(enum.StrEnum):
    CASE = "case"
    EXHIBIT = "exhibit"
    INCIDENT = "incident"
    SOURCE = "source"
    PERSON = "person"


@dataclass(frozen=True, slots=True)
class Ref:
    kind: RefKind
    number: int = 0  # database id for EX/INC/SRC; unused for CASE
    pseudonym: str = ""  # for persons

    def __str__(self) -> str:
        if self.kind is RefKind.CASE:
            return "CASE"
        if self.kind is RefKind.PERSON:
            return self.pseudonym
        prefix = {RefKind.EXHIBIT: "EX", RefKind.INCIDENT: "INC", RefKind.SOURCE: "SRC"}[self.kind]
        return f"{prefix}-{self.number}"


_NUMBERED = re.compile(r"^(EX|INC|SRC)-([1-9][0-9]{0,17})$")
_PSEUDONYM = re.compile(r"^([WVSP])-([0-9]{3,9})$")
_KINDS = {"EX": RefKind.EXHIBIT, "INC": RefKind.INCIDENT, "SRC": RefKind.SOURCE}


def pseudonym(prefix: str, number: int) -> str:
    return f"{prefix}-{number:03d}"


def parse_ref(text: str) -> Ref:
    """Parse a reference; raise ValidationError naming the bad value."""
    value = text.strip().upper()
    if value == "CASE":
        return Ref(RefKind.CASE)
    numbered = _NUMBERED.match(value)
    if numbered:
        return Ref(_KINDS[numbered.group(1)], number=int(numbered.group(2)))
    if _PSEUDONYM.match(value):
        return Ref(RefKind.PERSON, pseudonym=value)
    raise ValidationError(
        f"{text!r} is not a reference; use EX-12 (exhibit), INC-3 (incident), SRC-2 (source), "
        "W-001 / V-001 / S-001 / P-001 (person) or CASE"
    )
