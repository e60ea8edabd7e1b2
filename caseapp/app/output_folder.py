"""A new folder that appears all at once, for exports of several files (the dossier, a bundle).

Files are written into a private hidden folder beside the destination (same file system, mode
0700); when every file is complete and fsynced, the hidden folder is renamed to the name the person
chose. A failed, cancelled or killed export leaves no folder of that name, only a hidden
``.caseapp-export-*.partial`` folder that the next export into the same place removes. The
destination must not exist, or be an empty folder (it is then replaced by the complete one).
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
from pathlib import Path

from caseapp.atomicfile import fsync_dir
from caseapp.core.errors import UserError

PARTIAL_PREFIX = ".caseapp-export-"
PARTIAL_SUFFIX = ".partial"


def _remove_leftovers(parent: Path) -> None:
    with contextlib.suppress(OSError), os.scandir(parent) as entries:
        for entry in entries:
            if (
                entry.name.startswith(PARTIAL_PREFIX)
                and entry.name.endswith(PARTIAL_SUFFIX)
                and entry.is_dir(follow_symlinks=False)
            ):
                shutil.rmtree(entry.path, ignore_errors=True)


class OutputFolderOnDisk:
    """The :class:`~caseapp.core.services.dossier_export.OutputFolder` of the CLI and the GUI."""

    def __init__(self, destination: Path) -> None:
        self.destination = destination.expanduser().absolute()
        parent = self.destination.parent
        if self.destination.is_symlink() or (self.destination.exists() and not self.destination.is_dir()):
            raise UserError(f"{self.destination} exists and is not a folder; choose a new folder name")
        if self.destination.is_dir() and any(self.destination.iterdir()):
            raise UserError(f"{self.destination} is not empty; choose a new or empty folder (nothing is overwritten)")
        if not parent.is_dir():
            raise UserError(f"{parent} is not a folder; create it first or choose another place")
        _remove_leftovers(parent)
        self.partial = parent / f"{PARTIAL_PREFIX}{secrets.token_hex(8)}{PARTIAL_SUFFIX}"
        try:
            self.partial.mkdir(mode=0o700)
        except PermissionError as error:
            raise UserError(f"cannot write into {parent}: permission denied") from error
        self.published = False

    def file(self, name: str) -> Path:
        if "/" in name or "\\" in name or name.startswith("."):
            raise ValueError(f"not a plain file name: {name!r}")
        return self.partial / name

    def publish(self) -> str:
        for entry in self.partial.iterdir():
            if entry.is_file():
                with entry.open("rb") as handle:
                    os.fsync(handle.fileno())
        fsync_dir(self.partial)
        if self.destination.is_dir():
            self.destination.rmdir()  # empty (checked above); a file put there since makes this fail
        os.rename(self.partial, self.destination)
        fsync_dir(self.destination.parent)
        self.published = True
        return str(self.destination)

    def unpublish(self) -> None:
        if self.published:
            shutil.rmtree(self.destination, ignore_errors=True)
            self.published = False

    def discard(self) -> None:
        if not self.published:
            shutil.rmtree(self.partial, ignore_errors=True)
