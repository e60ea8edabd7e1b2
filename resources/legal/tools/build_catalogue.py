"""Build the normalised legal data caseapp ships, from the upstream copies in this folder.

Run from the repository root (standard library only, no network):

    python resources/legal/tools/build_catalogue.py [path/to/shared/reference/legal]

Inputs (all copied byte for byte from ../shared/reference/legal/, see ../PROVENANCE.md):
  elements-of-crimes.source.json, RomeStatute.public-law.json, elements-amendments-2017-2019.json,
  modes-of-liability.json, states-parties.source.csv, and (for the country list) aba-icc-countries.csv
  from the shared folder.
Outputs: catalogue.json, countries.csv, states-parties.csv. jurisdiction.json is edited by hand.

Every correction applied here is listed in CORRECTIONS and in ../PROVENANCE.md.
"""

from __future__ import annotations

import csv
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent

SRC_EOC = "eoc-2011-icc-alpha"
SRC_STATUTE = "statute-public-law"
SRC_TRB = "trb-2018-74"
SRC_AMNESTY = "amnesty-asp18"
SRC_CMN = "cmn-digest"

SOURCES = {
    SRC_EOC: {
        "title": "Elements of Crimes, ICC 2011 edition (ICC-PIDS-LT-03-002/11_Eng), third-party HTML transcription",
        "where": "github.com/robertocarroll/icc-alpha @ e283a4619731b49f41ca31b3152aa3ef57277203, elements-of-crimes.html",
        "licence": "Text (c) International Criminal Court 2011; repository GPL-2.0 (icc-alpha.LICENSE.txt)",
    },
    SRC_STATUTE: {
        "title": "Rome Statute of the International Criminal Court (Public.Law Datasets)",
        "where": "github.com/public-law/datasets @ 9f4e57acfe5fe3703b80558c790b9859e5136db5, "
        "Intergovernmental/RomeStatute/RomeStatute.json (dc:source https://www.icc-cpi.int/Publications/Rome-Statute.pdf)",
        "licence": "CC BY 4.0, 'Public.Law Datasets by Public.Law' (RomeStatute.public-law.LICENSE.md)",
    },
    SRC_TRB: {
        "title": "Tractatenblad 2018, 74: English text of the amendment adopted by ICC-ASP/16/Res.4",
        "where": "https://zoek.officielebekendmakingen.nl/trb-2018-74.html",
        "licence": "Official publication of the Netherlands; licence not checked",
    },
    SRC_AMNESTY: {
        "title": "Amnesty International note quoting the proposed text of Art 8(2)(e)(xix) (ICC-ASP/18/Res.5)",
        "where": "https://hrij.amnesty.nl/asp18-calling-on-states-parties-to-adopt-the-proposed-amendment-to-article-82e-of-the-rome-statute/",
        "licence": "not checked",
    },
    SRC_CMN: {
        "title": "Case Matrix Network, Means of Proof Digest (modes of liability)",
        "where": "http://casematrixnetwork.org/cmn-knowledge-hub/proof-digest/mol/",
        "licence": "not checked",
    },
}

