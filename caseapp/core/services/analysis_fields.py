"""Typed edit values of charges and element links, shared by adding and by the generic edit:
element ids of the catalogue, excerpts in their stored form, and the review a changed link loses."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from caseapp.core.analysis import ElementLink, Excerpt, ReviewState, parse_excerpt
from caseapp.core.errors import ValidationError
from caseapp.core.legal.gaps import element_ids
from caseapp.core.services.charges import catalogue

# What a link says: changing any of these after a review sends the link back to "proposed".
SUBSTANCE = ("element_id", "stance", "weight", "basis", "excerpt")


def element_id(text: str) -> str:
    """An element id of the catalogue (``8(2)(e)(iv)-1``, ``C-NIAC``, ``28(a)-3``), or a clear error."""
    value = " ".join(text.split())
    known = element_ids(catalogue())
    if value in known:
        return value
    crime = catalogue().crime(value) or catalogue().crime(value.rsplit("-", 1)[0])
    if crime is not None and crime.elements:
        ids = ", ".join(e.id for e in crime.elements)
        raise ValidationError(
            f"{text!r} is not an element of the legal catalogue; the elements of {crime.id} are {ids}"
        )
    raise ValidationError(
        f"{text!r} is not an element of the legal catalogue; give an id such as 8(2)(e)(i)-1, C-NIAC or "
        "25(3)(a)-joint-2 (`caseapp elements` lists them)"
    )


def excerpt_value(value: Any) -> str | None:
    """An excerpt in its stored form (JSON), from an Excerpt, its JSON, or None/'' for the whole exhibit."""
    if value in (None, ""):
        return None
    if isinstance(value, Excerpt):
        return value.to_json()
    text = str(value)
    if text.startswith("{"):
        parsed = Excerpt.from_json(text)
        return parsed.to_json() if parsed else None
    return parse_excerpt(text).to_json()


def review_reset(current: Any, new: Mapping[str, Any]) -> dict[str, Any]:
    """The review fields to set when an edit changes what a reviewed link says (else nothing)."""
    if not isinstance(current, ElementLink) or current.review is ReviewState.PROPOSED:
        return {}
    stored = {
        "element_id": current.element_id,
        "stance": current.stance.value,
        "weight": current.weight.value,
        "basis": current.basis.value,
        "excerpt": current.excerpt.to_json() if current.excerpt else None,
    }
    if any(field in new and new[field] != stored[field] for field in SUBSTANCE):
        return {"review": ReviewState.PROPOSED.value, "reviewed_by": None, "reviewed_at": None}
    return {}


def stored_form(value: Any) -> Any:
    """A field of a charge or an element link as edits, revisions and the custody log keep it: an
    excerpt as its JSON, a charge's suspects or incidents as sorted keys (``members_value``)."""
    from caseapp.core.analysis import members_value

    if isinstance(value, Excerpt):
        return value.to_json()
    if isinstance(value, tuple) and value and not isinstance(value[0], str | int):
        return members_value(value)
    if isinstance(value, tuple) and not value:
        return []
    return value
