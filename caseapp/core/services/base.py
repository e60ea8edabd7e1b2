"""What every use case shares: the custody entry written in the same transaction as the change,
resolving typed record ids, and checking choices."""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, TypeVar
from uuid import UUID

from caseapp.core import custody
from caseapp.core.errors import NotFoundError, UserError, ValidationError
from caseapp.core.ports import CaseStore, ReadTx, Target, WriteTx
from caseapp.core.refs import CASE_REF, RecordId, Ref, RefKind, a_kind, kind_word

Clock = Callable[[], datetime]
E = TypeVar("E", bound=enum.StrEnum)


def utc_now() -> datetime:
    return datetime.now(UTC)


def record(
    tx: WriteTx,
    *,
    actor: str,
    at: datetime,
    action: str,
    target: str,
    details: dict[str, Any],
    target_id: UUID | None = None,
) -> int:
    """Append the custody entry of a change inside the change's own transaction; return its seq.

    Every entry is of format version 2: it names the device that wrote it and the UUID of the
    record acted on beside its ref."""
    entry = custody.next_entry(
        tx.last_custody_entry(),
        at=at,
        actor=actor,
        action=action,
        target=target,
        details=details,
        device=tx.device_id(),
        target_id=str(target_id) if target_id is not None else None,
    )
    tx.append_custody(entry)
    return entry.seq


def resolve(tx: ReadTx, key: RecordId, *kinds: RefKind) -> Target:
    """The record a UUID or a ref names, which must be of one of ``kinds`` (any kind if none given).

    Raises NotFoundError naming it (deleted records are found too: callers decide about them)."""
    if isinstance(key, Ref):
        if key == CASE_REF:
            if kinds and RefKind.CASE not in kinds:
                raise ValidationError(f"CASE is not {' or '.join(a_kind(k) for k in kinds)}")
            return Target(RefKind.CASE, None, "CASE")
        if kinds and key.kind not in kinds:
            raise ValidationError(f"{key} is {a_kind(key.kind)}, not {' or '.join(a_kind(k) for k in kinds)}")
        found = tx.find(key.kind, key.text)
        if found is None:
            raise NotFoundError(
                f"there is no {kind_word(key.kind)} {key} in this case",
                key="record.not_found",
                params={"kind": key.kind.value, "ref": key},
            )
        return found
    for kind in kinds or tuple(k for k in RefKind if k is not RefKind.CASE):
        if kind is RefKind.CASE:
            continue
        found = tx.find(kind, key)
        if found is not None:
            return found
    raise NotFoundError(f"there is no record {key} in this case", key="record.not_found.any", params={"ref": key})


def require_live(tx: ReadTx, target: Target) -> Target:
    """``target``, unless it is deleted: nothing new is attached to a deleted record."""
    if target.id is not None:
        found = tx.get(target.kind, target.id)
        if found is not None and found.deleted is not None:
            raise UserError(f"{target.ref} is deleted; restore it first")
    return target


def searchable_heading(title: str, description: str) -> str:
    """What the search index holds as an exhibit's heading: its title and its description (both
    typed by people; an imported file's extracted text is the index's body)."""
    return f"{title}\n{description}" if description else title


def choice(enum_type: type[E], value: str | E, field: str) -> E:
    try:
        return enum_type(value)
    except ValueError:
        allowed = ", ".join(m.value for m in enum_type)
        raise ValidationError(f"{field} {value!r} is not one of: {allowed}") from None


@dataclass(frozen=True, slots=True)
class ServiceBase:
    """A use-case object over one open case. Holds no UI state; may be called from a worker thread."""

    store: CaseStore
    actor: str
    clock: Clock = utc_now
