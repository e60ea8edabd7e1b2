"""Error hierarchy shared by every layer.

Each error carries the process exit code the command line uses for it (architecture §8):
0 ok, 1 user error, 2 wrong passphrase / locked, 3 integrity failure found by `verify`.
Messages are written for the person using the program: what went wrong and what to do.
They never contain a passphrase, a key or evidence text.
"""

from __future__ import annotations

from collections.abc import Mapping


class CaseAppError(Exception):
    """Base of every error caseapp raises on purpose.

    The message (``str(error)``) is English and is what the command line prints. A common error
    also carries a message ``key`` and its ``params`` (the values in the message, as text), so a
    front end can show the same message in the user's language (the GUI's table of templates is
    ``caseapp.gui.error_messages``); an error without a key is shown as its message."""

    exit_code = 1

    def __init__(self, *args: object, key: str | None = None, params: Mapping[str, object] | None = None) -> None:
        super().__init__(*args)
        self.key = key
        self.params = {name: str(value) for name, value in (params or {}).items()}


class UserError(CaseAppError):
    """The request cannot be carried out as given (bad value, missing thing, wrong place)."""


class ValidationError(UserError):
    """A value given by the user is not acceptable; the message names it."""


class NotFoundError(UserError):
    """A referenced record (person, exhibit, ...) does not exist in this case."""


class NotACaseError(UserError):
    """The path is not a caseapp case folder."""


class CaseDamagedError(UserError):
    """A file the case needs is missing or unreadable; nothing was changed."""


class SchemaTooNewError(UserError):
    """The case was written by a newer caseapp whose schema this version does not know."""


class StorageError(UserError):
    """The disk refused a write (full, read-only, permissions). Nothing half-written is kept."""


class KeyringUnavailableError(UserError):
    """No secure OS keyring exists; caseapp never falls back to storing a secret in clear."""


class Cancelled(CaseAppError):
    """The user cancelled a long task. Work already committed stays; nothing partial does."""


class UnlockError(CaseAppError):
    """Wrong passphrase or recovery code, or no way to get one (locked)."""

    exit_code = 2


class IntegrityError(CaseAppError):
    """Evidence of tampering or damage found by verification."""

    exit_code = 3


class CaseLockedError(UnlockError):
    """The case was locked (``OpenCase.lock()`` or ``close()``): nothing more can be read or written."""

    def __init__(self, message: str = "the case is locked; unlock it again to continue") -> None:
        super().__init__(message, key="case.locked")


class ReadOnlyCaseError(StorageError):
    """The case is on read-only media: it can be read, verified and exported from, not changed."""

    def __init__(
        self, message: str = "this case is on read-only media; copy it to a writable disk to change it"
    ) -> None:
        super().__init__(message, key="case.read_only")
