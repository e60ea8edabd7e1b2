"""Charges (``CHG-n``): a crime of the legal catalogue, the suspects with their mode of liability,
the incidents it covers, a status and the author's legal analysis.

The analysis may name protected people: the custody log binds it by keyed digest only. Warnings
(:mod:`caseapp.core.legal.charge_checks`) are computed each time a charge is read.
"""

from __future__ import annotations

import functools
import uuid
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from caseapp.core.analysis import Charge, ChargeIncident, ChargeStatus, ChargeSuspect, members_value
from caseapp.core.changes import Changes
from caseapp.core.custody import CustodyAction
from caseapp.core.entities import Incident, Person
from caseapp.core.errors import ValidationError
from caseapp.core.legal import load_catalogue, load_jurisdiction_data
from caseapp.core.legal.charge_checks import charge_warnings
from caseapp.core.legal.model import Catalogue
from caseapp.core.operations import OpResult
from caseapp.core.ports import Deleted, ReadTx, RecordQuery, WriteTx
from caseapp.core.refs import PREFIX, RecordId, RefKind, parse_ref_of
from caseapp.core.services.base import ServiceBase, choice, record, resolve
from caseapp.core.services.records import undo_add
from caseapp.core.services.redacted import redacted
from caseapp.core.text import LONG_TEXT_MAX, clean_text


def catalogue() -> Catalogue:
    return load_catalogue()


@functools.cache
def amendment_dates() -> dict[str, tuple[str, date]]:
    """Crime id -> (the amendment that added it, the day it was adopted)."""
    return {crime: (a.id, a.adopted) for a in load_jurisdiction_data().amendments for crime in a.crimes}


def crime_id(text: str) -> str:
    """A crime of the catalogue as typed (``8(2)(e)(iv)``, ``8 bis``); a provision the Elements
    split into several crimes (``8(2)(c)(i)``) asks which one."""
    value = " ".join(text.split())
    found = catalogue().crime(value)
    if found is not None:
        return found.id
    under = catalogue().crimes_under(value)
    if under:
        options = "; ".join(f"{c.id} ({c.title.en})" for c in under[:12])
        raise ValidationError(f"{text!r} covers several crimes of the Elements of Crimes; give one of: {options}")
    raise ValidationError(
        f"{text!r} is not a crime of the legal catalogue; see `caseapp elements` for the ids (e.g. 7(1)(a), "
        "8(2)(e)(iv), 8 bis)"
    )


def mode_id(text: str) -> str:
    """A mode of liability as typed (``25(3)(b)``, ``28(a)``, ``25(3)(a)-joint``)."""
    value = text.strip()
    modes = catalogue().modes_of_liability
    if any(m.id == value for m in modes):
        return value
    forms = [m for m in modes if m.provision == value]
    if len(forms) == 1:
        return forms[0].id
    if forms:
        options = "; ".join(f"{m.id} ({m.label})" for m in forms)
        raise ValidationError(f"Art {value} has several forms; give one of: {options}")
    raise ValidationError(f"{text!r} is not a mode of liability; give one of: {', '.join(m.id for m in modes)}")


def charge_members(tx: ReadTx, field: str, values: Iterable[Any]) -> list[str]:
    """Suspects or incidents of a charge as typed (``(S-001, "28(a)")`` pairs, or refs) or as
    stored (``"<uuid> <mode>"``, ``"<uuid>"``), in their stored form (checked, sorted, unique)."""
    keys = []
    for value in values:
        if field == "suspects":
            if isinstance(value, str):
                person_text, _, mode_text = value.partition(" ")
                person_key: RecordId = uuid.UUID(person_text)
            else:
                person_key, mode_text = value
                if isinstance(person_key, str):
                    person_key = parse_ref_of(person_key, RefKind.PERSON)
            person = resolve(tx, person_key, RefKind.PERSON)
            keys.append(f"{person.id} {mode_id(mode_text)}")
        else:
            key: RecordId = value
            if isinstance(value, str):
                key = uuid.UUID(value) if len(value) == 36 else parse_ref_of(value, RefKind.INCIDENT)
            keys.append(str(resolve(tx, key, RefKind.INCIDENT).id))
    return sorted(set(keys))


