"""The jurisdiction assistant as a form (issue 17), through the widgets on a real case: the answers
are the CLI's (same verdict, same grounds and dates), over a range it says where the answer
changes, and from an incident it asks what `caseapp jurisdiction INC-n` asks."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from caseapp.app.case_folder import OpenCase
from caseapp.core.entities import PlacePrecision
from caseapp.core.refs import RefKind
from caseapp.gui.jurisdiction_view import JurisdictionView, choose
from caseapp.gui.shell import Shell
from tests.conftest import PASSPHRASE, CliResult
from tests.gui.conftest import settle


def words(text: str) -> str:
    """Text with its spacing and the bidi isolates dropped (the form wraps ids in them)."""
    return re.sub(r"\s+", " ", text.replace("\u2066", "").replace("\u2069", "")).strip()


def open_form(qtbot: QtBot, shell: Shell, case: OpenCase) -> JurisdictionView:
    shell.open(case, case.folder)
    settle(qtbot, shell.runner)
    main = shell.main
    view = main.legal.jurisdiction
    navigator = main.navigator
    labels = [navigator.item(row).text() for row in range(navigator.count())]
    navigator.setCurrentRow(labels.index("Jurisdiction"))
    settle(qtbot, shell.runner)  # the crimes and the countries load when the page is first shown
    assert view.loaded is not None and view.territory.count() > 100
    return view


def ask(qtbot: QtBot, shell: Shell, view: JurisdictionView, **values: str) -> str:
    choose(view.crime, values.get("crime", ""))
    choose(view.territory, values.get("territory", ""))
    choose(view.nationality, values.get("nationality", ""))
    view.date_from.setText(values.get("date", ""))
    view.date_until.setText(values.get("until", ""))
    qtbot.mouseClick(view.ask_button, Qt.MouseButton.LeftButton)
    settle(qtbot, shell.runner)
    assert view.error.text() == ""
    return words(view.answer.toPlainText())


def cli_answer(cli: Callable[..., CliResult], *args: str) -> dict[str, Any]:
    result = cli("jurisdiction", *args, "--json")
    assert result.code == 0, result.err
    answer: dict[str, Any] = json.loads(result.out)
    return answer


def test_the_form_gives_the_palestine_date_change_and_armenias_art_12_3_answer_as_the_cli_does(
    qtbot: QtBot, shell: Shell, make_case: Callable[..., tuple[OpenCase, str]], cli: Callable[..., CliResult]
) -> None:
    case, _ = make_case()
    view = open_form(qtbot, shell, case)

    # Palestine: its Art 12(3) declaration reaches back to 13 June 2014, inside the range asked
    shown = ask(qtbot, shell, view, crime="8(2)(e)(i)", territory="PS", date="2014-06-01", until="2014-07-31")
    before = cli_answer(cli, "--territory", "PS", "--crime", "8(2)(e)(i)", "--date", "2014-06-12")
    after = cli_answer(cli, "--territory", "PS", "--crime", "8(2)(e)(i)", "--date", "2014-06-13")
    assert (before["verdict"], after["verdict"]) == ("outside", "within")
    assert "The answer changes inside the range on 2014-06-13 (outside → within)." in shown
    assert "From 2014-06-01 to 2014-06-12: ✘ OUTSIDE" in shown
    assert "From 2014-06-13 to 2014-07-31: ✔ WITHIN" in shown
    for answer in (before, after):
        assert words(answer["summary"]) in shown
    territory = next(g for g in after["grounds"] if g["kind"] == "territory")
    assert words(territory["reason"]) in shown and "lodged on 2015-01-01" in shown
    for source in territory["sources"]:
        assert words(source) in shown
    for caveat in after["caveats"]:
        assert words(caveat) in shown

    # Armenia: within on its territory from 10 May 2021 by the declaration lodged with its ratification
    shown = ask(qtbot, shell, view, crime="7(1)(d)", territory="AM", date="2022-09-13")
    expected = cli_answer(cli, "--territory", "AM", "--crime", "7(1)(d)", "--date", "2022-09-13")
    assert expected["verdict"] == "within"
    assert shown.startswith("Answer: ✔ WITHIN")
    assert "The answer changes" not in shown
    for ground in expected["grounds"]:
        assert f"[✔ {ground['status']}] {ground['title']}" in shown or ground["status"] != "met"
        assert words(ground["reason"]) in shown
    assert "Art 12(3) declaration lodged on 2023-11-14" in shown and "10 May 2021" in shown

    # the crime picker is searched with the catalogue's search, in Arabic too
    view.crime_search.setText("ترحيل")
    qtbot.keyClick(view.crime_search, Qt.Key.Key_Return)
    assert view.crime.itemData(view.crime.currentIndex()) in {"8(2)(e)(viii)", "7(1)(d)"}
    assert view.crime.count() < 20

    view.crime_search.clear()  # every crime again
    assert view.crime.count() == 104 and view.crime.itemData(view.crime.currentIndex()) != ""

    # the victim State is asked for aggression only; the service's message names a bad input
    choose(view.crime, "8 bis")
    assert view.victim.isEnabled()
    choose(view.crime, "7(1)(d)")
    assert not view.victim.isEnabled()
    view.date_from.setText("13 Sept 2022")
    view.ask_button.click()
    settle(qtbot, shell.runner)
    assert "is not a date: write it as YYYY-MM-DD" in view.error.text() and view.answer.toPlainText() == ""


def test_jurisdiction_of_an_incident_is_prefilled_from_its_place_and_time_range(
    qtbot: QtBot, shell: Shell, make_case: Callable[..., tuple[OpenCase, str]], cli: Callable[..., CliResult]
) -> None:
    case, _ = make_case()
    case.records.add_incident(
        title="Strike in Gaza",
        when="2014-06-01",
        until="2014-07-31",
        latitude=31.50,
        longitude=34.45,
        place_precision=PlacePrecision.VICINITY,
    )
    view = open_form(qtbot, shell, case)
    main = shell.main
    main.navigator.setCurrentRow(1)  # Incidents
    settle(qtbot, shell.runner)  # the page shown reads its rows
    incidents = main.record_pages[RefKind.INCIDENT]
    incidents.table.selectRow(0)
    qtbot.mouseClick(incidents.buttons["jurisdiction"], Qt.MouseButton.LeftButton)
    settle(qtbot, shell.runner)
    assert main.stack.currentWidget() is view
    assert (view.date_from.text(), view.date_until.text()) == ("2014-06-01", "2014-07-31")
    assert not view.date_from.isEnabled() and view.banner.isVisible() and "INC-1" in view.incident_label.text()
    shown = words(view.answer.toPlainText())
    expected = json.loads(cli("jurisdiction", "INC-1", "--case", str(case.folder), "--json", passphrase=PASSPHRASE).out)
    assert expected["country"]["candidates"] == ["PS"] and expected["changes"]
    assert "Country: State of Palestine (PS), from its coordinates 31.5, 34.45 (precision vicinity, ±100 m)" in shown
    (territory,) = expected["territories"]
    (change,) = territory["changes"]
    assert change["date"] == "2014-06-13"
    assert f"The answer changes inside the range on 2014-06-13 ({change['before']} → {change['after']})." in shown
    for because in change["because"]:
        assert words(because) in shown

    # a crime and a territory chosen in the form are asked for the same range (as --crime, --territory)
    choose(view.crime, "8(2)(e)(i)")
    choose(view.territory, "IL")
    view.ask_button.click()
    settle(qtbot, shell.runner)
    shown = words(view.answer.toPlainText())
    assert "Country: Israel (IL) (chosen in the form)" in shown and "does not change inside the range" in shown

    # locking forgets the incident and the answer
    shell.lock()
    settle(qtbot, shell.runner)
    assert view.answer.toPlainText() == "" and view.incident is None and view.date_from.text() == ""
    assert view.incident_label.text() == "" and view.date_from.isEnabled()


def test_an_incident_whose_record_names_its_country_is_asked_for_that_country(
    qtbot: QtBot, shell: Shell, make_case: Callable[..., tuple[OpenCase, str]]
) -> None:
    case, _ = make_case()
    case.records.add_incident(title="Shelling reported", when="2014-07-10", country="PS")  # no coordinates
    view = open_form(qtbot, shell, case)
    main = shell.main
    main.navigator.setCurrentRow(1)  # Incidents
    settle(qtbot, shell.runner)  # the page shown reads its rows
    incidents = main.record_pages[RefKind.INCIDENT]
    incidents.table.selectRow(0)
    qtbot.mouseClick(incidents.buttons["jurisdiction"], Qt.MouseButton.LeftButton)
    settle(qtbot, shell.runner)
    assert "the one its record names (PS)" in view.incident_label.text()
    shown = words(view.answer.toPlainText())
    assert "State of Palestine (PS)" in shown and "(it has no coordinates)" not in view.incident_label.text()
