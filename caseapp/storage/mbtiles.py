"""Read a user's MBTiles file (a plain SQLite file of map tiles; not a case, not SQLCipher), read-only.

The file may come from anywhere, so it is read as untrusted input:

- opened through SQLite's URI with ``mode=ro&immutable=1``: nothing is written into it or beside it
  (no journal, no ``-wal``/``-shm`` files, no lock), which also works on read-only media;
- ``trusted_schema`` off and ``query_only`` on, so a crafted schema cannot call functions with
  side effects; loading extensions stays off (Python's default);
- a budget of SQLite steps per query (a view named ``tiles`` that never ends is interrupted) and a
  limit on the size of any value read (a 4 MiB tile at most);
- every SQLite error becomes a :class:`~caseapp.core.tiles.TileError` that says what to do.

Only raster tiles (PNG, JPEG) are accepted; vector tiles (``pbf``) are refused with a clear message.
SQLite is a local library: nothing here opens a network connection.
"""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path
from urllib.parse import quote

from caseapp.core.tiles import TileError, TileFormat, TileSetInfo

SQLITE_MAGIC = b"SQLite format 3\x00"
MAX_VALUE_BYTES = 4 << 20  # a tile (or a metadata value) larger than this is refused
MAX_ZOOM = 24
STEP_BUDGET = 20_000  # progress-handler calls per query, each every 1 000 SQLite steps: 20 million steps
METADATA_ROWS = 200
VECTOR_FORMATS = {"pbf", "mvt", "vector"}
RASTER_FORMATS = {"png": TileFormat.PNG, "jpg": TileFormat.JPEG, "jpeg": TileFormat.JPEG}
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
JPEG_MAGIC = b"\xff\xd8\xff"
GZIP_MAGIC = b"\x1f\x8b"


def vector_message(name: str) -> str:
    return (
        f"{name} holds vector tiles; vector tiles are not supported. Choose an MBTiles file of raster "
        "tiles (PNG or JPEG)."
    )


