"""Undo: apply the :class:`Undo` an operation returned, or find and undo the newest change a
person made (``caseapp undo``). Undoing is itself a change recorded in custody (action ``undo``,
naming the entry it undoes), so the log alone still replays what happened."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from caseapp.core.changes import Changes
from caseapp.core.custody import CustodyAction
from caseapp.core.entities import CustodyEntry
from caseapp.core.errors import UserError
from caseapp.core.operations import OpResult, Undo
from caseapp.core.ports import CustodyQuery, ReadTx, Target, WriteTx
from caseapp.core.refs import RefKind, parse_ref
from caseapp.core.services.annotations import Annotations
from caseapp.core.services.base import resolve
from caseapp.core.services.chain_records import _v1_target
from caseapp.core.services.dossier import UNDO_FIELDS, UNDO_SECTION, DossierOps
from caseapp.core.services.editing import CaseEditing, RecordEditing, _from_json, _jsonable, _stored
from caseapp.core.services.persons import REDO_CONSENT, UNDO_CONSENT, UNDO_IDENTITY, PersonOps

# Actions that read but change nothing: `undo` passes over them.
NOT_CHANGES = frozenset(
    {
        CustodyAction.PERSON_REVEAL,
        CustodyAction.EXHIBIT_EXPORT,
        CustodyAction.DOSSIER_EXPORT,
        CustodyAction.EXPORT_BUNDLE,
    }
)
_KIND_OF_ACTION = {
    "person": RefKind.PERSON,
    "incident": RefKind.INCIDENT,
    "source": RefKind.SOURCE,
    "exhibit": RefKind.EXHIBIT,
    "note": RefKind.NOTE,
    "link": RefKind.LINK,
    "charge": RefKind.CHARGE,
    "element_link": RefKind.ELEMENT_LINK,
}


class UndoOps(RecordEditing, CaseEditing, Annotations, DossierOps, PersonOps):
    __slots__ = ()

    def undo(self, undo: Undo) -> OpResult[Undo]:
        """Apply ``undo``; the result's value and undo are what redoes it."""
        now = self.clock()
        with self.store.write() as tx:
            target = Target(undo.kind, undo.id, undo.ref)
            redo: Undo
            if undo.action == "delete":
                redo = self._undo_by_deleting(tx, undo, now)
            elif undo.action == "restore":
                redo = self._undo_by_restoring(tx, undo, now)
            elif undo.action == "edit":
                self._check_unchanged_since(tx, undo)
                values = {field: _from_json(field, value) for field, value in undo.values.items()}
                action = CustodyAction.UNDO
                _, redo = self._apply_edit(
                    tx, target, values, f"undo of entry {undo.undoes}", now=now, action=action, undoes=undo.undoes
                )
            elif undo.action in (UNDO_FIELDS, UNDO_SECTION):
                redo = self._undo_dossier(tx, undo)
            elif undo.action in (UNDO_IDENTITY, UNDO_CONSENT, REDO_CONSENT):
                redo = self._undo_person(tx, undo)
            elif undo.action == "edit_case":
                values = {k: str(v) for k, v in undo.values.items()}
                _, redo = self._edit_case(tx, values, f"undo of entry {undo.undoes}", undo.undoes)
            elif undo.action in ("untag", "retag"):
                names = [str(n) for n in undo.values.get("tags", [])]
                remove = undo.action == "untag"
                changed = self._tag(tx, target, names, remove=remove, reason="undo", undoes=undo.undoes)
                if not changed:
                    raise UserError(f"the tags of {undo.ref} were already changed back; nothing to undo")
                redo = Undo(
                    "retag" if remove else "untag",
                    undo.kind,
                    undo.id,
                    undo.ref,
                    changed[-1][1],
                    f"redo tags of {undo.ref}",
                    {"tags": names},
                )
            else:
                raise UserError(f"caseapp cannot undo {undo.action!r}")
        return OpResult(redo, _changes_of(undo), redo)

    def _undo_by_deleting(self, tx: WriteTx, undo: Undo, now: datetime) -> Undo:
        target = Target(undo.kind, undo.id, undo.ref)
        # Records made or restored together with this one (a confirmed suggestion's links) go with it.
        together = [str(r) for r in undo.values.get("with", [])]
        reason = str(undo.values.get("reason", "undo"))
        for ref in together:
            found = resolve(tx, parse_ref(ref))
            current = tx.get(found.kind, found.id) if found.id is not None else None
            if current is not None and current.deleted is None:
                self._tombstone(tx, found, reason, now, undoes=undo.undoes, part_of=undo.ref)
        # Taking back a creation must not leave what was attached to it since hanging on a
        # deleted record; taking back a restore returns to a deletion the person chose.
        depending = tx.dependents(undo.kind, undo.id) if undo.values.get("created") else []
        if depending:
            shown = ", ".join(depending[:10]) + (" ..." if len(depending) > 10 else "")
            raise UserError(
                f"undoing would delete {undo.ref}, but {shown} depend(s) on it now; "
                "delete those first or keep it. Nothing was changed."
            )
        seq = self._tombstone(tx, target, reason, now, undoes=undo.undoes)
        also = {"dependents": together} if together else {}
        return Undo("restore", undo.kind, undo.id, undo.ref, seq, f"restore {undo.ref}", also)

    def _undo_by_restoring(self, tx: WriteTx, undo: Undo, now: datetime) -> Undo:
        seq, reason = self._restore(tx, Target(undo.kind, undo.id, undo.ref), now, undoes=undo.undoes)
        together = [str(ref) for ref in undo.values.get("dependents", [])]
        for ref in together:
            self._restore(tx, resolve(tx, parse_ref(ref)), now, undoes=undo.undoes)
        again: dict[str, Any] = {"reason": reason, "with": together} if together else {"reason": reason}
        return Undo("delete", undo.kind, undo.id, undo.ref, seq, f"delete {undo.ref} again", again)

    def last_undo(self) -> tuple[CustodyEntry, Undo]:
        """The newest change this person made in this case that is still in effect, and its undo.

        An entry is undone while an ``undo`` entry names it and that ``undo`` is not itself undone
        (a redo is an undo of an undo, and brings the change back: it is then the change to take
        back). Deletions made as part of another (the dependents of a deletion) go with it. A
        change whose effect is already gone (a record someone else deleted since) is passed over."""
        with self.store.read() as tx:
            entries = list(tx.custody_entries(CustodyQuery(actor=self.actor, newest_first=True)))
            undoers: dict[int, list[int]] = {}
            undo_seqs: set[int] = set()
            for entry in entries:
                if entry.action == CustodyAction.UNDO:
                    undo_seqs.add(entry.seq)
                    undoers.setdefault(int(entry.details.get("undoes", 0)), []).append(entry.seq)

            def undone(seq: int) -> bool:
                return any(not undone(u) for u in undoers.get(seq, []))

            for entry in entries:
                if entry.action in NOT_CHANGES or "part_of" in entry.details:
                    continue
                if entry.action == CustodyAction.UNDO and int(entry.details.get("undoes", 0)) not in undo_seqs:
                    continue  # an undo is not a change to take back; a redo is
                if undone(entry.seq):
                    continue
                undo = self._dossier_undo_of(tx, entry) or self._person_undo_of(tx, entry) or self._undo_of(tx, entry)
                if self._already_gone(tx, undo):
                    continue
                return entry, undo
        raise UserError(f"there is no change by {self.actor} to undo in this case")

    def _already_gone(self, tx: ReadTx, undo: Undo) -> bool:
        """The change's effect was taken away since by someone else (nothing left to undo)."""
        if undo.kind is RefKind.CASE or undo.action not in ("delete", "restore"):
            return False
        current = tx.get(undo.kind, undo.id)
        if current is None:
            return True
        return (current.deleted is not None) == (undo.action == "delete")

    def _check_unchanged_since(self, tx: ReadTx, undo: Undo) -> None:
        """Undoing an edit must not overwrite a later edit (by anyone): refuse, naming it."""
        if not undo.expected:
            return
        current = tx.get(undo.kind, undo.id)
        if current is None:
            raise UserError(f"{undo.ref} is not in this case")
        for field, value in undo.expected.items():
            if _jsonable(_stored(current, field)) != value:
                raise UserError(
                    f"the {field.replace('_', ' ')} of {undo.ref} was changed again after entry {undo.undoes}; "
                    "undoing it would overwrite that later change. Change it by hand instead. Nothing was changed."
                )

    def undo_last(self) -> OpResult[tuple[CustodyEntry, Undo]]:
        """Undo the newest change made by this person (``caseapp undo``)."""
        entry, undo = self.last_undo()
        result = self.undo(undo)
        return OpResult((entry, undo), result.changes, result.undo)

    def _undo_of(self, tx: ReadTx, entry: CustodyEntry) -> Undo:
        action = str(entry.details.get("inverse", "")) if entry.action == CustodyAction.UNDO else entry.action
        kind_name, _, verb = action.partition(".")
        if action == CustodyAction.CASE_EDIT:
            old = {field: change["old"] for field, change in dict(entry.details.get("changes", {})).items()}
            return Undo(
                "edit_case", RefKind.CASE, uuid.UUID(int=0), "CASE", entry.seq, "set the case's details back", old
            )
        if kind_name == "tag":
            target = self._entry_target(tx, entry, None)
            action = "untag" if verb == "add" else "retag"
            tags = {"tags": [entry.details.get("tag")]}
            return Undo(action, target.kind, _id(target), target.ref, entry.seq, f"{verb} undone on {target.ref}", tags)
        kind = _KIND_OF_ACTION.get(kind_name)
        if kind is None or verb not in ("add", "edit", "delete", "restore", "import", "review"):
            raise UserError(
                f"the newest change by {self.actor} (entry {entry.seq}, {entry.action} on {entry.target}) "
                "cannot be undone"
            )
        target = self._entry_target(tx, entry, kind)
        if verb in ("add", "import"):
            created: dict[str, Any] = {"reason": "undo", "created": True}
            if entry.details.get("links"):  # a confirmed suggestion: its links were made with it
                created["with"] = [str(r) for r in entry.details["links"]]
            return Undo("delete", kind, _id(target), target.ref, entry.seq, f"delete {target.ref}", created)
        if verb == "delete":
            also = _deleted_with(tx, target, [str(r) for r in entry.details.get("dependents", [])])
            return Undo("restore", kind, _id(target), target.ref, entry.seq, f"restore {target.ref}", also)
        if verb == "restore":
            return Undo(
                "delete", kind, _id(target), target.ref, entry.seq, f"delete {target.ref} again", {"reason": "undo"}
            )
        revision = tx.revision(entry.seq)
        if revision is None:
            raise UserError(f"the values replaced by entry {entry.seq} are not in this case; it cannot be undone")
        values: dict[str, Any] = dict(revision.old)
        return Undo(
            "edit",
            kind,
            _id(target),
            target.ref,
            entry.seq,
            f"set {', '.join(values)} of {target.ref} back",
            values,
            expected=dict(revision.new),
        )

    def _entry_target(self, tx: ReadTx, entry: CustodyEntry, kind: RefKind | None) -> Target:
        kinds = [kind] if kind is not None else [RefKind.EXHIBIT, RefKind.PERSON, RefKind.INCIDENT, RefKind.SOURCE]
        for candidate in kinds:
            key = uuid.UUID(entry.target_id) if entry.target_id else _v1_target(candidate, entry)
            found = tx.find(candidate, key)
            if found is not None:
                return found
        raise UserError(f"the record of entry {entry.seq} ({entry.target}) is not in this case")


def _changes_of(undo: Undo) -> Changes:
    """What applying ``undo`` changes: its record's kind, and the kinds of those that go with it."""
    if undo.kind is RefKind.CASE:
        return Changes(case=True, custody=True)
    changes = Changes.of(undo.kind, tags=undo.action in ("untag", "retag"))
    for ref in [*undo.values.get("with", []), *undo.values.get("dependents", [])]:
        changes = changes | Changes.of(parse_ref(str(ref)).kind)
    return changes | Changes(exhibits=True) if changes.links else changes  # an exhibit's count of links


def _deleted_with(tx: ReadTx, target: Target, refs: list[str]) -> dict[str, Any]:
    """The dependents deleted together with ``target`` (same tombstone time), to restore with it."""
    record = tx.get(target.kind, _id(target))
    if record is None or record.deleted is None or not refs:
        return {}
    together = []
    for ref in refs:
        found = resolve(tx, parse_ref(ref))
        dependent = tx.get(found.kind, _id(found))
        if dependent is not None and dependent.deleted is not None and dependent.deleted.at == record.deleted.at:
            together.append(ref)
    return {"dependents": together} if together else {}


def _id(target: Target) -> Any:
    assert target.id is not None
    return target.id
