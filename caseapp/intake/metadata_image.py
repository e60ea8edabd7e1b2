"""Images: open with Pillow (HEIC through pillow-heif) under a pixel limit, and read EXIF/GPS."""

from __future__ import annotations

import math
import re
import warnings
from collections.abc import Mapping
from typing import Any, BinaryIO

import pillow_heif
from PIL import ExifTags, Image, UnidentifiedImageError

from caseapp.core.evidence import GeoPoint, IntakeLimits, Metadata, Problem, ProblemCode, Severity
from caseapp.intake.fsutil import problem
from caseapp.intake.names import escape_name
from caseapp.intake.rawdump import RawDump

pillow_heif.register_heif_opener()

# Formats Pillow decodes here: a failure on these is damage, not a missing decoder.
DECODABLE = frozenset({"jpg", "png", "gif", "webp", "tif", "bmp", "ico", "heic", "avif", "psd", "apng"})

_EXIF_DATE = re.compile(r"^\s*(\d{4}):(\d{2}):(\d{2})[ T](\d{2}):(\d{2}):(\d{2})")
_OFFSET = re.compile(r"^[+-]\d{2}:\d{2}$")
_PNG_END = b"IEND\xaeB`\x82"
_T = ExifTags.Base
_G = ExifTags.GPS


class ImageRefused(Exception):
    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.message)
        self.problem = problem


def damage_problem(path: str, exc: BaseException, what: str) -> Problem:
    """One report for a decoding failure, ``truncated`` when the decoder says so."""
    text = str(exc) or type(exc).__name__
    code = ProblemCode.TRUNCATED if "truncat" in text.lower() or isinstance(exc, EOFError) else ProblemCode.CORRUPT
    adjective = "truncated" if code is ProblemCode.TRUNCATED else "damaged"
    return problem(
        path,
        code,
        Severity.WARNING,
        f"'{escape_name(path)}' is a {adjective} {what} ({escape_name(text[:200])}); the original is kept as found.",
    )


def bomb_problem(path: str, width: int, height: int, limit: int) -> Problem:
    return problem(
        path,
        ProblemCode.DECOMPRESSION_BOMB,
        Severity.WARNING,
        f"'{escape_name(path)}' claims {width} x {height} pixels ({width * height:,}), over the limit of {limit:,}; "
        "it was not decoded (possible decompression bomb). The original is kept as found.",
    )


def open_image(fp: BinaryIO, path: str, ext: str, limits: IntakeLimits) -> Image.Image:
    """Open the header only (no pixels decoded). Raises `ImageRefused` with one clear problem."""
    fp.seek(0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            return Image.open(fp)
    except Image.DecompressionBombError as exc:
        dims = re.findall(r"\d+", str(exc))
        pixels = int(dims[0]) if dims else 0
        raise ImageRefused(
            problem(
                path,
                ProblemCode.DECOMPRESSION_BOMB,
                Severity.WARNING,
                f"'{escape_name(path)}' claims {pixels:,} pixels, far over the limit of {limits.max_image_pixels:,}; "
                "it was not decoded (possible decompression bomb). The original is kept as found.",
            )
        ) from None
    except UnidentifiedImageError:
        if ext in DECODABLE:
            raise ImageRefused(
                problem(
                    path,
                    ProblemCode.CORRUPT,
                    Severity.WARNING,
                    f"'{escape_name(path)}' looks like a {ext.upper()} image but its header cannot be decoded "
                    "(damaged or truncated); the original is kept as found.",
                )
            ) from None
        raise ImageRefused(
            problem(
                path,
                ProblemCode.DERIVATIVE_UNAVAILABLE,
                Severity.INFO,
                f"No bundled decoder reads '{escape_name(path)}' ({ext}); no thumbnail or image metadata.",
            )
        ) from None
    except Exception as exc:  # hostile headers raise all sorts: SyntaxError, ValueError, struct.error...
        raise ImageRefused(damage_problem(path, exc, "image")) from None


def png_is_complete(fp: BinaryIO) -> bool:
    """A PNG ends with its IEND chunk (a few bytes of trailing junk are tolerated)."""
    fp.seek(0, 2)
    size = fp.tell()
    fp.seek(max(0, size - 4096))
    return _PNG_END in fp.read(4096)


def _png_exif(fp: BinaryIO, cap: int = 1024 * 1024) -> Image.Exif:
    """The eXIf chunk of a PNG found by walking the chunks (Pillow would decode every pixel first)."""
    exif = Image.Exif()
    fp.seek(8)
    for _ in range(100_000):
        header = fp.read(8)
        if len(header) < 8:
            break
        length, kind = int.from_bytes(header[:4], "big"), header[4:]
        if kind == b"eXIf":
            if length <= cap:
                exif.load(fp.read(length))
            break
        if kind == b"IEND":
            break
        fp.seek(length + 4, 1)
    return exif


def _ratio(value: Any) -> float | None:
    try:
        f = float(value)
    except (TypeError, ValueError, ZeroDivisionError, OverflowError):
        return None
    return f if math.isfinite(f) else None


def exif_string(value: str) -> str:
    """An EXIF ASCII value as exiftool shows it: UTF-8 when its bytes are valid UTF-8.

    Pillow decodes every EXIF string as Latin-1, so UTF-8 written by phones and by exiftool (an Arabic
    ``Artist``) came out as mojibake. Latin-1 is lossless, so the bytes are recovered and decoded as
    UTF-8; bytes that are not UTF-8 (old Windows software writing Latin-1) keep the Latin-1 reading,
    where exiftool shows ``?`` for each of them.
    """
    if value.isascii():
        return value
    try:
        return value.encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):  # not Pillow's Latin-1 text, or not UTF-8 bytes
        return value


