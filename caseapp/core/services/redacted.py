"""What the services return passes through the same name redaction as the export view.

A protected or confidential person's real name (or an alias of theirs) typed into a title, a note, a link's reasoning or
an analysis, or found in an exhibit's metadata, shows as their pseudonym in every listing, search
result and record the services return; the name itself is seen only through a recorded reveal
(:meth:`~caseapp.core.services.records.RecordReads.reveal_person`). Searching still finds the
records (the index holds the text as typed): a search for a name answers with the records that
contain it, showing the pseudonym in their place. Writes and undo read the stored text directly,
so nothing is lost; an edit that saves a redacted text shown on screen stores the pseudonym.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypeVar

from caseapp.core.entities import Person
from caseapp.core.ports import ReadTx
from caseapp.core.redaction import NameRedactor, RecordRedaction

T = TypeVar("T")


def persons_to_redact(tx: ReadTx) -> list[Person]:
    """Every person of the case (deleted ones too) with their real names, and the aliases of the
    non-public ones (their ``identity``), read in ``tx`` for a redaction and never shown."""
    return tx.persons_to_redact()


def redaction_of(tx: ReadTx) -> RecordRedaction:
    """A redaction by the names and aliases of every non-public person of the case (deleted ones
    too), read in ``tx``; its redactor is kept by the store until the case changes."""
    return RecordRedaction(tx.derived("name redactor", lambda: NameRedactor.for_persons(persons_to_redact(tx))))


def redacted(tx: ReadTx, records: Iterable[T]) -> list[T]:
    """``records`` with protected names replaced by pseudonyms in every string they hold."""
    redaction = redaction_of(tx)
    return [redaction.record(item) for item in records]


def redacted_one(tx: ReadTx, item: T) -> T:
    return redaction_of(tx).record(item)
