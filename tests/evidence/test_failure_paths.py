"""Failures in the middle of writing evidence never lose what was committed or leak plaintext."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from caseapp.app.case_folder import open_case
from caseapp.core.ports import ExhibitQuery
from caseapp.core.services.importing import FileStatus
from caseapp.storage.anchor import CustodyAnchor
from caseapp.storage.blobs import padded_length
from tests.conftest import PASSPHRASE, raw_connection


def test_head_write_failure_after_commit_keeps_the_evidence(make_case, evidence_folder, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    case, _ = make_case()

    def refuse(self: CustodyAnchor, head: object) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(CustodyAnchor, "write", refuse)
    report = case.imports.import_paths([evidence_folder["txt"], evidence_folder["pdf"]]).value
    assert report.count(FileStatus.IMPORTED) == 2
    monkeypatch.undo()
    assert case.custody.verify().ok  # the head lags but the chain is whole
    case.close()
    with open_case(case.folder, passphrase=PASSPHRASE) as again:
        from caseapp.app.exhibits import verify_blobs

        assert verify_blobs(again).problems == ()
        assert again.custody.verify().notes  # the lag is reported, not hidden


def test_interrupt_right_after_commit_keeps_the_evidence(make_case, evidence_folder, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    case, _ = make_case()

    def interrupted(self: CustodyAnchor, head: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(CustodyAnchor, "write", interrupted)
    with pytest.raises(KeyboardInterrupt):
        case.imports.import_paths([evidence_folder["txt"]])
    monkeypatch.undo()
    case.close()
    with open_case(case.folder, passphrase=PASSPHRASE) as again:
        from caseapp.app.exhibits import verify_blobs

        assert [e.title for e in again.records.exhibits()] == ["شهادة.txt"]
        assert verify_blobs(again).problems == ()


def test_quick_verify_notices_a_deleted_blob(cli, make_case, evidence_folder) -> None:  # type: ignore[no-untyped-def]
    case, _ = make_case()
    case.imports.import_paths([evidence_folder["txt"]])
    case.close()
    for blob in (case.folder / "blobs").glob("*.age"):
        blob.unlink()
    result = cli("verify", "--case", str(case.folder), passphrase=PASSPHRASE)
    assert result.code == 3 and "FILE: EX-1: the original: its encrypted file is missing" in result.out


def test_no_export_without_its_custody_entry(cli, make_case, evidence_folder, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    case, _ = make_case()
    case.imports.import_paths([evidence_folder["txt"]])
    case.close()
    connection = raw_connection(case.folder)
    connection.execute("DROP TRIGGER custody_no_delete")
    connection.execute("DELETE FROM custody WHERE seq = (SELECT max(seq) FROM custody)")
    connection.close()
    out = tmp_path / "out"
    out.mkdir()
    result = cli("export-original", "--case", str(case.folder), "EX-1", str(out), passphrase=PASSPHRASE)
    assert result.code == 3 and "does not match its recorded head" in result.err
    assert list(out.iterdir()) == []  # neither the file nor a temp file


@pytest.mark.parametrize("size", [0, 1, 2, 100, 1000, 4097, 65_537, 10**6, 123_456_789])
def test_padme_lengths(size: int) -> None:
    padded = padded_length(size)
    assert size <= padded <= size * 1.12 + 1
    assert padded_length(padded) == padded


def test_blobs_hide_exact_sizes(make_case, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    case, _ = make_case()
    folder = tmp_path / "sizes"
    folder.mkdir()
    for size in (100_000, 100_100, 100_300):
        (folder / f"f{size}.bin").write_bytes(os.urandom(size))
    case.imports.import_paths([folder])
    with case.db.read() as tx:
        blobs = [tx.original_blob(e.id) for e in tx.exhibits(ExhibitQuery())]
        names = [b.name for b in blobs if b is not None]
    sizes = sorted((case.folder / "blobs" / f"{name}.age").stat().st_size for name in names)
    assert len(sizes) == 3 and min(sizes) >= padded_length(100_300) == padded_length(100_000)
    # Three plaintext sizes, one padded size: what differs is only age's header, whose random
    # "grease" stanza varies by up to a few hundred bytes, far below the padding step here (2 KiB).
    assert max(sizes) - min(sizes) < 512


def test_hostile_kdf_parameters_are_refused_quickly(cli, make_case) -> None:  # type: ignore[no-untyped-def]
    case, _ = make_case()
    case.close()
    path = case.folder / "keyslots.json"
    document = json.loads(path.read_text())
    for slot in document["slots"]:
        if slot["type"] == "passphrase":
            slot["kdf"]["memory_kib"] = 2**40
    path.write_text(json.dumps(document))
    result = cli("info", "--case", str(case.folder), passphrase=PASSPHRASE)
    assert result.code == 1 and "memory_kib" in result.err and "out of bounds" in result.err


def test_keyring_chain_with_an_insecure_member_is_refused(memory_keyring) -> None:  # type: ignore[no-untyped-def]
    import keyring
    from keyring.backend import KeyringBackend

    from caseapp.secrets import keystore

    class Plaintext(KeyringBackend):
        priority = 0.5  # type: ignore[assignment]

        def get_password(self, service: str, username: str) -> str | None:
            return None

        def set_password(self, service: str, username: str, password: str) -> None:
            raise AssertionError("secret given to an insecure keyring")

        def delete_password(self, service: str, username: str) -> None:
            return None

    class Chain(KeyringBackend):
        priority = 10  # type: ignore[assignment]
        backends = (memory_keyring, Plaintext())

        def get_password(self, service: str, username: str) -> str | None:
            return None

        def set_password(self, service: str, username: str, password: str) -> None:
            raise AssertionError("secret given to a chain with an insecure member")

        def delete_password(self, service: str, username: str) -> None:
            return None

    keyring.set_keyring(Chain())
    assert not keystore.status().usable
