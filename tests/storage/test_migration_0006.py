"""Migration 0006 (a person's identity apart, consent per scope, risk level) on the stored 0005 case."""

from __future__ import annotations

import shutil
from pathlib import Path

from caseapp.app.case_folder import open_case
from caseapp.app.verification import verify_case
from caseapp.core.entities import ConsentScope, ConsentState, PersonIdentity, RiskLevel
from caseapp.core.refs import parse_ref
from caseapp.storage.migrate import SCHEMA_HEAD

FIXTURE = Path(__file__).resolve().parents[1] / "data" / "cases" / "schema-0005.caseapp"


def test_a_0005_case_upgrades_and_takes_identity_consent_and_risk(tmp_path: Path) -> None:
    folder = tmp_path / FIXTURE.name
    shutil.copytree(FIXTURE, folder)
    with open_case(folder, passphrase="fixture passphrase") as case:
        assert (case.db.migration.from_revision, case.db.migration.to_revision) == ("0005", SCHEMA_HEAD)
        records = case.records
        witness = records.persons()[0]
        assert witness.risk is RiskLevel.UNKNOWN  # the new column's default for persons made before
        ref = parse_ref(witness.ref)
        revealed = records.reveal_person(ref).value
        assert (revealed.full_name, revealed.identity) == ("شاهد أول", PersonIdentity())
        assert records.consents(ref) == []
        records.set_identity(ref, aliases=["أبو علي"], born="1990-01-31", contact="عبر المحامي", reason="upgrade")
        records.record_consent(ref, scope="icc", state="given", on="2026-11-01")
        records.edit(ref, {"risk": "medium"}, reason="after the upgrade")
        assert records.reveal_person(ref).value.identity == PersonIdentity(("أبو علي",), "1990-01-31", "عبر المحامي")
        assert records.consent_now(ref)[ConsentScope.ICC].state is ConsentState.GIVEN
        assert records.persons()[0].risk is RiskLevel.MEDIUM
        verification = verify_case(case, full=True)
        assert verification.record_problems == () and verification.ok
    with open_case(folder, passphrase="fixture passphrase") as again:
        assert again.db.migration.backup is None  # upgraded once
        assert again.records.reveal_person(ref).value.identity == PersonIdentity(
            ("أبو علي",), "1990-01-31", "عبر المحامي"
        )
