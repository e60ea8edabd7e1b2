"""Service errors in the interface's language: the common ones (a required field, a record not
found, a duplicate link, nothing changed, a wrong passphrase, a locked or read-only case) carry a
message key and parameters; the GUI shows its translation (Qt Linguist, French and Arabic) while
the command line still prints the English message."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from caseapp.app.case_folder import OpenCase, open_case
from caseapp.core.errors import CaseAppError, CaseLockedError, ReadOnlyCaseError, UnlockError
from caseapp.core.refs import RefKind, parse_ref
from caseapp.gui.error_messages import field_names, kind_words, templates
from caseapp.gui.errors import message_for
from caseapp.gui.i18n import Language
from caseapp.gui.record_dialogs import RecordDialog
from caseapp.gui.tasks import TaskRunner
from tests.conftest import PASSPHRASE, CliResult
from tests.gui.conftest import settle


@pytest.fixture
def language(qtbot: QtBot) -> Iterator[Callable[[str], None]]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    installed: list[Language] = []

    def install(code: str) -> None:
        chosen = Language(code)
        assert chosen.install(app), f"caseapp_{code}.qm was not found"
        installed.append(chosen)

    yield install
    for chosen in installed:
        chosen.uninstall(app)


def raised(action: Callable[[], object]) -> CaseAppError:
    with pytest.raises(CaseAppError) as caught:
        action()
    return caught.value


def common_errors(case: OpenCase) -> dict[str, CaseAppError]:
    """One real error of each common kind, raised by the services of a real case."""
    records = case.records
    exhibit = records.add_exhibit(title="Crater photo").value
    incident = records.add_incident(title="Strike on al-Quds hospital", when="2016-04-27").value
    records.link(exhibit.id, incident.id, reasoning="shows the crater")
    folder = case.folder
    found = {
        "field.required": raised(lambda: records.add_incident(title="  ")),
        "record.not_found": raised(lambda: records.get(parse_ref("EX-99"))),
        "link.duplicate": raised(lambda: records.link(exhibit.id, incident.id, reasoning="again")),
        "record.unchanged": raised(lambda: records.edit(exhibit.id, {"title": "Crater photo"}, reason="x")),
    }
    case.close()
    found["unlock.wrong_passphrase"] = raised(lambda: open_case(folder, passphrase="not the passphrase"))
    found["case.locked"] = CaseLockedError()
    found["case.read_only"] = ReadOnlyCaseError()
    return found


def test_common_errors_carry_a_key_and_keep_their_english_message(
    make_case: Callable[..., tuple[OpenCase, str]],
) -> None:
    case, _ = make_case()
    errors = common_errors(case)
    assert {key: error.key for key, error in errors.items()} == {key: key for key in errors}
    assert str(errors["field.required"]) == "title is required" and errors["field.required"].params == {
        "field": "title"
    }
    assert str(errors["record.not_found"]) == "there is no exhibit EX-99 in this case"
    assert str(errors["link.duplicate"]).startswith("LNK-1 already links EX-1 to INC-1 (supports)")
    assert isinstance(errors["unlock.wrong_passphrase"], UnlockError)
    for error in errors.values():  # the English interface shows the message as before, capitalised
        assert message_for(error) == str(error)[:1].upper() + str(error)[1:] or error.key == "case.locked"
    assert set(errors) | {"record.not_found.any", "unlock.wrong_recovery_code"} == set(templates())
    fields = {"title", "reasoning", "reason", "description", "name", "note", "tag", "place name"}
    assert fields <= set(field_names()) and {k.value for k in RefKind} == set(kind_words())


def test_the_arabic_interface_shows_arabic_messages(
    qtbot: QtBot, language: Callable[[str], None], make_case: Callable[..., tuple[OpenCase, str]]
) -> None:
    case, _ = make_case()
    runner = TaskRunner()
    try:
        language("ar")
        dialog = RecordDialog(RefKind.INCIDENT, runner, case.records)
        qtbot.addWidget(dialog)
        dialog.submit()  # the title left empty
        settle(qtbot, runner)
        assert dialog.error.text() == "الحقل «العنوان» مطلوب"
        errors = common_errors(case)
        shown = {key: message_for(error) for key, error in errors.items()}
        assert shown["record.not_found"] == "لا يوجد قطعة إثبات EX-99 في هذه القضية"
        assert shown["link.duplicate"].startswith("LNK-1 يربط مسبقًا EX-1 بـ INC-1 (")
        assert shown["unlock.wrong_passphrase"] == "عبارة مرور خاطئة (لم يتغيّر شيء)"
        for key, text in shown.items():
            assert any("\u0600" <= char <= "\u06ff" for char in text), (key, text)
    finally:
        runner.wait()
        runner.reset()


def test_the_french_interface_and_the_cli_that_stays_english(
    language: Callable[[str], None], cli: Callable[..., CliResult], make_case: Callable[..., tuple[OpenCase, str]]
) -> None:
    case, _ = make_case()
    folder: Path = case.folder
    errors = common_errors(case)
    language("fr")
    assert message_for(errors["field.required"]) == "Le champ « titre » est obligatoire"
    assert message_for(errors["record.not_found"]) == "Il n'y a pas de pièce EX-99 dans cette affaire"
    assert message_for(errors["case.read_only"]).startswith("Cette affaire est sur un support en lecture seule")
    # the command line, in the same process with the French translator installed, prints English
    result = cli("--case", str(folder), "incident", "add", "--title", " ", passphrase=PASSPHRASE)
    assert result.code == 1 and "title is required" in result.err
    result = cli("--case", str(folder), "show", "EX-99", passphrase=PASSPHRASE)
    assert result.code == 1 and "there is no exhibit EX-99 in this case" in result.err
