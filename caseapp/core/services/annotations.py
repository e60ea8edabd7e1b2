"""Use cases that annotate records: tags, notes and links (exhibit -> person or incident).

Tags are case-insensitive labels (NFC, casefolded). Removing a tag sets a tombstone on the tagging;
tagging again clears it. A note's text and a link's reasoning are bound in custody by keyed hashes
(they may name protected people); the text itself is read back with ``notes`` and ``links``.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from caseapp.core.changes import Changes
from caseapp.core.custody import CustodyAction
from caseapp.core.entities import Link, LinkStance, Note
from caseapp.core.errors import ValidationError
from caseapp.core.operations import OpResult, Undo
from caseapp.core.ports import RecordQuery, Target, WriteTx
from caseapp.core.refs import PREFIX, RecordId, RefKind
from caseapp.core.services.base import ServiceBase, choice, record, require_live, resolve
from caseapp.core.services.records import undo_add
from caseapp.core.services.redacted import redacted
from caseapp.core.text import LONG_TEXT_MAX, clean_text

TAGGABLE = (RefKind.EXHIBIT, RefKind.PERSON, RefKind.INCIDENT, RefKind.SOURCE)


def clean_tags(names: Sequence[str]) -> list[str]:
    clean = [clean_text(n, field="tag", max_length=100, required=True).casefold() for n in names]
    if not clean:
        raise ValidationError("give at least one tag")
    return list(dict.fromkeys(clean))


class Annotations(ServiceBase):
    __slots__ = ()

    # -- tags ------------------------------------------------------------------------------
    def tag(
        self, key: RecordId, names: Sequence[str], *, remove: bool = False, reason: str = ""
    ) -> OpResult[list[str]]:
        """Add (or remove) tags on an exhibit, person, incident or source; returns its tags now."""
        clean = clean_tags(names)
        why = clean_text(reason, field="reason", max_length=LONG_TEXT_MAX, multiline=True)
        with self.store.write() as tx:
            target = require_live(tx, resolve(tx, key, *TAGGABLE))
            changed = self._tag(tx, target, clean, remove=remove, reason=why)
            tags = tx.tags_of(target)
        if not changed:
            return OpResult(tags, Changes())
        names = [n for n, _ in changed]
        undo = Undo(
            "retag" if remove else "untag",
            target.kind,
            target.id or uuid.UUID(int=0),
            target.ref,
            changed[-1][1],
            f"{'add' if remove else 'remove'} {', '.join(names)} {'on' if remove else 'from'} {target.ref} again",
            {"tags": [n for n, _ in changed]},
        )
        return OpResult(tags, Changes.of(target.kind, tags=True), undo)

    def _tag(
        self,
        tx: WriteTx,
        target: Target,
        names: list[str],
        *,
        remove: bool,
        reason: str = "",
        undoes: int | None = None,
    ) -> list[tuple[str, int]]:
        now = self.clock()
        changed: list[tuple[str, int]] = []
        for name in names:
            if remove:
                done = tx.remove_tag(target, name, at=now, by=self.actor, reason=reason)
            else:
                done = tx.add_tag(target, name, at=now, by=self.actor)
            if not done:
                continue
            action = CustodyAction.TAG_REMOVE if remove else CustodyAction.TAG_ADD
            details: dict[str, object] = {"tag": name}
            if reason:
                details["reason"] = reason
            if undoes is not None:
                details.update(undoes=undoes, inverse=str(action))
                action = CustodyAction.UNDO
            seq = record(
                tx, actor=self.actor, at=now, action=action, target=target.ref, details=details, target_id=target.id
            )
            changed.append((name, seq))
        return changed

    def tags_of(self, key: RecordId) -> list[str]:
        with self.store.read() as tx:
            return tx.tags_of(resolve(tx, key, *TAGGABLE))

    def tag_counts(self) -> list[tuple[str, int]]:
        with self.store.read() as tx:
            return tx.tag_counts()

    # -- notes -----------------------------------------------------------------------------
    def add_note(self, key: RecordId, text: str) -> OpResult[Note]:
        """A note on a record or on the case (``CASE_REF``)."""
        body = clean_text(text, field="note", max_length=LONG_TEXT_MAX, multiline=True, required=True)
        now = self.clock()
        with self.store.write() as tx:
            target = require_live(tx, resolve(tx, key, RefKind.CASE, *TAGGABLE))
            note = Note(
                id=uuid.uuid4(),
                ref=tx.next_ref(PREFIX[RefKind.NOTE]),
                target_kind=target.kind.value,
                target_id=target.id,
                target_ref=target.ref,
                text=body,
                author=self.actor,
                created_at=now,
            )
            tx.add_note(note)
            # The log binds the text without carrying it (it may name protected people).
            details = {"note": note.ref, "on": target.ref, "text_digest": self.store.privacy_digest(body)}
            seq = record(
                tx,
                actor=self.actor,
                at=now,
                action=CustodyAction.NOTE_ADD,
                target=note.ref,
                details=details,
                target_id=note.id,
            )
        return OpResult(note, Changes.of(RefKind.NOTE), undo_add(RefKind.NOTE, note.id, note.ref, seq))

    def notes(self, key: RecordId | None = None, query: RecordQuery | None = None) -> list[Note]:
        with self.store.read() as tx:
            target = resolve(tx, key, RefKind.CASE, *TAGGABLE) if key is not None else None
            base = query or RecordQuery()
            return redacted(tx, tx.notes(RecordQuery(deleted=base.deleted, target=target, page=base.page)))

    # -- links -----------------------------------------------------------------------------
    def link(
        self, exhibit: RecordId, target_key: RecordId, *, reasoning: str, stance: LinkStance = LinkStance.SUPPORTS
    ) -> OpResult[Link]:
        """Link an exhibit to a person or incident, saying what it shows. The same link twice
        (same exhibit, target and stance) is refused."""
        why = clean_text(reasoning, field="reasoning", max_length=LONG_TEXT_MAX, multiline=True, required=True)
        stance_value = choice(LinkStance, stance, "stance")
        now = self.clock()
        with self.store.write() as tx:
            source = require_live(tx, resolve(tx, exhibit, RefKind.EXHIBIT))
            target = require_live(tx, resolve(tx, target_key, RefKind.PERSON, RefKind.INCIDENT))
            assert source.id is not None and target.id is not None
            for existing in tx.links(RecordQuery(target=source)):
                if existing.target_id == target.id and existing.stance is stance_value:
                    raise ValidationError(
                        f"{existing.ref} already links {source.ref} to {target.ref} ({stance_value.value}); "
                        "edit it instead of adding it twice",
                        key="link.duplicate",
                        params={
                            "link": existing.ref,
                            "source": source.ref,
                            "target": target.ref,
                            "stance": stance_value,
                        },
                    )
            link = Link(
                id=uuid.uuid4(),
                ref=tx.next_ref(PREFIX[RefKind.LINK]),
                exhibit_id=source.id,
                exhibit_ref=source.ref,
                target_kind=target.kind.value,
                target_id=target.id,
                target_ref=target.ref,
                stance=stance_value,
                reasoning=why,
                author=self.actor,
                created_at=now,
            )
            tx.add_link(link)
            details = {
                "link": link.ref,
                "exhibit": source.ref,
                "to": target.ref,
                "stance": stance_value.value,
                "reasoning_digest": self.store.privacy_digest(why),
            }
            seq = record(
                tx,
                actor=self.actor,
                at=now,
                action=CustodyAction.LINK_ADD,
                target=link.ref,
                details=details,
                target_id=link.id,
            )
        return OpResult(link, Changes.of(RefKind.LINK), undo_add(RefKind.LINK, link.id, link.ref, seq))

    def links(self, key: RecordId | None = None, query: RecordQuery | None = None) -> list[Link]:
        """Links, all or those of one exhibit, person or incident, with stance and reasoning."""
        with self.store.read() as tx:
            target = resolve(tx, key, RefKind.EXHIBIT, RefKind.PERSON, RefKind.INCIDENT) if key is not None else None
            base = query or RecordQuery()
            return redacted(tx, tx.links(RecordQuery(deleted=base.deleted, target=target, page=base.page)))
