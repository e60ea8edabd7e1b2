"""Build the normalised legal data caseapp ships, from the upstream copies in this folder.

Run from the repository root (standard library only, no network):

    python resources/legal/tools/build_catalogue.py [--src FOLDER] [--out FOLDER]

Inputs, all inside the repository in resources/legal/ (byte copies from ../shared/reference/legal/, see
../PROVENANCE.md): elements-of-crimes.source.json (with elements-of-crimes.icc-alpha.html, the HTML it was
parsed from, to restore and check what the parse lost), RomeStatute.public-law.json,
elements-amendments-2017-2019.json, modes-of-liability.json, states-parties.source.csv,
states-parties.crosscheck.md and aba-icc-countries.csv.
Outputs (into resources/legal/, or --out): catalogue.json, countries.csv, states-parties.csv,
corrections.json. jurisdiction.json is edited by hand. tests/legal/test_legal_build.py rebuilds into a
temporary folder and compares the result with what ships, byte for byte.

Every correction applied here is listed in corrections.json and in ../PROVENANCE.md.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
from pathlib import Path
from typing import Any

from catalogue_tables import (  # the sibling file; this folder is on sys.path when run as a script
    AMENDMENT_OF,
    CONTEXT_GROUPS,
    CONTEXT_TEXTS,
    COUNTRY_NAME_FIXES,
    GLUED,
    MODE_IDS,
    NO_ANNEX,
    SOURCES,
    SPOT_CHECKED,
    SRC_AMNESTY,
    SRC_CMN,
    SRC_EOC,
    SRC_STATUTE,
    SRC_TRB,
    STATE_COLUMNS,
    STATE_FIXES,
    UNVERIFIED_EOC,
)
from catalogue_texts import (
    fix_article_28,
    fix_texts,
    introductions,
    leadership_clause,
    paragraph_footnotes,
    provision_text_of,
)

HERE = Path(__file__).resolve().parent.parent  # resources/legal: inputs, and outputs by default


def statute_articles(statute: list[dict[str, object]]) -> dict[str, str]:
    out: dict[str, str] = {}
    for item in statute:
        art = item.get("article")
        if isinstance(art, dict):
            out[str(art["number"])] = str(art["text"])
    return out


def statute_items(articles: dict[str, str]) -> dict[str, str]:
    """Map '6(a)', '7(1)(k)', '8(2)(b)(xxvi)' ... to the Statute's words."""
    items: dict[str, str] = {}
    for line in articles["6"].splitlines():
        m = re.match(r"^\(([a-e])\) (.*)$", line)
        if m:
            items[f"6({m.group(1)})"] = m.group(2)
    para = ""
    for line in articles["7"].splitlines():
        pm = re.match(r"^(\d)\. ", line)
        if pm:
            para = pm.group(1)
            continue
        m = re.match(r"^\(([a-k])\) (.*)$", line)
        if m and para == "1":
            items[f"7(1)({m.group(1)})"] = m.group(2)
    para, letter = "", ""
    for line in articles["8"].splitlines():
        pm = re.match(r"^(\d)\. ", line)
        if pm:
            para = pm.group(1)
            continue
        if para != "2":
            continue
        lm = re.match(r"^\(([a-f])\) ", line)
        if lm:
            letter = lm.group(1)
            continue
        rm = re.match(r"^\(([ivx]+)\) (.*)$", line)
        if rm:
            items[f"8(2)({letter})({rm.group(1)})"] = rm.group(2)
    items["8 bis"] = articles["8 bis"]
    return items


def _unglue_footnote(cid: str, n: int, text: str, corrections: list[str]) -> tuple[str, int | None]:
    fix = GLUED.get((cid, n))
    if fix is None:
        return text, None
    old, new, number = fix
    if old not in text:
        raise SystemExit(f"expected glued footnote {number} in {cid}-{n}")
    corrections.append(
        f"{cid}-{n}: the source HTML glues footnote number {number} to the text ('{old.strip()}'); "
        f"removed it from the text and linked footnote {number}."
    )
    return text.replace(old, new), number


def context_ref(text: str, group: str | None) -> str | None:
    for key, ctext in CONTEXT_TEXTS.items():
        if text == ctext:
            return key
    if group == "ctx-7" and "widespread or systematic attack" in text and text.startswith("The perpetrator knew"):
        return "C-7b"
    return None


