"""The building block of a jurisdiction answer: one ground, with its kind, status, reason and sources.

A ground is either a *basis* (any one suffices: territory, territory of an element of the crime,
nationality of the accused, Security Council referral) or a *condition* (all must hold: the temporal
floor, the amendment regimes, Art 124 declarations, crimes that cannot yet be committed, the age of
the shipped data).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Any

from caseapp.core.legal.consent import GroundStatus


class GroundKind(enum.Enum):
    TEMPORAL = "temporal"
    TERRITORY = "territory"
    ELEMENT_TERRITORY = "element-territory"
    NATIONALITY = "nationality"
    REFERRAL = "security-council-referral"
    AMENDMENT = "amendment"
    AGGRESSION = "aggression"
    ARTICLE_124 = "article-124"
    MATERIAL = "material"
    DATA_DATE = "data-date"


BASES = frozenset({GroundKind.TERRITORY, GroundKind.ELEMENT_TERRITORY, GroundKind.NATIONALITY, GroundKind.REFERRAL})


@dataclass(frozen=True, slots=True)
class Ground:
    kind: GroundKind
    status: GroundStatus
    title: str
    reason: str
    sources: tuple[str, ...]
    state: str | None = None

    @property
    def is_basis(self) -> bool:
        return self.kind in BASES

    def as_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind.value,
            "role": "basis" if self.is_basis else "condition",
            "status": self.status.value,
            "state": self.state,
            "title": self.title,
            "reason": self.reason,
            "sources": list(self.sources),
        }
