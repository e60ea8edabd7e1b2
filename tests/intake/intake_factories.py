"""Real files for the intake tests, written with Pillow, pypdf, zipfile and wave (no mocks)."""

from __future__ import annotations

import io
import struct
import wave
import zipfile
from datetime import datetime
from pathlib import Path
from xml.sax.saxutils import escape

from PIL import ExifTags, Image
from PIL.TiffImagePlugin import IFDRational

ARABIC = "شهادة الشاهد: رأيت الجنود يدخلون القرية في الفجر."
FRENCH = "Témoignage : les soldats sont entrés dans le village à l'aube, près de l'église."
ENGLISH = "Statement: the soldiers entered the village at dawn."


def _dms(value: float) -> tuple[IFDRational, IFDRational, IFDRational]:
    value = abs(value)
    degrees = int(value)
    minutes_full = (value - degrees) * 60
    minutes = int(minutes_full)
    seconds = round((minutes_full - minutes) * 60 * 10000)
    return IFDRational(degrees, 1), IFDRational(minutes, 1), IFDRational(seconds, 10000)


def exif_block(
    *,
    make: str | None = "Canon",
    model: str | None = "Canon EOS 40D",
    taken: str | None = "2016:08:12 06:41:09",
    offset: str | None = None,
    gps: tuple[float, float] | None = None,
    altitude: float | None = None,
    orientation: int | None = None,
    description: str | None = None,
) -> Image.Exif:
    exif = Image.Exif()
    if make:
        exif[ExifTags.Base.Make] = make
    if model:
        exif[ExifTags.Base.Model] = model
    if orientation:
        exif[ExifTags.Base.Orientation] = orientation
    if description:
        exif[ExifTags.Base.ImageDescription] = description
    sub: dict[int, object] = {}
    if taken:
        sub[ExifTags.Base.DateTimeOriginal] = taken
    if offset:
        sub[ExifTags.Base.OffsetTimeOriginal] = offset
    if sub:
        exif[ExifTags.IFD.Exif] = sub
    if gps:
        lat, lon = gps
        info: dict[int, object] = {
            ExifTags.GPS.GPSLatitudeRef: "N" if lat >= 0 else "S",
            ExifTags.GPS.GPSLatitude: _dms(lat),
            ExifTags.GPS.GPSLongitudeRef: "E" if lon >= 0 else "W",
            ExifTags.GPS.GPSLongitude: _dms(lon),
        }
        if altitude is not None:
            info[ExifTags.GPS.GPSAltitudeRef] = b"\x01" if altitude < 0 else b"\x00"
            info[ExifTags.GPS.GPSAltitude] = IFDRational(round(abs(altitude) * 100), 100)
        exif[ExifTags.IFD.GPSInfo] = info
    return exif


def picture(size: tuple[int, int] = (160, 120)) -> Image.Image:
    """A non-uniform picture (so JPEG data is not trivially small): left half red, right half blue."""
    im = Image.new("RGB", size, (200, 30, 30))
    im.paste((30, 30, 200), (size[0] // 2, 0, size[0], size[1]))
    return im


def jpeg_bytes(size: tuple[int, int] = (160, 120), exif: Image.Exif | None = None, quality: int = 90) -> bytes:
    buf = io.BytesIO()
    picture(size).save(buf, "JPEG", quality=quality, exif=exif if exif is not None else Image.Exif())
    return buf.getvalue()


def write_jpeg(path: Path, size: tuple[int, int] = (160, 120), **exif: object) -> Path:
    path.write_bytes(jpeg_bytes(size, exif_block(**exif)))  # type: ignore[arg-type]
    return path


def png_bytes(size: tuple[int, int] = (90, 60), mode: str = "RGBA") -> bytes:
    buf = io.BytesIO()
    picture(size).convert(mode).save(buf, "PNG")
    return buf.getvalue()


def heic_bytes(exif: Image.Exif) -> bytes:
    import pillow_heif

    pillow_heif.register_heif_opener()
    buf = io.BytesIO()
    picture((64, 64)).save(buf, "HEIF", exif=exif, quality=60)
    return buf.getvalue()


# ---------------------------------------------------------------------------------------- PDF
def pdf_bytes(
    pages: list[str],
    *,
    info: dict[str, str] | None = None,
    media_box: tuple[int, int] = (612, 792),
) -> bytes:
    """A minimal, valid PDF written by hand: one Helvetica text line per page, exact xref offsets."""
    objects: list[bytes] = []
    n_pages = len(pages)
    kids = " ".join(f"{3 + 2 * i} 0 R" for i in range(n_pages))
    font_id = 3 + 2 * n_pages
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {n_pages} >>".encode())
    for i, text in enumerate(pages):
        content = f"BT /F1 18 Tf 72 700 Td ({text}) Tj ET".encode("latin-1")
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {media_box[0]} {media_box[1]}] "
            f"/Contents {4 + 2 * i} 0 R /Resources << /Font << /F1 {font_id} 0 R >> >> >>".encode()
        )
        objects.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    info_ref = ""
    if info:
        entries = " ".join(f"/{k} ({v})" for k, v in info.items())
        objects.append(f"<< {entries} >>".encode("latin-1"))
        info_ref = f" /Info {len(objects)} 0 R"
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R{info_ref} >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def encrypted_pdf_bytes() -> bytes:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(200, 200)
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="AES-128")
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


