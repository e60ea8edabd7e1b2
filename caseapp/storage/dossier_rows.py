"""Reads and writes of the author's dossier inputs (part of core.ports.ReadTx / WriteTx).

Settings are JSON values by name; what each name holds is the dossier service's to decide. A
section cleared keeps its row with a tombstone; writing it again takes the tombstone away.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from caseapp.core.dossier.inputs import SectionText
from caseapp.storage.orm import DossierSectionRow, DossierSettingRow


class DossierReads:
    session: Session

    def dossier_settings(self) -> dict[str, Any]:
        rows = self.session.scalars(select(DossierSettingRow).order_by(DossierSettingRow.name))
        return {row.name: json.loads(row.value_json) for row in rows}

    def dossier_sections(self) -> dict[str, SectionText]:
        rows = self.session.scalars(
            select(DossierSectionRow).where(DossierSectionRow.deleted_at.is_(None)).order_by(DossierSectionRow.section)
        )
        return {row.section: SectionText(row.text, row.author, row.updated_at) for row in rows}


class DossierWrites:
    session: Session

    def set_dossier_setting(self, name: str, value: Any, *, at: datetime, by: str) -> None:
        text = json.dumps(value, ensure_ascii=False, sort_keys=True)
        row = self.session.scalars(select(DossierSettingRow).where(DossierSettingRow.name == name)).first()
        if row is None:
            self.session.add(DossierSettingRow(name=name, value_json=text, updated_at=at, updated_by=by))
        else:
            row.value_json, row.updated_at, row.updated_by = text, at, by
        self.session.flush()

    def set_dossier_section(
        self, section: str, text: SectionText | None, *, at: datetime, by: str, reason: str
    ) -> None:
        row = self.session.scalars(select(DossierSectionRow).where(DossierSectionRow.section == section)).first()
        if text is None:
            if row is not None and row.deleted_at is None:
                row.deleted_at, row.deleted_by, row.deleted_reason = at, by, reason
        elif row is None:
            self.session.add(
                DossierSectionRow(section=section, text=text.text, author=text.author, updated_at=text.updated_at)
            )
        else:
            row.text, row.author, row.updated_at = text.text, text.author, text.updated_at
            row.deleted_at = row.deleted_by = row.deleted_reason = None
        self.session.flush()
