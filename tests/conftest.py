"""Shared fixtures: real SQLCipher case folders on disk, an in-process CLI, a test keyring.

Sockets are disabled for the whole suite by pytest-socket (``--disable-socket`` in pyproject):
any attempt to open a network connection fails the test that makes it.
"""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import keyring
import keyring.backends.fail
import pytest
from keyring.backend import KeyringBackend

from caseapp.app.case_folder import OpenCase, create_case
from caseapp.secrets.keyslots import Argon2Params

# Cheap key derivation for cases made directly through the service (the CLI always uses the
# strong defaults). Parameters are stored per slot, so such cases open like any other.
FAST_KDF = Argon2Params(memory_kib=8192, iterations=1, parallelism=1)
PASSPHRASE = "correct horse battery staple"


@pytest.fixture(autouse=True)
def _isolated_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for name in ("CASEAPP_PASSPHRASE", "CASEAPP_NEW_PASSPHRASE", "CASEAPP_RECOVERY_CODE", "PYTHON_KEYRING_BACKEND"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("CASEAPP_CASE", str(tmp_path / "default.caseapp"))
    monkeypatch.setenv("CASEAPP_ACTOR", "tester")
    keyring.set_keyring(keyring.backends.fail.Keyring())


class MemoryKeyring(KeyringBackend):
    """A secure-looking keyring held in memory, standing in for the OS Secret Service."""

    priority = 5  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.store.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.store[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.store.pop((service, username), None)


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(keyring.backends.fail.Keyring())


@pytest.fixture
def make_case(tmp_path: Path) -> Iterator[Callable[..., tuple[OpenCase, str]]]:
    """Create a real case folder (fast KDF); returns (open case, recovery code). Its time zone is
    UTC unless given, so times typed without a zone read the same on every machine."""
    opened: list[OpenCase] = []

    def factory(
        name: str = "Aleppo-2016.caseapp", passphrase: str = PASSPHRASE, time_zone: str = "UTC"
    ) -> tuple[OpenCase, str]:
        case, code = create_case(tmp_path / name, passphrase, kdf=FAST_KDF, actor="tester", time_zone=time_zone)
        opened.append(case)
        return case, code

    yield factory
    for case in opened:
        case.close()


@dataclass
class CliResult:
    code: int
    out: str
    err: str


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch) -> Callable[..., CliResult]:
    """Run `caseapp ARGS` in this process; ``passphrase=`` sets $CASEAPP_PASSPHRASE for the call."""
    from caseapp.cli.main import main

    def run(*args: str, passphrase: str | None = None, env: dict[str, str] | None = None) -> CliResult:
        out, err = io.StringIO(), io.StringIO()
        with monkeypatch.context() as patch:
            patch.setattr(sys, "stdout", out)
            patch.setattr(sys, "stderr", err)
            patch.setattr(sys, "stdin", io.StringIO())  # no terminal: never prompt
            if passphrase is not None:
                patch.setenv("CASEAPP_PASSPHRASE", passphrase)
            for key, value in (env or {}).items():
                patch.setenv(key, value)
            try:
                code = main(list(args))
            except SystemExit as exit_:
                code = int(exit_.code or 0)
        return CliResult(code, out.getvalue(), err.getvalue())

    return run


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` with its bytes, to prove nothing changed."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def raw_connection(folder: Path, passphrase: str = PASSPHRASE):  # type: ignore[no-untyped-def]
    """A plain sqlcipher3 connection to a case database, keyed, as a tamperer with the key would use."""
    import sqlcipher3

    from caseapp.secrets.keyslots import Keyslots

    key = Keyslots.load(folder / "keyslots.json").unlock_with_passphrase(passphrase)
    connection = sqlcipher3.connect(str(folder / "case.db"), isolation_level=None)
    connection.execute("PRAGMA cipher_log_level = NONE")
    connection.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    return connection


os.umask(0o077)
