"""The dossier inputs against what the custody chain recorded about them (``verify``).

Each ``dossier.*`` entry (and each undo of one) records the new value of every field it set, or
its keyed digest, and a section's text by keyed digest (None when cleared). Someone holding the key
who changes a stored input with SQL, without rewriting the chain, leaves a value that no longer
matches the newest one the chain holds: this finds it, as :mod:`chain_records` does for records.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from caseapp.core.custody import CustodyAction
from caseapp.core.entities import CustodyEntry
from caseapp.core.ports import ReadTx
from caseapp.core.services.chain_records import RecordMismatch
from caseapp.core.services.dossier import DOSSIER_TARGET, FIELDS, digested_text, stored_fields

_SECTION_ACTIONS = (CustodyAction.DOSSIER_SECTION_WRITE, CustodyAction.DOSSIER_SECTION_CLEAR)


def _expected(entries: Iterable[CustodyEntry]) -> dict[str, tuple[str, Any, int]]:
    """Field name (or ``section:KEY``) -> (form, value, seq): the newest value the chain holds."""
    expected: dict[str, tuple[str, Any, int]] = {}
    for entry in entries:
        action = str(entry.details.get("inverse", "")) if entry.action == CustodyAction.UNDO else entry.action
        changes = dict(entry.details.get("changes", {}))
        if action == CustodyAction.DOSSIER_EDIT:
            for name, change in changes.items():
                if "new_digest" in change:
                    expected[name] = ("digest", change["new_digest"], entry.seq)
                elif "new" in change:
                    expected[name] = ("plain", change["new"], entry.seq)
        elif action in _SECTION_ACTIONS and "text" in changes:
            new = changes["text"].get("new_digest")
            expected[f"section:{entry.details.get('section')}"] = ("digest", new, entry.seq)
    return expected


def dossier_mismatches(
    tx: ReadTx, entries: Iterable[CustodyEntry], digest: Callable[[str], str]
) -> list[RecordMismatch]:
    """Every dossier input whose stored value differs from the newest value the chain recorded."""
    current = stored_fields(tx)
    sections = tx.dossier_sections()
    problems: list[RecordMismatch] = []
    for name, (form, value, seq) in _expected(entries).items():
        if name.startswith("section:"):
            key = name.removeprefix("section:")
            section = sections.get(key)
            have: Any = section.text if section is not None else None
            what = f"the text of its {key} section"
        elif name in FIELDS:
            have, what = current[name], f"its {name.replace('_', ' ')}"
        else:
            continue  # a field of a newer caseapp
        text = digested_text(have)
        ok = (None if text is None else digest(text)) == value if form == "digest" else have == value
        if not ok:
            problems.append(
                RecordMismatch(
                    DOSSIER_TARGET,
                    seq,
                    f"the dossier: {what} differs from what custody entry {seq} recorded (changed outside caseapp)",
                )
            )
    return sorted(problems, key=lambda p: p.seq)
