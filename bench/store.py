"""Encrypted store vs plain SQLite, same schema, same code, same run (issue 3's benchmark).

100 000 exhibits (UUID keys, refs EX-n) with tags, links and the full-text index, plus 20 000
custody rows. Times: open (engine + first query) and each listing the application runs (median
of 7 runs on a kept connection, plus the first, cold run; the runs alternate between the two
stores, so other work on the machine weighs on both alike). Also the passphrase unlock (Argon2id,
strong defaults) and a whole case open. Prints each encrypted / plain ratio against the targets.

``python -m bench store --index "CREATE INDEX ..."`` (repeatable) creates candidate indexes in both
databases after the fill, to measure what an index would change before it goes into the schema.
"""

from __future__ import annotations

import argparse
import random
import secrets
import statistics
import tempfile
import time
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, func, insert, select, text
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from caseapp.app.case_folder import create_case, open_case
from caseapp.core.entities import ExhibitKind
from caseapp.core.ports import CustodyQuery, ExhibitQuery, ExhibitSort, Page
from caseapp.core.searchtext import index_form
from caseapp.secrets.keyslots import STRONG_ARGON2, Keyslots
from caseapp.storage import record_index
from caseapp.storage.engine import make_engine
from caseapp.storage.migrate import migrate
from caseapp.storage.orm import (
    CustodyRow,
    ExhibitRow,
    IncidentRow,
    LinkRow,
    PersonRow,
    RefCounterRow,
    TaggingRow,
    TagRow,
)
from caseapp.storage.reads import SqlReadTx

EXHIBITS = 100_000
PERSONS = 300
INCIDENTS = 100
CUSTODY = 20_000
TAGS = [
    "hospital",
    "school",
    "market",
    "crater",
    "casualty",
    "barrel-bomb",
    "cluster",
    "chlorine",
    "siege",
    "checkpoint",
    "detention",
    "funeral",
    "bakery",
    "water",
    "ambulance",
    "mosque",
    "shelter",
    "convoy",
    "idp",
    "ruins",
]
# Who writes the custody log: one main investigator and three others (the query asks for "lea").
ACTORS = ["bench", "amira", "yusuf", "lea"]
ACTOR_WEIGHTS = [70, 10, 10, 10]
ACTIONS = ["exhibit.import", "tag.add", "exhibit.edit", "link.add", "note.add"]
WATCHED = "EX-4242"  # an exhibit with a long custody history (every 500th entry), for the target filter
TARGET_OPEN_S = 2.0
TARGET_QUERY_MS = 100.0
TARGET_RATIO = 1.1
WARM_RUNS = 7

FILTER = ExhibitQuery(kind=ExhibitKind.IMAGE, tag="hospital")
QUERIES: dict[str, Callable[[SqlReadTx], object]] = {
    "filtered list": lambda tx: tx.exhibits(
        ExhibitQuery(
            kind=ExhibitKind.IMAGE, tag="hospital", sort=ExhibitSort.ACQUIRED, descending=True, page=Page(0, 200)
        )
    ),
    "sort title @50k": lambda tx: tx.exhibits(ExhibitQuery(sort=ExhibitSort.TITLE, page=Page(50_000, 200))),
    "page by ref @90k": lambda tx: tx.exhibits(ExhibitQuery(sort=ExhibitSort.REF, page=Page(90_000, 200))),
    "count filtered": lambda tx: tx.count_exhibits(FILTER),
    "count all": lambda tx: tx.count_exhibits(ExhibitQuery()),
    "text search": lambda tx: tx.exhibits(ExhibitQuery(text="crater 00", page=Page(0, 200))),  # FTS5, prefix words
    "tag count": lambda tx: tx.tag_counts(),
    "custody by ref": lambda tx: list(tx.custody_entries(CustodyQuery(target_ref=WATCHED))),
    "custody by actor": lambda tx: list(
        tx.custody_entries(CustodyQuery(actor="lea", page=Page(0, 200), newest_first=True))
    ),
}


def _uuid(rng: random.Random) -> uuid.UUID:
    return uuid.UUID(int=rng.getrandbits(128), version=4)  # reproducible, so both stores hold the same rows


def _set_counters(connection: Any, counters: dict[str, int]) -> None:
    statement = sqlite_insert(RefCounterRow).values([{"prefix": p, "last": n} for p, n in counters.items()])
    connection.execute(
        statement.on_conflict_do_update(index_elements=["prefix"], set_={"last": statement.excluded.last})
    )


