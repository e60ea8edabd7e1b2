"""What a person wants to know about an open case at a glance (CLI `info`, the GUI's case view)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from caseapp.app.case_folder import OpenCase
from caseapp.core.custody import CustodyHead
from caseapp.core.entities import CaseInfo
from caseapp.secrets import keystore
from caseapp.storage.migrate import SCHEMA_HEAD


@dataclass(frozen=True, slots=True)
class CaseSummary:
    info: CaseInfo
    schema: str
    counts: dict[str, int]
    keyslots: tuple[dict[str, Any], ...]  # type, creation time, key derivation (salts left out)
    custody_head: CustodyHead | None
    keyring: keystore.KeyringStatus
    quarantined_files: int


def case_summary(case: OpenCase) -> CaseSummary:
    with case.db.read() as tx:
        info = tx.case_info()
        counts = tx.counts()
    slots = tuple(
        {"type": s.type, "created_at": s.created_at, "kdf": {k: v for k, v in s.kdf.items() if k != "salt"}}
        for s in case.keyslots.slots
    )
    return CaseSummary(
        info, SCHEMA_HEAD, counts, slots, case.db.custody_anchor(), keystore.status(), len(case.blobs.quarantined())
    )
