"""Use cases that add and read the records of a case: persons, incidents, sources, exhibits.

Every mutation appends one custody entry in the same transaction and returns an
:class:`~caseapp.core.operations.OpResult` with the :class:`Undo` that takes it back.
A person's real name is read only through :meth:`RecordReads.reveal_person`, which is recorded.
"""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import datetime

from caseapp.core.changes import Changes
from caseapp.core.custody import CustodyAction
from caseapp.core.entities import (
    PSEUDONYM_PREFIX,
    Exhibit,
    ExhibitKind,
    Incident,
    InformationCredibility,
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
from caseapp.core.geo import country_code
from caseapp.core.operations import OpResult, Undo
from caseapp.core.ports import ExhibitQuery, Record, RecordQuery, Target, WriteTx
from caseapp.core.refs import PREFIX, RecordId, RefKind, kind_word
from caseapp.core.services.base import ServiceBase, choice, record, require_live, resolve, searchable_heading
from caseapp.core.services.redacted import redacted, redacted_one
from caseapp.core.text import LONG_TEXT_MAX, clean_text
from caseapp.core.timeinput import check_coordinates, parse_time_range

DEFAULT_PROTECTION = {
    PersonRole.VICTIM: ProtectionLevel.PROTECTED,
    PersonRole.WITNESS: ProtectionLevel.PROTECTED,
    PersonRole.SUSPECT: ProtectionLevel.NONE,
    PersonRole.OTHER: ProtectionLevel.CONFIDENTIAL,
}


def hide_name(person: Person) -> Person:
    """A person as listings and operations show them: the real name (and the description, which
    may identify them) of anyone not public stays hidden until a recorded reveal."""
    if person.protection is ProtectionLevel.NONE:
        return replace(person, identity=None) if person.identity is not None else person
    return replace(person, full_name=None, description="", identity=None)


def undo_add(kind: RefKind, record_id: uuid.UUID, ref: str, seq: int) -> Undo:
    return Undo(
        "delete", kind, record_id, ref, seq, f"delete {ref} again", {"reason": "undo of its creation", "created": True}
    )


def time_range(
    when: str | None, until: str | None, zone_name: str
) -> tuple[datetime | None, datetime | None, TimePrecision, str]:
    """Start, end, precision and zone of an incident's time as typed (in the case's zone)."""
    if not when:
        if until:
            raise ValidationError("an end time needs a start time")
        return None, None, TimePrecision.ESTIMATED, zone_name
    start, end, precision, given_zone = parse_time_range(when, zone_name)
    if until:
        _, end, _, _ = parse_time_range(until, zone_name)
        if end < start:
            raise ValidationError(f"the end {until!r} is before the start {when!r}")
    return start, end, precision, given_zone


class RecordAdds(ServiceBase):
    __slots__ = ()

    def _added(
        self, tx: WriteTx, target: Target, action: CustodyAction, details: dict[str, object], at: datetime
    ) -> Undo:
        assert target.id is not None
        seq = record(
            tx, actor=self.actor, at=at, action=action, target=target.ref, details=details, target_id=target.id
        )
        return undo_add(target.kind, target.id, target.ref, seq)

    def add_person(
        self,
        *,
        role: PersonRole,
        full_name: str = "",
        description: str = "",
        protection: ProtectionLevel | None = None,
    ) -> OpResult[Person]:
        """Add a person with the next pseudonym of their role (W-001, V-001, ...).

        Victims and witnesses are protected unless the user says otherwise."""
        role_value = choice(PersonRole, role, "role")
        level = (
            DEFAULT_PROTECTION[role_value]
            if protection is None
            else choice(ProtectionLevel, protection, "protection level")
        )
        name = clean_text(full_name, field="name")
        text = clean_text(description, field="description", max_length=LONG_TEXT_MAX, multiline=True)
        now = self.clock()
        with self.store.write() as tx:
            person = Person(
                id=uuid.uuid4(),
                ref=tx.next_ref(PSEUDONYM_PREFIX[role_value]),
                role=role_value,
                protection=level,
                full_name=name,
                description=text,
                created_at=now,
            )
            tx.add_person(person)
            # The name is bound by a keyed hash: the log travels with shared bundles.
            details: dict[str, object] = {"role": role_value.value, "protection": level.value}
            if name:
                details["name_digest"] = self.store.privacy_digest(name)
            undo = self._added(
                tx, Target(RefKind.PERSON, person.id, person.ref), CustodyAction.PERSON_ADD, details, now
            )
        return OpResult(hide_name(person), Changes.of(RefKind.PERSON), undo)

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
        place_precision: PlacePrecision | None = None,
        country: str | None = None,
    ) -> OpResult[Incident]:
        """Add an incident. ``when``/``until`` are times as typed (``2016-04-27``, ``2016-04-27T14:05``);
        without a zone they are read in the case's time zone. ``country``: an ISO 3166-1 alpha-2
        code (the jurisdiction assistant reads it before the coordinates)."""
        clean_title = clean_text(title, field="title", required=True)
        text = clean_text(description, field="description", max_length=LONG_TEXT_MAX, multiline=True)
        place = clean_text(place_name, field="place name")
        check_coordinates(latitude, longitude)
        country_value = country_code(country)
        if place_precision is None:
            place_level = PlacePrecision.UNKNOWN if latitude is None else PlacePrecision.EXACT
        else:
            place_level = choice(PlacePrecision, place_precision, "place precision")
        details: dict[str, object] = {"title": clean_title}
        if country_value:
            details["country"] = country_value
        now = self.clock()
        with self.store.write() as tx:
            start, end, precision, zone_name = time_range(when, until, tx.case_info().time_zone)
            incident = Incident(
                id=uuid.uuid4(),
                ref=tx.next_ref(PREFIX[RefKind.INCIDENT]),
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
                time_zone=zone_name,
                country=country_value,
            )
            tx.add_incident(incident)
            stored = tx.get(RefKind.INCIDENT, incident.id)  # times shown in the zone they were given in
            assert isinstance(stored, Incident)
            incident = stored
            undo = self._added(
                tx,
                Target(RefKind.INCIDENT, incident.id, incident.ref),
                CustodyAction.INCIDENT_ADD,
                details,
                now,
            )
        return OpResult(incident, Changes.of(RefKind.INCIDENT), undo)

    def add_source(
        self,
        *,
        name: str,
        reliability: SourceReliability = SourceReliability.F,
        credibility: InformationCredibility = InformationCredibility.CANNOT_JUDGE,
        description: str = "",
    ) -> OpResult[Source]:
        clean_name = clean_text(name, field="source name", required=True)
        text = clean_text(description, field="description", max_length=LONG_TEXT_MAX, multiline=True)
        rel = choice(SourceReliability, reliability, "source reliability")
        cred = choice(InformationCredibility, credibility, "information credibility")
        now = self.clock()
        with self.store.write() as tx:
            source = Source(
                id=uuid.uuid4(),
                ref=tx.next_ref(PREFIX[RefKind.SOURCE]),
                name=clean_name,
                description=text,
                reliability=rel,
                credibility=cred,
                created_at=now,
            )
            tx.add_source(source)
            undo = self._added(
                tx,
                Target(RefKind.SOURCE, source.id, source.ref),
                CustodyAction.SOURCE_ADD,
                {"grading": source.grading},
                now,
            )
        return OpResult(source, Changes.of(RefKind.SOURCE), undo)

    def add_exhibit(
        self,
        *,
        title: str,
        kind: ExhibitKind = ExhibitKind.OTHER,
        description: str = "",
        source: RecordId | None = None,
        sensitivity: Sensitivity = Sensitivity.NONE,
        acquired: str | None = None,
    ) -> OpResult[Exhibit]:
        """Add an exhibit record without a file (a physical item, a statement taken on paper).
        Files come in through the import operation."""
        clean_title = clean_text(title, field="title", required=True)
        text = clean_text(description, field="description", max_length=LONG_TEXT_MAX, multiline=True)
        kind_value = choice(ExhibitKind, kind, "exhibit kind")
        level = choice(Sensitivity, sensitivity, "sensitivity")
        now = self.clock()
        with self.store.write() as tx:
            acquired_at = parse_time_range(acquired, tx.case_info().time_zone)[0] if acquired else None
            source_target = require_live(tx, resolve(tx, source, RefKind.SOURCE)) if source is not None else None
            exhibit = Exhibit(
                id=uuid.uuid4(),
                ref=tx.next_ref(PREFIX[RefKind.EXHIBIT]),
                title=clean_title,
                kind=kind_value,
                description=text,
                source_id=source_target.id if source_target else None,
                sensitivity=level,
                acquired_at=acquired_at,
                created_at=now,
                source_ref=source_target.ref if source_target else None,
            )
            tx.add_exhibit(exhibit)
            tx.index_text(exhibit.id, searchable_heading(clean_title, text), "")
            details: dict[str, object] = {"kind": kind_value.value, "title": clean_title}
            if source_target is not None:
                details["source"] = source_target.ref
            undo = self._added(
                tx, Target(RefKind.EXHIBIT, exhibit.id, exhibit.ref), CustodyAction.EXHIBIT_ADD, details, now
            )
        return OpResult(exhibit, Changes.of(RefKind.EXHIBIT), undo)


