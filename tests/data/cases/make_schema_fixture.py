"""Makes the stored case of one schema version, for the upgrade test. Run once per release:

    .venv/bin/python tests/data/cases/make_schema_fixture.py

It writes ``schema-<revision>.caseapp`` beside this file with passphrase ``fixture passphrase``
(cheap key derivation). Keep old fixtures: each one is a case a user may still have on disk.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from caseapp.app.case_folder import create_case
from caseapp.app.importing import import_paths
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
    )
    with case:
        records = case.records
        records.add_person(role="witness", full_name="شاهد أول")
        incident, _ = records.add_incident(
            title="Frappe sur le marché", when="2016-12-13", place_name="Alep", latitude=36.2021, longitude=37.1343
        )
        source, _ = records.add_source(name="Field team", reliability="B", credibility="2")
        exhibit, _ = records.add_exhibit(title="Photo", kind="image", source=source.ref)
        records.tag(exhibit.ref, ["market"])
        records.link(exhibit.ref, incident.ref, reasoning="shows the market after the strike")
        records.add_note("CASE", "fixture note")
        with tempfile.TemporaryDirectory() as scratch:
            statement = Path(scratch) / "شهادة.txt"
            statement.write_text("fixture statement: the market was struck at dawn\n", encoding="utf-8")
            import_paths(case, [statement], note="fixture")
    for lock in (target / "case.lock", target / "blobs" / ".intake.lock"):
        lock.unlink(missing_ok=True)


if __name__ == "__main__":
    main()
