"""The evidence bundle on a real case: it validates with bagit and sha256sum, its signatures with sqv
and gpg, a changed byte fails all of them, the public version carries no protected name, parts
validate on their own, a cancelled export leaves nothing, and custody records the hashes."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import bagit
import pytest

from caseapp.app.bundle_export import BundleOptions, export_bundle
from caseapp.core.custody import CustodyAction
from caseapp.core.errors import Cancelled, IntegrityError, UserError
from caseapp.core.operations import CancelToken, Task
from caseapp.core.ports import CustodyQuery
from caseapp.export.bag_parts import BagFile, Group
from caseapp.export.bundle import BundleRequest, write_bundle
from caseapp.secrets.signing import SECRET_NAME
from tests.export.conftest import REDACTED_BYTES, WITNESS, WITNESS_AR, Sample, tool

BAGIT_SCRIPT = Path(sys.executable).parent / "bagit.py"


def _run(*args: str | Path, cwd: Path | None = None, env: dict[str, str] | None = None) -> int:
    done = subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True, check=False)
    return done.returncode


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _flip_one_byte(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01
    path.write_bytes(bytes(data))


def _valid_everywhere(bag: Path) -> bool:
    """bagit (Python API and its script) and sha256sum on both manifests: all True or all False."""
    try:
        bagit.Bag(str(bag)).validate()
        api = True
    except bagit.BagValidationError:
        api = False
    script = _run(sys.executable, BAGIT_SCRIPT, "--validate", bag) == 0
    sums = all(_run(tool("sha256sum"), "-c", "--quiet", m, cwd=bag) == 0 for m in ("manifest-sha256.txt",))
    tags = _run(tool("sha256sum"), "-c", "--quiet", "tagmanifest-sha256.txt", cwd=bag) == 0
    results = {api, script, sums}
    assert len(results) == 1, f"bagit API {api}, bagit.py {script}, sha256sum {sums} disagree"
    assert tags, "the tag manifest no longer matches"
    return api


def test_full_bundle_validates_and_one_changed_byte_fails_every_check(sample: Sample, tmp_path: Path) -> None:
    out = tmp_path / "bundle"
    result = export_bundle(sample.case, out, BundleOptions())
    assert _valid_everywhere(out)
    evidence = sorted((out / "data" / "evidence").glob("*"))
    originals = [p for p in evidence if not p.name.endswith(".metadata.json")]
    # every original is there, named by the SHA-256 of its content
    assert {p.name.split(".")[0] for p in originals} == set(sample.sha.values())
    for path in originals:
        assert path.name.startswith(_sha256(path))
    receipt = json.loads((out / "data" / "receipts" / f"{sample.sha['report']}.json").read_text())
    assert receipt["original"]["sha256"] == receipt["sent"]["sha256"] == sample.sha["report"]
    assert set(result.sent) == set(sample.refs.values()) and not result.withheld
    # the full sidecar keeps the private fields, still without protected names
    side = json.loads((out / "data" / "evidence" / f"{sample.sha['photo']}.metadata.json").read_text())
    assert side["original_name"] == "IMG_0001.JPG" and side["latitude"] == pytest.approx(36.2021)

    _flip_one_byte(next(p for p in originals if p.name.startswith(sample.sha["report"])))
    assert not _valid_everywhere(out)


def test_signatures_verify_with_sqv_and_gpg_and_fail_on_a_changed_file(sample: Sample, tmp_path: Path) -> None:
    sqv, gpg = tool("sqv"), tool("gpg")
    out = tmp_path / "bundle"
    result = export_bundle(sample.case, out, BundleOptions(sign=True, organisation="Syria Justice Clinic"))
    key = out / "proofs" / "org-key.asc"
    signed = ("manifest-sha256.txt", "tagmanifest-sha256.txt")
    for name in signed:
        assert _run(sqv, "--keyring", key, out / "proofs" / f"{name}.asc", out / name) == 0
    home = tmp_path / "gnupg"
    home.mkdir(mode=0o700)
    env = {**os.environ, "GNUPGHOME": str(home)}
    assert _run(gpg, "--batch", "--import", key, env=env) == 0
    for name in signed:
        assert _run(gpg, "--batch", "--verify", out / "proofs" / f"{name}.asc", out / name, env=env) == 0
    # the fingerprint VERIFY.txt prints is the key's
    assert result.fingerprint is not None and result.fingerprint in (out / "VERIFY.txt").read_text()

    with open(out / "tagmanifest-sha256.txt", "a") as handle:
        handle.write("\n")
    tag_sig = out / "proofs" / "tagmanifest-sha256.txt.asc"
    assert _run(sqv, "--keyring", key, tag_sig, out / "tagmanifest-sha256.txt") != 0
    assert _run(gpg, "--batch", "--verify", tag_sig, out / "tagmanifest-sha256.txt", env=env) != 0


def test_the_signing_key_is_made_once_kept_in_the_case_and_recorded(sample: Sample, tmp_path: Path) -> None:
    first = export_bundle(sample.case, tmp_path / "one", BundleOptions(sign=True, organisation="Clinic"))
    second = export_bundle(sample.case, tmp_path / "two", BundleOptions(sign=True, public=True))
    assert first.key_created and not second.key_created
    assert first.fingerprint == second.fingerprint
    made = sample.case.custody.entries(CustodyQuery(action=CustodyAction.SIGNING_KEY_CREATE.value))
    assert len(made) == 1 and made[0].details["fingerprint"] == first.fingerprint.replace(" ", "")  # type: ignore[union-attr]
    with sample.case.db.read() as tx:
        secret = tx.secret(SECRET_NAME)
    assert secret is not None and "PRIVATE KEY" in secret
    for out in (tmp_path / "one", tmp_path / "two"):  # only the public key leaves the case
        assert not any(b"PRIVATE KEY" in p.read_bytes() for p in out.rglob("*") if p.is_file())


def _every_text(out: Path) -> str:
    """Every file name and every file's bytes (decoded as far as they decode) in the bundle."""
    parts = []
    for path in sorted(out.rglob("*")):
        parts.append(str(path.relative_to(out)))
        if path.is_file():
            parts.append(path.read_bytes().decode("utf-8", errors="replace"))
    return "\n".join(parts)