def populate(engine: Engine, rng: random.Random, count: int = EXHIBITS) -> None:
    """``count`` exhibits as the application keeps them (UUID keys, refs and numbers, tags, links, FTS
    rows), with the persons and incidents they refer to."""
    start = datetime(2011, 3, 15, tzinfo=UTC)
    kinds = [k.value for k in ExhibitKind]
    now = datetime.now(UTC)
    tag_ids = [_uuid(rng) for _ in TAGS]
    incident_ids = [_uuid(rng) for _ in range(INCIDENTS)]
    with engine.begin() as connection:
        connection.execute(insert(TagRow), [{"id": i, "name": t} for i, t in zip(tag_ids, TAGS, strict=True)])
        connection.execute(
            insert(PersonRow),
            [
                {
                    "id": _uuid(rng),
                    "ref": f"W-{i + 1:03d}",
                    "role": "witness",
                    "protection": "protected",
                    "full_name": f"Person {i}",
                    "description": "",
                    "created_at": now,
                }
                for i in range(PERSONS)
            ],
        )
        connection.execute(
            insert(IncidentRow),
            [
                {
                    "id": incident_id,
                    "ref": f"INC-{i + 1}",
                    "title": f"Incident {i}",
                    "description": "",
                    "time_precision": "day",
                    "place_name": "Aleppo",
                    "place_precision": "locality",
                    "created_at": now,
                }
                for i, incident_id in enumerate(incident_ids)
            ],
        )
        exhibits: list[dict[str, Any]] = []
        taggings: list[dict[str, Any]] = []
        links: list[dict[str, Any]] = []
        for number in range(1, count + 1):
            exhibit_id = _uuid(rng)
            exhibits.append(
                {
                    "id": exhibit_id,
                    "ref": f"EX-{number}",
                    "number": number,
                    "title": f"{rng.choice(TAGS)} {rng.randrange(10**6):06d} {secrets.token_hex(4)}",
                    "kind": rng.choice(kinds),
                    "description": "x" * rng.randrange(0, 200),
                    "sensitivity": "none",
                    "acquired_at": start + timedelta(minutes=rng.randrange(6 * 365 * 24 * 60)),
                    "created_at": now,
                    "sha256": secrets.token_hex(32),
                    "size": rng.randrange(10**9),
                    "original_name": f"IMG_{number:06d}.jpg",
                }
            )
            for tag in rng.sample(range(len(TAGS)), rng.randrange(0, 4)):
                taggings.append(
                    {
                        "id": _uuid(rng),
                        "tag_id": tag_ids[tag],
                        "exhibit_id": exhibit_id,
                        "created_at": now,
                        "created_by": "bench",
                    }
                )
            if number % 2 == 0:
                links.append(
                    {
                        "id": _uuid(rng),
                        "ref": f"LNK-{len(links) + 1}",
                        "exhibit_id": exhibit_id,
                        "incident_id": rng.choice(incident_ids),
                        "stance": "supports",
                        "reasoning": "shows the site",
                        "author": "bench",
                        "created_at": now,
                    }
                )
        connection.execute(insert(ExhibitRow), exhibits)
        connection.execute(
            text("INSERT INTO exhibit_text (rowid, exhibit_id, title, body) VALUES (:n, :id, :title, :body)"),
            [
                {
                    "n": e["number"],
                    "id": e["id"].hex,
                    "title": index_form(e["title"]),
                    "body": index_form(e["description"]),
                }
                for e in exhibits
            ],
        )
        connection.execute(insert(TaggingRow), taggings)
        connection.execute(insert(LinkRow), links)
        _set_counters(connection, {"W": PERSONS, "INC": INCIDENTS, "EX": count, "LNK": len(links)})
        record_index.rebuild(connection)  # persons, incidents and links, as the writes would index them


def populate_custody(engine: Engine, rng: random.Random) -> None:
    """Custody-like rows by raw insert (the chain does not verify: only the listings are measured)."""
    with engine.begin() as connection:
        first = (connection.scalar(select(func.max(CustodyRow.seq))) or 0) + 1
        numbers = {n: i for n, i in connection.execute(select(ExhibitRow.number, ExhibitRow.id)).tuples()}
        at = datetime(2024, 1, 1, tzinfo=UTC)
        rows, previous = [], "0" * 64
        for seq in range(first, first + CUSTODY):
            number = 4242 if seq % 500 == 0 else rng.randrange(1, EXHIBITS + 1)
            at += timedelta(seconds=rng.randrange(1, 600))
            digest = secrets.token_hex(32)
            rows.append(
                {
                    "seq": seq,
                    "at": at.strftime("%Y-%m-%dT%H:%M:%S.%fZ"),
                    "actor": rng.choices(ACTORS, ACTOR_WEIGHTS)[0],
                    "action": rng.choice(ACTIONS),
                    "target": f"EX-{number}",
                    "details": "{}",
                    "prev_hash": previous,
                    "hash": digest,
                    "version": 2,
                    "device": "00000000-0000-4000-8000-00000000bench",
                    "target_id": str(numbers[number]),
                }
            )
            previous = digest
        connection.execute(insert(CustodyRow), rows)


def timed(action: Callable[[], object]) -> float:
    began = time.perf_counter()
    action()
    return time.perf_counter() - began


@dataclass
class Store:
    label: str
    path: Path
    key: bytes | None


def run_once(engine: Engine, query: Callable[[SqlReadTx], object]) -> float:
    with Session(engine) as session:
        began = time.perf_counter()
        query(SqlReadTx(session))
        return time.perf_counter() - began


