"""The façade: everything about one file except its hash — type, metadata, derivatives, problems.

`inspect_file` never raises for anything the file contains (only `Cancelled`). Each file yields at
most one report of severity ``warning`` or worse: the first, most basic failure (a file that
cannot be opened is not also reported for its missing thumbnail). ``info`` reports are kept.
"""

from __future__ import annotations

import io
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import BinaryIO

from caseapp.core.errors import Cancelled
from caseapp.core.evidence import (
    Derivative,
    DetectedType,
    FileFacts,
    FileIdentity,
    IntakeLimits,
    Metadata,
    Problem,
    ProblemCode,
    Severity,
    TypeKind,
)
from caseapp.intake import derivatives, metadata_docs, metadata_image, metadata_media, text
from caseapp.intake.fsutil import OpenRefused, identity_of, open_regular, problem, same_state
from caseapp.intake.names import escape_name
from caseapp.intake.rawdump import RawDump
from caseapp.intake.sniff import ZIP, sniff
from caseapp.intake.ziputil import ZipRefused, open_zip

CancelCheck = Callable[[], bool]
DEFAULT_LIMITS = IntakeLimits()
_UNKNOWN = DetectedType(kind=TypeKind.OTHER, mime="application/octet-stream", extension="", method="unknown")
_BUFFER = 64 * 1024
_LISTED_NAMES = 256
_PDFIUM = threading.Lock()  # PDFium is not thread-safe: one document at a time in this process
PDFIUM_LOCK = _PDFIUM  # shared with the preview renderer (caseapp.app.preview)


@dataclass(slots=True)
class _Findings:
    metadata: Metadata | None = None
    derivatives: list[Derivative] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def add(self, derivative: Derivative | None, prob: Problem | None) -> None:
        if derivative is not None:
            self.derivatives.append(derivative)
        if prob is not None:
            self.problems.append(prob)


def _check(cancel: CancelCheck | None) -> None:
    if cancel is not None and cancel():
        raise Cancelled("Inspection was cancelled.")


def inspect_file(
    path: str | os.PathLike[str],
    *,
    name: str | None = None,
    limits: IntakeLimits = DEFAULT_LIMITS,
    cancel: CancelCheck | None = None,
    expected: FileIdentity | None = None,
) -> FileFacts:
    """Detect the type of ``path`` by content, read its metadata and make its derivatives.

    ``name`` is the file's name as found (for the extension check); defaults to the path's last part.
    The file is opened once, following no symbolic link anywhere in its path; it is never written.

    ``expected`` is the identity of the bytes hashed (``StreamResult.after``): when the file opened
    here is not that file in that state (device, inode, size, modification and change times), nothing
    is made from it. The identity is taken again after the analysis: a file changed meanwhile gets no
    metadata and no derivatives either. Both are one ``changed_while_reading`` problem of severity
    ``skipped``, so derivatives always come from the bytes that were hashed.
    """
    spath = os.fspath(path)
    try:
        raw, identity = open_regular(spath)
    except OpenRefused as refused:
        return FileFacts(path=spath, detected=_UNKNOWN, identity=None, metadata=None, problems=(refused.problem,))
    if expected is not None and not same_state(identity, expected):
        raw.close()
        return _changed(spath, identity, "it is not the file that was hashed: it was replaced or changed since")
    found = _Findings()
    detected = _UNKNOWN
    with raw, io.BufferedReader(raw, _BUFFER) as fp:
        try:
            detected = sniff(fp, name or os.path.basename(spath), limits)
            _check(cancel)
            _dispatch(fp, spath, detected, limits, cancel, found)
        except Cancelled:
            raise
        except OSError as exc:  # the disk or the device failed under us (EIO, a removed USB stick, ...)
            found.problems.append(
                problem(
                    spath,
                    ProblemCode.UNREADABLE,
                    Severity.WARNING,
                    f"'{escape_name(spath)}' could not be read for analysis ({escape_name(exc.strerror or str(exc))}).",
                )
            )
        except MemoryError:
            found.problems.append(
                problem(
                    spath,
                    ProblemCode.DECOMPRESSION_BOMB,
                    Severity.WARNING,
                    f"Reading '{escape_name(spath)}' needed more memory than is available; it was not analysed. "
                    "The original is kept as found.",
                )
            )
        except Exception as exc:  # the last guard: a parser bug on hostile input must not stop the import
            found.problems.append(
                problem(
                    spath,
                    ProblemCode.CORRUPT,
                    Severity.WARNING,
                    f"'{escape_name(spath)}' could not be analysed ({type(exc).__name__}: "
                    f"{escape_name(str(exc)[:200])}). The original is kept as found.",
                )
            )
        if not same_state(identity_of(os.fstat(raw.fileno())), identity):
            return _changed(spath, identity, "it changed while it was analysed")
    return FileFacts(
        path=spath,
        detected=detected,
        identity=identity,
        metadata=found.metadata,
        derivatives=tuple(found.derivatives),
        problems=one_report(found.problems),
    )


def _changed(path: str, identity: FileIdentity, what: str) -> FileFacts:
    message = (
        f"'{escape_name(path)}' was not analysed: {what}, so no text, metadata or thumbnail made from it "
        "would belong to the copy kept. Import it again when nothing is writing to it."
    )
    return FileFacts(
        path=path,
        detected=_UNKNOWN,
        identity=identity,
        metadata=None,
        problems=(problem(path, ProblemCode.CHANGED_WHILE_READING, Severity.SKIPPED, message),),
    )


