"""Use cases that add and list the records of a case: persons, incidents, sources, exhibits,
tags, notes and links. Every mutation appends one custody entry in the same transaction.

Thread use: a service object may be called from a worker thread; it holds no Qt or UI state.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, TypeVar

from caseapp.core import custody
from caseapp.core.changes import Changes
from caseapp.core.entities import (
    PSEUDONYM_PREFIX,
    Exhibit,
    ExhibitKind,
    Incident,
    InformationCredibility,
    Link,
    LinkStance,
    Note,
    Person,
    PersonRole,
    PlacePrecision,
    ProtectionLevel,
    Sensitivity,
    Source,
    SourceReliability,
    TimePrecision,
)
from caseapp.core.errors import NotFoundError, ValidationError
from caseapp.core.ports import CaseStore, ExhibitQuery, ReadTx, Target, WriteTx
from caseapp.core.refs import RefKind, parse_ref, pseudonym
from caseapp.core.text import LONG_TEXT_MAX, clean_text, text_sha256
from caseapp.core.timeinput import check_coordinates, parse_time_range

Clock = Callable[[], datetime]
E = TypeVar("E", bound=enum.StrEnum)


def utc_now() -> datetime:
    return datetime.now(UTC)


def record(tx: WriteTx, *, actor: str, at: datetime, action: str, target: str, details: dict[str, Any]) -> None:
    """Append the custody entry for a mutation inside the mutation's own transaction."""
    entry = custody.next_entry(
        tx.last_custody_entry(), at=at, actor=actor, action=action, target=target, details=details
    )
    tx.append_custody(entry)


def resolve(tx: ReadTx, text: str) -> Target:
    """Turn a typed reference into a record that exists (or raise NotFoundError naming it)."""
    ref = parse_ref(text)
    found: object | None
    if ref.kind is RefKind.CASE:
        return Target(RefKind.CASE, 0, "CASE")
    if ref.kind is RefKind.PERSON:
        person = tx.person_by_pseudonym(ref.pseudonym)
        if person is None:
            raise NotFoundError(f"no person {ref.pseudonym} in this case")
        return Target(RefKind.PERSON, person.id, person.pseudonym)
    if ref.kind is RefKind.EXHIBIT:
        found = tx.exhibit(ref.number)
    elif ref.kind is RefKind.INCIDENT:
        found = tx.incident(ref.number)
    else:
        found = tx.source(ref.number)
    if found is None:
        raise NotFoundError(f"no {ref.kind.value} {ref} in this case")
    return Target(ref.kind, ref.number, str(ref))


def _choice(enum_type: type[E], value: str | E, field: str) -> E:
    try:
        return enum_type(value)
    except ValueError:
        allowed = ", ".join(m.value for m in enum_type)
        raise ValidationError(f"{field} {value!r} is not one of: {allowed}") from None


DEFAULT_PROTECTION = {
    PersonRole.VICTIM: ProtectionLevel.PROTECTED,
    PersonRole.WITNESS: ProtectionLevel.PROTECTED,
    PersonRole.SUSPECT: ProtectionLevel.NONE,
    PersonRole.OTHER: ProtectionLevel.CONFIDENTIAL,
}


