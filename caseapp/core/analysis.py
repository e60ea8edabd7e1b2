"""Records that build the case on the legal catalogue: charges and element links (issue 14).

A **charge** (``CHG-n``) names a crime of the catalogue, the suspects with their mode of
liability, the incidents it covers, a status and the author's legal analysis. An **element
link** (``EL-n``) says that an exhibit, or an excerpt of it, supports, contradicts or gives
context to one element of the catalogue, with a weight, whether the exhibit shows the fact
(observed) or reports someone's claim of it (alleged), a required reasoning, and a review state:
only accepted links count as proof in the gap matrix (:mod:`caseapp.core.legal.gaps`).
"""

from __future__ import annotations

import enum
import json
import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from uuid import UUID

from caseapp.core.entities import LinkStance, Tombstone
from caseapp.core.errors import ValidationError
from caseapp.core.text import BIDI_CONTROLS, clean_text


class ChargeStatus(enum.StrEnum):
    DRAFT = "draft"
    SUPPORTED = "supported"
    READY = "ready"


class Weight(enum.StrEnum):
    """How strongly a link bears on its element (Bayanat's probability)."""

    MAYBE = "maybe"
    LIKELY = "likely"
    CERTAIN = "certain"


class Basis(enum.StrEnum):
    """Whether the exhibit shows the fact itself or reports someone's claim of it."""

    OBSERVED = "observed"
    ALLEGED = "alleged"


class ReviewState(enum.StrEnum):
    PROPOSED = "proposed"
    ACCEPTED = "accepted"
    REJECTED = "rejected"


@dataclass(frozen=True, slots=True)
class ChargeSuspect:
    person_id: UUID
    person_ref: str
    mode_id: str  # a mode of liability of the catalogue, e.g. 25(3)(a)-joint or 28(a)


@dataclass(frozen=True, slots=True)
class ChargeIncident:
    incident_id: UUID
    incident_ref: str


@dataclass(frozen=True, slots=True)
class Charge:
    id: UUID
    ref: str
    crime_id: str
    catalogue_edition: str
    suspects: tuple[ChargeSuspect, ...]
    incidents: tuple[ChargeIncident, ...]
    status: ChargeStatus
    analysis: str
    author: str
    created_at: datetime
    deleted: Tombstone | None = None
    warnings: tuple[str, ...] = ()
    """What a lawyer should check (computed when read, never stored): see ``charge_warnings``."""


def member_key(member: ChargeSuspect | ChargeIncident | str) -> str:
    """How a suspect or incident of a charge is stored in edits, revisions and the custody log:
    ``"<person uuid> <mode>"`` or ``"<incident uuid>"``."""
    if isinstance(member, ChargeSuspect):
        return f"{member.person_id} {member.mode_id}"
    if isinstance(member, ChargeIncident):
        return str(member.incident_id)
    return member


def members_value(members: tuple[Any, ...] | list[Any]) -> list[str]:
    """The stored (sorted) form of a charge's suspects or incidents."""
    return sorted(member_key(m) for m in members)


@dataclass(frozen=True, slots=True)
class Excerpt:
    """The part of an exhibit a link points at: a page (and region), a time range, or a range of
    characters of its extracted text with the words quoted. Times are in milliseconds."""

    page: int | None = None
    region: tuple[int, int, int, int] | None = None  # x, y, width, height (in the page's units)
    start_ms: int | None = None
    end_ms: int | None = None
    char_start: int | None = None
    char_end: int | None = None
    quote: str = ""

    def to_json(self) -> str:
        values = {
            "page": self.page,
            "region": list(self.region) if self.region else None,
            "start_ms": self.start_ms,
            "end_ms": self.end_ms,
            "char_start": self.char_start,
            "char_end": self.char_end,
            "quote": self.quote or None,
        }
        return json.dumps({k: v for k, v in values.items() if v is not None}, ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, text: str | None) -> Excerpt | None:
        if not text:
            return None
        raw = json.loads(text)
        region = raw.get("region")
        return cls(
            page=raw.get("page"),
            region=(int(region[0]), int(region[1]), int(region[2]), int(region[3])) if region else None,
            start_ms=raw.get("start_ms"),
            end_ms=raw.get("end_ms"),
            char_start=raw.get("char_start"),
            char_end=raw.get("char_end"),
            quote=raw.get("quote") or "",
        )

    def describe(self) -> str:
        """``page 3, region 10,20,200,100``; ``0:42-1:10``; ``characters 120-380``."""
        parts = []
        if self.page is not None:
            parts.append(f"page {self.page}")
        if self.region is not None:
            parts.append("region " + ",".join(str(v) for v in self.region))
        if self.start_ms is not None:
            parts.append(f"{clock(self.start_ms)}-{clock(self.end_ms or self.start_ms)}")
        if self.char_start is not None:
            parts.append(f"characters {self.char_start}-{self.char_end}")
        return ", ".join(parts)


