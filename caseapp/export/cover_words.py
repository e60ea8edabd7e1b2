"""The few fixed words of the cover sheet that the model leaves to renderers, per dossier language.

Shared by the PDF and DOCX renderers so both print the same text.
"""

from __future__ import annotations

from dataclasses import dataclass

from caseapp.core.dossier.model import Language


@dataclass(frozen=True, slots=True)
class CoverWords:
    date: str
    number: str
    source: str
    contact: str
    fingerprint: str


COVER_WORDS = {
    Language.EN: CoverWords(
        date="Date:",
        number="No.:",
        source="Source:",
        contact="Secure contact:",
        fingerprint="Signing key (OpenPGP fingerprint):",
    ),
    Language.FR: CoverWords(
        date="Date :",
        number="N° :",
        source="Source :",
        contact="Contact sécurisé :",
        fingerprint="Clé de signature (empreinte OpenPGP) :",
    ),
}
