"""The use cases of caseapp: every operation a person can do on a case, for the CLI and the GUI.

They live here, in ``core``, written against the ports of :mod:`caseapp.core.ports` (storage,
blobs, intake), so each can run over SQLCipher or an in-memory fake. ``caseapp.app`` only
composes them with the real adapters for an unlocked case folder.
"""

from __future__ import annotations

from caseapp.core.services.element_links import ElementLinkOps
from caseapp.core.services.export_view import ExportViewOps
from caseapp.core.services.records import RecordAdds, RecordReads
from caseapp.core.services.suggestions import SuggestionOps
from caseapp.core.services.undo import UndoOps


class RecordService(UndoOps, ExportViewOps, ElementLinkOps, SuggestionOps, RecordAdds, RecordReads):
    """Add, read, edit, delete, restore, tag, annotate, link and undo the records of a case; charge
    crimes, link evidence to their elements, review the links, read the gap matrix and the export view;
    suggest incidents from exhibits' places and times."""

    __slots__ = ()


__all__ = ["RecordService"]
