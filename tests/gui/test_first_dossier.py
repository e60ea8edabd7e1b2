"""Issue 17's "done means", proven end to end: a new user goes from an empty case to a public Article 15
dossier in the window alone, in English or Arabic, and sees at each step what is still unproven.

Only the widgets and their signals are used to build the case (a button clicked, a file dropped, a
form typed into, a key pressed); the case on disk is read back through its services to check what
the window did. The PDF is read back with pdftotext.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import TypeVar

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QLineEdit,
    QPushButton,
    QTableView,
    QWidget,
)
from pytestqt.qtbot import QtBot

from caseapp.app.case_folder import OpenCase
from caseapp.core.analysis import ReviewState
from caseapp.core.custody import CustodyAction
from caseapp.core.entities import PersonRole, ProtectionLevel, Sensitivity
from caseapp.core.legal.gaps import GapStatus
from caseapp.core.refs import RefKind
from caseapp.gui.create_dialog import CreateCaseDialog
from caseapp.gui.dossier_dialog import DossierDialog
from caseapp.gui.dossier_inputs_view import DossierInputsView
from caseapp.gui.legal_common import legal_text
from caseapp.gui.link_dialog import LinkDialog
from caseapp.gui.record_dialogs import RecordDialog
from caseapp.gui.shell import Shell
from tests.conftest import PASSPHRASE
from tests.gui.conftest import running_shell, settle
from tests.gui.test_legal_views import drop_selected_on
from tests.gui.test_main_window import drop
from tests.gui.test_preview import action
from tests.intake.intake_factories import pdf_bytes, write_jpeg

CRIME = "8(2)(e)(iv)"  # intentionally directing attacks against hospitals (non-international conflict)
ELEMENT = "8(2)(e)(iv)-1"
REAL_NAME = "Samira Haddad"  # the protected witness, typed into the person form
NAME_AR = "سميرة حداد"  # her name as the statement gives it
SEEN = "رأيت الضربة على المستشفى"  # the words of the statement linked as an excerpt
STATEMENT = f"إفادة الشاهدة {NAME_AR} في غازي عنتاب.\nقالت: {SEEN} في الصباح.\n"  # noqa: RUF001
SITUATION = "Situation in the Syrian Arab Republic"
SENDER = "Aleppo Law Clinic"
COLLEAGUE = "Nour Reviewer"
PLACE_AR = "حلب الشرقية"
D = TypeVar("D", bound=QDialog)


@pytest.fixture(params=["en", "ar"])
def started(request: pytest.FixtureRequest, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> Iterator[Shell]:
    """The application as a new user starts it, in English or in Arabic; the desktop is asked to open nothing."""
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda _url: True))
    with running_shell(request.param) as shell:
        yield shell


# -- what a user does, one gesture each -----------------------------------------------------------
def go_to(shell: Shell, page: QWidget) -> None:
    """Click the page in the navigator (found by its widget: the labels are translated)."""
    row = shell.main.stack.indexOf(page)
    assert row >= 0
    shell.main.navigator.setCurrentRow(row)
    for _ in range(2000):  # the page shown reads its rows
        if not shell.runner.active():
            break
        QTest.qWait(10)
    assert not shell.runner.active()


def open_dialog(qtbot: QtBot, shell: Shell, keys: str | QPushButton, kind: type[D]) -> D:
    """Press the menu shortcut ``keys`` (or click the button); the dialog of type ``kind`` it opens."""
    if isinstance(keys, QPushButton):
        qtbot.mouseClick(keys, Qt.MouseButton.LeftButton)
    else:
        action(shell, keys).trigger()
    settle(qtbot, shell.runner)
    shown = [d for d in shell.main.findChildren(kind) if d.isVisible()]
    assert len(shown) == 1, shown
    return shown[0]


def fill_record(qtbot: QtBot, shell: Shell, keys: str | QPushButton, **typed: str) -> RecordDialog:
    """Open a record form, type each field (choose it, for a list), give a reason if it is an edit, OK."""
    dialog = open_dialog(qtbot, shell, keys, RecordDialog)
    for name, text in typed.items():
        widget = dialog.inputs[name]
        if isinstance(widget, QComboBox):
            widget.setCurrentIndex(widget.findData(text))
        elif isinstance(widget, QLineEdit) and not text.isascii():
            widget.clear()
            widget.insert(text)  # as an input method commits it (QTest types Latin-1 only)
        else:
            widget.clear()
            qtbot.keyClicks(widget, text)
    if dialog.record is not None:
        qtbot.keyClicks(dialog.reason, "read the file")
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    settle(qtbot, shell.runner)
    assert not dialog.isVisible(), dialog.error.text()
    return dialog


def create_case(qtbot: QtBot, shell: Shell, path: Path) -> OpenCase:
    """The welcome window's "Create a case…", a passphrase twice, then two groups of the recovery code."""
    button = shell.welcome.findChild(QWidget, "createCase")
    assert button is not None
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = shell.welcome.findChild(CreateCaseDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.path_edit.setText(str(path))
    qtbot.keyClicks(dialog.passphrases.first, PASSPHRASE)
    qtbot.keyClicks(dialog.passphrases.second, PASSPHRASE)
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    settle(qtbot, shell.runner)
    groups = dialog.code_label.text().split("-")
    for edit, asked in zip(dialog.group_edits, dialog.asked_groups, strict=True):
        qtbot.keyClicks(edit, groups[asked])
    dialog.written.setChecked(True)
    qtbot.mouseClick(dialog.continue_button, Qt.MouseButton.LeftButton)
    settle(qtbot, shell.runner)
    assert shell.case is not None and shell.main.isVisible()
    return shell.case


def click_row(qtbot: QtBot, table: QTableView, row: int) -> None:
    """A mouse click on the first cell of ``row`` (wherever the layout direction puts it)."""
    index = table.model().index(row, 0)
    table.scrollTo(index)
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(index).center())
    assert [i.row() for i in table.selectionModel().selectedRows()] == [row]


