"""Checks for text people type: names, titles, testimony (Arabic and French as normal as English)."""

from __future__ import annotations

import hashlib
import unicodedata

from caseapp.core.errors import ValidationError

SHORT_TEXT_MAX = 500
LONG_TEXT_MAX = 1_000_000

# Bidi embedding/override/isolate controls can make a name display as something else.
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
BIDI_CONTROLS = _BIDI_CONTROLS


def clean_text(
    value: str, *, field: str, max_length: int = SHORT_TEXT_MAX, multiline: bool = False, required: bool = False
) -> str:
    """Normalise to NFC (the same Arabic word typed on two keyboards compares equal), strip
    surrounding space, and refuse control characters and bidi overrides in one-line fields."""
    if any(0xD800 <= ord(char) <= 0xDFFF for char in value):
        # Bytes that are not UTF-8 (a terminal or file in another encoding) reach Python as lone
        # surrogates; they cannot be stored or shown, so say so instead of failing later.
        raise ValidationError(
            f"{field} contains bytes that are not valid UTF-8 text; type it again in UTF-8 "
            "(check the terminal's or the file's encoding)"
        )
    text = unicodedata.normalize("NFC", value).strip()
    if required and not text:
        raise ValidationError(f"{field} is required", key="field.required", params={"field": field})
    if len(text) > max_length:
        raise ValidationError(f"{field} is {len(text)} characters long; the limit is {max_length}")
    for char in text:
        if multiline and char in "\n\t":
            continue
        if unicodedata.category(char) == "Cc" or (not multiline and char in _BIDI_CONTROLS):
            raise ValidationError(f"{field} contains the control character U+{ord(char):04X}")
    return text


def text_sha256(text: str) -> str:
    """SHA-256 of a text's UTF-8 bytes (undecodable file-name bytes kept as they were found).

    The custody log binds texts it must not carry (notes, file names) by this hash.
    """
    return hashlib.sha256(text.encode("utf-8", "surrogateescape")).hexdigest()
