"""Documents: PDF information (pypdfium2) and OOXML/ODF core properties (zipfile + defusedxml)."""

from __future__ import annotations

import re
import zipfile
from datetime import datetime
from typing import Any, BinaryIO
from xml.etree.ElementTree import Element, ParseError

import defusedxml
import defusedxml.ElementTree as SafeET
import pypdfium2 as pdfium

from caseapp.core.evidence import IntakeLimits, Metadata, Problem, ProblemCode, Severity
from caseapp.intake.fsutil import problem
from caseapp.intake.metadata_image import truncated_problem
from caseapp.intake.names import escape_name
from caseapp.intake.rawdump import RawDump
from caseapp.intake.ziputil import ZipRefused, read_member

_PDF_DATE = re.compile(r"^(?:D:)?(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?\s*(Z|[+-]\d{2}'?\d{2}'?|[+-]\d{2})?")
_TAIL = 2048

NS = {
    "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
    "dc": "http://purl.org/dc/elements/1.1/",
    "dcterms": "http://purl.org/dc/terms/",
    "ep": "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties",
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "meta": "urn:oasis:names:tc:opendocument:xmlns:meta:1.0",
}


class DocRefused(Exception):
    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.message)
        self.problem = problem


# ---------------------------------------------------------------------------------------- PDF
def pdf_date(value: str | None) -> str | None:  # noqa: PLR0911 - one return per precision
    """``D:20210304123456+01'00'`` → ``2021-03-04T12:34:56+01:00`` (as precise as given)."""
    if not value:
        return None
    m = _PDF_DATE.match(value.strip())
    if not m:
        return None
    y, mo, d, h, mi, s, tz = m.groups()
    try:
        datetime(int(y), int(mo or 1), int(d or 1), int(h or 0), int(mi or 0), int(s or 0))
    except ValueError:
        return None
    if mo is None:
        return y
    if d is None:
        return f"{y}-{mo}"
    if h is None:
        return f"{y}-{mo}-{d}"
    iso = f"{y}-{mo}-{d}T{h}:{mi or '00'}:{s or '00'}"
    if tz == "Z":
        return iso + "+00:00"
    if tz:
        digits = tz.replace("'", "")
        return f"{iso}{digits[:3]}:{digits[3:5] or '00'}"
    return iso


def pdf_is_truncated(fp: BinaryIO) -> bool:
    """A complete PDF ends with ``%%EOF`` (give or take trailing whitespace or junk)."""
    fp.seek(0, 2)
    size = fp.tell()
    fp.seek(max(0, size - _TAIL))
    return b"%%EOF" not in fp.read(_TAIL)


def open_pdf(fp: BinaryIO, path: str) -> pdfium.PdfDocument:
    """Open with PDFium. Raises `DocRefused` (encrypted, damaged)."""
    fp.seek(0)
    try:
        return pdfium.PdfDocument(fp)
    except pdfium.PdfiumError as exc:
        text = str(exc)
        if "password" in text.lower():
            raise DocRefused(
                problem(
                    path,
                    ProblemCode.ENCRYPTED,
                    Severity.WARNING,
                    f"'{escape_name(path)}' is a password-protected PDF; its content and metadata cannot be read "
                    "without the password. The original is kept as found.",
                )
            ) from None
        raise DocRefused(_damaged(path, "PDF", text)) from None
    except Exception as exc:
        raise DocRefused(_damaged(path, "PDF", str(exc))) from None


def pdf_metadata(pdf: pdfium.PdfDocument, path: str, limits: IntakeLimits) -> tuple[Metadata, tuple[Problem, ...]]:
    dump = RawDump(limits)
    info: dict[str, Any] = {}
    try:
        info = dict(pdf.get_metadata_dict(skip_empty=True))
    except Exception as exc:  # a damaged Info dictionary must not hide the rest
        dump.put("pdf", "metadata_error", str(exc))
    dump.put_all("pdf", info)
    pages = len(pdf)
    dump.put("pdf", "PageCount", pages)
    try:
        dump.put("pdf", "Version", pdf.get_version())
    except Exception:  # noqa: S110 - the version is a nicety
        pass

    def field(key: str) -> str | None:
        value = info.get(key)
        return value.strip()[:512] or None if isinstance(value, str) else None

    meta = Metadata(
        created=pdf_date(field("CreationDate")),
        modified=pdf_date(field("ModDate")),
        author=field("Author"),
        title=field("Title"),
        producer=" / ".join(x for x in (field("Creator"), field("Producer")) if x) or None,
        page_count=pages,
        raw=dump.sections,
        truncated=dump.truncated,
    )
    return meta, (truncated_problem(path, limits),) if dump.truncated else ()


