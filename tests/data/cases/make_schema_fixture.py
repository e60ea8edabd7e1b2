"""Makes the stored case of one schema version, for the upgrade test. Run once per release:

    .venv/bin/python tests/data/cases/make_schema_fixture.py

It writes ``schema-<revision>.caseapp`` beside this file with passphrase ``fixture passphrase``
(cheap key derivation). Keep old fixtures: each one is a case a user may still have on disk.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from caseapp.app.case_folder import create_case
from caseapp.core.entities import ExhibitKind, InformationCredibility, PersonRole, SourceReliability
from caseapp.core.refs import CASE_REF
from caseapp.secrets.keyslots import Argon2Params
from caseapp.storage.migrate import SCHEMA_HEAD

HERE = Path(__file__).resolve().parent


def main() -> None:
    target = HERE / f"schema-{SCHEMA_HEAD}.caseapp"
    case, _ = create_case(
        target,
        "fixture passphrase",
        title="Schema fixture",
        kdf=Argon2Params(memory_kib=8192, iterations=1, parallelism=1),
        actor="fixture",
        time_zone="Asia/Damascus",
    )
    with case:
        records = case.records
        records.add_person(role=PersonRole.WITNESS, full_name="شاهد أول")
        incident = records.add_incident(
            title="Frappe sur le marché", when="2016-12-13", place_name="Alep", latitude=36.2021, longitude=37.1343
        ).value
        source = records.add_source(
            name="Field team", reliability=SourceReliability.B, credibility=InformationCredibility("2")
        ).value
        exhibit = records.add_exhibit(title="Photo", kind=ExhibitKind.IMAGE, source=source.id).value
        records.tag(exhibit.id, ["market"])
        records.link(exhibit.id, incident.id, reasoning="shows the market after the strike")
        records.add_note(CASE_REF, "fixture note")
        records.add_note(CASE_REF, "شاهد أول saw the second strike")
        records.add_charge("8(2)(e)(i)", incidents=[incident.id], analysis="a deliberate attack on the market")
        records.link_element(exhibit.id, "8(2)(e)(i)-1", reasoning="the photo shows the crater beside the stalls")
        with tempfile.TemporaryDirectory() as scratch:
            statement = Path(scratch) / "شهادة.txt"
            statement.write_text("fixture statement: the market was struck at dawn\n", encoding="utf-8")
            case.imports.import_paths([statement], note="fixture")
    for lock in (target / "case.lock", target / "blobs" / ".intake.lock"):
        lock.unlink(missing_ok=True)


if __name__ == "__main__":
    main()