def select_exhibit(qtbot: QtBot, shell: Shell, file_name: str) -> None:
    go_to(shell, shell.main.exhibits_page)
    model = shell.main.exhibits
    titles = [model.exhibit_at(row) for row in range(model.rowCount())]
    row = next(i for i, e in enumerate(titles) if e is not None and e.original_name == file_name)
    click_row(qtbot, shell.main.exhibits_page.table, row)
    settle(qtbot, shell.runner)


def cell_status(shell: Shell, charge_ref: str) -> str:
    go_to(shell, shell.main.legal.gaps)
    item = shell.main.legal.gaps.cell_item(charge_ref, ELEMENT)
    assert item is not None
    return item.text(1)


def accept(qtbot: QtBot, shell: Shell, link_ref: str) -> None:
    """Click the link's row in the review queue, then Accept."""
    review = shell.main.legal.review
    go_to(shell, review)
    rows = [review.model.row_at(row) for row in range(review.model.rowCount())]
    click_row(qtbot, review.table, next(i for i, x in enumerate(rows) if x is not None and x.ref == link_ref))
    qtbot.mouseClick(review.accept_button, Qt.MouseButton.LeftButton)
    settle(qtbot, shell.runner)


def pdf_text(pdf: Path) -> str:
    if shutil.which("pdftotext") is None and not os.environ.get("CI"):
        pytest.skip("pdftotext (poppler-utils) is not installed")
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, check=True, text=True)
    return unicodedata.normalize("NFKC", out.stdout)  # Arabic presentation forms back to letters


