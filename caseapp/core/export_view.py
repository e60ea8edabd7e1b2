"""The export view: the case as anything that leaves it sees it, with no protected identity in it.

Every exporter (the Article 15 dossier, the evidence bundle) renders this view, never the raw
records, so none can leak a name by accident. It holds the case's live records (deleted ones are
left out) as plain values, and every string in it has passed through a
:class:`~caseapp.core.redaction.NameRedactor`: the real name of each person whose protection is
``confidential`` or ``protected`` is replaced by their pseudonym wherever it was typed (titles,
descriptions, notes, link reasoning, a charge's analysis, quoted excerpts, acquisition notes,
original file names, tags, authors) and in the extracted text of the exhibits the caller asks
for. Persons appear by pseudonym, role and protection; a real name only for protection ``none``;
the description of a non-public person is withheld (it may identify them without naming them).

``redactions`` counts the replacements per field of each record (``"EX-3.title": 1``), so a
dossier can say how many were made and where. What the redactor cannot catch (a name alone
without a surname, another script, a description) is listed in :mod:`caseapp.core.redaction`.

Building the view is the one place outside a recorded reveal that reads real names, and it reads
them only to remove them: nothing read leaves the builder, so no custody entry is written for it
(exporting the result is recorded by the exporter).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, TypeVar
from uuid import UUID

from caseapp.core.analysis import Charge, ElementLink
from caseapp.core.consent import consent_sentence, current_consents
from caseapp.core.entities import (
    CaseInfo,
    Consent,
    ConsentScope,
    ConsentState,
    Exhibit,
    Incident,
    Link,
    Note,
    Person,
    ProtectionLevel,
    Source,
)
from caseapp.core.legal.gaps import ChargeGaps
from caseapp.core.redaction import NameRedactor, RecordRedaction

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class CaseView:
    title: str
    description: str
    time_zone: str
    created_at: datetime


@dataclass(frozen=True, slots=True)
class ConsentView:
    """The consent that holds for one scope: scope, state and day only (a statement's note may
    identify the person, and stays in the case)."""

    scope: str  # icc | other-courts | ngos | public
    state: str  # given | withdrawn
    on: date

    @property
    def summary(self) -> str:
        """What a dossier may say: ``consent to share with the ICC: given 2026-05-01``."""
        return consent_sentence(ConsentScope(self.scope), ConsentState(self.state), self.on.isoformat())


@dataclass(frozen=True, slots=True)
class PersonView:
    """A person as a shared document may show them. Never their aliases, date of birth or contact."""

    ref: str  # the pseudonym
    role: str
    protection: str
    name: str | None  # only for protection "none"
    description: str  # "" (withheld) unless protection is "none"
    tags: tuple[str, ...]
    risk: str = "unknown"  # low | medium | high | unknown
    consent: tuple[ConsentView, ...] = ()  # the statement holding per scope, in scope order


@dataclass(frozen=True, slots=True)
class IncidentView:
    ref: str
    title: str
    description: str
    time_start: datetime | None
    time_end: datetime | None
    time_precision: str
    time_zone: str
    place_name: str
    latitude: float | None
    longitude: float | None
    place_precision: str
    tags: tuple[str, ...]
    country: str | None = None  # ISO 3166-1 alpha-2, when set on the incident


@dataclass(frozen=True, slots=True)
class SourceView:
    ref: str
    name: str
    description: str
    reliability: str
    credibility: str
    grading: str
    tags: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ExhibitView:
    ref: str
    title: str
    kind: str
    description: str
    source_ref: str | None
    grading: str | None
    sensitivity: str
    sha256: str | None
    size: int | None
    mime: str | None
    original_name: str | None
    captured: str | None
    latitude: float | None
    longitude: float | None
    acquired_at: datetime | None
    acquisition_note: str | None
    tags: tuple[str, ...]
    warnings: tuple[str, ...]
    text: str | None = None
    """The extracted text, only for exhibits the caller included (and that have one)."""
    redacted_sha256: str | None = None
    """The SHA-256 of the newest redacted copy (``caseapp exhibit redact``): what a public bundle sends."""
    redacted_extension: str = ""  # that copy's file extension ("jpg")


@dataclass(frozen=True, slots=True)
class NoteView:
    ref: str
    target_ref: str
    text: str
    author: str
    created_at: datetime


@dataclass(frozen=True, slots=True)
class LinkView:
    ref: str
    exhibit_ref: str
    target_ref: str
    stance: str
    reasoning: str
    author: str


@dataclass(frozen=True, slots=True)
class ChargeView:
    ref: str
    crime_id: str
    catalogue_edition: str
    suspects: tuple[tuple[str, str], ...]  # (pseudonym, mode of liability)
    incidents: tuple[str, ...]
    status: str
    analysis: str
    warnings: tuple[str, ...]
    author: str


@dataclass(frozen=True, slots=True)
class ElementLinkView:
    ref: str
    exhibit_ref: str
    element_id: str
    catalogue_edition: str
    stance: str
    weight: str
    basis: str
    reasoning: str
    excerpt: str  # "page 3", "0:42-1:10", "characters 120-380" ("" for the whole exhibit)
    quote: str
    review: str
    author: str
    reviewed_by: str | None


@dataclass(frozen=True, slots=True)
class ExportView:
    case: CaseView
    persons: tuple[PersonView, ...]
    incidents: tuple[IncidentView, ...]
    sources: tuple[SourceView, ...]
    exhibits: tuple[ExhibitView, ...]
    notes: tuple[NoteView, ...]
    links: tuple[LinkView, ...]
    charges: tuple[ChargeView, ...]
    element_links: tuple[ElementLinkView, ...]
    gaps: tuple[ChargeGaps, ...]
    redactions: Mapping[str, int] = field(default_factory=dict)
    """Names replaced, per field of each record: ``{"EX-3.title": 1, "NOTE-2.text": 2}``."""

    @property
    def redaction_total(self) -> int:
        return sum(self.redactions.values())

    def redactions_by_field(self) -> dict[str, int]:
        """Totals per kind of field (``"EX.title"``, ``"NOTE.text"``), for a dossier's summary."""
        totals: dict[str, int] = {}
        for key, count in self.redactions.items():
            ref, _, name = key.partition(".")
            kind = ref.rsplit("-", 1)[0] if "-" in ref else ref
            totals[f"{kind}.{name}"] = totals.get(f"{kind}.{name}", 0) + count
        return totals


