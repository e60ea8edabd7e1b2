"""The screenshot tour (create a case, recovery code, lock, wrong passphrase, unlock, every view, edit
dialog, lock again) runs to the end, several times in one process.

It used to die after the create-case dialog with "Fatal Python error: none_dealloc". The cause was
PySide6/shiboken6 6.12.0: every wrapped C++ method returning void handed back None without taking
a reference (``Sbk_ReturnFromPython_None`` lost its ``Py_INCREF``). On Python 3.11, where None is not
immortal, each ``setText``, ``resize`` or ``processEvents`` then took one reference away from None
until its count reached zero, whatever the GUI code did. The GUI would have died the same way after
a long enough session, so the first test checks the bindings themselves, without the tour.
"""

from __future__ import annotations

import ctypes
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from caseapp.gui.main import PROBE_CALLS, bindings_problem
from caseapp.gui.screenshot_sample import build_sample
from caseapp.gui.screenshots import Camera

CALLS = 2000
TOUR = (
    "01-welcome",
    "02-create-case",
    "02b-recovery-code",
    "03-unlock-wrong-passphrase",
    "04-exhibits",
    "04b-preview-image",
    "04c-preview-pdf",
    "04d-preview-pdf-page-2",
    "04e-extracted-text",
    "04f-preview-region",
    "05-incidents",
    "06-people",
    "06b-people-protection",
    "06c-people-revealed",
    "07-sources",
    "08-custody-log",
    "09-edit-person",
    "10-locked",
    "11-map-aleppo",
    "11b-map-incident-chosen",
    "11c-map-region",
    "11d-map-world",
    "11e-map-street-tiles",
    "11f-map-street-tiles-city",
    "11g-map-suggestion",
    "12-timeline",
    "13-charges",
    "14-catalogue",
    "15-link-exhibit",
    "15b-link-region",
    "15c-link-quote",
    "16-review-queue",
    "17-gap-matrix",
    "18-dossier-texts",
    "18b-dossier-sections",
    "19-export-dossier",
    "19a-export-dossier-sections",
    "19b-export-dossier-done",
    "20-export-bundle",
    "20b-export-bundle-done",
    "21-jurisdiction-incident",
    "21b-jurisdiction-range",
)


def none_references_lost(call: Callable[[], object]) -> int:
    before = sys.getrefcount(None)
    for _ in range(CALLS):
        call()
    return before - sys.getrefcount(None)


def test_qt_methods_returning_nothing_keep_none_alive(qtbot: QtBot) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    label, widget, thing = QLabel(), QWidget(), QObject()
    qtbot.addWidget(label)
    qtbot.addWidget(widget)
    calls: dict[str, Callable[[], object]] = {
        "QLabel.setText": lambda: label.setText("x"),
        "QWidget.resize": lambda: widget.resize(10, 10),
        "QObject.setObjectName": lambda: thing.setObjectName("x"),
        "QApplication.processEvents": app.processEvents,
    }
    lost = {name: none_references_lost(call) for name, call in calls.items()}
    # A correct binding loses none; the broken one loses exactly one per call (CALLS each).
    assert all(count < CALLS // 10 for count in lost.values()), lost


@pytest.fixture
def leaking_call() -> Iterator[Callable[[], object]]:
    """A call that loses one reference to None, as the broken binding did; the references come back after."""
    calls = 0

    def leak() -> None:
        nonlocal calls
        calls += 1
        ctypes.pythonapi.Py_DecRef(ctypes.py_object(None))

    yield leak
    for _ in range(calls):
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(None))


def test_the_window_refuses_to_start_on_bindings_that_lose_none(leaking_call: Callable[[], object]) -> None:
    assert sys.getrefcount(None) > 10 * PROBE_CALLS  # room for the probe's lost references
    assert bindings_problem(leaking_call)
    assert not bindings_problem(lambda: None)
    assert not bindings_problem()  # the installed PySide6


@pytest.mark.parametrize("round_", range(3))
def test_the_screenshot_tour_runs_to_the_end(qtbot: QtBot, tmp_path: Path, round_: int) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    root, out = tmp_path / "work", tmp_path / "shots"
    root.mkdir()
    out.mkdir()
    Camera(app, out).run(build_sample(root), root)
    app.processEvents()
    written = sorted(p.stem for p in out.glob("*.png"))
    assert written == list(TOUR)
    assert all((out / f"{name}.png").stat().st_size > 1000 for name in TOUR)
