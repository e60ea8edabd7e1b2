"""Acting on the selected record through the real widgets: export of an original through a save
dialog, tags and notes with undo, the custody log's filters, and service messages in error boxes."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox
from pytestqt.qtbot import QtBot

from caseapp.app.case_folder import OpenCase
from caseapp.core.custody import CustodyAction
from caseapp.core.entities import PersonRole
from caseapp.core.ports import CustodyQuery
from caseapp.core.refs import RefKind, parse_ref
from caseapp.gui.shell import Shell
from caseapp.gui.tasks import TaskHandle
from tests.gui.conftest import settle
from tests.gui.test_preview import make_jpeg, open_with, select

EX1 = parse_ref("EX-1")


def answer(qtbot: QtBot, shell: Shell, dialog: object, text: str) -> None:
    assert isinstance(dialog, QInputDialog) and dialog.isVisible()
    dialog.setTextValue(text)
    dialog.accept()
    settle(qtbot, shell.runner)


def test_export_through_a_save_dialog_writes_the_original_and_names_its_custody_entry(
    qtbot: QtBot,
    shell: Shell,
    make_case: Callable[..., tuple[OpenCase, str]],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    original = make_jpeg(tmp_path / "crater.jpg")
    case, _ = make_case()
    open_with(qtbot, shell, case, [original])
    select(qtbot, shell, 0)
    out = tmp_path / "out"
    out.mkdir()
    asked: list[str] = []

    def save_dialog(_parent: object, _title: str, suggested: str, *_args: Any, **_kwargs: Any) -> tuple[str, str]:
        asked.append(suggested)
        return str(out / "EX-1 copy.jpg"), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_dialog))  # Qt's dialog, not ours
    handle = shell.main.side.buttons["export"]
    assert handle.isEnabled()
    with qtbot.waitSignal(shell.main.selection_actions.exported, timeout=20_000) as done:
        handle.click()
    settle(qtbot, shell.runner)
    assert Path(asked[0]).name == "crater.jpg"  # the name as found is suggested
    exported = out / "EX-1 copy.jpg"
    assert exported.read_bytes() == original.read_bytes()
    entries = case.custody.entries(CustodyQuery(action=CustodyAction.EXHIBIT_EXPORT.value))
    assert len(entries) == 1 and entries[0].target == "EX-1"
    box = done.args[0]
    assert isinstance(box, QMessageBox) and box.objectName() == "exportReport"
    assert f"Custody entry #{entries[0].seq} records the export" in box.text()
    assert str(exported) in box.text() and entries[0].hash in box.detailedText()
    box.done(0)

    # The same name again: caseapp never replaces a file, and says so in plain words.
    job = shell.main.selection_actions.run("export")
    assert isinstance(job, TaskHandle)
    settle(qtbot, shell.runner)
    error = shell.main.findChild(QMessageBox, "errorBox")
    assert error is not None and "already exists" in error.text() and "Traceback" not in error.detailedText()
    assert len(case.custody.entries(CustodyQuery(action=CustodyAction.EXHIBIT_EXPORT.value))) == 1


def test_tags_and_notes_on_the_selected_record_with_undo(
    qtbot: QtBot, shell: Shell, make_case: Callable[..., tuple[OpenCase, str]], tmp_path: Path
) -> None:
    case, _ = make_case()
    witness = case.records.add_person(role=PersonRole.WITNESS, full_name="Amal").value
    open_with(qtbot, shell, case, [make_jpeg(tmp_path / "crater.jpg")])
    main = shell.main
    select(qtbot, shell, 0)
    answer(qtbot, shell, main.selection_actions.run("add_tag"), "Hospital")
    assert case.records.tags_of(EX1) == ["hospital"]
    assert "hospital" in main.detail.toPlainText()
    row = main.exhibits.exhibit_at(0)
    assert row is not None and row.tags == ("hospital",)
    main.undo_action.trigger()
    settle(qtbot, shell.runner)
    assert case.records.tags_of(EX1) == []
    assert "hospital" not in main.detail.toPlainText()
    main.redo_action.trigger()
    settle(qtbot, shell.runner)
    assert case.records.tags_of(EX1) == ["hospital"]

    dialog = main.selection_actions.run("remove_tag")
    assert isinstance(dialog, QInputDialog) and dialog.comboBoxItems() == ["hospital"]
    answer(qtbot, shell, dialog, "hospital")
    assert case.records.tags_of(EX1) == []
    main.undo_action.trigger()
    settle(qtbot, shell.runner)
    assert case.records.tags_of(EX1) == ["hospital"]

    answer(qtbot, shell, main.selection_actions.run("add_note"), "Crater beside the entrance.")
    assert [n.text for n in case.records.notes(EX1)] == ["Crater beside the entrance."]
    assert "Crater beside the entrance." in main.detail.toPlainText()
    main.undo_action.trigger()
    settle(qtbot, shell.runner)
    assert case.records.notes(EX1) == []
    assert "Crater beside the entrance." not in main.detail.toPlainText()

    main.navigator.setCurrentRow(2)  # people: a tag on a person goes the same way
    settle(qtbot, shell.runner)  # the page shown reads its rows
    main.record_pages[RefKind.PERSON].table.selectRow(0)
    settle(qtbot, shell.runner)
    assert main.selected is not None and main.selected.ref == witness.ref
    assert not main.side.buttons["export"].isEnabled() and not main.side.isTabEnabled(1)
    answer(qtbot, shell, main.selection_actions.run("add_tag"), "key witness")
    assert case.records.tags_of(witness.id) == ["key witness"]
    assert "key witness" in main.detail.toPlainText()
    main.undo_action.trigger()
    settle(qtbot, shell.runner)
    assert case.records.tags_of(witness.id) == []


def test_a_service_message_reaches_the_error_box_without_a_traceback(
    qtbot: QtBot, shell: Shell, make_case: Callable[..., tuple[OpenCase, str]], tmp_path: Path
) -> None:
    case, _ = make_case()
    open_with(qtbot, shell, case, [make_jpeg(tmp_path / "crater.jpg")])
    select(qtbot, shell, 0)
    answer(qtbot, shell, shell.main.selection_actions.run("add_tag"), "   ")
    box = shell.main.findChild(QMessageBox, "errorBox")
    assert box is not None and box.isVisible()
    assert "tag" in box.text().lower() and box.text()[0].isupper()
    assert box.detailedText() == "" and "Traceback" not in box.text()
    assert case.records.tags_of(EX1) == [] and shell.main.undo_stack.count() == 0


def test_custody_filters_narrow_the_rows(
    qtbot: QtBot, shell: Shell, make_case: Callable[..., tuple[OpenCase, str]], tmp_path: Path
) -> None:
    case, _ = make_case()
    records = case.records
    records.tag(records.add_exhibit(title="map").value.id, ["a"])
    records.add_exhibit(title="photo")
    records.tag(parse_ref("EX-2"), ["b", "c"])
    open_with(qtbot, shell, case, [])
    main = shell.main
    main.navigator.setCurrentRow(4)
    settle(qtbot, shell.runner)  # the page shown reads its rows
    bar, model = main.custody_filter, main.custody
    every = model.rowCount()
    assert every == case.custody.count()

    bar.action.setCurrentIndex(bar.action.findData(CustodyAction.TAG_ADD.value))
    bar.apply_button.click()
    settle(qtbot, shell.runner)
    assert model.rowCount() == 3 and {getattr(model.row_at(r), "action", None) for r in range(3)} == {"tag.add"}

    bar.ref.setText("ex-2")
    bar.apply()
    settle(qtbot, shell.runner)
    assert model.rowCount() == 2 and {getattr(model.row_at(r), "target", None) for r in range(2)} == {"EX-2"}

    today = datetime.now(UTC).date()
    bar.reset()
    settle(qtbot, shell.runner)
    assert model.rowCount() == every
    bar.since.setText((today + timedelta(days=1)).isoformat())
    bar.apply()
    settle(qtbot, shell.runner)
    assert model.rowCount() == 0
    bar.since.setText(today.isoformat())
    bar.until.setText(today.isoformat())
    bar.apply()
    settle(qtbot, shell.runner)
    assert model.rowCount() == every
    bar.since.clear()
    bar.until.setText((today - timedelta(days=1)).isoformat())
    bar.apply()
    settle(qtbot, shell.runner)
    assert model.rowCount() == 0

    bar.until.setText("27/04/2016")
    bar.apply()
    assert not bar.error.isHidden() and "YYYY-MM-DD" in bar.error.text()
    assert model.rowCount() == 0  # the last good filter stays

    shell.lock()
    assert bar.until.text() == "" and model.rowCount() == 0
