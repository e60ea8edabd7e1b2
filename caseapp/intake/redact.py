"""Redacted copies of images and PDFs, made from pixels only (regions: ``caseapp.core.exhibit_redaction``).

Images (JPEG, PNG, TIFF, WebP, HEIC): decoded under intake's pixel limit, turned upright by their
EXIF orientation (so regions match what a person sees), flattened onto white (nothing hides in
transparent pixels), colours converted to sRGB when an ICC profile came with them, the regions
painted black, and encoded afresh: JPEG and HEIC photos as JPEG, the others as PNG. Nothing of the
original file is copied: no EXIF, GPS, XMP, IPTC, maker notes, embedded thumbnails, ICC profile or
comments. With no region the copy is a metadata-free re-encoding.

PDFs: every page is redrawn as a picture with PDFium at ``PDF_DPI`` (pages without regions too:
the simplest way to be sure no text, link, form, attachment or script survives), the regions are
painted black, and the pages are written as JPEG images into a new PDF (Pillow, assembled with
pypdf) without document information or XMP. The text under a box is gone because the copy has no
text at all. Pages are converted one by one, so memory holds one page's pixels at a time.

Anything else is refused with a :class:`~caseapp.core.errors.ValidationError` that says so.
"""

from __future__ import annotations

import io
import math
import warnings
from collections.abc import Sequence

import pypdfium2 as pdfium
from PIL import Image, ImageCms, ImageDraw, ImageOps
from pypdf import PdfReader, PdfWriter

from caseapp.core.errors import ValidationError
from caseapp.core.evidence import IntakeLimits, ProblemCode
from caseapp.core.exhibit_redaction import MAX_REGIONS, RedactedFile, Region
from caseapp.core.operations import Task
from caseapp.intake import metadata_docs, metadata_image
from caseapp.intake.derivatives import MAX_PAGE_POINTS
from caseapp.intake.derivatives import _to_rgb as to_rgb
from caseapp.intake.inspection import _PDFIUM as PDFIUM_LOCK
from caseapp.intake.inspection import DEFAULT_LIMITS

PDF_DPI = 150
PHOTO_QUALITY = 92
PAGE_QUALITY = 85
BLACK = (0, 0, 0)

# Pillow's format -> (media type, extension, Pillow writer) of the copy.
_IMAGE_OUT = {
    "JPEG": ("image/jpeg", "jpg", "JPEG"),
    "MPO": ("image/jpeg", "jpg", "JPEG"),  # phone JPEGs with a depth map or preview after the picture
    "HEIF": ("image/jpeg", "jpg", "JPEG"),
    "PNG": ("image/png", "png", "PNG"),
    "TIFF": ("image/png", "png", "PNG"),
    "WEBP": ("image/png", "png", "PNG"),
}
# Formats whose extra frames are previews or depth maps of the one picture (the picture is frame 0).
_ONE_PICTURE = frozenset({"MPO", "HEIF"})
IMAGE_MIMES = frozenset({"image/jpeg", "image/png", "image/tiff", "image/webp", "image/heic", "image/heif"})
PDF_MIME = "application/pdf"


def redact(
    data: bytes,
    *,
    mime: str,
    regions: Sequence[Region],
    task: Task | None = None,
    name: str = "the file",
    limits: IntakeLimits = DEFAULT_LIMITS,
) -> RedactedFile:
    """A copy of ``data`` (an image or a PDF of type ``mime``) with ``regions`` blacked out and no
    metadata. ``name`` names the file in messages (the exhibit's ref)."""
    task = task or Task()
    if len(regions) > MAX_REGIONS:
        raise ValidationError(f"{len(regions)} regions are too many for one copy (at most {MAX_REGIONS})")
    if mime == PDF_MIME:
        with PDFIUM_LOCK:  # PDFium is not thread-safe
            return _redact_pdf(data, regions, task, name, limits)
    if mime in IMAGE_MIMES:
        return _redact_image(data, regions, task, name, limits)
    raise ValidationError(
        f"{name} is a file of type {mime or 'unknown'}; only JPEG, PNG, TIFF, WebP and HEIC images and PDFs can be "
        "redacted here. Nothing was stored."
    )


# -- regions ---------------------------------------------------------------------------------
def _box(region: Region, width: float, height: float, scale: float, what: str) -> tuple[int, int, int, int]:
    """The region in pixels of a picture ``width`` x ``height`` (units of the region) drawn at ``scale``
    pixels per unit, as an inclusive box. Refuses a region that reaches past the edge."""
    if region.relative:
        x, y, w, h = region.x * width, region.y * height, region.width * width, region.height * height
    else:
        x, y, w, h = region.x, region.y, region.width, region.height
        if x + w > width + 1e-6 or y + h > height + 1e-6:
            raise ValidationError(
                f"the region {region.shown()} reaches past the edge of {what}; "
                "measure it on the picture as shown, or give percentages. Nothing was stored."
            )
    left, top = math.floor(x * scale), math.floor(y * scale)
    right, bottom = math.ceil((x + w) * scale) - 1, math.ceil((y + h) * scale) - 1
    return left, top, max(left, right), max(top, bottom)


