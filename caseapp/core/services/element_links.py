"""Element links (``EL-n``): an exhibit, or an excerpt of it, linked to an element of the legal
catalogue, with stance, weight, observed or alleged, a required reasoning, and a review; and the
gap matrix over them.

Review is by another person than the author (four eyes, as in Bayanat's peer review): reviewing
one's own link is refused. Editing what a reviewed link says (its element, stance, weight, basis
or excerpt) sends it back to "proposed". The reasoning and the quoted words of an excerpt are
bound in custody by keyed digests: the custody log travels with shared bundles, and a reasoning
("W-003's brother, Ahmad ..., saw ...") may name a protected person.
"""

from __future__ import annotations

import uuid
from collections.abc import Collection
from dataclasses import dataclass

from caseapp.core.analysis import Basis, Charge, ElementLink, Excerpt, ReviewState, Weight
from caseapp.core.changes import Changes
from caseapp.core.custody import CustodyAction
from caseapp.core.entities import LinkStance
from caseapp.core.errors import UserError, ValidationError
from caseapp.core.legal.gaps import ChargeGaps, cell_groups, gap_matrix, gap_matrix_of_facts, ids_counted
from caseapp.core.operations import OpResult
from caseapp.core.ports import CustodyQuery, Page, ReadTx, RecordQuery
from caseapp.core.refs import PREFIX, RecordId, RefKind
from caseapp.core.services.analysis_fields import element_id
from caseapp.core.services.base import choice, record, resolve
from caseapp.core.services.charges import ChargeOps, catalogue
from caseapp.core.services.editing import RecordEditing
from caseapp.core.services.records import undo_add
from caseapp.core.services.redacted import redacted
from caseapp.core.text import LONG_TEXT_MAX, clean_text

REVIEW_PAGE = Page(0, 200)
"""The review queue shows this many proposals at a time, the oldest first."""
INCREMENTAL_ENTRIES = 200
"""More custody entries than this since the matrix shown: it is computed whole again."""
_READ_ONLY_ACTIONS = frozenset(
    {
        CustodyAction.PERSON_REVEAL,
        CustodyAction.EXHIBIT_EXPORT,
        CustodyAction.DOSSIER_EXPORT,
        CustodyAction.EXPORT_BUNDLE,
    }
)


@dataclass(frozen=True, slots=True)
class GapsUpdate:
    """The gap matrix as of custody entry ``seq``: whole, or (``whole`` False) only the cells that
    count links changed since the entry asked for, to merge into the matrix shown
    (:func:`caseapp.core.legal.gaps.merge_gaps`)."""

    seq: int
    charges: tuple[ChargeGaps, ...]
    whole: bool


