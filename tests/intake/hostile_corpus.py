"""A corpus of hostile, malformed and awkward files, next to good ones, for the intake tests.

``build(root)`` writes it and returns what each bad item must be reported as. Run it on its own to
look at the files: ``.venv/bin/python -m tests.intake.hostile_corpus /tmp/corpus``.
"""

from __future__ import annotations

import io
import os
import socket
import struct
import sys
import zipfile
import zlib
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from caseapp.core.evidence import ProblemCode as C
from tests.intake.intake_factories import (
    ARABIC,
    ENGLISH,
    FRENCH,
    docx_bytes,
    encrypted_pdf_bytes,
    exif_block,
    heic_bytes,
    jpeg_bytes,
    mp4_bytes,
    odt_bytes,
    pdf_bytes,
    picture,
    plain_zip_bytes,
    png_bytes,
    wav_bytes,
    xlsx_bytes,
)

MIB = 1024 * 1024
DAMAGED = frozenset({C.TRUNCATED, C.CORRUPT})


@dataclass
class Corpus:
    root: Path
    bad: dict[str, frozenset[C]] = field(default_factory=dict)
    """Absolute path (as the walk reports it) → the codes its single report may carry."""
    good: set[str] = field(default_factory=set)
    delete_while_reading: set[str] = field(default_factory=set)
    grow_while_reading: set[str] = field(default_factory=set)

    def add_bad(self, path: Path, data: bytes | None, codes: frozenset[C] | C) -> None:
        if data is not None:
            path.write_bytes(data)
        self.bad[str(path)] = codes if isinstance(codes, frozenset) else frozenset({codes})

    def add_good(self, path: Path, data: bytes) -> None:
        path.write_bytes(data)
        self.good.add(str(path))


def _saved(fmt: str, **kw: object) -> bytes:
    buf = io.BytesIO()
    im = picture((40, 30))
    (im.convert("P") if fmt == "GIF" else im).save(buf, fmt, **kw)  # type: ignore[arg-type]
    return buf.getvalue()


def _chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def png_header_only(width: int, height: int) -> bytes:
    """A PNG claiming ``width x height`` with a tiny IDAT: a pixel bomb if ever decoded."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    idat = zlib.compress(b"\x00" * 1024)
    return b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", ihdr) + _chunk(b"IDAT", idat) + _chunk(b"IEND", b"")


def png_bad_crc() -> bytes:
    data = bytearray(png_bytes((20, 20), "RGB"))
    data[29] ^= 0xFF  # last byte of the IHDR CRC
    return bytes(data)


def png_ztxt_bomb() -> bytes:
    """A compressed text chunk inflating to 64 MiB (Pillow refuses past MAX_TEXT_CHUNK)."""
    good = png_bytes((20, 20), "RGB")
    comp = zlib.compressobj(9)
    body = b"Comment\x00\x00" + comp.compress(b"\x00" * (64 * MIB)) + comp.flush()
    return good[:33] + _chunk(b"zTXt", body) + good[33:]


def gif_screen_bomb() -> bytes:
    data = bytearray(_saved("GIF"))
    data[6:10] = struct.pack("<HH", 65535, 65535)  # logical screen 65535 x 65535
    return bytes(data)


def jpeg_dimension_bomb() -> bytes:
    data = bytearray(jpeg_bytes((16, 16)))
    sof = data.find(b"\xff\xc0")
    data[sof + 5 : sof + 9] = struct.pack(">HH", 65500, 65500)
    return bytes(data)


def zip_with(members: dict[str, bytes | int], *, docx: bool = True) -> bytes:
    """A ZIP (a DOCX skeleton when ``docx``); an int member is that many MiB of zeros, streamed in."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        if docx:
            zf.writestr("[Content_Types].xml", "<Types/>")
        for name, content in members.items():
            if isinstance(content, int):
                with zf.open(name, "w", force_zip64=content >= 2048) as member:
                    block = b"\x00" * MIB
                    for _ in range(content):
                        member.write(block)
            else:
                zf.writestr(name, content)
    return buf.getvalue()


EMPTY_DOCUMENT = '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>'
BILLION_LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
    '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
    "<cp:coreProperties xmlns:cp='x'>&lol3;</cp:coreProperties>"
)
XXE = (
    '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
    "<cp:coreProperties xmlns:cp='x'>&x;</cp:coreProperties>"
)


def crc_broken_docx() -> bytes:
    data = bytearray(docx_bytes([ENGLISH * 50]))
    start = data.find(b"word/document.xml") + len("word/document.xml") + 40
    data[start] ^= 0x55  # inside the deflated body of document.xml
    return bytes(data)


def bad_central_directory() -> bytes:
    data = bytearray(plain_zip_bytes())
    entry = data.find(b"PK\x01\x02")
    data[entry + 2 : entry + 4] = b"\x09\x09"  # the first central directory entry loses its signature
    return bytes(data)


