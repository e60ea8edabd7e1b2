"""The legal catalogue (Rome Statute crimes, Elements of Crimes, modes of liability) and the jurisdiction
assistant. Pure standard-library code over the data shipped in ``resources/legal/``.
"""

from caseapp.core.legal.consent import GroundStatus
from caseapp.core.legal.grounds import Ground, GroundKind
from caseapp.core.legal.jurisdiction import (
    JurisdictionAnswer,
    JurisdictionQuery,
    Verdict,
    check_jurisdiction,
)
from caseapp.core.legal.loader import CatalogueError, load_catalogue
from caseapp.core.legal.model import Catalogue, Crime, Element, Role, VerificationStatus
from caseapp.core.legal.search import SearchHit, SearchIndex
from caseapp.core.legal.states import JurisdictionData, load_jurisdiction_data

__all__ = [
    "Catalogue",
    "CatalogueError",
    "Crime",
    "Element",
    "Ground",
    "GroundKind",
    "GroundStatus",
    "JurisdictionAnswer",
    "JurisdictionData",
    "JurisdictionQuery",
    "Role",
    "SearchHit",
    "SearchIndex",
    "Verdict",
    "VerificationStatus",
    "check_jurisdiction",
    "load_catalogue",
    "load_jurisdiction_data",
]
