"""The confidential key to pseudonyms: the only document that holds real names.

Produced only when the user asks for it (the caller reveals the identities, which is recorded in
custody, and passes them here as :class:`KeyAnnexEntry` values). Every page is marked
"CONFIDENTIAL — KEY TO PSEUDONYMS"; its file stem is ``key-annex``; its properties carry no name.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from caseapp.core.dossier.inputs import DossierInputs
from caseapp.core.dossier.model import (
    Cover,
    Document,
    Furniture,
    Labels,
    Language,
    Paragraph,
    Part,
    Properties,
    Span,
    Table,
    Version,
)
from caseapp.core.dossier.wording import Words


@dataclass(frozen=True, slots=True)
class KeyAnnexEntry:
    pseudonym: str  # "W-001"
    full_name: str
    role: str  # PersonRole value
    protection: str  # ProtectionLevel value
    description: str = ""
    aliases: tuple[str, ...] = ()
    born: str = ""  # ISO date of birth, or ""
    contact: str = ""


def _identity(e: KeyAnnexEntry, w: Words) -> str:
    """The name cell: the full name, then aliases, date of birth and contact where known."""
    parts = [e.full_name]
    if e.aliases:
        parts.append(w("key.aliases", aliases=", ".join(e.aliases)))
    if e.born:
        parts.append(w("key.born", date=w.date(date.fromisoformat(e.born))))
    if e.contact:
        parts.append(w("key.contact", contact=" ".join(e.contact.split())))
    return "; ".join(p for p in parts if p)


def build_key_annex(
    entries: Sequence[KeyAnnexEntry], inputs: DossierInputs, *, language: Language, today: date
) -> Document:
    w = Words(language)
    classification = w("class.key")
    day = w.date(today)
    rows = tuple(
        (
            (Span(e.pseudonym, mono=True),),
            (Span(_identity(e, w)),),
            (Span(w.term(e.role)),),
            (Span(w.term(e.protection)),),
            (Span(e.description),) if e.description else (Span(w("none")),),
        )
        for e in entries
    )
    columns = tuple(w(f"col.{c}") for c in ("pseudonym", "name", "role", "protection", "person"))
    part = Part(
        label="",
        title=w("part.key"),
        anchor="part-key",
        blocks=(
            Paragraph((Span(w("key.intro", date=day)),), number=1, anchor="para-1"),
            Table(columns, rows, (0.14, 0.26, 0.14, 0.14, 0.32), w("key.caption"), "key-table"),
        ),
        page_break_before=False,
    )
    sender = tuple(inputs.sender)
    if sender:
        sender = (w("source", sender=sender[0]), *sender[1:])
    cover = Cover(
        original_language=w("original"),
        date=w("cover.date", date=day),
        situation=inputs.situation or w("situation.unnamed"),
        situation_number=w("cover.number", number=inputs.situation_number) if inputs.situation_number else None,
        classification=classification,
        title=w("title.key"),
        sender=sender,
        secure_contact=w("secure_contact", contact=inputs.secure_contact) if inputs.secure_contact else "",
        undertaking=None,
        signing_fingerprint=None,
    )
    return Document(
        version=Version.KEY_ANNEX,
        language=language,
        cover=cover,
        furniture=Furniture(w("short.key"), classification, day, w.template("page")),
        labels=Labels(contents=w("contents"), notes=w("notes"), draft_marker=w("draft")),
        properties=Properties(
            title=w("title.key"), subject=cover.situation, author=inputs.sender[0] if inputs.sender else ""
        ),
        parts=(part,),
        file_stem="key-annex",
        meta={"version": Version.KEY_ANNEX.value, "language": language.value, "entries": str(len(entries))},
    )