def one_report(problems: list[Problem]) -> tuple[Problem, ...]:
    """Keep the first serious problem (naming the others' codes in it) and every ``info`` one."""
    serious = [p for p in problems if p.severity is not Severity.INFO]
    infos = [p for p in problems if p.severity is Severity.INFO]
    if len(serious) > 1:
        first = serious[0]
        others = ", ".join(dict.fromkeys(p.code.value for p in serious[1:] if p.code is not first.code))
        message = first.message + (f" (Also: {others}.)" if others else "")
        serious = [Problem(path=first.path, code=first.code, severity=first.severity, message=message)]
    return tuple(serious + infos)


def _dispatch(  # noqa: PLR0917 - private helper
    fp: BinaryIO,
    path: str,
    detected: DetectedType,
    limits: IntakeLimits,
    cancel: CancelCheck | None,
    found: _Findings,
) -> None:
    kind = detected.kind
    if kind is TypeKind.EMPTY:
        found.problems.append(
            problem(
                path,
                ProblemCode.EMPTY,
                Severity.WARNING,
                f"'{escape_name(path)}' is empty (0 bytes): nothing to analyse. It is kept as found.",
            )
        )
    elif kind is TypeKind.IMAGE:
        _image(fp, path, detected, limits, found)
    elif kind is TypeKind.PDF:
        _pdf(fp, path, limits, cancel, found)
    elif kind is TypeKind.DOCUMENT:
        _office(fp, path, detected, limits, found)
    elif kind in (TypeKind.VIDEO, TypeKind.AUDIO):
        found.metadata, probs = metadata_media.media_metadata(fp, path, limits)
        found.problems.extend(probs)
        if kind is TypeKind.VIDEO:
            found.problems.append(derivatives.video_frame_unavailable(path))
    elif kind is TypeKind.TEXT:
        found.add(*text.text_from_plain(fp, path, limits))
    elif kind is TypeKind.ARCHIVE and detected.mime == ZIP:
        _zip_listing(fp, path, limits, found)


def _truncated(path: str, what: str, outcome: str) -> Problem:
    return problem(
        path,
        ProblemCode.TRUNCATED,
        Severity.WARNING,
        f"'{escape_name(path)}' is a truncated {what} (its end marker is missing); {outcome}. "
        "The original is kept as found.",
    )


def _image(fp: BinaryIO, path: str, detected: DetectedType, limits: IntakeLimits, found: _Findings) -> None:
    if detected.extension == "png" and not metadata_image.png_is_complete(fp):
        found.problems.append(_truncated(path, "PNG image", "it was analysed as far as possible"))
    try:
        im = metadata_image.open_image(fp, path, detected.extension, limits)
    except metadata_image.ImageRefused as refused:
        found.problems.append(refused.problem)
        return
    with im:
        found.metadata, probs = metadata_image.image_metadata(im, fp, path, limits)
        found.problems.extend(probs)
        found.add(*derivatives.image_thumbnail(im, path, limits))


def _pdf(fp: BinaryIO, path: str, limits: IntakeLimits, cancel: CancelCheck | None, found: _Findings) -> None:
    with _PDFIUM:
        _pdf_locked(fp, path, limits, cancel, found)


def _pdf_locked(fp: BinaryIO, path: str, limits: IntakeLimits, cancel: CancelCheck | None, found: _Findings) -> None:
    truncated = metadata_docs.pdf_is_truncated(fp)
    try:
        pdf = metadata_docs.open_pdf(fp, path)
    except metadata_docs.DocRefused as refused:
        if truncated and refused.problem.code is ProblemCode.CORRUPT:
            found.problems.append(_truncated(path, "PDF", "it cannot be opened"))
        else:
            found.problems.append(refused.problem)
        return
    if truncated:
        found.problems.append(_truncated(path, "PDF", "what could be recovered was read"))
    try:
        found.metadata, probs = metadata_docs.pdf_metadata(pdf, path, limits)
        found.problems.extend(probs)
        found.add(*derivatives.pdf_thumbnail(pdf, path, limits))
        _check(cancel)
        found.add(*text.text_from_pdf(pdf, path, limits, cancel))
    finally:
        pdf.close()


def _zip_listing(fp: BinaryIO, path: str, limits: IntakeLimits, found: _Findings) -> None:
    """A ZIP archive is not unpacked; its listing is the metadata, and a bomb or damage is reported."""
    try:
        zf = open_zip(fp, path, limits)
    except ZipRefused as refused:
        found.problems.append(refused.problem)
        return
    with zf:
        infos = zf.infolist()
        dump = RawDump(limits)
        dump.put("zip", "entries", len(infos))
        dump.put("zip", "uncompressed_bytes", sum(i.file_size for i in infos))
        dump.put("zip", "encrypted_entries", sum(1 for i in infos if i.flag_bits & 0x1))
        dump.put("zip", "names", [i.filename for i in infos[:_LISTED_NAMES]])
        found.metadata = Metadata(raw=dump.sections, truncated=dump.truncated or len(infos) > _LISTED_NAMES)


def _office(fp: BinaryIO, path: str, detected: DetectedType, limits: IntakeLimits, found: _Findings) -> None:
    if detected.method != "zip-container":  # legacy .doc/.xls/.rtf or a ZIP too damaged to look into
        if detected.extension in ("docx", "xlsx", "pptx", "odt", "ods", "odp", "epub"):
            try:
                open_zip(fp, path, limits).close()
            except ZipRefused as refused:
                found.problems.append(refused.problem)
        return
    try:
        zf = open_zip(fp, path, limits)
    except ZipRefused as refused:
        found.problems.append(refused.problem)
        return
    with zf:
        try:
            found.metadata, probs = metadata_docs.office_metadata(zf, path, limits)
            found.problems.extend(probs)
        except metadata_docs.DocRefused as refused:
            found.problems.append(refused.problem)
        try:
            found.add(*text.text_from_office(zf, detected.mime, path, limits))
        except metadata_docs.DocRefused as refused:
            found.problems.append(refused.problem)