def _paint(im: Image.Image, boxes: list[tuple[int, int, int, int]]) -> None:
    draw = ImageDraw.Draw(im)
    for box in boxes:
        draw.rectangle(box, fill=BLACK)


# -- images ----------------------------------------------------------------------------------
def _opened(data: bytes, name: str, limits: IntakeLimits) -> Image.Image:
    try:
        return metadata_image.open_image(io.BytesIO(data), name, "", limits)
    except metadata_image.ImageRefused as refused:
        raise ValidationError(_without_kept(refused.problem.message) + " It cannot be redacted.") from None


def _without_kept(message: str) -> str:
    return message.replace(" The original is kept as found.", "").replace("; the original is kept as found.", ".")


def _srgb(im: Image.Image, icc: bytes | None) -> Image.Image:
    """``im`` (RGB) with its colours converted from its own ICC profile to sRGB (unchanged if it has
    none or the profile cannot be read)."""
    if not icc:
        return im
    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        converted = ImageCms.profileToProfile(im, source, ImageCms.createProfile("sRGB"), outputMode="RGB")
    except Exception:  # a damaged or hostile profile: keep the pixels as they are
        return im
    return converted if isinstance(converted, Image.Image) else im


def _redact_image(data: bytes, regions: Sequence[Region], task: Task, name: str, limits: IntakeLimits) -> RedactedFile:
    for region in regions:
        if region.page not in (None, 1):
            raise ValidationError(f"{name} is an image; it has no page {region.page}. Nothing was stored.")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        im = _opened(data, name, limits)
        with im:
            out = _IMAGE_OUT.get(str(im.format))
            if out is None:
                raise ValidationError(
                    f"{name} is a {im.format} image; only JPEG, PNG, TIFF, WebP and HEIC can be redacted here. "
                    "Nothing was stored."
                )
            frames = getattr(im, "n_frames", 1)
            if frames > 1 and im.format not in _ONE_PICTURE:
                raise ValidationError(
                    f"{name} holds {frames} pictures (pages or frames); only single pictures can be redacted here. "
                    "Nothing was stored."
                )
            width, height = im.size
            if width * height > limits.max_image_pixels:
                raise ValidationError(
                    f"{name} claims {width} x {height} pixels, over the limit of {limits.max_image_pixels:,}; "
                    "it was not decoded (possible decompression bomb). Nothing was stored."
                )
            task.cancel.check("redaction cancelled; nothing was stored")
            try:
                im.seek(0)
                im.load()
                icc = im.info.get("icc_profile")
                try:
                    upright = ImageOps.exif_transpose(im)
                except Exception:  # a damaged orientation tag: viewers show it unrotated too
                    upright = im
                pixels = _srgb(to_rgb(upright), icc if isinstance(icc, bytes) else None)
            except (Image.DecompressionBombError, MemoryError):
                raise ValidationError(
                    f"{name} needs more memory to decode than is allowed (possible decompression bomb). "
                    "Nothing was stored."
                ) from None
            except Exception as exc:  # truncated or damaged pixel data
                raise ValidationError(
                    f"{name} cannot be decoded ({type(exc).__name__}); it cannot be redacted. Nothing was stored."
                ) from None
    # A new picture holding the pixels only: nothing of the original's info (EXIF, XMP, ICC,
    # comments, DPI) can reach the writer.
    clean = Image.new("RGB", pixels.size)
    clean.paste(pixels)
    del pixels
    what = f"the picture as shown ({clean.width} x {clean.height} pixels, after its orientation)"
    boxes = [_box(r, clean.width, clean.height, 1.0, what) for r in regions]
    _paint(clean, boxes)
    media_type, extension, writer = out
    buf = io.BytesIO()
    if writer == "JPEG":
        clean.save(buf, "JPEG", quality=PHOTO_QUALITY, optimize=True)
    else:
        clean.save(buf, "PNG", compress_level=6)
    task.progress(1, 1, "redacted")
    return RedactedFile(
        data=buf.getvalue(),
        media_type=media_type,
        extension=extension,
        regions=len(regions),
        width=clean.width,
        height=clean.height,
    )


