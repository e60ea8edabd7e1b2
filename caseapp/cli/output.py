"""Printing results: aligned text for people, JSON (UTF-8, unescaped) for scripts.

JSON: every record carries ``id`` (its UUID, 36 characters) and ``ref``; times are ISO 8601 with
their zone. Text: times are shown in this computer's zone (an incident's in the zone it was given
in), dates of day precision as dates.
"""

from __future__ import annotations

import dataclasses
import enum
import json
import sys
import unicodedata
import uuid
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any


def _record(value: Any) -> dict[str, Any]:
    result = {f.name: to_jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    for name in ("ref", "grading", "name_hidden"):
        extra = getattr(value, name, None)
        if isinstance(extra, str | bool) and name not in result:
            result[name] = extra
    return result


def to_jsonable(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return _record(value)
    if isinstance(value, dict):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [to_jsonable(v) for v in value]
    converted: Any = value
    if isinstance(value, enum.Enum):
        converted = value.value
    elif isinstance(value, datetime):
        converted = value.isoformat().replace("+00:00", "Z")
    elif isinstance(value, date):
        converted = value.isoformat()
    elif isinstance(value, uuid.UUID):
        converted = str(value)
    return converted


def print_json(value: Any) -> None:
    sys.stdout.write(json.dumps(to_jsonable(value), ensure_ascii=False, indent=2) + "\n")


def _width(text: str) -> int:
    """Display width: combining marks take no column, wide East Asian characters take two."""
    width = 0
    for char in text:
        if unicodedata.combining(char):
            continue
        width += 2 if unicodedata.east_asian_width(char) in "WF" else 1
    return width


def print_table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> None:
    if not rows:
        sys.stdout.write("(none)\n")
        return
    cells = [[("" if c is None else str(c)).replace("\n", " ") for c in row] for row in rows]
    widths = [max(_width(h), *(_width(r[i]) for r in cells)) for i, h in enumerate(headers)]
    for row in [list(headers), *cells]:
        padded = [cell + " " * (widths[i] - _width(cell)) for i, cell in enumerate(row)]
        sys.stdout.write("  ".join(padded).rstrip() + "\n")


def when(moment: datetime | None, *, day_only: bool = False, keep_zone: bool = False) -> str:
    """A time for a person: in this computer's zone (or the time's own with ``keep_zone``), with
    the zone's offset; a date alone for day precision."""
    if moment is None:
        return ""
    shown = moment if keep_zone else moment.astimezone()
    if day_only:
        return shown.strftime("%Y-%m-%d")
    return shown.strftime("%Y-%m-%d %H:%M %z").rstrip()


def print_fields(rows: Sequence[tuple[str, object]]) -> None:
    """``label  value`` lines, skipping empty values."""
    for label, value in rows:
        if value not in (None, "", ()):
            sys.stdout.write(f"  {label:<14} {value}\n")
