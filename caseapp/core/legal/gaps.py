"""The gap matrix: for every charge, what each element has to prove it and what is still missing.

Computed, never stored (data-models §5.3). Rows of a charge: the crime's contextual elements, its
specific elements, and the elements of each suspect's mode of liability (a crime or a mode whose
elements the catalogue does not have gets one row under its own id). Per row (``judge``, over the
row's ``CellFacts``):

- only **accepted** links count as proof; **proposed** ones are listed as awaiting review;
- a link counts for a row when it names the row's element id; for a contextual element, also
  when it names the shared context (``C-NIAC``, ``C-7a`` ...), so one body of evidence of the
  armed conflict or of the attack serves every charged crime;
- **independent sources**: supporting exhibits that share a source count once; an exhibit
  without a source counts as its own source; every acquisition of one original is one exhibit
  (intake keeps one exhibit per content), so they count once too;
- **status**, first that applies: *contested* (an accepted contradicting link), *unaddressed*
  (no accepted supporting link), *weak* (fewer than two independent sources, or no supporting
  exhibit graded A-C and 1-3, i.e. only grades D-F or 4-6 or none, or every supporting link
  weighs only "maybe"), otherwise *corroborated*.
"""

from __future__ import annotations

import enum
from collections import defaultdict
from collections.abc import Callable, Collection, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, NamedTuple, Protocol

from caseapp.core.analysis import Charge, ReviewState, Weight
from caseapp.core.entities import LinkStance
from caseapp.core.legal.model import Catalogue, Role

GOOD_RELIABILITY = frozenset("ABC")
GOOD_CREDIBILITY = frozenset("123")


class GapStatus(enum.StrEnum):
    UNADDRESSED = "unaddressed"
    WEAK = "weak"
    CORROBORATED = "corroborated"
    CONTESTED = "contested"


class RowKind(enum.StrEnum):
    CONTEXTUAL = "contextual"
    SPECIFIC = "specific"
    LIABILITY = "liability"


class CountedLink(Protocol):
    """What the matrix reads of an element link (an :class:`ElementLink` is one; so is a :class:`GapLink`)."""

    @property
    def ref(self) -> str: ...
    @property
    def exhibit_id(self) -> Hashable: ...  # the key of its exhibit's facts
    @property
    def element_id(self) -> str: ...
    @property
    def stance(self) -> LinkStance: ...
    @property
    def weight(self) -> Weight: ...
    @property
    def review(self) -> ReviewState: ...
    @property
    def deleted(self) -> object | None: ...


class GapLink(NamedTuple):
    """Only what the matrix reads of a link, so a store can read 300 000 of them quickly."""

    ref: str
    exhibit_id: str  # the exhibit's id as the store keeps it (making 100 000 UUIDs costs seconds)
    element_id: str
    stance: LinkStance
    weight: Weight
    review: ReviewState
    deleted: datetime | None = None


@dataclass(frozen=True, slots=True)
class EvidenceFacts:
    """What the matrix needs to know of an exhibit: its ref, its source (for independence) and
    its Admiralty grading (``B2``; None when it has no source)."""

    exhibit_ref: str
    source_key: str
    grade: str | None


@dataclass(frozen=True, slots=True)
class GapCell:
    kind: RowKind
    element_id: str
    text: str
    supporting: tuple[str, ...]  # refs of accepted supporting links
    independent_sources: int
    best_grade: str | None
    contradicting: tuple[str, ...]  # refs of accepted contradicting links
    awaiting_review: tuple[str, ...]  # refs of proposed links (any stance)
    status: GapStatus
    why: str
    suspect_ref: str | None = None  # liability rows: whose mode of liability
    mode_id: str | None = None


@dataclass(frozen=True, slots=True)
class ChargeGaps:
    charge_ref: str
    crime_id: str
    crime_title: str
    cells: tuple[GapCell, ...]
    warnings: tuple[str, ...] = ()

    def status_of(self, element_id: str, suspect_ref: str | None = None) -> GapStatus:
        for cell in self.cells:
            if cell.element_id == element_id and (suspect_ref is None or cell.suspect_ref == suspect_ref):
                return cell.status
        raise KeyError(element_id)


