"""Audio and video: duration, codecs, creation time and GPS with pymediainfo (bundled libmediainfo)."""

from __future__ import annotations

import re
from typing import Any, BinaryIO

from pymediainfo import MediaInfo

from caseapp.core.evidence import GeoPoint, IntakeLimits, Metadata, Problem, ProblemCode, Severity
from caseapp.intake.fsutil import problem
from caseapp.intake.metadata_image import truncated_problem
from caseapp.intake.names import escape_name
from caseapp.intake.rawdump import RawDump

_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?\s*(Z|UTC|[+-]\d{2}:?\d{2})?")
_ISO6709 = re.compile(r"^\s*([+-]\d+(?:\.\d+)?)([+-]\d+(?:\.\d+)?)([+-]\d+(?:\.\d+)?)?")
_GPS_KEYS = ("comapplequicktimelocationiso6709", "xyz", "location", "recorded_location")
_DATE_KEYS = ("comapplequicktimecreationdate", "recorded_date", "encoded_date", "tagged_date", "mastered_date")
_SKIP_KEYS = ("complete_name", "folder_name", "file_name", "file_name_extension", "file_extension")


def media_date(value: Any) -> str | None:
    """``2021-03-04 12:34:56 UTC`` / ``UTC 2021-…`` / ``2021-03-04T12:34:56+0100`` → ISO 8601."""
    if not isinstance(value, str):
        return None
    text = value.strip()
    utc_prefix = text.startswith("UTC ")
    m = _DATE.search(text)
    if not m:
        return None
    y, mo, d, h, mi, s, tz = m.groups()
    if y in ("1904", "1970") and (mo, d) == ("01", "01"):  # a zero MP4/Unix epoch means "not set"
        return None
    iso = f"{y}-{mo}-{d}T{h}:{mi}:{s}"
    if tz in ("Z", "UTC") or (tz is None and utc_prefix):
        return iso + "+00:00"
    if tz:
        digits = tz.replace(":", "")
        return f"{iso}{digits[:3]}:{digits[3:5]}"
    return iso


def _iso6709_part(text: str, degree_digits: int) -> float:
    """One coordinate in ±DD.DD, ±DDMM.MM or ±DDMMSS.SS form (ISO 6709 Annex H)."""
    sign = -1.0 if text[0] == "-" else 1.0
    body = text[1:]
    whole = body.split(".", 1)[0]
    if len(whole) <= degree_digits:
        value = float(body)
    elif len(whole) <= degree_digits + 2:
        value = float(body[:degree_digits]) + float(body[degree_digits:]) / 60
    else:
        value = (
            float(body[:degree_digits])
            + float(body[degree_digits : degree_digits + 2]) / 60
            + float(body[degree_digits + 2 :]) / 3600
        )
    return sign * value


def iso6709(value: Any) -> GeoPoint | None:
    """``+48.8584+002.2945+035.000/`` → GeoPoint(48.8584, 2.2945, 35.0); None when malformed."""
    if not isinstance(value, str):
        return None
    m = _ISO6709.match(value)
    if not m:
        return None
    try:
        lat = _iso6709_part(m.group(1), 2)
        lon = _iso6709_part(m.group(2), 3)
        alt = float(m.group(3)) if m.group(3) else None
    except ValueError:
        return None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        return None
    return GeoPoint(latitude=lat, longitude=lon, altitude_m=alt)


def _number(value: Any) -> float | None:
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def media_metadata(fp: BinaryIO, path: str, limits: IntakeLimits) -> tuple[Metadata | None, tuple[Problem, ...]]:
    """Parse the open file with libmediainfo (headers only at the default parse speed)."""
    shown = escape_name(path)
    fp.seek(0)
    try:
        info = MediaInfo.parse(fp, encoding_errors="replace")
    except Exception as exc:
        return None, (
            problem(
                path,
                ProblemCode.CORRUPT,
                Severity.WARNING,
                f"'{shown}' could not be parsed as audio or video ({escape_name(str(exc)[:200])}).",
            ),
        )
    assert isinstance(info, MediaInfo)
    dump = RawDump(limits)
    general: dict[str, Any] = {}
    codecs: list[str] = []
    width = height = None
    streams = 0
    for index, track in enumerate(info.tracks):
        data = {k: v for k, v in track.to_data().items() if not k.startswith("other_") and k not in _SKIP_KEYS}
        kind = str(data.get("track_type", "Track"))
        dump.put("mediainfo", f"{index}:{kind}", data)
        if kind == "General":
            general = data
        elif kind in ("Video", "Audio"):
            streams += 1
            codec = data.get("format") or data.get("codec_id")
            if codec and str(codec) not in codecs:
                codecs.append(str(codec))
            if kind == "Video" and width is None:
                width, height = data.get("width"), data.get("height")
    duration_ms = _number(general.get("duration"))
    created = next((d for d in (media_date(general.get(k)) for k in _DATE_KEYS) if d), None)
    gps = next((g for g in (iso6709(general.get(k)) for k in _GPS_KEYS) if g), None)
    meta = Metadata(
        created=created,
        author=_str(general.get("performer") or general.get("artist")),
        title=_str(general.get("title") or general.get("movie_name")),
        producer=_str(general.get("writing_application") or general.get("encoded_application")),
        camera_make=_str(general.get("comapplequicktimemake") or general.get("make")),
        camera_model=_str(general.get("comapplequicktimemodel") or general.get("model")),
        gps=gps,
        width=width if isinstance(width, int) else None,
        height=height if isinstance(height, int) else None,
        duration_s=duration_ms / 1000 if duration_ms is not None else None,
        codecs=tuple(codecs),
        raw=dump.sections,
        truncated=dump.truncated,
    )
    if str(general.get("istruncated", "")).lower() == "yes":
        return meta, (
            problem(
                path,
                ProblemCode.TRUNCATED,
                Severity.WARNING,
                f"'{shown}' is a truncated {general.get('format', 'media')} file: its end is missing. "
                "The original is kept as found.",
            ),
        )
    if streams == 0:
        return meta, (
            problem(
                path,
                ProblemCode.CORRUPT,
                Severity.WARNING,
                f"'{shown}' looks like {general.get('format', 'audio or video')} but no audio or video stream "
                "could be found in it (damaged or not what it claims). The original is kept as found.",
            ),
        )
    return meta, (truncated_problem(path, limits),) if dump.truncated else ()


def _str(value: Any) -> str | None:
    return value.strip()[:512] or None if isinstance(value, str) else None
