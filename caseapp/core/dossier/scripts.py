"""Splitting mixed text into left-to-right and right-to-left runs, for the renderers.

A dossier paragraph is Latin (English or French) with Arabic inside it: names, places,
quotations. Each renderer needs the Arabic stretches apart: the PDF renderer to shape them, pick
an Arabic font and order each line right-to-left after line breaking; the DOCX renderer to mark
the runs right-to-left with a complex-script font. The split follows the Unicode bidirectional
classes: strong right-to-left letters (R, AL) and Arabic digits (AN) start a right-to-left run;
neutral characters (spaces, punctuation) between two right-to-left letters stay inside it, so a
two-word Arabic name is one run; neutrals at a run's edges go to the surrounding Latin text.
"""

from __future__ import annotations

import unicodedata

_RTL = frozenset({"R", "AL", "AN"})
_STRONG_LTR = frozenset({"L"})


def is_rtl_char(char: str) -> bool:
    return unicodedata.bidirectional(char) in _RTL


def has_rtl(text: str) -> bool:
    return any(is_rtl_char(c) for c in text)


def directional_runs(text: str) -> tuple[tuple[str, bool], ...]:
    """``text`` cut into ``(run, right_to_left)`` pieces whose concatenation is ``text``.

    >>> directional_runs("Witness حلب الشرقية (W-001)")
    (('Witness ', False), ('حلب الشرقية', True), (' (W-001)', False))
    """
    if not text:
        return ()
    runs: list[tuple[str, bool]] = []
    start = 0
    index = 0
    length = len(text)
    while index < length:
        if not is_rtl_char(text[index]):
            index += 1
            continue
        # An RTL run starts here; extend it over neutrals followed by more RTL letters.
        if index > start:
            runs.append((text[start:index], False))
        end = index + 1
        last_rtl = index
        while end < length:
            kind = unicodedata.bidirectional(text[end])
            if kind in _RTL:
                last_rtl = end
            elif kind in _STRONG_LTR or text[end] == "\n":
                break
            end += 1
        runs.append((text[index : last_rtl + 1], True))
        start = index = last_rtl + 1
    if start < length:
        runs.append((text[start:], False))
    return tuple(runs)