def _well_graded(grade: str | None) -> bool:
    return grade is not None and grade[:1] in GOOD_RELIABILITY and grade[1:] in GOOD_CREDIBILITY


def _grade_key(grade: str) -> tuple[str, str]:
    return grade[:1], grade[1:]


@dataclass(frozen=True, slots=True)
class CellFacts:
    """What the rule reads of the links a cell counts (live, to its element or its shared context,
    of live exhibits), gathered from the links (:func:`facts_of_links`) or by a store's query
    (``ReadTx.gap_facts``). Refs in the order the links were made, the element's before the context's."""

    supporting: tuple[str, ...] = ()  # accepted supporting links
    sources: int = 0  # the independent sources of their exhibits
    grades: frozenset[str] = frozenset()  # the gradings of their exhibits (``B2``; ungraded ones left out)
    only_maybe: bool = False  # every one of them weighs only "maybe"
    contradicting: tuple[str, ...] = ()  # accepted contradicting links
    awaiting: tuple[str, ...] = ()  # proposed links, any stance


def judge(facts: CellFacts) -> tuple[GapStatus, str | None, str]:
    """The rule of the module docstring: (status, best grade, why)."""
    best = min(facts.grades, key=_grade_key) if facts.grades else None
    if facts.contradicting:
        return GapStatus.CONTESTED, best, f"contradicted by {', '.join(facts.contradicting)}"
    if not facts.supporting:
        return GapStatus.UNADDRESSED, None, "no accepted evidence"
    reasons = []
    if facts.sources < 2:
        reasons.append("one independent source")
    if not any(_well_graded(grade) for grade in facts.grades):
        reasons.append("only grades D-F or 4-6 (or ungraded)")
    if facts.only_maybe:
        reasons.append('only "maybe"')
    if reasons:
        return GapStatus.WEAK, best, "; ".join(reasons)
    return GapStatus.CORROBORATED, best, f"{facts.sources} independent sources"


def facts_of_links(found: Sequence[CountedLink], evidence: Mapping[Any, EvidenceFacts]) -> CellFacts:
    """The facts of a cell from its live links (not rejected) and the facts of their exhibits; an
    exhibit without facts counts as its own source, ungraded."""
    accepted = [x for x in found if x.review is ReviewState.ACCEPTED]
    supporting = [x for x in accepted if x.stance is LinkStance.SUPPORTS]
    facts = [evidence.get(link.exhibit_id) for link in supporting]
    return CellFacts(
        supporting=tuple(x.ref for x in supporting),
        sources=len({f.source_key if f else str(x.exhibit_id) for f, x in zip(facts, supporting, strict=True)}),
        grades=frozenset(f.grade for f in facts if f is not None and f.grade),
        only_maybe=all(x.weight is Weight.MAYBE for x in supporting),
        contradicting=tuple(x.ref for x in accepted if x.stance is LinkStance.CONTRADICTS),
        awaiting=tuple(x.ref for x in found if x.review is ReviewState.PROPOSED),
    )


def cell_status(
    supporting: Sequence[CountedLink], contradicting: Sequence[CountedLink], evidence: Mapping[Any, EvidenceFacts]
) -> tuple[GapStatus, int, str | None, str]:
    """:func:`judge` over accepted links: (status, independent sources, best grade, why)."""
    facts = facts_of_links([*supporting, *contradicting], evidence)
    status, best, why = judge(facts)
    return status, facts.sources, best, why


@dataclass(frozen=True, slots=True)
class _Row:
    kind: RowKind
    element_id: str
    text: str
    also: str | None = None  # the shared context id a contextual element stands for
    suspect_ref: str | None = None
    mode_id: str | None = None

    @property
    def counts(self) -> tuple[str, ...]:
        """The element ids whose links the row counts: its element's, then its shared context's."""
        return (self.element_id, self.also) if self.also else (self.element_id,)