# -- the journey -----------------------------------------------------------------------------------
def test_a_new_user_goes_from_an_empty_case_to_a_public_dossier_in_the_window(
    qtbot: QtBot, started: Shell, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shell = started
    main, legal = shell.main, shell.main.legal

    # 1. an empty case, created through the dialog (the recovery code confirmed)
    case = create_case(qtbot, shell, tmp_path / "Aleppo-2016.caseapp")
    main.resize(1280, 800)

    # 2. a folder of evidence dropped on the window
    folder = tmp_path / "usb-stick"
    folder.mkdir()
    write_jpeg(folder / "crater.jpg", gps=(36.2021, 37.1343), taken="2016:04:27 23:40:00")
    write_jpeg(folder / "entrance.jpg", size=(120, 90), gps=(36.2026, 37.1345), taken="2016:04:27 23:55:00")
    (folder / "msf-report.pdf").write_bytes(pdf_bytes(["MSF: the hospital was struck"]))
    (folder / "statement.txt").write_text(STATEMENT, encoding="utf-8")
    with qtbot.waitSignal(main.importer.finished, timeout=60_000) as imported:
        drop(main, [folder])
    assert imported.args[0] is not None and not imported.args[0].all_problems()
    settle(qtbot, shell.runner)
    assert main.exhibits.rowCount() == 4
    photos = [e for e in case.records.exhibits() if e.original_name in ("crater.jpg", "entrance.jpg")]
    assert all(p.latitude is not None and abs(p.latitude - 36.202) < 1e-3 for p in photos), "GPS positions read"
    photo_refs = [p.ref for p in photos]

    # 3. the people, the incident and the source, through their forms
    fill_record(qtbot, shell, "Ctrl+Shift+P", role=PersonRole.WITNESS.value, full_name=REAL_NAME)
    (witness,) = case.records.persons()
    assert witness.protection is not ProtectionLevel.NONE and witness.full_name is None  # hidden unless revealed
    assert case.records.reveal_person(witness.id).value.full_name == REAL_NAME
    assert REAL_NAME not in " ".join(str(main.persons.index(0, c).data()) for c in range(main.persons.columnCount()))
    # the two photos taken near each other are suggested as one incident on the map: confirmed, then completed
    go_to(shell, main.places.map_view)
    settle(qtbot, shell.runner)
    suggestions = main.places.map_view.suggestions
    assert suggestions.list.count() == 1
    suggestions.list.setCurrentRow(0)
    qtbot.keyClicks(suggestions.title, "Strike on al-Quds hospital")
    qtbot.mouseClick(suggestions.confirm, Qt.MouseButton.LeftButton)
    settle(qtbot, shell.runner)
    incidents = main.record_pages[RefKind.INCIDENT]
    go_to(shell, incidents)
    click_row(qtbot, incidents.table, 0)
    fill_record(qtbot, shell, incidents.buttons["edit"], place_name=PLACE_AR, country="SY")
    fill_record(qtbot, shell, "Ctrl+Shift+S", name="MSF field team", reliability="B", credibility="2")
    ((incident,), (source,)) = case.records.incidents(), case.records.sources()
    assert incident.country == "SY" and incident.place_name == PLACE_AR and source.grading == "B2"
    assert sorted(link.exhibit_ref for link in case.records.links(incident.id)) == sorted(photo_refs)

    # the report comes from that source; the statement names the witness: withheld from public exports
    select_exhibit(qtbot, shell, "msf-report.pdf")
    fill_record(qtbot, shell, "Ctrl+Shift+E", source=source.ref)
    select_exhibit(qtbot, shell, "statement.txt")
    fill_record(qtbot, shell, "Ctrl+Shift+E", sensitivity=Sensitivity.PROTECTED_PERSON.value)
    exhibits = {e.original_name: e for e in case.records.exhibits()}
    assert exhibits["msf-report.pdf"].source_ref == source.ref
    assert exhibits["statement.txt"].sensitivity is Sensitivity.PROTECTED_PERSON

    # 4. the crime charged in the charges view ...
    go_to(shell, legal.charges)
    qtbot.mouseClick(legal.charges.add_button, Qt.MouseButton.LeftButton)
    settle(qtbot, shell.runner)
    charge_dialog = legal.charges.dialog
    assert charge_dialog is not None and charge_dialog.isVisible()
    charge_dialog.crime.setCurrentIndex(charge_dialog.crime.findData(CRIME))
    entry = charge_dialog.incidents.item(0)
    assert entry is not None
    entry.setCheckState(Qt.CheckState.Checked)
    charge_dialog.save_button.click()
    settle(qtbot, shell.runner)
    assert not charge_dialog.isVisible(), charge_dialog.error.text()
    (charge,) = case.records.charges()
    assert charge.crime_id == CRIME

    # ... the report linked to an element by a drop on the catalogue tree ...
    select_exhibit(qtbot, shell, "msf-report.pdf")
    link_dialog = drop_selected_on(qtbot, shell, ELEMENT)
    qtbot.keyClicks(link_dialog.reasoning, "MSF names the hospital as the target")
    link_dialog.link_button.click()
    settle(qtbot, shell.runner)
    assert not link_dialog.isVisible(), link_dialog.error.text()
    (report_link,) = link_dialog.outcomes

    # ... and words selected in the Arabic statement, linked as an excerpt
    select_exhibit(qtbot, shell, "statement.txt")
    action(shell, "F9").trigger()
    settle(qtbot, shell.runner)
    text = main.side.text
    found = text.document().find(SEEN)
    assert not found.isNull(), "the statement's extracted text is shown"
    text.setTextCursor(found)
    main.side.excerpt_requested.emit("text")  # "Link this excerpt…" in the text's context menu
    picker = legal.picker
    assert picker is not None and picker.isVisible()
    qtbot.keyClicks(picker.filter, ELEMENT)
    qtbot.keyClick(picker.filter, Qt.Key.Key_Return)
    excerpt_dialog = legal.dialog
    assert isinstance(excerpt_dialog, LinkDialog) and excerpt_dialog.excerpt is not None
    assert excerpt_dialog.excerpt.quote == SEEN
    qtbot.keyClicks(excerpt_dialog.reasoning, "the witness saw the strike on the hospital")
    excerpt_dialog.link_button.click()
    settle(qtbot, shell.runner)
    assert not excerpt_dialog.isVisible(), excerpt_dialog.error.text()
    (excerpt_link,) = excerpt_dialog.outcomes

    # 5. nothing proven yet: both links await another person's review
    assert legal_text(GapStatus.UNADDRESSED) in cell_status(shell, charge.ref)
    assert report_link.ref in legal.gaps.cell_item(charge.ref, ELEMENT).text(5)  # type: ignore[union-attr]

    # the author locks (Ctrl+L); a colleague unlocks under their own name and accepts both links
    action(shell, "Ctrl+L").trigger()
    assert shell.case is None and shell.welcome.isVisible()
    page = shell.welcome.unlock_page
    actor = page.findChild(QWidget, "actorName")
    assert actor is page.actor
    page.actor.clear()
    qtbot.keyClicks(page.actor, COLLEAGUE)
    qtbot.keyClicks(page.passphrase, PASSPHRASE)
    qtbot.keyClick(page.passphrase, Qt.Key.Key_Return)
    settle(qtbot, shell.runner)
    assert shell.case is not None and shell.case.actor == COLLEAGUE, page.message.text()
    case = shell.case
    weak, corroborated = legal_text(GapStatus.WEAK), legal_text(GapStatus.CORROBORATED)
    accept(qtbot, shell, report_link.ref)
    assert weak in cell_status(shell, charge.ref), "one source: weak, and the window says why"
    assert legal.gaps.cell_item(charge.ref, ELEMENT).text(6)  # type: ignore[union-attr]
    accept(qtbot, shell, excerpt_link.ref)  # the witness: a second, independent source
    assert corroborated in cell_status(shell, charge.ref)
    accepted = case.records.element_links(element=ELEMENT)
    assert {(x.review, x.reviewed_by) for x in accepted} == {(ReviewState.ACCEPTED, COLLEAGUE)}

    # 6. the dossier's own texts, then the public dossier exported
    inputs = open_dialog(qtbot, shell, "Ctrl+Shift+J", DossierInputsView)
    qtbot.keyClicks(inputs.fields["situation"], SITUATION)
    qtbot.keyClicks(inputs.fields["sender"], SENDER)
    qtbot.mouseClick(inputs.save_fields_button, Qt.MouseButton.LeftButton)
    settle(qtbot, shell.runner)
    assert inputs.error.text() == ""
    saved = case.records.dossier_inputs()
    assert saved.situation == SITUATION and saved.sender == (SENDER,)
    inputs.close()

    out = tmp_path / "to-the-office"
    out.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *_args: str(out)))
    dossier = open_dialog(qtbot, shell, "Ctrl+Shift+D", DossierDialog)
    dossier.version.setCurrentIndex(dossier.version.findData(True))  # public
    dossier.docx.setChecked(False)
    qtbot.mouseClick(dossier.folder.choose, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dossier.export_button, Qt.MouseButton.LeftButton)
    settle(qtbot, shell.runner, timeout=120_000)
    pdf = out / "communication-public.pdf"
    assert [p.name for p in out.iterdir()] == [pdf.name], dossier.status.text()

    words = pdf_text(pdf)
    assert CRIME in words and SITUATION in words
    assert PLACE_AR in words, "Arabic is read back from the PDF (so the words below would be found)"
    for secret in (REAL_NAME, "Haddad", NAME_AR, "سميرة", SEEN):
        assert secret not in words, secret

    # the custody log shows the export, by the colleague
    go_to(shell, main.custody_page)
    settle(qtbot, shell.runner)
    rows = [
        [str(main.custody.index(row, column).data()) for column in range(main.custody.columnCount())]
        for row in range(main.custody.rowCount())
    ]
    exports = [r for r in rows if CustodyAction.DOSSIER_EXPORT.value in r]
    assert exports and exports[-1][2] == COLLEAGUE
