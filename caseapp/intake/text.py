"""Extracted text (UTF-8 bytes, capped) for full-text search: plain text, PDF, DOCX and ODT.

XML parts are streamed with defusedxml's ``iterparse`` (no DTD, no entities) and paragraphs are
dropped from the tree as soon as their text is taken, so memory follows the cap, not the document.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
import zipfile
from collections.abc import Callable, Iterator
from typing import BinaryIO
from xml.etree.ElementTree import Element, ParseError

import defusedxml
import defusedxml.ElementTree as SafeET
import pypdfium2 as pdfium

from caseapp.core.errors import Cancelled
from caseapp.core.evidence import Derivative, DerivativeKind, IntakeLimits, Problem, ProblemCode, Severity
from caseapp.intake.fsutil import problem
from caseapp.intake.metadata_docs import DocRefused
from caseapp.intake.names import escape_name
from caseapp.intake.sniff import DOCX, ODT
from caseapp.intake.ziputil import ZipRefused

MEDIA_TYPE = "text/plain; charset=utf-8"
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_T = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"))
_BOMS16 = ((codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


class TextSink:
    """Collects text up to ``cap`` UTF-8 bytes, cutting on a character boundary."""

    def __init__(self, cap: int) -> None:
        self._cap = cap
        self._parts: list[bytes] = []
        self._size = 0
        self.truncated = False

    @property
    def full(self) -> bool:
        return self.truncated

    def add(self, text: str) -> None:
        if self.truncated or not text:
            return
        data = text.encode("utf-8", "replace")
        room = self._cap - self._size
        if len(data) > room:
            data = data[:room].decode("utf-8", "ignore").encode("utf-8")
            self.truncated = True
        self._parts.append(data)
        self._size += len(data)

    def derivative(self, note: str) -> Derivative | None:
        data = b"".join(self._parts)
        if not data.strip():
            return None
        return Derivative(
            kind=DerivativeKind.TEXT, media_type=MEDIA_TYPE, data=data, truncated=self.truncated, note=note
        )


def _truncated_info(path: str, limits: IntakeLimits) -> Problem:
    return problem(
        path,
        ProblemCode.TEXT_TRUNCATED,
        Severity.INFO,
        f"The text of '{escape_name(path)}' is over {limits.max_text_bytes} bytes; only the start is searchable.",
    )


def _finish(sink: TextSink, note: str, path: str, limits: IntakeLimits) -> tuple[Derivative | None, Problem | None]:
    derivative = sink.derivative(note)
    return derivative, _truncated_info(path, limits) if sink.truncated else None


# --------------------------------------------------------------------------------- plain text
# Single-byte encodings tried when a file has no BOM and is not UTF-8, in order of preference on a
# tie: Western European, Arabic (Windows, then ISO), Turkish, Cyrillic. Central European cp1250 is
# left out: its letters sit where Western punctuation is (Spanish "¿" would read as "ż").
_EIGHT_BIT = ("cp1252", "cp1256", "iso-8859-6", "cp1254", "cp1251")
_UTF8_LOSSY = "utf-8, invalid bytes replaced"
_UTF8_VALID_PER_INVALID = 2  # UTF-8 with damage: this many valid multi-byte characters per invalid byte run
_SAMPLE = 64 * 1024  # bytes scored per candidate
_LETTERS = re.compile(r"[^\W\d_]+")
_BAD = re.compile("[\x80-\x9f\ue000-\uf8ff]")  # C1 controls, private use
_ICELANDIC = frozenset("ðþÐÞ")  # in cp1252 text, mostly Turkish ğ ş decoded in the wrong code page


def _script(char: str) -> str:
    name = unicodedata.name(char, "")
    return name.split(" ", 1)[0]


def _word_score(word: str) -> int:
    """+n for a word whose n non-ASCII letters look like real writing, -n for mojibake, 0 unsure."""
    non_ascii = [c for c in word if not c.isascii()]
    if len(word) == 1:
        return 0  # too little to tell: byte 0xE0 is a letter in every candidate
    weight = sum(c not in _ICELANDIC and c != "\u0640" for c in non_ascii)  # nor a lone tatweel
    scripts = {"LATIN" if c.isascii() else _script(c) for c in word}
    if len(scripts) > 1:
        return -len(non_ascii)  # letters of two scripts glued together: French "ÉTAT" read as cp1256
    if word != word.swapcase() and not (word.islower() or word.isupper() or word.istitle()):
        return -len(non_ascii)  # case flipping inside a word: "ÇáÔÇåÏ"
    if scripts == {"LATIN"} and len(non_ascii) == len(word):
        return -len(non_ascii)  # Latin words carry unaccented letters; accented only is another script
    return weight


def _plausibility(text: str) -> int:
    score = sum(_word_score(w) for w in _LETTERS.findall(text) if not w.isascii())
    return score - 2 * len(_BAD.findall(text))


def _mostly_utf8(data: bytes, more_follows: bool) -> bool:
    """Whether invalid UTF-8 ``data`` is UTF-8 with a few damaged bytes: text in a single-byte
    encoding almost never forms valid multi-byte UTF-8 sequences, so these must dominate."""
    text = codecs.getincrementaldecoder("utf-8")("replace").decode(data, final=not more_follows)
    invalid = text.count("\ufffd")
    valid = len(text) - len(text.encode("ascii", "ignore")) - invalid
    return valid >= _UTF8_VALID_PER_INVALID * invalid


def _guess(data: bytes) -> list[str]:
    """Single-byte encodings that may be those of ``data``, most plausible first.

    Each candidate decodes a sample; a candidate that cannot decode it is dropped. The score
    counts non-ASCII letters in words that read as one script with sane letter case (+1 each)
    against letters in mixed-script or case-flipping words and accented-only Latin words (-1 each)
    and C1 controls or private-use characters (-2 each). Ties go to the earlier of ``_EIGHT_BIT``.
    """
    sample = data[:_SAMPLE]
    scored: list[tuple[int, int, str]] = []
    for rank, encoding in enumerate(_EIGHT_BIT):
        try:
            decoded = sample.decode(encoding)
        except UnicodeDecodeError:
            continue
        scored.append((_plausibility(decoded), -rank, encoding))
    scored.sort(reverse=True)
    return [encoding for _, _, encoding in scored]


def _decode(data: bytes, more_follows: bool) -> tuple[str, str]:
    """The text of ``data`` and the name of the encoding used: a BOM's, else UTF-8 if valid or
    nearly so, else the most plausible of a few single-byte encodings (see :func:`_guess`)."""
    for bom, enc in _BOMS + _BOMS16:
        if data.startswith(bom):
            return codecs.getincrementaldecoder(enc)("replace").decode(data, final=not more_follows), enc
    try:
        return codecs.getincrementaldecoder("utf-8")("strict").decode(data, final=not more_follows), "utf-8"
    except UnicodeDecodeError:
        pass
    if _mostly_utf8(data, more_follows):
        return codecs.getincrementaldecoder("utf-8")("replace").decode(data, final=not more_follows), _UTF8_LOSSY
    for encoding in _guess(data):
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:  # a byte past the sample the encoding does not define
            continue
    return data.decode("latin-1"), "latin-1"


def text_from_plain(fp: BinaryIO, path: str, limits: IntakeLimits) -> tuple[Derivative | None, Problem | None]:
    fp.seek(0)
    data = fp.read(limits.max_text_bytes + 16)  # enough to fill the cap in any encoding; memory stays bounded
    more = bool(fp.read(1))
    text, encoding = _decode(data, more)
    sink = TextSink(limits.max_text_bytes)
    sink.add(text.replace("\x00", ""))
    if more:
        sink.truncated = True
    return _finish(sink, f"decoded as {encoding}", path, limits)


# ----------------------------------------------------------------------------------------- PDF
def text_from_pdf(
    pdf: pdfium.PdfDocument, path: str, limits: IntakeLimits, cancel: Callable[[], bool] | None = None
) -> tuple[Derivative | None, Problem | None]:
    sink = TextSink(limits.max_text_bytes)
    pages = len(pdf)
    failed = 0
    for index in range(min(pages, limits.max_pdf_text_pages)):
        if sink.full:
            break
        if cancel is not None and cancel():
            raise Cancelled("Inspection was cancelled.")
        try:
            page = pdf[index]
            try:
                textpage = page.get_textpage()
                try:
                    sink.add(textpage.get_text_bounded())
                finally:
                    textpage.close()
            finally:
                page.close()
        except Exception:
            failed += 1
            continue
        sink.add("\f")
    if pages > limits.max_pdf_text_pages:
        sink.truncated = True
    note = f"{pages} pages" + (f", {failed} unreadable" if failed else "")
    return _finish(sink, note, path, limits)


# ---------------------------------------------------------------------------------- DOCX / ODT
def _docx_text(elem: Element) -> Iterator[str]:
    for node in elem.iter():
        tag = node.tag
        if tag == f"{_W}t" and node.text:
            yield node.text
        elif tag == f"{_W}tab":
            yield "\t"
        elif tag in (f"{_W}br", f"{_W}cr"):
            yield "\n"


def _odf_text(elem: Element) -> Iterator[str]:
    if elem.text:
        yield elem.text
    for child in elem:
        tag = child.tag
        if tag == f"{_T}s":
            try:
                count = int(child.get(f"{_T}c", "1"))
            except ValueError:
                count = 1
            yield " " * max(1, min(count, 1000))
        elif tag == f"{_T}tab":
            yield "\t"
        elif tag == f"{_T}line-break":
            yield "\n"
        elif tag not in (f"{_T}note-citation",):
            yield from _odf_text(child)
        if child.tail:
            yield child.tail


def _stream_paragraphs(source: BinaryIO, paragraph_tags: frozenset[str], odf: bool, sink: TextSink) -> None:
    stack: list[Element] = []
    depth = 0
    for event, elem in SafeET.iterparse(source, events=("start", "end"), forbid_dtd=True):
        if event == "start":
            stack.append(elem)
            if elem.tag in paragraph_tags:
                depth += 1
            continue
        stack.pop()
        if elem.tag in paragraph_tags:
            depth -= 1
            if depth == 0:
                sink.add("".join(_odf_text(elem) if odf else _docx_text(elem)))
                sink.add("\n")
                elem.clear()
                if stack and len(stack[-1]) and stack[-1][-1] is elem:
                    del stack[-1][-1]
                if sink.full:
                    return


def text_from_office(
    zf: zipfile.ZipFile, mime: str, path: str, limits: IntakeLimits
) -> tuple[Derivative | None, Problem | None]:
    """Text of a DOCX (``word/document.xml``) or ODT (``content.xml``); other office files: none."""
    if mime == DOCX:
        part, tags, odf = "word/document.xml", frozenset({f"{_W}p"}), False
    elif mime == ODT:
        part, tags, odf = "content.xml", frozenset({f"{_T}p", f"{_T}h"}), True
    else:
        return None, None
    try:
        info = zf.getinfo(part)
    except KeyError:
        return None, None
    if info.file_size > limits.max_zip_member_bytes:
        raise DocRefused(
            problem(
                path,
                ProblemCode.ZIP_BOMB,
                Severity.WARNING,
                f"The text part of '{escape_name(path)}' is {info.file_size} bytes, over the limit; no text extracted.",
            )
        )
    sink = TextSink(limits.max_text_bytes)
    try:
        with zf.open(info) as member:
            _stream_paragraphs(member, tags, odf, sink)  # type: ignore[arg-type]
    except defusedxml.DefusedXmlException as exc:
        raise DocRefused(
            problem(
                path,
                ProblemCode.XML_HOSTILE,
                Severity.WARNING,
                f"The text part of '{escape_name(path)}' uses XML features that can attack a reader "
                f"({type(exc).__name__}); no text extracted. The original is kept as found.",
            )
        ) from None
    except ZipRefused as refused:
        raise DocRefused(refused.problem) from None
    except (ParseError, zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
        raise DocRefused(
            problem(
                path,
                ProblemCode.CORRUPT,
                Severity.WARNING,
                f"The text of '{escape_name(path)}' cannot be read ({escape_name(str(exc)[:200])}); "
                "the original is kept as found.",
            )
        ) from None
    return _finish(sink, part, path, limits)