# ----------------------------------------------------------------------------- OOXML and ODF
def parse_xml(data: bytes, path: str, part: str) -> Element:
    """Parse with defusedxml and no DTD at all (office parts never need one)."""
    try:
        root: Element = SafeET.fromstring(data, forbid_dtd=True)
    except defusedxml.DefusedXmlException as exc:
        raise DocRefused(
            problem(
                path,
                ProblemCode.XML_HOSTILE,
                Severity.WARNING,
                f"The part '{escape_name(part)}' of '{escape_name(path)}' uses XML features that can attack a "
                f"reader ({type(exc).__name__}); it was not read. The original is kept as found.",
            )
        ) from None
    except (ParseError, ValueError) as exc:
        raise DocRefused(_damaged(path, "document", f"part '{part}': {exc}")) from None
    return root


def _iso(value: str | None) -> str | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.strip()).isoformat()
    except ValueError:
        return None


def _children_text(root: Element, dump: RawDump, section: str) -> dict[str, str]:
    found: dict[str, str] = {}
    for child in list(root)[: 4 * 256]:
        tag = child.tag.split("}", 1)[-1] if isinstance(child.tag, str) else str(child.tag)
        text = (child.text or "").strip()
        attrs = {k.split("}", 1)[-1]: v for k, v in child.attrib.items()}
        if text:
            found.setdefault(tag, text)
            dump.put(section, tag, text)
        elif attrs:
            dump.put(section, tag, attrs)
            for key, value in attrs.items():
                found.setdefault(f"{tag}.{key}", value)
    return found


def _zip_xml(zf: zipfile.ZipFile, part: str, path: str, limits: IntakeLimits) -> Element | None:
    try:
        data = read_member(zf, part, limits.max_xml_part_bytes, path)
    except ZipRefused as refused:
        raise DocRefused(refused.problem) from None
    return None if data is None else parse_xml(data, path, part)


def office_metadata(zf: zipfile.ZipFile, path: str, limits: IntakeLimits) -> tuple[Metadata, tuple[Problem, ...]]:
    """Core properties of a DOCX/XLSX/PPTX (docProps) or ODT/ODS/ODP (meta.xml). Raises `DocRefused`."""
    dump = RawDump(limits)
    core_el = _zip_xml(zf, "docProps/core.xml", path, limits)
    if core_el is not None:
        core = _children_text(core_el, dump, "core")
        app_el = _zip_xml(zf, "docProps/app.xml", path, limits)
        app = _children_text(app_el, dump, "app") if app_el is not None else {}
        pages = app.get("Pages", "")
        meta = Metadata(
            created=_iso(core.get("created")),
            modified=_iso(core.get("modified")),
            author=core.get("creator"),
            last_modified_by=core.get("lastModifiedBy"),
            title=core.get("title"),
            producer=" ".join(x for x in (app.get("Application"), app.get("AppVersion")) if x) or None,
            page_count=int(pages) if pages.isdigit() else None,
            raw=dump.sections,
            truncated=dump.truncated,
        )
    else:
        meta_el = _zip_xml(zf, "meta.xml", path, limits)
        office_meta = meta_el.find("office:meta", NS) if meta_el is not None else None
        odf = _children_text(office_meta, dump, "meta") if office_meta is not None else {}
        pages = odf.get("document-statistic.page-count", "")
        meta = Metadata(
            created=_iso(odf.get("creation-date")),
            modified=_iso(odf.get("date")),
            author=odf.get("initial-creator") or odf.get("creator"),
            last_modified_by=odf.get("creator"),
            title=odf.get("title"),
            producer=odf.get("generator"),
            page_count=int(pages) if pages.isdigit() else None,
            raw=dump.sections,
            truncated=dump.truncated,
        )
    return meta, (truncated_problem(path, limits),) if dump.truncated else ()


def _damaged(path: str, what: str, detail: str) -> Problem:
    code = ProblemCode.TRUNCATED if "truncat" in detail.lower() else ProblemCode.CORRUPT
    adjective = "truncated" if code is ProblemCode.TRUNCATED else "damaged"
    return problem(
        path,
        code,
        Severity.WARNING,
        f"'{escape_name(path)}' is a {adjective} {what} ({escape_name(detail[:200])}); the original is kept as found.",
    )
