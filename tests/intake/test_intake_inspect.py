"""inspect_file on real generated files: type, metadata, thumbnails and text."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest
from PIL import Image

from caseapp.core.evidence import DerivativeKind, FileFacts, IntakeLimits, ProblemCode, Severity, TypeKind
from caseapp.intake.inspection import inspect_file
from caseapp.intake.metadata_docs import pdf_date
from caseapp.intake.metadata_image import exif_datetime
from caseapp.intake.metadata_media import iso6709, media_date
from tests.intake.intake_factories import (
    ARABIC,
    ENGLISH,
    FRENCH,
    docx_bytes,
    exif_block,
    heic_bytes,
    jpeg_bytes,
    odt_bytes,
    pdf_bytes,
    png_bytes,
    pypdf_bytes,
    wav_bytes,
    write_jpeg,
)

DATA = Path(__file__).parent.parent / "data" / "intake"


def _serious(facts: FileFacts) -> list[ProblemCode]:
    return [p.code for p in facts.problems if p.severity is not Severity.INFO]


def _thumb(facts: FileFacts) -> Image.Image:
    thumb = facts.derivative(DerivativeKind.THUMBNAIL)
    assert thumb is not None
    assert thumb.media_type == "image/jpeg"
    im = Image.open(io.BytesIO(thumb.data))
    assert im.format == "JPEG"
    assert (im.width, im.height) == (thumb.width, thumb.height)
    return im


def _text(facts: FileFacts) -> str:
    text = facts.derivative(DerivativeKind.TEXT)
    assert text is not None
    assert text.media_type == "text/plain; charset=utf-8"
    return text.data.decode("utf-8")


@pytest.mark.parametrize(
    ("lat", "lon", "alt"),
    [(36.2021, 37.1343, 380.5), (-33.8688, 151.2093, 12.0), (40.7128, -74.006, 10.0), (-12.0464, -77.0428, -3.25)],
)
def test_jpeg_exif_gps_signs_and_fields(tmp_path: Path, lat: float, lon: float, alt: float) -> None:
    path = write_jpeg(tmp_path / "IMG.JPG", gps=(lat, lon), altitude=alt, taken="2016:08:12 06:41:09", offset="+03:00")
    facts = inspect_file(path)
    assert facts.problems == ()
    assert facts.detected.kind is TypeKind.IMAGE
    meta = facts.metadata
    assert meta is not None and meta.gps is not None
    assert meta.gps.latitude == pytest.approx(lat, abs=1e-6)
    assert meta.gps.longitude == pytest.approx(lon, abs=1e-6)
    assert meta.gps.altitude_m == pytest.approx(alt)
    assert meta.created == "2016-08-12T06:41:09+03:00"
    assert (meta.camera_make, meta.camera_model) == ("Canon", "Canon EOS 40D")
    assert (meta.width, meta.height) == (160, 120)
    json.dumps(meta.raw)  # the dump must be storable as JSON
    assert meta.raw["exif"]["Make"] == "Canon"  # type: ignore[index,call-overload]


def test_orientation_is_read_and_applied_to_the_thumbnail(tmp_path: Path) -> None:
    path = write_jpeg(tmp_path / "rot.jpg", size=(1600, 1200), orientation=6)
    facts = inspect_file(path)
    assert facts.metadata is not None and facts.metadata.orientation == 6
    thumb = _thumb(facts)
    assert (thumb.width, thumb.height) == (384, 512)  # portrait after rotation, longest side 512
    assert "exif" not in thumb.info or b"GPS" not in thumb.info["exif"]


def test_thumbnail_carries_no_gps(tmp_path: Path) -> None:
    path = write_jpeg(tmp_path / "gps.jpg", gps=(36.2, 37.1))
    thumb = _thumb(inspect_file(path))
    assert thumb.getexif().get_ifd(0x8825) == {}


def test_large_jpeg_is_decoded_at_reduced_scale(tmp_path: Path) -> None:
    path = tmp_path / "big.jpg"
    path.write_bytes(jpeg_bytes((6000, 4000), exif_block(), quality=30))
    limits = IntakeLimits(max_image_pixels=2_000_000)  # the full image is 24 MP; the 1/4 draft is 1.5 MP
    facts = inspect_file(path, limits=limits)
    assert facts.problems == ()
    assert max(_thumb(facts).size) == 512


def test_pixel_limit_refuses_decoding_but_keeps_metadata(tmp_path: Path) -> None:
    path = tmp_path / "wide.png"
    path.write_bytes(png_bytes((3000, 2000), "RGB"))
    facts = inspect_file(path, limits=IntakeLimits(max_image_pixels=1_000_000))
    assert _serious(facts) == [ProblemCode.DECOMPRESSION_BOMB]
    assert facts.metadata is not None and facts.metadata.width == 3000
    assert facts.derivative(DerivativeKind.THUMBNAIL) is None


def test_png_with_alpha(tmp_path: Path) -> None:
    path = tmp_path / "a.png"
    path.write_bytes(png_bytes((90, 60), "RGBA"))
    facts = inspect_file(path)
    assert facts.problems == ()
    assert _thumb(facts).size == (90, 60)


def test_heic_exif(tmp_path: Path) -> None:
    path = tmp_path / "IMG_0001.HEIC"
    path.write_bytes(heic_bytes(exif_block(make="Apple", model="iPhone 12", gps=(-1.2921, 36.8219))))
    facts = inspect_file(path)
    assert facts.detected.mime == "image/heic"
    assert facts.problems == ()
    meta = facts.metadata
    assert meta is not None and meta.gps is not None
    assert (meta.camera_make, meta.camera_model) == ("Apple", "iPhone 12")
    assert meta.gps.latitude == pytest.approx(-1.2921, abs=1e-6)
    assert _thumb(facts).size == (64, 64)


def test_shipped_public_domain_photo(tmp_path: Path) -> None:
    facts = inspect_file(DATA / "long_description.jpg")
    assert facts.problems == ()
    meta = facts.metadata
    assert meta is not None
    assert meta.author == "SSG KYLE DAVIS"
    assert meta.title is not None and meta.title.startswith("Operation Mountain Viper")
    assert meta.orientation == 1
    assert facts.derivative(DerivativeKind.THUMBNAIL) is not None


def test_pdf_metadata_thumbnail_and_text(tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"
    info = {
        "Author": "Investigator A",
        "Title": "Site visit",
        "Creator": "Writer",
        "Producer": "LibreOffice 7.4",
        "CreationDate": "D:20160812064109+03'00'",
        "ModDate": "D:20160813Z",
    }
    path.write_bytes(pdf_bytes(["Hello witness", "Second page", "Third page"], info=info))
    facts = inspect_file(path)
    assert facts.problems == ()
    meta = facts.metadata
    assert meta is not None
    assert meta.page_count == 3
    assert (meta.author, meta.title, meta.producer) == ("Investigator A", "Site visit", "Writer / LibreOffice 7.4")
    assert meta.created == "2016-08-12T06:41:09+03:00"
    assert meta.modified == "2016-08-13"
    thumb = _thumb(facts)
    assert max(thumb.size) == 512
    assert thumb.getpixel((0, 0)) == (255, 255, 255)  # a white page was drawn
    text = _text(facts)
    assert text.split("\f")[:3] == ["Hello witness", "Second page", "Third page"]


def test_pdf_written_by_pypdf(tmp_path: Path) -> None:
    path = tmp_path / "blank.pdf"
    path.write_bytes(pypdf_bytes(4, {"/Author": "Anon", "/CreationDate": "D:20200101120000Z"}))
    facts = inspect_file(path)
    assert facts.problems == ()
    assert facts.metadata is not None
    assert (facts.metadata.page_count, facts.metadata.author) == (4, "Anon")
    assert facts.metadata.created == "2020-01-01T12:00:00+00:00"
    assert facts.derivative(DerivativeKind.TEXT) is None  # blank pages, no text


def test_docx_core_properties_and_text(tmp_path: Path) -> None:
    path = tmp_path / "statement.docx"
    path.write_bytes(docx_bytes([ARABIC, FRENCH, ENGLISH]))
    facts = inspect_file(path)
    assert facts.problems == ()
    meta = facts.metadata
    assert meta is not None
    assert (meta.author, meta.last_modified_by, meta.title) == (
        "Investigator A",
        "Investigator B",
        "Witness statement W-001",
    )
    assert (meta.created, meta.modified) == ("2017-02-03T10:20:30+00:00", "2017-02-04T11:00:00+00:00")
    assert meta.producer == "Microsoft Office Word 16.0000"
    assert meta.page_count == 2
    assert _text(facts).splitlines() == [f"{ARABIC}\t|", f"{FRENCH}\t|", f"{ENGLISH}\t|"]


def test_odt_meta_and_text(tmp_path: Path) -> None:
    path = tmp_path / "rapport.odt"
    path.write_bytes(odt_bytes([FRENCH, ARABIC], title="Rapport de mission", creator="Enquêtrice C"))
    facts = inspect_file(path)
    assert facts.problems == ()
    meta = facts.metadata
    assert meta is not None
    assert (meta.author, meta.last_modified_by, meta.title) == ("Enquêtrice C", "Relecteur D", "Rapport de mission")
    assert (meta.created, meta.page_count, meta.producer) == ("2019-05-06T07:08:09", 4, "LibreOffice/7.4")
    assert _text(facts).splitlines() == ["Rapport de mission", f"{FRENCH}  fin\tx", f"{ARABIC}  fin\tx"]


@pytest.mark.parametrize(
    ("text", "encoding", "note"),
    [
        (ARABIC, "utf-8", "decoded as utf-8"),
        (FRENCH, "cp1252", "decoded as cp1252"),
        (ENGLISH, "utf-16", "decoded as utf-16"),
    ],
)
def test_plain_text(tmp_path: Path, text: str, encoding: str, note: str) -> None:
    path = tmp_path / "notes.txt"
    path.write_bytes(text.encode(encoding))
    facts = inspect_file(path)
    assert facts.problems == ()
    derived = facts.derivative(DerivativeKind.TEXT)
    assert derived is not None and derived.note == note
    assert derived.data.decode("utf-8") == text


def test_text_cap_cuts_on_a_character_boundary(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_text(ARABIC * 100, encoding="utf-8")
    facts = inspect_file(path, limits=IntakeLimits(max_text_bytes=1001))
    derived = facts.derivative(DerivativeKind.TEXT)
    assert derived is not None and derived.truncated
    assert len(derived.data) <= 1001
    assert ARABIC.startswith(derived.data.decode("utf-8")[:20])  # valid UTF-8, no broken letter
    assert [(p.code, p.severity) for p in facts.problems] == [(ProblemCode.TEXT_TRUNCATED, Severity.INFO)]


def test_wav_duration_and_codec(tmp_path: Path) -> None:
    path = tmp_path / "interview.wav"
    path.write_bytes(wav_bytes(seconds=2.5))
    facts = inspect_file(path)
    assert facts.detected.kind is TypeKind.AUDIO
    assert facts.problems == ()
    assert facts.metadata is not None
    assert facts.metadata.duration_s == pytest.approx(2.5)
    assert facts.metadata.codecs == ("PCM",)
    json.dumps(facts.metadata.raw)


def test_enormous_metadata_is_cut_and_reported(tmp_path: Path) -> None:
    path = tmp_path / "big_exif.jpg"
    path.write_bytes(jpeg_bytes(exif=exif_block(description="A" * 60_000)))
    facts = inspect_file(path)
    assert [p.code for p in facts.problems] == [ProblemCode.METADATA_TRUNCATED]
    meta = facts.metadata
    assert meta is not None and meta.truncated
    assert len(json.dumps(meta.raw)) < 20_000
    assert meta.camera_make == "Canon"  # the structured fields are still there


def test_nothing_escapes_for_a_missing_file(tmp_path: Path) -> None:
    facts = inspect_file(tmp_path / "gone.jpg")
    assert [p.code for p in facts.problems] == [ProblemCode.VANISHED]
    assert facts.metadata is None


@pytest.mark.parametrize(
    ("raw", "iso"),
    [
        ("D:20160812064109+03'00'", "2016-08-12T06:41:09+03:00"),
        ("D:20160812064109-05'30", "2016-08-12T06:41:09-05:30"),
        ("D:20160812064109Z", "2016-08-12T06:41:09+00:00"),
        ("D:201608", "2016-08"),
        ("D:20161399", None),
        ("garbage", None),
    ],
)
def test_pdf_dates(raw: str, iso: str | None) -> None:
    assert pdf_date(raw) == iso


def test_exif_and_media_dates() -> None:
    assert exif_datetime("2016:08:12 06:41:09", "-04:00") == "2016-08-12T06:41:09-04:00"
    assert exif_datetime("0000:00:00 00:00:00") is None
    assert exif_datetime("2016:08:12 06:41:09", "bogus") == "2016-08-12T06:41:09"
    assert media_date("2021-03-04 12:34:56 UTC") == "2021-03-04T12:34:56+00:00"
    assert media_date("UTC 2021-03-04 12:34:56") == "2021-03-04T12:34:56+00:00"
    assert media_date("2021-03-04T12:34:56+0100") == "2021-03-04T12:34:56+01:00"
    assert media_date("1904-01-01 00:00:00 UTC") is None


def test_iso6709_locations() -> None:
    point = iso6709("+36.2021+037.1343+380.500/")
    assert point is not None
    assert (point.latitude, point.longitude, point.altitude_m) == (36.2021, 37.1343, 380.5)
    west = iso6709("-33.8688-070.6693/")
    assert west is not None and (west.latitude, west.longitude) == (-33.8688, -70.6693)
    dm = iso6709("+3612.126+03708.058/")  # degrees and decimal minutes
    assert dm is not None
    assert dm.latitude == pytest.approx(36.2021) and dm.longitude == pytest.approx(37.13430, abs=1e-5)
    assert iso6709("+95.0+000.0/") is None
    assert iso6709("nonsense") is None


def test_png_exif_is_read_without_decoding_pixels(tmp_path: Path) -> None:
    path = tmp_path / "screenshot.png"
    buf = io.BytesIO()
    Image.new("RGB", (4000, 3000), (1, 2, 3)).save(buf, "PNG", exif=exif_block(gps=(-33.5, 18.25), make="Google"))
    path.write_bytes(buf.getvalue())
    facts = inspect_file(path, limits=IntakeLimits(max_image_pixels=1_000_000))  # too big to decode
    assert [p.code for p in facts.problems] == [ProblemCode.DECOMPRESSION_BOMB]
    meta = facts.metadata
    assert meta is not None and meta.gps is not None
    assert (meta.gps.latitude, meta.gps.longitude) == (pytest.approx(-33.5), pytest.approx(18.25))
    assert meta.camera_make == "Google"


def test_zip_archive_is_listed_not_unpacked(tmp_path: Path) -> None:
    from tests.intake.intake_factories import plain_zip_bytes

    path = tmp_path / "export.zip"
    path.write_bytes(plain_zip_bytes())
    facts = inspect_file(path)
    assert facts.problems == ()
    assert facts.metadata is not None
    assert facts.metadata.raw["zip"] == {  # type: ignore[comparison-overlap]
        "entries": 2,
        "uncompressed_bytes": len(ENGLISH * 5) + len(FRENCH.encode()),
        "encrypted_entries": 0,
        "names": ["notes/a.txt", "notes/b.txt"],
    }


def test_cancel_during_inspection(tmp_path: Path) -> None:
    from caseapp.core.errors import Cancelled

    path = tmp_path / "report.pdf"
    path.write_bytes(pdf_bytes(["a", "b"]))
    with pytest.raises(Cancelled):
        inspect_file(path, cancel=lambda: True)


def test_several_failures_make_one_report() -> None:
    from caseapp.core.evidence import Problem
    from caseapp.intake.inspection import one_report

    problems = [
        Problem("p", ProblemCode.TRUNCATED, Severity.WARNING, "first."),
        Problem("p", ProblemCode.TEXT_TRUNCATED, Severity.INFO, "info."),
        Problem("p", ProblemCode.CORRUPT, Severity.WARNING, "second."),
        Problem("p", ProblemCode.TRUNCATED, Severity.WARNING, "third."),
    ]
    merged = one_report(problems)
    assert [p.code for p in merged] == [ProblemCode.TRUNCATED, ProblemCode.TEXT_TRUNCATED]
    assert merged[0].message == "first. (Also: corrupt.)"


def test_mp4_duration_codec_creation_time_and_gps(tmp_path: Path) -> None:
    from datetime import datetime

    from tests.intake.intake_factories import mp4_bytes

    path = tmp_path / "VID_0001.mp4"
    path.write_bytes(mp4_bytes(datetime(2016, 8, 12, 6, 41, 9), "-33.8688+151.2093+012.500/", seconds=7))
    facts = inspect_file(path)
    assert facts.detected.kind is TypeKind.VIDEO
    assert [(p.code, p.severity) for p in facts.problems] == [(ProblemCode.DERIVATIVE_UNAVAILABLE, Severity.INFO)]
    meta = facts.metadata
    assert meta is not None and meta.gps is not None
    assert (meta.gps.latitude, meta.gps.longitude, meta.gps.altitude_m) == (-33.8688, 151.2093, 12.5)
    assert meta.created == "2016-08-12T06:41:09+00:00"
    assert meta.duration_s == 7.0
    assert meta.codecs == ("AVC",)
    assert (meta.width, meta.height) == (320, 240)
    json.dumps(meta.raw)


def test_reading_leaves_the_evidence_as_found(tmp_path: Path) -> None:
    from caseapp.intake.reader import stream_file

    path = tmp_path / "photo.jpg"
    path.write_bytes(jpeg_bytes(exif=exif_block(gps=(36.2, 37.1))))
    old_atime = 978_307_200_000_000_000  # 2001-01-01: a plain read would update it (relatime)
    os.utime(path, ns=(old_atime, path.stat().st_mtime_ns))
    before = path.stat()
    stream_file(path)
    inspect_file(path)
    after = path.stat()
    assert (after.st_mtime_ns, after.st_size, after.st_ino) == (before.st_mtime_ns, before.st_size, before.st_ino)
    if os.geteuid() == 0 or after.st_uid == os.geteuid():  # O_NOATIME is allowed to the owner (and root)
        assert after.st_atime_ns == old_atime


def test_many_small_parts_inflating_together_are_a_bomb(tmp_path: Path) -> None:
    from tests.intake.hostile_corpus import EMPTY_DOCUMENT, zip_with

    limits = IntakeLimits(max_zip_total_bytes=10 * 1024 * 1024)
    parts: dict[str, bytes | int] = {
        "word/document.xml": EMPTY_DOCUMENT,
        **{f"word/media/{i}.bin": 1 for i in range(12)},
    }
    path = tmp_path / "sly.docx"
    path.write_bytes(zip_with(parts))  # twelve 1 MiB parts of zeros: each under the per-part floor
    assert [p.code for p in inspect_file(path, limits=limits).problems] == [ProblemCode.ZIP_BOMB]


def test_big_document_of_incompressible_media_is_not_a_bomb(tmp_path: Path) -> None:
    from tests.intake.hostile_corpus import EMPTY_DOCUMENT, zip_with

    limits = IntakeLimits(max_zip_total_bytes=10 * 1024 * 1024)
    path = tmp_path / "report-with-video.docx"
    path.write_bytes(
        zip_with({"word/document.xml": EMPTY_DOCUMENT, "word/media/clip.mp4": os.urandom(12 * 1024 * 1024)})
    )
    facts = inspect_file(path, limits=limits)
    assert facts.problems == ()
    assert facts.detected.extension == "docx"