def _person(person: Person, consents: Iterable[Consent]) -> PersonView:
    public = person.protection is ProtectionLevel.NONE
    held = current_consents(c for c in consents if c.person_id == person.id)
    return PersonView(
        ref=person.ref,
        role=person.role.value,
        protection=person.protection.value,
        name=person.full_name if public else None,
        description=person.description if public else "",
        tags=person.tags,
        risk=person.risk.value,
        consent=tuple(ConsentView(c.scope.value, c.state.value, c.on) for c in held.values()),
    )


def _incident(incident: Incident) -> IncidentView:
    return IncidentView(
        ref=incident.ref,
        title=incident.title,
        description=incident.description,
        time_start=incident.time_start,
        time_end=incident.time_end,
        time_precision=incident.time_precision.value,
        time_zone=incident.time_zone,
        place_name=incident.place_name,
        latitude=incident.latitude,
        longitude=incident.longitude,
        place_precision=incident.place_precision.value,
        tags=incident.tags,
        country=incident.country,
    )


def _source(source: Source) -> SourceView:
    return SourceView(
        ref=source.ref,
        name=source.name,
        description=source.description,
        reliability=source.reliability.value,
        credibility=source.credibility.value,
        grading=source.grading,
        tags=source.tags,
    )


def _exhibit(
    exhibit: Exhibit, gradings: Mapping[UUID, str], text: str | None, redacted: tuple[str, str] | None
) -> ExhibitView:
    return ExhibitView(
        ref=exhibit.ref,
        title=exhibit.title,
        kind=exhibit.kind.value,
        description=exhibit.description,
        source_ref=exhibit.source_ref,
        grading=gradings.get(exhibit.source_id) if exhibit.source_id is not None else None,
        sensitivity=exhibit.sensitivity.value,
        sha256=exhibit.sha256,
        size=exhibit.size,
        mime=exhibit.mime,
        original_name=exhibit.original_name,
        captured=exhibit.captured,
        latitude=exhibit.latitude,
        longitude=exhibit.longitude,
        acquired_at=exhibit.acquired_at,
        acquisition_note=exhibit.acquisition_note,
        tags=exhibit.tags,
        warnings=exhibit.warnings,
        text=text,
        redacted_sha256=redacted[0] if redacted else None,
        redacted_extension=redacted[1] if redacted else "",
    )


