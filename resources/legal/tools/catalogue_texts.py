"""Texts of build_catalogue.py beyond the crimes: the EoC introductions, transcription fixes, Art 25 texts.

Standard library only; every change is appended to ``corrections`` (it ends up in corrections.json).
"""

from __future__ import annotations

import re
from typing import Any

from catalogue_tables import INTRO_FOOTNOTES, INTRO_ITEMS_MISSING, PARAGRAPH_FOOTNOTES, TEXT_FIXES

INTRO_ORDER = (("Article 6", "6"), ("Article 7", "7"), ("Article 8", "8"))


def _para(label: str, text: str, footnotes: list[int] | None = None, level: int = 1) -> dict[str, object]:
    return {"label": label, "text": text, "footnotes": list(footnotes or []), "level": level}


def introductions(eoc: dict[str, Any], html: str, corrections: list[str]) -> list[dict[str, object]]:
    """The General Introduction and the Art 6/7/8 Introductions as labelled paragraphs with their footnotes."""
    general: list[dict[str, object]] = []
    for p in eoc["general_introduction"]:
        general.append(_para(f"{p['para']}.", p["text"], p.get("footnotes")))
        general.extend(_para(f"({s['letter']})", s["text"], s.get("footnotes"), 2) for s in p.get("sub", []))
    out: list[dict[str, object]] = [
        {"article": "general", "title": "General introduction", "paragraphs": general},
    ]
    for key, article in INTRO_ORDER:
        raw = eoc["introductions"][key]
        items = list(raw["items"])
        missing = INTRO_ITEMS_MISSING.get(key)
        if missing is not None and missing not in items:
            if f"<li>{missing}\n" not in html:
                raise SystemExit(f"the missing item of the {key} Introduction is not in the source HTML")
            items.append(missing)
            corrections.append(
                f"{key} Introduction: item ({chr(ord('a') + len(items) - 1)}) restored from the source HTML (its <li> "
                "is not closed before the next heading, and the source JSON lost it)."
            )
        numbered = article == "7"
        paragraphs = [_para("", text) for text in raw["paragraphs"]]
        for i, text in enumerate(items):
            label = f"{i + 1}." if numbered else f"({chr(ord('a') + i)})"
            paragraphs.append(_para(label, text, None, 1 if numbered else 2))
        for para in paragraphs:
            fix = INTRO_FOOTNOTES.get((article, str(para["label"])))
            if fix is None:
                continue
            numbers, fragment = fix
            if fragment not in html:
                raise SystemExit(f"footnote marker {fragment!r} not found in the source HTML")
            para["footnotes"] = list(numbers)
            corrections.append(
                f"Art {article} Introduction para {para['label']}: attached footnote {', '.join(map(str, numbers))} "
                f"(the source HTML has the marker, '{fragment}'; the source JSON dropped it)."
            )
        out.append({"article": article, "title": raw["title"], "paragraphs": paragraphs})
    return out


def paragraph_footnotes(paragraph: str, html: str, corrections: list[str], seen: set[str]) -> list[int]:
    """Footnotes on a Statute paragraph's heading (fn 60 on 'Article 8 (2) (e)'), for every crime under it."""
    fix = PARAGRAPH_FOOTNOTES.get(paragraph)
    if fix is None:
        return []
    numbers, fragment = fix
    if fragment not in html:
        raise SystemExit(f"footnote marker {fragment!r} not found in the source HTML")
    if paragraph not in seen:
        seen.add(paragraph)
        corrections.append(
            f"Art {paragraph}: footnote {', '.join(map(str, numbers))} sits on the source's heading of the paragraph "
            f"('{fragment}') and was attached to nothing; attached to every crime of Art {paragraph} as a "
            "paragraph footnote."
        )
    return list(numbers)


def fix_texts(catalogue: dict[str, Any], corrections: list[str]) -> None:
    """Replace the TEXT_FIXES artefacts in every EoC text, recording where each was found."""
    for wrong, right, why in TEXT_FIXES:
        where: list[str] = []
        for path, holder, key in _texts(catalogue):
            if wrong in holder[key]:
                holder[key] = holder[key].replace(wrong, right)
                where.append(path)
        if not where:
            raise SystemExit(f"text fix {wrong!r} no longer matches anything: remove it from TEXT_FIXES")
        corrections.append(f"'{wrong}' -> '{right}' ({why}) in: {', '.join(where)}.")


