"""A real case with real files imported, a protected witness typed into its text, for bundle tests."""

from __future__ import annotations

import hashlib
import os
import shutil
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from caseapp.app.case_folder import OpenCase
from caseapp.core.dossier.bundle_layout import REDACTED_KIND
from caseapp.core.entities import DerivativeInfo, PersonRole
from caseapp.core.refs import parse_ref
from caseapp.core.services.base import utc_now
from tests.intake.intake_factories import ARABIC, pdf_bytes, wav_bytes, write_jpeg

WITNESS = "Ahmad Karim al-Halabi"
WITNESS_AR = "محمد عبد الرحمن الحلبي"
REDACTED_BYTES = b"a redacted copy: faces blurred, metadata stripped\n"


def tool(name: str) -> str:
    """The path of a Debian tool; skips without it, unless in CI (where it must be installed)."""
    found = shutil.which(name)
    if found is None:
        if os.environ.get("CI"):
            pytest.fail(f"{name} is not installed; .ci/run installs it")
        pytest.skip(f"{name} is not installed")
    return found


@dataclass
class Sample:
    case: OpenCase
    refs: dict[str, str]  # file key -> EX-n
    sha: dict[str, str]  # file key -> SHA-256 of the original
    redacted_sha: str


def _files(root: Path) -> dict[str, Path]:
    root.mkdir(parents=True)
    files = {
        "photo": write_jpeg(
            root / "IMG_0001.JPG", size=(320, 240), gps=(36.2021, 37.1343), taken="2016:12:13 06:41:09"
        ),
        "report": root / "report.pdf",
        "testimony": root / "شهادة.txt",
        "audio": root / "audio.wav",
        "big": root / "drone-footage.bin",
        "graphic": root / "graphic.txt",
    }
    files["report"].write_bytes(pdf_bytes(["Report page one", "Page two"], info={"Author": "Field team"}))
    files["testimony"].write_text(f"{ARABIC}\n", encoding="utf-8")
    files["audio"].write_bytes(wav_bytes())
    files["big"].write_bytes(hashlib.sha256(b"seed").digest() * 9000)  # 288 000 bytes
    files["graphic"].write_text("a graphic description of injuries\n", encoding="utf-8")
    return files


def build_sample(case: OpenCase, folder: Path) -> Sample:
    files = _files(folder)
    report = case.imports.import_paths([str(p) for p in files.values()]).value
    by_name = {Path(o.path).name: o.exhibit for o in report.outcomes}
    refs = {key: str(by_name[path.name]) for key, path in files.items()}
    records = case.records
    witness = records.add_person(role=PersonRole.WITNESS, full_name=WITNESS).value
    records.add_person(role=PersonRole.VICTIM, full_name=WITNESS_AR)
    incident = records.add_incident(
        title=f"Statement of {WITNESS}", when="2016-04-27", place_name="Aleppo", latitude=36.2021, longitude=37.1343
    ).value
    records.edit(parse_ref(refs["report"]), {"title": f"Report naming {WITNESS}"}, reason="title")
    records.edit(parse_ref(refs["graphic"]), {"sensitivity": "graphic"}, reason="graphic content")
    records.add_note(parse_ref(refs["testimony"]), f"Taken from {WITNESS} and {WITNESS_AR} in Gaziantep")
    records.link(parse_ref(refs["audio"]), witness.id, reasoning=f"the voice of {WITNESS}")
    records.link(parse_ref(refs["report"]), incident.id, reasoning=f"{WITNESS_AR} describes the strike")
    sha = {}
    with case.db.read() as tx:
        for key, ref in refs.items():
            found = tx.find(parse_ref(ref).kind, ref)
            assert found is not None and found.id is not None
            blob = tx.original_blob(found.id)
            assert blob is not None
            sha[key] = blob.sha256
    redacted_sha = _add_redacted_copy(case, refs["photo"])
    return Sample(case, refs, sha, redacted_sha)


def _add_redacted_copy(case: OpenCase, ref: str) -> str:
    """What the redaction tool (built elsewhere) records: a derivative of kind "redacted"."""
    sha = hashlib.sha256(REDACTED_BYTES).hexdigest()
    name = case.blobs.put_bytes(REDACTED_BYTES)
    now = utc_now()
    with case.db.write() as tx:
        found = tx.find(parse_ref(ref).kind, ref)
        assert found is not None and found.id is not None
        tx.add_blob_file(name, sha256=sha, size=len(REDACTED_BYTES), at=now)
        derivative = DerivativeInfo(uuid.uuid4(), found.id, REDACTED_KIND, "image/jpeg", sha, len(REDACTED_BYTES), "")
        tx.add_derivative(derivative, at=now)
    return sha


@pytest.fixture
def sample(make_case: Callable[..., tuple[OpenCase, str]], tmp_path: Path) -> Sample:
    case, _ = make_case()
    return build_sample(case, tmp_path / "usb-stick")
