"""Our metadata fields agree with exiftool's on the same files (Debian: libimage-exiftool-perl)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from caseapp.intake.inspection import inspect_file
from tests.intake.intake_factories import exif_block, heic_bytes, jpeg_bytes

EXIFTOOL = shutil.which("exiftool")
pytestmark = pytest.mark.skipif(EXIFTOOL is None, reason="exiftool not installed (Debian: libimage-exiftool-perl)")
DATA = Path(__file__).parent.parent / "data" / "intake"
TAGS = ["-GPSLatitude", "-GPSLongitude", "-GPSAltitude", "-DateTimeOriginal", "-Make", "-Model", "-Orientation"]


def exiftool(paths: list[Path]) -> dict[str, dict[str, Any]]:
    assert EXIFTOOL is not None
    out = subprocess.run(
        [EXIFTOOL, "-json", "-n", *TAGS, *map(str, paths)], capture_output=True, text=True, check=True
    ).stdout
    return {Path(entry["SourceFile"]).name: entry for entry in json.loads(out)}


def _corpus(tmp_path: Path) -> list[Path]:
    specs = {
        "aleppo.jpg": {"gps": (36.2021, 37.1343), "altitude": 380.5, "make": "Canon", "model": "Canon EOS 40D"},
        "sydney.jpg": {"gps": (-33.8688, 151.2093), "make": "NIKON CORPORATION", "model": "NIKON D70"},
        "lima.jpg": {"gps": (-12.0464, -77.0428), "altitude": -3.25, "make": "samsung", "model": "SM-G991B"},
        "ny.jpg": {"gps": (40.7128, -74.006), "orientation": 6, "taken": "2022:12:31 23:59:59"},
        "nogps.jpg": {"make": "FUJIFILM", "model": "X-T3", "orientation": 8},
    }
    paths = []
    for name, spec in specs.items():
        path = tmp_path / name
        path.write_bytes(jpeg_bytes(exif=exif_block(**spec)))  # type: ignore[arg-type]
        paths.append(path)
    heic = tmp_path / "phone.heic"
    heic.write_bytes(heic_bytes(exif_block(make="Apple", model="iPhone 12", gps=(-1.2921, 36.8219))))
    paths.append(heic)
    paths.append(DATA / "long_description.jpg")
    return paths


def test_fields_match_exiftool(tmp_path: Path) -> None:
    paths = _corpus(tmp_path)
    reference = exiftool(paths)
    assert len(reference) == len(paths)
    checked_gps = 0
    for path in paths:
        ref = reference[path.name]
        meta = inspect_file(path).metadata
        assert meta is not None, path.name
        if "GPSLatitude" in ref:
            assert meta.gps is not None, path.name
            assert meta.gps.latitude == pytest.approx(ref["GPSLatitude"], abs=1e-7), path.name
            assert meta.gps.longitude == pytest.approx(ref["GPSLongitude"], abs=1e-7), path.name
            checked_gps += 1
        else:
            assert meta.gps is None, path.name
        if "GPSAltitude" in ref:
            assert meta.gps is not None
            assert meta.gps.altitude_m == pytest.approx(ref["GPSAltitude"], abs=1e-6), path.name
        if "DateTimeOriginal" in ref:
            expected = ref["DateTimeOriginal"].replace(":", "-", 2).replace(" ", "T")
            assert meta.created is not None and meta.created.startswith(expected), path.name
        else:
            assert meta.created is None, path.name
        assert meta.camera_make == ref.get("Make"), path.name
        assert meta.camera_model == ref.get("Model"), path.name
        assert meta.orientation == ref.get("Orientation"), path.name
    assert checked_gps == 5


def test_video_fields_match_exiftool(tmp_path: Path) -> None:
    from datetime import datetime

    from tests.intake.intake_factories import mp4_bytes

    path = tmp_path / "clip.mp4"
    path.write_bytes(mp4_bytes(datetime(2019, 4, 1, 17, 30, 5), "+36.2021-037.1343/", seconds=12))
    assert EXIFTOOL is not None
    out = subprocess.run(
        [EXIFTOOL, "-json", "-n", "-GPSLatitude", "-GPSLongitude", "-CreateDate", "-Duration", str(path)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    (ref,) = json.loads(out)
    meta = inspect_file(path).metadata
    assert meta is not None and meta.gps is not None
    assert meta.gps.latitude == pytest.approx(ref["GPSLatitude"], abs=1e-7)
    assert meta.gps.longitude == pytest.approx(ref["GPSLongitude"], abs=1e-7)
    assert meta.duration_s == pytest.approx(ref["Duration"])
    assert meta.created is not None
    assert meta.created.startswith(ref["CreateDate"].replace(":", "-", 2).replace(" ", "T"))  # QuickTime dates are UTC


TEXT_TAGS = {"Artist": "author", "ImageDescription": "title", "Software": "producer", "Make": "camera_make"}
WRITTEN = {
    "arabic-utf8.jpg": "أحمد الشامي، حلب".encode(),  # a phone or exiftool writes UTF-8
    "french-utf8.jpg": "Témoin n°3 — Noël".encode(),
    "ascii.jpg": b"Canon",
    "latin1.jpg": "Café Noël".encode("latin-1"),  # not UTF-8: old Windows software
}


def test_exif_text_is_decoded_as_exiftool_does(tmp_path: Path) -> None:
    """UTF-8 EXIF strings read as exiftool shows them (Pillow alone gives mojibake for the Arabic one),
    in the fields and in the stored dump. Bytes that are not UTF-8 read as Latin-1, where exiftool
    shows '?' for each byte it cannot decode."""
    from PIL import ExifTags, Image

    from tests.intake.intake_factories import picture

    paths = []
    for name, value in WRITTEN.items():
        exif = Image.Exif()
        for tag in TEXT_TAGS:
            exif[getattr(ExifTags.Base, tag)] = value  # bytes are written as they are
        path = tmp_path / name
        picture().save(path, "JPEG", exif=exif)
        paths.append(path)
    assert EXIFTOOL is not None
    out = subprocess.run(
        [EXIFTOOL, "-json", *(f"-{tag}" for tag in TEXT_TAGS), *map(str, paths)],
        capture_output=True,
        check=True,
    ).stdout
    reference = {Path(entry["SourceFile"]).name: entry for entry in json.loads(out.decode("utf-8"))}
    for path in paths:
        meta = inspect_file(path).metadata
        assert meta is not None, path.name
        for tag, field in TEXT_TAGS.items():
            ours, theirs = getattr(meta, field), str(reference[path.name][tag])
            if path.name == "latin1.jpg":
                assert ours == WRITTEN[path.name].decode("latin-1")
                assert "".join(c if c.isascii() else "?" for c in ours) == theirs
            else:
                assert ours == theirs, (path.name, tag)
                assert ours == WRITTEN[path.name].decode("utf-8")
            assert meta.raw["exif"][tag] == ours, (path.name, tag)
