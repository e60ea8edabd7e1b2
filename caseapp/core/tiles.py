"""An offline tile package the user brings for street detail under the map (the port).

The map paints country outlines from data shipped with caseapp; a user who has an MBTiles file of
their own (a SQLite file of map tiles, https://github.com/mapbox/mbtiles-spec) may point the map
at it. Only raster tiles (PNG, JPEG) are painted. The reader is an adapter
(:mod:`caseapp.storage.mbtiles`): it opens the file read-only, never writes beside it and never
opens a network connection. Tile coordinates here are the usual "XYZ" ones (row 0 at the top, as
in :mod:`caseapp.gui.map_geo`'s world); the reader flips them to the TMS rows MBTiles stores.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Protocol

from caseapp.core.errors import UserError


class TileFormat(enum.StrEnum):
    PNG = "png"
    JPEG = "jpg"


@dataclass(frozen=True, slots=True)
class TileSetInfo:
    name: str  # as the package names itself (metadata "name"), or the file's name
    format: TileFormat
    min_zoom: int
    max_zoom: int
    attribution: str = ""  # plain text, shown under the map (never interpreted as markup)


class TileError(UserError):
    """The tile package cannot be used: not an MBTiles file, damaged, vector tiles, too large."""


class TileSource(Protocol):
    """A read-only source of raster map tiles."""

    @property
    def info(self) -> TileSetInfo: ...

    def tile(self, zoom: int, x: int, y: int) -> bytes | None:
        """The encoded image of tile (zoom, x, y), y counted from the top; None when the package
        has none there. Raises :class:`TileError` when the file turns out damaged."""
        ...

    def close(self) -> None: ...
