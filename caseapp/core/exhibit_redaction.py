"""Redacted copies of exhibits: the regions to black out, and the copy made (standard library only).

A region is a rectangle ``x, y, width, height`` measured from the top-left corner of the picture
as a person sees it (after the EXIF orientation of a photo, after the rotation of a PDF page):

- in **pixels** of the image for photos and scans, and in **points** (1/72 inch) of the page for
  PDFs — what an image viewer and a PDF viewer's measuring tool show;
- or, with ``relative`` set, in **fractions** of the width and height (0 to 1), for either kind
  (``0.5, 0, 0.5, 1`` is the right half).

A region of a PDF names its page (1 for the first); images have no pages. The copy is made from
the pixels alone: no metadata of the original survives, and the text under a box on a PDF page is
gone because the page is redrawn as a picture (see ``caseapp.intake.redact``).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from caseapp.core.errors import ValidationError

MAX_REGIONS = 1000
EXTENSIONS = {"image/jpeg": "jpg", "image/png": "png", "application/pdf": "pdf"}
"""The extension of a redacted copy of each media type made (its file name when exported)."""


@dataclass(frozen=True, slots=True)
class Region:
    """A rectangle to black out (see the module docstring for its units)."""

    x: float
    y: float
    width: float
    height: float
    page: int | None = None
    relative: bool = False

    def __post_init__(self) -> None:
        values = (self.x, self.y, self.width, self.height)
        if not all(math.isfinite(v) for v in values):
            raise ValidationError(f"the region {self.shown()} holds a value that is not a number")
        if self.x < 0 or self.y < 0:
            raise ValidationError(f"the region {self.shown()} starts left of or above the picture; x and y are >= 0")
        if self.width <= 0 or self.height <= 0:
            raise ValidationError(f"the region {self.shown()} has no area; give a width and a height above 0")
        if self.relative and (self.x + self.width > 1 + 1e-9 or self.y + self.height > 1 + 1e-9):
            raise ValidationError(
                f"the region {self.shown()} reaches past the edge: x + width and y + height are at most 100%"
            )
        if self.page is not None and self.page < 1:
            raise ValidationError(f"page {self.page} does not exist; the first page is 1")

    def shown(self) -> str:
        """The region as a person typed it: ``10,20,300,40`` or ``10%,20%,30%,5%``, page first if any."""
        if self.relative:
            text = ",".join(f"{v * 100:g}%" for v in (self.x, self.y, self.width, self.height))
        else:
            text = ",".join(f"{v:g}" for v in (self.x, self.y, self.width, self.height))
        return f"{self.page}:{text}" if self.page is not None else text


@dataclass(frozen=True, slots=True)
class RedactedFile:
    """A redacted copy, made from pixels only."""

    data: bytes
    media_type: str
    extension: str  # without the dot: jpg, png, pdf
    regions: int
    pages: tuple[int, ...] = ()
    """The pages that had regions (PDFs); empty for images."""
    page_count: int | None = None
    dpi: int | None = None
    """The resolution PDF pages were redrawn at."""
    width: int | None = None
    height: int | None = None

    def note(self) -> str:
        """What was done, for the derivative's note (the reason is in the custody entry)."""
        if self.page_count is not None:
            where = (
                f" on page{'s' if len(self.pages) > 1 else ''} {', '.join(map(str, self.pages))}" if self.pages else ""
            )
            return (
                f"redacted: {self.regions} region(s) blacked out{where}; every one of the {self.page_count} page(s) "
                f"redrawn as an image at {self.dpi} dpi (no text layer, no links, no attachments); metadata removed"
            )
        blacked = f"{self.regions} region(s) blacked out" if self.regions else "no region blacked out"
        return f"redacted: {blacked}; metadata removed (EXIF, GPS, XMP, IPTC, thumbnails, comments)"


def parse_region(text: str, *, page: int | None = None) -> Region:
    """``"x,y,w,h"`` in pixels (images) or points (PDFs), ``"x%,y%,w%,h%"`` in percent of the width
    and height, either one optionally after a page number and a colon (``"2:72,90,300,20"``); a
    region without its own page takes ``page``."""
    raw = text.strip()
    where, colon, rest = raw.partition(":")
    if colon:
        try:
            page = int(where)
        except ValueError:
            raise ValidationError(
                f"'{text}': a region's page is a whole number before ':' (e.g. 2:10,10,100,20)"
            ) from None
        raw = rest
    parts = [p.strip() for p in raw.split(",")]
    if len(parts) != 4 or not all(parts):
        raise ValidationError(f"'{text}' is not a region: give x,y,width,height (e.g. 10,20,300,40 or 0%,0%,50%,10%)")
    percent = [p.endswith("%") for p in parts]
    if any(percent) and not all(percent):
        raise ValidationError(f"'{text}' mixes percentages and pixels; use % on all four values or on none")
    try:
        values = [float(p.rstrip("%")) for p in parts]
    except ValueError:
        raise ValidationError(f"'{text}' is not a region: x,y,width,height must be numbers") from None
    if all(percent):
        values = [v / 100 for v in values]
    return Region(values[0], values[1], values[2], values[3], page=page, relative=all(percent))
