"""Suggested incidents on the map: drawn as an orange outline, listed with why; Confirm makes the
incident through the task runner and the undo stack, Dismiss hides it for good (kept in the case)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from caseapp.app.case_folder import OpenCase
from caseapp.core.refs import RefKind
from caseapp.gui.map_marks import SUGGESTION_COLOUR
from caseapp.gui.shell import Shell
from tests.gui.conftest import settle
from tests.intake.intake_factories import write_jpeg

HOSPITAL = (36.2021, 37.1343)


@pytest.fixture
def case(make_case: Callable[..., tuple[OpenCase, str]], tmp_path: Path) -> OpenCase:
    opened, _ = make_case()
    folder = tmp_path / "usb"
    folder.mkdir()
    for n, minute in enumerate((2, 20, 45)):
        where = (HOSPITAL[0] + n * 0.001, HOSPITAL[1])
        write_jpeg(folder / f"{n}.jpg", size=(40 + n, 30), taken=f"2016:05:03 14:{minute:02d}:00", gps=where)
    opened.imports.import_paths([folder])
    return opened


@pytest.fixture
def on_map(qtbot: QtBot, shell: Shell, case: OpenCase) -> Shell:
    shell.open(case, case.folder)
    settle(qtbot, shell.runner)
    main = shell.main
    main.navigator.setCurrentRow(main.stack.indexOf(main.places.map_view))
    settle(qtbot, shell.runner)
    return shell


def orange(colour: QColor) -> bool:
    return abs(colour.red() - SUGGESTION_COLOUR.red()) < 40 and abs(colour.green() - SUGGESTION_COLOUR.green()) < 40


def test_a_suggestion_is_outlined_listed_confirmed_undone_and_redone(qtbot: QtBot, on_map: Shell) -> None:
    main, case = on_map.main, on_map.main.case
    assert case is not None
    view = main.places.map_view
    panel = view.suggestions
    assert panel.isVisible() and panel.list.count() == 1
    assert "3 exhibits within" in panel.list.item(0).text() and "photos 3" in panel.list.item(0).text()
    assert not panel.confirm.isEnabled()
    panel.list.setCurrentRow(0)  # chosen: the map centres on it
    suggestion = panel.current()
    assert suggestion is not None and view.canvas.chosen_suggestion == suggestion.id
    view.canvas.setFixedSize(480, 360)
    centre, radius = view.canvas.suggestion_outline(suggestion)
    image = view.canvas.grab().toImage()
    ring = [image.pixelColor(int(centre.x() + dx), int(centre.y())) for dx in range(int(radius) - 3, int(radius) + 4)]
    assert any(orange(c) for c in ring), "no orange outline at the suggestion's radius"

    qtbot.keyClicks(panel.title, "Strike on al-Quds hospital")
    qtbot.mouseClick(panel.confirm, Qt.MouseButton.LeftButton)
    settle(qtbot, on_map.runner)
    incidents = case.records.incidents()
    assert [i.title for i in incidents] == ["Strike on al-Quds hospital"]
    assert len(case.records.links(incidents[0].id)) == 3
    assert panel.list.count() == 0 and not panel.isVisible()  # the map reloaded through Changes
    assert main.undo_stack.count() == 1

    main.undo_stack.undo()
    settle(qtbot, on_map.runner)
    assert case.records.incidents() == []
    assert panel.list.count() == 1 and panel.items[0].id == suggestion.id
    main.undo_stack.redo()
    settle(qtbot, on_map.runner)
    assert [i.title for i in case.records.incidents()] == ["Strike on al-Quds hospital"]
    main.navigator.setCurrentRow(main.stack.indexOf(main.record_pages[RefKind.INCIDENT]))
    settle(qtbot, on_map.runner)
    assert main.incidents.rowCount() == 1  # so does the incidents view, when shown


def test_dismiss_hides_the_suggestion_and_it_stays_hidden(qtbot: QtBot, on_map: Shell) -> None:
    main, case = on_map.main, on_map.main.case
    assert case is not None
    panel = main.places.map_view.suggestions
    panel.list.setCurrentRow(0)
    dismissed = panel.current()
    assert dismissed is not None
    qtbot.mouseClick(panel.dismiss, Qt.MouseButton.LeftButton)
    settle(qtbot, on_map.runner)
    assert panel.list.count() == 0 and not panel.isVisible()
    assert case.records.incidents() == []  # nothing was made
    again = case.records.incident_suggestions(include_dismissed=True)
    assert [s.id for s in again.suggestions] == [dismissed.id] and dismissed.id in again.dismissed_ids
