"""Reading the export view of a case (:mod:`caseapp.core.export_view`) in one read transaction.

This reads the real names of protected persons from the store without a recorded reveal: it is
the one place that does, and only to remove them from everything the view holds (see the view's
module docstring). Nothing of what it reads leaves it but the redacted view.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from uuid import UUID

from caseapp.core.entities import CustodyEntry
from caseapp.core.errors import CaseDamagedError
from caseapp.core.export_view import ExportView, build_export_view
from caseapp.core.legal.gaps import gap_matrix
from caseapp.core.ports import BlobStore, ExhibitQuery, ReadTx, RecordQuery
from caseapp.core.refs import RecordId, RefKind
from caseapp.core.services.base import resolve
from caseapp.core.services.charges import ChargeOps, catalogue
from caseapp.core.services.redacted import persons_to_redact, redaction_of
from caseapp.core.services.redacting import current_redacted_blob

TEXT = "text"


def extracted_text(tx: ReadTx, blobs: BlobStore, exhibit_id: UUID) -> str | None:
    """The extracted text of an exhibit (its ``text`` derivative, checked against its SHA-256),
    or None when it has none."""
    blob = tx.derivative_blob(exhibit_id, TEXT)
    if blob is None:
        return None
    if not blob.name:
        raise CaseDamagedError(
            f"the extracted text of {blob.exhibit_ref} is not on this computer (its encrypted file is missing); "
            "run `caseapp verify --full`, or leave its text out of the export"
        )
    data = blobs.read_bytes(blob.name, blob.size)
    if hashlib.sha256(data).hexdigest() != blob.sha256:
        raise CaseDamagedError(
            f"the extracted text of {blob.exhibit_ref} does not match its recorded SHA-256; "
            "run `caseapp verify --full` to see what is damaged"
        )
    return data.decode("utf-8", errors="replace")


class ExportViewOps(ChargeOps):
    __slots__ = ()

    def export_view(self, *, blobs: BlobStore | None = None, include_text: Iterable[RecordId] = ()) -> ExportView:
        """The case with every protected identity replaced by its pseudonym (live records only),
        with the extracted text of the exhibits in ``include_text`` (``blobs`` is then needed)."""
        live = RecordQuery()
        with self.store.read() as tx:
            wanted = [resolve(tx, key, RefKind.EXHIBIT).id for key in include_text]
            texts: dict[UUID, str] = {}
            if wanted and blobs is None:
                raise ValueError("the extracted text of exhibits needs the case's blob store")
            for exhibit_id in wanted:
                assert exhibit_id is not None and blobs is not None
                text = extracted_text(tx, blobs, exhibit_id)
                if text is not None:
                    texts[exhibit_id] = text
            exhibits = tx.exhibits(ExhibitQuery())
            redacted: dict[UUID, tuple[str, str]] = {}
            for exhibit in exhibits:
                copy = current_redacted_blob(tx, exhibit) if exhibit.sha256 else None
                if copy is not None:
                    redacted[exhibit.id] = (copy[0].sha256, copy[1])
            charges = self._with_warnings(tx, tx.charges(live))
            element_links = tx.element_links(live)
            facts = tx.evidence_facts(link.exhibit_id for link in element_links)
            gaps = gap_matrix(catalogue(), charges, [x for x in element_links if x.exhibit_id in facts], facts)
            return build_export_view(
                case=tx.case_info(),
                persons=persons_to_redact(tx),  # names and aliases, to be replaced; never put in the view
                consents=tx.consents(),
                incidents=tx.incidents(live),
                sources=tx.sources(live),
                exhibits=exhibits,
                notes=tx.notes(live),
                links=tx.links(live),
                charges=charges,
                element_links=element_links,
                gaps=gaps,
                texts=texts,
                redacted=redacted,
            )

    def export_custody(self) -> list[tuple[CustodyEntry, bool]]:
        """The custody log as it may leave the case: every entry, in order, with protected names
        replaced by pseudonyms wherever one was typed into it (a title recorded when a record was
        added); beside each, True when it was changed that way (its hash then matches the entry
        kept in the case, not this copy). Names, notes and reasoning are keyed digests already."""
        with self.store.read() as tx:
            redaction = redaction_of(tx)
            entries = []
            for entry in tx.custody_entries():
                shown = redaction.record(entry)
                entries.append((shown, shown is not entry))
            return entries