def test_the_public_bundle_holds_no_protected_name_no_place_no_original_name(sample: Sample, tmp_path: Path) -> None:
    out = tmp_path / "public"
    result = export_bundle(sample.case, out, BundleOptions(public=True, sign=True))
    assert _valid_everywhere(out)
    everything = _every_text(out)
    for forbidden in (WITNESS, "Karim al-Halabi", "Ahmad Karim", WITNESS_AR, "عبد الرحمن الحلبي"):
        assert forbidden not in everything
    for forbidden in ("IMG_0001", "شهادة.txt", "drone-footage", "36.2021", "37.1343", "latitude", "original_name"):
        assert forbidden not in everything
    assert "W-001" in everything and "V-001" in everything  # the pseudonyms stand in their place

    # the exhibit marked graphic is listed without its file
    graphic = json.loads((out / "data" / "receipts" / f"{sample.sha['graphic']}.json").read_text())
    assert graphic["sent"] is None and "graphic" in graphic["withheld"]
    assert not list((out / "data" / "evidence").glob(f"{sample.sha['graphic']}.txt"))
    assert sample.refs["graphic"] in result.withheld
    # the photo (GPS in its file) goes as its redacted copy, both hashes in its receipt
    photo = json.loads((out / "data" / "receipts" / f"{sample.sha['photo']}.json").read_text())
    assert photo["original"]["sha256"] == sample.sha["photo"]
    assert photo["sent"]["sha256"] == sample.redacted_sha and photo["sent"]["kind"] == "redacted"
    assert (out / photo["sent"]["path"]).read_bytes() == REDACTED_BYTES
    assert not list((out / "data" / "evidence").glob(f"{sample.sha['photo']}.*g"))
    # the custody log went through the redactor; entries so changed say so
    log = json.loads((out / "data" / "custody" / "custody-log.json").read_text())
    assert any(entry.get("redacted") for entry in log)


