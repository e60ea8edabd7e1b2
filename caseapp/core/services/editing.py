"""Correct anything, lose nothing: edit any field with a reason, delete as a tombstone, restore,
and undo (each itself an operation recorded in custody).

An edit's custody entry carries, per field, the old and the new value; protected values (a
person's name and description, a note's text, a link's reasoning) only as keyed hashes. The
values themselves are kept in the encrypted database (``revisions``), where undo reads them.
"""

from __future__ import annotations

import enum
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from caseapp.core.analysis import Basis, ChargeStatus, Weight
from caseapp.core.changes import Changes
from caseapp.core.custody import CustodyAction
from caseapp.core.entities import (
    CaseInfo,
    Exhibit,
    ExhibitKind,
    InformationCredibility,
    LinkStance,
    Person,
    PersonRole,
    PlacePrecision,
    ProtectionLevel,
    RiskLevel,
    Sensitivity,
    SourceReliability,
    Tombstone,
)
from caseapp.core.errors import UserError, ValidationError
from caseapp.core.geo import country_code
from caseapp.core.operations import OpResult, Undo
from caseapp.core.ports import Record, Revision, Target, WriteTx
from caseapp.core.refs import RecordId, RefKind, kind_word, parse_ref
from caseapp.core.services.analysis_fields import element_id, excerpt_value, review_reset, stored_form
from caseapp.core.services.base import ServiceBase, choice, record, require_live, resolve, searchable_heading
from caseapp.core.services.charges import charge_members, crime_id
from caseapp.core.text import LONG_TEXT_MAX, clean_text
from caseapp.core.timeinput import check_coordinates, check_zone, parse_time_range


class Dependents(enum.StrEnum):
    """What to do when deleting a record others depend on (an exhibit with links)."""

    REFUSE = "refuse"  # the default: say what depends on it, change nothing
    KEEP = "keep"  # delete only this record; its links and notes stay, pointing at a deleted record
    DELETE = "delete"  # delete them too, each with its own custody entry


Parse = Callable[[Any], Any]


def _short(field: str) -> Parse:
    return lambda value: clean_text(str(value), field=field, required=field in ("title", "name"))


def _long(field: str, *, required: bool = False) -> Parse:
    return lambda value: clean_text(
        str(value), field=field, max_length=LONG_TEXT_MAX, multiline=True, required=required
    )


def _enum(enum_type: type[enum.StrEnum], field: str) -> Parse:
    return lambda value: choice(enum_type, value, field).value


def _float(field: str) -> Parse:
    def parse(value: Any) -> float | None:
        if value is None or value == "":
            return None
        try:
            return float(value)
        except (TypeError, ValueError):
            raise ValidationError(f"{field} {value!r} is not a number") from None

    return parse


@dataclass(frozen=True, slots=True)
class FieldSpec:
    parse: Parse
    protected: bool = False  # only its keyed hash goes into the custody log


