"""Reads and writes of a person's identity and consent statements (part of core.ports.ReadTx / WriteTx).

The identity (aliases, date of birth, contact) has its own table, read only by ``person_identity``:
no listing or search joins it. Consent statements are never changed; undoing one sets its tombstone.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import replace
from datetime import date, datetime

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from caseapp.core.entities import (
    Consent,
    ConsentScope,
    ConsentState,
    Person,
    PersonIdentity,
    ProtectionLevel,
    Tombstone,
)
from caseapp.storage.convert import person, tombstone
from caseapp.storage.orm import ConsentRow, PersonIdentityRow, PersonRow


def _consent(row: ConsentRow) -> Consent:
    return Consent(
        id=row.id,
        person_id=row.person_id,
        scope=ConsentScope(row.scope),
        state=ConsentState(row.state),
        on=date.fromisoformat(row.on),
        note=row.note,
        author=row.author,
        created_at=row.created_at,
        deleted=tombstone(row),
    )


def _identity(row: PersonIdentityRow | None) -> PersonIdentity:
    if row is None:
        return PersonIdentity()
    return PersonIdentity(tuple(json.loads(row.aliases_json)), row.born, row.contact)


class PersonReads:
    session: Session

    def person_identity(self, person_id: uuid.UUID) -> PersonIdentity:
        return _identity(self.session.get(PersonIdentityRow, person_id))

    def persons_to_redact(self) -> list[Person]:
        # One joined query: a listing page of exhibits builds its redaction from it (bench gui).
        rows = self.session.execute(
            select(PersonRow, PersonIdentityRow)
            .outerjoin(PersonIdentityRow, PersonIdentityRow.person_id == PersonRow.id)
            .order_by(func.length(PersonRow.ref), PersonRow.ref, PersonRow.id)
        )
        return [
            found if found.protection is ProtectionLevel.NONE else replace(found, identity=_identity(identity))
            for found, identity in ((person(row), identity) for row, identity in rows)
        ]

    def consents(self, person_id: uuid.UUID | None = None) -> list[Consent]:
        query = select(ConsentRow).order_by(ConsentRow.created_at, ConsentRow.id)
        if person_id is not None:
            query = query.where(ConsentRow.person_id == person_id)
        return [_consent(row) for row in self.session.scalars(query)]


class PersonWrites:
    session: Session

    def set_person_identity(self, person_id: uuid.UUID, identity: PersonIdentity, *, at: datetime) -> None:
        aliases = json.dumps(list(identity.aliases), ensure_ascii=False)
        row = self.session.get(PersonIdentityRow, person_id)
        if row is None:
            self.session.add(
                PersonIdentityRow(
                    person_id=person_id,
                    aliases_json=aliases,
                    born=identity.born,
                    contact=identity.contact,
                    updated_at=at,
                )
            )
        else:
            row.aliases_json, row.born, row.contact, row.updated_at = aliases, identity.born, identity.contact, at
        self.session.flush()

    def add_consent(self, consent: Consent) -> None:
        self.session.add(
            ConsentRow(
                id=consent.id,
                person_id=consent.person_id,
                scope=consent.scope.value,
                state=consent.state.value,
                on=consent.on.isoformat(),
                note=consent.note,
                author=consent.author,
                created_at=consent.created_at,
            )
        )
        self.session.flush()

    def set_consent_tombstone(self, consent_id: uuid.UUID, tombstone: Tombstone | None) -> None:
        values = (
            {"deleted_at": None, "deleted_by": None, "deleted_reason": None}
            if tombstone is None
            else {"deleted_at": tombstone.at, "deleted_by": tombstone.by, "deleted_reason": tombstone.reason}
        )
        self.session.execute(update(ConsentRow).where(ConsentRow.id == consent_id).values(values))
        self.session.expire_all()
