"""The gap matrix view follows link changes cell by cell (its rows are updated in place and it
always shows the matrix the service computes whole), and the review queue's filter box asks the
store for the proposals of the elements typed."""

from __future__ import annotations

from collections.abc import Callable

from pytestqt.qtbot import QtBot

from caseapp.app.case_folder import OpenCase
from caseapp.core.legal.gaps import GapStatus
from caseapp.core.refs import parse_ref
from caseapp.gui.legal_common import legal_text
from caseapp.gui.shell import Shell
from tests.gui.conftest import settle
from tests.records.aleppo import build


def test_a_link_change_updates_its_cells_in_place(
    qtbot: QtBot, shell: Shell, make_case: Callable[..., tuple[OpenCase, str]]
) -> None:
    case, _ = make_case()
    sample = build(case)
    shell.open(case, case.folder)
    settle(qtbot, shell.runner)
    main, gaps, review = shell.main, shell.main.legal.gaps, shell.main.legal.review
    assert gaps.gaps == case.records.gaps()
    control = sample.links["control-coi"]  # proposed, on 28(a)-3: CHG-1's and CHG-5's commander
    item = gaps.cell_item("CHG-1", "28(a)-3", "S-001")
    untouched = gaps.cell_item("CHG-1", "8(2)(e)(iv)-1")
    assert item is not None and untouched is not None and str(control) in item.text(5)
    shown: list[int] = []
    gaps.shown.connect(lambda: shown.append(1))
    case.actor = "reviewer"
    assert review.select(str(control))
    review.review(accept=True)
    settle(qtbot, shell.runner)
    assert shown == [1]
    assert gaps.cell_item("CHG-1", "28(a)-3", "S-001") is item  # the same row, its texts changed
    assert gaps.cell_item("CHG-1", "8(2)(e)(iv)-1") is untouched
    assert str(control) not in item.text(5) and item.text(1) != legal_text(GapStatus.UNADDRESSED)
    assert gaps.gaps == case.records.gaps()
    main.undo_stack.undo()
    settle(qtbot, shell.runner)
    assert str(control) in item.text(5) and gaps.gaps == case.records.gaps()
    # something else than a link (a charge deleted): the whole matrix again
    case.records.delete(sample.charges["transfer"], reason="withdrawn")
    gaps.refresh()
    settle(qtbot, shell.runner)
    assert gaps.gaps == case.records.gaps() and gaps.cell_item("CHG-5", "28(a)-3", "S-001") is None


def test_the_review_queue_filter_asks_the_store(
    qtbot: QtBot, shell: Shell, make_case: Callable[..., tuple[OpenCase, str]]
) -> None:
    case, _ = make_case()
    sample = build(case)
    sample.work.link_element(parse_ref("EX-6"), "8(2)(e)(iv)-5", reasoning="the ministry names the hospital")
    shell.open(case, case.folder)
    settle(qtbot, shell.runner)
    review = shell.main.legal.review
    every = [review.model.row_at(row) for row in range(review.model.rowCount())]
    assert len({link.element_id[:5] for link in every if link is not None}) > 1
    qtbot.keyClicks(review.filter, "28(a)")
    review.filter.returnPressed.emit()
    settle(qtbot, shell.runner)
    shown = [review.model.row_at(row) for row in range(review.model.rowCount())]
    assert shown and [link.ref for link in shown if link is not None] == [
        link.ref for link in case.records.review_queue("28(a)")
    ]
    assert all(link is not None and link.element_id.startswith("28(a)") for link in shown)
    review.filter.clear()  # cleared: the whole queue again
    settle(qtbot, shell.runner)
    assert review.model.rowCount() == len(every)