def _rows(catalogue: Catalogue, charge: Charge, memo: dict[str, list[_Row]] | None = None) -> list[_Row]:
    """The rows of a charge; ``memo`` keeps each crime's and mode's rows for the next charge naming it."""
    memo = {} if memo is None else memo
    rows = memo.get(charge.crime_id)
    if rows is None:
        rows = memo[charge.crime_id] = _crime_rows(catalogue, charge.crime_id)
    if not rows:  # a crime not in the catalogue: no row, not even its suspects'
        return []
    rows = list(rows)
    for suspect in charge.suspects:
        key = "mode " + suspect.mode_id
        mode_rows = memo.get(key)
        if mode_rows is None:
            mode_rows = memo[key] = _mode_rows(catalogue, suspect.mode_id)
        rows.extend(_Row(r.kind, r.element_id, r.text, None, suspect.person_ref, r.mode_id) for r in mode_rows)
    return rows


def _crime_rows(catalogue: Catalogue, crime_id: str) -> list[_Row]:
    crime = catalogue.crime(crime_id)
    rows: list[_Row] = []
    if crime is None:
        return rows
    for element in crime.contextual_elements:
        rows.append(_Row(RowKind.CONTEXTUAL, element.id, element.full_text, element.context_ref))
    if not crime.elements:
        rows.append(_Row(RowKind.SPECIFIC, crime.id, "elements not available in the catalogue: " + crime.title.en))
    for element in crime.specific_elements:
        rows.append(_Row(RowKind.SPECIFIC, element.id, element.full_text))
    return rows


def _mode_rows(catalogue: Catalogue, mode_id: str) -> list[_Row]:
    mode = catalogue.mode(mode_id)
    if mode is None:
        return []
    if not mode.elements:
        text = f"elements not available in the catalogue: {mode.label}"
        return [_Row(RowKind.LIABILITY, mode.id, text, mode_id=mode.id)]
    return [_Row(RowKind.LIABILITY, item.id, item.text.en, mode_id=mode.id) for item in mode.elements]


def gap_matrix(
    catalogue: Catalogue,
    charges: Iterable[Charge],
    links: Iterable[CountedLink],
    evidence: Mapping[Any, EvidenceFacts],
    *,
    only: Collection[str] | None = None,
) -> tuple[ChargeGaps, ...]:
    """The gap matrix of ``charges`` (deleted ones and deleted links are left out by the caller or
    here). Linear in the number of links plus the number of cells.

    ``only``: just the cells that count links to one of these element ids (a charge without such a
    cell is left out), for :func:`merge_gaps`; ``links`` then need only hold the links to the ids
    :func:`ids_counted` gives for them."""
    by_element: dict[str, list[CountedLink]] = defaultdict(list)
    for link in links:
        if link.deleted is None and link.review is not ReviewState.REJECTED:
            by_element[link.element_id].append(link)

    def facts(counts: tuple[str, ...]) -> CellFacts:
        return facts_of_links([link for element in counts for link in by_element.get(element, ())], evidence)

    return _matrix(catalogue, charges, only, facts)


def gap_matrix_of_facts(
    catalogue: Catalogue,
    charges: Iterable[Charge],
    facts: Mapping[tuple[str, ...], CellFacts],
    *,
    only: Collection[str] | None = None,
) -> tuple[ChargeGaps, ...]:
    """The gap matrix from the facts of each group of element ids a row counts (the keys
    :func:`cell_groups` gives; a group missing has no link), as a store aggregates them: the same
    matrix as :func:`gap_matrix` over the links they were gathered from."""
    return _matrix(catalogue, charges, only, lambda counts: facts.get(counts, _NO_FACTS))


_NO_FACTS = CellFacts()