@dataclass(frozen=True, slots=True)
class RecordService:
    store: CaseStore
    actor: str
    clock: Clock = utc_now

    # -- persons ---------------------------------------------------------------------------
    def add_person(
        self,
        *,
        role: str | PersonRole,
        full_name: str = "",
        description: str = "",
        protection: str | ProtectionLevel | None = None,
    ) -> tuple[Person, Changes]:
        """Add a person with the next pseudonym of their role (W-001, V-001, ...).

        Victims and witnesses are protected unless the user says otherwise.
        """
        role_value = _choice(PersonRole, role, "role")
        level = (
            DEFAULT_PROTECTION[role_value]
            if protection is None
            else _choice(ProtectionLevel, protection, "protection level")
        )
        name = clean_text(full_name, field="name")
        text = clean_text(description, field="description", max_length=LONG_TEXT_MAX, multiline=True)
        now = self.clock()
        with self.store.write() as tx:
            prefix = PSEUDONYM_PREFIX[role_value]
            alias = pseudonym(prefix, tx.max_pseudonym_number(prefix) + 1)
            person = tx.add_person(
                pseudonym=alias, role=role_value, protection=level, full_name=name, description=text, created_at=now
            )
            # The name is not copied into the custody log: the log travels with shared bundles.
            record(
                tx,
                actor=self.actor,
                at=now,
                action="person.add",
                target=alias,
                details={"role": role_value.value, "protection": level.value},
            )
        return person, Changes(persons=True, custody=True)

    def persons(self, *, include_deleted: bool = False) -> list[Person]:
        with self.store.read() as tx:
            return tx.persons(include_deleted=include_deleted)

    # -- incidents -------------------------------------------------------------------------
    def add_incident(
        self,
        *,
        title: str,
        description: str = "",
        when: str | None = None,
        until: str | None = None,
        place_name: str = "",
        latitude: float | None = None,
        longitude: float | None = None,
        place_precision: str | PlacePrecision | None = None,
    ) -> tuple[Incident, Changes]:
        clean_title = clean_text(title, field="title", required=True)
        text = clean_text(description, field="description", max_length=LONG_TEXT_MAX, multiline=True)
        place = clean_text(place_name, field="place name")
        check_coordinates(latitude, longitude)
        start = end = None
        precision = TimePrecision.ESTIMATED
        if when:
            start, end, precision = parse_time_range(when)
        if until:
            if start is None:
                raise ValidationError("an end time needs a start time")
            _, end, _ = parse_time_range(until)
            if end < start:
                raise ValidationError(f"the end {until!r} is before the start {when!r}")
        if place_precision is None:
            place_level = PlacePrecision.UNKNOWN if latitude is None else PlacePrecision.EXACT
        else:
            place_level = _choice(PlacePrecision, place_precision, "place precision")
        now = self.clock()
        with self.store.write() as tx:
            incident = tx.add_incident(
                title=clean_title,
                description=text,
                time_start=start,
                time_end=end,
                time_precision=precision,
                place_name=place,
                latitude=latitude,
                longitude=longitude,
                place_precision=place_level,
                created_at=now,
            )
            record(
                tx, actor=self.actor, at=now, action="incident.add", target=incident.ref, details={"title": clean_title}
            )
        return incident, Changes(incidents=True, custody=True)

    def incidents(self, *, include_deleted: bool = False) -> list[Incident]:
        with self.store.read() as tx:
            return tx.incidents(include_deleted=include_deleted)

    # -- sources ---------------------------------------------------------------------------
    def add_source(
        self,
        *,
        name: str,
        reliability: str | SourceReliability = SourceReliability.F,
        credibility: str | InformationCredibility = InformationCredibility.CANNOT_JUDGE,
        description: str = "",
    ) -> tuple[Source, Changes]:
        clean_name = clean_text(name, field="source name", required=True)
        text = clean_text(description, field="description", max_length=LONG_TEXT_MAX, multiline=True)
        rel = _choice(SourceReliability, str(reliability).upper(), "source reliability")
        cred = _choice(InformationCredibility, str(getattr(credibility, "value", credibility)), "credibility")
        now = self.clock()
        with self.store.write() as tx:
            source = tx.add_source(name=clean_name, description=text, reliability=rel, credibility=cred, created_at=now)
            record(
                tx,
                actor=self.actor,
                at=now,
                action="source.add",
                target=source.ref,
                details={"grading": source.grading},
            )
        return source, Changes(sources=True, custody=True)

    def sources(self, *, include_deleted: bool = False) -> list[Source]:
        with self.store.read() as tx:
            return tx.sources(include_deleted=include_deleted)

    # -- exhibits (records; file intake adds the file itself) -------------------------------
    def add_exhibit(
        self,
        *,
        title: str,
        kind: str | ExhibitKind = ExhibitKind.OTHER,
        description: str = "",
        source: str | None = None,
        sensitivity: str | Sensitivity = Sensitivity.NONE,
        acquired: str | None = None,
    ) -> tuple[Exhibit, Changes]:
        clean_title = clean_text(title, field="title", required=True)
        text = clean_text(description, field="description", max_length=LONG_TEXT_MAX, multiline=True)
        kind_value = _choice(ExhibitKind, kind, "exhibit kind")
        level = _choice(Sensitivity, sensitivity, "sensitivity")
        acquired_at = parse_time_range(acquired)[0] if acquired else None
        now = self.clock()
        with self.store.write() as tx:
            source_id = None
            if source:
                target = resolve(tx, source)
                if target.kind is not RefKind.SOURCE:
                    raise ValidationError(f"{source!r} is not a source (use SRC-n)")
                source_id = target.id
            exhibit = tx.add_exhibit(
                title=clean_title,
                kind=kind_value,
                description=text,
                source_id=source_id,
                sensitivity=level,
                acquired_at=acquired_at,
                created_at=now,
            )
            record(
                tx,
                actor=self.actor,
                at=now,
                action="exhibit.add",
                target=exhibit.ref,
                details={"kind": kind_value.value, "title": clean_title, "source": source_id},
            )
        return exhibit, Changes(exhibits=True, custody=True)

    def exhibits(self, query: ExhibitQuery | None = None) -> list[Exhibit]:
        with self.store.read() as tx:
            return tx.exhibits(query or ExhibitQuery())

    # -- tags, notes, links ----------------------------------------------------------------
    def tag(self, ref: str, names: list[str], *, remove: bool = False) -> Changes:
        """Add (or remove) tags on a record. Tags are case-insensitive labels, NFC-normalised."""
        clean = [clean_text(n, field="tag", max_length=100, required=True).casefold() for n in names]
        if not clean:
            raise ValidationError("give at least one tag")
        now = self.clock()
        changed = False
        with self.store.write() as tx:
            target = resolve(tx, ref)
            if target.kind is RefKind.CASE:
                raise ValidationError("tags go on exhibits, persons, incidents or sources, not on the case")
            for name in clean:
                done = tx.remove_tag(target, name) if remove else tx.add_tag(target, name)
                if done:
                    changed = True
                    record(
                        tx,
                        actor=self.actor,
                        at=now,
                        action="tag.remove" if remove else "tag.add",
                        target=target.ref,
                        details={"tag": name},
                    )
        if not changed:
            return Changes()
        return Changes(
            tags=True,
            custody=True,
            exhibits=target.kind is RefKind.EXHIBIT,
            persons=target.kind is RefKind.PERSON,
            incidents=target.kind is RefKind.INCIDENT,
            sources=target.kind is RefKind.SOURCE,
        )

    def tags_of(self, ref: str) -> list[str]:
        with self.store.read() as tx:
            return tx.tags_of(resolve(tx, ref))

    def tag_counts(self) -> list[tuple[str, int]]:
        with self.store.read() as tx:
            return tx.tag_counts()

    def add_note(self, ref: str, text: str) -> tuple[Note, Changes]:
        body = clean_text(text, field="note", max_length=LONG_TEXT_MAX, multiline=True, required=True)
        now = self.clock()
        with self.store.write() as tx:
            target = resolve(tx, ref)
            note = tx.add_note(target, text=body, author=self.actor, created_at=now)
            # The log proves the text unchanged without carrying it (it may name protected people).
            record(
                tx,
                actor=self.actor,
                at=now,
                action="note.add",
                target=target.ref,
                details={"note": note.id, "text_sha256": text_sha256(body)},
            )
        return note, Changes(notes=True, custody=True)

    def notes(self, ref: str | None = None) -> list[Note]:
        with self.store.read() as tx:
            return tx.notes(resolve(tx, ref) if ref else None)

    def link(
        self, exhibit_ref: str, target_ref: str, *, reasoning: str, stance: str | LinkStance = LinkStance.SUPPORTS
    ) -> tuple[Link, Changes]:
        """Link an exhibit to a person or incident, saying what it shows."""
        why = clean_text(reasoning, field="reasoning", max_length=LONG_TEXT_MAX, multiline=True, required=True)
        stance_value = _choice(LinkStance, stance, "stance")
        now = self.clock()
        with self.store.write() as tx:
            exhibit = resolve(tx, exhibit_ref)
            if exhibit.kind is not RefKind.EXHIBIT:
                raise ValidationError(f"{exhibit_ref!r} is not an exhibit (use EX-n)")
            target = resolve(tx, target_ref)
            if target.kind not in (RefKind.PERSON, RefKind.INCIDENT):
                raise ValidationError(f"{target_ref!r}: an exhibit links to a person or an incident")
            link = tx.add_link(
                exhibit.id, target, stance=stance_value, reasoning=why, author=self.actor, created_at=now
            )
            record(
                tx,
                actor=self.actor,
                at=now,
                action="link.add",
                target=exhibit.ref,
                details={
                    "link": link.id,
                    "to": target.ref,
                    "stance": stance_value.value,
                    "reasoning_sha256": text_sha256(why),
                },
            )
        return link, Changes(links=True, custody=True)

    def links(self, exhibit_ref: str | None = None) -> list[Link]:
        with self.store.read() as tx:
            exhibit_id = resolve(tx, exhibit_ref).id if exhibit_ref else None
            return tx.links(exhibit_id)