class ElementLinkOps(ChargeOps, RecordEditing):
    __slots__ = ()

    def link_element(
        self,
        exhibit: RecordId,
        element: str,
        *,
        reasoning: str,
        stance: LinkStance = LinkStance.SUPPORTS,
        weight: Weight = Weight.LIKELY,
        basis: Basis = Basis.OBSERVED,
        excerpt: Excerpt | None = None,
    ) -> OpResult[ElementLink]:
        """Link an exhibit (or an excerpt) to an element of the catalogue; it is proposed until
        someone else accepts it. The same link twice (exhibit, excerpt, element, stance) is refused.
        An element of a crime not charged (yet) is allowed: it counts once the crime is charged."""
        element_value = element_id(element)
        why = clean_text(reasoning, field="reasoning", max_length=LONG_TEXT_MAX, multiline=True, required=True)
        stance_value = choice(LinkStance, stance, "stance")
        weight_value = choice(Weight, weight, "weight")
        basis_value = choice(Basis, basis, "basis")
        now = self.clock()
        with self.store.write() as tx:
            source = resolve(tx, exhibit, RefKind.EXHIBIT)
            assert source.id is not None
            current = tx.get(RefKind.EXHIBIT, source.id)
            if current is not None and current.deleted is not None:
                raise UserError(f"{source.ref} is deleted; restore it before linking it")
            for existing in tx.element_links(RecordQuery(target=source), element_value):
                if existing.stance is stance_value and existing.excerpt == excerpt:
                    raise ValidationError(
                        f"{existing.ref} already links {source.ref} to {element_value} ({stance_value.value}); "
                        "edit it instead of adding it twice",
                        key="link.duplicate",
                        params={
                            "link": existing.ref,
                            "source": source.ref,
                            "target": element_value,
                            "stance": stance_value,
                        },
                    )
            link = ElementLink(
                id=uuid.uuid4(),
                ref=tx.next_ref(PREFIX[RefKind.ELEMENT_LINK]),
                exhibit_id=source.id,
                exhibit_ref=source.ref,
                excerpt=excerpt,
                element_id=element_value,
                catalogue_edition=catalogue().edition,
                stance=stance_value,
                weight=weight_value,
                basis=basis_value,
                reasoning=why,
                author=self.actor,
                created_at=now,
            )
            tx.add_element_link(link)
            details: dict[str, object] = {
                "exhibit": source.ref,
                "element": element_value,
                "catalogue": link.catalogue_edition,
                "stance": stance_value.value,
                "weight": weight_value.value,
                "basis": basis_value.value,
                "reasoning_digest": self.store.privacy_digest(why),
            }
            if excerpt is not None:
                details["excerpt"] = excerpt.describe()
                details["excerpt_digest"] = self.store.privacy_digest(excerpt.to_json())
            seq = record(
                tx,
                actor=self.actor,
                at=now,
                action=CustodyAction.ELEMENT_LINK_ADD,
                target=link.ref,
                details=details,
                target_id=link.id,
            )
        undo = undo_add(RefKind.ELEMENT_LINK, link.id, link.ref, seq)
        return OpResult(link, Changes.of(RefKind.ELEMENT_LINK), undo)

    def element_links(
        self, key: RecordId | None = None, query: RecordQuery | None = None, *, element: str | None = None
    ) -> list[ElementLink]:
        """Element links, all or those of one exhibit, or of one element id."""
        with self.store.read() as tx:
            target = resolve(tx, key, RefKind.EXHIBIT) if key is not None else None
            base = query or RecordQuery()
            query = RecordQuery(deleted=base.deleted, target=target, page=base.page)
            return redacted(tx, tx.element_links(query, element))

    def review(self, key: RecordId, *, accept: bool) -> OpResult[ElementLink]:
        """Accept or reject a link (by someone other than its author); undo takes it back."""
        state = ReviewState.ACCEPTED if accept else ReviewState.REJECTED
        now = self.clock()
        with self.store.write() as tx:
            target = resolve(tx, key, RefKind.ELEMENT_LINK)
            assert target.id is not None
            link = tx.get(RefKind.ELEMENT_LINK, target.id)
            assert isinstance(link, ElementLink)
            if link.deleted is not None:
                raise UserError(f"{link.ref} is deleted; restore it before reviewing it")
            if link.author == self.actor:
                raise UserError(
                    f"{link.ref} was proposed by {link.author}; another person must review it (nothing was changed)"
                )
            if link.review is state:
                raise UserError(f"{link.ref} is already {state.value}; nothing was changed")
            values = {"review": state.value, "reviewed_by": self.actor, "reviewed_at": now}
            updated, undo = self._apply_edit(
                tx,
                target,
                values,
                state.value,
                now=now,
                action=CustodyAction.ELEMENT_LINK_REVIEW,
            )
        assert isinstance(updated, ElementLink)
        return OpResult(updated, Changes.of(RefKind.ELEMENT_LINK), undo)

    def review_queue(self, element_prefix: str = "", page: Page = REVIEW_PAGE) -> list[ElementLink]:
        """Links awaiting review, oldest first, one page; ``element_prefix`` keeps those whose element
        id starts with it (``8(2)(e)`` for every element of the war crimes of 8(2)(e)). In the store."""
        prefix = element_prefix.strip()
        with self.store.read() as tx:
            found = tx.element_links(RecordQuery(page=page), review=ReviewState.PROPOSED, element_prefix=prefix)
            return redacted(tx, found)

    def gaps(self, charge: RecordId | None = None) -> tuple[ChargeGaps, ...]:
        """The gap matrix of one charge or of every live charge (see :mod:`caseapp.core.legal.gaps`)."""
        with self.store.read() as tx:
            if charge is not None:
                target = resolve(tx, charge, RefKind.CHARGE)
                charges = [c for c in tx.charges(RecordQuery()) if c.id == target.id]
                if not charges:
                    raise UserError(f"{target.ref} is deleted; restore it to see its gaps")
            else:
                charges = tx.charges(RecordQuery())
            return self._gaps(tx, self._with_warnings(tx, charges), None)

    def gaps_update(self, since: int | None = None) -> GapsUpdate:
        """The matrix of every live charge as of the newest custody entry: whole when ``since`` is
        None; else, when only element links changed after entry ``since`` (a review, an edit, a
        deletion, their undo), only the cells counting their elements, old and new (their charges'
        warnings, which links do not change, are not computed). The store aggregates the links
        (``gap_facts``): the matrix :meth:`gaps` computes from every link, read faster."""
        with self.store.read() as tx:
            head = tx.last_custody_entry()
            seq = head.seq if head is not None else 0
            touched = self._elements_touched(tx, since) if since is not None else None
            if touched is not None and not touched:
                return GapsUpdate(seq, (), whole=False)
            charges = tx.charges(RecordQuery())
            if touched is None:
                charges = self._with_warnings(tx, charges)
            legal = catalogue()
            facts = tx.gap_facts(cell_groups(legal, charges, touched))
            return GapsUpdate(seq, gap_matrix_of_facts(legal, charges, facts, only=touched), whole=touched is None)

    def _gaps(self, tx: ReadTx, charges: list[Charge], touched: Collection[str] | None) -> tuple[ChargeGaps, ...]:
        legal = catalogue()
        links, facts = tx.gap_links(ids_counted(legal, charges, touched))
        return gap_matrix(legal, charges, links, facts, only=touched)

    def _elements_touched(self, tx: ReadTx, since: int) -> set[str] | None:
        """The element ids of the links changed after entry ``since`` (before and after an edit),
        or None when something else that the matrix reads changed (a charge, an exhibit, a source)."""
        touched: set[str] = set()
        prefix = PREFIX[RefKind.ELEMENT_LINK] + "-"
        entries = tx.custody_entries(CustodyQuery(since_seq=since, page=Page(0, INCREMENTAL_ENTRIES + 1)))
        for count, entry in enumerate(entries):
            if count == INCREMENTAL_ENTRIES:
                return None
            if entry.action in _READ_ONLY_ACTIONS:
                continue
            if not entry.target.startswith(prefix) or entry.target_id is None:
                return None
            link = tx.get(RefKind.ELEMENT_LINK, uuid.UUID(entry.target_id))
            if not isinstance(link, ElementLink):
                return None
            touched.add(link.element_id)
            revision = tx.revision(entry.seq)
            for values in (revision.old, revision.new) if revision is not None else ():
                if isinstance(values.get("element_id"), str):
                    touched.add(values["element_id"])
        return touched
