"""The single streaming pass: the hash of what the encryptor read, changes detected, constant memory."""

from __future__ import annotations

import hashlib
import io
import os
import tracemalloc
from pathlib import Path

import pyrage
import pytest
from pyrage import x25519

from caseapp.core.errors import Cancelled
from caseapp.core.evidence import ProblemCode, Severity
from caseapp.intake.fsutil import identity_of
from caseapp.intake.reader import HashingReader, stream_file

MIB = 1024 * 1024


def _random_file(path: Path, size: int) -> bytes:
    data = os.urandom(size)
    path.write_bytes(data)
    return data


def test_encrypt_io_through_the_reader_hashes_the_plaintext(tmp_path: Path) -> None:
    src = tmp_path / "video.bin"
    data = _random_file(src, 3 * MIB + 12345)
    identity = x25519.Identity.generate()
    blob = tmp_path / "blob.age"
    with blob.open("wb") as out:
        result = stream_file(src, lambda r: pyrage.encrypt_io(r, out, [identity.to_public()]))
    assert result.complete
    assert result.problems == ()
    assert result.sha256 == hashlib.sha256(data).hexdigest()
    assert result.size == len(data)
    assert blob.read_bytes()[:21] == b"age-encryption.org/v1"
    assert data[:4096] not in blob.read_bytes()
    back = io.BytesIO()
    with blob.open("rb") as fh:
        pyrage.decrypt_io(fh, back, [identity])
    assert back.getvalue() == data


def test_readinto_consumer_and_extra_digests(tmp_path: Path) -> None:
    src = tmp_path / "f"
    data = _random_file(src, 1 * MIB + 7)
    seen = bytearray()

    def consume(reader: HashingReader) -> None:
        buf = bytearray(65536)
        while n := reader.readinto(buf):
            seen.extend(buf[:n])

    result = stream_file(src, consume, algorithms=("sha512", "blake2b"))
    assert bytes(seen) == data
    assert result.digests == {
        "sha256": hashlib.sha256(data).hexdigest(),
        "sha512": hashlib.sha512(data).hexdigest(),
        "blake2b": hashlib.blake2b(data).hexdigest(),
    }