def build_catalogue(src: Path, corrections: list[str]) -> dict[str, object]:
    eoc = json.loads((src / "elements-of-crimes.source.json").read_text("utf-8"))
    statute = json.loads((src / "RomeStatute.public-law.json").read_text("utf-8"))
    amend = json.loads((src / "elements-amendments-2017-2019.json").read_text("utf-8"))
    modes = json.loads((src / "modes-of-liability.json").read_text("utf-8"))
    html = (src / "elements-of-crimes.icc-alpha.html").read_text("utf-8")
    items = statute_items(statute_articles(statute))
    amend_by_id = {c["id"]: c for c in amend["crimes"]}
    crimes = [_crime(raw, items, amend_by_id, corrections) for raw in eoc["crimes"]]
    crimes.sort(key=_statute_order)
    seen: set[str] = set()
    for crime in crimes:
        crime["paragraph_footnotes"] = paragraph_footnotes(str(crime["paragraph"]), html, corrections, seen)
    groups = [
        {
            "id": g["id"],
            "article": g["article"],
            "title": g["title"],
            "note": g["note"],
            "elements": [{"id": k, "text": CONTEXT_TEXTS[k]} for k in g["elements"]],
            "sources": [SRC_EOC],
        }
        for g in CONTEXT_GROUPS
    ]
    modes_out = _modes(modes, corrections)
    mental = {
        "article": "30",
        "title": "Mental element (default: intent and knowledge)",
        "text": modes["articles"]["30"],
        "note": "EoC General Introduction para 2: where an element states no mental element, Art 30 applies.",
        "sources": [SRC_STATUTE],
    }
    catalogue: dict[str, object] = {
        "schema": 1,
        "languages": ["en"],
        "edition": eoc["edition"],
        "sources": SOURCES,
        "introductions": introductions(eoc, html, corrections),
        "footnotes": eoc["footnotes"],
        "contextual_groups": groups,
        "crimes": crimes,
        "modes_of_liability": modes_out,
        "leadership_clause": leadership_clause(modes["articles"]["25"]),
        "mental_element": mental,
    }
    fix_texts(catalogue, corrections)
    catalogue["corrections"] = list(corrections)
    return catalogue


def _placement(cid: str, raw: dict[str, Any]) -> tuple[str, str, str | None]:
    """Article, paragraph and contextual group of a crime."""
    article = "8 bis" if cid == "8 bis" else cid.split("(", maxsplit=1)[0]
    paragraphs = {"7": "7(1)", "6": "6", "8 bis": "8 bis"}
    paragraph = str(raw["article_8_paragraph"]) if article == "8" else paragraphs[article]
    group: str | None
    if article in {"6", "7"}:
        group = f"ctx-{article}"
    elif article == "8":
        group = "ctx-8-iac" if raw.get("conflict") == "IAC" else "ctx-8-niac"
    else:
        group = None
    return article, paragraph, group


def _statute_and_status(
    cid: str, statute_text: str | None, amended: dict[str, Any] | None
) -> tuple[dict[str, object], dict[str, str]]:
    """Title, Statute text, its note, availability and sources of a crime, and its verification."""
    out: dict[str, object] = {"statute_text": statute_text, "sources": [SRC_EOC, SRC_STATUTE]}
    verification = dict(UNVERIFIED_EOC)
    out["elements_available"] = True
    if amended is not None:
        out["title"] = amended["title"]
        out["elements_available"] = False
        out["statute_text"] = amended["statute_text"]
        if cid == "8(2)(e)(xix)":
            out["statute_text_note"] = (
                "Text of the Swiss proposal as quoted by Amnesty International; the adopted text of "
                "ICC-ASP/18/Res.5 was not read. Missing from the Public.Law Statute copy."
            )
            out["sources"] = [SRC_AMNESTY]
        else:
            out["statute_text_note"] = (
                "Official text (Tractatenblad 2018, 74); same words in the Public.Law Statute copy."
            )
            out["sources"] = [SRC_TRB, SRC_STATUTE]
        verification = {
            "status": "elements-not-available",
            "note": "Elements of Crimes NOT available: the official elements are in the annexes of "
            + ("ICC-ASP/18/Res.5" if cid == "8(2)(e)(xix)" else "ICC-ASP/16/Res.4")
            + ", which no stored source reproduced. Only the Statute text is shipped.",
        }
    if cid == "8(2)(b)(xx)":
        out["elements_available"] = False
        verification = dict(NO_ANNEX)
    if cid in SPOT_CHECKED:
        verification = {"status": "spot-checked", "note": SPOT_CHECKED[cid]}
    if out["statute_text"] is None:
        raise SystemExit(f"no Statute text for {cid}")
    return out, verification


def _crime_notes(cid: str, raw: dict[str, Any]) -> list[str]:
    notes: list[str] = []
    if raw.get("note"):
        notes.append(str(raw["note"]))
    if raw.get("structure_note"):
        notes.append(str(raw["structure_note"]))
    if raw.get("source_fix"):
        notes.append("Source fix: " + str(raw["source_fix"]))
    if cid == "8(2)(b)(viii)":
        notes.append(
            "Unlike the other war crimes, this crime's Elements of Crimes heading repeats the Statute text "
            'instead of a "War crime of ..." short title; the Case Matrix Network Elements Digest shows the '
            "same heading. caseapp keeps it (a short title has no legal effect, EoC General Introduction "
            "para 10); not yet compared with the official ICC PDF."
        )
    return notes


