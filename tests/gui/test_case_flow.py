"""Create a case through the dialog (with the recovery-code check), lock it, and unlock it with a
wrong passphrase, the right one, and the recovery code (then a new passphrase): through the widgets."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from caseapp.app.case_folder import OpenCase, default_actor, enable_keyring
from caseapp.core.analysis import ReviewState
from caseapp.core.entities import ExhibitKind
from caseapp.core.errors import CaseLockedError
from caseapp.gui.shell import Shell
from tests.conftest import PASSPHRASE
from tests.gui.conftest import settle


def create_through_dialog(qtbot: QtBot, shell: Shell, path: Path) -> str:
    dialog = shell.create()
    dialog.path_edit.setText(str(path))
    assert not dialog.create_button.isEnabled()
    qtbot.keyClicks(dialog.passphrases.first, "short")
    assert "more character" in dialog.passphrases.feedback.text()
    dialog.passphrases.first.clear()
    qtbot.keyClicks(dialog.passphrases.first, PASSPHRASE)
    qtbot.keyClicks(dialog.passphrases.second, PASSPHRASE + "x")
    assert not dialog.create_button.isEnabled() and "differ" in dialog.passphrases.feedback.text()
    qtbot.keyClick(dialog.passphrases.second, Qt.Key.Key_Backspace)
    assert dialog.create_button.isEnabled()
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    settle(qtbot, shell.runner)
    assert dialog.pages.currentIndex() == 1
    code = dialog.code_label.text()
    groups = code.split("-")
    assert len(groups) == 8
    dialog.reject()  # closing is refused until the code is confirmed
    assert dialog.isVisible()
    first, second = dialog.asked_groups
    qtbot.keyClicks(dialog.group_edits[0], groups[first])
    qtbot.keyClicks(dialog.group_edits[1], "AAAA" if groups[second] != "AAAA" else "BBBB")
    assert not dialog.continue_button.isEnabled() and "does not match" in dialog.code_error.text()
    dialog.group_edits[1].clear()
    qtbot.keyClicks(dialog.group_edits[1], groups[second].lower())  # case does not matter
    assert not dialog.continue_button.isEnabled()  # not before "I have written it down"
    dialog.written.setChecked(True)
    assert dialog.continue_button.isEnabled()
    qtbot.mouseClick(dialog.continue_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible() and dialog.code_label.text() == ""
    return code


def unlock(qtbot: QtBot, shell: Shell, passphrase: str) -> None:
    page = shell.welcome.unlock_page
    qtbot.keyClicks(page.passphrase, passphrase)
    qtbot.keyClick(page.passphrase, Qt.Key.Key_Return)
    settle(qtbot, shell.runner)


def test_create_lock_and_unlock_through_the_widgets(qtbot: QtBot, shell: Shell, tmp_path: Path) -> None:
    path = tmp_path / "Aleppo-2016.caseapp"
    code = create_through_dialog(qtbot, shell, path)
    assert shell.case is not None and shell.main.isVisible() and not shell.welcome.isVisible()
    assert (path / "keyslots.json").exists()
    assert shell.settings.recent_cases() == [path]

    case = shell.case
    shell.main.lock_action.trigger()
    assert shell.case is None and not shell.main.isVisible() and shell.welcome.isVisible()
    assert shell.welcome.pages.currentWidget() is shell.welcome.unlock_page
    assert case.locked
    with pytest.raises(CaseLockedError):
        case.records.persons()  # the case object refuses every use after the lock

    unlock(qtbot, shell, "not the passphrase at all")
    page = shell.welcome.unlock_page
    assert shell.case is None
    assert page.message.text() == "Wrong passphrase. Nothing was changed; try again."
    assert page.passphrase.text() == ""
    assert page.unlock_button.isEnabled()

    unlock(qtbot, shell, PASSPHRASE)
    assert shell.case is not None and shell.main.isVisible()

    shell.lock()
    page.use_code.setChecked(True)
    qtbot.keyClicks(page.code, code)
    qtbot.keyClicks(page.new_passphrase.first, "a brand new passphrase")
    qtbot.keyClicks(page.new_passphrase.second, "a brand new passphrase")
    qtbot.mouseClick(page.unlock_button, Qt.MouseButton.LeftButton)
    settle(qtbot, shell.runner)
    assert shell.case is not None, page.message.text()
    shell.lock()
    page.use_code.setChecked(False)
    unlock(qtbot, shell, "a brand new passphrase")
    assert shell.case is not None


def test_recent_cases_can_be_turned_off(qtbot: QtBot, shell: Shell, tmp_path: Path) -> None:
    shell.settings.add_recent(tmp_path / "Secret-name.caseapp")
    shell.welcome.show_start()
    assert shell.welcome.recent.count() == 1
    shell.welcome.remember.setChecked(False)
    assert shell.welcome.recent.count() == 0 and shell.settings.recent_cases() == []
    shell.settings.add_recent(tmp_path / "Other.caseapp")
    assert shell.settings.recent_cases() == []


def test_unlock_with_the_keyring_only_where_enabled(
    qtbot: QtBot, shell: Shell, make_case: Callable[..., tuple[OpenCase, str]], memory_keyring: object
) -> None:
    plain, _ = make_case("Plain.caseapp")
    plain.lock()
    shell.welcome.ask_unlock(plain.folder)
    page = shell.welcome.unlock_page
    assert not page.keyring_button.isVisibleTo(shell.welcome)

    case, _ = make_case()
    enable_keyring(case)
    case.lock()
    shell.welcome.ask_unlock(case.folder)
    assert page.keyring_button.isVisibleTo(shell.welcome)
    qtbot.mouseClick(page.keyring_button, Qt.MouseButton.LeftButton)
    settle(qtbot, shell.runner)
    assert shell.case is not None and shell.case.folder == case.folder


def test_a_colleague_unlocks_under_their_own_name_and_reviews_a_link(
    qtbot: QtBot, shell: Shell, make_case: Callable[..., tuple[OpenCase, str]]
) -> None:
    """One computer, two people: the custody log records the name typed at unlock, so the colleague
    (not the author) may accept the author's link, and the name is offered again next time."""
    case, _ = make_case()
    exhibit = case.records.add_exhibit(title="Photo of the crater", kind=ExhibitKind.IMAGE).value
    assert exhibit.id is not None
    proposed = case.records.link_element(exhibit.id, "8(2)(e)(iv)-1", reasoning="crater beside the hospital").value
    assert proposed.id is not None
    case.lock()
    shell.welcome.ask_unlock(case.folder)
    page = shell.welcome.unlock_page
    assert page.actor.text() == default_actor()  # nobody typed a name yet: the account name

    page.actor.clear()
    unlock(qtbot, shell, PASSPHRASE)
    assert shell.case is None and page.message.text() == "Your name is required"

    page.actor.setText("  Reviewer نور ")  # QTest types ASCII only
    page.passphrase.clear()  # kept while the name was missing
    unlock(qtbot, shell, PASSPHRASE)
    assert shell.case is not None and shell.case.actor == "Reviewer نور"
    assert shell.settings.actor == "Reviewer نور"
    accepted = shell.case.records.review(proposed.id, accept=True).value
    assert accepted.review is ReviewState.ACCEPTED and accepted.reviewed_by == "Reviewer نور"
    reviewed = [e for e in shell.case.custody.entries() if e.actor == "Reviewer نور"]
    assert reviewed, "the custody log records the colleague's name"

    shell.lock()
    assert shell.welcome.unlock_page.actor.text() == "Reviewer نور"  # offered again


def test_the_name_is_not_kept_when_recent_cases_are_not(
    qtbot: QtBot, shell: Shell, make_case: Callable[..., tuple[OpenCase, str]]
) -> None:
    case, _ = make_case()
    case.lock()
    shell.welcome.remember.setChecked(False)
    shell.welcome.ask_unlock(case.folder)
    page = shell.welcome.unlock_page
    page.actor.setText("Investigator Z")
    unlock(qtbot, shell, PASSPHRASE)
    assert shell.case is not None and shell.case.actor == "Investigator Z"
    assert shell.settings.actor == ""
    shell.lock()
    assert page.actor.text() == default_actor()