@dataclass(frozen=True, slots=True)
class ElementLink:
    id: UUID
    ref: str
    exhibit_id: UUID
    exhibit_ref: str
    excerpt: Excerpt | None
    element_id: str
    catalogue_edition: str
    stance: LinkStance
    weight: Weight
    basis: Basis
    reasoning: str
    author: str
    created_at: datetime
    review: ReviewState = ReviewState.PROPOSED
    reviewed_by: str | None = None
    reviewed_at: datetime | None = None
    deleted: Tombstone | None = None


def clock(ms: int) -> str:
    """A time in an excerpt as it is shown: ``0:42``, ``1:02:03`` (whole seconds)."""
    seconds, _ = divmod(ms, 1000)
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


_TIME = re.compile(r"^(?:(\d+):)?(\d+):(\d{2})(?:\.(\d{1,3}))?$|^(\d+)(?:\.(\d{1,3}))?s?$")


def _ms(text: str, part: str) -> int:
    match = _TIME.match(text.strip())
    if not match:
        raise ValidationError(f"excerpt {part} {text!r} is not a time; write 0:42, 1:02:03 or 42s")
    if match.group(3) is not None:
        hours, minutes, seconds, fraction = match.group(1), match.group(2), match.group(3), match.group(4)
        total = int(hours or 0) * 3600 + int(minutes) * 60 + int(seconds)
    else:
        total, fraction = int(match.group(5)), match.group(6)
    return total * 1000 + int((fraction or "0").ljust(3, "0"))


def _range(text: str, part: str, parse: Any) -> tuple[int, int]:
    first, sep, second = text.partition("-")
    if not sep:
        raise ValidationError(f"excerpt {part} {text!r} needs a start and an end, e.g. {part}=0:42-1:10")
    start, end = parse(first), parse(second)
    if end < start:
        raise ValidationError(f"excerpt {part} {text!r} ends before it starts")
    return start, end


def _int(text: str, part: str) -> int:
    try:
        value = int(text.strip())
    except ValueError:
        raise ValidationError(f"excerpt {part} {text!r} is not a whole number") from None
    if value < 0:
        raise ValidationError(f"excerpt {part} {text!r} is negative")
    return value


def _excerpt_part(key: str, value: str, values: dict[str, Any]) -> None:
    if key == "page":
        values["page"] = _int(value, "page")
        if values["page"] < 1:
            raise ValidationError("excerpt pages start at 1")
    elif key == "region":
        numbers = value.split(",")
        if len(numbers) != 4:
            raise ValidationError(f"excerpt region {value!r} needs x,y,width,height")
        values["region"] = tuple(_int(n, "region") for n in numbers)
    elif key == "time":
        values["start_ms"], values["end_ms"] = _range(value, "time", lambda t: _ms(t, "time"))
    elif key == "chars":
        values["char_start"], values["char_end"] = _range(value, "chars", lambda t: _int(t, "chars"))
    elif key == "quote":
        values["quote"] = clean_text(value, field="quoted words", max_length=QUOTE_MAX)
    else:
        raise ValidationError(f"excerpt part {key!r} is not one of page, region, time, chars, quote")


QUOTE_MAX = 10_000  # characters of quoted words an excerpt keeps


def text_excerpt(text: str, start: int, end: int) -> Excerpt:
    """The characters ``start``..``end`` of an exhibit's extracted ``text`` (Python string indexes
    into the stored text), with those words quoted: runs of white space as one space, control and
    bidi embedding characters left out, NFC. The range is refused if it holds no words."""
    if not 0 <= start < end <= len(text):
        raise ValidationError(f"characters {start}-{end} are not inside the extracted text ({len(text)} characters)")
    words = "".join(
        c for c in text[start:end] if c.isspace() or (c not in BIDI_CONTROLS and unicodedata.category(c) != "Cc")
    )
    quote = " ".join(words.split())
    if not quote:
        raise ValidationError("the selection holds no words; select the words to quote")
    if len(quote) > QUOTE_MAX:
        raise ValidationError(
            f"the selection is {len(quote):,} characters long; quote at most {QUOTE_MAX:,} (select a shorter passage)"
        )
    return Excerpt(char_start=start, char_end=end, quote=clean_text(quote, field="quoted words", max_length=QUOTE_MAX))


def parse_excerpt(text: str) -> Excerpt:
    """An excerpt as typed: ``page=3``, ``page=3;region=10,20,200,100``, ``time=0:42-1:10``,
    ``chars=120-380;quote=the words quoted`` (parts separated by ``;``)."""
    values: dict[str, Any] = {}
    for part in (p for p in text.split(";") if p.strip()):
        key, sep, value = part.partition("=")
        if not sep:
            raise ValidationError(f"excerpt part {part.strip()!r} has no value; write e.g. page=3")
        _excerpt_part(key.strip().lower(), value, values)
    if not values:
        raise ValidationError("the excerpt is empty; write e.g. page=3, time=0:42-1:10 or chars=120-380;quote=...")
    if "region" in values and "page" not in values:
        values["page"] = 1
    if "quote" in values and "char_start" not in values:
        raise ValidationError("quoted words need the character range they come from: chars=120-380;quote=...")
    if "char_start" in values and not values.get("quote"):
        raise ValidationError("a character range needs the words quoted: chars=120-380;quote=...")
    return Excerpt(**values)
