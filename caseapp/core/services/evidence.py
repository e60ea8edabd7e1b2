"""Reading an exhibit in full: its record, metadata as found, derivatives, acquisitions, import
warnings, links and notes."""

from __future__ import annotations

from dataclasses import dataclass

from caseapp.core.entities import Exhibit, ExhibitDetail
from caseapp.core.ports import CaseStore, Deleted, RecordQuery
from caseapp.core.refs import RecordId, RefKind
from caseapp.core.services.base import resolve
from caseapp.core.services.redacted import redacted_one


@dataclass(frozen=True, slots=True)
class EvidenceService:
    store: CaseStore

    def detail(self, key: RecordId) -> ExhibitDetail:
        with self.store.read() as tx:
            target = resolve(tx, key, RefKind.EXHIBIT)
            assert target.id is not None
            exhibit = tx.get(RefKind.EXHIBIT, target.id)
            assert isinstance(exhibit, Exhibit)
            everything = RecordQuery(deleted=Deleted.HIDE, target=target)
            detail = ExhibitDetail(
                exhibit=exhibit,
                metadata=tx.exhibit_metadata(target.id),
                derivatives=tuple(tx.derivatives(target.id)),
                acquisitions=tuple(tx.acquisitions(target.id)),
                links=tuple(tx.links(everything)),
                notes=tuple(tx.notes(everything)),
            )
            return redacted_one(tx, detail)