def _charge(charge: Charge) -> ChargeView:
    return ChargeView(
        ref=charge.ref,
        crime_id=charge.crime_id,
        catalogue_edition=charge.catalogue_edition,
        suspects=tuple((s.person_ref, s.mode_id) for s in charge.suspects),
        incidents=tuple(i.incident_ref for i in charge.incidents),
        status=charge.status.value,
        analysis=charge.analysis,
        warnings=charge.warnings,
        author=charge.author,
    )


def _element_link(link: ElementLink) -> ElementLinkView:
    return ElementLinkView(
        ref=link.ref,
        exhibit_ref=link.exhibit_ref,
        element_id=link.element_id,
        catalogue_edition=link.catalogue_edition,
        stance=link.stance.value,
        weight=link.weight.value,
        basis=link.basis.value,
        reasoning=link.reasoning,
        excerpt=link.excerpt.describe() if link.excerpt else "",
        quote=link.excerpt.quote if link.excerpt else "",
        review=link.review.value,
        author=link.author,
        reviewed_by=link.reviewed_by,
    )


def _live(records: Iterable[T]) -> list[T]:
    return [r for r in records if getattr(r, "deleted", None) is None]


def build_export_view(
    *,
    case: CaseInfo,
    persons: Iterable[Person],
    incidents: Iterable[Incident],
    sources: Iterable[Source],
    exhibits: Iterable[Exhibit],
    notes: Iterable[Note],
    links: Iterable[Link],
    charges: Iterable[Charge],
    element_links: Iterable[ElementLink],
    gaps: Iterable[ChargeGaps],
    texts: Mapping[UUID, str] | None = None,
    redacted: Mapping[UUID, tuple[str, str]] | None = None,
    consents: Iterable[Consent] = (),
) -> ExportView:
    """The export view of these records (a pure function).

    ``persons`` must be every person of the case, deleted ones included, **with their real names**:
    a deleted person's name may still sit in old text (and their ``identity``, whose aliases are
    replaced like the name; nothing else of it enters the view). ``consents`` are every consent
    statement; the view keeps the one holding per scope. ``texts`` maps the exhibits whose extracted
    text is included to that text; ``redacted`` maps exhibits to the (SHA-256, extension) of their
    newest redacted copy. Deleted records are left out of the view."""
    everyone = list(persons)
    consent_list = list(consents)
    redaction = RecordRedaction(NameRedactor.for_persons(everyone))
    source_list = _live(sources)
    gradings = {s.id: s.grading for s in source_list}
    texts = texts or {}
    redacted = redacted or {}

    def each(views: Iterable[Any]) -> tuple[Any, ...]:
        return tuple(redaction.record(view, view.ref) for view in views)

    case_view = redaction.record(CaseView(case.title, case.description, case.time_zone, case.created_at), "CASE")
    view = ExportView(
        case=case_view,
        persons=each(_person(p, consent_list) for p in _live(everyone)),
        incidents=each(_incident(i) for i in _live(incidents)),
        sources=each(_source(s) for s in source_list),
        exhibits=each(_exhibit(x, gradings, texts.get(x.id), redacted.get(x.id)) for x in _live(exhibits)),
        notes=each(NoteView(n.ref, n.target_ref, n.text, n.author, n.created_at) for n in _live(notes)),
        links=each(
            LinkView(x.ref, x.exhibit_ref, x.target_ref, x.stance.value, x.reasoning, x.author) for x in _live(links)
        ),
        charges=each(_charge(c) for c in _live(charges)),
        element_links=each(_element_link(x) for x in _live(element_links)),
        gaps=tuple(redaction.record(g, f"{g.charge_ref}.gaps") for g in gaps),
    )
    return dataclasses.replace(view, redactions=dict(sorted(redaction.counts.items())))
