"""What an import reports: each file's outcome, and what the walk left out."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from uuid import UUID

from caseapp.core.changes import Changes
from caseapp.core.evidence import Problem


class FileStatus(enum.StrEnum):
    IMPORTED = "imported"
    DUPLICATE = "duplicate"  # same SHA-256 as an exhibit already in: recorded as another acquisition
    ALREADY_IN = "already_in"  # this very file was taken in before (resumed import)
    SKIPPED = "skipped"  # not taken in; the problems say why


@dataclass(frozen=True, slots=True)
class FileOutcome:
    path: str  # display-safe relative path
    status: FileStatus
    exhibit: str | None = None  # EX-n
    sha256: str | None = None
    size: int = 0
    problems: tuple[Problem, ...] = ()


@dataclass(frozen=True, slots=True)
class ImportReport:
    job_id: UUID
    outcomes: tuple[FileOutcome, ...]
    problems: tuple[Problem, ...]  # what the walk left out (links, devices, loops ...)
    cancelled: bool = False
    changes: Changes = field(default_factory=Changes)

    def count(self, status: FileStatus) -> int:
        return sum(1 for o in self.outcomes if o.status is status)

    @property
    def summary(self) -> dict[str, int]:
        counts = {status.value: self.count(status) for status in FileStatus}
        counts["left_out"] = len(self.problems)
        counts["files_with_problems"] = sum(1 for o in self.outcomes if o.problems)
        return counts

    def all_problems(self) -> list[Problem]:
        return [*self.problems, *(p for o in self.outcomes for p in o.problems)]
