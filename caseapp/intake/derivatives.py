"""Thumbnails as JPEG bytes: images (Pillow, JPEG decoded at reduced scale) and PDF first pages (PDFium).

Thumbnails carry no metadata (no EXIF, no GPS): they are re-encoded pixels only.
"""

from __future__ import annotations

import io

import pypdfium2 as pdfium
from PIL import Image, ImageOps

from caseapp.core.evidence import Derivative, DerivativeKind, IntakeLimits, Problem, ProblemCode, Severity
from caseapp.intake.fsutil import problem
from caseapp.intake.metadata_image import bomb_problem, damage_problem
from caseapp.intake.names import escape_name

JPEG_QUALITY = 80
MAX_PAGE_POINTS = 200_000.0  # PDF pages are at most 14 400 pt (ISO 32000); anything huge is nonsense


def _to_rgb(im: Image.Image) -> Image.Image:
    if im.mode == "RGB":
        return im
    if im.mode in ("RGBA", "LA", "PA") or (im.mode == "P" and "transparency" in im.info):
        rgba = im.convert("RGBA")
        background = Image.new("RGB", rgba.size, (255, 255, 255))
        background.paste(rgba, mask=rgba.getchannel("A"))
        return background
    try:
        return im.convert("RGB")
    except ValueError:  # e.g. 16-bit greyscale on some Pillow builds
        return im.convert("L").convert("RGB")


def _jpeg(im: Image.Image, note: str) -> Derivative:
    buf = io.BytesIO()
    rgb = _to_rgb(im)
    rgb.save(buf, "JPEG", quality=JPEG_QUALITY, optimize=True)
    return Derivative(
        kind=DerivativeKind.THUMBNAIL,
        media_type="image/jpeg",
        data=buf.getvalue(),
        width=rgb.width,
        height=rgb.height,
        note=note,
    )


def image_thumbnail(im: Image.Image, path: str, limits: IntakeLimits) -> tuple[Derivative | None, Problem | None]:
    """Decode (within the pixel limit), apply EXIF orientation, shrink. Never raises for bad pixels."""
    side = limits.thumbnail_px
    width, height = im.size
    try:
        if im.format == "JPEG":
            im.draft("RGB", (side, side))  # DCT scaling: a 200 MP photo decodes at 1/8 of the size
    except Exception:  # noqa: S110 - draft is an optimisation only
        pass
    dw, dh = im.size
    if dw * dh > limits.max_image_pixels:
        return None, bomb_problem(path, width, height, limits.max_image_pixels)
    try:
        im.seek(0)
        im.load()
        try:
            oriented = ImageOps.exif_transpose(im)
        except Exception:  # a damaged orientation tag must not cost the thumbnail
            oriented = im
        oriented.thumbnail((side, side))
        return _jpeg(oriented, "first frame" if getattr(im, "n_frames", 1) > 1 else ""), None
    except Image.DecompressionBombError:
        return None, bomb_problem(path, width, height, limits.max_image_pixels)
    except Exception as exc:  # truncated data (OSError), broken chunks (SyntaxError, ValueError), ...
        return None, damage_problem(path, exc, "image")


def pdf_thumbnail(pdf: pdfium.PdfDocument, path: str, limits: IntakeLimits) -> tuple[Derivative | None, Problem | None]:
    """Render the first page so that its longest side is ``thumbnail_px``."""
    if len(pdf) == 0:
        return None, None
    try:
        page = pdf[0]
        try:
            w, h = page.get_size()
            if not (0 < w <= MAX_PAGE_POINTS and 0 < h <= MAX_PAGE_POINTS):
                raise ValueError(f"first page has an impossible size {w} x {h} pt")
            scale = limits.thumbnail_px / max(w, h)
            bitmap = page.render(scale=scale, may_draw_forms=False)
            try:
                pil = bitmap.to_pil()
                return _jpeg(pil, "first page"), None
            finally:
                bitmap.close()
        finally:
            page.close()
    except Exception as exc:
        return None, problem(
            path,
            ProblemCode.CORRUPT,
            Severity.WARNING,
            f"The first page of '{escape_name(path)}' cannot be drawn ({escape_name(str(exc)[:200])}); "
            "no thumbnail. The original is kept as found.",
        )


def video_frame_unavailable(path: str) -> Problem:
    return problem(
        path,
        ProblemCode.DERIVATIVE_UNAVAILABLE,
        Severity.INFO,
        f"No thumbnail for the video '{escape_name(path)}': no bundled library decodes video frames offline "
        "(pymediainfo reads headers only; PyAV/ffmpeg are not dependencies).",
    )
