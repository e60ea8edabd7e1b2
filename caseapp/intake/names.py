"""File names that can deceive: control characters, bidi overrides, undecodable bytes.

A name such as ``invoice\u202egpj.exe`` shows as ``invoiceexe.jpg``. Such names are kept (they are
evidence) but reported, and shown with the offending characters escaped. Ordinary right-to-left
text (Arabic, Hebrew, Persian with ZWNJ) is not flagged.
"""

from __future__ import annotations

import unicodedata

# Explicit directional embeddings, overrides and isolates, and their terminators.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# Characters that break a line or are otherwise invisible and misleading in a name.
OTHER_DECEPTIVE = frozenset("\u2028\u2029\ufeff\u00ad")


def _is_surrogate(ch: str) -> bool:
    return 0xD800 <= ord(ch) <= 0xDFFF


def unsafe_chars(name: str) -> tuple[str, ...]:
    """Each distinct unsafe character in ``name`` (controls, bidi controls, undecodable bytes), in order."""
    seen: list[str] = []
    for ch in name:
        if ch in seen:
            continue
        if ch in BIDI_CONTROLS or ch in OTHER_DECEPTIVE or _is_surrogate(ch) or unicodedata.category(ch) == "Cc":
            seen.append(ch)
    return tuple(seen)


def is_safe_name(name: str) -> bool:
    return not unsafe_chars(name)


def describe_char(ch: str) -> str:
    """``U+202E RIGHT-TO-LEFT OVERRIDE``; for an undecodable byte, ``byte 0xFF (not UTF-8)``."""
    if 0xDC80 <= ord(ch) <= 0xDCFF:
        return f"byte 0x{ord(ch) - 0xDC00:02X} (not UTF-8)"
    name = unicodedata.name(ch, "")
    if not name and unicodedata.category(ch) == "Cc":
        name = "control character"
    return f"U+{ord(ch):04X} {name}".rstrip()


def escape_name(name: str) -> str:
    """Return ``name`` safe to display: unsafe characters become visible escapes.

    Backslash becomes ``\\\\`` so an escape can never be confused with a literal name; C0 controls
    become ``\\xNN``, other control and format characters ``\\uNNNN``; bytes that were not UTF-8
    (kept by ``surrogateescape``, always 0x80 or above) become ``\\xNN`` of the original byte.
    Everything else is unchanged. The result is valid Unicode (storable in SQLite or JSON) and
    `unescape_name` gives the exact name back.
    """
    out: list[str] = []
    for ch in name:
        code = ord(ch)
        if ch == "\\":
            out.append("\\\\")
        elif 0xDC80 <= code <= 0xDCFF:
            out.append(f"\\x{code - 0xDC00:02x}")
        elif _is_surrogate(ch):
            out.append(f"\\u{code:04x}")
        elif ch in BIDI_CONTROLS or ch in OTHER_DECEPTIVE or unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp"):
            if ch in ("\u200c", "\u200d"):  # ZWNJ/ZWJ: part of ordinary Persian, Arabic and emoji text
                out.append(ch)
            elif code < 0x80:
                out.append(f"\\x{code:02x}")
            else:
                out.append(f"\\u{code:04x}")
        else:
            out.append(ch)
    return "".join(out)


def unescape_name(shown: str) -> str:
    """The exact inverse of `escape_name` (``os.fsencode`` of the result gives the original bytes)."""
    out: list[str] = []
    i = 0
    while i < len(shown):
        ch = shown[i]
        if ch != "\\" or i + 1 >= len(shown):
            out.append(ch)
            i += 1
            continue
        nxt = shown[i + 1]
        if nxt == "\\":
            out.append("\\")
            i += 2
        elif nxt == "x":
            code = int(shown[i + 2 : i + 4], 16)
            out.append(chr(code) if code < 0x80 else chr(0xDC00 + code))
            i += 4
        elif nxt == "u":
            out.append(chr(int(shown[i + 2 : i + 6], 16)))
            i += 6
        else:
            raise ValueError(f"not an escaped name: {shown!r}")
    return "".join(out)


def name_message(display: str, chars: tuple[str, ...]) -> str:
    listed = ", ".join(describe_char(c) for c in chars)
    return f"The name '{display}' contains characters that can hide or disguise it ({listed}); it is shown escaped."