class RecordReads(ServiceBase):
    __slots__ = ()

    def target(self, key: RecordId, *kinds: RefKind) -> Target:
        """The record a UUID or ref names (raises NotFoundError)."""
        with self.store.read() as tx:
            return resolve(tx, key, *kinds)

    def get(self, key: RecordId, *kinds: RefKind) -> Record:
        """One record, deleted or not (protected names hidden, also where typed into its text)."""
        with self.store.read() as tx:
            target = resolve(tx, key, *kinds)
            if target.id is None:
                raise ValidationError("CASE is not a record; see the case summary")
            found = tx.get(target.kind, target.id)
            if found is None:
                raise NotFoundError(
                    f"there is no {kind_word(target.kind)} {target.ref} in this case",
                    key="record.not_found",
                    params={"kind": target.kind.value, "ref": target.ref},
                )
            return redacted_one(tx, hide_name(found) if isinstance(found, Person) else found)

    def persons(self, query: RecordQuery | None = None) -> list[Person]:
        with self.store.read() as tx:
            return redacted(tx, [hide_name(p) for p in tx.persons(query or RecordQuery())])

    def reveal_person(self, key: RecordId) -> OpResult[Person]:
        """A person with their real name and identity (aliases, date of birth, contact); the reveal
        is recorded in custody (who, when)."""
        now = self.clock()
        with self.store.write() as tx:
            target = resolve(tx, key, RefKind.PERSON)
            assert target.id is not None
            found = tx.get(RefKind.PERSON, target.id)
            assert isinstance(found, Person)
            person = replace(found, identity=tx.person_identity(target.id))
            record(
                tx,
                actor=self.actor,
                at=now,
                action=CustodyAction.PERSON_REVEAL,
                target=target.ref,
                details={},
                target_id=target.id,
            )
        return OpResult(person, Changes(custody=True))

    def incidents(self, query: RecordQuery | None = None) -> list[Incident]:
        with self.store.read() as tx:
            return redacted(tx, tx.incidents(query or RecordQuery()))

    def sources(self, query: RecordQuery | None = None) -> list[Source]:
        with self.store.read() as tx:
            return redacted(tx, tx.sources(query or RecordQuery()))

    def exhibits(self, query: ExhibitQuery | None = None) -> list[Exhibit]:
        """A page of exhibits, filtered and sorted by the database (a search finds text as typed;
        the results show protected names as pseudonyms)."""
        with self.store.read() as tx:
            return redacted(tx, tx.exhibits(query or ExhibitQuery()))

    def count_exhibits(self, query: ExhibitQuery | None = None) -> int:
        with self.store.read() as tx:
            return tx.count_exhibits(query or ExhibitQuery())

    def counted_exhibits(self, query: ExhibitQuery) -> tuple[int, list[Exhibit]]:
        """How many exhibits ``query`` finds, and its page, in one read: the page first, which brings
        the matching rows into the page cache the count then reads (or makes the count needless:
        a first page shorter than asked for holds every match)."""
        with self.store.read() as tx:
            page = tx.exhibits(query)
            limit = query.page.limit
            if query.page.offset == 0 and limit is not None and len(page) < limit:
                count = len(page)
            else:
                count = tx.count_exhibits(query)
            return count, redacted(tx, page)

    def counts(self) -> dict[str, int]:
        with self.store.read() as tx:
            return tx.counts()