def _strings_fixed(tags: Mapping[int, Any]) -> dict[int, Any]:
    return {key: exif_string(value) if isinstance(value, str) else value for key, value in tags.items()}


def _text(value: Any, limit: int = 256) -> str | None:
    if isinstance(value, bytes):
        value = value.decode("utf-8", "replace")
    if not isinstance(value, str):
        return None
    value = value.replace("\x00", "").strip()
    return value[:limit] or None


def exif_datetime(value: Any, offset: Any = None) -> str | None:
    """``2021:03:04 12:34:56`` (+ optional ``+02:00``) → ``2021-03-04T12:34:56+02:00``."""
    text = _text(value)
    if text is None:
        return None
    m = _EXIF_DATE.match(text)
    if not m or m.group(1) == "0000":
        return None
    y, mo, d, h, mi, s = m.groups()
    iso = f"{y}-{mo}-{d}T{h}:{mi}:{s}"
    off = _text(offset)
    return iso + off if off and _OFFSET.match(off) else iso


def _dms(value: Any) -> float | None:
    if not isinstance(value, tuple | list) or not value:
        return None
    parts = [_ratio(v) for v in list(value)[:3]]
    if any(p is None for p in parts):
        return None
    nums = [p for p in parts if p is not None] + [0.0, 0.0]
    return nums[0] + nums[1] / 60 + nums[2] / 3600


def gps_point(gps: Mapping[int, Any]) -> GeoPoint | None:
    """Decimal degrees (south/west negative) from an EXIF GPS IFD; None when absent or nonsense."""
    lat, lon = _dms(gps.get(_G.GPSLatitude)), _dms(gps.get(_G.GPSLongitude))
    if lat is None or lon is None:
        return None
    if (_text(gps.get(_G.GPSLatitudeRef)) or "N").upper().startswith("S"):
        lat = -lat
    if (_text(gps.get(_G.GPSLongitudeRef)) or "E").upper().startswith("W"):
        lon = -lon
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        return None
    alt = _ratio(gps.get(_G.GPSAltitude))
    ref = gps.get(_G.GPSAltitudeRef)
    if alt is not None and ref in (1, b"\x01"):
        alt = -alt
    return GeoPoint(latitude=lat, longitude=lon, altitude_m=alt)


def _named(tags: Mapping[int, Any], names: Mapping[int, str]) -> dict[str, Any]:
    return {names.get(k, f"0x{k:04X}"): v for k, v in tags.items()}


def image_metadata(
    im: Image.Image, fp: BinaryIO, path: str, limits: IntakeLimits
) -> tuple[Metadata, tuple[Problem, ...]]:
    """EXIF (base, Exif and GPS IFDs) and format info; a truncated dump is reported once. Decodes no pixels."""
    dump = RawDump(limits)
    dump.put("image", "format", im.format)
    dump.put("image", "mode", im.mode)
    dump.put("image", "size", list(im.size))
    dump.put("image", "frames", getattr(im, "n_frames", 1))
    for key, value in im.info.items():
        if key in ("exif", "icc_profile", "xmp"):
            if isinstance(value, bytes | str):
                dump.put("image", f"{key}_bytes", len(value))
            continue
        dump.put("info", str(key), value)
    try:
        exif = _png_exif(fp) if im.format == "PNG" and "exif" not in im.info else im.getexif()
        base = _strings_fixed(dict(exif.items()))
        exif_ifd = _strings_fixed(dict(exif.get_ifd(ExifTags.IFD.Exif).items()))
        gps = _strings_fixed(dict(exif.get_ifd(ExifTags.IFD.GPSInfo).items()))
    except Exception as exc:  # damaged EXIF, or (PNG) data missing before the EXIF chunk
        return Metadata(width=im.width, height=im.height, raw=dump.sections, truncated=dump.truncated), (
            damage_problem(path, exc, "image"),
        )
    base.pop(ExifTags.IFD.Exif, None)
    base.pop(ExifTags.IFD.GPSInfo, None)
    dump.put_all("exif", _named(base, ExifTags.TAGS))
    dump.put_all("exif", _named(exif_ifd, ExifTags.TAGS))
    dump.put_all("gps", _named(gps, ExifTags.GPSTAGS))
    orientation = base.get(_T.Orientation)
    meta = Metadata(
        created=exif_datetime(exif_ifd.get(_T.DateTimeOriginal), exif_ifd.get(_T.OffsetTimeOriginal))
        or exif_datetime(exif_ifd.get(_T.DateTimeDigitized), exif_ifd.get(_T.OffsetTimeDigitized)),
        modified=exif_datetime(base.get(_T.DateTime), exif_ifd.get(_T.OffsetTime)),
        author=_text(base.get(_T.Artist)),
        title=_text(base.get(_T.ImageDescription)),
        producer=_text(base.get(_T.Software)),
        camera_make=_text(base.get(_T.Make)),
        camera_model=_text(base.get(_T.Model)),
        orientation=orientation if isinstance(orientation, int) and 1 <= orientation <= 8 else None,
        gps=gps_point(gps),
        width=im.width,
        height=im.height,
        raw=dump.sections,
        truncated=dump.truncated,
    )
    problems: tuple[Problem, ...] = ()
    if dump.truncated:
        problems = (truncated_problem(path, limits),)
    return meta, problems


def truncated_problem(path: str, limits: IntakeLimits) -> Problem:
    return problem(
        path,
        ProblemCode.METADATA_TRUNCATED,
        Severity.WARNING,
        f"'{escape_name(path)}' carries enormous metadata; the stored dump was cut (values over "
        f"{limits.max_metadata_value_chars} characters, more than {limits.max_metadata_items} items or "
        f"{limits.max_metadata_total_chars} characters in all). The original keeps all of it.",
    )
