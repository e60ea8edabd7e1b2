"""The user's settings for the desktop application, kept by QSettings (per user, not per case).

Nothing here names a case unless the user keeps the recent-cases list on: case names can be
sensitive. Window state is stored under fixed keys, never keyed by a case's file name.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

RECENT_LIMIT = 8
DEFAULT_IDLE_MINUTES = 10


class Settings:
    """Typed access to the few settings the GUI keeps."""

    def __init__(self, store: QSettings | None = None) -> None:
        # An INI file in the user's configuration folder (QSettings.setPath redirects it in tests).
        self._store = store or QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "caseapp", "caseapp")

    # -- recent cases (can be turned off, which also forgets the list)
    @property
    def remember_recent(self) -> bool:
        return bool(self._store.value("privacy/remember_recent", True, type=bool))

    @remember_recent.setter
    def remember_recent(self, on: bool) -> None:
        self._store.setValue("privacy/remember_recent", on)
        if not on:
            self._store.remove("recent/cases")

    def recent_cases(self) -> list[Path]:
        if not self.remember_recent:
            return []
        value = self._store.value("recent/cases", [])
        items = value if isinstance(value, list) else [value] if isinstance(value, str) else []
        return [Path(str(item)) for item in items if item]

    def add_recent(self, path: Path) -> None:
        if not self.remember_recent:
            return
        text = str(path.absolute())
        items = [text, *(str(p) for p in self.recent_cases() if str(p) != text)]
        self._store.setValue("recent/cases", items[:RECENT_LIMIT])

    def forget_recent(self, path: Path) -> None:
        text = str(path.absolute())
        self._store.setValue("recent/cases", [str(p) for p in self.recent_cases() if str(p) != text])

    # -- auto-lock
    @property
    def actor(self) -> str:
        """The name last typed at the unlock screen: who the custody log records (empty: the account name)."""
        return str(self._store.value("identity/actor", "") or "")

    @actor.setter
    def actor(self, name: str) -> None:
        self._store.setValue("identity/actor", name)

    @property
    def idle_minutes(self) -> int:
        value = self._store.value("security/idle_lock_minutes", DEFAULT_IDLE_MINUTES)
        try:
            minutes = int(str(value))
        except ValueError:
            minutes = DEFAULT_IDLE_MINUTES
        return max(0, minutes)  # 0: never lock on idle (Ctrl+L still locks)

    @idle_minutes.setter
    def idle_minutes(self, minutes: int) -> None:
        self._store.setValue("security/idle_lock_minutes", max(0, minutes))

    # -- interface language ("" follows the system; read once at start)
    @property
    def language(self) -> str:
        return str(self._store.value("interface/language", "") or "")

    @language.setter
    def language(self, code: str) -> None:
        self._store.setValue("interface/language", code)

    # -- the map's offline tile package (one per user, whatever the case; "" for none)
    @property
    def map_tiles(self) -> str:
        return str(self._store.value("map/tile_package", "") or "")

    @map_tiles.setter
    def map_tiles(self, path: str) -> None:
        self._store.setValue("map/tile_package", path)

    # -- window and table state (one per view, whatever the case)
    def state(self, key: str) -> QByteArray | None:
        value = self._store.value(f"state/{key}")
        return value if isinstance(value, QByteArray) else None

    def set_state(self, key: str, value: QByteArray) -> None:
        self._store.setValue(f"state/{key}", value)

    def sync(self) -> None:
        self._store.sync()
