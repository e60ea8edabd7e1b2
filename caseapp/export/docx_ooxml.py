"""WordprocessingML pieces python-docx 1.2 has no API for, used by :mod:`caseapp.export.docx_render`.

Bookmarks, internal hyperlinks, complex fields (TOC, PAGE, NUMPAGES, PAGEREF), shading, right-to-left
paragraphs, and the package clean-up that leaves only the document's own properties in the file.
Word refuses a file whose property elements are out of schema order, so every child element is
inserted through :func:`set_child`, which follows the order python-docx records for each parent.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Sequence
from typing import Any

from docx.document import Document as DocxDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
Element = Any  # lxml elements as python-docx builds them (BaseOxmlElement subclasses)

# Child order of each properties element (ECMA-376 part 1, as python-docx's oxml classes list it).
RPR_ORDER = (
    "w:rStyle", "w:rFonts", "w:b", "w:bCs", "w:i", "w:iCs", "w:caps", "w:smallCaps", "w:strike", "w:dstrike",
    "w:outline", "w:shadow", "w:emboss", "w:imprint", "w:noProof", "w:snapToGrid", "w:vanish", "w:webHidden",
    "w:color", "w:spacing", "w:w", "w:kern", "w:position", "w:sz", "w:szCs", "w:highlight", "w:u", "w:effect",
    "w:bdr", "w:shd", "w:fitText", "w:vertAlign", "w:rtl", "w:cs", "w:em", "w:lang", "w:eastAsianLayout",
    "w:specVanish", "w:oMath",
)  # fmt: skip
PPR_ORDER = (
    "w:pStyle", "w:keepNext", "w:keepLines", "w:pageBreakBefore", "w:framePr", "w:widowControl", "w:numPr",
    "w:suppressLineNumbers", "w:pBdr", "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap",
    "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd",
    "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc",
    "w:textDirection", "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr",
    "w:sectPr", "w:pPrChange",
)  # fmt: skip
TCPR_ORDER = (
    "w:cnfStyle", "w:tcW", "w:gridSpan", "w:hMerge", "w:vMerge", "w:tcBorders", "w:shd", "w:noWrap", "w:tcMar",
    "w:textDirection", "w:tcFitText", "w:vAlign", "w:hideMark",
)  # fmt: skip
TRPR_ORDER = (
    "w:cnfStyle", "w:divId", "w:gridBefore", "w:gridAfter", "w:wBefore", "w:wAfter", "w:cantSplit", "w:trHeight",
    "w:tblHeader", "w:tblCellSpacing", "w:jc", "w:hidden",
)  # fmt: skip
TBLPR_ORDER = (
    "w:tblStyle", "w:tblpPr", "w:tblOverlap", "w:bidiVisual", "w:tblStyleRowBandSize", "w:tblStyleColBandSize",
    "w:tblW", "w:jc", "w:tblCellSpacing", "w:tblInd", "w:tblBorders", "w:shd", "w:tblLayout", "w:tblCellMar",
    "w:tblLook",
)  # fmt: skip

# The elements of python-docx's template settings.xml plus the ones set here, in schema order.
SETTINGS_ORDER = (
    "w:writeProtection", "w:view", "w:zoom", "w:removePersonalInformation", "w:removeDateAndTime", "w:proofState",
    "w:defaultTabStop", "w:characterSpacingControl", "w:updateFields", "w:compat", "m:mathPr", "w:themeFontLang",
    "w:clrSchemeMapping", "w:doNotAutoCompressPictures", "w:shapeDefaults", "w:decimalSymbol", "w:listSeparator",
)  # fmt: skip


def set_child(parent: Element, tag: str, order: Sequence[str], **attrs: str) -> Element:
    """Replace ``parent``'s ``tag`` child by a new one with ``attrs`` (``w_val`` -> ``w:val``), placed
    where the schema ``order`` wants it."""
    for old in parent.findall(qn(tag)):
        parent.remove(old)
    child = OxmlElement(tag)
    for key, value in attrs.items():
        child.set(qn(key.replace("_", ":", 1)), value)
    later = order[order.index(tag) + 1 :]
    parent.insert_element_before(child, *later)
    return child


def set_paragraph_style(paragraph: Paragraph, style_id: str) -> None:
    """``w:pStyle`` (first in ``w:pPr``), without python-docx's slower generic insertion."""
    p = paragraph._p
    ppr = p.pPr
    if ppr is None:
        ppr = OxmlElement("w:pPr")
        p.insert(0, ppr)
    for old in ppr.findall(qn("w:pStyle")):
        ppr.remove(old)
    ppr.insert(0, OxmlElement("w:pStyle", {qn("w:val"): style_id}))


def shade_paragraph(paragraph: Paragraph, fill: str) -> None:
    set_child(paragraph._p.get_or_add_pPr(), "w:shd", PPR_ORDER, w_val="clear", w_color="auto", w_fill=fill)


def set_rtl_paragraph(paragraph: Paragraph) -> None:
    """Mark a paragraph right-to-left (``w:bidi``): Word and LibreOffice then start it at the right."""
    set_child(paragraph._p.get_or_add_pPr(), "w:bidi", PPR_ORDER)


def shade_run(rpr: Element, fill: str) -> None:
    set_child(rpr, "w:shd", RPR_ORDER, w_val="clear", w_color="auto", w_fill=fill)


def set_run_lang(rpr: Element, **langs: str) -> None:
    """``w:lang`` on a run or style (``val="en-GB"``, ``bidi="ar-SA"``)."""
    set_child(rpr, "w:lang", RPR_ORDER, **{f"w_{k}": v for k, v in langs.items()})