def test_hash_only_pass_and_empty_file(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.write_bytes(b"")
    result = stream_file(empty)
    assert result.complete
    assert (result.size, result.sha256) == (0, hashlib.sha256(b"").hexdigest())


def test_progress_reports_every_byte_in_order(tmp_path: Path) -> None:
    src = tmp_path / "f"
    _random_file(src, 100_000)
    seen: list[int] = []
    with io.BytesIO() as out:
        identity = x25519.Identity.generate()
        stream_file(src, lambda r: pyrage.encrypt_io(r, out, [identity.to_public()]), progress=seen.append)
    assert seen == sorted(seen)
    assert seen[-1] == 100_000
    assert len(seen) >= 100_000 // 8192


def test_cancel_through_pyrage_raises_cancelled(tmp_path: Path) -> None:
    src = tmp_path / "f"
    _random_file(src, 1 * MIB)
    chunks: list[int] = []
    identity = x25519.Identity.generate()
    with pytest.raises(Cancelled):
        stream_file(
            src,
            lambda r: pyrage.encrypt_io(r, io.BytesIO(), [identity.to_public()]),
            progress=chunks.append,
            cancel=lambda: len(chunks) >= 3,
        )
    assert len(chunks) == 3  # stopped at once, not at the end of the file


def test_cancel_in_hash_only_pass(tmp_path: Path) -> None:
    src = tmp_path / "f"
    _random_file(src, 10)
    with pytest.raises(Cancelled):
        stream_file(src, cancel=lambda: True)


def test_file_growing_while_read_is_not_complete(tmp_path: Path) -> None:
    src = tmp_path / "log.txt"
    _random_file(src, 200_000)

    def append_once(done: int) -> None:
        if done == 8192:
            with src.open("ab") as fh:
                fh.write(b"appended while reading")

    identity = x25519.Identity.generate()
    result = stream_file(
        src, lambda r: pyrage.encrypt_io(r, io.BytesIO(), [identity.to_public()]), progress=append_once
    )
    assert not result.complete
    assert [p.code for p in result.problems] == [ProblemCode.CHANGED_WHILE_READING]
    assert result.problems[0].severity is Severity.SKIPPED


def test_file_appended_to_without_end_is_read_only_to_its_size(tmp_path: Path) -> None:
    src = tmp_path / "live.log"
    data = _random_file(src, 100_000)

    def append_every_chunk(_done: int) -> None:  # a writer that always keeps up with the reader
        with src.open("ab") as fh:
            fh.write(b"more")

    identity = x25519.Identity.generate()
    out = io.BytesIO()
    result = stream_file(src, lambda r: pyrage.encrypt_io(r, out, [identity.to_public()]), progress=append_every_chunk)
    assert result.size == 100_000
    assert result.sha256 == hashlib.sha256(data).hexdigest()
    assert [p.code for p in result.problems] == [ProblemCode.CHANGED_WHILE_READING]


def test_file_rewritten_in_place_with_same_size_is_detected(tmp_path: Path) -> None:
    src = tmp_path / "doc"
    _random_file(src, 3 * MIB)
    before = os.stat(src)

    def rewrite(done: int) -> None:
        if done <= 1024 * 1024:  # first chunk of the hash-only pass
            with src.open("r+b") as fh:
                fh.write(b"X" * 10)
            os.utime(src, ns=(before.st_atime_ns, before.st_mtime_ns + 1_000_000_000))

    result = stream_file(src, progress=rewrite)
    assert [p.code for p in result.problems] == [ProblemCode.CHANGED_WHILE_READING]


def test_file_deleted_mid_read_is_reported_but_whole(tmp_path: Path) -> None:
    src = tmp_path / "vanishing.bin"
    data = _random_file(src, 300_000)

    def delete(done: int) -> None:
        if done == 8192:
            src.unlink()

    identity = x25519.Identity.generate()
    out = io.BytesIO()
    result = stream_file(src, lambda r: pyrage.encrypt_io(r, out, [identity.to_public()]), progress=delete)
    assert not src.exists()
    assert [p.code for p in result.problems] == [ProblemCode.VANISHED]
    assert result.problems[0].severity is Severity.WARNING
    assert result.complete  # every byte was read from the open file
    assert result.sha256 == hashlib.sha256(data).hexdigest()
    assert pyrage.decrypt(out.getvalue(), [identity]) == data


def test_file_replaced_mid_read(tmp_path: Path) -> None:
    src = tmp_path / "swap"
    _random_file(src, 50_000)

    def replace(done: int) -> None:
        if not (tmp_path / "swapped").exists():
            (tmp_path / "swapped").touch()
            other = tmp_path / "other"
            other.write_bytes(b"other")
            os.replace(other, src)

    result = stream_file(src, progress=replace)
    assert [p.code for p in result.problems] == [ProblemCode.VANISHED]
    assert "replaced" in result.problems[0].message


def test_change_since_listing_is_reported(tmp_path: Path) -> None:
    src = tmp_path / "f"
    src.write_bytes(b"first")
    listed = identity_of(os.stat(src))
    src.write_bytes(b"second version")
    result = stream_file(src, expected=listed)
    assert [p.code for p in result.problems] == [ProblemCode.CHANGED_SINCE_LISTED]
    assert result.complete
    assert result.sha256 == hashlib.sha256(b"second version").hexdigest()


def test_refuses_fifo_symlink_and_missing(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe")
    (tmp_path / "target").write_bytes(b"t")
    (tmp_path / "link").symlink_to(tmp_path / "target")
    results = {name: stream_file(tmp_path / name) for name in ("pipe", "link", "missing")}
    assert results["pipe"].problems[0].code is ProblemCode.SPECIAL_FILE
    assert results["link"].problems[0].code is ProblemCode.SPECIAL_FILE
    assert results["missing"].problems[0].code is ProblemCode.VANISHED
    assert not any(r.complete for r in results.values())
    assert all(r.sha256 == "" for r in results.values())


def test_consumer_that_stops_early_is_a_programming_error(tmp_path: Path) -> None:
    src = tmp_path / "f"
    _random_file(src, 100_000)
    with pytest.raises(ValueError, match="stopped before the end"):
        stream_file(src, lambda r: r.read(10))


def test_consumer_errors_propagate(tmp_path: Path) -> None:
    src = tmp_path / "f"
    _random_file(src, 10)

    def disk_full(reader: HashingReader) -> None:
        reader.read(5)
        raise OSError(28, "No space left on device")

    with pytest.raises(OSError, match="No space"):
        stream_file(src, disk_full)


def test_memory_stays_constant_for_a_large_file(tmp_path: Path) -> None:
    src = tmp_path / "big.bin"
    with src.open("wb") as fh:  # 64 MiB of non-zero data, written in 1 MiB pieces
        block = os.urandom(MIB)
        for _ in range(64):
            fh.write(block)
    identity = x25519.Identity.generate()
    tracemalloc.start()
    try:
        with (tmp_path / "big.age").open("wb") as out:
            result = stream_file(src, lambda r: pyrage.encrypt_io(r, out, [identity.to_public()]))
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert result.size == 64 * MIB
    assert peak < 2 * MIB, f"peak Python allocation {peak} bytes"