def _element(cid: str, group: str | None, e: dict[str, Any], corrections: list[str]) -> dict[str, object]:
    text = str(e["text"])
    if cid == "8(2)(a)(i)" and e["n"] == 3 and text.endswith("status.,"):
        text = text[:-1]
        corrections.append(
            "8(2)(a)(i)-3: removed a stray ',' after 'protected status.' (transcription artefact: "
            "the source HTML reads 'status.[^32], [^33]', a comma between two footnote markers)."
        )
    footnotes = list(e.get("footnotes", []))
    text, glued = _unglue_footnote(cid, e["n"], text, corrections)
    if glued is not None:
        footnotes.append(glued)
    el: dict[str, object] = {"id": f"{cid}-{e['n']}", "n": e["n"], "text": text, "role": e["role"]}
    el["footnotes"] = footnotes
    if e.get("alternatives"):
        el["alternatives"] = [
            {"letter": alt["letter"], "text": alt["text"], "footnotes": alt.get("footnotes", [])}
            for alt in e["alternatives"]
        ]
    if e["role"] == "contextual":
        ref = context_ref(text, group)
        if ref is None:
            raise SystemExit(f"contextual element of {cid} does not match its group: {text!r}")
        el["context_ref"] = ref
        if text != CONTEXT_TEXTS[ref]:
            el["note"] = (
                "Wording differs from the same contextual element in the other crimes "
                "(no 'directed'); UNVERIFIED whether the official text reads so."
            )
    return el


def _crime(
    raw: dict[str, Any], items: dict[str, str], amend_by_id: dict[str, Any], corrections: list[str]
) -> dict[str, object]:
    cid = "8 bis" if raw["id"] == "8bis" else str(raw["id"])
    statute_ref = re.sub(r"-\d+$", "", cid)
    article, paragraph, group = _placement(cid, raw)
    statute, verification = _statute_and_status(cid, items.get(statute_ref), amend_by_id.get(cid))
    elements = [_element(cid, group, e, corrections) for e in raw["elements"]]
    heading_footnotes = list(raw.get("heading_footnotes", []))
    if cid == "8(2)(a)(ii)-1" and 35 not in heading_footnotes:
        heading_footnotes.append(35)
        corrections.append(
            "8(2)(a)(ii)-1: attached footnote 35 (on the source's 'Elements[^35]' sub-heading) to the crime."
        )
    crime: dict[str, object] = {
        "id": cid,
        "article": article,
        "paragraph": paragraph,
        "statute_ref": statute_ref,
        "title": statute.get("title", raw.get("title")),
        "statute_text": statute["statute_text"],
        "conflict": raw.get("conflict"),
        "amendment": AMENDMENT_OF.get(cid),
        "contextual_group": group,
        "heading_footnotes": heading_footnotes,
        "introduction": raw.get("introduction", []),
        "elements_available": statute["elements_available"],
        "elements": elements,
        "sources": statute["sources"],
        "verification": verification,
        "notes": _crime_notes(cid, raw),
    }
    if statute.get("statute_text_note"):
        crime["statute_text_note"] = statute["statute_text_note"]
    return crime


def _modes(modes: dict[str, Any], corrections: list[str]) -> list[dict[str, object]]:
    art28 = fix_article_28(modes["articles"]["28"], corrections)
    art25 = modes["articles"]["25"]
    modes_out: list[dict[str, object]] = []
    for s in modes["structures"]:
        mid, label, provision = MODE_IDS[s["mode"]]
        provision_text = provision_text_of(art25, art28, provision, corrections)
        ver = s["verified"]
        status = "verified-source" if ver is True else ("partial" if ver == "partial" else "unverified")
        basis = s.get("source") or s.get("basis") or ""
        modes_out.append(
            {
                "id": mid,
                "label": label,
                "provision": provision,
                "statute_text": provision_text,
                "elements": [
                    {"id": f"{mid}-{i + 1}", "text": re.sub(r"^M\.\d+ ", "", t)} for i, t in enumerate(s["elements"])
                ],
                "verification": {
                    "status": status if s["elements"] else "elements-not-available",
                    "note": basis
                    if s["elements"]
                    else f"Element list not available ({basis}); only the Statute text is shipped.",
                },
                "sources": [SRC_STATUTE] + ([SRC_CMN] if "casematrixnetwork" in basis else []),
            }
        )
    return modes_out


_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10}


def _roman(text: str) -> int:
    total = 0
    for i, ch in enumerate(text):
        value = _ROMAN_VALUES[ch]
        nxt = _ROMAN_VALUES[text[i + 1]] if i + 1 < len(text) else 0
        total += -value if value < nxt else value
    return total