def set_fonts(rpr: Element, **fonts: str) -> None:
    """Explicit fonts on ``w:rFonts`` (``ascii``, ``hAnsi``, ``eastAsia``, ``cs``), theme fonts removed
    (a theme attribute would win over an explicit one)."""
    rfonts = rpr.get_or_add_rFonts()
    strip_theme(rfonts)
    for key, value in fonts.items():
        rfonts.set(qn(f"w:{key}"), value)


def strip_theme(element: Element) -> None:
    for name in list(element.attrib):
        if "heme" in name:  # asciiTheme, hAnsiTheme, cstheme, themeColor, themeShade, ...
            del element.attrib[name]


def set_cs_size(rpr: Element, points: float) -> None:
    set_child(rpr, "w:szCs", RPR_ORDER, w_val=str(round(points * 2)))


class Bookmarks:
    """Word bookmark names for the model's anchors: letters, digits and ``_``, at most 40 characters,
    unique; a leading ``_`` keeps them out of Word's bookmark list (like Word's own ``_Toc`` ones)."""

    def __init__(self) -> None:
        self._names: dict[str, str] = {}
        self._next_id = 0

    def define(self, anchor: str) -> str:
        if anchor not in self._names:
            safe = re.sub(r"[^A-Za-z0-9]", "_", anchor)
            self._names[anchor] = f"_cx{len(self._names) + 1}_{safe}"[:40]
        return self._names[anchor]

    def name(self, anchor: str) -> str | None:
        return self._names.get(anchor)

    def wrap(self, paragraph: Paragraph, anchor: str) -> None:
        """Put a bookmark for ``anchor`` around the whole paragraph's content (call after filling it)."""
        name = self.name(anchor)
        if name is None:
            return
        self._next_id += 1
        start = OxmlElement("w:bookmarkStart", {qn("w:id"): str(self._next_id), qn("w:name"): name})
        end = OxmlElement("w:bookmarkEnd", {qn("w:id"): str(self._next_id)})
        p = paragraph._p
        ppr = p.pPr
        p.insert(0 if ppr is None else p.index(ppr) + 1, start)
        p.append(end)


def hyperlink(paragraph: Paragraph, bookmark: str) -> Element:
    """An internal hyperlink to ``bookmark`` appended to the paragraph; move runs into it."""
    link = OxmlElement("w:hyperlink", {qn("w:anchor"): bookmark, qn("w:history"): "1"})
    paragraph._p.append(link)
    return link


def field_char(kind: str) -> Element:
    """A run holding ``w:fldChar`` of ``kind`` ("begin", "separate", "end")."""
    run = OxmlElement("w:r")
    run.append(OxmlElement("w:fldChar", {qn("w:fldCharType"): kind}))
    return run


def instr_text(instruction: str) -> Element:
    run = OxmlElement("w:r")
    instr = OxmlElement("w:instrText")
    instr.set(XML_SPACE, "preserve")
    instr.text = f" {instruction} "
    run.append(instr)
    return run


def text_run(text: str, rpr: Element | None = None) -> Element:
    run = OxmlElement("w:r")
    if rpr is not None:
        run.append(rpr)
    t = OxmlElement("w:t")
    t.set(XML_SPACE, "preserve")
    t.text = text
    run.append(t)
    return run


def append_field(parent: Element, instruction: str, cached: str) -> None:
    """A complex field (``PAGE``, ``NUMPAGES``, ``PAGEREF x \\h``) with ``cached`` as its result until
    the application updates it."""
    parent.append(field_char("begin"))
    parent.append(instr_text(instruction))
    parent.append(field_char("separate"))
    if cached:
        parent.append(text_run(cached))
    parent.append(field_char("end"))


_APP_XML = (
    b"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"'
    b' xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"/>'
)


# Word 2010's copy of the template's styles (python-docx never updates it): dropped, styles.xml rules.
_STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"


def clean_package(document: DocxDocument, title: str, subject: str, author: str, keywords: str) -> None:
    """Leave only the given core properties in the file, and nothing python-docx's template carries
    (its author, description, revision and 2013 dates, a Mac Word application name, a thumbnail, a
    bibliography custom XML part, a stale Word 2010 style copy,
    revision-session ids)."""
    core = document.core_properties
    for child in list(core._element):
        core._element.remove(child)
    core.title = title
    core.subject = subject
    core.author = author
    core.keywords = keywords

    package = document.part.package
    for rid, rel in list(package.rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            del package.rels[rid]
        elif rel.reltype == RT.EXTENDED_PROPERTIES:
            rel.target_part._blob = _APP_XML
    for rid, rel in list(document.part.rels.items()):
        if rel.reltype in (RT.CUSTOM_XML, RT.CUSTOM_PROPERTIES, _STYLES_WITH_EFFECTS):
            del document.part.rels[rid]

    settings = document.settings.element
    for tag in ("w:rsids", "w:savePreviewPicture", "w:attachedTemplate", "w14:docId"):
        for element in settings.findall(qn(tag)):
            settings.remove(element)
    for style_rsid in list(document.styles.element.iter(qn("w:rsid"))):
        style_rsid.getparent().remove(style_rsid)
    for element in document.element.iter():
        for name in [n for n in element.attrib if n.startswith(qn("w:rsid"))]:
            del element.attrib[name]


def reproducible_zip(package: bytes) -> bytes:
    """The same package with every entry dated 1980-01-01: python-docx stamps each with the clock,
    which would tell when the file was made and make two renderings of one model differ."""
    source = zipfile.ZipFile(io.BytesIO(package))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for entry in source.infolist():
            info = zipfile.ZipInfo(entry.filename, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(info, source.read(entry))
    return buffer.getvalue()