# Verbatim contextual elements (EoC 2011; RESEARCH-NOTES §1.2).
CONTEXT_TEXTS = {
    "C-6": "The conduct took place in the context of a manifest pattern of similar conduct directed against that "
    "group or was conduct that could itself effect such destruction.",
    "C-7a": "The conduct was committed as part of a widespread or systematic attack directed against a civilian population.",
    "C-7b": "The perpetrator knew that the conduct was part of or intended the conduct to be part of a widespread or "
    "systematic attack directed against a civilian population.",
    "C-IAC": "The conduct took place in the context of and was associated with an international armed conflict.",
    "C-NIAC": "The conduct took place in the context of and was associated with an armed conflict not of an "
    "international character.",
    "C-AC": "The perpetrator was aware of factual circumstances that established the existence of an armed conflict.",
}
CONTEXT_GROUPS = [
    {
        "id": "ctx-6",
        "article": "6",
        "title": "Genocide: manifest pattern (last element of each crime)",
        "elements": ["C-6"],
        "note": "Art 6 Introduction (c): the mental element for this circumstance, if any, is decided case by case.",
    },
    {
        "id": "ctx-7",
        "article": "7",
        "title": "Crimes against humanity: widespread or systematic attack (last two elements)",
        "elements": ["C-7a", "C-7b"],
        "note": "Art 7 Introduction para 3: 'attack directed against a civilian population' = course of conduct "
        "pursuant to or in furtherance of a State or organizational policy.",
    },
    {
        "id": "ctx-8-iac",
        "article": "8",
        "title": "War crimes: international armed conflict (last two elements)",
        "elements": ["C-IAC", "C-AC"],
        "note": "Art 8 Introduction: no legal evaluation of the existence or character of the conflict is required.",
    },
    {
        "id": "ctx-8-niac",
        "article": "8",
        "title": "War crimes: armed conflict not of an international character (last two elements)",
        "elements": ["C-NIAC", "C-AC"],
        "note": "Art 8 Introduction: no legal evaluation of the existence or character of the conflict is required.",
    },
]

CORRECTIONS: list[str] = []

# Spot-checked against an independent source (RESEARCH-NOTES §1.5).
SPOT_CHECKED = {
    "8(2)(b)(ii)": "matches vilp.de Elements of Crimes word for word",
    "8(2)(b)(xvii)": "matches vilp.de Elements of Crimes word for word",
    "8(2)(a)(ii)-3": "matches vilp.de Elements of Crimes word for word",
    "6(a)": "element list matches UK SI 2001/2505 (legislation.gov.uk)",
    "6(b)": "element list matches UK SI 2001/2505 (legislation.gov.uk)",
}

AMENDMENT_OF = {
    "8(2)(e)(xiii)": "RC/Res.5",
    "8(2)(e)(xiv)": "RC/Res.5",
    "8(2)(e)(xv)": "RC/Res.5",
    "8 bis": "RC/Res.6",
    "8(2)(b)(xxvii)": "ICC-ASP/16/Res.4-bio",
    "8(2)(e)(xvi)": "ICC-ASP/16/Res.4-bio",
    "8(2)(b)(xxviii)": "ICC-ASP/16/Res.4-frag",
    "8(2)(e)(xvii)": "ICC-ASP/16/Res.4-frag",
    "8(2)(b)(xxix)": "ICC-ASP/16/Res.4-laser",
    "8(2)(e)(xviii)": "ICC-ASP/16/Res.4-laser",
    "8(2)(e)(xix)": "ICC-ASP/18/Res.5",
}


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


# Footnote numbers the source HTML left untagged, glued to the text (e.g. "interest.46").
# Each was checked: the footnote's text fits the element, and no other element cites it.
_GLUED = {
    ("8(2)(b)(x)-1", 3): ("interest.46", "interest.", 46),
    ("8(2)(b)(xxii)-1", 2): ("consent.51", "consent.", 51),
    ("8(2)(c)(i)-1", 2): ("personnel56 ", "personnel ", 56),
    ("8(2)(e)(vi)-1", 2): ("consent.64", "consent.", 64),
    ("8(2)(e)(vi)-2", 1): ("liberty.66", "liberty.", 66),
}


