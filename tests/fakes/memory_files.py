"""In-memory stand-ins for the file ports: a blob store (names -> bytes, no encryption) and a
plaintext destination for exported originals (implement ``caseapp.core.ports.BlobStore`` and
``caseapp.core.services.exporting.PlaintextDestination``)."""

from __future__ import annotations

import hashlib
import io
import secrets
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from caseapp.core.errors import CaseDamagedError, UserError
from caseapp.core.ports import Readable

CHUNK = 64 * 1024


class MemoryBlobStore:
    """Blobs held as bytes under random names. What ``put`` stores is durable at once (``sync``
    has nothing to do); a content check recomputes the SHA-256 as the real store does after
    decrypting."""

    def __init__(self) -> None:
        self.files: dict[str, bytes] = {}
        self._guard = threading.Lock()

    def put(self, reader: Readable) -> str:
        parts = []
        while True:
            chunk = reader.read(CHUNK)
            if not chunk:
                break
            parts.append(bytes(chunk))
        name = secrets.token_hex(16)
        with self._guard:
            self.files[name] = b"".join(parts)
        return name

    def put_bytes(self, data: bytes) -> str:
        return self.put(io.BytesIO(data))

    def free_bytes(self) -> int:
        return 2**40  # memory: never short

    def discard(self, name: str) -> None:
        with self._guard:
            self.files.pop(name, None)

    def sync(self) -> None:
        return None

    def exists(self, name: str) -> bool:
        return name in self.files

    def names(self) -> set[str]:
        """Every stored blob (as the real store lists ``blobs/``)."""
        return set(self.files)

    def decrypt_to(self, name: str, size: int, writer: Any) -> str:
        """Write the ``size`` bytes of a blob to ``writer`` (in chunks); return their SHA-256."""
        if name not in self.files:
            raise FileNotFoundError(name)
        data = self.files[name]
        if len(data) != size:
            raise CaseDamagedError(f"blob {name} does not have the recorded size")
        for start in range(0, size, CHUNK):
            writer.write(data[start : start + CHUNK])
        return hashlib.sha256(data).hexdigest()

    def read_bytes(self, name: str, size: int) -> bytes:
        out = io.BytesIO()
        self.decrypt_to(name, size, out)
        return out.getvalue()

    def check(self, name: str, sha256: str, size: int) -> str | None:
        data = self.files.get(name)
        if data is None:
            return "its encrypted file is missing"
        if len(data) != size or hashlib.sha256(data).hexdigest() != sha256:
            return "it decrypts to different content than recorded (SHA-256 mismatch)"
        return None

    @contextmanager
    def intake_lock(self, *, exclusive: bool, wait: bool = True) -> Iterator[bool]:
        yield True


class MemoryDestination:
    """Exported originals kept as bytes by name; never replaces one, keeps nothing unpublished."""

    def __init__(self) -> None:
        self.files: dict[str, bytes] = {}
        self.target: str | None = None
        self._buffer: io.BytesIO | None = None

    def prepare(self, stored_name: str, ref: str) -> str:
        name = stored_name.rsplit("/", 1)[-1].strip() or f"{ref}.bin"
        if name in self.files:
            name = f"{ref} {name}"
        if name in self.files:
            raise UserError(f"{name} already exists; choose another folder")
        self.target = name
        return name

    def open(self) -> io.BytesIO:
        self._buffer = io.BytesIO()
        return self._buffer

    def publish(self) -> None:
        assert self.target is not None and self._buffer is not None
        if self.target in self.files:
            raise UserError(f"{self.target} already exists; choose another folder")
        self.files[self.target] = self._buffer.getvalue()

    def unpublish(self) -> None:
        if self.target is not None:
            self.files.pop(self.target, None)

    def discard(self) -> None:
        self._buffer = None
