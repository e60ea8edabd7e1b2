"""Composition of the map's street detail: a user's offline tile package (MBTiles) opened by the
storage layer's read-only reader, handed to the GUI as a :class:`~caseapp.core.tiles.TileSource`."""

from __future__ import annotations

from pathlib import Path

from caseapp.core.tiles import TileSource


def open_tile_package(path: Path) -> TileSource:
    """Open ``path`` read-only; :class:`~caseapp.core.tiles.TileError` says why it cannot be used."""
    from caseapp.storage.mbtiles import open_mbtiles

    return open_mbtiles(path)
