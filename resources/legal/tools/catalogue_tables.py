"""The hand-made tables of build_catalogue.py: sources, verbatim contextual elements, corrections.

Every entry is data a reviewer checks against PROVENANCE.md; the logic that applies them is in
build_catalogue.py.
"""

from __future__ import annotations

SRC_EOC = "eoc-2011-icc-alpha"
SRC_STATUTE = "statute-public-law"
SRC_TRB = "trb-2018-74"
SRC_AMNESTY = "amnesty-asp18"
SRC_CMN = "cmn-digest"

SOURCES = {
    SRC_EOC: {
        "title": "Elements of Crimes, ICC 2011 edition (ICC-PIDS-LT-03-002/11_Eng), third-party HTML transcription",
        "where": "github.com/robertocarroll/icc-alpha @ e283a4619731b49f41ca31b3152aa3ef57277203, "
        "elements-of-crimes.html",
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
    "C-7a": "The conduct was committed as part of a widespread or systematic attack directed against a civilian "
    "population.",
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


# Footnote numbers the source HTML left untagged, glued to the text (e.g. "interest.46").
# Each was checked: the footnote's text fits the element, and no other element cites it.
GLUED = {
    ("8(2)(b)(x)-1", 3): ("interest.46", "interest.", 46),
    ("8(2)(b)(xxii)-1", 2): ("consent.51", "consent.", 51),
    ("8(2)(c)(i)-1", 2): ("personnel56 ", "personnel ", 56),
    ("8(2)(e)(vi)-1", 2): ("consent.64", "consent.", 64),
    ("8(2)(e)(vi)-2", 1): ("liberty.66", "liberty.", 66),
}


UNVERIFIED_EOC = {
    "status": "unverified",
    "note": "Element texts transcribed from a third-party copy of the ICC 2011 edition; "
    "not yet compared with the official ICC PDF.",
}
NO_ANNEX = {
    "status": "elements-not-available",
    "note": "The Elements of Crimes have no elements for this crime: they 'will have to be drafted once "
    "weapons ... have been included in an annex to the Statute' (no such annex exists).",
}


MODE_IDS = {
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


# Transcription artefacts, replaced in every Elements of Crimes text (elements, footnotes, introductions):
# (wrong, right, why). Each was read against the structure of the sentence; none changes a word's meaning.
TEXT_FIXES = (
    ("suchan extent", "such an extent", "two words run together in the source HTML"),
    ("age- related", "age-related", "a line-end hyphenation left as 'age- related' in the source HTML"),
    ("non- international", "non-international", "a line-end hyphenation left as 'non- international'"),
)

# Introduction items the source JSON lost: the HTML leaves the last <li> of the Art 8 Introduction
# unclosed before the next heading, and the parser dropped it. The text is read from the HTML (checked).
INTRO_ITEMS_MISSING = {
    "Article 8": "There is only a requirement for the awareness of the factual circumstances that established the "
    "existence of an armed conflict that is implicit in the terms “took place in the context of and was associated "
    "with”.",
}

# Footnote markers the source JSON dropped, with the HTML fragment that carries each (checked by the builder).
# Introduction paragraphs are keyed (article, label); Statute paragraphs by their reference.
INTRO_FOOTNOTES = {("7", "3."): ((6,), "against a civilian population.[^6]</li>")}
PARAGRAPH_FOOTNOTES = {"8(2)(e)": ((60,), '<h2 id="article8-2e">Article 8 (2) (e)[^60]</h2>')}
