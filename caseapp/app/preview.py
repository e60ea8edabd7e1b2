"""What the desktop application shows of an exhibit's content: its original and its extracted text,
decrypted into memory only (never a file, never a cache), and PDF pages rendered to pixels.

The GUI never decrypts a blob itself: it asks :func:`preview_content` on a worker of its task
runner, keeps the bytes only as long as the exhibit is shown, and drops them on lock. Each decrypted
part is checked against its recorded SHA-256 before it is shown.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

import pypdfium2 as pdfium

from caseapp.app.case_folder import OpenCase
from caseapp.core.errors import CaseDamagedError, IntegrityError, UserError
from caseapp.core.operations import CancelToken
from caseapp.core.ports import BlobRecord
from caseapp.core.refs import RecordId, RefKind
from caseapp.core.services.base import resolve
from caseapp.intake.inspection import PDFIUM_LOCK

PREVIEW_MAX_BYTES = 64 * 2**20
"""Larger originals are not decrypted for a preview (export them to look at them)."""
TEXT_MAX_BYTES = 8 * 2**20
PDF_TYPES = frozenset({"application/pdf"})
IMAGE_TYPES = frozenset({"image/jpeg", "image/png", "image/gif", "image/webp", "image/bmp", "image/tiff"})
MAX_RENDER_SIDE = 2400  # pixels on the longer side of a rendered PDF page


@dataclass(frozen=True, slots=True)
class ExhibitContent:
    """An exhibit's content as far as it can be shown. ``original`` is set for images and PDFs up to
    ``PREVIEW_MAX_BYTES``; ``text`` when intake extracted text. Without an original, ``why_not`` says
    why: ``no_file``, ``unsupported`` (another type of file) or ``too_large`` (``size`` bytes)."""

    ref: str
    media_type: str
    original: bytes | None
    text: str | None
    why_not: str = ""
    size: int = 0

    @property
    def is_pdf(self) -> bool:
        return self.original is not None and self.media_type in PDF_TYPES

    @property
    def is_image(self) -> bool:
        return self.original is not None and self.media_type in IMAGE_TYPES


class _MemorySink(io.RawIOBase):
    """Collects plaintext in memory, stopping when the job is cancelled."""

    def __init__(self, cancel: CancelToken) -> None:
        self.buffer = bytearray()
        self.cancel = cancel

    def writable(self) -> bool:
        return True

    def write(self, data: bytes | bytearray | memoryview) -> int:  # type: ignore[override]
        self.cancel.check("preview cancelled")
        self.buffer += data
        return len(data)


def decrypt_in_memory(case: OpenCase, blob: BlobRecord, ref: str, cancel: CancelToken) -> bytes:
    """The plaintext of ``blob``, in memory, checked against its recorded SHA-256."""
    sink = _MemorySink(cancel)
    try:
        digest = case.blobs.decrypt_to(blob.name, blob.size, sink)
    except CaseDamagedError:
        digest = ""
    if digest != blob.sha256:
        raise IntegrityError(
            f"{ref}: the stored {blob.role} no longer matches its SHA-256, so it is not shown. "
            "A full verification of the case shows what else is affected."
        )
    return bytes(sink.buffer)


def preview_content(
    case: OpenCase, key: RecordId, *, cancel: CancelToken | None = None, max_bytes: int = PREVIEW_MAX_BYTES
) -> ExhibitContent:
    """Decrypt, in memory, what the preview of exhibit ``key`` shows: its original if it is an image
    or a PDF no larger than ``max_bytes``, and its extracted text."""
    token = cancel or CancelToken()
    with case.db.read() as tx:
        target = resolve(tx, key, RefKind.EXHIBIT)
        assert target.id is not None
        original = tx.original_blob(target.id)
        text_blob = tx.derivative_blob(target.id, "text")
        exhibit = tx.get(RefKind.EXHIBIT, target.id)
    media_type = (getattr(exhibit, "mime", None) or "").split(";")[0].strip().lower()
    data: bytes | None = None
    why_not = ""
    if original is None or not original.name:
        why_not = "no file: this exhibit is a record without a file"
    elif media_type not in PDF_TYPES | IMAGE_TYPES:
        why_not = f"no preview for this type of file ({media_type or 'unknown'}); export the original to open it"
    elif original.size > max_bytes:
        why_not = f"the file is too large to preview ({original.size / 2**20:.0f} MiB); export the original to open it"
    else:
        data = decrypt_in_memory(case, original, target.ref, token)
    text: str | None = None
    if text_blob is not None and text_blob.name and text_blob.size <= TEXT_MAX_BYTES:
        text = decrypt_in_memory(case, text_blob, target.ref, token).decode("utf-8", errors="replace")
    return ExhibitContent(target.ref, media_type, data, text, why_not, original.size if original else 0)


@dataclass(frozen=True, slots=True)
class RenderedPage:
    """One PDF page as 8-bit pixels, RGB or RGBA by ``channels`` (``stride`` bytes a row), how
    many pages the document has, and the page's size in points (its rotation applied, as the
    redaction and an excerpt's region measure it)."""

    index: int
    count: int
    width: int
    height: int
    stride: int
    channels: int
    pixels: bytes
    points: tuple[float, float] = (0.0, 0.0)


def render_pdf_page(data: bytes, index: int, *, max_side: int = MAX_RENDER_SIDE, zoom: float = 2.0) -> RenderedPage:
    """Render page ``index`` (from 0) of the PDF held in ``data``, at ``zoom`` pixels per point but
    no more than ``max_side`` pixels on its longer side. PDFium runs one document at a time in this
    process (the import uses it too)."""
    with PDFIUM_LOCK:
        try:
            pdf = pdfium.PdfDocument(data)
        except pdfium.PdfiumError:
            raise UserError("this PDF cannot be opened for a preview; export the original to open it") from None
        try:
            count = len(pdf)
            if count == 0:
                raise UserError("this PDF has no pages")
            page = pdf[max(0, min(index, count - 1))]
            try:
                width, height = page.get_size()
                scale = min(zoom, max_side / max(width, height, 1.0))
                bitmap = page.render(scale=scale, rev_byteorder=True)
                rendered = RenderedPage(
                    max(0, min(index, count - 1)),
                    count,
                    bitmap.width,
                    bitmap.height,
                    bitmap.stride,
                    bitmap.n_channels,
                    bytes(bitmap.buffer),
                    (float(width), float(height)),
                )
                bitmap.close()
            finally:
                page.close()
        finally:
            pdf.close()
    return rendered
