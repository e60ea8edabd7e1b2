"""The exhibits table over a 100 000-exhibit case: the row count, sorting and filtering come from the
store, and only the pages of the rows on screen are fetched, counted as SQL statements on the case's
engine (not by the model's own bookkeeping alone).

The case is built once per test session by raw inserts (``bench.bigcase``, about 12 s).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import event

from bench.bigcase import build_case
from caseapp.app.case_folder import OpenCase, open_case
from caseapp.core.ports import ExhibitQuery, ExhibitSort, Page
from caseapp.gui.models.exhibits import PAGE_SIZE, Column, ExhibitRole
from caseapp.gui.shell import Shell
from tests.conftest import FAST_KDF, PASSPHRASE
from tests.gui.conftest import settle

EXHIBITS = 100_000
PAGE_STATEMENT = re.compile(r"\bFROM exhibits\b.*\bLIMIT\b", re.DOTALL)
COUNT_STATEMENT = re.compile(r"^SELECT count\(\*\)", re.IGNORECASE)


@pytest.fixture(scope="session")
def big_case_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_case(tmp_path_factory.mktemp("big") / "Big.caseapp", PASSPHRASE, EXHIBITS, kdf=FAST_KDF)


@dataclass
class Statements:
    """The SELECTs run on the case's engine: exhibit pages (with their offsets) and counts."""

    pages: list[int] = field(default_factory=list)
    counts: int = 0

    def seen(self, _conn: Any, _cursor: Any, statement: str, parameters: Any, _context: Any, _many: bool) -> None:
        if COUNT_STATEMENT.search(statement) and "FROM exhibits" in statement:
            self.counts += 1
        elif PAGE_STATEMENT.search(statement):
            self.pages.append(int(parameters[-1]))  # LIMIT ? OFFSET ?: the offset is the last parameter

    def clear(self) -> None:
        self.pages.clear()
        self.counts = 0


@pytest.fixture
def big_case(big_case_folder: Path) -> Iterator[tuple[OpenCase, Statements]]:
    case = open_case(big_case_folder, passphrase=PASSPHRASE)
    statements = Statements()
    engine = case.db._engine
    event.listen(engine, "before_cursor_execute", statements.seen)
    yield case, statements
    if not case.locked:
        case.close()


def show(qtbot: QtBot, shell: Shell) -> None:
    table = shell.main.exhibits_page.table
    table.viewport().repaint()  # paint now: the view asks only for the rows it shows
    settle(qtbot, shell.runner)


def refs(shell: Shell, rows: range) -> list[str]:
    model = shell.main.exhibits
    return [model.index(row, Column.REF).data() for row in rows]


def test_a_100k_exhibit_table_counts_sorts_filters_and_pages_through_the_store(
    qtbot: QtBot, shell: Shell, big_case: tuple[OpenCase, Statements]
) -> None:
    case, statements = big_case
    model, table = shell.main.exhibits, shell.main.exhibits_page.table
    shell.main.resize(900, 400)
    shell.open(case, case.folder)
    settle(qtbot, shell.runner)
    show(qtbot, shell)
    assert model.rowCount() == EXHIBITS
    assert statements.counts == 1 and statements.pages == [0], "one count and the first page, nothing else"
    assert model.loaded_rows() == PAGE_SIZE
    assert refs(shell, range(3)) == ["EX-1", "EX-2", "EX-3"]
    first_screen = {model.index(row, 0).data(ExhibitRole).id for row in range(table.rowAt(0), 30)}

    statements.clear()  # the middle of the table: only the page or two on screen are read
    table.scrollTo(model.index(50_050, 0), table.ScrollHint.PositionAtTop)
    show(qtbot, shell)
    assert statements.counts == 0
    first = 50_050 // PAGE_SIZE * PAGE_SIZE
    assert statements.pages and set(statements.pages) <= {first, first + PAGE_SIZE}
    assert len(statements.pages) == len(set(statements.pages)), "a page is read once"
    assert model.index(50_050, Column.REF).data() == "EX-50051"
    assert model.loaded_rows() <= 3 * PAGE_SIZE
    on_screen = range(table.rowAt(0), table.rowAt(table.viewport().height() - 1) + 1)
    assert 0 < len(on_screen) < 30 and 50_050 in on_screen
    visible_ids = {model.index(row, 0).data(ExhibitRole).id for row in on_screen}
    asked = set(model.thumbnails.started)
    assert asked and asked <= visible_ids | first_screen, "pictures are made only for rows the view painted"

    statements.clear()  # sorted by the store: the first page again; a sort finds the same rows, not counted again
    table.sortByColumn(Column.TITLE, Qt.SortOrder.DescendingOrder)
    assert model.rowCount() == EXHIBITS and model.loaded_rows() == 0  # the rows wait for the new order
    settle(qtbot, shell.runner)
    table.scrollToTop()
    show(qtbot, shell)
    assert statements.counts == 0 and statements.pages == [0]
    assert model.rowCount() == EXHIBITS and model.loaded_rows() == PAGE_SIZE
    expected = case.records.exhibits(ExhibitQuery(sort=ExhibitSort.TITLE, descending=True, page=Page(0, 5)))
    assert refs(shell, range(5)) == [e.ref for e in expected]

    statements.clear()  # filtered by the store's full-text index
    search = shell.main.exhibits_page.search
    qtbot.keyClicks(search, "crater")
    qtbot.keyClick(search, Qt.Key.Key_Return)
    settle(qtbot, shell.runner)
    show(qtbot, shell)
    assert statements.counts == 1 and statements.pages == [0]
    matching = case.records.count_exhibits(ExhibitQuery(text="crater"))
    assert 0 < matching < EXHIBITS and model.rowCount() == matching
    shown = [model.index(row, Column.TITLE).data() for row in range(20)]
    assert all("crater" in title for title in shown), shown
    assert model.query.sort is ExhibitSort.TITLE and model.query.descending  # the sort is kept
    assert shown == sorted(shown, reverse=True)
