"""Writing an evidence bundle: one BagIt bag (RFC 8493), or several when split into parts, signed.

The bag is built in a hidden sibling of the output folder and renamed into place only when every
part is complete, so a failure, a cancel or a crash never leaves a half-written bundle where the
user looks (:meth:`PreparedBundle.publish`). Files are streamed: each payload file's SHA-256 is
computed while its bytes are written (one pass; the bytes are never held whole in memory), and
the manifests are written from those hashes. The manifests use two spaces between hash and path
and only paths without ``%``, backslashes or control characters, so ``sha256sum -c
manifest-sha256.txt`` run in the bag's root reads them as BagIt does.

Signing: ``proofs/`` holds the organisation's public key and detached signatures of the manifest
and of the tag manifest (which lists the manifest, bag-info.txt, VERIFY.txt and the key, so its
signature covers everything). The tag manifest's own signature is the one tag file it cannot list.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import secrets
import shutil
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, BinaryIO, Protocol

import bagit

from caseapp import __version__
from caseapp.atomicfile import fsync_dir, make_private_dir
from caseapp.core.dossier.bundle_layout import PROOFS_DIR, VERIFY_TEXT
from caseapp.core.errors import IntegrityError, StorageError, UserError
from caseapp.core.operations import Task
from caseapp.export.bag_parts import BagFile, Group, PartPlan, human_size, plan_parts
from caseapp.export.verify_text import KEY_NAME, MANIFEST, TAGMANIFEST, VerifyFacts, signature_name, verify_text

_PROGRESS_STEP = 4 * 2**20
_BUILDING_MARK = ".bundle-"


class Signer(Protocol):
    """The organisation's key (``caseapp.secrets.signing.SigningKey`` is one)."""

    @property
    def printed_fingerprint(self) -> str: ...

    def certificate(self) -> str: ...

    def sign_file(self, path: Path, signature: Path) -> None: ...


@dataclass(frozen=True, slots=True)
class BundleRequest:
    """What to write: the payload in groups (each group stays in one part) and the facts of the bag."""

    groups: Sequence[Group]
    organisation: str
    description: str
    public: bool
    signer: Signer | None = None
    part_size: int | None = None
    notes: Sequence[str] = ()
    """Extra paragraphs for VERIFY.txt (e.g. which custody entries were redacted)."""


@dataclass(frozen=True, slots=True)
class PartResult:
    folder: str  # "" when the bundle is one bag, else "part-001" ...
    files: int
    payload_bytes: int
    manifest_sha256: str
    tagmanifest_sha256: str
    oversize: bool


@dataclass(slots=True)
class PreparedBundle:
    """A complete bundle in its hidden building folder, waiting to be given its name."""

    building: Path
    target: Path
    bundle_id: str
    parts: tuple[PartResult, ...]
    sent: dict[str, str] = field(default_factory=dict)
    """Every payload path written, with the SHA-256 measured while writing it."""
    published: bool = False
    _target_existed: bool = False

    def publish(self) -> None:
        """Rename the finished bundle into place (over the empty output folder, if there was one)."""
        fsync_dir(self.building)
        try:
            os.rename(self.building, self.target)  # POSIX: replaces an empty folder atomically
        except OSError:
            if not self._target_existed:
                raise
            self.target.rmdir()  # other systems: take the empty folder away first
            os.rename(self.building, self.target)
        self.published = True
        with contextlib.suppress(OSError):
            fsync_dir(self.target.parent)

    def unpublish(self) -> None:
        """Take a published bundle back (its custody entry did not commit)."""
        if not self.published:
            return
        with contextlib.suppress(OSError):
            os.rename(self.target, self.building)
            if self._target_existed:
                self.target.mkdir(mode=0o700)
        self.published = False

    def discard(self) -> None:
        """Remove the building folder (nothing, once published)."""
        if not self.published:
            shutil.rmtree(self.building, ignore_errors=True)


