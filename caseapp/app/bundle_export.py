"""Exporting a case's evidence bundle (issue 15): the writer of :mod:`caseapp.export.bundle` fed
from an open case, signed with the organisation's key, recorded in custody.

- Full bundle: every live exhibit's original, decrypted from the blob store and checked against
  its recorded SHA-256 while it is written; sidecars with the exhibit's metadata (protected names
  replaced by pseudonyms, as everywhere outside the case).
- Public bundle: sidecars with public fields only; an exhibit with a redacted derivative sends
  that instead of its original (both hashes in its receipt); any other exhibit whose sensitivity
  is not "none", or whose file records a location (GPS), is listed without its file.

One custody entry records each export: what left the case (exhibit refs with the SHA-256 sent,
what was withheld, the dossier files), the SHA-256 of each part's manifest and tag manifest, and
a keyed digest of where it went. It is written in the same transaction as the bundle is renamed
into place: no bundle without its entry, no entry for a bundle that was not made.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from caseapp.app.bundle_items import Sent, custody_json, custody_text, json_bytes, receipt, sidecar
from caseapp.app.case_folder import OpenCase
from caseapp.app.org_key import organisation_key
from caseapp.core.custody import CustodyAction
from caseapp.core.dossier.bundle_layout import (
    CUSTODY_JSON,
    CUSTODY_TEXT,
    DOSSIER_DIR,
    REDACTED_KIND,
    evidence_path,
    receipt_path,
    sidecar_path,
)
from caseapp.core.entities import Exhibit, Sensitivity
from caseapp.core.errors import CaseDamagedError, IntegrityError, UserError
from caseapp.core.export_view import ExhibitView
from caseapp.core.operations import Task
from caseapp.core.ports import BlobRecord, ExhibitQuery, Writable
from caseapp.core.services.base import record, utc_now
from caseapp.core.services.redacting import current_redacted_blob
from caseapp.export.bag_parts import BagFile, Group
from caseapp.export.bundle import BundleRequest, PartResult, PreparedBundle, Signer, write_bundle


@dataclass(frozen=True, slots=True)
class BundleOptions:
    public: bool = False
    sign: bool = False
    part_size: int | None = None
    organisation: str | None = None
    """The name the signing key carries when it is made (default: the case's title)."""
    dossier_files: Sequence[Path] = ()
    new_only: bool = False
    """A supplement: leave out every file an earlier bundle of the same kind (public or full) sent,
    as the custody log recorded it."""


@dataclass(frozen=True, slots=True)
class BundleExported:
    path: Path
    parts: tuple[PartResult, ...]
    sent: tuple[str, ...]  # exhibit refs whose file (or redacted copy) was sent
    withheld: tuple[str, ...]
    fingerprint: str | None  # as printed, when signed
    key_created: bool
    recorded: bool  # False on read-only media (the export could not be entered in custody)


class _Raw(io.RawIOBase):
    """The bundle writer's sink as the file object the blob store decrypts into."""

    def __init__(self, sink: Writable) -> None:
        self.sink = sink

    def writable(self) -> bool:
        return True

    def write(self, data: bytes | bytearray | memoryview) -> int:  # type: ignore[override]
        self.sink.write(data)  # type: ignore[arg-type]  # a view: the writer copies nothing either
        return len(data)


def _decrypting(case: OpenCase, blob: BlobRecord) -> Callable[[Writable], object]:
    def write(sink: Writable) -> str:
        try:
            return case.blobs.decrypt_to(blob.name, blob.size, _Raw(sink))
        except CaseDamagedError as error:
            raise IntegrityError(
                f"{blob.exhibit_ref}: its stored {blob.role} file is damaged ({error}); no bundle was written. "
                "`caseapp verify --full` shows what else is affected."
            ) from None

    return write


def _reading(path: Path) -> Callable[[Writable], object]:
    def write(sink: Writable) -> None:
        with open(path, "rb") as handle:
            for block in iter(lambda: handle.read(2**20), b""):
                sink.write(block)

    return write


_UNSAFE_NAME = re.compile(r"[\x00-\x1f\x7f%\\/]")


def _dossier_group(files: Sequence[Path]) -> Group | None:
    items = []
    for path in files:
        name = _UNSAFE_NAME.sub("_", path.name).strip() or "dossier"
        try:
            size = path.stat().st_size
        except OSError as error:
            raise UserError(f"the dossier file {path} cannot be read ({error.strerror}); make it again") from None
        items.append(BagFile(f"{DOSSIER_DIR}/{name}", size, _reading(path)))
    return Group(tuple(items)) if items else None


@dataclass(slots=True)
class _Exhibits:
    groups: list[Group]
    sent: list[dict[str, Any]]
    withheld: list[str]
    without_file: int
    sent_before: list[str] = field(default_factory=list)  # refs left out of a supplement


def sent_before(custody: Sequence[tuple[Any, bool]], public: bool) -> set[str]:
    """The SHA-256 of every file earlier bundles of this kind sent (from their custody entries)."""
    return {
        item["sha256"]
        for entry, _changed in custody
        if entry.action == CustodyAction.EXPORT_BUNDLE and bool(entry.details.get("public")) == public
        for item in entry.details.get("sent", [])
    }


def _withheld_reason(view: ExhibitView) -> str:
    why = f"its sensitivity is {view.sensitivity!r}" if view.sensitivity != Sensitivity.NONE.value else ""
    if not why:
        why = "its file records where it was made (GPS)"
    return f"withheld from the public bundle: {why} and it has no redacted copy; the full bundle holds it"


def _exhibit_groups(
    case: OpenCase, options: BundleOptions, views: Sequence[ExhibitView], skip: set[str] | None = None
) -> _Exhibits:
    out = _Exhibits([], [], [], 0)
    with case.db.read() as tx:
        records = {x.ref: x for x in tx.exhibits(ExhibitQuery())}
        for view in views:
            exhibit = records.get(view.ref)
            if not isinstance(exhibit, Exhibit) or exhibit.sha256 is None:
                out.without_file += 1
                continue
            original = tx.original_blob(exhibit.id)
            if original is None or original.sha256 != exhibit.sha256:
                raise IntegrityError(
                    f"{view.ref}: its stored original does not match its record; no bundle was written"
                )
            blob: BlobRecord | None = original
            kind = "original"
            extension = view.original_name
            if options.public:
                redacted = current_redacted_blob(tx, exhibit)  # the newest copy, if redacted more than once
                if redacted is not None:
                    blob, kind = redacted[0], REDACTED_KIND
                    extension = f"copy.{redacted[1]}"  # a redacted HEIC is a JPEG: its own extension
                elif view.sensitivity != Sensitivity.NONE.value or exhibit.latitude is not None:
                    blob = None
            metadata = {} if options.public else tx.exhibit_metadata(exhibit.id)
            files: list[BagFile] = []
            sent: Sent | None = None
            if skip and blob is not None and blob.sha256 in skip:
                out.sent_before.append(view.ref)  # a supplement repeats nothing sent before
                continue
            if blob is not None:
                if not blob.name or not case.blobs.exists(blob.name):
                    raise IntegrityError(
                        f"{view.ref}: the stored {kind} file is missing; no bundle was written. "
                        "`caseapp verify --full` shows what else is affected."
                    )
                path = evidence_path(blob.sha256, extension)
                sent = Sent(path, blob.sha256, blob.size, kind)
                decrypt = _decrypting(case, blob)
                files.append(BagFile(path, blob.size, decrypt, expected_sha256=blob.sha256, digest_from_write=True))
                out.sent.append({"exhibit": view.ref, "sha256": blob.sha256, "kind": kind})
            withheld = None if sent is not None else _withheld_reason(view)
            if withheld:
                out.withheld.append(view.ref)
            doc = sidecar(view, public=options.public, sent=sent, withheld=withheld, metadata=metadata)
            files.append(BagFile.of_bytes(sidecar_path(sent.sha256 if sent else exhibit.sha256), json_bytes(doc)))
            files.append(
                BagFile.of_bytes(receipt_path(exhibit.sha256), json_bytes(receipt(view, sent=sent, withheld=withheld)))
            )
            out.groups.append(Group(tuple(files)))
    return out


def _check_destination(case: OpenCase, out_dir: Path) -> None:
    inside = out_dir.absolute().resolve()
    case_folder = case.folder.resolve()
    if inside == case_folder or case_folder in inside.parents:
        raise UserError(f"{out_dir} is inside the case folder; plaintext must never be written there")


def export_bundle(
    case: OpenCase, out_dir: Path, options: BundleOptions | None = None, *, task: Task | None = None
) -> BundleExported:
    """Write the evidence bundle into ``out_dir`` (new or empty) and record it in custody."""
    options = options or BundleOptions()
    task = task or Task()
    _check_destination(case, out_dir)
    view = case.records.export_view()
    organisation = options.organisation or view.case.title
    signer: Signer | None = None
    fingerprint: str | None = None
    created = False
    if options.sign:
        org = organisation_key(case, organisation)
        signer, fingerprint, created = org.key, org.key.printed_fingerprint, org.created
        organisation = org.key.organisation or organisation
    custody = case.records.export_custody()
    skip = sent_before(custody, options.public) if options.new_only else None
    exhibits = _exhibit_groups(case, options, view.exhibits, skip)
    groups: list[Group] = []
    dossier = _dossier_group(options.dossier_files)
    if dossier is not None:
        groups.append(dossier)
    groups.append(
        Group(
            (
                BagFile.of_bytes(CUSTODY_JSON, custody_json(custody)),
                BagFile.of_bytes(CUSTODY_TEXT, custody_text(custody, view.case.title)),
            )
        )
    )
    groups += exhibits.groups
    notes = _notes(custody, exhibits)
    request = BundleRequest(
        groups=groups,
        organisation=organisation,
        description=f"Evidence bundle of the case {view.case.title!r}"
        + (" (public version)" if options.public else " (full confidential version)"),
        public=options.public,
        signer=signer,
        part_size=options.part_size,
        notes=notes,
    )
    prepared = write_bundle(request, out_dir, task)
    try:
        recorded = _publish(
            case, prepared, options=options, exhibits=exhibits, custody=custody, fingerprint=fingerprint
        )
    finally:
        prepared.discard()
    return BundleExported(
        prepared.target,
        prepared.parts,
        tuple(s["exhibit"] for s in exhibits.sent),
        tuple(exhibits.withheld),
        fingerprint,
        created,
        recorded,
    )


def _notes(custody: Sequence[tuple[Any, bool]], exhibits: _Exhibits) -> list[str]:
    notes = []
    redacted = [str(entry.seq) for entry, changed in custody if changed]
    if redacted:
        notes.append(f"Custody entries with a name replaced by a pseudonym here: {', '.join(redacted)}.")
    if exhibits.sent_before:
        notes.append(
            f"This is a supplement: {len(exhibits.sent_before)} exhibit(s) sent in an earlier bundle are not repeated: "
            + ", ".join(exhibits.sent_before)
            + "."
        )
    if exhibits.withheld:
        notes.append(
            f"{len(exhibits.withheld)} exhibit(s) are listed without their file (see their receipts): "
            + ", ".join(exhibits.withheld)
            + "."
        )
    if exhibits.without_file:
        notes.append(f"{exhibits.without_file} exhibit(s) have no file (physical items or records); none is here.")
    return notes


def _publish(
    case: OpenCase,
    prepared: PreparedBundle,
    *,
    options: BundleOptions,
    exhibits: _Exhibits,
    custody: Sequence[tuple[Any, bool]],
    fingerprint: str | None,
) -> bool:
    """Give the bundle its name and record it, as one step (no bundle without its entry)."""
    if case.read_only:
        prepared.publish()
        return False
    details: dict[str, Any] = {
        "bundle": prepared.bundle_id,
        "public": options.public,
        "signed_by": fingerprint.replace(" ", "") if fingerprint else None,
        "sent": exhibits.sent,
        "withheld": exhibits.withheld,
        "new_only": options.new_only,
        "sent_before": exhibits.sent_before,
        "dossier": [p.name for p in options.dossier_files],
        "custody_through": custody[-1][0].seq if custody else 0,
        "parts": [
            {
                "part": part.folder or ".",
                "files": part.files,
                "bytes": part.payload_bytes,
                "manifest_sha256": part.manifest_sha256,
                "tagmanifest_sha256": part.tagmanifest_sha256,
            }
            for part in prepared.parts
        ],
        "to_digest": case.db.privacy_digest(str(prepared.target)),
    }
    committed = False
    try:
        with case.db.write() as tx:
            record(
                tx, actor=case.actor, at=utc_now(), action=CustodyAction.EXPORT_BUNDLE, target="CASE", details=details
            )
            prepared.publish()
        committed = True
    except BaseException:
        if not committed and not getattr(tx, "committed", False):
            prepared.unpublish()  # the entry did not commit: take the bundle back
        raise
    return True