class ChargeOps(ServiceBase):
    __slots__ = ()

    def add_charge(
        self,
        crime: str,
        *,
        suspects: Sequence[tuple[RecordId, str]] = (),
        incidents: Sequence[RecordId] = (),
        analysis: str = "",
        status: ChargeStatus = ChargeStatus.DRAFT,
    ) -> OpResult[Charge]:
        """Charge a crime of the catalogue against suspects (each with a mode of liability) for
        incidents. Problems a lawyer should check come back as the charge's warnings."""
        crime_value = crime_id(crime)
        text = clean_text(analysis, field="legal analysis", max_length=LONG_TEXT_MAX, multiline=True)
        status_value = choice(ChargeStatus, status, "status")
        now = self.clock()
        with self.store.write() as tx:
            suspect_keys = charge_members(tx, "suspects", suspects)
            incident_keys = charge_members(tx, "incidents", incidents)
            charge = Charge(
                id=uuid.uuid4(),
                ref=tx.next_ref(PREFIX[RefKind.CHARGE]),
                crime_id=crime_value,
                catalogue_edition=catalogue().edition,
                suspects=tuple(_suspect(tx, key) for key in suspect_keys),
                incidents=tuple(_incident(tx, key) for key in incident_keys),
                status=status_value,
                analysis=text,
                author=self.actor,
                created_at=now,
            )
            tx.add_charge(charge)
            details: dict[str, object] = {
                "crime": crime_value,
                "catalogue": charge.catalogue_edition,
                "status": status_value.value,
                "suspects": [f"{s.person_ref} {s.mode_id}" for s in charge.suspects],
                "incidents": [i.incident_ref for i in charge.incidents],
                "analysis_digest": self.store.privacy_digest(text),
            }
            seq = record(
                tx,
                actor=self.actor,
                at=now,
                action=CustodyAction.CHARGE_ADD,
                target=charge.ref,
                details=details,
                target_id=charge.id,
            )
            stored = self._with_warnings(tx, [_get_charge(tx, charge.id)])[0]
        return OpResult(stored, Changes.of(RefKind.CHARGE), undo_add(RefKind.CHARGE, charge.id, charge.ref, seq))

    def charges(self, query: RecordQuery | None = None) -> list[Charge]:
        """Charges with their warnings."""
        with self.store.read() as tx:
            return redacted(tx, self._with_warnings(tx, tx.charges(query or RecordQuery())))

    def charge(self, key: RecordId) -> Charge:
        with self.store.read() as tx:
            target = resolve(tx, key, RefKind.CHARGE)
            assert target.id is not None
            return redacted(tx, self._with_warnings(tx, [_get_charge(tx, target.id)]))[0]

    def _with_warnings(self, tx: ReadTx, charges: list[Charge]) -> list[Charge]:
        if not charges:
            return charges
        from dataclasses import replace

        everything = tx.charges(RecordQuery())
        incidents: dict[uuid.UUID, Incident] = (
            {i.id: i for i in tx.incidents(RecordQuery(deleted=Deleted.INCLUDE))}
            if any(charge.incidents for charge in charges)
            else {}
        )
        roles = tx.person_roles({suspect.person_id for charge in charges for suspect in charge.suspects})
        return [
            replace(
                charge,
                warnings=charge_warnings(
                    catalogue(),
                    charge,
                    others=everything,
                    incidents=incidents,
                    roles=roles,
                    amendments=amendment_dates(),
                ),
            )
            for charge in charges
        ]


def _get_charge(tx: ReadTx, charge_id: uuid.UUID) -> Charge:
    found = tx.get(RefKind.CHARGE, charge_id)
    assert isinstance(found, Charge)
    return found


def _suspect(tx: WriteTx, key: str) -> ChargeSuspect:
    person_text, _, mode = key.partition(" ")
    person = tx.get(RefKind.PERSON, uuid.UUID(person_text))
    assert isinstance(person, Person)
    return ChargeSuspect(person.id, person.ref, mode)


def _incident(tx: WriteTx, key: str) -> ChargeIncident:
    target = resolve(tx, uuid.UUID(key), RefKind.INCIDENT)
    assert target.id is not None
    return ChargeIncident(target.id, target.ref)


__all__ = ["ChargeOps", "charge_members", "crime_id", "members_value", "mode_id"]
