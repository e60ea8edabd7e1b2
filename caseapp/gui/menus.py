"""The main window's menu bar: every action of the frame, each with a shortcut and a mnemonic.

The actions only call the window's parts (importer, verifier, undo stack, pages, side panel,
preview); no case state lives here. Mnemonics are given by :func:`add_mnemonics` from each
action's translated text, so French and Arabic menus get their own (Alt+letter of that language)
without a second marked string.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QInputDialog, QMenu

from caseapp.core.refs import RefKind
from caseapp.gui.language import language_menu

if TYPE_CHECKING:
    from caseapp.gui.main_window import MainWindow

Shortcut = QKeySequence | QKeySequence.StandardKey | str


def tr(text: str) -> str:
    return QCoreApplication.translate("MainMenus", text)


def add_mnemonics(menu: QMenu) -> None:
    """Give every entry of ``menu`` (and of its submenus) that has none a mnemonic: the first letter
    of its text that no other entry of the same menu uses yet (so Alt+letter works in any language)."""
    used: set[str] = set()
    actions = [a for a in menu.actions() if not a.isSeparator()]
    for action in actions:
        text = action.text()
        at = _mnemonic_at(text)
        if at is not None:
            used.add(text[at].casefold())
    for action in actions:
        text = action.text()
        if _mnemonic_at(text) is None:
            for index, char in enumerate(text):
                if char.isalnum() and char.casefold() not in used:
                    used.add(char.casefold())
                    action.setText(f"{text[:index]}&{text[index:]}")
                    break
        if action.menu() is not None:
            submenu = action.menu()
            assert isinstance(submenu, QMenu)
            add_mnemonics(submenu)


def _mnemonic_at(text: str) -> int | None:
    """The index of the character ``text`` marks as its mnemonic ("&&" is a literal ampersand)."""
    index = 0
    while index < len(text) - 1:
        if text[index] == "&":
            if text[index + 1] != "&":
                return index + 1
            index += 1
        index += 1
    return None


class MainMenus:
    """Builds the menu bar of ``window``; the actions tests and other parts use are attributes."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        bar = window.menuBar()
        self.case_menu = bar.addMenu(tr("&Case"))
        self.edit_menu = bar.addMenu(tr("&Edit"))
        self.records_menu = bar.addMenu(tr("&Records"))
        self.view_menu = bar.addMenu(tr("&View"))
        self._case()
        self._edit()
        self._records()
        self._view()
        for menu in (self.case_menu, self.edit_menu, self.records_menu, self.view_menu):
            add_mnemonics(menu)

    def action(self, text: str, slot: Callable[[], object], shortcut: Shortcut | None = None) -> QAction:
        action = QAction(text, self.window)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _case(self) -> None:
        window, menu = self.window, self.case_menu
        self.import_files_action = self.action(tr("Import files…"), window.import_files, "Ctrl+I")
        self.import_folder_action = self.action(tr("Import a folder…"), window.import_folder, "Ctrl+Shift+I")
        self.lock_action = self.action(tr("Lock"), window.lock_requested.emit, "Ctrl+L")
        self.lock_action.setObjectName("lockAction")
        menu.addActions([self.import_files_action, self.import_folder_action])
        export = self.action(tr("Export the original…"), lambda: window.selection_actions.run("export"), "Ctrl+E")
        menu.addAction(export)
        menu.addActions(window.exports.actions())
        menu.addSeparator()
        verifier = window.verifier
        menu.addAction(self.action(tr("Verify"), lambda: verifier.start(full=False), "Ctrl+Shift+V"))
        menu.addAction(self.action(tr("Verify every file (slow)"), lambda: verifier.start(full=True)))
        menu.addAction(self.action(tr("Lock after idle…"), self.ask_idle_minutes))
        menu.addSeparator()
        menu.addAction(self.lock_action)

    def _edit(self) -> None:
        stack = self.window.undo_stack
        self.undo_action = stack.createUndoAction(self.window, tr("Undo"))
        self.undo_action.setShortcut(QKeySequence("Ctrl+Z"))
        self.redo_action = stack.createRedoAction(self.window, tr("Redo"))
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.edit_menu.addActions([self.undo_action, self.redo_action])

    def _records(self) -> None:
        window, menu = self.window, self.records_menu
        for kind, text, key in (
            (RefKind.PERSON, tr("Add a person…"), "Ctrl+Shift+P"),
            (RefKind.INCIDENT, tr("Add an incident…"), "Ctrl+Shift+N"),
            (RefKind.SOURCE, tr("Add a source…"), "Ctrl+Shift+S"),
        ):
            menu.addAction(self.action(text, _bind(window.record_action, kind, "add"), key))
        menu.addAction(self.action(tr("Edit the selected exhibit…"), window.edit_exhibit, "Ctrl+Shift+E"))
        menu.addAction(
            self.action(
                tr("Link the selected exhibits to a person or incident…"), window.link_to_record, "Ctrl+Shift+L"
            )
        )
        menu.addSeparator()
        for name, text, key in (
            ("add_tag", tr("Add a tag to the selected record…"), "Ctrl+T"),
            ("remove_tag", tr("Remove a tag from the selected record…"), "Ctrl+Shift+T"),
            ("add_note", tr("Add a note to the selected record…"), "Ctrl+Shift+M"),
        ):
            menu.addAction(self.action(text, _bind(window.selection_actions.run, name), key))

    def _view(self) -> None:
        window, menu = self.window, self.view_menu
        navigator = window.navigator
        for row in range(navigator.count()):  # Ctrl+1 ... Ctrl+9, then a mnemonic only
            label, key = navigator.item(row).text(), f"Ctrl+{row + 1}" if row < 9 else None
            menu.addAction(self.action(label, _bind(navigator.setCurrentRow, row), key))
        menu.addAction(self.action(tr("Search exhibits"), self.focus_search, QKeySequence.StandardKey.Find))
        menu.addSeparator()
        for index, text, key in ((0, tr("Details"), "F7"), (1, tr("Preview"), "F8"), (2, tr("Extracted text"), "F9")):
            menu.addAction(self.action(text, _bind(self.show_side, index), key))
        preview_menu = menu.addMenu(tr("Zoom and pages"))
        preview = window.preview
        zoom_in = self.action(tr("Zoom in"), lambda: preview.zoom("in"), QKeySequence.StandardKey.ZoomIn)
        zoom_in.setShortcuts([QKeySequence(QKeySequence.StandardKey.ZoomIn), QKeySequence("Ctrl+=")])
        preview_menu.addActions(
            [
                zoom_in,
                self.action(tr("Zoom out"), lambda: preview.zoom("out"), QKeySequence.StandardKey.ZoomOut),
                self.action(tr("Fit to the panel"), lambda: preview.zoom("fit"), "Ctrl+0"),
                self.action(tr("Actual size (100 %)"), lambda: preview.zoom("actual"), "Ctrl+Alt+0"),
                self.action(tr("Next page"), lambda: preview.turn(1), "Ctrl+PgDown"),
                self.action(tr("Previous page"), lambda: preview.turn(-1), "Ctrl+PgUp"),
            ]
        )
        menu.addSeparator()
        menu.addMenu(language_menu(window, window.settings))

    def ask_idle_minutes(self) -> None:
        window = self.window
        minutes, ok = QInputDialog.getInt(
            window,
            tr("Lock after idle"),
            tr("Lock the case after this many minutes without keyboard or mouse use (0: never):"),
            window.settings.idle_minutes,
            0,
            240,
        )
        if ok:
            window.settings.idle_minutes = minutes
            window.idle_minutes_changed.emit(minutes)

    def show_side(self, index: int) -> None:
        side = self.window.side
        if side.isTabEnabled(index):
            side.setCurrentIndex(index)
            side.currentWidget().setFocus()

    def focus_search(self) -> None:
        self.window.navigator.setCurrentRow(0)
        self.window.exhibits_page.search.setFocus()


def _bind(slot: Callable[..., object], *args: object) -> Callable[[], object]:
    return lambda: slot(*args)
