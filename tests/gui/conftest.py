"""GUI tests: real widgets on Qt's offscreen platform (no display needed), real case files.

QT_QPA_PLATFORM is set before PySide6 is imported; settings go to a fresh folder per test so a
test never reads another's recent cases or window state (and never the developer's own).
"""

from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings


@pytest.fixture(autouse=True)
def _private_settings(tmp_path: Path) -> Iterator[None]:
    """QSettings (recent cases, window state) written under this test's temporary folder."""
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    yield


@contextlib.contextmanager
def running_shell(code: str | None = None) -> Iterator[Any]:
    """The whole application (welcome window, main window, one task runner), with fast key
    derivation, in the interface language ``code`` (None: none installed); closed, and its
    translator removed, after."""
    from PySide6.QtWidgets import QApplication

    from caseapp.gui.i18n import Language
    from caseapp.gui.settings import Settings
    from caseapp.gui.shell import Shell
    from tests.conftest import FAST_KDF

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    language = Language(code) if code is not None else None
    if language is not None:
        assert language.install(app), f"caseapp_{code}.qm was not found"
    try:
        app_shell = Shell(Settings(), kdf=FAST_KDF)
        app_shell.main.importer.show_report = False
        app_shell.start()
        yield app_shell
        app_shell.shutdown()
        app_shell.welcome.close()
        app_shell.main.close()
        app_shell.deleteLater()
    finally:
        if language is not None:
            language.uninstall(app)


@pytest.fixture
def shell(qtbot: object) -> Iterator[object]:
    """The whole application in English (see :func:`running_shell`)."""
    with running_shell() as app_shell:
        yield app_shell


def settle(qtbot: object, runner: object, timeout: int = 20_000) -> None:
    """Wait until every job of the runner has delivered its result on the GUI thread."""
    qtbot.waitUntil(lambda: not runner.active(), timeout=timeout)  # type: ignore[attr-defined]