def pypdf_bytes(pages: int = 2, metadata: dict[str, str] | None = None) -> bytes:
    from pypdf import PdfWriter

    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(300, 400)
    if metadata:
        writer.add_metadata(metadata)
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


# ---------------------------------------------------------------------------------- DOCX / ODT
CORE_XML = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
 xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"
 xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<dc:title>{title}</dc:title><dc:creator>{creator}</dc:creator><cp:lastModifiedBy>{modifier}</cp:lastModifiedBy>
<cp:revision>3</cp:revision>
<dcterms:created xsi:type="dcterms:W3CDTF">2017-02-03T10:20:30Z</dcterms:created>
<dcterms:modified xsi:type="dcterms:W3CDTF">2017-02-04T11:00:00Z</dcterms:modified>
</cp:coreProperties>"""

APP_XML = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">
<Application>Microsoft Office Word</Application><AppVersion>16.0000</AppVersion><Pages>2</Pages></Properties>"""

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml"
 ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
</Types>"""

RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
 Target="word/document.xml"/></Relationships>"""


def document_xml(paragraphs: list[str]) -> str:
    body = "".join(
        f'<w:p><w:r><w:t xml:space="preserve">{escape(p)}</w:t></w:r><w:r><w:tab/><w:t>|</w:t></w:r></w:p>'
        for p in paragraphs
    )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        f"<w:body>{body}</w:body></w:document>"
    )


def docx_bytes(
    paragraphs: list[str],
    *,
    title: str = "Witness statement W-001",
    creator: str = "Investigator A",
    modifier: str = "Investigator B",
    core: str | None = None,
    document: str | None = None,
    extra: dict[str, bytes] | None = None,
) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", CONTENT_TYPES)
        zf.writestr("_rels/.rels", RELS)
        zf.writestr("word/document.xml", document if document is not None else document_xml(paragraphs))
        zf.writestr(
            "docProps/core.xml",
            core
            if core is not None
            else CORE_XML.format(title=escape(title), creator=escape(creator), modifier=escape(modifier)),
        )
        zf.writestr("docProps/app.xml", APP_XML)
        for name, data in (extra or {}).items():
            zf.writestr(name, data)
    return buf.getvalue()


def odt_bytes(paragraphs: list[str], *, title: str = "Rapport", creator: str = "Enquêtrice C") -> bytes:
    text_ns = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
    office_ns = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
    body = "".join(f"<text:p>{escape(p)}<text:s text:c='2'/>fin<text:tab/>x</text:p>" for p in paragraphs)
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="{office_ns}" '
        f'xmlns:text="{text_ns}"><office:body><office:text><text:h>{escape(title)}</text:h>{body}'
        "</office:text></office:body></office:document-content>"
    )
    meta = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-meta xmlns:office="{office_ns}" '
        'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/">'
        "<office:meta><meta:generator>LibreOffice/7.4</meta:generator>"
        f"<dc:title>{escape(title)}</dc:title><meta:initial-creator>{escape(creator)}</meta:initial-creator>"
        "<dc:creator>Relecteur D</dc:creator><meta:creation-date>2019-05-06T07:08:09</meta:creation-date>"
        '<dc:date>2019-05-07T08:00:00</dc:date><meta:document-statistic meta:page-count="4" meta:word-count="9"/>'
        "</office:meta></office:document-meta>"
    )
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("mimetype", "application/vnd.oasis.opendocument.text", compress_type=zipfile.ZIP_STORED)
        zf.writestr(
            "META-INF/manifest.xml",
            '<?xml version="1.0"?><manifest:manifest '
            'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>',
            compress_type=zipfile.ZIP_DEFLATED,
        )
        zf.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
        zf.writestr("meta.xml", meta, compress_type=zipfile.ZIP_DEFLATED)
    return buf.getvalue()


