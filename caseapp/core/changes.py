"""The `Changes` value every operation returns (architecture §4, Anki's OpChanges).

A view refreshes only what changed instead of reloading everything.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from caseapp.core.refs import RefKind


@dataclass(frozen=True, slots=True)
class Changes:
    case: bool = False
    persons: bool = False
    incidents: bool = False
    sources: bool = False
    exhibits: bool = False
    tags: bool = False
    notes: bool = False
    links: bool = False
    charges: bool = False
    element_links: bool = False
    custody: bool = False

    def __or__(self, other: Changes) -> Changes:
        return Changes(**{f.name: getattr(self, f.name) or getattr(other, f.name) for f in fields(self)})

    @property
    def any(self) -> bool:
        return any(getattr(self, f.name) for f in fields(self))

    def names(self) -> tuple[str, ...]:
        """The names of what changed, e.g. ``("persons", "custody")``."""
        return tuple(f.name for f in fields(self) if getattr(self, f.name))

    @staticmethod
    def of(kind: RefKind, *, tags: bool = False) -> Changes:
        """What changes when a record of ``kind`` changes (its custody entry included)."""
        field_name = {
            RefKind.CASE: "case",
            RefKind.PERSON: "persons",
            RefKind.INCIDENT: "incidents",
            RefKind.SOURCE: "sources",
            RefKind.EXHIBIT: "exhibits",
            RefKind.NOTE: "notes",
            RefKind.LINK: "links",
            RefKind.CHARGE: "charges",
            RefKind.ELEMENT_LINK: "element_links",
        }[kind]
        return Changes(**{field_name: True, "custody": True, "tags": tags})
