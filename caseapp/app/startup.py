"""What every front end (CLI and GUI) does at start: private files, the default case location,
the local time zone."""

from __future__ import annotations

import os
from pathlib import Path

CASE_ENV = "CASEAPP_CASE"


def private_files() -> None:
    """Every file caseapp creates is private to the user (architecture §2)."""
    os.umask(0o077)


def default_case_path() -> Path:
    """The case used when none is named: $CASEAPP_CASE, else one in the user's data folder."""
    configured = os.environ.get(CASE_ENV)
    if configured:
        return Path(configured).expanduser()
    from platformdirs import user_data_path  # imported when asked: not needed for the first window

    return user_data_path("caseapp", appauthor=False) / "cases" / "default.caseapp"


def local_time_zone() -> str:
    """This computer's IANA time zone name (new cases start with it), else UTC."""
    from caseapp.core.errors import ValidationError
    from caseapp.core.timeinput import check_zone

    candidates = [os.environ.get("TZ", "").removeprefix(":")]
    try:
        target = os.readlink("/etc/localtime")
        candidates.append(target.split("zoneinfo/", 1)[1] if "zoneinfo/" in target else "")
    except OSError:
        pass
    for name in candidates:
        if name in ("Etc/UTC", "UTC", "Etc/Universal", "Universal", "Zulu"):
            return "UTC"
        if name:
            try:
                return check_zone(name)
            except ValidationError:
                continue
    return "UTC"
