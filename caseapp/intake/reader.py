"""The single streaming pass: hash (and count) the plaintext while another consumer reads it.

Typical use by the blob store::

    def encrypt(reader: HashingReader) -> None:
        pyrage.encrypt_io(reader, temp_file, [recipient])

    result = stream_file(candidate.path, encrypt, expected=candidate.identity, progress=..., cancel=...)
    if result.complete:  # keep the blob, record result.sha256 / result.size
        ...

Memory stays constant: only the consumer's buffers exist (pyrage reads 8 KiB at a time).
Problems are returned in `StreamResult.problems`; only `Cancelled` (and the consumer's own errors,
e.g. a full disk while writing the blob) are raised.
"""

from __future__ import annotations

import hashlib
import io
import os
from collections.abc import Callable, Sequence

from caseapp.core.errors import Cancelled
from caseapp.core.evidence import FileIdentity, Problem, ProblemCode, Severity, StreamResult
from caseapp.intake.fsutil import OpenRefused, identity_of, open_regular, problem
from caseapp.intake.names import escape_name

ProgressCallback = Callable[[int], None]
"""Called after every chunk with the number of bytes of this file read so far."""
CancelCheck = Callable[[], bool]
"""Returns True when the person asked to stop."""

_DRAIN_CHUNK = 1024 * 1024


class HashingReader(io.RawIOBase):
    """A read-only stream over ``raw`` that hashes and counts every byte handed out.

    Works with consumers calling ``read(n)`` (pyrage) or ``readinto(buffer)``. ``cancel`` is checked
    before each chunk; when it returns True, `Cancelled` is raised (and ``cancelled`` is set, because
    a consumer written in Rust or C may replace the exception with its own). With ``limit``, no more
    than that many bytes are handed out (a file appended to while read must not be read forever).
    """

    def __init__(
        self,
        raw: io.RawIOBase | io.BufferedIOBase,
        *,
        algorithms: Sequence[str] = ("sha256",),
        progress: ProgressCallback | None = None,
        cancel: CancelCheck | None = None,
        limit: int | None = None,
    ) -> None:
        super().__init__()
        self._limit = limit
        names = list(dict.fromkeys(["sha256", *algorithms]))
        self._raw = raw
        self._hashes = {name: hashlib.new(name) for name in names}
        self._progress = progress
        self._cancel = cancel
        self.bytes_read = 0
        self.at_eof = False
        self.cancelled = False
        self.read_error: OSError | None = None

    # io protocol -------------------------------------------------------------------------------
    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        if len(buffer) == 0:
            return 0
        self._before_chunk()
        room = self._room(len(buffer))
        if room == 0:
            self.at_eof = True
            return 0
        try:
            n = self._raw.readinto(memoryview(buffer)[:room])
        except OSError as exc:
            self.read_error = exc
            raise
        if n is None:  # pragma: no cover - only for non-blocking streams, which we never open
            return 0
        self._after_chunk(memoryview(buffer)[:n])
        return n

    def read(self, size: int | None = -1) -> bytes:
        if size is None or size < 0:
            return self.readall()
        if size == 0:
            return b""
        self._before_chunk()
        size = self._room(size)
        if size == 0:
            self.at_eof = True
            return b""
        try:
            data = self._raw.read(size)
        except OSError as exc:
            self.read_error = exc
            raise
        if data is None:  # pragma: no cover - non-blocking only
            return b""
        self._after_chunk(data)
        return data

    def readall(self) -> bytes:
        """Whole remaining content. Memory grows with the file: consumers should read in chunks."""
        parts = []
        while chunk := self.read(_DRAIN_CHUNK):
            parts.append(chunk)
        return b"".join(parts)

    # results -----------------------------------------------------------------------------------
    @property
    def sha256(self) -> str:
        return self._hashes["sha256"].hexdigest()

    def digests(self) -> dict[str, str]:
        return {name: h.hexdigest() for name, h in self._hashes.items()}

    def drain(self) -> None:
        """Read (and hash) what is left, discarding it."""
        buf = bytearray(_DRAIN_CHUNK)
        while self.readinto(buf):
            pass

    # internals ---------------------------------------------------------------------------------
    def _room(self, wanted: int) -> int:
        if self._limit is None:
            return wanted
        return max(0, min(wanted, self._limit - self.bytes_read))

    def _before_chunk(self) -> None:
        if self._cancel is not None and self._cancel():
            self.cancelled = True
            raise Cancelled("Reading was cancelled.")

    def _after_chunk(self, data: bytes | memoryview) -> None:
        n = len(data)
        if n == 0:
            self.at_eof = True
            return
        for h in self._hashes.values():
            h.update(data)
        self.bytes_read += n
        if self._progress is not None:
            self._progress(self.bytes_read)


