"""The incident dialog's country field (issue 14): a code is stored upper-case, a code caseapp does
not know is refused with the service's own message, and an edit with a reason changes it."""

from __future__ import annotations

from collections.abc import Callable

from pytestqt.qtbot import QtBot

from caseapp.app.case_folder import OpenCase
from caseapp.core.refs import RefKind
from caseapp.gui.shell import Shell
from tests.gui.conftest import settle


def test_the_incident_dialog_sets_and_checks_the_country(
    qtbot: QtBot, shell: Shell, make_case: Callable[..., tuple[OpenCase, str]]
) -> None:
    case, _ = make_case()
    shell.open(case, case.folder)
    settle(qtbot, shell.runner)
    main = shell.main
    dialog = main.record_action(RefKind.INCIDENT, "add")
    dialog.inputs["title"].setText("Strike on the market")  # type: ignore[union-attr]
    dialog.inputs["country"].setText("sy")  # type: ignore[union-attr]
    dialog.buttons.accepted.emit()
    settle(qtbot, shell.runner)
    (incident,) = case.records.incidents()
    assert incident.country == "SY"

    main.record_pages[RefKind.INCIDENT].table.selectRow(0)
    dialog = main.record_action(RefKind.INCIDENT, "edit")
    assert dialog.inputs["country"].text() == "SY"  # type: ignore[union-attr]
    dialog.inputs["country"].setText("XX")  # type: ignore[union-attr]
    dialog.reason.setText("checked the map")
    dialog.buttons.accepted.emit()
    settle(qtbot, shell.runner)
    assert dialog.isVisible() and "'XX' is not a two-letter country code" in dialog.error.text()
    dialog.inputs["country"].setText("tr")  # type: ignore[union-attr]
    dialog.buttons.accepted.emit()
    settle(qtbot, shell.runner)
    assert not dialog.isVisible()
    assert case.records.incidents()[0].country == "TR"
