"""The small pictures of the exhibits table, decrypted and decoded in memory only (never a file,
never a disk cache).

An exhibit's picture is its stored thumbnail (a JPEG of at most 512 pixels that intake made from an
image or a PDF's first page, kept encrypted like the original). An exhibit imported without one (an
older import, a thumbnail that could not be made then) gets one from its original when that is an
image or a PDF of at most ``ORIGINAL_MAX_BYTES``. Every decrypted part is checked against its recorded
SHA-256 first, and images are decoded within intake's pixel limit: a crafted or damaged file raises a
:class:`~caseapp.core.errors.UserError` (the table shows a placeholder), never anything worse.
"""

from __future__ import annotations

import contextlib
import io
import warnings
from dataclasses import dataclass

from PIL import Image, ImageOps

from caseapp.app.case_folder import OpenCase
from caseapp.app.preview import IMAGE_TYPES, PDF_TYPES, decrypt_in_memory, render_pdf_page
from caseapp.core.errors import UserError
from caseapp.core.evidence import IntakeLimits
from caseapp.core.operations import CancelToken
from caseapp.core.refs import RecordId, RefKind
from caseapp.core.services.base import resolve

THUMBNAIL_SIDE = 96
"""Pixels on the longer side (the table draws them at 36 points: sharp up to 250 % scaling)."""
STORED_MAX_BYTES = 2 * 2**20
"""A stored thumbnail is far smaller; a larger one is not decrypted."""
ORIGINAL_MAX_BYTES = 32 * 2**20
"""Larger originals without a stored thumbnail get no picture in the table."""
MAX_PIXELS = IntakeLimits().max_image_pixels


@dataclass(frozen=True, slots=True)
class Thumbnail:
    """8-bit RGBA pixels, ``stride`` bytes a row."""

    width: int
    height: int
    stride: int
    pixels: bytes

    @property
    def nbytes(self) -> int:
        return len(self.pixels)


def exhibit_thumbnail(
    case: OpenCase,
    key: RecordId,
    *,
    media_type: str | None = None,
    side: int = THUMBNAIL_SIDE,
    cancel: CancelToken | None = None,
) -> Thumbnail | None:
    """The picture of exhibit ``key``, at most ``side`` pixels on its longer side; None when it has
    none to show (a record without a file, another type of file, an original too large). A caller
    that knows the exhibit's ``media_type`` saves reading the exhibit again."""
    token = cancel or CancelToken()
    with case.db.read() as tx:
        target = resolve(tx, key, RefKind.EXHIBIT)
        assert target.id is not None
        stored = tx.derivative_blob(target.id, "thumbnail")
        if stored is not None and stored.name and stored.size <= STORED_MAX_BYTES:
            original = None
        else:
            original = tx.original_blob(target.id)
            if media_type is None:
                media_type = getattr(tx.get(RefKind.EXHIBIT, target.id), "mime", None)
    if stored is not None and original is None:
        return decode_image(decrypt_in_memory(case, stored, target.ref, token), side)
    media_type = (media_type or "").split(";")[0].strip().lower()
    if original is None or not original.name or original.size > ORIGINAL_MAX_BYTES:
        return None
    if media_type in IMAGE_TYPES:
        return decode_image(decrypt_in_memory(case, original, target.ref, token), side)
    if media_type in PDF_TYPES:
        page = render_pdf_page(decrypt_in_memory(case, original, target.ref, token), 0, max_side=side)
        image = Image.frombuffer(
            "RGBA" if page.channels == 4 else "RGB", (page.width, page.height), page.pixels, "raw",
            "RGBA" if page.channels == 4 else "RGB", page.stride, 1,
        )  # fmt: skip
        return _thumbnail(image)
    return None


def decode_image(data: bytes, side: int = THUMBNAIL_SIDE) -> Thumbnail:
    """Decode ``data`` (an image file's bytes) into a thumbnail, turned as its EXIF orientation says.
    Raises :class:`UserError` for anything that is not a decodable image within the pixel limit."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            opened = Image.open(io.BytesIO(data))
            if opened.format == "JPEG":
                opened.draft("RGB", (side, side))  # decoded at a reduced scale
            width, height = opened.size
            if width * height > MAX_PIXELS:
                raise UserError(f"this picture claims {width} x {height} pixels; it is not drawn")
            opened.load()
            image: Image.Image = opened
            with contextlib.suppress(Exception):  # a damaged orientation tag must not cost the picture
                image = ImageOps.exif_transpose(opened)
            image.thumbnail((side, side))
            return _thumbnail(image)
    except UserError:
        raise
    except Exception as error:  # crafted data raises anything (OSError, SyntaxError, ValueError, ...)
        raise UserError(f"this picture cannot be drawn ({type(error).__name__})") from None


def _thumbnail(image: Image.Image) -> Thumbnail:
    try:
        rgba = image.convert("RGBA")
    except ValueError:  # modes Pillow cannot convert directly (16-bit greyscale on some builds)
        rgba = image.convert("L").convert("RGBA")
    return Thumbnail(rgba.width, rgba.height, 4 * rgba.width, rgba.tobytes())
