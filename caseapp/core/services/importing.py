"""The import job: take files and folders into an open case, proving each one unchanged.

For each file: one streaming pass hashes the plaintext while age encrypts it into ``blobs/``
(constant memory), then the file is inspected (type by content, metadata, thumbnail, text), the
derivatives are encrypted too. Files are recorded in batched transactions (up to 64 files,
256 MiB or one second of work), each file with its exhibit, derivatives, acquisition and its own
custody entry. Every blob is durable before the commit that references it, so a crash leaves
complete exhibits only; running the same import again resumes (files already taken in, by path,
size and modification time, are skipped without being read).

Thread use: call from a worker thread; ``progress`` is called on that thread, ``cancel`` is
polled between chunks. Cancelling keeps every exhibit already committed and nothing partial.
"""

from __future__ import annotations

import hashlib
import os
import time
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import NoReturn

from caseapp.core.changes import Changes
from caseapp.core.custody import CustodyAction
from caseapp.core.entities import Acquisition, DerivativeInfo, ExhibitKind
from caseapp.core.errors import Cancelled, StorageError, ValidationError
from caseapp.core.evidence import Candidate, DerivativeKind, FileFacts, FileIdentity, Problem, ProblemCode
from caseapp.core.operations import OpResult, Task
from caseapp.core.ports import BlobStore, CaseStore, Intake, NewFile, Readable, WriteTx
from caseapp.core.refs import PREFIX, RecordId, RefKind
from caseapp.core.services.base import record, require_live, resolve, utc_now
from caseapp.core.services.import_report import FileOutcome, FileStatus, ImportReport
from caseapp.core.services.recorded_facts import KIND_OF_TYPE, iso_from_ns, metadata_record
from caseapp.core.text import LONG_TEXT_MAX, clean_text

__all__ = ["FileOutcome", "FileStatus", "ImportReport", "ImportService"]


Exhibit = tuple[uuid.UUID, str]  # (id, ref) of an exhibit


@dataclass(slots=True)
class _Prepared:
    """A file read and encrypted, waiting for the batch commit that records it."""

    candidate: Candidate
    original_path: str
    sha256: str
    size: int
    problems: tuple[Problem, ...]
    blob: str | None = None  # None for a duplicate: nothing new is stored
    facts: FileFacts | None = None
    hashed: FileIdentity | None = None  # the file as it was when its last byte was hashed
    derivatives: list[tuple[str, str, str, str, int, str]] = field(default_factory=list)
    # kind, media type, blob, sha256, size, note

    def blobs(self) -> list[str]:
        return ([self.blob] if self.blob else []) + [d[2] for d in self.derivatives if d[2]]


BATCH_FILES = 64
BATCH_SECONDS = 1.0
BATCH_BYTES = 256 * 1024 * 1024
LOW_SPACE_RESERVE = 32 * 1024 * 1024
"""Room kept for the database's commit: with less free space than a file (and its derivatives)
plus this, what is read so far is committed before the file is read, one file at a time, so a
nearly full disk still makes progress instead of filling up before a batch's commit."""


@dataclass(frozen=True, slots=True)
class _Context:
    store: CaseStore
    blobs: BlobStore
    intake: Intake
    actor: str