def check_output_folder(out_dir: Path) -> bool:
    """Refuse an output folder that holds anything; True when it exists (empty)."""
    if out_dir.is_symlink():
        raise UserError(f"{out_dir} is a symbolic link; give a real folder for the bundle")
    if out_dir.exists():
        if not out_dir.is_dir():
            raise UserError(f"{out_dir} is a file; give a new or empty folder for the bundle")
        if any(out_dir.iterdir()):
            raise UserError(f"{out_dir} is not empty; give a new or empty folder so nothing is mixed into the bundle")
        return True
    if not out_dir.parent.is_dir():
        raise UserError(f"{out_dir.parent} does not exist; create it first or choose another place")
    return False


def _remove_leftovers(out_dir: Path) -> None:
    """Hidden building folders of killed exports into the same place (they may hold plaintext)."""
    prefix = f".{out_dir.name}{_BUILDING_MARK}"
    with contextlib.suppress(OSError), os.scandir(out_dir.parent) as entries:
        for entry in entries:
            if entry.name.startswith(prefix) and entry.is_dir(follow_symlinks=False):
                shutil.rmtree(entry.path, ignore_errors=True)


class _Writer:
    """Streams payload files into a part, hashing them on the way, reporting and cancelling."""

    def __init__(self, task: Task, total: int) -> None:
        self.task = task
        self.total = total
        self.done = 0
        self._reported = 0
        self._label = ""
        self._handle: BinaryIO | None = None
        self._hash: Any = None
        self._size = 0

    def write(self, data: bytes, /) -> int:
        self.task.cancel.check("bundle export cancelled; nothing was written")
        assert self._handle is not None
        self._handle.write(data)
        if self._hash is not None:
            self._hash.update(data)
        self._size += len(data)
        self.done += len(data)
        if self.done - self._reported >= _PROGRESS_STEP:
            self._reported = self.done
            self.task.progress(self.done, self.total, self._label)
        return len(data)

    def copy(self, item: BagFile, root: Path) -> str:
        """Write ``item`` under ``root``; its SHA-256."""
        self.task.cancel.check("bundle export cancelled; nothing was written")
        target = root / item.path
        target.parent.mkdir(parents=True, exist_ok=True)
        self._label, self._size = item.path, 0
        self._hash = None if item.digest_from_write else hashlib.sha256()
        with open(target, "xb") as handle:
            self._handle = handle
            try:
                reported = item.write(self)
            finally:
                self._handle = None
        digest = str(reported) if self._hash is None else self._hash.hexdigest()
        if item.expected_sha256 is not None and digest != item.expected_sha256:
            raise IntegrityError(
                f"{item.path}: what the case holds no longer matches its recorded SHA-256; no bundle was written. "
                "A full verification of the case shows what else is affected."
            )
        if self._size != item.size:
            raise IntegrityError(f"{item.path}: {self._size} bytes were written where {item.size} were expected")
        self.task.progress(self.done, self.total, item.path)
        return digest


def _make_durable(building: Path) -> None:
    """Every file and folder written, on disk before the bundle gets its name. One ``sync`` at
    the end (as ``cp`` + ``sync`` does) costs far less than an fsync per file, which serialises
    the writes; where ``os.sync`` is missing, each file is synced."""
    folders = {building, *(p.parent for p in building.rglob("*"))}
    if hasattr(os, "sync"):
        os.sync()
    else:
        for path in building.rglob("*"):
            if path.is_file():
                with open(path, "rb+") as handle:
                    os.fsync(handle.fileno())
    for folder in folders:
        fsync_dir(folder)


def _sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(2**20), b""):
            digest.update(block)
    return digest.hexdigest()


def _write_text(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "x", encoding="utf-8", newline="\n") as handle:
        handle.write(text)


def _tag_value(value: str) -> str:
    return " ".join(value.split())  # a tag value is one line


def _check_complete(root: Path) -> None:
    """BagIt's own reading of the part: structure, manifests against the files present and the
    Payload-Oxum (no re-hashing: the hashes were measured while writing)."""
    try:
        bagit.Bag(str(root)).validate(completeness_only=True)
    except bagit.BagError as error:
        raise IntegrityError(f"the bundle written is not a complete bag ({error}); nothing was kept") from None


