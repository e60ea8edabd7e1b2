"""Redacted copies made from pixels only: real photos with GPS, XMP, IPTC, a comment and an embedded
thumbnail, real PDFs with text; checked with exiftool, pdftotext, pdfinfo, qpdf and pdftoppm."""

from __future__ import annotations

import io
import json
import os
import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import pytest
from PIL import Image, ImageCms, ImageOps
from PIL.PngImagePlugin import PngInfo

from caseapp.core.errors import ValidationError
from caseapp.core.exhibit_redaction import Region, parse_region
from caseapp.core.operations import CancelToken, Task
from caseapp.intake.redact import redact
from tests.intake.intake_factories import exif_block, heic_bytes, jpeg_bytes, pdf_bytes, picture

SECRET_WORDS = "Witness Ahmad Khalil"


def tool(name: str) -> str:
    """The path of a Debian tool; skip when it is absent, except in CI where it must be there."""
    found = shutil.which(name)
    if found is None:
        if os.environ.get("CI"):
            pytest.fail(f"{name} is missing in CI")
        pytest.skip(f"{name} is not installed")
    return found


def exiftool_json(path: Path) -> dict[str, object]:
    out = subprocess.run(
        [tool("exiftool"), "-json", "-a", "-G1", "-u", str(path)], capture_output=True, text=True, check=True
    )
    tags: dict[str, object] = json.loads(out.stdout)[0]
    return tags


def loaded_photo(tmp_path: Path) -> Path:
    """A phone-like JPEG (640 x 480 stored, orientation 6 so it shows 480 x 640) carrying GPS, camera,
    date, a comment, XMP, an ICC profile, IPTC and an embedded thumbnail (the last two via exiftool)."""
    path = tmp_path / "IMG_0001.JPG"
    exif = exif_block(gps=(36.2021, 37.1343), orientation=6, make="Canon", model="Canon EOS 40D")
    icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    xmp = b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><secret>XMP-SECRET</secret></x:xmpmeta>'
    buf = io.BytesIO()
    picture((640, 480)).save(buf, "JPEG", quality=90, exif=exif, comment=b"COMMENT-SECRET", xmp=xmp, icc_profile=icc)
    path.write_bytes(buf.getvalue())
    thumb = tmp_path / "thumb.jpg"
    thumb.write_bytes(jpeg_bytes((160, 120)))
    subprocess.run(
        [
            tool("exiftool"),
            "-q",
            "-overwrite_original",
            f"-ThumbnailImage<={thumb}",
            "-IPTC:Keywords=IPTC-SECRET",
            str(path),
        ],
        check=True,
    )
    return path


def test_photo_copy_has_no_metadata_and_black_regions(tmp_path: Path) -> None:
    path = loaded_photo(tmp_path)
    before = exiftool_json(path)
    assert "GPS:GPSLatitude" in before and "IFD0:Make" in before and "IFD1:ThumbnailImage" in before
    assert "IPTC:Keywords" in before and "ExifIFD:DateTimeOriginal" in before
    original = path.read_bytes()
    made = redact(original, mime="image/jpeg", regions=[parse_region("0,0,100,50"), parse_region("50%,50%,25%,25%")])
    assert path.read_bytes() == original
    out = tmp_path / "redacted.jpg"
    out.write_bytes(made.data)
    tags = exiftool_json(out)
    groups = {key.split(":", 1)[0] for key in tags if ":" in key}
    assert groups <= {"ExifTool", "System", "File", "JFIF", "Composite"}, groups
    for key in tags:
        assert not any(word in key for word in ("GPS", "Make", "Model", "DateTimeOriginal", "Thumbnail", "Comment"))
    assert "SECRET" not in json.dumps(tags) and b"SECRET" not in made.data
    assert made.media_type == "image/jpeg" and made.regions == 2
    # Regions are measured on the picture as shown: upright, 480 x 640.
    shown = ImageOps.exif_transpose(Image.open(io.BytesIO(original))).convert("RGB")
    copy = Image.open(io.BytesIO(made.data)).convert("RGB")
    assert copy.size == shown.size == (480, 640)
    for x, y in ((1, 1), (96, 46), (50, 25), (300, 400), (356, 476)):  # inside the boxes (JPEG blurs edges)
        assert max(copy.getpixel((x, y))) < 16, (x, y)  # type: ignore[arg-type]
    for x, y in ((150, 100), (20, 200), (400, 600)):
        want, got = shown.getpixel((x, y)), copy.getpixel((x, y))
        assert all(abs(a - b) < 24 for a, b in zip(want, got, strict=True)), (x, y, want, got)  # type: ignore[arg-type]


