"""Deceptive names are detected and shown escaped; ordinary right-to-left text is left alone."""

from __future__ import annotations

import os

from hypothesis import given
from hypothesis import strategies as st

from caseapp.intake.names import BIDI_CONTROLS, describe_char, escape_name, is_safe_name, unescape_name, unsafe_chars


def test_rtl_override_is_flagged_and_escaped() -> None:
    name = "invoice\u202egpj.exe"
    assert unsafe_chars(name) == ("\u202e",)
    assert escape_name(name) == "invoice\\u202egpj.exe"
    assert "\u202e" not in escape_name(name)


def test_every_bidi_control_is_flagged() -> None:
    for code in [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]:
        name = f"a{chr(code)}b"
        assert not is_safe_name(name), hex(code)
        assert escape_name(name) == f"a\\u{code:04x}b"


def test_control_characters_are_flagged_and_escaped() -> None:
    name = "line\nbreak\tand\x1b[31mred\x7f"
    assert set(unsafe_chars(name)) == {"\n", "\t", "\x1b", "\x7f"}
    assert escape_name(name) == "line\\x0abreak\\x09and\\x1b[31mred\\x7f"


def test_arabic_persian_and_accents_are_safe_and_unchanged() -> None:
    for name in ("شهادة الشاهد.txt", "می\u200cخواهم.docx", "témoignage_été.pdf", "证据.jpg"):  # noqa: RUF001
        assert is_safe_name(name), name
        assert escape_name(name) == name


def test_undecodable_bytes_show_as_the_original_byte() -> None:
    name = os.fsdecode(b"photo\xff\xfe.jpg")
    assert not is_safe_name(name)
    assert escape_name(name) == "photo\\xff\\xfe.jpg"
    assert describe_char(name[5]) == "byte 0xFF (not UTF-8)"


def test_backslash_is_escaped_so_escapes_cannot_be_forged() -> None:
    forged = "a\\u202eb"  # a literal backslash-u sequence, not an override
    assert is_safe_name(forged)
    assert escape_name(forged) == "a\\\\u202eb"
    assert escape_name(forged) != escape_name("a\u202eb")


def test_describe_char_names_the_override() -> None:
    assert describe_char("\u202e") == "U+202E RIGHT-TO-LEFT OVERRIDE"


@given(st.binary(max_size=64))
def test_escape_round_trips_any_byte_name(raw: bytes) -> None:
    name = os.fsdecode(raw)
    shown = escape_name(name)
    shown.encode("utf-8")  # storable as text: no lone surrogate survives
    assert unescape_name(shown) == name
    assert os.fsencode(unescape_name(shown)) == raw


@given(st.text(max_size=64))
def test_escape_round_trips_any_text(name: str) -> None:
    assert unescape_name(escape_name(name)) == name
    assert not any(ch in BIDI_CONTROLS for ch in escape_name(name))


def test_c1_control_and_undecodable_byte_stay_distinct() -> None:
    assert escape_name("\x85") == "\\u0085"
    assert escape_name(os.fsdecode(b"\x85")) == "\\x85"
