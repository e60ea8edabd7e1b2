"""Turning whatever a parser returns into a bounded, JSON-able dump."""

from __future__ import annotations

import math
from collections.abc import Mapping
from datetime import date, datetime
from fractions import Fraction
from numbers import Rational
from typing import Any

from caseapp.core.evidence import IntakeLimits, JsonValue

_BYTES_PREVIEW = 64
_MAX_NESTING = 8


class RawDump:
    """Accumulates ``section → key → value`` under the item and size caps of `IntakeLimits`."""

    def __init__(self, limits: IntakeLimits) -> None:
        self._limits = limits
        self.sections: dict[str, JsonValue] = {}
        self.items = 0
        self.chars = 0
        self.truncated = False

    def put(self, section: str, key: str, value: Any) -> None:
        if self.items >= self._limits.max_metadata_items or self.chars >= self._limits.max_metadata_total_chars:
            self.truncated = True
            return
        converted = self._convert(value, 0)
        size = len(key) + len(repr(converted))
        if self.chars + size > self._limits.max_metadata_total_chars:
            self.truncated = True
            return
        target = self.sections.setdefault(section, {})
        assert isinstance(target, dict)
        target[self._text(str(key))] = converted
        self.items += 1
        self.chars += size

    def put_all(self, section: str, values: Mapping[Any, Any]) -> None:
        for key, value in values.items():
            self.put(section, str(key), value)

    def _text(self, value: str) -> str:
        cap = self._limits.max_metadata_value_chars
        value = value.replace("\x00", "")
        if len(value) > cap:
            self.truncated = True
            return value[:cap] + "…"
        return value

    def _convert(self, value: Any, depth: int) -> JsonValue:  # noqa: PLR0911, PLR0912 - one case per type
        if depth > _MAX_NESTING:
            self.truncated = True
            return None
        if value is None or isinstance(value, bool | int):
            return value
        if isinstance(value, float):
            return value if math.isfinite(value) else str(value)
        if isinstance(value, str):
            return self._text(value)
        if isinstance(value, bytes | bytearray | memoryview):
            raw = bytes(value)
            printable = raw.rstrip(b"\x00")
            if printable and all(32 <= b < 127 or b in (9, 10, 13) for b in printable[:_BYTES_PREVIEW]):
                return self._text(printable.decode("ascii", "replace"))
            preview = raw[:_BYTES_PREVIEW].hex()
            return f"<{len(raw)} bytes: {preview}{'…' if len(raw) > _BYTES_PREVIEW else ''}>"
        if isinstance(value, Fraction | Rational):
            try:
                num, den = int(value.numerator), int(value.denominator)
                return num / den if den else None
            except (TypeError, ValueError, ZeroDivisionError, OverflowError):
                return self._text(str(value))
        if isinstance(value, datetime | date):
            return value.isoformat()
        if isinstance(value, Mapping):
            out: dict[str, JsonValue] = {}
            for i, (k, v) in enumerate(value.items()):
                if i >= self._limits.max_metadata_items:
                    self.truncated = True
                    break
                out[self._text(str(k))] = self._convert(v, depth + 1)
            return out
        if isinstance(value, list | tuple):
            items: list[JsonValue] = []
            for i, v in enumerate(value):
                if i >= 256:
                    self.truncated = True
                    break
                items.append(self._convert(v, depth + 1))
            return items
        # IFDRational and other numeric-like types
        if hasattr(value, "numerator") and hasattr(value, "denominator"):
            try:
                den = int(value.denominator)
                return int(value.numerator) / den if den else None
            except (TypeError, ValueError, OverflowError):
                pass
        return self._text(str(value))
