"""Reading and verifying the custody chain of a case."""

from __future__ import annotations

from dataclasses import dataclass

from caseapp.core.custody import ChainProblem, ChainReport, verify_chain
from caseapp.core.entities import CustodyEntry
from caseapp.core.errors import IntegrityError
from caseapp.core.ports import CaseStore, CustodyQuery
from caseapp.core.services.chain_records import RecordMismatch, record_mismatches
from caseapp.core.services.dossier_chain import dossier_mismatches


@dataclass(frozen=True, slots=True)
class CustodyService:
    store: CaseStore

    def entries(self, query: CustodyQuery | None = None) -> list[CustodyEntry]:
        """Entries, filtered and paged by the database."""
        with self.store.read() as tx:
            return list(tx.custody_entries(query))

    def count(self, query: CustodyQuery | None = None) -> int:
        with self.store.read() as tx:
            return tx.count_custody(query)

    def record_mismatches(self) -> list[RecordMismatch]:
        """Records that differ from the newest values the chain holds for them (see chain_records)."""
        with self.store.read() as tx:
            entries = list(tx.custody_entries())
            found = record_mismatches(tx, entries, self.store.privacy_digest)
            found += dossier_mismatches(tx, entries, self.store.privacy_digest)
            return sorted(found, key=lambda p: (p.seq, p.ref))

    def verify(self) -> ChainReport:
        """Recompute the whole chain and compare it with the head recorded outside the database."""
        forged: ChainProblem | None = None
        try:
            anchor = self.store.custody_anchor()
        except IntegrityError as error:
            anchor, forged = None, ChainProblem(None, str(error))
        with self.store.read() as tx:
            report = verify_chain(tx.custody_entries(), anchor)
        if forged is None:
            return report
        problems = (*(p for p in report.problems if p.seq is not None), forged)
        return ChainReport(entries=report.entries, last=report.last, anchor=None, problems=problems, notes=report.notes)