def _write_part(
    root: Path, plan: PartPlan, *, index: int, request: BundleRequest, bundle_id: str, writer: _Writer, count: int
) -> tuple[PartResult, dict[str, str]]:
    if not root.exists():
        make_private_dir(root)
    sums: dict[str, str] = {}
    for item in plan.files:
        if item.path in sums:
            continue  # the same content sent for two exhibits: one file
        sums[item.path] = writer.copy(item, root)
    _write_text(root / MANIFEST, "".join(f"{sums[path]}  {path}\n" for path in sorted(sums)))
    _write_text(root / "bagit.txt", "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n")
    payload = sum(f.size for f in {f.path: f for f in plan.files}.values())
    info = {
        "Bag-Software-Agent": f"caseapp {__version__}",
        "Bagging-Date": datetime.now(UTC).date().isoformat(),
        "Bag-Group-Identifier": bundle_id,
        "Bag-Count": f"{index} of {count}",
        "Bag-Size": human_size(payload),
        "External-Description": _tag_value(request.description),
        "External-Identifier": bundle_id,
        "Payload-Oxum": f"{payload}.{len(sums)}",
        "Source-Organization": _tag_value(request.organisation),
    }
    _write_text(root / "bag-info.txt", "".join(f"{k}: {v}\n" for k, v in info.items() if v))
    facts = VerifyFacts(
        bundle_id=bundle_id,
        organisation=_tag_value(request.organisation),
        fingerprint=request.signer.printed_fingerprint if request.signer else None,
        public=request.public,
        part=index,
        parts=count,
        part_size=human_size(request.part_size) if request.part_size else None,
        oversize=plan.oversize,
        notes=request.notes,
    )
    _write_text(root / VERIFY_TEXT, verify_text(facts))
    tag_files = ["bagit.txt", "bag-info.txt", MANIFEST, VERIFY_TEXT]
    if request.signer is not None:
        _write_text(root / PROOFS_DIR / KEY_NAME, request.signer.certificate())
        request.signer.sign_file(root / MANIFEST, root / signature_name(MANIFEST))
        tag_files += [f"{PROOFS_DIR}/{KEY_NAME}", signature_name(MANIFEST)]
    _write_text(root / TAGMANIFEST, "".join(f"{_sha256_of(root / name)}  {name}\n" for name in tag_files))
    if request.signer is not None:
        request.signer.sign_file(root / TAGMANIFEST, root / signature_name(TAGMANIFEST))
    _check_complete(root)
    result = PartResult(
        folder="" if count == 1 else root.name,
        files=len(sums),
        payload_bytes=payload,
        manifest_sha256=_sha256_of(root / MANIFEST),
        tagmanifest_sha256=_sha256_of(root / TAGMANIFEST),
        oversize=plan.oversize,
    )
    return result, sums


def write_bundle(request: BundleRequest, out_dir: Path, task: Task | None = None) -> PreparedBundle:
    """Build the bundle for ``out_dir`` (which must not exist or be empty) in a hidden sibling folder.

    Returns it ready to :meth:`~PreparedBundle.publish`; on any failure or cancel the building
    folder is removed and nothing is left. ``task.progress`` gets (bytes done, bytes in all, bag path)."""
    task = task or Task()
    out_dir = out_dir.absolute()
    existed = check_output_folder(out_dir)
    _remove_leftovers(out_dir)
    plans = plan_parts(request.groups, request.part_size)
    total = sum(plan.size for plan in plans)
    bundle_id = f"urn:uuid:{uuid.uuid4()}"
    building = out_dir.with_name(f".{out_dir.name}{_BUILDING_MARK}{secrets.token_hex(6)}")
    prepared = PreparedBundle(building, out_dir, bundle_id, (), _target_existed=existed)
    writer = _Writer(task, total)
    try:
        make_private_dir(building)
        results = []
        for index, plan in enumerate(plans, start=1):
            root = building if len(plans) == 1 else building / f"part-{index:03d}"
            result, sums = _write_part(
                root, plan, index=index, request=request, bundle_id=bundle_id, writer=writer, count=len(plans)
            )
            results.append(result)
            prepared.sent.update(sums)
        prepared.parts = tuple(results)
        _make_durable(building)
    except OSError as error:
        prepared.discard()
        reason = error.strerror or str(error)
        raise StorageError(f"cannot write the bundle next to {out_dir}: {reason}. Nothing was left behind.") from None
    except BaseException:
        prepared.discard()
        raise
    return prepared