def test_custody_entries_recheck_with_their_recipe(sample: Sample, tmp_path: Path) -> None:
    jq = tool("jq")
    out = tmp_path / "bundle"
    export_bundle(sample.case, out, BundleOptions())
    log_path = out / "data" / "custody" / "custody-log.json"
    log = json.loads(log_path.read_text())
    for index in (0, len(log) - 1):
        if log[index].get("redacted"):
            continue
        canonical = subprocess.run(
            [jq, "-cjS", f".[{index}] | del(.hash, .redacted)", str(log_path)], capture_output=True, check=True
        ).stdout
        assert hashlib.sha256(canonical).hexdigest() == log[index]["hash"]


def test_parts_are_each_a_complete_bag(sample: Sample, tmp_path: Path) -> None:
    out = tmp_path / "split"
    result = export_bundle(sample.case, out, BundleOptions(part_size=100_000, sign=True))
    parts = sorted(out.iterdir())
    assert len(parts) == len(result.parts) >= 3
    assert [p.name for p in parts] == [r.folder for r in result.parts]
    sent: set[str] = set()
    for part in parts:
        assert _valid_everywhere(part)
        assert _run(tool("sqv"), "--keyring", part / "proofs" / "org-key.asc",
                    part / "proofs" / "tagmanifest-sha256.txt.asc", part / "tagmanifest-sha256.txt") == 0  # fmt: skip
        sent |= {p.name.split(".")[0] for p in (part / "data").rglob("*") if p.parent.name == "evidence"}
        assert f"{len(parts)}" in (part / "bag-info.txt").read_text()
    assert set(sample.sha.values()) <= sent
    # the 288 000-byte file is larger than a part: a part of its own, and VERIFY.txt says so
    (oversize,) = [r for r in result.parts if r.oversize]
    assert oversize.files == 3 and oversize.payload_bytes > 100_000
    assert "larger than" in (out / oversize.folder / "VERIFY.txt").read_text()


def test_a_cancelled_export_leaves_nothing(sample: Sample, tmp_path: Path) -> None:
    out = tmp_path / "empty-before"
    out.mkdir()
    token = CancelToken()
    seen: list[str] = []

    def progress(done: int, total: int, label: str) -> None:
        seen.append(label)
        if len(seen) == 3:
            token.cancel()

    before = len(sample.case.custody.entries())
    with pytest.raises(Cancelled):
        export_bundle(sample.case, out, BundleOptions(sign=True), task=Task(progress=progress, cancel=token))
    assert len(seen) == 3
    assert list(out.iterdir()) == []
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
    after = sample.case.custody.entries()
    assert [e.action for e in after[before:]] == [CustodyAction.SIGNING_KEY_CREATE.value]  # no export entry


def test_the_export_is_one_custody_entry_with_the_hashes_of_what_left(sample: Sample, tmp_path: Path) -> None:
    out = tmp_path / "split"
    result = export_bundle(sample.case, out, BundleOptions(part_size=100_000, public=True))
    entry = sample.case.custody.entries()[-1]
    assert entry.action == CustodyAction.EXPORT_BUNDLE.value
    assert entry.details["public"] is True
    listed = {p["part"]: p for p in entry.details["parts"]}
    for part in result.parts:
        assert listed[part.folder]["tagmanifest_sha256"] == _sha256(out / part.folder / "tagmanifest-sha256.txt")
        assert listed[part.folder]["manifest_sha256"] == _sha256(out / part.folder / "manifest-sha256.txt")
    sent = {item["exhibit"]: item["sha256"] for item in entry.details["sent"]}
    assert sent[sample.refs["photo"]] == sample.redacted_sha
    assert sample.refs["graphic"] in entry.details["withheld"]
    assert WITNESS not in json.dumps(entry.details) and str(out) not in json.dumps(entry.details)