def test_no_region_is_a_metadata_free_copy_of_every_image_kind(tmp_path: Path) -> None:
    exif = exif_block(gps=(48.8566, 2.3522))
    heic = redact(heic_bytes(exif), mime="image/heif", regions=[])
    assert heic.media_type == "image/jpeg" and "no region" in heic.note()
    png = io.BytesIO()
    info = PngInfo()
    info.add_text("Author", "PNG-SECRET")
    picture((90, 60)).convert("RGBA").save(png, "PNG", pnginfo=info, exif=exif)
    tiff = io.BytesIO()
    picture((90, 60)).save(tiff, "TIFF", exif=exif.tobytes())
    webp = io.BytesIO()
    picture((90, 60)).save(webp, "WEBP", exif=exif)
    for data, mime in ((png.getvalue(), "image/png"), (tiff.getvalue(), "image/tiff"), (webp.getvalue(), "image/webp")):
        source = tmp_path / f"original.{mime.split('/')[1]}"
        source.write_bytes(data)
        assert [k for k in exiftool_json(source) if "GPS" in k], mime  # there is something to remove
        made = redact(data, mime=mime, regions=[Region(0, 0, 10, 10)])
        assert made.media_type == "image/png" and (made.width, made.height) == (90, 60)
        out = tmp_path / f"copy-{mime.split('/')[1]}.png"
        out.write_bytes(made.data)
        tags = exiftool_json(out)
        assert not [k for k in tags if "GPS" in k or "Author" in k], tags
        assert b"PNG-SECRET" not in made.data
    out = tmp_path / "heic.jpg"
    out.write_bytes(heic.data)
    assert not [k for k in exiftool_json(out) if "GPS" in k]