class _Job:
    """One import run. Files are read and encrypted one by one and recorded in batches: one
    transaction (and one custody-head update) for up to 64 files, 256 MiB or one second of work. Every
    blob of a batch is durable before its commit; a crash loses only the uncommitted batch,
    whose blobs are quarantined at the next open and whose files a re-run takes in again."""

    def __init__(self, context: _Context, *, source_id: uuid.UUID | None, note: str, task: Task) -> None:
        self.context = context
        self.blob_store = context.blobs
        self.source_id = source_id
        self.note = note
        self.task = task
        self.files_done = 0
        self.files_total = 0
        self.bytes_done = 0
        self.bytes_total = 0
        self.job_id = uuid.UUID(int=0)
        self._last_report = 0.0
        self.outcomes: list[FileOutcome] = []
        self.on_outcome: Callable[[FileOutcome], None] | None = None
        self.batch: list[_Prepared] = []
        self.batch_started = 0.0
        self.batch_bytes = 0
        with context.store.read() as tx:
            self.known_files = tx.acquired_files()
            self.known_hashes = tx.exhibits_by_sha256()
        self.pending_hashes: dict[str, _Prepared] = {}
        self.content_problems: dict[str, tuple[str, tuple[Problem, ...]]] = {}

    def report(self, current: str, *, force: bool = False) -> None:
        now = time.monotonic()
        if force or now - self._last_report >= 0.1:
            self._last_report = now
            label = f"{self.files_done}/{self.files_total} files {current}".rstrip()
            self.task.progress(self.bytes_done, self.bytes_total, label)

    def settle(self, outcome: FileOutcome) -> None:
        """A file's fate is final (committed, skipped or found already in): record and announce it."""
        self.outcomes.append(outcome)
        if self.on_outcome is not None:
            self.on_outcome(outcome)

    def check_cancel(self) -> None:
        self.task.cancel.check("import cancelled; every file already taken in is kept")

    # -- reading one file ------------------------------------------------------------------
    def take(self, candidate: Candidate) -> None:
        shown = candidate.display_path
        identity = candidate.identity
        intake = self.context.intake
        # Stored names are display-safe text: bytes that are not UTF-8 and control characters are
        # escaped (``caseapp.intake.names.unescape_name`` gives the exact original back).
        original_path = intake.escape_name(os.path.abspath(candidate.path))
        known = self.known_files.get((original_path, identity.size, identity.mtime_ns))
        if known is not None:
            self.settle(FileOutcome(shown, FileStatus.ALREADY_IN, known[1], size=identity.size))
            self.bytes_done += identity.size
            return
        if self.batch and self.blob_store.free_bytes() < 2 * identity.size + LOW_SPACE_RESERVE:
            self.commit_batch()
        blob: list[str] = []
        start_bytes = self.bytes_done

        def on_bytes(count: int) -> None:
            self.bytes_done = start_bytes + count
            self.report(shown)

        def encrypt(reader: Readable) -> None:
            blob.append(self.blob_store.put(reader))

        try:
            streamed = intake.stream_file(
                candidate.path, encrypt, expected=identity, progress=on_bytes, cancel=self.task.cancel
            )
        except BaseException:
            self._discard(blob)
            raise
        self.bytes_done = start_bytes + identity.size
        problems = (*candidate.name_problems, *streamed.problems)
        if not streamed.complete:
            self._discard(blob)
            self.settle(FileOutcome(shown, FileStatus.SKIPPED, size=streamed.size, problems=problems))
            return
        prepared = _Prepared(candidate, original_path, streamed.sha256, streamed.size, problems, hashed=streamed.after)
        if streamed.sha256 in self.known_hashes or streamed.sha256 in self.pending_hashes:
            self._discard(blob)  # the same bytes are in already: record another acquisition only
            first = self.content_problems.get(streamed.sha256)
            if first is not None:  # a bad file seen earlier in this job: report its copy as well
                earlier, found = first
                prepared.problems = (
                    *prepared.problems,
                    *(
                        replace(
                            p,
                            path=candidate.path,
                            message=f"'{shown}' has the same content as '{earlier}': {p.message}",
                        )
                        for p in found
                    ),
                )
        else:
            prepared.blob = blob[0]
            self.pending_hashes[streamed.sha256] = prepared
            try:
                self._inspect(prepared)
            except BaseException:
                self._discard(prepared.blobs())
                raise
            if self._swapped(prepared):
                return
        self.batch.append(prepared)
        self.batch_bytes += streamed.size
        if not self.batch_started:
            self.batch_started = time.monotonic()
        if (
            len(self.batch) >= BATCH_FILES
            or self.batch_bytes >= BATCH_BYTES
            or time.monotonic() - self.batch_started >= BATCH_SECONDS
        ):
            self.commit_batch()

    def _swapped(self, prepared: _Prepared) -> bool:
        """A file swapped or rewritten between hashing and inspection: its metadata and text would
        describe other bytes than the ones kept. Take nothing of it; a re-run takes it in whole."""
        if not any(p.code is ProblemCode.CHANGED_WHILE_READING for p in prepared.problems):
            return False
        self._discard(prepared.blobs())
        self.pending_hashes.pop(prepared.sha256, None)
        self.content_problems.pop(prepared.sha256, None)
        shown = prepared.candidate.display_path
        self.settle(FileOutcome(shown, FileStatus.SKIPPED, size=prepared.size, problems=prepared.problems))
        return True

    def _inspect(self, prepared: _Prepared) -> None:
        candidate = prepared.candidate
        facts = self.context.intake.inspect_file(
            candidate.path,
            name=os.path.basename(candidate.relative_path),
            expected=prepared.hashed or candidate.identity,
            cancel=self.task.cancel,
        )
        prepared.facts = facts
        prepared.problems = (*prepared.problems, *facts.problems)
        if facts.problems:
            self.content_problems[prepared.sha256] = (candidate.display_path, facts.problems)
        for derivative in facts.derivatives:
            digest = hashlib.sha256(derivative.data).hexdigest()
            if digest == prepared.sha256 and len(derivative.data) == prepared.size:
                name = ""  # the same bytes as the original (a UTF-8 text file): stored once
            else:
                name = self.blob_store.put_bytes(derivative.data)
            prepared.derivatives.append(
                (derivative.kind.value, derivative.media_type, name, digest, len(derivative.data), derivative.note)
            )

    def _discard(self, names: list[str]) -> None:
        for name in names:
            self.blob_store.discard(name)

    # -- recording a batch -----------------------------------------------------------------
    def commit_batch(self) -> None:
        if not self.batch:
            return
        batch, self.batch = self.batch, []
        self.batch_started, self.batch_bytes = 0.0, 0
        transaction: WriteTx | None = None
        committed = False
        try:
            self.blob_store.sync()  # every rename of the batch is durable before the commit
            now = utc_now()
            recorded: dict[str, Exhibit] = {}
            with self.context.store.write() as tx:
                transaction = tx
                # Another process may have taken the same bytes in meanwhile: ask once per batch.
                in_db = tx.exhibits_by_sha256([p.sha256 for p in batch if p.blob])
                for prepared in batch:
                    exhibit = recorded.get(prepared.sha256) or in_db.get(prepared.sha256)
                    exhibit = exhibit or self.known_hashes.get(prepared.sha256)
                    if exhibit is None and prepared.blob is not None:
                        recorded[prepared.sha256] = self._record_new(tx, prepared, now)
                    else:
                        assert exhibit is not None
                        self._discard(prepared.blobs())
                        prepared.blob = None
                        self._record_duplicate(tx, exhibit, prepared, now)
                        recorded.setdefault(prepared.sha256, exhibit)
            committed = True
        except BaseException:
            if not committed and not (transaction is not None and transaction.committed):
                for prepared in batch:  # never delete what a commit refers to
                    self._discard(prepared.blobs())
            raise
        finally:
            for prepared in batch:
                self.pending_hashes.pop(prepared.sha256, None)
        for prepared in batch:
            exhibit = recorded[prepared.sha256]
            self.known_hashes.setdefault(prepared.sha256, exhibit)
            identity = prepared.candidate.identity
            self.known_files[(prepared.original_path, identity.size, identity.mtime_ns)] = exhibit
            status = FileStatus.IMPORTED if prepared.blob else FileStatus.DUPLICATE
            self.settle(
                FileOutcome(
                    prepared.candidate.display_path,
                    status,
                    exhibit[1],
                    prepared.sha256,
                    prepared.size,
                    prepared.problems,
                )
            )

    def _acquisition(self, tx: WriteTx, exhibit: Exhibit, prepared: _Prepared, now: datetime) -> None:
        candidate = prepared.candidate
        tx.add_acquisition(
            Acquisition(
                id=uuid.uuid4(),
                exhibit_id=exhibit[0],
                seen_at=now,
                actor=self.context.actor,
                source_id=self.source_id,
                original_path=prepared.original_path,
                relative_path=candidate.display_path,
                size=prepared.size,
                note=self.note,
                job_id=self.job_id,
            ),
            mtime_ns=candidate.identity.mtime_ns,
        )

    def _record_duplicate(self, tx: WriteTx, exhibit: Exhibit, prepared: _Prepared, now: datetime) -> None:
        self._acquisition(tx, exhibit, prepared, now)
        record(
            tx,
            actor=self.context.actor,
            at=now,
            action=CustodyAction.EXHIBIT_ACQUIRE,
            target=exhibit[1],
            target_id=exhibit[0],
            details={
                "sha256": prepared.sha256,
                "size": prepared.size,
                "job": str(self.job_id),
                "path_digest": self.context.store.privacy_digest(prepared.candidate.relative_path),
                "duplicate": True,
            },
        )

    def _record_new(self, tx: WriteTx, prepared: _Prepared, now: datetime) -> Exhibit:
        candidate, facts = prepared.candidate, prepared.facts
        assert facts is not None and prepared.blob is not None
        metadata = facts.metadata
        gps = metadata.gps if metadata else None
        new = NewFile(
            title=os.path.basename(candidate.display_path),
            kind=KIND_OF_TYPE.get(facts.detected.kind, ExhibitKind.OTHER),
            sha256=prepared.sha256,
            size=prepared.size,
            original_name=os.path.basename(candidate.display_path),
            relative_path=candidate.display_path,
            mime=facts.detected.mime,
            file_modified=iso_from_ns(candidate.identity.mtime_ns),
            file_changed=iso_from_ns(candidate.identity.ctime_ns),
            captured=metadata.created if metadata else None,
            latitude=round(gps.latitude, 7) if gps else None,  # ~1 cm; drops binary-fraction noise
            longitude=round(gps.longitude, 7) if gps else None,
            metadata=metadata_record(facts),
            source_id=self.source_id,
            note=self.note,
            warnings=tuple(f"{p.severity.value}: {p.message}" for p in prepared.problems),
        )
        exhibit_id, ref = uuid.uuid4(), tx.next_ref(PREFIX[RefKind.EXHIBIT])
        tx.add_file_exhibit(new, exhibit_id=exhibit_id, ref=ref, actor=self.context.actor, at=now)
        tx.add_blob_file(prepared.blob, sha256=prepared.sha256, size=prepared.size, at=now)
        for kind, media_type, name, digest, length, note in prepared.derivatives:
            tx.add_derivative(
                DerivativeInfo(uuid.uuid4(), exhibit_id, kind, media_type, digest, length, note),
                at=now,
            )
            if name:
                tx.add_blob_file(name, sha256=digest, size=length, at=now)
        self._acquisition(tx, (exhibit_id, ref), prepared, now)
        text = facts.derivative(DerivativeKind.TEXT)
        tx.index_text(exhibit_id, new.title, text.data.decode("utf-8", "replace") if text else "")
        record(
            tx,
            actor=self.context.actor,
            at=now,
            action=CustodyAction.EXHIBIT_IMPORT,
            target=ref,
            target_id=exhibit_id,
            details={
                "sha256": prepared.sha256,
                "size": prepared.size,
                "mime": new.mime,
                "job": str(self.job_id),
                "path_digest": self.context.store.privacy_digest(candidate.relative_path),
                "derivatives": [{"kind": d[0], "sha256": d[3]} for d in prepared.derivatives],
            },
        )
        return exhibit_id, ref


