"""Keyboard and assistive-technology access to the frame: every menu entry is reachable by a shortcut
or a mnemonic (in English and in Arabic), no two actions share a shortcut, and every control of
every view and dialog has a name a screen reader reads out (asked through Qt's accessibility
interface, as a screen reader asks it: its own accessible name, its text, or its label's)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QAccessible, QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from caseapp.app.case_folder import OpenCase
from caseapp.core.entities import PersonRole
from caseapp.core.refs import RefKind
from caseapp.gui.menus import add_mnemonics
from caseapp.gui.shell import Shell
from tests.gui.conftest import running_shell, settle
from tests.gui.test_preview import open_with

CONTROLS = (QAbstractButton, QLineEdit, QComboBox, QAbstractItemView, QTextEdit, QPlainTextEdit, QAbstractSpinBox)


def menu_entries(menu: QMenu) -> Iterator[QAction]:
    for action in menu.actions():
        if action.isSeparator():
            continue
        yield action
        submenu = action.menu()
        if isinstance(submenu, QMenu):
            yield from menu_entries(submenu)


def mnemonic(text: str) -> str | None:
    """The letter ``text`` marks with "&" (none for a literal "&&")."""
    index = 0
    while index < len(text) - 1:
        if text[index] == "&":
            if text[index + 1] != "&":
                return text[index + 1].casefold()
            index += 1
        index += 1
    return None


def check_menus(shell: Shell) -> None:
    bar = shell.main.menuBar()
    tops = [a for a in bar.actions() if not a.isSeparator()]
    assert tops and all(mnemonic(a.text()) for a in tops), [a.text() for a in tops]
    assert len({mnemonic(a.text()) for a in tops}) == len(tops), "two menus share a mnemonic"
    shortcuts: dict[str, str] = {}
    for top in tops:
        menu = top.menu()
        assert isinstance(menu, QMenu)
        entries = list(menu_entries(menu))
        assert entries
        for action in entries:
            keys = [k.toString() for k in action.shortcuts()]
            assert all(keys), f"{action.text()!r} has a shortcut Qt cannot read"
            assert keys or mnemonic(action.text()), f"{action.text()!r} has neither a shortcut nor a mnemonic"
            for key in keys:
                assert key not in shortcuts, f"{key} is both {shortcuts[key]!r} and {action.text()!r}"
                shortcuts[key] = action.text()
        for level in [menu, *(a.menu() for a in entries if isinstance(a.menu(), QMenu))]:
            assert isinstance(level, QMenu)
            letters = [mnemonic(a.text()) for a in level.actions() if not a.isSeparator()]
            marked = [m for m in letters if m]
            assert len(marked) == len(set(marked)), f"two entries of {level.title()!r} share a mnemonic: {letters}"


def unnamed(window: QWidget) -> list[str]:
    """The visible controls of ``window`` a screen reader would announce without a name."""
    missing = []
    for widget in window.findChildren(QWidget):
        if not isinstance(widget, CONTROLS) or isinstance(widget, QHeaderView) or not widget.isVisibleTo(window):
            continue
        if widget.parent() is not None and isinstance(widget.parent(), (QComboBox, QAbstractSpinBox)):
            continue  # the line edit inside an editable combo box or spin box is named with it
        face = QAccessible.queryAccessibleInterface(widget)
        name = face.text(QAccessible.Text.Name).strip() if face is not None else ""
        if not name:
            missing.append(f"{type(widget).__name__} {widget.objectName() or '(no object name)'}")
    return missing


def test_add_mnemonics_marks_each_entry_with_its_own_letter(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    menu = QMenu("&Case", parent)
    for text in ("Lock", "Lock after idle…", "&Verify", "Verify every file", "العربية", "&& more"):
        menu.addAction(text)
    menu.addSeparator()
    add_mnemonics(menu)
    assert [a.text() for a in menu.actions() if not a.isSeparator()] == [
        "&Lock",
        "L&ock after idle…",
        "&Verify",
        "V&erify every file",
        "&العربية",
        "&& &more",
    ]


@pytest.mark.parametrize("code", ["en", "ar"])
def test_every_menu_entry_has_a_shortcut_or_a_mnemonic(
    qtbot: QtBot, make_case: Callable[..., tuple[OpenCase, str]], code: str
) -> None:
    with running_shell(code) as shell:
        case, _ = make_case()
        shell.open(case, case.folder)
        settle(qtbot, shell.runner)
        check_menus(shell)
        if code == "ar":
            assert any("&" in a.text() for a in shell.main.menus.case_menu.actions())


def test_every_control_of_every_view_and_dialog_has_a_name(
    qtbot: QtBot, shell: Shell, make_case: Callable[..., tuple[OpenCase, str]], tmp_path: Path
) -> None:
    welcome = shell.welcome
    welcome.show_start()
    assert unnamed(welcome) == []
    create = shell.create()
    assert unnamed(create) == []
    create.reject()

    case, _ = make_case()
    records = case.records
    records.add_person(role=PersonRole.WITNESS)
    records.add_exhibit(title="photo")
    (tmp_path / "a.txt").write_text("a statement\n", encoding="utf-8")
    open_with(qtbot, shell, case, [tmp_path / "a.txt"])
    main = shell.main
    missing: dict[str, list[str]] = {}
    for row in range(main.navigator.count()):
        main.navigator.setCurrentRow(row)
        settle(qtbot, shell.runner)
        found = unnamed(main)
        if found:
            missing[main.navigator.item(row).text()] = found
    main.navigator.setCurrentRow(2)
    settle(qtbot, shell.runner)
    main.record_pages[RefKind.PERSON].table.selectRow(0)
    dialogs: list[QWidget] = []
    for open_dialog in (
        lambda: main.record_action(RefKind.PERSON, "add"),
        lambda: main.record_action(RefKind.INCIDENT, "add"),
        lambda: main.record_action(RefKind.SOURCE, "add"),
        main.exports.edit_inputs,
        main.exports.export_dossier,
        main.exports.export_bundle,
    ):
        dialog = open_dialog()
        assert isinstance(dialog, QWidget)
        settle(qtbot, shell.runner)
        found = unnamed(dialog)
        if found:
            missing[dialog.objectName() or type(dialog).__name__] = found
        dialogs.append(dialog)
    for dialog in dialogs:
        dialog.close()
    assert missing == {}, repr(missing)
    assert QKeySequence("Ctrl+L") in main.lock_action.shortcuts()
