"""The gap matrix the window shows (the store aggregates the links: ``ReadTx.gap_facts``) is exactly
the matrix computed from every link (``gaps``): statuses, counts, grades, refs and why, over random
cases with shared contexts, sources and exhibits without one, rejections, deleted links and a
deleted exhibit whose links were kept; both ways the store checks that an exhibit is live."""

from __future__ import annotations

import random
from collections.abc import Callable

import pytest

from caseapp.app.case_folder import OpenCase
from caseapp.core.analysis import Weight
from caseapp.core.entities import ExhibitKind, InformationCredibility, LinkStance, PersonRole, SourceReliability
from caseapp.core.errors import ValidationError
from caseapp.core.legal import load_catalogue
from caseapp.core.legal.gaps import GapStatus, cell_groups
from caseapp.core.ports import RecordQuery
from caseapp.core.refs import Ref, parse_ref
from caseapp.core.services import RecordService
from caseapp.core.services.editing import Dependents
from caseapp.storage import analysis_rows

MODES = ("28(a)", "25(3)(a)-direct", "25(3)(d)")


def random_case(case: OpenCase, rng: random.Random) -> RecordService:
    work, review = RecordService(case.db, "investigator"), RecordService(case.db, "reviewer")
    catalogue = load_catalogue()
    sources: list[Ref | None] = [None]
    for n in range(3):
        added = work.add_source(
            name=f"Source {n}",
            reliability=rng.choice(list(SourceReliability)),
            credibility=rng.choice(list(InformationCredibility)),
        )
        sources.append(parse_ref(added.value.ref))
    exhibits = [
        parse_ref(
            work.add_exhibit(title=f"Exhibit {n}", kind=ExhibitKind.DOCUMENT, source=rng.choice(sources)).value.ref
        )
        for n in range(9)
    ]
    suspect = parse_ref(work.add_person(role=PersonRole.SUSPECT, full_name="Suspect").value.ref)
    contextual = [crime.id for crime in catalogue.crimes if crime.contextual_elements]
    for crime in rng.sample(contextual, 3):
        work.add_charge(crime, suspects=[(suspect, rng.choice(MODES))])
    with case.db.read() as tx:
        groups = cell_groups(catalogue, tx.charges(RecordQuery()))
    elements = sorted({element for group in groups for element in group})
    elements = [*rng.sample(elements, min(len(elements), 12)), "7(1)(b)-1"]  # and one no charge counts
    made = []
    for n in range(60):
        try:
            link = work.link_element(
                rng.choice(exhibits),
                rng.choice(elements),
                reasoning=f"reasoning {n}",
                stance=rng.choices(list(LinkStance), (6, 2, 1))[0],
                weight=rng.choice(list(Weight)),
            ).value
        except ValidationError:  # the same link twice
            continue
        made.append(parse_ref(link.ref))
        verdict = rng.random()
        if verdict < 0.5:
            review.review(made[-1], accept=True)
        elif verdict < 0.7:
            review.review(made[-1], accept=False)
    for gone in rng.sample(made, 4):
        work.delete(gone, reason="mistaken")
    work.delete(rng.choice(exhibits), reason="a copy", dependents=Dependents.KEEP)
    return work


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_the_aggregated_matrix_is_the_matrix_of_every_link(
    seed: int, make_case: Callable[..., tuple[OpenCase, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    case, _ = make_case()
    work = random_case(case, random.Random(seed))
    full = work.gaps()
    statuses = {cell.status for charge in full for cell in charge.cells}
    assert {GapStatus.UNADDRESSED, GapStatus.WEAK} < statuses  # the case is not trivial
    assert any(cell.supporting and cell.awaiting_review for charge in full for cell in charge.cells)
    for lookup in (10**6, 0):  # each link's exhibit looked up; the deleted exhibits listed once
        monkeypatch.setattr(analysis_rows, "_LOOKUP_CELLS", lookup)
        assert work.gaps_update().charges == full
