"""The gap matrix updated cell by cell (what the GUI does when a link changes) is the matrix
computed whole, after every kind of link change and its undo; and the review queue is filtered
and paged by the store."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from caseapp.app.case_folder import OpenCase
from caseapp.core.analysis import ReviewState
from caseapp.core.legal import load_catalogue
from caseapp.core.legal.gaps import ChargeGaps, gap_matrix, merge_gaps
from caseapp.core.operations import OpResult
from caseapp.core.ports import Page, RecordQuery
from caseapp.core.refs import parse_ref
from caseapp.core.services import RecordService
from tests.records.aleppo import Aleppo, build


@pytest.fixture
def aleppo(make_case: Callable[..., tuple[OpenCase, str]]) -> tuple[OpenCase, Aleppo]:
    case, _ = make_case()
    return case, build(case)


def cells(gaps: tuple[ChargeGaps, ...]) -> int:
    return sum(len(charge.cells) for charge in gaps)


def test_updating_only_the_touched_cells_gives_the_whole_matrix(aleppo: tuple[OpenCase, Aleppo]) -> None:
    _, sample = aleppo
    work, review = sample.work, sample.review
    first = work.gaps_update()
    assert first.whole and first.charges == work.gaps()
    shown, seq = first.charges, first.seq
    control, accepted = sample.links["control-coi"], sample.links["attack-msf"]
    undos: list[tuple[RecordService, Any]] = []

    def step(service: RecordService, operation: Callable[[], OpResult[Any]]) -> None:
        result = operation()
        if result.undo is not None:
            undos.append((service, result.undo))

    operations: list[tuple[RecordService, Callable[[], OpResult[Any]]]] = [
        (review, lambda: review.review(control, accept=True)),  # accept
        (review, lambda: review.review(control, accept=False)),  # reject
        (work, lambda: work.edit(accepted, {"weight": "maybe"}, reason="less sure")),  # back to proposed
        (work, lambda: work.edit(accepted, {"element_id": "8(2)(e)(iv)-5"}, reason="other element")),  # moves
        (work, lambda: work.link_element(parse_ref("EX-6"), "28(a)-5", reasoning="knew")),  # a new link
        (work, lambda: work.delete(sample.links["hospital-denied"], reason="mistaken")),  # delete
    ]
    for service, operation in operations:
        step(service, operation)
        update = work.gaps_update(seq)
        assert not update.whole and update.seq > seq
        assert 0 < cells(update.charges) < cells(shown)  # only the cells of the touched elements
        shown, seq = merge_gaps(shown, update.charges), update.seq
        assert shown == work.gaps()
    while undos:  # undo every one of them, newest first
        service, undo = undos.pop()
        service.undo(undo)
        update = work.gaps_update(seq)
        assert not update.whole
        shown, seq = merge_gaps(shown, update.charges), update.seq
        assert shown == work.gaps()
    assert shown == first.charges


def test_a_change_other_than_a_link_computes_the_whole_matrix(aleppo: tuple[OpenCase, Aleppo]) -> None:
    _, sample = aleppo
    work = sample.work
    seq = work.gaps_update().seq
    assert work.gaps_update(seq).charges == ()  # nothing changed: nothing to compute
    work.delete(sample.charges["transfer"], reason="withdrawn")
    update = work.gaps_update(seq)
    assert update.whole and update.charges == work.gaps()
    assert "CHG-5" not in [charge.charge_ref for charge in update.charges]


def test_the_matrix_of_some_cells_is_the_whole_matrix_restricted(aleppo: tuple[OpenCase, Aleppo]) -> None:
    case, sample = aleppo
    catalogue = load_catalogue()
    with case.db.read() as tx:
        charges = sample.work._with_warnings(tx, tx.charges(RecordQuery()))
        links = tx.element_links(RecordQuery())
        facts = tx.evidence_facts(link.exhibit_id for link in links)
    whole = gap_matrix(catalogue, charges, links, facts)
    only = {"C-NIAC", "8(2)(e)(iv)-1"}
    some = gap_matrix(catalogue, charges, links, facts, only=only)
    assert {cell.element_id for charge in some for cell in charge.cells} >= {"8(2)(e)(iv)-1"}
    for charge in some:
        full = next(c for c in whole if c.charge_ref == charge.charge_ref)
        assert set(charge.cells) < set(full.cells)
    assert merge_gaps(whole, some) == whole


def test_the_review_queue_is_filtered_and_paged_in_the_store(aleppo: tuple[OpenCase, Aleppo]) -> None:
    case, sample = aleppo
    work = sample.work
    every = work.element_links()
    waiting = [link for link in every if link.review is ReviewState.PROPOSED and link.deleted is None]
    assert 0 < len(waiting) < len(every)
    assert [link.ref for link in work.review_queue()] == [link.ref for link in waiting]
    # the first page of one proposal is the oldest proposal, however many older links are reviewed
    assert [link.ref for link in work.review_queue(page=Page(0, 1))] == [waiting[0].ref]
    assert every[0].review is not ReviewState.PROPOSED  # so a page taken before filtering would differ
    by_mode = work.review_queue("28(a)")
    assert by_mode and all(link.element_id.startswith("28(a)") for link in by_mode)
    assert [link.ref for link in by_mode] == [link.ref for link in waiting if link.element_id.startswith("28(a)")]
    assert work.review_queue("8(2)(e)(iv)-1") == []  # its links are all reviewed
    with case.db.read() as tx:  # the store itself filters, pages and orders
        found = tx.element_links(RecordQuery(page=Page(1, 2)), review=ReviewState.PROPOSED)
    assert [link.ref for link in found] == [link.ref for link in waiting[1:3]]