def _statute_order(crime: dict[str, object]) -> tuple[int, str, int, int]:
    """Statute order: 6, 7, 8(2)(a)...(e) by sub-paragraph number, then 8 bis."""
    cid = str(crime["id"])
    if cid == "8 bis":
        return (9, "", 0, 0)
    m = re.match(r"^(\d)(?:\(\d\))?\(([a-k])\)(?:\(([ivx]+)\))?(?:-(\d))?$", cid)
    if not m:
        raise SystemExit(f"cannot order {cid}")
    return (int(m.group(1)), m.group(2), _roman(m.group(3) or ""), int(m.group(4) or 0))


def build_countries(src: Path) -> list[tuple[str, str]]:
    rows: dict[str, str] = {}
    with (src / "aba-icc-countries.csv").open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            code = row["iso_code"].strip().upper()
            if re.fullmatch(r"[A-Z]{2}", code):
                rows[code] = row["title"].strip()
    with (src / "states-parties.source.csv").open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            rows.setdefault(row["iso2"].strip().upper(), row["state"].strip())
    rows.update(COUNTRY_NAME_FIXES)
    return sorted(rows.items())


def build_states(src: Path, corrections: list[str]) -> list[dict[str, str]]:
    cross = (src / "states-parties.crosscheck.md").read_text("utf-8")
    m = re.search(r"Rows \*\*confirmed\*\*[^:]*: (.*?)\.\n", cross)
    if not m:
        raise SystemExit("confirmed list not found in the crosscheck")
    confirmed = {n.strip() for n in m.group(1).split(",")}
    sources: dict[str, str] = {}
    for line in cross.splitlines():
        sm = re.match(r"^- ([^:]+): (https?://.*)$", line)
        if sm:
            sources[sm.group(1).strip()] = sm.group(2).strip()
    rows: list[dict[str, str]] = []
    with (src / "states-parties.source.csv").open(encoding="utf-8", newline="") as fh:
        for raw in csv.DictReader(fh):
            name = raw["state"].strip()
            iso = raw["iso2"].strip().upper()
            row = dict.fromkeys(STATE_COLUMNS, "")
            row.update(
                state=name,
                iso2=iso,
                deposit_date=raw["deposit_date"],
                entry_into_force=raw["entry_into_force"],
                notes=raw["notes"],
            )
            if name in confirmed:
                row["date_status"] = "confirmed"
                row["date_sources"] = sources.get(name, "")
            else:
                row["date_status"] = "unverified"
                row["date_sources"] = raw["deposit_date_source"]
            if raw["status"] == "withdrawn" or raw["status"].startswith("withdrawal") or "withdrawn" in raw["status"]:
                row["withdrawal_state"] = raw["status"]
            fix = STATE_FIXES.get(iso, {})
            for key, value in fix.items():
                if key != "why":
                    row[key] = value
            if "why" in fix:
                corrections.append(fix["why"])
            rows.append(row)
    return rows


def build(src: Path, out: Path) -> tuple[int, int]:
    """Write the four built files into ``out`` from the inputs in ``src``; return (crimes, corrections)."""
    corrections: list[str] = []
    states = build_states(src, corrections)
    catalogue = build_catalogue(src, corrections)
    (out / "catalogue.json").write_text(json.dumps(catalogue, ensure_ascii=False, indent=1) + "\n", "utf-8")
    with (out / "countries.csv").open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["iso2", "name"])
        writer.writerows(build_countries(src))
    with (out / "states-parties.csv").open("w", encoding="utf-8", newline="") as fh:
        dict_writer = csv.DictWriter(fh, fieldnames=STATE_COLUMNS)
        dict_writer.writeheader()
        dict_writer.writerows(states)
    (out / "corrections.json").write_text(json.dumps(corrections, ensure_ascii=False, indent=1) + "\n", "utf-8")
    crimes = catalogue["crimes"]
    assert isinstance(crimes, list)
    return len(crimes), len(corrections)


INPUT_FILES = (
    "elements-of-crimes.source.json",
    "elements-of-crimes.icc-alpha.html",
    "RomeStatute.public-law.json",
    "elements-amendments-2017-2019.json",
    "modes-of-liability.json",
    "states-parties.source.csv",
    "states-parties.crosscheck.md",
    "aba-icc-countries.csv",
)
BUILT_FILES = ("catalogue.json", "countries.csv", "states-parties.csv", "corrections.json")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Build caseapp's legal data from the inputs in resources/legal.")
    parser.add_argument("--src", type=Path, default=HERE, help="folder holding the inputs (tests use a copy)")
    parser.add_argument("--out", type=Path, default=HERE, help="folder to write the built files to")
    args = parser.parse_args(argv)
    crimes, corrections = build(args.src, args.out)
    print(f"{crimes} crimes; corrections: {corrections}")


if __name__ == "__main__":
    main()