def build(root: Path) -> Corpus:
    root.mkdir(parents=True, exist_ok=True)
    c = Corpus(root=root)
    img, pdf, doc, fs, media = (root / d for d in ("images", "pdf", "docs", "fs", "media"))
    for d in (img, pdf, doc, fs, media):
        d.mkdir()

    # ------------------------------------------------------------------ good files (must pass clean)
    jpeg = jpeg_bytes((160, 120), exif_block(gps=(36.2021, 37.1343)))
    png = png_bytes((90, 60), "RGB")
    a_pdf = pdf_bytes(["Hello witness", "Page two"], info={"Author": "A"})
    a_docx = docx_bytes([ARABIC, FRENCH, ENGLISH])
    a_odt = odt_bytes([FRENCH])
    wav = wav_bytes()
    c.add_good(img / "good.jpg", jpeg)
    c.add_good(img / "good.png", png)
    c.add_good(img / "good.heic", heic_bytes(exif_block(make="Apple", model="iPhone")))
    c.add_good(img / "good.gif", _saved("GIF"))
    c.add_good(img / "good.webp", _saved("WEBP"))
    c.add_good(img / "good.tif", _saved("TIFF"))
    c.add_good(pdf / "good.pdf", a_pdf)
    c.add_good(doc / "good.docx", a_docx)
    c.add_good(doc / "good.odt", a_odt)
    c.add_good(doc / "good.xlsx", xlsx_bytes())
    c.add_good(doc / "good.zip", plain_zip_bytes())
    c.add_good(doc / "arabic.txt", ARABIC.encode())
    c.add_good(doc / "french-cp1252.txt", FRENCH.encode("cp1252"))
    c.add_good(media / "good.wav", wav)
    c.add_good(doc / "disguised-jpeg.pdf", jpeg)  # wrong extension: detected by content, no problem
    (fs / "alias.jpg").symlink_to(img / "good.jpg")  # a link inside: listed at its target, content good

    # ------------------------------------------------------------------------------- images
    for cut in (3, 20, 200, len(jpeg) * 4 // 10, len(jpeg) * 7 // 10, len(jpeg) - 50):
        c.add_bad(img / f"truncated-{cut}.jpg", jpeg[:cut], DAMAGED)
    for cut in (10, 40, len(png) // 2, len(png) * 9 // 10, len(png) - 5):
        c.add_bad(img / f"truncated-{cut}.png", png[:cut], DAMAGED)
    for name, data in (
        ("gif", _saved("GIF")),
        ("webp", _saved("WEBP")),
        ("tif", _saved("TIFF")),
        ("bmp", _saved("BMP")),
        ("heic", heic_bytes(exif_block())),
    ):
        c.add_bad(img / f"truncated.{name}", data[: len(data) // 2], DAMAGED)
    c.add_bad(img / "bad-crc.png", png_bad_crc(), DAMAGED)
    c.add_bad(img / "junk-after-magic.jpg", b"\xff\xd8\xff\xe0" + bytes(range(256)) * 10, DAMAGED)
    c.add_bad(img / "pixel-bomb.png", png_header_only(100_000, 100_000), C.DECOMPRESSION_BOMB)
    c.add_bad(img / "pixel-bomb-under-pillow-limit.png", png_header_only(12_000, 12_000), C.DECOMPRESSION_BOMB)
    c.add_bad(img / "pixel-bomb.gif", gif_screen_bomb(), C.DECOMPRESSION_BOMB)
    c.add_bad(img / "pixel-bomb.jpg", jpeg_dimension_bomb(), C.DECOMPRESSION_BOMB)
    c.add_bad(img / "ztxt-bomb.png", png_ztxt_bomb(), DAMAGED)
    c.add_bad(img / "enormous-exif.jpg", jpeg_bytes(exif=exif_block(description="A" * 60_000)), C.METADATA_TRUNCATED)
    c.add_bad(img / "empty.jpg", b"", C.EMPTY)

    # ---------------------------------------------------------------------------------- PDF
    for cut in (10, len(a_pdf) * 3 // 10, len(a_pdf) * 6 // 10, len(a_pdf) * 9 // 10, len(a_pdf) - 10):
        c.add_bad(pdf / f"truncated-{cut}.pdf", a_pdf[:cut], DAMAGED)
    c.add_bad(pdf / "garbage.pdf", b"%PDF-1.7\n" + bytes(range(256)) * 20, DAMAGED)
    c.add_bad(pdf / "encrypted.pdf", encrypted_pdf_bytes(), C.ENCRYPTED)
    c.add_bad(pdf / "absurd-page.pdf", pdf_bytes(["x"], media_box=(10**9, 10**9)), C.CORRUPT)
    c.add_bad(pdf / "empty.pdf", b"", C.EMPTY)

    # --------------------------------------------------------------------- DOCX, ODT, ZIP
    for cut in (10, len(a_docx) * 3 // 10, len(a_docx) * 6 // 10, len(a_docx) * 9 // 10, len(a_docx) - 5):
        c.add_bad(doc / f"truncated-{cut}.docx", a_docx[:cut], DAMAGED)
    c.add_bad(doc / "truncated.odt", a_odt[: len(a_odt) // 2], DAMAGED)
    c.add_bad(
        doc / "zip-bomb.docx", zip_with({"word/document.xml": EMPTY_DOCUMENT, "word/media/x.bin": 200}), C.ZIP_BOMB
    )
    c.add_bad(doc / "bomb-document.docx", zip_with({"word/document.xml": 100}), C.ZIP_BOMB)
    c.add_bad(doc / "zip-bomb.zip", zip_with({"a.bin": 100}, docx=False), C.ZIP_BOMB)
    c.add_bad(
        doc / "too-many-parts.docx",
        zip_with({"word/document.xml": EMPTY_DOCUMENT, **{f"p/{i}": b"" for i in range(10_001)}}),
        C.ZIP_BOMB,
    )
    c.add_bad(doc / "billion-laughs.docx", docx_bytes(["x"], core=BILLION_LAUGHS), C.XML_HOSTILE)
    c.add_bad(doc / "xxe.docx", docx_bytes(["x"], core=XXE), C.XML_HOSTILE)
    c.add_bad(doc / "dtd-in-text.docx", docx_bytes(["x"], document=BILLION_LAUGHS), C.XML_HOSTILE)
    c.add_bad(doc / "malformed-core.docx", docx_bytes(["x"], core="<cp:coreProperties><unclosed>"), C.CORRUPT)
    c.add_bad(doc / "bad-crc.docx", crc_broken_docx(), C.CORRUPT)
    c.add_bad(doc / "bad-central-directory.zip", bad_central_directory(), C.CORRUPT)

    # --------------------------------------------------------------------------- audio, video
    c.add_bad(media / "truncated.wav", wav[: len(wav) // 2], C.TRUNCATED)
    video = mp4_bytes(datetime(2016, 8, 12, 6, 41, 9), "+36.2021+037.1343/")
    c.add_good(media / "good.mp4", video)
    c.add_bad(media / "truncated.mp4", video[: len(video) // 2], DAMAGED)
    c.add_bad(media / "junk.mp4", b"\x00\x00\x00\x18ftypmp42" + b"\x00" * 100, C.CORRUPT)
    c.add_bad(media / "junk.mp3", b"ID3\x03\x00\x00\x00\x00\x00\x00" + bytes(range(256)) * 4, C.CORRUPT)

    # ----------------------------------------------------------------------- the file system
    (fs / "loop").symlink_to(root)
    c.add_bad(fs / "loop", None, C.SYMLINK_LOOP)
    (fs / "ping").symlink_to(fs / "pong")
    (fs / "pong").symlink_to(fs / "ping")
    c.add_bad(fs / "ping", None, C.SYMLINK_LOOP)
    c.add_bad(fs / "pong", None, C.SYMLINK_LOOP)
    outside = root.parent / f"{root.name}-outside.txt"
    outside.write_text("not chosen", encoding="utf-8")
    (fs / "outside-file").symlink_to(outside)
    c.add_bad(fs / "outside-file", None, C.SYMLINK_OUTSIDE)
    (fs / "outside-dir").symlink_to(root.parent)
    c.add_bad(fs / "outside-dir", None, C.SYMLINK_OUTSIDE)
    (fs / "dangling").symlink_to(fs / "nothing-here")
    c.add_bad(fs / "dangling", None, C.SYMLINK_BROKEN)
    os.mkfifo(fs / "fifo")
    c.add_bad(fs / "fifo", None, C.SPECIAL_FILE)
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        sock.bind(str(fs / "socket"))
    finally:
        sock.close()
    c.add_bad(fs / "socket", None, C.SPECIAL_FILE)
    c.add_bad(fs / "statement\u202etxt.exe", ENGLISH.encode(), C.UNSAFE_NAME)
    c.add_bad(fs / "two\nlines.txt", FRENCH.encode(), C.UNSAFE_NAME)
    latin1 = os.fsdecode(os.fsencode(str(fs)) + b"/caf\xe9.txt")
    c.add_bad(Path(latin1), ENGLISH.encode(), C.UNSAFE_NAME)
    c.add_bad(fs / "deleted-mid-read.bin", os.urandom(256 * 1024), C.VANISHED)
    c.delete_while_reading.add(str(fs / "deleted-mid-read.bin"))
    c.add_bad(fs / "growing-mid-read.log", os.urandom(256 * 1024), C.CHANGED_WHILE_READING)
    c.grow_while_reading.add(str(fs / "growing-mid-read.log"))
    return c


if __name__ == "__main__":
    corpus = build(Path(sys.argv[1]))
    print(f"{len(corpus.bad)} bad and {len(corpus.good)} good files under {corpus.root}")
