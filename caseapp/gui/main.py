"""Start the desktop application: check that a window can open at all, then hand over to the shell.

Qt aborts the whole process when it cannot reach a display, so the check comes first and ends
with a plain message pointing at the command line instead of a crash.
"""

from __future__ import annotations

import logging
import os
import sys

NO_DISPLAY = (
    "caseapp: cannot open the desktop window: {reason}.\n"
    "Start it from a desktop session, or use the command line instead (see `caseapp --help`).\n"
)


def display_problem() -> str | None:
    """Why no window can open here, or None if it should."""
    if os.environ.get("QT_QPA_PLATFORM"):
        return None  # chosen explicitly (offscreen for tests and screenshots, wayland, xcb ...)
    if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        return "no display was found (neither DISPLAY nor WAYLAND_DISPLAY is set)"
    return None


def main() -> int:
    from caseapp.app.startup import private_files

    private_files()
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s")
    reason = display_problem()
    if reason is None:
        try:
            from PySide6 import QtWidgets  # noqa: F401  (loads the Qt libraries the window needs)
        except ImportError as error:
            reason = f"the Qt libraries could not be loaded ({error})"
    if reason is not None:
        sys.stderr.write(NO_DISPLAY.format(reason=reason))
        return 1
    from caseapp.gui.shell import run

    return run()
