"""The Article 15 communication at the issue's scale: a real encrypted case with 500 exhibits (from
25 sources), 40 incidents, 20 charges and 1 000 reviewed element links; the full and the public
version as PDF and DOCX together. Target: 15 s or less. Not a test.

    python -m bench dossier
"""

from __future__ import annotations

import random
import tempfile
import time
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from caseapp.app.case_folder import create_case
from caseapp.app.dossier_export import export_dossier
from caseapp.core.dossier.inputs import DossierInputs
from caseapp.core.entities import ExhibitKind, InformationCredibility, PersonRole, SourceReliability
from caseapp.core.legal import load_catalogue
from caseapp.core.refs import parse_ref
from caseapp.core.services import RecordService
from caseapp.core.services.dossier_export import DossierRequest
from caseapp.secrets.keyslots import Argon2Params

TARGET_SECONDS = 15.0
CRIMES = ["8(2)(e)(i)", "8(2)(e)(iv)", "8(2)(c)(i)-1", "7(1)(a)", "7(1)(d)"]


def _fill(work: RecordService, review: RecordService, rng: random.Random) -> None:
    catalogue = load_catalogue()
    sources = [
        parse_ref(
            work.add_source(
                name=f"Source {i}",
                reliability=rng.choice(list(SourceReliability)),
                credibility=rng.choice(list(InformationCredibility)),
            ).value.ref
        )
        for i in range(25)
    ]
    suspects = [
        parse_ref(work.add_person(role=PersonRole.SUSPECT, full_name=f"Suspect {i}").value.ref) for i in range(5)
    ]
    work.add_person(role=PersonRole.WITNESS, full_name="شاهد محمي")
    incidents = [
        parse_ref(work.add_incident(title=f"Strike {i} on حلب", when=f"2016-{1 + i % 12:02d}-01").value.ref)
        for i in range(40)
    ]
    exhibits = [
        parse_ref(
            work.add_exhibit(
                title=f"Exhibit {i}: report on the strike", kind=ExhibitKind.DOCUMENT, source=rng.choice(sources)
            ).value.ref
        )
        for i in range(500)
    ]
    linked: set[tuple[object, str]] = set()
    for i in range(20):
        crime = CRIMES[i % len(CRIMES)]
        charged = work.add_charge(
            crime,
            suspects=[(rng.choice(suspects), "25(3)(a)-direct")],
            incidents=rng.sample(incidents, 3),
            analysis=f"Analysis of charge {i}.",
        ).value
        elements = [e.id for e in catalogue.crime(crime).elements]  # type: ignore[union-attr]
        pairs = [p for p in rng.sample([(x, e) for x in exhibits for e in elements], 60) if p not in linked][:50]
        for exhibit, element in pairs:
            linked.add((exhibit, element))  # one link per exhibit and element (charges of one crime share them)
            link = work.link_element(exhibit, element, reasoning="the report describes the attack").value
            review.review(parse_ref(link.ref), accept=True)
        del charged


def main(_argv: Sequence[str] = ()) -> None:
    rng = random.Random(15)
    with tempfile.TemporaryDirectory() as work_dir:
        folder = Path(work_dir)
        kdf = Argon2Params(memory_kib=8192, iterations=1, parallelism=1)
        case, _ = create_case(folder / "bench.caseapp", "bench passphrase 15", kdf=kdf, actor="bench", time_zone="UTC")
        try:
            started = time.perf_counter()
            _fill(RecordService(case.db, "investigator"), RecordService(case.db, "reviewer"), rng)
            filled = time.perf_counter() - started
            inputs = DossierInputs(situation="Situation in the Syrian Arab Republic", territory="SY")
            request = DossierRequest(today=date(2026, 11, 27))
            started = time.perf_counter()
            result = export_dossier(case, request, folder / "out", inputs=inputs).value
            seconds = time.perf_counter() - started
        finally:
            case.close()
        sizes = ", ".join(f"{f.name} {f.size / 1024:.0f} KiB" for f in result.files)
    verdict = "ok" if seconds <= TARGET_SECONDS else "MISSED"
    print(f"dossier: case filled in {filled:.1f} s (500 exhibits, 20 charges, 1 000 accepted element links)")
    print(f"dossier: full + public, PDF + DOCX in {seconds:.2f} s (target <= {TARGET_SECONDS:.0f} s: {verdict})")
    print(f"dossier: {sizes}")
