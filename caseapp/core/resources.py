"""Where the data shipped in `resources/` (legal texts, fonts, translations) is found.

In a source checkout it is the top-level `resources/` folder; in an installed wheel the same
folder is packaged as `caseapp/_resources`. Nothing is ever fetched from a network.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent.parent


def resources_dir() -> Path:
    """Return the folder holding caseapp's shipped resources."""
    installed = _PACKAGE_DIR / "_resources"
    if installed.is_dir():
        return installed
    return _PACKAGE_DIR.parent / "resources"


def resource_path(*parts: str) -> Path:
    """Return the path of one shipped resource, e.g. ``resource_path("legal", "x.json")``."""
    return resources_dir().joinpath(*parts)
