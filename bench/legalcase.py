"""A big case for the legal views: 100 000 exhibits (``bench.bigcase``) graded through 3 000
sources, 50 charges of three suspects each and 300 000 element links, all by raw inserts.

The links name element ids of the whole catalogue (about 570 per id), a third of them proposed, a
third accepted and a third rejected, authored by ``field-team`` so that the benchmark's user may
review them. The custody log holds only the case's genesis (the raw rows are not in it).
"""

from __future__ import annotations

import random
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, bindparam, insert, select, update

from bench.store import _set_counters, _uuid, populate
from caseapp.app.case_folder import create_case
from caseapp.core.analysis import Basis, ReviewState, Weight
from caseapp.core.entities import LinkStance
from caseapp.core.legal import load_catalogue
from caseapp.core.legal.gaps import element_ids
from caseapp.secrets.keyslots import Argon2Params
from caseapp.storage.engine import make_engine
from caseapp.storage.orm import ChargeRow, ChargeSuspectRow, ElementLinkRow, ExhibitRow, PersonRow, SourceRow

SEED = 17
SOURCES = 3_000
CHARGES = 50
SUSPECTS = 3
LINKS = 300_000
AUTHOR = "field-team"
MODES = ("28(a)", "25(3)(a)-joint", "25(3)(d)")


def build_legal_case(folder: Path, passphrase: str, exhibits: int, *, kdf: Argon2Params) -> Path:
    """Create ``folder`` with ``exhibits`` exhibits (as ``bench.bigcase``), then the sources, charges and links."""
    case, _code = create_case(folder, passphrase, kdf=kdf, actor="bench")
    key = case.data_key()
    case.close()
    engine = make_engine(folder / "case.db", key)
    try:
        populate(engine, random.Random(SEED), exhibits)
        populate_legal(engine, random.Random(SEED))
    finally:
        engine.dispose()
    return folder


def populate_legal(engine: Engine, rng: random.Random) -> None:
    catalogue = load_catalogue()
    ids = sorted(element_ids(catalogue))
    crimes = [c.id for c in catalogue.crimes if c.elements]
    now = datetime.now(UTC)
    with engine.begin() as connection:
        sources = [
            {
                "id": _uuid(rng),
                "ref": f"SRC-{i + 1}",
                "name": f"Source {i + 1}",
                "reliability": rng.choice("ABCDEF"),
                "credibility": rng.choice("123456"),
                "created_at": now,
            }
            for i in range(SOURCES)
        ]
        connection.execute(insert(SourceRow), sources)
        exhibit_ids = list(connection.scalars(select(ExhibitRow.id).order_by(ExhibitRow.number)))
        connection.execute(
            update(ExhibitRow).where(ExhibitRow.id == bindparam("exhibit")).values(source_id=bindparam("source")),
            [
                {"exhibit": e, "source": sources[i % SOURCES]["id"]}
                for i, e in enumerate(exhibit_ids)
                if i % 10  # every tenth exhibit has no source: it counts as its own
            ],
        )
        persons = list(connection.scalars(select(PersonRow.id).order_by(PersonRow.ref)))
        charges: list[dict[str, Any]] = []
        suspects: list[dict[str, Any]] = []
        for i in range(CHARGES):
            charge_id = _uuid(rng)
            charges.append(
                {
                    "id": charge_id,
                    "ref": f"CHG-{i + 1}",
                    "crime_id": rng.choice(crimes),
                    "catalogue_edition": catalogue.edition,
                    "status": "draft",
                    "analysis": "",
                    "author": AUTHOR,
                    "created_at": now + timedelta(seconds=i),
                }
            )
            for person in rng.sample(persons, SUSPECTS):
                suspects.append(
                    {"id": _uuid(rng), "charge_id": charge_id, "person_id": person, "mode_id": rng.choice(MODES)}
                )
        connection.execute(insert(ChargeRow), charges)
        connection.execute(insert(ChargeSuspectRow), suspects)
        stances, weights, states = list(LinkStance), list(Weight), list(ReviewState)
        links = [
            {
                "id": uuid.UUID(int=rng.getrandbits(128), version=4),
                "ref": f"EL-{i + 1}",
                "exhibit_id": rng.choice(exhibit_ids),
                "excerpt_json": None,
                "element_id": rng.choice(ids),
                "catalogue_edition": catalogue.edition,
                "stance": rng.choices(stances, (8, 1, 1))[0].value,
                "weight": rng.choice(weights).value,
                "basis": Basis.OBSERVED.value,
                "reasoning": f"the exhibit shows it ({i})",
                "author": AUTHOR,
                "created_at": now + timedelta(milliseconds=i),
                "review": rng.choice(states).value,
                "reviewed_by": None,
                "reviewed_at": None,
            }
            for i in range(LINKS)
        ]
        for start in range(0, LINKS, 50_000):
            connection.execute(insert(ElementLinkRow), links[start : start + 50_000])
        _set_counters(connection, {"SRC": SOURCES, "CHG": CHARGES, "EL": LINKS})
