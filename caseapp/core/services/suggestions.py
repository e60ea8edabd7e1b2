"""Incident suggestions: list them, confirm one (a new incident with its exhibits linked), dismiss one.

Suggestions are computed afresh from the live exhibits each time (:mod:`caseapp.core.suggestions`):
exhibits deleted, or already linked to a live incident, take no part. Confirming creates the
incident and links every member exhibit to it in one transaction, one custody entry each (the
links' entries say they are ``part_of`` the incident's, so ``caseapp undo`` takes them back
together). Dismissed suggestion ids are kept inside the encrypted case (a case value, no record
changes, nothing in custody): a dismissed suggestion stays hidden while its exhibits stay the
same; one more or one fewer exhibit is another suggestion.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import timedelta

from caseapp.core.changes import Changes
from caseapp.core.custody import CustodyAction
from caseapp.core.entities import Exhibit, Incident, Link, LinkStance, TimePrecision
from caseapp.core.errors import NotFoundError, ValidationError
from caseapp.core.operations import OpResult, Undo
from caseapp.core.ports import ExhibitQuery, ReadTx, RecordQuery
from caseapp.core.refs import PREFIX, RefKind
from caseapp.core.services.base import ServiceBase, record
from caseapp.core.suggestions import (
    DEFAULT_RADIUS_M,
    DEFAULT_WINDOW,
    Sighting,
    Suggestion,
    distance_text,
    suggest_incidents,
    time_span_text,
)
from caseapp.core.text import clean_text
from caseapp.core.timeline import captured_range

DISMISSED_KEY = "incident_suggestions.dismissed"
"""The case value (inside the encrypted database) holding the dismissed suggestion ids, as JSON."""


@dataclass(frozen=True, slots=True)
class SuggestionList:
    suggestions: tuple[Suggestion, ...]
    dismissed: int  # suggestions hidden because they were dismissed (0 when they are shown)
    imprecise_time: int  # exhibits left out: capture time known less precisely than the window
    imprecise_place: int
    radius_m: float
    window: timedelta
    time_zone: str
    dismissed_ids: frozenset[str] = frozenset()


def window_text(window: timedelta) -> str:
    hours = window.total_seconds() / 3600
    return f"{hours:g} h" if hours >= 1 else f"{window.total_seconds() / 60:g} min"


def default_title(suggestion: Suggestion, time_zone: str) -> str:
    from zoneinfo import ZoneInfo

    when = time_span_text(suggestion.start, suggestion.end, ZoneInfo(time_zone))
    return f"Incident at {suggestion.latitude:.4f}, {suggestion.longitude:.4f}, {when}"


class SuggestionOps(ServiceBase):
    __slots__ = ()

    def incident_suggestions(
        self,
        *,
        radius_m: float = DEFAULT_RADIUS_M,
        window: timedelta = DEFAULT_WINDOW,
        include_dismissed: bool = False,
    ) -> SuggestionList:
        """Suggested incidents from the live exhibits with a place and a capture time that no live
        incident holds yet (the rule: :func:`caseapp.core.suggestions.suggest_incidents`)."""
        with self.store.read() as tx:
            return self._suggestions(tx, radius_m, window, include_dismissed)

    def _suggestions(self, tx: ReadTx, radius_m: float, window: timedelta, include_dismissed: bool) -> SuggestionList:
        zone = tx.case_info().time_zone
        live_incidents = {i.id for i in tx.incidents(RecordQuery())}
        linked = {
            link.exhibit_id
            for link in tx.links(RecordQuery())
            if link.target_kind == RefKind.INCIDENT.value and link.target_id in live_incidents
        }
        sightings = [s for e in tx.exhibits(ExhibitQuery()) if e.id not in linked and (s := _sighting(e, zone))]
        found = suggest_incidents(sightings, radius_m=radius_m, window=window, time_zone=zone)
        dismissed = _dismissed(tx)
        shown = tuple(s for s in found.suggestions if include_dismissed or s.id not in dismissed)
        return SuggestionList(
            shown,
            len(found.suggestions) - len(shown),
            found.imprecise_time,
            found.imprecise_place,
            radius_m,
            window,
            zone,
            frozenset(dismissed),
        )

    def confirm_suggestion(
        self,
        suggestion_id: str,
        *,
        title: str | None = None,
        radius_m: float = DEFAULT_RADIUS_M,
        window: timedelta = DEFAULT_WINDOW,
    ) -> OpResult[Incident]:
        """Make the suggestion an incident (its time range and place; ``title`` or one made from
        them) and link each of its exhibits to it, in one transaction. Undo deletes the incident
        and its links. The suggestion is looked for with the same radius and window it was listed
        with; if its exhibits changed since, it is not found and nothing is changed."""
        wanted = suggestion_id.strip()
        custom = clean_text(title, field="title", required=True) if title is not None else None
        now = self.clock()
        with self.store.write() as tx:
            listed = self._suggestions(tx, radius_m, window, include_dismissed=True)
            suggestion = next((s for s in listed.suggestions if s.id.casefold() == wanted.casefold()), None)
            if suggestion is None:
                raise NotFoundError(
                    f"there is no suggestion {wanted} now (its exhibits may have changed, been linked or deleted "
                    "since it was listed, or it was listed with another radius or window); list them again"
                )
            zone = listed.time_zone
            incident = Incident(
                id=uuid.uuid4(),
                ref=tx.next_ref(PREFIX[RefKind.INCIDENT]),
                title=custom or default_title(suggestion, zone),
                description="",
                time_start=suggestion.start,
                time_end=suggestion.end,
                time_precision=TimePrecision.EXACT,
                place_name="",
                latitude=suggestion.latitude,
                longitude=suggestion.longitude,
                place_precision=suggestion.place_precision,
                created_at=now,
                time_zone=zone,
            )
            tx.add_incident(incident)
            link_refs = [tx.next_ref(PREFIX[RefKind.LINK]) for _ in suggestion.members]
            details: dict[str, object] = {
                "title": incident.title,
                "suggestion": suggestion.id,
                "exhibits": list(suggestion.member_refs),
                "links": link_refs,
            }
            seq = record(
                tx,
                actor=self.actor,
                at=now,
                action=CustodyAction.INCIDENT_ADD,
                target=incident.ref,
                details=details,
                target_id=incident.id,
            )
            reasoning = (
                f"Captured within {distance_text(suggestion.radius_m)} and {window_text(window)} of the other "
                f"exhibits of suggestion {suggestion.id} ({suggestion.reason}); confirmed by {self.actor}."
            )
            for exhibit_id, exhibit_ref, link_ref in zip(
                suggestion.members, suggestion.member_refs, link_refs, strict=True
            ):
                link = Link(
                    id=uuid.uuid4(),
                    ref=link_ref,
                    exhibit_id=exhibit_id,
                    exhibit_ref=exhibit_ref,
                    target_kind=RefKind.INCIDENT.value,
                    target_id=incident.id,
                    target_ref=incident.ref,
                    stance=LinkStance.SUPPORTS,
                    reasoning=reasoning,
                    author=self.actor,
                    created_at=now,
                )
                tx.add_link(link)
                record(
                    tx,
                    actor=self.actor,
                    at=now,
                    action=CustodyAction.LINK_ADD,
                    target=link.ref,
                    details={
                        "link": link.ref,
                        "exhibit": exhibit_ref,
                        "to": incident.ref,
                        "stance": LinkStance.SUPPORTS.value,
                        "reasoning_digest": self.store.privacy_digest(reasoning),
                        "part_of": incident.ref,
                    },
                    target_id=link.id,
                )
            stored = tx.get(RefKind.INCIDENT, incident.id)
            assert isinstance(stored, Incident)
        undo = Undo(
            "delete",
            RefKind.INCIDENT,
            incident.id,
            incident.ref,
            seq,
            f"delete {incident.ref} and its {len(link_refs)} links",
            {"reason": "undo of its creation", "created": True, "with": link_refs},
        )
        changes = Changes(incidents=True, links=True, exhibits=True, custody=True)
        return OpResult(stored, changes, undo)

    def dismiss_suggestion(self, suggestion_id: str, *, dismiss: bool = True) -> OpResult[str]:
        """Hide a suggestion from the listings (``dismiss=False`` shows it again). No record changes."""
        wanted = suggestion_id.strip()
        digits = wanted[4:].lower()
        if wanted[:4].upper() != "SUG-" or len(digits) != 10 or any(c not in "0123456789abcdef" for c in digits):
            raise ValidationError(f"{suggestion_id!r} is not a suggestion id (SUG- and 10 hex digits)")
        wanted = "SUG-" + digits
        with self.store.write() as tx:
            dismissed = _dismissed(tx)
            if dismiss:
                dismissed.add(wanted)
            elif wanted in dismissed:
                dismissed.discard(wanted)
            else:
                raise NotFoundError(f"{wanted} was not dismissed")
            tx.set_secret(DISMISSED_KEY, json.dumps(sorted(dismissed)))
        return OpResult(wanted, Changes())


def _dismissed(tx: ReadTx) -> set[str]:
    raw = tx.secret(DISMISSED_KEY)
    if not raw:
        return set()
    try:
        value = json.loads(raw)
    except ValueError:
        return set()
    return {str(v) for v in value} if isinstance(value, list) else set()


def _sighting(exhibit: Exhibit, zone: str) -> Sighting | None:
    if exhibit.latitude is None or exhibit.longitude is None or not exhibit.captured:
        return None
    try:
        start, end, _, _, _ = captured_range(exhibit.captured, zone)
    except ValidationError:
        return None
    return Sighting(exhibit.id, exhibit.ref, exhibit.kind, exhibit.latitude, exhibit.longitude, start, end)
