"""The gap-matrix rule (``cell_status``) and excerpts, as pure functions."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import pytest

from caseapp.core.analysis import Basis, ElementLink, Excerpt, ReviewState, Weight, parse_excerpt
from caseapp.core.entities import LinkStance
from caseapp.core.legal.gaps import EvidenceFacts, GapStatus, cell_status

NOW = datetime(2026, 11, 27, tzinfo=UTC)


def link(
    exhibit: uuid.UUID, *, weight: Weight = Weight.LIKELY, stance: LinkStance = LinkStance.SUPPORTS
) -> ElementLink:
    return ElementLink(
        uuid.uuid4(), f"EL-{exhibit.int % 100}", exhibit, "EX-1", None, "7(1)(a)-1", "ed", stance, weight,
        Basis.OBSERVED, "r", "a", NOW, ReviewState.ACCEPTED,
    )  # fmt: skip


def facts(*grades: tuple[str, str | None]) -> tuple[list[uuid.UUID], dict[uuid.UUID, EvidenceFacts]]:
    ids = [uuid.uuid4() for _ in grades]
    pairs = enumerate(zip(ids, grades, strict=True))
    return ids, {i: EvidenceFacts(f"EX-{n}", source, grade) for n, (i, (source, grade)) in pairs}


@pytest.mark.parametrize(
    ("grades", "weights", "contradicted", "expected", "why"),
    [
        ((), (), False, GapStatus.UNADDRESSED, "no accepted evidence"),
        ((("s1", "B2"),), ("likely",), False, GapStatus.WEAK, "one independent source"),
        ((("s1", "B2"), ("s1", "A1")), ("likely", "certain"), False, GapStatus.WEAK, "one independent source"),
        ((("s1", "D2"), ("s2", "B4")), ("likely", "likely"), False, GapStatus.WEAK, "only grades D-F or 4-6"),
        ((("s1", None), ("s2", None)), ("likely", "likely"), False, GapStatus.WEAK, "only grades D-F or 4-6"),
        ((("s1", "A1"), ("s2", "B2")), ("maybe", "maybe"), False, GapStatus.WEAK, 'only "maybe"'),
        ((("s1", "C3"), ("s2", "F6")), ("maybe", "likely"), False, GapStatus.CORROBORATED, "2 independent sources"),
        ((("s1", "A1"), ("s2", "A1")), ("certain", "certain"), True, GapStatus.CONTESTED, "contradicted by"),
        ((), (), True, GapStatus.CONTESTED, "contradicted by"),
    ],
)
def test_cell_status(
    grades: tuple[tuple[str, str | None], ...],
    weights: tuple[str, ...],
    contradicted: bool,
    expected: GapStatus,
    why: str,
) -> None:
    ids, known = facts(*grades)
    supporting = [link(i, weight=Weight(w)) for i, w in zip(ids, weights, strict=True)]
    contra = [link(uuid.uuid4(), stance=LinkStance.CONTRADICTS)] if contradicted else []
    status, _, _, reason = cell_status(supporting, contra, known)
    assert status is expected
    assert why in reason


def test_best_grade_is_the_best_of_both_axes_in_order() -> None:
    ids, known = facts(("s1", "C1"), ("s2", "B3"), ("s3", "B2"))
    _, sources, best, _ = cell_status([link(i) for i in ids], [], known)
    assert (sources, best) == (3, "B2")


@pytest.mark.parametrize(
    ("typed", "excerpt", "described"),
    [
        ("page=3", Excerpt(page=3), "page 3"),
        ("page=2;region=10,20,200,100", Excerpt(page=2, region=(10, 20, 200, 100)), "page 2, region 10,20,200,100"),
        ("time=0:42-1:10", Excerpt(start_ms=42_000, end_ms=70_000), "0:42-1:10"),
        ("time=1:02:03.5-3725s", Excerpt(start_ms=3_723_500, end_ms=3_725_000), "1:02:03-1:02:05"),
        (
            "chars=120-380;quote=the words",
            Excerpt(char_start=120, char_end=380, quote="the words"),
            "characters 120-380",
        ),
    ],
)
def test_excerpts_as_typed(typed: str, excerpt: Excerpt, described: str) -> None:
    parsed = parse_excerpt(typed)
    assert parsed == excerpt
    assert parsed.describe() == described
    assert Excerpt.from_json(parsed.to_json()) == parsed
