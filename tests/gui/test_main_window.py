"""The main window over a real case: the paged exhibits table, import by drop with cancel and
resume, people added and edited through dialogs with undo and redo, and locking (Ctrl+L and idle)."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from caseapp.app.case_folder import OpenCase
from caseapp.core.entities import ExhibitKind
from caseapp.core.errors import CaseLockedError
from caseapp.core.ports import Deleted, ExhibitQuery, ExhibitSort, Page, RecordQuery
from caseapp.core.refs import RefKind
from caseapp.core.services.import_report import FileStatus
from caseapp.gui.models.exhibits import Column
from caseapp.gui.shell import Shell
from caseapp.gui.verify import verification_text
from tests.conftest import raw_connection
from tests.gui.conftest import settle

EXHIBITS = 60
PAGE = 10  # the application's pages hold 200 rows; smaller here, so a small case has many pages


def open_in(qtbot: QtBot, shell: Shell, case: OpenCase) -> None:
    shell.open(case, case.folder)
    settle(qtbot, shell.runner)


def test_exhibits_table_pages_sorts_and_searches_through_the_store(
    qtbot: QtBot, shell: Shell, make_case: Callable[..., tuple[OpenCase, str]]
) -> None:
    case, _ = make_case()
    for number in range(EXHIBITS):
        kind = ExhibitKind.IMAGE if number % 3 == 0 else ExhibitKind.DOCUMENT
        case.records.add_exhibit(title=f"exhibit {number:04d} {'crater' if number == 7 else ''}", kind=kind)
    model, table = shell.main.exhibits, shell.main.exhibits_page.table
    model.page_size = PAGE
    shell.main.resize(900, 320)  # about eight rows on screen
    started = time.perf_counter()
    open_in(qtbot, shell, case)
    assert model.rowCount() == EXHIBITS
    table.viewport().repaint()
    settle(qtbot, shell.runner)
    assert model.requested_pages == [0], "only the page of the visible rows is fetched"
    assert model.loaded_rows() == PAGE
    assert model.index(0, Column.REF).data() == "EX-1"
    whole = table.fontMetrics().horizontalAdvance("2016-04-28T07:12:40")
    assert table.columnWidth(Column.CAPTURED) > whole  # a capture time is read whole, not cut
    first_page_seconds = time.perf_counter() - started

    table.scrollToBottom()
    table.viewport().repaint()  # paint now: the view asks only for the rows it shows
    settle(qtbot, shell.runner)
    assert model.requested_pages[0] == 0 and max(model.requested_pages) == EXHIBITS // PAGE - 1
    assert len(model.requested_pages) <= 3  # the last page or two; the middle ones were never shown
    assert model.index(EXHIBITS - 1, Column.REF).data() == f"EX-{EXHIBITS}"

    table.sortByColumn(Column.TITLE, Qt.SortOrder.DescendingOrder)
    settle(qtbot, shell.runner)
    table.scrollToTop()
    table.viewport().repaint()
    settle(qtbot, shell.runner)
    expected = case.records.exhibits(ExhibitQuery(sort=ExhibitSort.TITLE, descending=True, page=Page(0, 3)))
    assert [model.index(row, Column.REF).data() for row in range(3)] == [e.ref for e in expected]
    assert model.query.sort is ExhibitSort.TITLE and model.query.descending

    search = shell.main.exhibits_page.search
    qtbot.keyClicks(search, "crater")
    qtbot.keyClick(search, Qt.Key.Key_Return)
    settle(qtbot, shell.runner)
    assert model.rowCount() == 1 and model.index(0, Column.REF).data() == "EX-8"
    table.selectRow(0)
    settle(qtbot, shell.runner)
    assert "EX-8" in shell.main.detail.toPlainText()
    assert first_page_seconds < 10


def drop(window: object, paths: list[Path]) -> None:
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    event = QDropEvent(
        QPointF(10, 10), Qt.DropAction.CopyAction, data, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier
    )
    window.dropEvent(event)  # type: ignore[attr-defined]


def test_import_a_dropped_folder_cancel_and_resume(
    qtbot: QtBot, shell: Shell, make_case: Callable[..., tuple[OpenCase, str]], tmp_path: Path
) -> None:
    case, _ = make_case()
    open_in(qtbot, shell, case)
    folder = tmp_path / "usb-stick"
    folder.mkdir()
    for number in range(5):
        (folder / f"statement-{number}.txt").write_text(f"witness statement number {number}\n" * 50)
    importer = shell.main.importer
    progress: list[tuple[int, int, str]] = []

    def cancel_after_first(_done: int, _total: int, label: str) -> None:  # on the worker: a fixed point
        if label.startswith("1/") and importer.handle is not None:
            importer.handle.cancel()  # before the second file is read: only the first is kept

    importer.on_progress = cancel_after_first
    drop(shell.main, [folder])
    assert importer.running and importer.bar.isVisibleTo(shell.main)
    importer.handle.progressed.connect(lambda *args: progress.append(args))  # type: ignore[union-attr]
    with qtbot.waitSignal(importer.finished, timeout=20_000) as finished:
        pass
    first = finished.args[0]
    assert first.cancelled and first.count(FileStatus.IMPORTED) == 1
    assert progress and all(total > 0 for _done, total, _label in progress)
    assert not importer.running and not importer.bar.isVisibleTo(shell.main)
    settle(qtbot, shell.runner)
    assert shell.main.exhibits.rowCount() == 1  # refreshed from the import's changes

    importer.on_progress = None
    drop(shell.main, [folder])
    with qtbot.waitSignal(importer.finished, timeout=20_000) as finished:
        pass
    second = finished.args[0]
    assert not second.cancelled
    assert second.count(FileStatus.IMPORTED) == 4 and second.count(FileStatus.ALREADY_IN) == 1
    settle(qtbot, shell.runner)
    assert shell.main.exhibits.rowCount() == 5


def person_dialog_ok(qtbot: QtBot, shell: Shell, dialog: object) -> None:
    dialog.buttons.accepted.emit()  # type: ignore[attr-defined]
    settle(qtbot, shell.runner)


def test_add_edit_undo_redo_a_person_then_lock_on_idle(
    qtbot: QtBot, shell: Shell, make_case: Callable[..., tuple[OpenCase, str]]
) -> None:
    case, _ = make_case()
    open_in(qtbot, shell, case)
    main = shell.main
    dialog = main.record_action(RefKind.PERSON, "add")
    dialog.inputs["role"].setCurrentIndex(dialog.inputs["role"].findData("witness"))  # type: ignore[union-attr]
    dialog.inputs["full_name"].setText("محمد الحلبي")  # type: ignore[union-attr]  (QTest types Latin keys only)
    qtbot.keyClicks(dialog.inputs["description"], "met in Gaziantep")  # type: ignore[union-attr]
    person_dialog_ok(qtbot, shell, dialog)
    assert main.persons.rowCount() == 1
    assert main.persons.index(0, 0).data() == "W-001"
    assert main.persons.index(0, 3).data() == "(hidden)"  # names hidden until a deliberate reveal

    main.record_pages[RefKind.PERSON].table.selectRow(0)
    dialog = main.record_action(RefKind.PERSON, "edit")
    dialog.inputs["description"].setPlainText("met in Gaziantep, December 2016")  # type: ignore[union-attr]
    person_dialog_ok(qtbot, shell, dialog)
    assert dialog.isVisible() and "reason" in dialog.error.text().lower()  # the service's own message
    qtbot.keyClicks(dialog.reason, "date added")
    person_dialog_ok(qtbot, shell, dialog)
    assert not dialog.isVisible()
    assert main.persons.rows[0].description == ""  # a protected person's description is hidden too
    assert _stored_description(case) == "met in Gaziantep, December 2016"
    assert main.undo_stack.count() == 2

    main.undo_action.trigger()
    settle(qtbot, shell.runner)
    assert _stored_description(case) == "met in Gaziantep"
    main.undo_action.trigger()
    settle(qtbot, shell.runner)
    assert main.persons.rowCount() == 0  # the addition undone: a tombstone
    main.redo_action.trigger()
    main.redo_action.trigger()  # queued behind the first: writes run in order
    settle(qtbot, shell.runner)
    assert main.persons.rowCount() == 1
    assert _stored_description(case) == "met in Gaziantep, December 2016"
    actions = [e.action for e in case.custody.entries()]
    assert actions == ["case.create", "person.add", "person.edit", "undo", "undo", "undo", "undo"]

    main.record_pages[RefKind.PERSON].table.selectRow(0)
    main.record_action(RefKind.PERSON, "reveal")
    settle(qtbot, shell.runner)
    assert main.persons.index(0, 3).data() == "محمد الحلبي"

    shell.idle.timer.timeout.emit()  # the idle time ran out
    assert case.locked
    with pytest.raises(CaseLockedError):
        case.records.count_exhibits()
    assert shell.case is None and shell.welcome.isVisible() and not main.isVisible()
    assert shell.welcome.pages.currentWidget() is shell.welcome.unlock_page
    for model in (main.exhibits, main.persons, main.incidents, main.sources, main.custody):
        assert model.rowCount() == 0
    assert main.persons.revealed == {} and main.detail.toPlainText() == ""
    assert main.undo_stack.count() == 0


def test_verify_runs_in_the_background_and_names_what_differs(
    qtbot: QtBot, shell: Shell, make_case: Callable[..., tuple[OpenCase, str]]
) -> None:
    case, _ = make_case()
    case.records.add_incident(title="Strike on al-Quds hospital", when="2016-04-27")
    open_in(qtbot, shell, case)
    verifier = shell.main.verifier
    verifier.show_result = False
    with qtbot.waitSignal(verifier.finished, timeout=20_000) as finished:
        verifier.start(full=True)
    result = finished.args[0]
    assert result.ok
    summary, _details = verification_text(result)
    assert summary.startswith("The case verifies")

    connection = raw_connection(case.folder)  # someone with the key edits the log behind our back
    connection.execute("DROP TRIGGER custody_no_update")
    connection.execute("UPDATE custody SET actor = 'someone else' WHERE seq = 2")
    connection.close()
    with qtbot.waitSignal(verifier.finished, timeout=20_000) as finished:
        verifier.start(full=False)
    result = finished.args[0]
    summary, details = verification_text(result)
    assert not result.ok and "does NOT verify" in summary and "entry 2" in details


def test_delete_with_a_reason_show_deleted_restore_and_undo(
    qtbot: QtBot, shell: Shell, make_case: Callable[..., tuple[OpenCase, str]]
) -> None:
    case, _ = make_case()
    case.records.add_incident(title="Shelling of the bakery queue", when="2016-05-03")
    open_in(qtbot, shell, case)
    main = shell.main
    page = main.record_pages[RefKind.INCIDENT]
    main.navigator.setCurrentRow(main.stack.indexOf(page))
    settle(qtbot, shell.runner)  # the page shown reads its rows
    page.table.selectRow(0)
    ask = main.record_action(RefKind.INCIDENT, "delete")
    ask.setTextValue("")  # type: ignore[union-attr]
    ask.accept()  # type: ignore[union-attr]
    settle(qtbot, shell.runner)
    assert main.incidents.rowCount() == 1  # a delete without a reason is refused by the service
    page.table.selectRow(0)
    ask = main.record_action(RefKind.INCIDENT, "delete")
    ask.setTextValue("entered twice")  # type: ignore[union-attr]
    ask.accept()  # type: ignore[union-attr]
    settle(qtbot, shell.runner)
    assert main.incidents.rowCount() == 0
    page.show_deleted.setChecked(True)
    settle(qtbot, shell.runner)
    assert main.incidents.rowCount() == 1 and main.incidents.index(0, 4).data() == "deleted"
    main.undo_action.trigger()  # undoing the delete restores it
    settle(qtbot, shell.runner)
    assert main.incidents.rows[0].deleted is None
    page.table.selectRow(0)
    ask = main.record_action(RefKind.INCIDENT, "delete")
    ask.setTextValue("entered twice, really")  # type: ignore[union-attr]
    ask.accept()  # type: ignore[union-attr]
    settle(qtbot, shell.runner)
    assert main.incidents.rows[0].deleted is not None
    page.table.selectRow(0)
    main.record_action(RefKind.INCIDENT, "restore")
    settle(qtbot, shell.runner)
    assert main.incidents.rows[0].deleted is None
    refused = main.findChildren(QMessageBox, "errorBox")  # the refused delete said why, once
    assert len(refused) == 1 and "reason" in refused[0].text().lower()


def _stored_description(case: OpenCase) -> str:
    """What the database holds (the GUI shows a protected person's description only after a reveal)."""
    with case.db.read() as tx:
        (person,) = tx.persons(RecordQuery(deleted=Deleted.INCLUDE))
    return person.description