# Fields a person may edit, per kind (named as in the entities; ``source``, ``when``, ``until``
# and ``acquired`` are typed forms turned into the stored fields below).
EDITABLE: dict[RefKind, dict[str, FieldSpec]] = {
    RefKind.PERSON: {
        "role": FieldSpec(_enum(PersonRole, "role")),
        "protection": FieldSpec(_enum(ProtectionLevel, "protection level")),
        "full_name": FieldSpec(_short("name"), protected=True),
        "description": FieldSpec(_long("description"), protected=True),
        "risk": FieldSpec(_enum(RiskLevel, "risk level")),
    },
    RefKind.INCIDENT: {
        "title": FieldSpec(_short("title")),
        "description": FieldSpec(_long("description")),
        "when": FieldSpec(lambda value: value),
        "until": FieldSpec(lambda value: value),
        "place_name": FieldSpec(_short("place name")),
        "latitude": FieldSpec(_float("latitude")),
        "longitude": FieldSpec(_float("longitude")),
        "place_precision": FieldSpec(_enum(PlacePrecision, "place precision")),
        "country": FieldSpec(country_code),
    },
    RefKind.SOURCE: {
        "name": FieldSpec(_short("name")),
        "description": FieldSpec(_long("description")),
        "reliability": FieldSpec(lambda value: choice(SourceReliability, str(value).upper(), "reliability").value),
        "credibility": FieldSpec(_enum(InformationCredibility, "credibility")),
    },
    RefKind.EXHIBIT: {
        "title": FieldSpec(_short("title")),
        "description": FieldSpec(_long("description")),
        "kind": FieldSpec(_enum(ExhibitKind, "exhibit kind")),
        "sensitivity": FieldSpec(_enum(Sensitivity, "sensitivity")),
        "source": FieldSpec(lambda value: value),
        "acquired": FieldSpec(lambda value: value),
    },
    RefKind.NOTE: {"text": FieldSpec(_long("note", required=True), protected=True)},
    RefKind.LINK: {
        "stance": FieldSpec(_enum(LinkStance, "stance")),
        "reasoning": FieldSpec(_long("reasoning", required=True), protected=True),
    },
    RefKind.CHARGE: {
        "crime_id": FieldSpec(crime_id),
        "status": FieldSpec(_enum(ChargeStatus, "status")),
        "analysis": FieldSpec(_long("legal analysis"), protected=True),
        "suspects": FieldSpec(lambda value: value),  # resolved in _stored_values
        "incidents": FieldSpec(lambda value: value),
    },
    RefKind.ELEMENT_LINK: {
        "element_id": FieldSpec(element_id),
        "stance": FieldSpec(_enum(LinkStance, "stance")),
        "weight": FieldSpec(_enum(Weight, "weight")),
        "basis": FieldSpec(_enum(Basis, "basis")),
        "excerpt": FieldSpec(excerpt_value, protected=True),
        "reasoning": FieldSpec(_long("reasoning", required=True), protected=True),
    },
}
_TIME_FIELDS = ("time_start", "time_end", "acquired_at", "created_at", "reviewed_at")
_ACTIONS = {
    RefKind.PERSON: (CustodyAction.PERSON_EDIT, CustodyAction.PERSON_DELETE, CustodyAction.PERSON_RESTORE),
    RefKind.INCIDENT: (CustodyAction.INCIDENT_EDIT, CustodyAction.INCIDENT_DELETE, CustodyAction.INCIDENT_RESTORE),
    RefKind.SOURCE: (CustodyAction.SOURCE_EDIT, CustodyAction.SOURCE_DELETE, CustodyAction.SOURCE_RESTORE),
    RefKind.EXHIBIT: (CustodyAction.EXHIBIT_EDIT, CustodyAction.EXHIBIT_DELETE, CustodyAction.EXHIBIT_RESTORE),
    RefKind.NOTE: (CustodyAction.NOTE_EDIT, CustodyAction.NOTE_DELETE, CustodyAction.NOTE_RESTORE),
    RefKind.LINK: (CustodyAction.LINK_EDIT, CustodyAction.LINK_DELETE, CustodyAction.LINK_RESTORE),
    RefKind.CHARGE: (CustodyAction.CHARGE_EDIT, CustodyAction.CHARGE_DELETE, CustodyAction.CHARGE_RESTORE),
    RefKind.ELEMENT_LINK: (
        CustodyAction.ELEMENT_LINK_EDIT,
        CustodyAction.ELEMENT_LINK_DELETE,
        CustodyAction.ELEMENT_LINK_RESTORE,
    ),
}


def _stored(record_: Record, field: str) -> Any:
    value = getattr(record_, field)
    return value.value if isinstance(value, enum.Enum) else stored_form(value)


def _jsonable(value: Any) -> Any:
    """A stored value as the revisions table and the custody log keep it (no floats in the log)."""
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, uuid.UUID):
        return str(value)
    return value


def _from_json(field: str, value: Any) -> Any:
    if value is None:
        return None
    if field in _TIME_FIELDS:
        return datetime.fromisoformat(value)
    if field == "source_id":
        return uuid.UUID(value)
    return value


def _log_value(value: Any) -> Any:
    value = _jsonable(value)
    return repr(value) if isinstance(value, float) else value


def _reason(reason: str, *, required: bool = True) -> str:
    return clean_text(reason, field="reason", max_length=LONG_TEXT_MAX, multiline=True, required=required)


