"""Warnings on a charge: what a lawyer should check, shown with the charge, never a refusal.

- International and non-international armed-conflict crimes charged in one case. Incidents do
  not (yet) record the conflict's classification, so a charge of an 8(2)(a)/(b) crime on
  incidents in a non-international conflict cannot be seen directly; what can be seen is that
  the case charges crimes of both kinds: the same conduct falls under one classification or the
  other (EoC Art 8 Introduction: the conflict's character need not be known by the perpetrator,
  but it is an element the prosecution proves), so both kinds together are either charges in
  the alternative, two conflicts, or a mistake.
- An amended crime (8 bis, the Kampala, 2017 and 2019 war crimes) charged on incidents dated
  before the amendment was adopted: no one may be charged under a provision that did not exist
  at the time of the conduct (Arts 22 and 24). Whether the amendment was in force for the State
  concerned at the time is a question of jurisdiction (``caseapp jurisdiction``).
- A suspect whose role in the case is not "suspect".
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from uuid import UUID

from caseapp.core.analysis import Charge
from caseapp.core.entities import Incident, PersonRole
from caseapp.core.legal.model import Catalogue, Conflict


def charge_warnings(
    catalogue: Catalogue,
    charge: Charge,
    *,
    others: Iterable[Charge],
    incidents: Mapping[UUID, Incident],
    roles: Mapping[UUID, PersonRole],
    amendments: Mapping[str, tuple[str, date]],
) -> tuple[str, ...]:
    """``amendments``: crime id -> (amendment id, date adopted)."""
    warnings: list[str] = []
    crime = catalogue.crime(charge.crime_id)
    if crime is not None and crime.conflict is not None:
        other_kind = Conflict.NIAC if crime.conflict is Conflict.IAC else Conflict.IAC
        clashing = []
        for other in others:
            if other.id == charge.id or other.deleted is not None:
                continue
            other_crime = catalogue.crime(other.crime_id)
            if other_crime is not None and other_crime.conflict is other_kind:
                clashing.append(f"{other.ref} ({other.crime_id})")
        if clashing:
            mine = "an international" if crime.conflict is Conflict.IAC else "a non-international"
            theirs = "non-international" if crime.conflict is Conflict.IAC else "international"
            warnings.append(
                f"{crime.id} requires {mine} armed conflict, but this case also charges "
                f"{theirs}-conflict crimes ({', '.join(clashing)}); the same conduct takes place in one kind of "
                "conflict or the other: charge them in the alternative, for different conflicts, or correct one"
            )
    adopted = amendments.get(charge.crime_id)
    if adopted is not None:
        amendment, day = adopted
        early = []
        for item in charge.incidents:
            incident = incidents.get(item.incident_id)
            start = incident.time_start if incident is not None else None
            if start is not None and start.date() < day:
                early.append(f"{item.incident_ref} ({start.date().isoformat()})")
        if early:
            warnings.append(
                f"{charge.crime_id} exists only since {amendment} was adopted on {day.isoformat()}, but "
                f"{', '.join(early)} began before that: conduct before it cannot be charged under it (Arts 22, 24); "
                "check also when the amendment entered into force for the State concerned (caseapp jurisdiction)"
            )
    for suspect in charge.suspects:
        role = roles.get(suspect.person_id)
        if role is not None and role is not PersonRole.SUSPECT:
            warnings.append(f"{suspect.person_ref} is recorded as a {role.value}, not a suspect")
    if crime is not None and not crime.elements:
        warnings.append(f"the catalogue has no elements for {crime.id}; the gap matrix shows the crime as one row")
    return tuple(warnings)