# -- PDFs ------------------------------------------------------------------------------------
def _open_pdf(data: bytes, name: str) -> pdfium.PdfDocument:
    try:
        return metadata_docs.open_pdf(io.BytesIO(data), name)
    except metadata_docs.DocRefused as refused:
        if refused.problem.code is ProblemCode.ENCRYPTED:
            raise ValidationError(
                f"{name} is a password-protected PDF; its pages cannot be drawn without the password, so it "
                "cannot be redacted here. Nothing was stored."
            ) from None
        raise ValidationError(f"{name} is a damaged PDF that cannot be opened; nothing was stored.") from None


def _pages_of(regions: Sequence[Region], count: int, name: str) -> dict[int, list[Region]]:
    by_page: dict[int, list[Region]] = {}
    for region in regions:
        if region.page is None:
            raise ValidationError(
                f"{name} is a PDF: say which page the region {region.shown()} is on (--page N, or N:x,y,w,h). "
                "Nothing was stored."
            )
        if region.page > count:
            raise ValidationError(f"{name} has {count} page(s); there is no page {region.page}. Nothing was stored.")
        by_page.setdefault(region.page, []).append(region)
    return by_page


def _page_pdf(
    page: pdfium.PdfPage, number: int, regions: list[Region], limits: IntakeLimits, name: str
) -> tuple[bytes, int]:
    """One page redrawn as a JPEG picture with its regions black, as a one-page PDF of the same size,
    and the resolution it was drawn at (dpi)."""
    width, height = page.get_size()  # in points, the page's rotation applied
    if not (0 < width <= MAX_PAGE_POINTS and 0 < height <= MAX_PAGE_POINTS):
        raise ValidationError(
            f"page {number} of {name} has an impossible size ({width} x {height} pt); nothing was stored."
        )
    scale = PDF_DPI / 72
    if width * height * scale * scale > limits.max_image_pixels:  # a poster-sized page: fewer dpi
        scale = math.sqrt(limits.max_image_pixels / (width * height))
    what = f"page {number} ({width:g} x {height:g} points)"
    boxes = [_box(r, width, height, scale, what) for r in regions]
    try:
        bitmap = page.render(scale=scale, may_draw_forms=True)
    except Exception as exc:
        raise ValidationError(
            f"page {number} of {name} cannot be drawn ({type(exc).__name__}); nothing was stored."
        ) from None
    try:
        picture = bitmap.to_pil().convert("RGB")  # a copy: the bitmap's buffer is freed below
    finally:
        bitmap.close()
    _paint(picture, boxes)
    buf = io.BytesIO()
    # Resolution per axis so the new page has the old page's size exactly (the bitmap is rounded up).
    dpi = (picture.width * 72 / width, picture.height * 72 / height)
    picture.save(buf, "PDF", dpi=dpi, quality=PAGE_QUALITY, title=None, creationDate=None, modDate=None)
    return buf.getvalue(), round(72 * scale)


def _redact_pdf(data: bytes, regions: Sequence[Region], task: Task, name: str, limits: IntakeLimits) -> RedactedFile:
    pdf = _open_pdf(data, name)
    try:
        count = len(pdf)
        if count == 0:
            raise ValidationError(f"{name} is a PDF without pages; there is nothing to redact. Nothing was stored.")
        if count > limits.max_pdf_text_pages:
            raise ValidationError(
                f"{name} has {count} pages, more than the {limits.max_pdf_text_pages} that can be redrawn; "
                "nothing was stored."
            )
        by_page = _pages_of(regions, count, name)
        writer = PdfWriter()
        dpi = PDF_DPI
        for index in range(count):
            task.cancel.check("redaction cancelled; nothing was stored")
            task.progress(index, count, f"page {index + 1}/{count}")
            page = pdf[index]
            try:
                one, drawn_at = _page_pdf(page, index + 1, by_page.get(index + 1, []), limits, name)
            finally:
                page.close()
            dpi = min(dpi, drawn_at)
            writer.add_page(PdfReader(io.BytesIO(one)).pages[0])
        task.progress(count, count, f"page {count}/{count}")
    finally:
        pdf.close()
    writer.metadata = None  # no document information dictionary (pypdf would name itself as producer)
    out = io.BytesIO()
    writer.write(out)
    return RedactedFile(
        data=out.getvalue(),
        media_type=PDF_MIME,
        extension="pdf",
        regions=len(regions),
        pages=tuple(sorted(by_page)),
        page_count=count,
        dpi=dpi,
    )


class FileRedactor:
    """The intake side of the :class:`~caseapp.core.ports.Redactor` port."""

    def redact(self, data: bytes, *, mime: str, regions: Sequence[Region], task: Task, name: str = "") -> RedactedFile:
        return redact(data, mime=mime, regions=regions, task=task, name=name or "the file")