def xlsx_bytes() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", CONTENT_TYPES)
        zf.writestr("xl/workbook.xml", "<workbook/>")
        zf.writestr("docProps/core.xml", CORE_XML.format(title="Sheet", creator="X", modifier="Y"))
    return buf.getvalue()


def plain_zip_bytes() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("notes/a.txt", ENGLISH * 5)
        zf.writestr("notes/b.txt", FRENCH)
    return buf.getvalue()


# ---------------------------------------------------------------------------------------- audio
def wav_bytes(seconds: float = 1.5, rate: int = 8000) -> bytes:
    buf = io.BytesIO()
    with wave.open(buf, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        frames = int(seconds * rate)
        w.writeframes(bytes((i * 7) % 256 for i in range(frames * 2)))
    return buf.getvalue()


# ---------------------------------------------------------------------------------------- video
def _atom(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", 8 + len(body)) + kind + body


_MATRIX = struct.pack(">9I", 0x10000, 0, 0, 0, 0x10000, 0, 0, 0, 0x40000000)


def mp4_bytes(created: datetime, xyz: str, seconds: int = 5) -> bytes:
    """A minimal MP4 written atom by atom: one AVC track header (no frames), mvhd dates, a ©xyz location."""
    created_1904 = int((created - datetime(1904, 1, 1)).total_seconds())
    ts = 1000
    mvhd = _atom(
        b"mvhd",
        struct.pack(">I4I", 0, created_1904, created_1904, ts, seconds * ts)
        + struct.pack(">IH10x", 0x10000, 0x100)
        + _MATRIX
        + b"\0" * 24
        + struct.pack(">I", 2),
    )
    tkhd = _atom(
        b"tkhd",
        struct.pack(">I5I", 7, created_1904, created_1904, 1, 0, seconds * ts)
        + b"\0" * 8
        + struct.pack(">hhhH", 0, 0, 0, 0)
        + _MATRIX
        + struct.pack(">II", 320 << 16, 240 << 16),
    )
    mdhd = _atom(b"mdhd", struct.pack(">I4IHH", 0, created_1904, created_1904, ts, seconds * ts, 0x55C4, 0))
    hdlr = _atom(b"hdlr", struct.pack(">II4s12x", 0, 0, b"vide") + b"VideoHandler\0")
    vmhd = _atom(b"vmhd", struct.pack(">IH3H", 1, 0, 0, 0, 0))
    dref = _atom(b"dref", struct.pack(">II", 0, 1) + _atom(b"url ", struct.pack(">I", 1)))
    dinf = _atom(b"dinf", dref)
    entry = _atom(
        b"avc1",
        b"\0" * 6
        + struct.pack(">H", 1)
        + b"\0" * 16
        + struct.pack(">HHIIIH", 320, 240, 0x480000, 0x480000, 0, 1)
        + b"\0" * 32
        + struct.pack(">Hh", 0x18, -1),
    )
    stsd = _atom(b"stsd", struct.pack(">II", 0, 1) + entry)

    def empty(kind: bytes) -> bytes:
        return _atom(kind, struct.pack(">II", 0, 0))

    stbl = _atom(
        b"stbl", stsd + empty(b"stts") + empty(b"stsc") + _atom(b"stsz", struct.pack(">III", 0, 0, 0)) + empty(b"stco")
    )
    minf = _atom(b"minf", vmhd + dinf + stbl)
    mdia = _atom(b"mdia", mdhd + hdlr + minf)
    trak = _atom(b"trak", tkhd + mdia)
    loc = xyz.encode()
    udta = _atom(b"udta", _atom(b"\xa9xyz", struct.pack(">HH", len(loc), 0x15C7) + loc))
    moov = _atom(b"moov", mvhd + trak + udta)
    ftyp = _atom(b"ftyp", b"isom" + struct.pack(">I", 0x200) + b"isomiso2mp41")
    return ftyp + moov + _atom(b"mdat", b"")