class RecordEditing(ServiceBase):
    __slots__ = ()

    # -- edit ----------------------------------------------------------------------------
    def edit(self, key: RecordId, values: Mapping[str, Any], *, reason: str) -> OpResult[Record]:
        """Change fields of a record (see ``EDITABLE``), saying why. Unchanged values are ignored;
        an edit that changes nothing is refused."""
        why = _reason(reason)
        now = self.clock()
        with self.store.write() as tx:
            target = resolve(tx, key)
            new = self._stored_values(tx, target, values)
            result, undo = self._apply_edit(
                tx, target, new, why, now=now, action=CustodyAction(_ACTIONS[target.kind][0])
            )
        return OpResult(result, Changes.of(target.kind), undo)

    def _stored_values(self, tx: WriteTx, target: Target, values: Mapping[str, Any]) -> dict[str, Any]:
        """Typed edit values as the record's stored fields."""
        specs = EDITABLE.get(target.kind)
        if specs is None or target.id is None:
            raise ValidationError(f"{target.ref} cannot be edited")
        unknown = sorted(set(values) - set(specs))
        if unknown:
            raise ValidationError(
                f"{kind_word(target.kind)} has no editable field {', '.join(unknown)}; fields: {', '.join(specs)}"
            )
        if not values:
            raise ValidationError("give at least one field to change")
        new: dict[str, Any] = {}
        for field, raw in values.items():
            parsed = specs[field].parse(raw)
            if field == "source":
                source = require_live(tx, resolve(tx, parsed, RefKind.SOURCE)) if parsed not in (None, "") else None
                new["source_id"] = source.id if source else None
            elif field == "acquired":
                new["acquired_at"] = parse_time_range(parsed, tx.case_info().time_zone)[0] if parsed else None
            elif field in ("when", "until"):
                continue
            elif field in ("suspects", "incidents"):
                new[field] = charge_members(tx, field, parsed)
            else:
                new[field] = parsed
        if "when" in values or "until" in values:
            new.update(self._incident_times(tx, target, values))
        if target.kind is RefKind.ELEMENT_LINK:
            new.update(review_reset(tx.get(target.kind, target.id), new))
        if target.kind is RefKind.INCIDENT and ("latitude" in new or "longitude" in new):
            current = tx.get(RefKind.INCIDENT, target.id)
            check_coordinates(
                new.get("latitude", getattr(current, "latitude", None)),
                new.get("longitude", getattr(current, "longitude", None)),
            )
        return new

    def _incident_times(self, tx: WriteTx, target: Target, values: Mapping[str, Any]) -> dict[str, Any]:
        from caseapp.core.services.records import time_range

        assert target.id is not None
        current = tx.get(RefKind.INCIDENT, target.id)
        when = values.get("when")
        if "when" not in values and current is not None:
            raise ValidationError("give --when together with --until (the start of the range)")
        start, end, precision, zone_name = time_range(
            when or None, values.get("until") or None, tx.case_info().time_zone
        )
        return {"time_start": start, "time_end": end, "time_precision": precision.value, "time_zone": zone_name}

    def _apply_edit(
        self,
        tx: WriteTx,
        target: Target,
        new: dict[str, Any],
        why: str,
        *,
        now: datetime,
        action: CustodyAction,
        undoes: int | None = None,
    ) -> tuple[Record, Undo]:
        assert target.id is not None
        current = tx.get(target.kind, target.id)
        if current is None:
            raise UserError(f"{target.ref} is not in this case")
        if current.deleted is not None:
            raise UserError(f"{target.ref} is deleted; restore it before changing it")
        specs = EDITABLE[target.kind]
        old = {field: _stored(current, field) for field in new}
        # A protected value counts as changed even when it is the same: answering "already has
        # these values" would let anyone confirm a guessed name without a recorded reveal.
        changed = {
            field: value
            for field, value in new.items()
            if old[field] != value or (field in specs and specs[field].protected)
        }
        if not changed:
            raise ValidationError(
                f"{target.ref} already has these values; nothing was changed",
                key="record.unchanged",
                params={"ref": target.ref},
            )
        old = {field: old[field] for field in changed}
        tx.update(target.kind, target.id, changed)
        if target.kind is RefKind.EXHIBIT and ("title" in changed or "description" in changed):
            exhibit = tx.get(RefKind.EXHIBIT, target.id)
            assert isinstance(exhibit, Exhibit)
            tx.index_text(target.id, searchable_heading(exhibit.title, exhibit.description), None)
        log: dict[str, Any] = {}
        for field, value in changed.items():
            spec = specs.get(field)
            if spec is not None and spec.protected:
                log[field] = {
                    "old_digest": self.store.privacy_digest(str(old[field] or "")),
                    "new_digest": self.store.privacy_digest(str(value or "")),
                }
            else:
                log[field] = {"old": _log_value(old[field]), "new": _log_value(value)}
        details: dict[str, Any] = {"changes": log, "reason": why}
        if undoes is not None:
            details.update(undoes=undoes, inverse=str(_ACTIONS[target.kind][0]))
        seq = record(
            tx, actor=self.actor, at=now, action=action, target=target.ref, details=details, target_id=target.id
        )
        tx.add_revision(
            Revision(
                seq,
                target.kind,
                target.id,
                {k: _jsonable(v) for k, v in old.items()},
                {k: _jsonable(v) for k, v in changed.items()},
                why,
            )
        )
        updated = _shown(tx.get(target.kind, target.id))
        assert updated is not None
        undo = Undo(
            "edit",
            target.kind,
            target.id,
            target.ref,
            seq,
            f"set {', '.join(changed)} of {target.ref} back",
            {k: _jsonable(v) for k, v in old.items()},
            expected={k: _jsonable(v) for k, v in changed.items()},
        )
        return updated, undo

    # -- delete and restore ----------------------------------------------------------------
    def delete(self, key: RecordId, *, reason: str, dependents: Dependents = Dependents.REFUSE) -> OpResult[Target]:
        """Delete a record: a tombstone (who, when, why) that ``restore`` takes away again."""
        why = _reason(reason)
        now = self.clock()
        with self.store.write() as tx:
            target = resolve(tx, key)
            if target.id is None or target.kind not in _ACTIONS:
                raise ValidationError(f"{target.ref} cannot be deleted")
            current = tx.get(target.kind, target.id)
            if current is not None and current.deleted is not None:
                raise UserError(f"{target.ref} is already deleted")
            depending = tx.dependents(target.kind, target.id)
            if depending and dependents is Dependents.REFUSE:
                shown = ", ".join(depending[:10]) + (" ..." if len(depending) > 10 else "")
                raise UserError(
                    f"{target.ref} has {len(depending)} record(s) that depend on it ({shown}); "
                    "choose to delete them too or to keep them. Nothing was deleted."
                )
            changes = Changes.of(target.kind)
            if dependents is Dependents.DELETE:
                for ref in depending:
                    dependent = resolve(tx, parse_ref(ref))
                    self._tombstone(tx, dependent, why, now, part_of=target.ref)
                    changes = changes | Changes.of(dependent.kind)
            seq = self._tombstone(
                tx, target, why, now, dependents=depending if dependents is not Dependents.REFUSE else []
            )
        # Undoing a deletion with its dependents restores them too.
        also = {"dependents": list(depending)} if dependents is Dependents.DELETE and depending else {}
        undo = Undo("restore", target.kind, target.id, target.ref, seq, f"restore {target.ref}", also)
        return OpResult(target, changes, undo)

    def _tombstone(
        self,
        tx: WriteTx,
        target: Target,
        why: str,
        now: datetime,
        *,
        dependents: list[str] | None = None,
        undoes: int | None = None,
        part_of: str | None = None,
    ) -> int:
        """``part_of``: the record whose deletion takes this one with it (undone together)."""
        assert target.id is not None
        current = tx.get(target.kind, target.id)
        if current is None or current.deleted is not None:
            raise UserError(f"{target.ref} is already deleted")
        tx.set_tombstone(target.kind, target.id, Tombstone(now, self.actor, why))
        details: dict[str, Any] = {"reason": why}
        if dependents:
            details["dependents"] = list(dependents)
        if part_of is not None:
            details["part_of"] = part_of
        if undoes is not None:
            details["undoes"] = undoes
        action = _ACTIONS[target.kind][1] if undoes is None else CustodyAction.UNDO
        if undoes is not None:
            details["inverse"] = str(_ACTIONS[target.kind][1])
        return record(
            tx, actor=self.actor, at=now, action=action, target=target.ref, details=details, target_id=target.id
        )

    def restore(self, key: RecordId) -> OpResult[Record]:
        """Take a deletion back."""
        now = self.clock()
        with self.store.write() as tx:
            target = resolve(tx, key)
            seq, reason = self._restore(tx, target, now)
            restored = _shown(tx.get(target.kind, target.id)) if target.id else None
        assert restored is not None and target.id is not None
        undo = Undo("delete", target.kind, target.id, target.ref, seq, f"delete {target.ref} again", {"reason": reason})
        return OpResult(restored, Changes.of(target.kind), undo)

    def _restore(self, tx: WriteTx, target: Target, now: datetime, *, undoes: int | None = None) -> tuple[int, str]:
        if target.id is None or target.kind not in _ACTIONS:
            raise ValidationError(f"{target.ref} cannot be restored")
        current = tx.get(target.kind, target.id)
        if current is None or current.deleted is None:
            raise UserError(f"{target.ref} is not deleted; there is nothing to restore")
        tx.set_tombstone(target.kind, target.id, None)
        details: dict[str, Any] = {"was_deleted_by": current.deleted.by, "reason_was": current.deleted.reason}
        action: str = _ACTIONS[target.kind][2]
        if undoes is not None:
            details.update(undoes=undoes, inverse=action)
            action = CustodyAction.UNDO
        seq = record(
            tx, actor=self.actor, at=now, action=action, target=target.ref, details=details, target_id=target.id
        )
        return seq, current.deleted.reason