def _failed(path: str, before: FileIdentity | None, prob: Problem) -> StreamResult:
    return StreamResult(path=path, size=0, sha256="", digests={}, before=before, after=None, problems=(prob,))


def stream_file(
    path: str | os.PathLike[str],
    consume: Callable[[HashingReader], object] | None = None,
    *,
    expected: FileIdentity | None = None,
    algorithms: Sequence[str] = ("sha256",),
    progress: ProgressCallback | None = None,
    cancel: CancelCheck | None = None,
) -> StreamResult:
    """Open ``path`` safely, let ``consume(reader)`` read it to the end, and report what happened.

    ``consume`` must read until EOF (``pyrage.encrypt_io`` does); with ``None`` the file is only hashed.
    ``expected`` is the identity from the walk: a difference is reported (``changed_since_listed``).
    The identity is taken again (``fstat``) after the last byte: a different size or mtime, or a
    byte count different from the size, is ``changed_while_reading`` (result not ``complete``; the
    change time is not compared, since deleting or renaming the file, which leaves its bytes whole,
    changes it too); a path that no longer leads to the same file is ``vanished`` (the bytes read are
    still whole). ``StreamResult.after`` is the identity of the bytes hashed: give it to
    ``inspect_file(..., expected=)`` so that no derivative is made from another file.
    """
    spath = os.fspath(path)
    shown = escape_name(spath)
    try:
        raw, before = open_regular(spath)
    except OpenRefused as refused:
        return _failed(spath, None, refused.problem)
    problems: list[Problem] = []
    with raw:
        reader = HashingReader(raw, algorithms=algorithms, progress=progress, cancel=cancel, limit=before.size)
        try:
            if consume is None:
                reader.drain()
            else:
                consume(reader)
        except Cancelled:
            raise
        except BaseException as exc:
            if reader.cancelled:
                raise Cancelled("Reading was cancelled.") from exc
            if reader.read_error is not None:
                err = reader.read_error
                return _failed(
                    spath,
                    before,
                    problem(
                        spath,
                        ProblemCode.UNREADABLE,
                        Severity.SKIPPED,
                        f"'{shown}' could not be read to the end: {err.strerror or err}.",
                    ),
                )
            raise
        if not reader.at_eof:
            raise ValueError("the consumer stopped before the end of the file; the hash would not match its output")
        after = identity_of(os.fstat(raw.fileno()))
    if expected is not None and not before.same_content_signs(expected):
        problems.append(
            problem(
                spath,
                ProblemCode.CHANGED_SINCE_LISTED,
                Severity.WARNING,
                f"'{shown}' changed between listing and reading (size {expected.size} → {before.size}); "
                "the version read is the one kept.",
            )
        )
    if after.size != before.size or after.mtime_ns != before.mtime_ns or reader.bytes_read != before.size:
        problems = [
            problem(
                spath,
                ProblemCode.CHANGED_WHILE_READING,
                Severity.SKIPPED,
                f"'{shown}' changed while it was being read (size {before.size} → {after.size}, "
                f"{reader.bytes_read} bytes read); the copy is not faithful and must not be kept. Try again "
                "when nothing is writing to it.",
            )
        ]
    else:
        vanished = _vanished_message(spath, shown, before)
        if vanished:
            problems.append(problem(spath, ProblemCode.VANISHED, Severity.WARNING, vanished))
    return StreamResult(
        path=spath,
        size=reader.bytes_read,
        sha256=reader.sha256,
        digests=reader.digests(),
        before=before,
        after=after,
        problems=tuple(problems),
    )


def _vanished_message(path: str, shown: str, before: FileIdentity) -> str:
    try:
        now = os.lstat(path)
    except FileNotFoundError:
        return (
            f"'{shown}' was deleted while it was being read; all {before.size} bytes were read first, "
            "but the source can no longer be compared."
        )
    except OSError as exc:
        return f"'{shown}' can no longer be examined after reading: {exc.strerror}."
    if (now.st_dev, now.st_ino) != (before.device, before.inode):
        return f"'{shown}' was replaced by another file while it was being read; the version read is the one kept."
    return ""