@dataclass(frozen=True, slots=True)
class ImportService:
    """Take files and folders into a case (see the module docstring)."""

    store: CaseStore
    blobs: BlobStore
    intake: Intake
    actor: str
    case_folder: Path

    def import_paths(
        self,
        paths: Sequence[str | Path],
        *,
        source: RecordId | None = None,
        note: str = "",
        task: Task | None = None,
        on_file: Callable[[FileOutcome], None] | None = None,
    ) -> OpResult[ImportReport]:
        """Take ``paths`` (files or folders, recursively) into the case.

        ``on_file`` is told each file's outcome as soon as it is final (committed, skipped, already in).
        If the disk fills up or fails, what was completely read is recorded first, then StorageError
        says where it stopped; running the same import again resumes.
        """
        task = task or Task()
        if not paths:
            raise ValidationError("give at least one file or folder to import")
        case_folder = self.case_folder.resolve()
        for given in paths:
            where = Path(given).resolve()
            if where == case_folder or case_folder in where.parents or where in case_folder.parents:
                raise ValidationError(f"{given} is or holds the case folder itself; choose the evidence folder")
        clean_note = clean_text(note, field="acquisition note", max_length=LONG_TEXT_MAX, multiline=True)
        source_id = None
        if source is not None:
            with self.store.read() as tx:
                source_id = require_live(tx, resolve(tx, source, RefKind.SOURCE)).id
        context = _Context(self.store, self.blobs, self.intake, self.actor)
        job = _Job(context, source_id=source_id, note=clean_note, task=task)
        job.on_outcome = on_file
        walked = self.intake.collect([os.fspath(p) for p in paths], cancel=task.cancel)
        job.files_total = len(walked.candidates)
        job.bytes_total = sum(c.identity.size for c in walked.candidates)
        cancelled = False
        with self.blobs.intake_lock(exclusive=False):
            with self.store.write() as tx:
                job.job_id = tx.start_job(
                    actor=self.actor, at=utc_now(), paths=[self.intake.escape_name(os.fspath(p)) for p in paths]
                )
            current = ""
            try:
                for candidate in walked.candidates:
                    current = candidate.display_path
                    job.check_cancel()
                    job.report(candidate.display_path, force=True)
                    job.take(candidate)
                    job.files_done += 1
            except Cancelled:
                cancelled = True
            except StorageError as error:
                _stop_after_storage_failure(job, current, error)
            job.commit_batch()  # what was fully read before a cancel is complete: keep it
            job.report("", force=True)
            outcomes = job.outcomes
            report = ImportReport(job.job_id, tuple(outcomes), walked.problems, cancelled)
            with self.store.write() as tx:
                tx.finish_job(
                    job.job_id,
                    at=utc_now(),
                    status="cancelled" if cancelled else "completed",
                    summary=report.summary,
                    problems=[
                        {
                            "path": self.intake.escape_name(p.path),
                            "code": p.code.value,
                            "severity": p.severity.value,
                            "message": p.message,
                        }
                        for p in report.all_problems()
                    ],
                )
        imported = any(o.status in (FileStatus.IMPORTED, FileStatus.DUPLICATE) for o in outcomes)
        changes = Changes(exhibits=True, custody=True) if imported else Changes()
        return OpResult(ImportReport(job.job_id, tuple(outcomes), walked.problems, cancelled, changes), changes)


def _stop_after_storage_failure(job: _Job, current: str, error: StorageError) -> NoReturn:
    """Keep what was completely read, mark the job failed, and say plainly where it stopped."""

    def recorded() -> int:
        return sum(1 for o in job.outcomes if o.status in (FileStatus.IMPORTED, FileStatus.DUPLICATE))

    kept = recorded()
    try:
        job.commit_batch()
        kept = recorded()
        with job.context.store.write() as tx:
            tx.finish_job(job.job_id, at=utc_now(), status="failed", summary={}, problems=[])
    except (StorageError, OSError):
        pass  # the disk refuses even that; the next run resumes from what is committed
    raise StorageError(
        f"the import stopped at '{current}': {error} {kept} file(s) taken in by this run are recorded. "
        "Free some space (or fix the disk), then run the same import again to resume."
    ) from None
