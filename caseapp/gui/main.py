"""Start the desktop application: check that a window can open at all, then hand over to the shell.

Qt aborts the whole process when it cannot reach a display, so the check comes first and ends
with a plain message pointing at the command line instead of a crash.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable

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


BROKEN_BINDINGS = (
    "caseapp: the installed Qt bindings (PySide6 {version}) are faulty on this Python: every call loses a\n"
    "reference to None, and the window would crash after a while and lose unsaved work.\n"
    "Reinstall the pinned versions (`make sync`), or use the command line meanwhile (see `caseapp --help`).\n"
)
PROBE_CALLS = 200


def bindings_problem(call: Callable[[], object] | None = None) -> bool:
    """True if calling a Qt method that returns nothing takes a reference away from None.

    PySide6/shiboken6 6.12.0 did that on Python 3.11 (None is not immortal there), which ends in
    "Fatal Python error: none_dealloc" after enough calls; checked once, before any window opens.
    """
    if call is None:
        from PySide6.QtCore import QObject

        probe = QObject()
        call = lambda: probe.setObjectName("probe")  # noqa: E731
    before = sys.getrefcount(None)
    for _ in range(PROBE_CALLS):
        call()
    return before - sys.getrefcount(None) >= PROBE_CALLS // 2


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
    if bindings_problem():
        import PySide6

        sys.stderr.write(BROKEN_BINDINGS.format(version=PySide6.__version__))
        return 1
    from caseapp.gui.shell import run

    return run()