def _texts(catalogue: dict[str, Any]) -> list[tuple[str, Any, Any]]:
    """(where, container, key) of every English EoC text in the built catalogue."""
    out: list[tuple[str, Any, Any]] = []
    for number in sorted(catalogue["footnotes"], key=int):
        out.append((f"footnote {number}", catalogue["footnotes"], number))
    for intro in catalogue["introductions"]:
        for i, para in enumerate(intro["paragraphs"]):
            name = "General Introduction" if intro["article"] == "general" else f"Art {intro['article']} Introduction"
            out.append((f"{name} {para['label'] or 'para ' + str(i + 1)}", para, "text"))
    for crime in catalogue["crimes"]:
        for i in range(len(crime["introduction"])):
            out.append((f"{crime['id']} Introduction {i + 1}", crime["introduction"], i))
        for element in crime["elements"]:
            out.append((str(element["id"]), element, "text"))
            for alt in element.get("alternatives", []):
                out.append((f"{element['id']}({alt['letter']})", alt, "text"))
    return out


def article_25_limb(art25: str, letter: str, corrections: list[str]) -> str:
    """The text of 25(3)(letter), with its own sub-limbs (i), (ii) (25(3)(d) has two)."""
    lines = art25.splitlines()
    start = next((i for i, line in enumerate(lines) if line.startswith(f"({letter}) ")), None)
    if start is None:
        raise SystemExit(f"no text for 25(3)({letter})")
    chunk = [lines[start]]
    for line in lines[start + 1 :]:
        if not re.match(r"^\((?:i|ii|iii|iv)\) ", line):
            break
        chunk.append(line)
    if len(chunk) > 1:
        corrections.append(
            f"25(3)({letter}) (modes of liability): the Statute text now carries its limbs "
            f"{', '.join(line.split(' ', 1)[0] for line in chunk[1:])} (the builder used to stop at the first line, "
            "'... shall either:'); text from the Public.Law Statute copy."
        )
    return "\n".join(chunk)


def leadership_clause(art25: str) -> dict[str, object]:
    """Art 25(3 bis) (RC/Res.6): the leadership requirement that limits every mode for the crime of aggression."""
    m = re.search(r"^3 bis\. (.*)$", art25, re.MULTILINE)
    if m is None:
        raise SystemExit("Art 25(3 bis) not found in the Statute copy")
    return {
        "provision": "25(3 bis)",
        "title": "Crime of aggression: leadership requirement (added by RC/Res.6)",
        "text": m.group(1),
        "applies_to": ["8 bis"],
        "sources": ["statute-public-law"],
    }


def fix_article_28(text: str, corrections: list[str]) -> str:
    """The Public.Law copy numbers Art 28's two limbs '1.'/'2.' and their conditions (a)/(b)(/(c)).

    The official text labels them (a)/(b) with conditions (i)/(ii)(/(iii)); the Statute itself proves it:
    28(b) refers to 'relationships not described in paragraph (a)'."""
    lines = text.splitlines()
    out: list[str] = []
    limb = ""
    for line in lines:
        m = re.match(r"^([12])\. (.*)$", line)
        if m:
            limb = m.group(1)
            out.append(("(a) " if limb == "1" else "(b) ") + m.group(2))
            continue
        m = re.match(r"^\(([abc])\) (.*)$", line)
        if m and limb:
            out.append("(" + {"a": "i", "b": "ii", "c": "iii"}[m.group(1)] + ") " + m.group(2))
            continue
        out.append(line)
    fixed = "\n".join(out)
    if fixed != text:
        corrections.append(
            "Art 28 text (modes of liability): the Public.Law copy numbers the two limbs '1.'/'2.' and their "
            "conditions '(a)'-'(c)'; relabelled '(a)'/'(b)' and '(i)'-'(iii)' as in the official Statute "
            "(28(b) itself refers to 'paragraph (a)')."
        )
    return fixed


def provision_text_of(art25: str, art28: str, provision: str, corrections: list[str]) -> str:
    if provision.startswith("25(3)("):
        return article_25_limb(art25, provision[6], corrections)
    letter = provision[3]
    chunk: list[str] = []
    on = False
    for line in art28.splitlines():
        if re.match(r"^\([ab]\) ", line):
            on = line.startswith(f"({letter}) ")
        if on:
            chunk.append(line)
    return "\n".join(chunk)