class MBTiles:
    """An open MBTiles file (see the module docstring). Use :func:`open_mbtiles`."""

    def __init__(self, path: Path, connection: sqlite3.Connection) -> None:
        self.path = path
        self._db = connection
        self._lock = threading.Lock()
        self._steps = 0
        self._db.set_progress_handler(self._tick, 1000)
        self._info: TileSetInfo | None = None

    @property
    def info(self) -> TileSetInfo:
        assert self._info is not None
        return self._info

    def _tick(self) -> int:
        self._steps += 1
        return 1 if self._steps > STEP_BUDGET else 0  # non-zero interrupts the query

    def _query(self, sql: str, args: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
        with self._lock:
            self._steps = 0
            try:
                return self._db.execute(sql, args).fetchmany(METADATA_ROWS)
            except sqlite3.OperationalError as error:
                if "interrupt" in str(error):
                    raise TileError(
                        f"{self.path.name} takes too long to read; it is damaged or not a plain MBTiles file. "
                        "Choose another tile package."
                    ) from None
                raise self._damaged(error) from None
            except sqlite3.Error as error:
                raise self._damaged(error) from None

    def _damaged(self, error: sqlite3.Error) -> TileError:
        return TileError(
            f"{self.path.name} cannot be read as a tile package ({error}); it is damaged or not an MBTiles "
            "file. Choose another tile package."
        )

    def _load_info(self) -> TileSetInfo:
        tables = {str(row[0]) for row in self._query("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")}
        if "tiles" not in tables:
            raise TileError(f"{self.path.name} is not an MBTiles file: it has no table of tiles.")
        self._query("SELECT zoom_level, tile_column, tile_row, tile_data FROM tiles LIMIT 0")
        metadata: dict[str, str] = {}
        if "metadata" in tables:
            for name, value in self._query("SELECT name, value FROM metadata"):
                if isinstance(name, str) and isinstance(value, (str, int, float)):
                    metadata[name.strip().lower()] = str(value).strip()
        fmt = metadata.get("format", "").lower()
        if not fmt:
            fmt = self._sniff()
        if fmt in VECTOR_FORMATS or "vector_layers" in metadata.get("json", ""):
            raise TileError(vector_message(self.path.name))
        if fmt not in RASTER_FORMATS:
            raise TileError(
                f"{self.path.name} holds tiles in the format {fmt[:20]!r}, which is not supported. Choose an "
                "MBTiles file of raster tiles (PNG or JPEG)."
            )
        low, high = _integer(metadata.get("minzoom")), _integer(metadata.get("maxzoom"))
        if low is None or high is None or low > high:  # not in the metadata: from the tiles themselves
            zooms = self._query("SELECT min(zoom_level), max(zoom_level) FROM tiles")
            low, high = zooms[0] if zooms else (None, None)  # type: ignore[assignment]
        if not isinstance(low, int) or not isinstance(high, int):
            raise TileError(f"{self.path.name} holds no tiles.")
        low, high = max(0, min(MAX_ZOOM, low)), max(0, min(MAX_ZOOM, high))
        name = metadata.get("name", "")[:120] or self.path.stem
        return TileSetInfo(name, RASTER_FORMATS[fmt], low, high, metadata.get("attribution", "")[:300])

    def _sniff(self) -> str:
        """The format of a package whose metadata does not say, from its first tile's bytes."""
        rows = self._query("SELECT tile_data FROM tiles LIMIT 1")
        data = rows[0][0] if rows else None
        if not isinstance(data, bytes):
            return ""
        if data.startswith(PNG_MAGIC):
            return "png"
        if data.startswith(JPEG_MAGIC):
            return "jpg"
        if data.startswith(GZIP_MAGIC):
            return "pbf"  # gzip-compressed protocol buffers: vector tiles
        return "unknown"

    def tile(self, zoom: int, x: int, y: int) -> bytes | None:
        info = self.info
        if not info.min_zoom <= zoom <= info.max_zoom:
            return None
        count = 1 << zoom
        if not (0 <= x < count and 0 <= y < count):
            return None
        row = count - 1 - y  # MBTiles keeps TMS rows: row 0 at the bottom
        rows = self._query(
            "SELECT tile_data FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ? LIMIT 1",
            (zoom, x, row),
        )
        data = rows[0][0] if rows else None
        return data if isinstance(data, bytes) and data else None

    def close(self) -> None:
        with self._lock:
            self._db.close()


def _integer(text: str | None) -> int | None:
    try:
        return int(text) if text is not None else None
    except ValueError:
        return None


def open_mbtiles(path: Path) -> MBTiles:
    """Open ``path`` read-only as an MBTiles package of raster tiles, or raise :class:`TileError`
    saying why it cannot be used."""
    name = path.name or str(path)
    try:
        if not path.is_file():
            raise TileError(f"{name} is not a file. Choose an MBTiles file (.mbtiles).")
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_MAGIC))
    except OSError as error:
        raise TileError(f"{name} cannot be read: {error.strerror or error}.") from None
    if header != SQLITE_MAGIC:
        raise TileError(f"{name} is not an MBTiles file (a SQLite file of map tiles). Choose another file.")
    uri = f"file:{quote(str(path.absolute()))}?mode=ro&immutable=1"
    try:
        connection = sqlite3.connect(uri, uri=True, check_same_thread=False, isolation_level=None)
    except sqlite3.Error as error:
        raise TileError(f"{name} cannot be opened as a tile package ({error}).") from None
    try:
        connection.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, MAX_VALUE_BYTES)
        for pragma in ("trusted_schema = OFF", "query_only = ON", "cell_size_check = ON", "mmap_size = 0"):
            connection.execute(f"PRAGMA {pragma}")
        package = MBTiles(path, connection)
        package._info = package._load_info()
    except TileError:
        connection.close()
        raise
    except sqlite3.Error as error:
        connection.close()
        raise TileError(
            f"{name} cannot be read as a tile package ({error}); it is damaged or not an MBTiles file."
        ) from None
    return package