def test_a_folder_with_anything_in_it_is_refused(sample: Sample, tmp_path: Path) -> None:
    out = tmp_path / "busy"
    out.mkdir()
    (out / "keep.txt").write_text("mine")
    with pytest.raises(UserError, match="not empty"):
        export_bundle(sample.case, out, BundleOptions())
    assert [p.name for p in out.iterdir()] == ["keep.txt"]
    with pytest.raises(UserError, match="inside the case folder"):
        export_bundle(sample.case, sample.case.folder / "out", BundleOptions())


def test_dossier_files_travel_in_the_bundle(sample: Sample, tmp_path: Path) -> None:
    dossier = tmp_path / "communication-public.pdf"
    dossier.write_bytes(b"%PDF-1.7 stand-in for the dossier\n")
    out = tmp_path / "bundle"
    export_bundle(sample.case, out, BundleOptions(dossier_files=[dossier]))
    assert (out / "data" / "dossier" / dossier.name).read_bytes() == dossier.read_bytes()
    assert _valid_everywhere(out)


def test_a_stored_file_that_no_longer_matches_its_record_stops_the_export(sample: Sample, tmp_path: Path) -> None:
    with sample.case.db.read() as tx:
        blobs = {b.exhibit_ref: b for b in tx.referenced_blobs() if b.role == "original"}
    report, audio = blobs[sample.refs["report"]], blobs[sample.refs["audio"]]
    folder = sample.case.blobs.folder
    # another stored file put in the report's place: it decrypts, to other bytes
    (folder / f"{report.name}.age").write_bytes((folder / f"{audio.name}.age").read_bytes())
    out = tmp_path / "bundle"
    before = len(sample.case.custody.entries())
    with pytest.raises(IntegrityError, match=f"{sample.refs['report']}: its stored original file is damaged"):
        export_bundle(sample.case, out, BundleOptions())
    assert not out.exists() and list(tmp_path.glob(".bundle*")) == []
    assert len(sample.case.custody.entries()) == before


def test_bytes_that_differ_from_the_recorded_sha256_are_refused_and_nothing_is_left(tmp_path: Path) -> None:
    wrong = BagFile.of_bytes("data/evidence/x.txt", b"what the blob gave")
    wrong = dataclasses.replace(wrong, expected_sha256=hashlib.sha256(b"what was recorded").hexdigest())
    request = BundleRequest(groups=[Group((wrong,))], organisation="Clinic", description="test", public=False)
    with pytest.raises(IntegrityError, match="no longer matches its recorded SHA-256"):
        write_bundle(request, tmp_path / "out")
    assert list(tmp_path.iterdir()) == []


def test_a_supplement_sends_only_what_no_earlier_bundle_of_its_kind_sent(sample: Sample, tmp_path: Path) -> None:
    export_bundle(sample.case, tmp_path / "first", BundleOptions())
    added = tmp_path / "new" / "later-report.txt"
    added.parent.mkdir()
    added.write_text("A report received after the first communication.\n", encoding="utf-8")
    new_ref = sample.case.imports.import_paths([added]).value.outcomes[0].exhibit
    out = tmp_path / "supplement"
    result = export_bundle(sample.case, out, BundleOptions(new_only=True))
    assert result.sent == (new_ref,)
    assert _valid_everywhere(out)
    sent = [p for p in (out / "data" / "evidence").iterdir() if not p.name.endswith(".metadata.json")]
    assert [p.name.split(".")[0] for p in sent] == [_sha256(added)]
    assert "This is a supplement" in (out / "VERIFY.txt").read_text()
    entry = sample.case.custody.entries(CustodyQuery(action=CustodyAction.EXPORT_BUNDLE))[-1]
    assert entry.details["new_only"] is True and set(entry.details["sent_before"]) == set(sample.refs.values())
    # a public supplement compares with public bundles only: none was sent, so everything public goes
    public = export_bundle(sample.case, tmp_path / "public", BundleOptions(public=True, new_only=True))
    assert new_ref in public.sent and len(public.sent) > 1
