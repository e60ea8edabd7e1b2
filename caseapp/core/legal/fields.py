"""Typed reading of the shipped legal data: a wrong type is an error, never a silent coercion.

``bool("false")`` is True, so a hand-edited ``"effective": "false"`` would make an Art 12(3)
declaration effective. Every field of ``resources/legal/*.json`` and ``*.csv`` is therefore read
through :class:`Record`, which checks the type and, on a mismatch, raises a :class:`CatalogueError`
naming the file, the record (its position and id) and the field. Standard library only.
"""

from __future__ import annotations

import csv
import datetime as dt
import enum
import re
from collections.abc import Collection, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from caseapp.core.errors import CaseAppError

E = TypeVar("E", bound=enum.Enum)

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_MISSING = object()


class CatalogueError(CaseAppError):
    """The shipped legal data is missing or malformed (a packaging fault, not a user error)."""


def describe(value: object) -> str:
    """A short, readable account of a wrong value: its JSON type and (shortened) content."""
    if value is _MISSING or value is None:
        return "missing" if value is _MISSING else "null"
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, str):
        return "the text " + repr(value if len(value) <= 40 else value[:37] + "...")
    if isinstance(value, int | float):
        return f"the number {value}"
    if isinstance(value, list | dict):
        return "a list" if isinstance(value, list) else "an object"
    return f"a {type(value).__name__}"


@dataclass(frozen=True, slots=True)
class Record:
    """One JSON object or CSV row, with where it came from (for error messages).

    ``blank_is_null``: in CSV files an empty cell stands for "no value" in optional fields."""

    data: Mapping[str, object]
    file: Path
    where: str
    blank_is_null: bool = False

    @classmethod
    def top(cls, raw: object, file: Path) -> Record:
        if not isinstance(raw, dict):
            raise CatalogueError(f"{file}: the top level must be a JSON object, not {describe(raw)}")
        return cls(raw, file, "the top level")

    def error(self, key: str, expected: str, value: object = _MISSING) -> CatalogueError:
        """The message for a field that is not what it must be (``value`` defaults to the stored one)."""
        found = self.data.get(key, _MISSING) if value is _MISSING else value
        return CatalogueError(
            f"{self.file}: field '{key}' of {self.where} must be {expected}, not {describe(found)}. "
            "The shipped legal data has been changed or damaged: restore the file from the caseapp release."
        )

    def raw(self, key: str) -> object:
        if key not in self.data:
            raise self.error(key, "present")
        return self.data[key]

    def _optional(self, key: str) -> object | None:
        value = self.data.get(key)
        if self.blank_is_null and value == "":
            return None
        return value

    def string(self, key: str) -> str:
        value = self.raw(key)
        if not isinstance(value, str):
            raise self.error(key, "a text")
        return value

    def opt_string(self, key: str) -> str | None:
        value = self._optional(key)
        if value is not None and not isinstance(value, str):
            raise self.error(key, "a text or null")
        return value

    def choice(self, key: str, allowed: Collection[str]) -> str:
        value = self.raw(key)
        if not isinstance(value, str) or value not in allowed:
            raise self.error(key, "one of " + ", ".join(repr(a) for a in sorted(allowed)))
        return value

    def member(self, key: str, kind: type[E]) -> E:
        return kind(self.choice(key, {str(m.value) for m in kind}))

    def opt_member(self, key: str, kind: type[E]) -> E | None:
        return None if self._optional(key) is None else self.member(key, kind)

    def flag(self, key: str) -> bool:
        value = self.raw(key)
        if not isinstance(value, bool):
            raise self.error(key, "true or false (a JSON boolean, without quotes)")
        return value

    def integer(self, key: str) -> int:
        value = self.raw(key)
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.error(key, "a whole number")
        return value

    def date(self, key: str) -> dt.date:
        value = self.raw(key)
        parsed = _parse_date(value)
        if parsed is None:
            raise self.error(key, "a date written YYYY-MM-DD")
        return parsed

    def opt_date(self, key: str) -> dt.date | None:
        value = self._optional(key)
        if value is None:
            return None
        parsed = _parse_date(value)
        if parsed is None:
            raise self.error(key, "a date written YYYY-MM-DD, or null")
        return parsed

    def strings(self, key: str) -> tuple[str, ...]:
        value = self.raw(key)
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self.error(key, "a list of texts")
        return tuple(value)

    def integers(self, key: str) -> tuple[int, ...]:
        value = self.raw(key)
        if not isinstance(value, list) or not all(isinstance(v, int) and not isinstance(v, bool) for v in value):
            raise self.error(key, "a list of whole numbers")
        return tuple(value)

    def child(self, key: str) -> Record:
        value = self.raw(key)
        if not isinstance(value, dict):
            raise self.error(key, "an object")
        return Record(value, self.file, f"'{key}' in {self.where}")

    def children(self, key: str, id_key: str = "id", *, optional: bool = False) -> tuple[Record, ...]:
        """The objects of a list field; each is named by its position and its ``id_key`` value."""
        if optional and key not in self.data:
            return ()
        value = self.raw(key)
        if not isinstance(value, list):
            raise self.error(key, "a list of objects")
        out: list[Record] = []
        for index, item in enumerate(value):
            where = f"{key}[{index}]"
            if not isinstance(item, dict):
                raise self.error(key, f"a list of objects (item {index} is {describe(item)})", item)
            ident = item.get(id_key)
            if isinstance(ident, str):
                where += f" ({id_key} '{ident}')"
            out.append(Record(item, self.file, where))
        return tuple(out)

    def entries(self, key: str) -> Iterator[tuple[str, object]]:
        """The (name, value) pairs of an object field."""
        value = self.raw(key)
        if not isinstance(value, dict):
            raise self.error(key, "an object")
        yield from value.items()


def _parse_date(value: object) -> dt.date | None:
    if not isinstance(value, str) or not _ISO_DATE.fullmatch(value):
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def read_csv(path: Path, columns: Collection[str], key: str) -> list[Record]:
    """The rows of a CSV file as records named by line number and ``key`` column; every column must exist."""
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        missing = [c for c in columns if c not in (reader.fieldnames or ())]
        if missing:
            raise CatalogueError(
                f"{path}: the column(s) {', '.join(missing)} are missing from the header line. "
                "The shipped legal data has been changed or damaged: restore the file from the caseapp release."
            )
        rows: list[Record] = []
        for row in reader:
            where = f"line {reader.line_num} ({key} '{row.get(key)}')"
            if None in row or any(row.get(c) is None for c in columns):
                raise CatalogueError(f"{path}: {where} does not have exactly {len(reader.fieldnames or ())} cells")
            rows.append(Record(dict(row), path, where, blank_is_null=True))
    return rows