def test_pdf_copy_has_no_text_under_the_box_and_no_metadata(tmp_path: Path) -> None:
    original = pdf_bytes(
        [f"{SECRET_WORDS} saw it", "Page two public words"], info={"Author": "Field team", "Title": "Confidential"}
    )
    source = tmp_path / "report.pdf"
    source.write_bytes(original)
    text = subprocess.run([tool("pdftotext"), str(source), "-"], capture_output=True, text=True, check=True).stdout
    assert SECRET_WORDS in text  # the words are there to begin with
    # The line is drawn at y = 700 pt from the bottom in 18 pt Helvetica: 70..110 pt from the top.
    made = redact(original, mime="application/pdf", regions=[parse_region("60,60,500,50", page=1)])
    assert made.page_count == 2 and made.pages == (1,) and made.dpi == 150
    out = tmp_path / "redacted.pdf"
    out.write_bytes(made.data)
    text = subprocess.run([tool("pdftotext"), str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert "Ahmad" not in text and "Khalil" not in text and "Page two" not in text  # no text layer at all
    assert subprocess.run([tool("qpdf"), "--check", str(out)], capture_output=True).returncode == 0
    info = subprocess.run([tool("pdfinfo"), str(out)], capture_output=True, text=True, check=True).stdout
    assert "Pages:           2" in info and "612 x 792 pts" in info
    for field in ("Author", "Title", "Producer", "Creator", "CreationDate", "ModDate"):
        assert f"\n{field}:" not in f"\n{info}", info
    tags = exiftool_json(out)
    assert not [k for k in tags if k.split(":")[0].startswith("XMP") or "Author" in k or "Title" in k], tags
    assert b"Field team" not in made.data and b"Ahmad" not in made.data
    # What a person sees: the box is black where the words were; the rest of the page is there.
    subprocess.run([tool("pdftoppm"), "-r", "72", "-png", str(out), str(tmp_path / "page")], check=True)
    first = Image.open(tmp_path / "page-1.png").convert("L")
    second = Image.open(tmp_path / "page-2.png").convert("L")
    assert first.size == (612, 792)
    assert max(first.crop((62, 62, 558, 108)).getdata()) < 40  # type: ignore[arg-type]
    assert min(first.crop((0, 200, 612, 792)).getdata()) > 215  # type: ignore[arg-type]
    assert min(second.crop((72, 70, 300, 100)).getdata()) < 100  # type: ignore[arg-type]  # text still drawn


@pytest.mark.parametrize(
    ("regions", "mime", "message"),
    [
        ([Region(0, 0, 641, 10)], "image/jpeg", "reaches past the edge"),
        ([Region(0, 0, 10, 10, page=2)], "image/jpeg", "has no page 2"),
        ([Region(0, 0, 10, 10)], "application/pdf", "say which page"),
        ([Region(0, 0, 10, 10, page=3)], "application/pdf", "there is no page 3"),
        ([Region(600, 0, 20, 10, page=1)], "application/pdf", "reaches past the edge of page 1"),
        ([], "text/plain", "only JPEG, PNG, TIFF, WebP and HEIC images and PDFs"),
    ],
)
def test_bad_requests_are_refused_clearly(regions: list[Region], mime: str, message: str) -> None:
    data = pdf_bytes(["one", "two"]) if mime == "application/pdf" else jpeg_bytes((640, 480))
    with pytest.raises(ValidationError, match=message):
        redact(data, mime=mime, regions=regions)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("0,0,0,10", "has no area"),
        ("-1,0,10,10", "x and y are >= 0"),
        ("1,2,3", "not a region"),
        ("10%,0,5%,5%", "mixes percentages"),
        ("60%,0%,50%,5%", "reaches past the edge"),
        ("0:1,1,1,1", "the first page is 1"),
        ("a,b,c,d", "must be numbers"),
    ],
)
def test_bad_regions_are_refused_when_typed(text: str, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        parse_region(text)


def png_header(width: int, height: int) -> bytes:
    """A PNG that claims ``width`` x ``height`` pixels and holds none."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"")) + chunk(b"IEND", b"")


def test_hostile_images_are_refused_within_limits() -> None:
    # A PNG header claiming 30 000 x 30 000 pixels: refused before any pixel is decoded.
    for side in (10_000, 30_000):  # over intake's 64 MP limit; the second also over Pillow's own
        with pytest.raises(ValidationError, match="decompression bomb"):
            redact(png_header(side, side), mime="image/png", regions=[])
    truncated = jpeg_bytes((640, 480))[:600]
    with pytest.raises(ValidationError, match="cannot be"):
        redact(truncated, mime="image/jpeg", regions=[])
    frames = io.BytesIO()
    picture().save(frames, "TIFF", save_all=True, append_images=[picture()])
    with pytest.raises(ValidationError, match="holds 2 pictures"):
        redact(frames.getvalue(), mime="image/tiff", regions=[])
    gif = io.BytesIO()
    picture().save(gif, "GIF")
    with pytest.raises(ValidationError, match="GIF image"):
        redact(gif.getvalue(), mime="image/png", regions=[])


def test_cancelling_a_pdf_stops_before_anything_is_made() -> None:
    token = CancelToken()
    token.cancel()
    with pytest.raises(Exception, match="cancelled"):
        redact(pdf_bytes(["one"]), mime="application/pdf", regions=[], task=Task(cancel=token))
