"""The read-only reader of a user's MBTiles file (caseapp.storage.mbtiles): XYZ rows flipped to the
TMS rows the file stores, zoom levels from the metadata or the tiles, nothing written into or
beside the file, and every unusable file (not SQLite, damaged, no tiles table, vector tiles, an
unknown format, a view that never ends, a tile too large) refused with a message saying why."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from pathlib import Path

import pytest

from caseapp.app.tiles import open_tile_package
from caseapp.core.tiles import TileError, TileFormat
from tests.storage.mbtiles_factory import write_mbtiles

PNG = b"\x89PNG\r\n\x1a\n"


def tile_bytes(label: str) -> bytes:
    return PNG + label.encode()  # the reader hands bytes back untouched; only the GUI decodes them


def test_tiles_are_read_by_xyz_with_the_tms_row_flipped(tmp_path: Path) -> None:
    tiles = {(1, x, y): tile_bytes(f"z1 x{x} y{y}") for x in (0, 1) for y in (0, 1)}
    tiles[(3, 5, 2)] = tile_bytes("z3 x5 y2")
    path = write_mbtiles(tmp_path / "city.mbtiles", tiles, {"format": "png", "attribution": "<a>© Test</a>"})
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    source = open_tile_package(path)
    try:
        assert source.info.format is TileFormat.PNG and (source.info.min_zoom, source.info.max_zoom) == (1, 3)
        assert source.info.name == "city" and source.info.attribution == "<a>© Test</a>"
        assert source.tile(1, 0, 0) == tile_bytes("z1 x0 y0")  # the top-left tile: TMS row 1
        assert source.tile(1, 1, 1) == tile_bytes("z1 x1 y1")
        assert source.tile(3, 5, 2) == tile_bytes("z3 x5 y2")  # stored at TMS row 8 - 1 - 2 = 5
        assert source.tile(3, 5, 5) is None
        assert source.tile(0, 0, 0) is None and source.tile(1, 2, 0) is None and source.tile(1, -1, 0) is None
    finally:
        source.close()
    # opened immutable and read-only: the file is unchanged and nothing was made beside it
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["city.mbtiles"]


def test_a_package_on_read_only_media_and_zooms_from_the_metadata(tmp_path: Path) -> None:
    path = write_mbtiles(
        tmp_path / "ro.mbtiles",
        {(2, 1, 1): tile_bytes("t")},
        {"name": "Aleppo streets", "format": "jpg", "minzoom": "0", "maxzoom": "5"},
    )
    path.chmod(0o444)
    tmp_path.chmod(0o555)
    try:
        source = open_tile_package(path)
        assert (source.info.name, source.info.format) == ("Aleppo streets", TileFormat.JPEG)
        assert (source.info.min_zoom, source.info.max_zoom) == (0, 5)
        assert source.tile(2, 1, 1) == tile_bytes("t")
        source.close()
    finally:
        tmp_path.chmod(0o755)


def test_vector_tiles_are_refused_with_a_clear_message(tmp_path: Path) -> None:
    declared = write_mbtiles(tmp_path / "vector.mbtiles", {(0, 0, 0): b"\x1a\x02"}, {"format": "pbf"})
    with pytest.raises(TileError, match="vector tiles are not supported"):
        open_tile_package(declared)
    sniffed = write_mbtiles(tmp_path / "gzip.mbtiles", {(0, 0, 0): b"\x1f\x8b\x08\x00rest"}, {})
    with pytest.raises(TileError, match="vector tiles are not supported"):
        open_tile_package(sniffed)
    webp = write_mbtiles(tmp_path / "webp.mbtiles", {(0, 0, 0): b"RIFF"}, {"format": "webp"})
    with pytest.raises(TileError, match=r"'webp', which is not supported.*PNG or JPEG"):
        open_tile_package(webp)


def test_files_that_are_not_tile_packages_are_refused(tmp_path: Path) -> None:
    cases: dict[str, str] = {}
    noise = tmp_path / "noise.mbtiles"
    noise.write_bytes(os.urandom(4096))
    cases[str(noise)] = "is not an MBTiles file"
    empty = tmp_path / "empty.mbtiles"
    empty.write_bytes(b"")
    cases[str(empty)] = "is not an MBTiles file"
    cases[str(tmp_path)] = "is not a file"
    cases[str(tmp_path / "missing.mbtiles")] = "is not a file"
    plain = tmp_path / "plain.mbtiles"
    with sqlite3.connect(plain) as db:
        db.execute("CREATE TABLE notes (text TEXT)")
    db.close()
    cases[str(plain)] = "has no table of tiles"
    no_tiles = write_mbtiles(tmp_path / "none.mbtiles", {})
    cases[str(no_tiles)] = "holds no tiles"
    # a valid header followed by garbage pages: damaged
    damaged = tmp_path / "damaged.mbtiles"
    good = write_mbtiles(tmp_path / "good.mbtiles", {(0, 0, 0): tile_bytes("x")}).read_bytes()
    damaged.write_bytes(good[:100] + os.urandom(len(good) - 100))
    cases[str(damaged)] = "damaged|not an MBTiles|no table of tiles"
    for path, says in cases.items():
        with pytest.raises(TileError, match=says):
            open_tile_package(Path(path))


def test_a_crafted_view_that_never_ends_is_interrupted(tmp_path: Path) -> None:
    path = tmp_path / "crafted.mbtiles"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE metadata (name TEXT, value TEXT)")
        db.execute("INSERT INTO metadata VALUES ('format', 'png')")
        db.execute(
            "CREATE VIEW tiles AS WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n) "
            "SELECT i AS zoom_level, 0 AS tile_column, 0 AS tile_row, x'89' AS tile_data FROM n"
        )
    db.close()
    with pytest.raises(TileError, match="takes too long to read"):
        open_tile_package(path)


def test_a_tile_larger_than_the_limit_is_refused(tmp_path: Path) -> None:
    path = write_mbtiles(tmp_path / "big.mbtiles", {(0, 0, 0): PNG + b"\0" * (5 << 20)})
    with pytest.raises(TileError, match="cannot be read as a tile package"):
        open_tile_package(path).tile(0, 0, 0)