def measure(stores: Sequence[Store]) -> dict[str, dict[str, float]]:
    """Each query's runs alternate between the stores, so a busy machine slows both alike."""
    results: dict[str, dict[str, float]] = {store.label: {} for store in stores}
    engines = {store.label: make_engine(store.path, store.key) for store in stores}
    for label, engine in engines.items():
        began = time.perf_counter()
        engine.connect().close()
        results[label]["open_s"] = time.perf_counter() - began
    for name, query in QUERIES.items():
        runs: dict[str, list[float]] = {label: [] for label in engines}
        for _ in range(WARM_RUNS + 1):
            for label, engine in engines.items():
                runs[label].append(run_once(engine, query))
        for label, times in runs.items():
            results[label][f"{name} cold_ms"] = times[0] * 1000
            results[label][f"{name} ms"] = statistics.median(times[1:]) * 1000
    for engine in engines.values():
        engine.dispose()
    return results


def fill(store: Store, backups: Path, indexes: Sequence[str]) -> dict[str, float]:
    engine = make_engine(store.path, store.key)
    if store.key is None:
        migrate(engine, store.path, backups, new_case=True)
    figures = {"fill_s": timed(lambda: populate(engine, random.Random(7)))}
    figures["size_mib"] = store.path.stat().st_size / 2**20
    figures["custody fill_s"] = timed(lambda: populate_custody(engine, random.Random(11)))
    for number, statement in enumerate(indexes, 1):
        began = time.perf_counter()
        with engine.begin() as connection:
            connection.execute(text(statement))
        figures[f"index {number} s"] = time.perf_counter() - began
    engine.dispose()
    figures["size+custody_mib"] = store.path.stat().st_size / 2**20
    return figures


def report(rows: dict[str, dict[str, float]], unlock_s: float, case_open_s: float, indexes: Sequence[str]) -> None:
    print(
        f"caseapp store benchmark: {EXHIBITS} exhibits, {len(TAGS)} tags, links on half, {CUSTODY} custody rows; "
        f"median of {WARM_RUNS} warm runs"
    )
    for statement in indexes:
        print(f"extra index: {statement}")
    print(f"passphrase unlock (Argon2id m=64 MiB, t=3, p=4): {unlock_s:.2f} s")
    ok = case_open_s <= TARGET_OPEN_S
    failures = 0 if ok else 1
    print(
        f"whole case open (unlock, key check, schema check, orphan sweep): {case_open_s:.2f} s "
        f"(target <= {TARGET_OPEN_S} s: {'ok' if ok else 'MISSED'})"
    )
    print(f"{'measure':<28}{'encrypted':>12}{'plain':>12}{'ratio':>8}  target")
    missed = []
    for name in rows["encrypted"]:
        enc, plain = rows["encrypted"][name], rows["plain"][name]
        ratio = enc / plain if plain else float("nan")
        target = ""
        if name == "open_s":
            ok = enc + unlock_s <= TARGET_OPEN_S
            target = f"open+unlock {enc + unlock_s:.2f} s <= {TARGET_OPEN_S} s: {'ok' if ok else 'MISSED'}"
        elif name.endswith(" ms") and not name.endswith("cold_ms"):
            ok = enc <= TARGET_QUERY_MS and ratio <= TARGET_RATIO
            target = f"<= {TARGET_QUERY_MS:.0f} ms, ratio <= {TARGET_RATIO}: {'ok' if ok else 'MISSED'}"
        else:
            ok = True
        if not ok:
            missed.append(name)
        print(f"{name:<28}{enc:>12.3f}{plain:>12.3f}{ratio:>8.2f}  {target}")
    failures += len(missed)
    print("all targets met" if not failures else f"{failures} target(s) missed: {', '.join(missed) or 'case open'}")


def main(argv: Sequence[str] = ()) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench store", description=__doc__)
    parser.add_argument(
        "--index", action="append", default=[], help="an SQL statement run in both stores after the fill"
    )
    indexes: list[str] = parser.parse_args(list(argv)).index
    with tempfile.TemporaryDirectory(prefix="caseapp-bench-") as folder:
        base = Path(folder)
        slots = Keyslots(case_id="00000000-0000-4000-8000-000000000000")
        slots.set_passphrase(secrets.token_bytes(32), "benchmark passphrase", STRONG_ARGON2)
        unlock_s = timed(lambda: slots.unlock_with_passphrase("benchmark passphrase"))
        # The encrypted store is a real case folder (strong key derivation), filled through its key.
        case, _ = create_case(base / "Bench.caseapp", "benchmark passphrase", actor="bench")
        case_key = case.data_key()
        case.close()
        stores = (
            Store("encrypted", base / "Bench.caseapp" / "case.db", case_key),
            Store("plain", base / "plain.db", None),
        )
        rows = {store.label: fill(store, base / "backups", indexes) for store in stores}
        for label, figures in measure(stores).items():
            rows[label].update(figures)
        case_open_s = timed(lambda: open_case(base / "Bench.caseapp", passphrase="benchmark passphrase").close())
        report(rows, unlock_s, case_open_s, indexes)
