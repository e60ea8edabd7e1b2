"""`caseapp` with no arguments opens the window; without a display it says so and exits 1."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from caseapp.app.case_folder import OpenCase
from caseapp.launch import main


def test_no_display_gives_a_plain_message_and_exit_code_1(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(name, raising=False)
    assert main([]) == 1
    err = capsys.readouterr().err
    assert "cannot open the desktop window" in err and "caseapp --help" in err
    assert "Traceback" not in err


def test_arguments_still_run_the_command_line(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["--help"])
    assert stopped.value.code == 0
    assert "usage: caseapp" in capsys.readouterr().out


# What the unlock window must not load to show (the cold start benchmark, bench/gui.py, times it):
# the storage layer and SQLAlchemy, the main window's views, the legal catalogue, the PDF and map code.
NOT_AT_START = (
    "sqlalchemy",
    "caseapp.storage.case_db",
    "caseapp.app.case_folder",
    "caseapp.gui.main_window",
    "caseapp.gui.create_dialog",
    "caseapp.core.legal",
    "caseapp.core.entities",
    "caseapp.core.operations",  # imported with the first job, not with the task runner
    "reportlab",
    "pypdfium2",
    "caseapp.gui.map_view",
    "argon2",
    "cryptography",
    "keyring",
)
UNLOCK_WINDOW = """
import sys
from pathlib import Path
from PySide6.QtWidgets import QApplication
from caseapp.gui.shell import Shell
app = QApplication([])
shell = Shell()
shell.start()
shell.welcome.ask_unlock(Path(sys.argv[1]))
app.processEvents()
assert shell.welcome.unlock_page.isVisible()
print("\\n".join(sorted(sys.modules)))
"""


def test_the_unlock_window_shows_without_the_case_machinery(
    make_case: Callable[..., tuple[OpenCase, str]], tmp_path: Path
) -> None:
    case, _ = make_case()
    case.close()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path)}
    shown = subprocess.run(
        [sys.executable, "-c", UNLOCK_WINDOW, str(case.folder)], env=env, capture_output=True, text=True, check=True
    )
    loaded = set(shown.stdout.split())
    assert "PySide6.QtWidgets" in loaded and "caseapp.secrets.keyslots" in loaded  # it did run
    early = [name for name in NOT_AT_START if name in loaded]
    assert early == [], f"loaded before a case is opened: {early}"
