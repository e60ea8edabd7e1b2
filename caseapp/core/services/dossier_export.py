"""Export of the Article 15 communication: the full and public versions (and, when asked, the
confidential key annex) as PDF and DOCX, written into a new folder all at once, and one custody
entry that lists what left the case and the SHA-256 of every file produced.

Everything shareable is built from the export view (:mod:`caseapp.core.export_view`), never from
raw records. Real names are read only for the key annex, and only through the recorded reveal of
each protected person. The renderers (reportlab, python-docx) are given by the composition layer,
so this stays free of them.
"""

from __future__ import annotations

import dataclasses
import enum
import hashlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from caseapp.core.changes import Changes
from caseapp.core.custody import CustodyAction
from caseapp.core.dossier.build import KeyAnnexEntry, build_dossier, build_key_annex
from caseapp.core.dossier.inputs import DossierInputs
from caseapp.core.dossier.model import Document, Language, Version
from caseapp.core.dossier.selection import Section, check_omit
from caseapp.core.entities import PersonIdentity, ProtectionLevel
from caseapp.core.errors import UserError, ValidationError
from caseapp.core.export_view import ExportView
from caseapp.core.legal.jurisdiction import JurisdictionAnswer, check_jurisdiction
from caseapp.core.operations import OpResult, Task
from caseapp.core.ports import Deleted, RecordQuery
from caseapp.core.services.base import record
from caseapp.core.services.charges import catalogue

if TYPE_CHECKING:
    from caseapp.core.services import RecordService

Renderer = Callable[[Document, Path], None]
CANCELLED = "export cancelled; nothing was exported"


@dataclass(frozen=True, slots=True)
class RenderJob:
    document: Document
    format: DossierFormat
    path: Path


RenderAll = Callable[[Sequence[RenderJob], Task, int], None]
"""``render_all(jobs, task, steps)``: write every job's file, reporting progress as steps 1..n of
``steps`` and stopping at ``task.cancel`` with :class:`~caseapp.core.errors.Cancelled`."""


class DossierFormat(enum.StrEnum):
    PDF = "pdf"
    DOCX = "docx"


class OutputFolder(Protocol):
    """A folder that appears all at once: files are written into a private place first, and the
    folder gets its name only when every file is complete (a failed export leaves nothing)."""

    def file(self, name: str) -> Path:
        """Where to write the file ``name`` (inside the private place)."""
        ...

    def publish(self) -> str:
        """Give the folder its name; return where it is."""
        ...

    def unpublish(self) -> None:
        """Take a published folder back (its custody entry did not commit)."""
        ...

    def discard(self) -> None:
        """Remove whatever was written and not published."""
        ...


@dataclass(frozen=True, slots=True)
class DossierRequest:
    formats: tuple[DossierFormat, ...] = (DossierFormat.PDF, DossierFormat.DOCX)
    language: Language = Language.EN
    public_only: bool = False  # only the public redacted version (else the full and the public one)
    key_annex: bool = False  # the confidential key annex (real names, recorded reveals)
    signing_fingerprint: str | None = None
    today: date | None = None
    omit: frozenset[Section] = frozenset()  # optional sections left out (caseapp.core.dossier.selection)


@dataclass(frozen=True, slots=True)
class ProducedFile:
    name: str
    version: Version
    format: DossierFormat
    sha256: str
    size: int


@dataclass(frozen=True, slots=True)
class ExportedDossier:
    folder: str
    files: tuple[ProducedFile, ...]
    revealed: tuple[str, ...]  # pseudonyms whose identity went into the key annex
    jurisdiction: tuple[JurisdictionAnswer, ...]
    recorded: bool = True


def _sha256(path: Path) -> tuple[str, int]:
    digest = hashlib.sha256()
    size = 0
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size


