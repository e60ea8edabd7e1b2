"""The in-memory store's reads and writes of a person's identity and consent (as storage.person_rows)."""

from __future__ import annotations

import uuid
from datetime import datetime

from caseapp.core.entities import Consent, ConsentScope, ConsentState, PersonIdentity, Tombstone
from caseapp.core.refs import RefKind
from tests.fakes.memory_rows import Row, State, stored, tombstone


class MemoryPersonReads:
    state: State

    def person_identity(self, person_id: uuid.UUID) -> PersonIdentity:
        row = self.state.identities.get(person_id)
        if row is None:
            return PersonIdentity()
        return PersonIdentity(tuple(row["aliases"]), row["born"], row["contact"])

    def consents(self, person_id: uuid.UUID | None = None) -> list[Consent]:
        rows = [r for r in self.state.consents if person_id is None or r["person_id"] == person_id]
        rows.sort(key=lambda r: (r["created_at"], r["id"].hex))
        return [
            Consent(
                id=r["id"],
                person_id=r["person_id"],
                scope=ConsentScope(r["scope"]),
                state=ConsentState(r["state"]),
                on=r["on"],
                note=r["note"],
                author=r["author"],
                created_at=r["created_at"],
                deleted=tombstone(r),
            )
            for r in rows
        ]


class MemoryPersonWrites:
    state: State

    def _person_exists(self, person_id: uuid.UUID) -> None:
        if person_id not in self.state.rows[RefKind.PERSON]:
            raise ValueError(f"no person {person_id} to refer to")

    def set_person_identity(self, person_id: uuid.UUID, identity: PersonIdentity, *, at: datetime) -> None:
        self._person_exists(person_id)
        self.state.identities[person_id] = {
            "aliases": list(identity.aliases),
            "born": identity.born,
            "contact": identity.contact,
            "updated_at": stored(at),
        }

    def add_consent(self, consent: Consent) -> None:
        self._person_exists(consent.person_id)
        row: Row = {
            "id": consent.id,
            "person_id": consent.person_id,
            "scope": consent.scope.value,
            "state": consent.state.value,
            "on": consent.on,
            "note": consent.note,
            "author": consent.author,
            "created_at": stored(consent.created_at),
            "deleted_at": None,
            "deleted_by": None,
            "deleted_reason": None,
        }
        self.state.consents.append(row)

    def set_consent_tombstone(self, consent_id: uuid.UUID, tombstone: Tombstone | None) -> None:
        for row in self.state.consents:
            if row["id"] == consent_id:
                if tombstone is None:
                    row.update(deleted_at=None, deleted_by=None, deleted_reason=None)
                else:
                    row.update(
                        deleted_at=stored(tombstone.at), deleted_by=tombstone.by, deleted_reason=tombstone.reason
                    )