def _unglue_footnote(cid: str, n: int, text: str) -> tuple[str, int | None]:
    fix = _GLUED.get((cid, n))
    if fix is None:
        return text, None
    old, new, number = fix
    if old not in text:
        raise SystemExit(f"expected glued footnote {number} in {cid}-{n}")
    CORRECTIONS.append(
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


def build_catalogue(shared: Path) -> dict[str, object]:
    eoc = json.loads((HERE / "elements-of-crimes.source.json").read_text("utf-8"))
    statute = json.loads((HERE / "RomeStatute.public-law.json").read_text("utf-8"))
    amend = json.loads((HERE / "elements-amendments-2017-2019.json").read_text("utf-8"))
    modes = json.loads((HERE / "modes-of-liability.json").read_text("utf-8"))
    articles = statute_articles(statute)
    items = statute_items(articles)
    amend_by_id = {c["id"]: c for c in amend["crimes"]}

    crimes: list[dict[str, object]] = []
    for raw in eoc["crimes"]:
        cid = "8 bis" if raw["id"] == "8bis" else raw["id"]
        statute_ref = re.sub(r"-\d+$", "", cid)
        article = "8 bis" if cid == "8 bis" else cid.split("(")[0]
        paragraph = None
        if article == "8":
            paragraph = raw["article_8_paragraph"]
        elif article == "7":
            paragraph = "7(1)"
        elif article == "6":
            paragraph = "6"
        else:
            paragraph = "8 bis"
        conflict = raw.get("conflict")
        if article == "6":
            group = "ctx-6"
        elif article == "7":
            group = "ctx-7"
        elif article == "8":
            group = "ctx-8-iac" if conflict == "IAC" else "ctx-8-niac"
        else:
            group = None
        title = raw.get("title")
        sources = [SRC_EOC, SRC_STATUTE]
        statute_text = items.get(statute_ref)
        statute_text_note = None
        verification = {
            "status": "unverified",
            "note": "Element texts transcribed from a third-party copy of the ICC 2011 edition; "
            "not yet compared with the official ICC PDF.",
        }
        elements_available = True
        amendment = AMENDMENT_OF.get(cid)
        if cid in amend_by_id:
            a = amend_by_id[cid]
            title = a["title"]
            elements_available = False
            if cid == "8(2)(e)(xix)":
                statute_text = a["statute_text"]
                statute_text_note = (
                    "Text of the Swiss proposal as quoted by Amnesty International; the adopted text of "
                    "ICC-ASP/18/Res.5 was not read. Missing from the Public.Law Statute copy."
                )
                sources = [SRC_AMNESTY]
            else:
                statute_text = a["statute_text"]
                statute_text_note = "Official text (Tractatenblad 2018, 74); same words in the Public.Law Statute copy."
                sources = [SRC_TRB, SRC_STATUTE]
            verification = {
                "status": "elements-not-available",
                "note": "Elements of Crimes NOT available: the official elements are in the annexes of "
                + ("ICC-ASP/18/Res.5" if cid == "8(2)(e)(xix)" else "ICC-ASP/16/Res.4")
                + ", which no stored source reproduced. Only the Statute text is shipped.",
            }
        if cid == "8(2)(b)(xx)":
            elements_available = False
            verification = {
                "status": "elements-not-available",
                "note": "The Elements of Crimes have no elements for this crime: they 'will have to be drafted once "
                "weapons ... have been included in an annex to the Statute' (no such annex exists).",
            }
        if cid in SPOT_CHECKED:
            verification = {"status": "spot-checked", "note": SPOT_CHECKED[cid]}
        if statute_text is None:
            raise SystemExit(f"no Statute text for {cid}")
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
        elements: list[dict[str, object]] = []
        for e in raw["elements"]:
            text = e["text"]
            if cid == "8(2)(a)(i)" and e["n"] == 3 and text.endswith("status.,"):
                text = text[:-1]
                CORRECTIONS.append(
                    "8(2)(a)(i)-3: removed a stray ',' after 'protected status.' (transcription artefact: "
                    "the source HTML reads 'status.[^32], [^33]', a comma between two footnote markers)."
                )
            footnotes = list(e.get("footnotes", []))
            text, glued = _unglue_footnote(cid, e["n"], text)
            if glued is not None:
                footnotes.append(glued)
            el: dict[str, object] = {
                "id": f"{cid}-{e['n']}",
                "n": e["n"],
                "text": text,
                "role": e["role"],
                "footnotes": footnotes,
            }
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
            elements.append(el)
        heading_footnotes = list(raw.get("heading_footnotes", []))
        if cid == "8(2)(a)(ii)-1" and 35 not in heading_footnotes:
            heading_footnotes.append(35)
            CORRECTIONS.append(
                "8(2)(a)(ii)-1: attached footnote 35 (on the source's 'Elements[^35]' sub-heading) to the crime."
            )
        crime: dict[str, object] = {
            "id": cid,
            "article": article,
            "paragraph": paragraph,
            "statute_ref": statute_ref,
            "title": title,
            "statute_text": statute_text,
            "conflict": conflict,
            "amendment": amendment,
            "contextual_group": group,
            "heading_footnotes": heading_footnotes,
            "introduction": raw.get("introduction", []),
            "elements_available": elements_available,
            "elements": elements,
            "sources": sources,
            "verification": verification,
            "notes": notes,
        }
        if statute_text_note:
            crime["statute_text_note"] = statute_text_note
        crimes.append(crime)

    crimes.sort(key=_statute_order)
    groups = []
    for g in CONTEXT_GROUPS:
        groups.append(
            {
                "id": g["id"],
                "article": g["article"],
                "title": g["title"],
                "note": g["note"],
                "elements": [{"id": k, "text": CONTEXT_TEXTS[k]} for k in g["elements"]],
                "sources": [SRC_EOC],
            }
        )

    art28 = fix_article_28(modes["articles"]["28"])
    mode_ids = {
        "25(3)(a) direct perpetration": ("25(3)(a)-direct", "Direct perpetration", "25(3)(a)"),
        "25(3)(a) joint perpetration (co-perpetration)": ("25(3)(a)-joint", "Co-perpetration", "25(3)(a)"),
        "25(3)(a) indirect perpetration / indirect co-perpetration (through another person; control over an "
        "organised and hierarchical apparatus of power)": (
            "25(3)(a)-indirect",
            "Indirect perpetration / indirect co-perpetration",
            "25(3)(a)",
        ),
        "25(3)(b) ordering / soliciting / inducing": ("25(3)(b)", "Ordering, soliciting or inducing", "25(3)(b)"),
        "25(3)(c) aiding, abetting or otherwise assisting": (
            "25(3)(c)",
            "Aiding, abetting or otherwise assisting",
            "25(3)(c)",
        ),
        "25(3)(d) common-purpose contribution": (
            "25(3)(d)",
            "Contribution to a group crime (common purpose)",
            "25(3)(d)",
        ),
        "25(3)(e) direct and public incitement to genocide": (
            "25(3)(e)",
            "Direct and public incitement to genocide",
            "25(3)(e)",
        ),
        "25(3)(f) attempt": ("25(3)(f)", "Attempt", "25(3)(f)"),
        "28(a) military commanders": ("28(a)", "Command responsibility: military commanders", "28(a)"),
        "28(b) civilian and other superiors": (
            "28(b)",
            "Superior responsibility: civilian and other superiors",
            "28(b)",
        ),
    }
    art25 = modes["articles"]["25"]
    modes_out = []
    for s in modes["structures"]:
        mid, label, provision = mode_ids[s["mode"]]
        provision_text = provision_text_of(art25, art28, provision)
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
    mental = {
        "article": "30",
        "title": "Mental element (default: intent and knowledge)",
        "text": modes["articles"]["30"],
        "note": "EoC General Introduction para 2: where an element states no mental element, Art 30 applies.",
        "sources": [SRC_STATUTE],
    }
    return {
        "schema": 1,
        "languages": ["en"],
        "edition": eoc["edition"],
        "sources": SOURCES,
        "general_introduction": eoc["general_introduction"],
        "introductions": eoc["introductions"],
        "footnotes": eoc["footnotes"],
        "contextual_groups": groups,
        "crimes": crimes,
        "modes_of_liability": modes_out,
        "mental_element": mental,
        "corrections": list(CORRECTIONS),
    }


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


def fix_article_28(text: str) -> str:
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
        CORRECTIONS.append(
            "Art 28 text (modes of liability): the Public.Law copy numbers the two limbs '1.'/'2.' and their "
            "conditions '(a)'-'(c)'; relabelled '(a)'/'(b)' and '(i)'-'(iii)' as in the official Statute "
            "(28(b) itself refers to 'paragraph (a)')."
        )
    return fixed


def provision_text_of(art25: str, art28: str, provision: str) -> str:
    if provision.startswith("25(3)("):
        letter = provision[6]
        for line in art25.splitlines():
            if line.startswith(f"({letter}) "):
                return line
        raise SystemExit(f"no text for {provision}")
    letter = provision[3]
    chunk: list[str] = []
    on = False
    for line in art28.splitlines():
        if re.match(r"^\([ab]\) ", line):
            on = line.startswith(f"({letter}) ")
        if on:
            chunk.append(line)
    return "\n".join(chunk)


def build_countries(shared: Path) -> list[tuple[str, str]]:
    rows: dict[str, str] = {}
    with (shared / "aba-icc-countries.csv").open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            code = row["iso_code"].strip().upper()
            if re.fullmatch(r"[A-Z]{2}", code):
                rows[code] = row["title"].strip()
    with (HERE / "states-parties.source.csv").open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            rows.setdefault(row["iso2"].strip().upper(), row["state"].strip())
    rows.update(COUNTRY_NAME_FIXES)
    return sorted(rows.items())


# Display names only (the ISO codes are unchanged).
COUNTRY_NAME_FIXES = {"MM": "Myanmar", "PS": "State of Palestine"}


STATE_FIXES: dict[str, dict[str, str]] = {
    "MW": {
        "deposit_date": "2002-09-19",
        "entry_into_force": "2002-12-01",
        "date_status": "corrected",
        "date_sources": "https://www.pgaction.org/ilhr/rome-statute/malawi.html ; "
        "http://www.nyasatimes.com/malawi-rebuffs-mugabes-call-for-icc-withdraw/ ; "
        "https://www.newsday.co.zw/2015/06/malawi-ignores-mugabe-icc-pullout-call/",
        "notes": "Corrected by caseapp from the ABA year 2011 (see PROVENANCE.md).",
        "why": "Malawi: deposit 2011-09-19 -> 2002-09-19 and entry into force 2011-12-01 -> 2002-12-01 (three "
        "independent sources give ratification on 19 Sept 2002; ABA's own EIF 2002-11-30 agrees; Art 126 computed).",
    },
    "TN": {
        "deposit_date": "2011-06-24",
        "date_status": "corrected",
        "date_sources": "https://www.pgaction.org/es/ilhr/rome-statute/states-parties.html",
        "why": "Tunisia: deposit 2011-06-22 -> 2011-06-24 (PGA; entry into force unchanged, 2011-09-01).",
    },
    "CI": {
        "deposit_date": "2013-02-15",
        "date_status": "corrected",
        "date_sources": "https://asp.icc-cpi.int/press-releases/pr873 ; "
        "https://www.pgaction.org/es/ilhr/rome-statute/states-parties.html",
        "why": "Cote d'Ivoire: deposit 2013-02-14 -> 2013-02-15 (ICC ASP pr873, PGA; the known ABA one-day "
        "timezone error; entry into force unchanged, 2013-05-01).",
    },
    "ME": {
        "eif_alternative": "2007-01-01",
        "date_status": "conflict",
        "why": "Montenegro: entry into force 2006-06-03 (succession, ABA only) is UNCONFIRMED; Art 126 applied to "
        "the confirmed 2006-10-23 deposit gives 2007-01-01; dates in between answer 'depends'.",
    },
    "VC": {
        "eif_alternative": "2003-02-01",
        "why": "Saint Vincent and the Grenadines: unverified deposit 2002-12-03; one day earlier would move entry "
        "into force to 2003-02-01, so dates in February 2003 answer 'depends'.",
    },
    "CV": {
        "date_status": "conflict",
        "why": "Cabo Verde: one source (PGA) gives deposit 2011-10-10, the CSV 2011-10-12; kept, flagged "
        "(entry into force 2012-01-01 either way).",
    },
    "ZM": {
        "date_status": "conflict",
        "why": "Zambia: one source (ICJ) gives 13 Nov 2000 (probably a typo); CSV 2002-11-13 kept, flagged.",
    },
    "BI": {
        "withdrawal_notified": "2016-10-27",
        "withdrawal_effective": "2017-10-27",
        "withdrawal_state": "effective",
        "withdrawal_sources": "http://www.ielr.com/content/icc-authorizes-investigation-burundi-despite-withdrawal-rome-statute"
        " (notification date computed: effective date minus one year, Art 127(1))",
    },
    "PH": {
        "withdrawal_notified": "2018-03-17",
        "withdrawal_effective": "2019-03-17",
        "withdrawal_state": "effective",
        "withdrawal_sources": "https://www.icc-cpi.int/news/icc-statement-philippines-notice-withdrawal-state-"
        "participation-rome-statute-system-essential (effective date computed per Art 127(1))",
    },
    "HU": {
        "withdrawal_notified": "2025-06-02",
        "withdrawal_effective": "2026-06-02",
        "withdrawal_state": "revocation-unconfirmed",
        "withdrawal_sources": "https://coalitionfortheicc.org/news/hungary-withdraws-icc-rome-statute ; "
        "https://news.hanna-ai.com/en/article/hungary-reverses-icc-exit (revocation, unconfirmed)",
    },
    "MY": {"withdrawal_state": "accession-withdrawn"},
    "VE": {"withdrawal_state": "announced"},
    "BF": {"withdrawal_state": "announced"},
    "ML": {"withdrawal_state": "announced"},
    "NE": {"withdrawal_state": "announced"},
}

STATE_COLUMNS = [
    "state",
    "iso2",
    "deposit_date",
    "entry_into_force",
    "eif_alternative",
    "date_status",
    "date_sources",
    "withdrawal_notified",
    "withdrawal_effective",
    "withdrawal_state",
    "withdrawal_sources",
    "notes",
]

NAME_ALIASES = {"Cape Verde": "Cabo Verde", "Cote d\u2019Ivoire": "Cote d'Ivoire"}


def build_states(shared: Path) -> list[dict[str, str]]:
    cross = (shared / "states-parties.crosscheck.md").read_text("utf-8")
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
    with (HERE / "states-parties.source.csv").open(encoding="utf-8", newline="") as fh:
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
                CORRECTIONS.append(fix["why"])
            rows.append(row)
    return rows


def main() -> None:
    shared = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE.parent.parent.parent / "shared" / "reference" / "legal"
    states = build_states(shared)
    catalogue = build_catalogue(shared)
    (HERE / "catalogue.json").write_text(json.dumps(catalogue, ensure_ascii=False, indent=1) + "\n", "utf-8")
    with (HERE / "countries.csv").open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["iso2", "name"])
        writer.writerows(build_countries(shared))
    with (HERE / "states-parties.csv").open("w", encoding="utf-8", newline="") as fh:
        dict_writer = csv.DictWriter(fh, fieldnames=STATE_COLUMNS)
        dict_writer.writeheader()
        dict_writer.writerows(states)
    (HERE / "corrections.json").write_text(json.dumps(CORRECTIONS, ensure_ascii=False, indent=1) + "\n", "utf-8")
    print(f"{len(catalogue['crimes'])} crimes; corrections: {len(CORRECTIONS)}")  # type: ignore[arg-type]


if __name__ == "__main__":
    main()