def _shown(found: Record | None) -> Record | None:
    """A record as an operation returns it: a protected person's name stays hidden (reading it
    is a reveal, recorded in custody)."""
    from caseapp.core.services.records import hide_name

    return hide_name(found) if isinstance(found, Person) else found


class CaseEditing(ServiceBase):
    __slots__ = ()

    def edit_case(
        self,
        *,
        title: str | None = None,
        description: str | None = None,
        time_zone: str | None = None,
        reason: str,
    ) -> OpResult[CaseInfo]:
        """Change the case's title, description or time zone (used for times typed without one;
        times already stored keep the zone they were given in)."""
        why = _reason(reason)
        with self.store.write() as tx:
            updated, undo = self._edit_case(
                tx, {"title": title, "description": description, "time_zone": time_zone}, why
            )
        return OpResult(updated, Changes(case=True, custody=True), undo)

    def _edit_case(
        self, tx: WriteTx, values: Mapping[str, str | None], why: str, undoes: int | None = None
    ) -> tuple[CaseInfo, Undo]:
        info = tx.case_info()
        new = {
            "title": info.title,
            "description": info.description,
            "time_zone": info.time_zone,
        }
        if values.get("title") is not None:
            new["title"] = clean_text(str(values["title"]), field="title", required=True)
        if values.get("description") is not None:
            new["description"] = clean_text(
                str(values["description"]), field="description", max_length=LONG_TEXT_MAX, multiline=True
            )
        if values.get("time_zone") is not None:
            new["time_zone"] = check_zone(str(values["time_zone"]))
        changes = {
            field: {"old": getattr(info, field), "new": value}
            for field, value in new.items()
            if getattr(info, field) != value
        }
        if not changes:
            raise ValidationError("the case already has these values; nothing was changed")
        updated = replace(info, title=new["title"], description=new["description"], time_zone=new["time_zone"])
        tx.set_case_info(updated)
        details: dict[str, Any] = {"changes": changes, "reason": why}
        action = CustodyAction.CASE_EDIT
        if undoes is not None:
            details.update(undoes=undoes, inverse=str(CustodyAction.CASE_EDIT))
            action = CustodyAction.UNDO
        seq = record(tx, actor=self.actor, at=self.clock(), action=action, target="CASE", details=details)
        old = {field: change["old"] for field, change in changes.items()}
        return updated, Undo(
            "edit_case", RefKind.CASE, uuid.UUID(int=0), "CASE", seq, "set the case's details back", old
        )
