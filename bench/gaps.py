"""The gap matrix as a pure function at the issue's scale: 100 000 exhibits, 50 charges (three
suspects each), 300 000 element links. Target: the whole matrix in 200 ms or less. Not a test."""

from __future__ import annotations

import random
import statistics
import time
import uuid
from collections.abc import Sequence
from datetime import UTC, datetime

from caseapp.core.analysis import Basis, Charge, ChargeStatus, ChargeSuspect, ElementLink, ReviewState, Weight
from caseapp.core.entities import LinkStance
from caseapp.core.legal import load_catalogue
from caseapp.core.legal.gaps import EvidenceFacts, element_ids, gap_matrix


def main(_argv: Sequence[str] = ()) -> None:
    rng = random.Random(14)
    catalogue = load_catalogue()
    ids = list(element_ids(catalogue))
    now = datetime.now(UTC)
    exhibits = [uuid.uuid4() for _ in range(100_000)]
    grades = ["A1", "B2", "C3", "D4", "F6"]
    facts = {e: EvidenceFacts(f"EX-{i}", f"s{i % 3000}", rng.choice(grades)) for i, e in enumerate(exhibits)}
    crimes = [c.id for c in catalogue.crimes if c.elements]
    modes = ["28(a)", "25(3)(a)-joint", "25(3)(d)"]
    charges = [
        Charge(
            uuid.uuid4(), f"CHG-{i}", rng.choice(crimes), "edition",
            tuple(ChargeSuspect(uuid.uuid4(), f"S-{j:03d}", rng.choice(modes)) for j in range(3)),
            (), ChargeStatus.DRAFT, "", "bench", now,
        )
        for i in range(50)
    ]  # fmt: skip
    links = [
        ElementLink(
            uuid.uuid4(), f"EL-{i}", rng.choice(exhibits), "EX", None, rng.choice(ids), "edition",
            rng.choice(list(LinkStance)), rng.choice(list(Weight)), Basis.OBSERVED, "r", "bench", now,
            rng.choice(list(ReviewState)),
        )
        for i in range(300_000)
    ]  # fmt: skip
    times = []
    for _ in range(5):
        start = time.perf_counter()
        matrix = gap_matrix(catalogue, charges, links, facts)
        times.append((time.perf_counter() - start) * 1000)
    cells = sum(len(c.cells) for c in matrix)
    print(
        f"gap matrix: 50 charges, {cells} cells, 300 000 links: median {statistics.median(times):.0f} ms (target 200)"
    )
