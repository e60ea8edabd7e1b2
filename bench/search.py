"""One search over 100 000 exhibits (with tags, links and the full-text index, as ``bench.store``
fills them) plus the case's persons and incidents: the first page of 50 hits, median of 7 warm
runs and the first one; all but the last ask for exhibits only. The last asks for every kind: the
other kinds are narrowed by their own full-text index (``record_text``) and only the records it
finds are read and matched in Python, among the 50 000 links, 300 persons and 100 incidents.
Target: a page in 300 ms or less. Not a test."""

from __future__ import annotations

import statistics
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from bench.bigcase import build_case
from caseapp.app.case_folder import open_case
from caseapp.core.entities import ExhibitKind
from caseapp.core.search import SearchKind, SearchQuery
from caseapp.core.services.search import SearchService
from caseapp.secrets.keyslots import Argon2Params

EXHIBITS = 100_000
RUNS = 7
TARGET_MS = 300.0
PASSPHRASE = "bench search passphrase"
EXHIBITS_ONLY = frozenset({SearchKind.EXHIBIT})
QUERIES = {
    "common word (hospital)": SearchQuery(text="hospital", kinds=EXHIBITS_ONLY),
    "prefix (chlor)": SearchQuery(text="chlor", kinds=EXHIBITS_ONLY),
    "two words, rare": SearchQuery(text="siege 000042", kinds=EXHIBITS_ONLY),
    "word + kind + tag": SearchQuery(text="crater", exhibit_kind=ExhibitKind.IMAGE, tag="hospital"),
    "no match": SearchQuery(text="zzzzqqq", kinds=EXHIBITS_ONLY),
    "every kind (hospital)": SearchQuery(text="hospital"),  # also reads every link, person, incident
}


def main(_argv: Sequence[str] = ()) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = build_case(Path(tmp) / "big.caseapp", PASSPHRASE, EXHIBITS, kdf=Argon2Params(8192, 1, 1))
        case = open_case(folder, passphrase=PASSPHRASE)
        service = SearchService(case.db, "bench")
        print(f"search over {EXHIBITS} exhibits: first page of 50 (ms; target {TARGET_MS:.0f})")
        for name, query in QUERIES.items():
            times = []
            for _ in range(RUNS + 1):
                start = time.perf_counter()
                results = service.search(query)
                times.append((time.perf_counter() - start) * 1000)
            median = statistics.median(times[1:])
            verdict = "ok" if median <= TARGET_MS else "SLOW"
            print(f"  {name:<26} first {times[0]:7.1f}  median {median:7.1f}  {results.total:6d} found  {verdict}")
        case.close()
