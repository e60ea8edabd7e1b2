"""Small MBTiles files made in the tests: tiles given by XYZ (row 0 at the top) and stored, as the
MBTiles specification says, by TMS row (row 0 at the bottom)."""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from pathlib import Path


def write_mbtiles(
    path: Path,
    tiles: Mapping[tuple[int, int, int], bytes],
    metadata: Mapping[str, str] | None = None,
) -> Path:
    """``tiles`` maps (zoom, x, y) in XYZ to the encoded image; ``metadata`` defaults to a PNG set."""
    meta = {"name": "Test tiles", "format": "png"} if metadata is None else dict(metadata)
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE metadata (name TEXT, value TEXT)")
        db.execute("CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB)")
        db.execute("CREATE UNIQUE INDEX tile_index ON tiles (zoom_level, tile_column, tile_row)")
        db.executemany("INSERT INTO metadata VALUES (?, ?)", meta.items())
        db.executemany(
            "INSERT INTO tiles VALUES (?, ?, ?, ?)",
            [(z, x, (1 << z) - 1 - y, data) for (z, x, y), data in tiles.items()],
        )
    db.close()
    return path