def _matrix(
    catalogue: Catalogue,
    charges: Iterable[Charge],
    only: Collection[str] | None,
    facts_of: Callable[[tuple[str, ...]], CellFacts],
) -> tuple[ChargeGaps, ...]:
    result = []
    memo: dict[tuple[str, ...], dict[str, Any]] = {}  # rows repeat across charges and suspects
    made: dict[str, list[_Row]] = {}
    for charge in charges:
        if charge.deleted is not None:
            continue
        crime = catalogue.crime(charge.crime_id)
        cells = []
        for row in _rows(catalogue, charge, made):
            if only is not None and row.element_id not in only and row.also not in only:
                continue
            values = memo.get(row.counts)
            if values is None:
                values = memo[row.counts] = _cell_values(facts_of(row.counts))
            cells.append(
                GapCell(
                    kind=row.kind,
                    element_id=row.element_id,
                    text=row.text,
                    suspect_ref=row.suspect_ref,
                    mode_id=row.mode_id,
                    **values,
                )
            )
        if only is not None and not cells:
            continue
        title = crime.title.en if crime is not None else "(not in the catalogue)"
        result.append(ChargeGaps(charge.ref, charge.crime_id, title, tuple(cells), charge.warnings))
    return tuple(result)


def _cell_values(facts: CellFacts) -> dict[str, Any]:
    status, best, why = judge(facts)
    return {
        "supporting": facts.supporting,
        "independent_sources": facts.sources,
        "best_grade": best,
        "contradicting": facts.contradicting,
        "awaiting_review": facts.awaiting,
        "status": status,
        "why": why,
    }


def cell_groups(
    catalogue: Catalogue, charges: Iterable[Charge], touching: Collection[str] | None = None
) -> set[tuple[str, ...]]:
    """The groups of element ids the rows of ``charges`` count (an element, with its shared context
    for a contextual one), for :func:`gap_matrix_of_facts`; with ``touching``, only the rows that
    count one of those ids."""
    made: dict[str, list[_Row]] = {}
    return {
        row.counts
        for charge in charges
        if charge.deleted is None
        for row in _rows(catalogue, charge, made)
        if touching is None or row.element_id in touching or row.also in touching
    }


def ids_counted(catalogue: Catalogue, charges: Iterable[Charge], touching: Collection[str] | None = None) -> set[str]:
    """The element ids whose links the cells of ``charges`` count (a contextual element also counts
    its shared context); with ``touching``, only for the cells that count one of those ids."""
    return {element for group in cell_groups(catalogue, charges, touching) for element in group}


def _cell_key(cell: GapCell) -> tuple[str, str | None, str | None]:
    return cell.element_id, cell.suspect_ref, cell.mode_id


def merge_gaps(shown: Sequence[ChargeGaps], updated: Iterable[ChargeGaps]) -> tuple[ChargeGaps, ...]:
    """``shown`` with the cells of ``updated`` (a matrix computed with ``only``) put in place of
    theirs; charges and cells keep their order. The result is the matrix computed whole."""
    new_cells = {(c.charge_ref, *_cell_key(cell)): cell for c in updated for cell in c.cells}
    if not new_cells:
        return tuple(shown)
    return tuple(
        ChargeGaps(
            charge.charge_ref,
            charge.crime_id,
            charge.crime_title,
            tuple(new_cells.get((charge.charge_ref, *_cell_key(cell)), cell) for cell in charge.cells),
            charge.warnings,
        )
        for charge in shown
    )


def element_ids(catalogue: Catalogue) -> dict[str, Role | None]:
    """Every id a link may name: elements of crimes, shared contexts (``C-NIAC``), elements of
    modes of liability, and crimes or modes whose elements the catalogue does not have."""
    ids: dict[str, Role | None] = {}
    for crime in catalogue.crimes:
        if not crime.elements:
            ids[crime.id] = None
        for element in crime.elements:
            ids[element.id] = element.role
    for group in catalogue.contextual_groups:
        for item in group.elements:
            ids[item.id] = Role.CONTEXTUAL
    for mode in catalogue.modes_of_liability:
        if not mode.elements:
            ids[mode.id] = None
        for part in mode.elements:
            ids[part.id] = None
    return ids