def jurisdiction_answers(view: ExportView, inputs: DossierInputs) -> tuple[JurisdictionAnswer, ...]:
    """The jurisdiction assistant's answer for each charged crime, asked at the earliest date of
    the incidents it covers, with the territory and nationalities the author gave. None when the
    author gave neither (the dossier then says which facts are missing)."""
    if inputs.territory is None and not inputs.element_territories and not inputs.nationalities:
        return ()
    starts = {i.ref: i.time_start.date() for i in view.incidents if i.time_start is not None}
    answers: list[JurisdictionAnswer] = []
    asked: set[tuple[str, date]] = set()
    for charge in view.charges:
        dates = sorted(starts[ref] for ref in charge.incidents if ref in starts)
        if not dates:
            continue
        key = (charge.crime_id, dates[0])
        if key in asked:
            continue
        asked.add(key)
        aggression = charge.crime_id.replace(" ", "") == "8bis"
        answers.append(
            check_jurisdiction(
                date=dates[0],
                territory=inputs.territory,
                element_territories=inputs.element_territories,
                nationalities=inputs.nationalities,
                crime=charge.crime_id,
                victim_state=inputs.victim_state if aggression else None,
            )
        )
    return tuple(answers)


@dataclass(frozen=True, slots=True)
class DossierExportService:
    records: RecordService
    renderers: Mapping[DossierFormat, Renderer]
    read_only: bool = False  # a case on read-only media: the export is made but cannot be recorded
    render_all: RenderAll | None = None
    """Renders several files at once (the composition layer may use processes); default: in turn."""

    def export_dossier(
        self, request: DossierRequest, inputs: DossierInputs, output: OutputFolder, *, task: Task | None = None
    ) -> OpResult[ExportedDossier]:
        """Build and render the communication into ``output`` and record the export in custody in
        the same step as the folder gets its name."""
        task = task or Task()
        versions = (Version.PUBLIC,) if request.public_only else (Version.FULL, Version.PUBLIC)
        steps = (len(versions) + int(request.key_annex)) * len(request.formats) + 1
        view, answers, documents = self._documents(request, inputs, versions, task, steps)
        today = request.today or self.records.clock().date()
        revealed: tuple[str, ...] = ()
        published = False
        try:
            if request.key_annex:
                task.cancel.check(CANCELLED)
                entries = self._reveal_for_annex()
                revealed = tuple(e.pseudonym for e in entries)
                documents.append(build_key_annex(entries, inputs, language=request.language, today=today))
            produced = self._render(documents, request.formats, output, task, steps)
            task.cancel.check(CANCELLED)
            recorded = not self.read_only
            if recorded:
                with self.records.store.write() as tx:
                    record(
                        tx,
                        actor=self.records.actor,
                        at=self.records.clock(),
                        action=CustodyAction.DOSSIER_EXPORT,
                        target="CASE",
                        details=_details(request, produced, view, revealed, documents),
                    )
                    folder = output.publish()
                    published = True
            else:
                folder = output.publish()
                published = True
        except BaseException:
            if published:  # the custody entry did not commit: take the folder back
                output.unpublish()
            raise
        finally:
            output.discard()
        task.progress(steps, steps, "done")
        changes = Changes(custody=recorded)
        return OpResult(ExportedDossier(folder, tuple(produced), revealed, answers, recorded), changes)

    def _documents(
        self, request: DossierRequest, inputs: DossierInputs, versions: Sequence[Version], task: Task, steps: int
    ) -> tuple[ExportView, tuple[JurisdictionAnswer, ...], list[Document]]:
        if not request.formats:
            raise ValidationError("choose at least one format: pdf, docx")
        try:
            check_omit(request.omit)
        except ValueError as error:
            raise ValidationError(str(error)) from None
        missing = [f.value for f in request.formats if f not in self.renderers]
        if missing:
            raise UserError(f"no renderer for {', '.join(missing)} in this installation")
        today = request.today or self.records.clock().date()
        task.progress(0, steps, "reading the case")
        view = self.records.export_view()
        answers = jurisdiction_answers(view, inputs)
        documents = [
            build_dossier(
                view,
                inputs,
                version=version,
                language=request.language,
                catalogue=catalogue(),
                jurisdiction=answers,
                today=today,
                signing_fingerprint=request.signing_fingerprint,
                key_annex=request.key_annex,
                custody_entries=self._custody_length(),
                omit=request.omit,
            )
            for version in versions
        ]
        return view, answers, documents

    def public_document(self, request: DossierRequest, inputs: DossierInputs, *, task: Task | None = None) -> Document:
        """The public version as a :class:`Document`, nothing rendered and nothing recorded: what
        a preview of the communication's parts and headings is read from."""
        return self._documents(request, inputs, (Version.PUBLIC,), task or Task(), 1)[2][0]

    def render_for_bundle(
        self, request: DossierRequest, inputs: DossierInputs, folder: Path, *, task: Task | None = None
    ) -> list[ProducedFile]:
        """Render the communication (never the key annex) into ``folder`` for an evidence bundle,
        whose own custody entry records what it holds: nothing is recorded here."""
        task = task or Task()
        versions = (Version.PUBLIC,) if request.public_only else (Version.FULL, Version.PUBLIC)
        steps = len(versions) * len(request.formats) + 1
        _view, _answers, documents = self._documents(
            dataclasses.replace(request, key_annex=False), inputs, versions, task, steps
        )
        return self._render(documents, request.formats, _Folder(folder), task, steps)

    def _render(
        self,
        documents: Sequence[Document],
        formats: Sequence[DossierFormat],
        output: OutputFolder | _Folder,
        task: Task,
        steps: int,
    ) -> list[ProducedFile]:
        jobs = [
            RenderJob(document, fmt, output.file(f"{document.file_stem}.{fmt.value}"))
            for document in documents
            for fmt in formats
        ]
        (self.render_all or self._render_in_turn)(jobs, task, steps)
        produced: list[ProducedFile] = []
        for job in jobs:
            digest, size = _sha256(job.path)
            produced.append(ProducedFile(job.path.name, job.document.version, job.format, digest, size))
        return produced

    def _render_in_turn(self, jobs: Sequence[RenderJob], task: Task, steps: int) -> None:
        for done, job in enumerate(jobs, 1):
            task.cancel.check(CANCELLED)
            task.progress(done, steps, f"writing {job.path.name}")
            self.renderers[job.format](job.document, job.path)

    def _custody_length(self) -> int:
        with self.records.store.read() as tx:
            last = tx.last_custody_entry()
        return last.seq if last is not None else 0

    def _reveal_for_annex(self) -> list[KeyAnnexEntry]:
        """Every live person who is not public, revealed one by one (each reveal recorded)."""
        entries: list[KeyAnnexEntry] = []
        for person in self.records.persons(RecordQuery(deleted=Deleted.HIDE)):
            if person.protection is ProtectionLevel.NONE:
                continue
            revealed = self.records.reveal_person(person.id).value
            identity = revealed.identity or PersonIdentity()
            entries.append(
                KeyAnnexEntry(
                    pseudonym=revealed.ref,
                    full_name=revealed.full_name or "",
                    role=revealed.role.value,
                    protection=revealed.protection.value,
                    description=revealed.description,
                    aliases=identity.aliases,
                    born=identity.born,
                    contact=identity.contact,
                )
            )
        return entries


class _Folder:
    """A plain folder as the file source of :meth:`DossierExportService._render`."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def file(self, name: str) -> Path:
        return self.folder / name


def _details(
    request: DossierRequest,
    produced: Sequence[ProducedFile],
    view: ExportView,
    revealed: Sequence[str],
    documents: Sequence[Document],
) -> dict[str, object]:
    return {
        "language": request.language.value,
        "versions": sorted({f.version.value for f in produced}),
        "files": [
            {"name": f.name, "version": f.version.value, "format": f.format.value, "sha256": f.sha256, "size": f.size}
            for f in produced
        ],
        "exhibits": [x.ref for x in view.exhibits],
        "charges": [c.ref for c in view.charges],
        "key_annex": list(revealed),
        "omitted": [s.value for s in Section if s in request.omit],
        "names_replaced": view.redaction_total,
        "built": [dict(d.meta) for d in documents],
    }
