"""A person's identity beyond the name (aliases, date of birth, contact) and their consent (issue 14).

The identity is kept apart from the person's row and is read only through the recorded reveal
(:meth:`RecordReads.reveal_person`); setting it records one custody entry that carries its values
only as keyed hashes (the values themselves go to ``revisions``, inside the encrypted case, where
undo reads them). A consent statement is never changed: a withdrawal is a newer statement; a
statement recorded by mistake is taken back by undo (a tombstone). The risk level is an ordinary
edit (``edit(person, {"risk": "high"})``).
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from caseapp.core.changes import Changes
from caseapp.core.consent import current_consents
from caseapp.core.custody import CustodyAction
from caseapp.core.entities import (
    Consent,
    ConsentScope,
    ConsentState,
    CustodyEntry,
    Person,
    PersonIdentity,
    Tombstone,
)
from caseapp.core.errors import UserError, ValidationError
from caseapp.core.operations import OpResult, Undo
from caseapp.core.ports import ReadTx, Revision, Target, WriteTx
from caseapp.core.refs import RecordId, RefKind
from caseapp.core.services.base import ServiceBase, choice, record, require_live, resolve
from caseapp.core.text import LONG_TEXT_MAX, clean_text

UNDO_IDENTITY = "person_identity"
UNDO_CONSENT = "consent_retract"
REDO_CONSENT = "consent_restore"
MAX_ALIASES = 50


def _identity_json(identity: PersonIdentity) -> dict[str, Any]:
    return {"aliases": list(identity.aliases), "born": identity.born, "contact": identity.contact}


def _identity_of(values: dict[str, Any]) -> PersonIdentity:
    return PersonIdentity(
        tuple(str(a) for a in values.get("aliases", [])), str(values.get("born", "")), str(values.get("contact", ""))
    )


def _aliases(values: Sequence[str]) -> tuple[str, ...]:
    if isinstance(values, str):
        raise ValidationError("give the aliases as a list of names")
    seen: list[str] = []
    for value in values:
        alias = clean_text(str(value), field="alias")
        if alias and alias not in seen:
            seen.append(alias)
    if len(seen) > MAX_ALIASES:
        raise ValidationError(f"{len(seen)} aliases given; the limit is {MAX_ALIASES}")
    return tuple(seen)


def _day(value: str, field: str, *, today: date) -> date:
    try:
        day = date.fromisoformat(value.strip())
    except ValueError:
        raise ValidationError(f"the {field} {value!r} is not a date; write it as YYYY-MM-DD (2026-05-01)") from None
    if day > today:
        raise ValidationError(f"the {field} {day.isoformat()} is in the future; check the date")
    return day


class PersonOps(ServiceBase):
    __slots__ = ()

    # -- identity --------------------------------------------------------------------------
    def set_identity(
        self,
        key: RecordId,
        *,
        aliases: Sequence[str] | None = None,
        born: str | None = None,
        contact: str | None = None,
        reason: str,
    ) -> OpResult[Person]:
        """Set a person's aliases, date of birth (YYYY-MM-DD, or "" to clear) or contact; what is
        None stays as it was. The result does not show them (reading them is a reveal)."""
        why = clean_text(reason, field="reason", max_length=LONG_TEXT_MAX, multiline=True, required=True)
        if aliases is None and born is None and contact is None:
            raise ValidationError("give aliases, a date of birth or a contact to set")
        now = self.clock()
        new_aliases = _aliases(aliases) if aliases is not None else None
        new_born = None if born is None else (_day(born, "date of birth", today=now.date()).isoformat() if born else "")
        new_contact = None if contact is None else clean_text(contact, field="contact", max_length=2000, multiline=True)
        with self.store.write() as tx:
            target = require_live(tx, resolve(tx, key, RefKind.PERSON))
            old = tx.person_identity(_id(target))
            new = PersonIdentity(
                old.aliases if new_aliases is None else new_aliases,
                old.born if new_born is None else new_born,
                old.contact if new_contact is None else new_contact,
            )
            undo = self._write_identity(tx, target, old, new, why, now=now)
            person = tx.get(RefKind.PERSON, _id(target))
        assert isinstance(person, Person)
        from caseapp.core.services.records import hide_name

        return OpResult(hide_name(person), Changes.of(RefKind.PERSON), undo)

    def _write_identity(
        self,
        tx: WriteTx,
        target: Target,
        old: PersonIdentity,
        new: PersonIdentity,
        why: str,
        *,
        now: datetime,
        undoes: int | None = None,
    ) -> Undo:
        tx.set_person_identity(_id(target), new, at=now)
        before, after = _identity_json(old), _identity_json(new)
        # Every field counts as set, changed or not: "already has these values" would confirm a guess.
        digest = self.store.privacy_digest
        log = {
            field: {
                "old_digest": digest(json.dumps(before[field], ensure_ascii=False)),
                "new_digest": digest(json.dumps(after[field], ensure_ascii=False)),
            }
            for field in before
        }
        details: dict[str, Any] = {"changes": log, "reason": why}
        action: str = CustodyAction.PERSON_IDENTITY
        if undoes is not None:
            details.update(undoes=undoes, inverse=str(CustodyAction.PERSON_IDENTITY))
            action = CustodyAction.UNDO
        seq = record(
            tx, actor=self.actor, at=now, action=action, target=target.ref, details=details, target_id=target.id
        )
        tx.add_revision(Revision(seq, RefKind.PERSON, _id(target), before, after, why))
        return _identity_undo(target, seq, before, after)

    # -- consent ---------------------------------------------------------------------------
    def record_consent(
        self,
        key: RecordId,
        *,
        scope: ConsentScope | str,
        state: ConsentState | str,
        on: str | None = None,
        note: str = "",
    ) -> OpResult[Consent]:
        """Record that a person gave or withdrew consent for one scope, on a day (today if None)."""
        scope_value = choice(ConsentScope, scope, "consent scope")
        state_value = choice(ConsentState, state, "consent state")
        text = clean_text(note, field="note", max_length=LONG_TEXT_MAX, multiline=True)
        now = self.clock()
        day = _day(on, "consent date", today=now.date()) if on else now.date()
        with self.store.write() as tx:
            target = require_live(tx, resolve(tx, key, RefKind.PERSON))
            consent = Consent(uuid.uuid4(), _id(target), scope_value, state_value, day, text, self.actor, now)
            tx.add_consent(consent)
            details: dict[str, Any] = {
                "consent_id": str(consent.id),
                "scope": scope_value.value,
                "state": state_value.value,
                "on": day.isoformat(),
            }
            if text:
                details["note_digest"] = self.store.privacy_digest(text)
            seq = record(
                tx,
                actor=self.actor,
                at=now,
                action=CustodyAction.PERSON_CONSENT,
                target=target.ref,
                details=details,
                target_id=target.id,
            )
        return OpResult(consent, Changes.of(RefKind.PERSON), _consent_undo(target, seq, consent.id, retract=True))

    def consents(self, key: RecordId, *, include_taken_back: bool = False) -> list[Consent]:
        """A person's consent statements, oldest first (those taken back by undo only if asked)."""
        with self.store.read() as tx:
            target = resolve(tx, key, RefKind.PERSON)
            found = tx.consents(_id(target))
        return found if include_taken_back else [c for c in found if c.deleted is None]

    def consent_now(self, key: RecordId) -> dict[ConsentScope, Consent]:
        """The statement holding for each scope that has one."""
        return current_consents(self.consents(key))

    # -- undo ------------------------------------------------------------------------------
    def _undo_person(self, tx: WriteTx, undo: Undo) -> Undo:
        """Apply an identity or consent undo, refusing to overwrite a later change."""
        target = Target(undo.kind, undo.id, undo.ref)
        now = self.clock()
        if undo.action == UNDO_IDENTITY:
            current = _identity_json(tx.person_identity(undo.id))
            if current != undo.expected:
                raise UserError(
                    f"the identity of {undo.ref} was changed again after entry {undo.undoes}; undoing it would "
                    "overwrite that later change. Set it by hand instead. Nothing was changed."
                )
            return self._write_identity(
                tx,
                target,
                _identity_of(dict(undo.expected)),
                _identity_of(dict(undo.values)),
                f"undo of entry {undo.undoes}",
                now=now,
                undoes=undo.undoes,
            )
        consent_id = uuid.UUID(str(undo.values["consent_id"]))
        statement = next((c for c in tx.consents(undo.id) if c.id == consent_id), None)
        retract = undo.action == UNDO_CONSENT
        if statement is None or (statement.deleted is None) != retract:
            raise UserError(f"that consent statement of {undo.ref} was already taken back or restored; nothing to undo")
        tx.set_consent_tombstone(consent_id, Tombstone(now, self.actor, "undo") if retract else None)
        details = {
            "consent_id": str(consent_id),
            "scope": statement.scope.value,
            "state": statement.state.value,
            "on": statement.on.isoformat(),
            "retracted": retract,
            "undoes": undo.undoes,
            "inverse": str(CustodyAction.PERSON_CONSENT),
        }
        seq = record(
            tx, actor=self.actor, at=now, action=CustodyAction.UNDO, target=undo.ref, details=details, target_id=undo.id
        )
        return _consent_undo(target, seq, consent_id, retract=not retract)

    def _person_undo_of(self, tx: ReadTx, entry: CustodyEntry) -> Undo | None:
        """The undo of a custody entry that set an identity or a consent (None for any other entry)."""
        action = str(entry.details.get("inverse", "")) if entry.action == CustodyAction.UNDO else entry.action
        if action not in (CustodyAction.PERSON_IDENTITY, CustodyAction.PERSON_CONSENT) or not entry.target_id:
            return None
        target = tx.find(RefKind.PERSON, uuid.UUID(entry.target_id))
        if target is None:
            raise UserError(f"the person of entry {entry.seq} ({entry.target}) is not in this case")
        if action == CustodyAction.PERSON_CONSENT:
            consent_id = uuid.UUID(str(entry.details["consent_id"]))
            return _consent_undo(target, entry.seq, consent_id, retract=not entry.details.get("retracted", False))
        revision = tx.revision(entry.seq)
        if revision is None:
            raise UserError(f"the values replaced by entry {entry.seq} are not in this case; it cannot be undone")
        return _identity_undo(target, entry.seq, revision.old, revision.new)


def _identity_undo(target: Target, seq: int, old: dict[str, Any], new: dict[str, Any]) -> Undo:
    return Undo(
        UNDO_IDENTITY, RefKind.PERSON, _id(target), target.ref, seq, f"set the identity of {target.ref} back", old, new
    )


def _consent_undo(target: Target, seq: int, consent_id: uuid.UUID, *, retract: bool) -> Undo:
    what = f"take back the consent statement of {target.ref}" if retract else f"restore the consent of {target.ref}"
    action = UNDO_CONSENT if retract else REDO_CONSENT
    return Undo(action, RefKind.PERSON, _id(target), target.ref, seq, what, {"consent_id": str(consent_id)})


def _id(target: Target) -> uuid.UUID:
    assert target.id is not None
    return target.id
