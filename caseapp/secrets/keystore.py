"""The optional OS keyring slot, over the `keyring` package (architecture §2, anchors §3.2 #9).

Only a secure backend is used: keyring's ``fail`` backend, anything with priority below 1, and
the ``keyrings.alt`` file backends (plaintext or weakly protected files) are refused. There is
never a plaintext fallback; without a secure backend the user types the passphrase.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass

import keyring
import keyring.errors
from keyring.backend import KeyringBackend

from caseapp.core.errors import KeyringUnavailableError

SERVICE = "caseapp"


@dataclass(frozen=True, slots=True)
class KeyringStatus:
    usable: bool
    backend: str
    reason: str


def status() -> KeyringStatus:
    """Say whether a secure keyring backend exists, which one, and why not if not."""
    try:
        backend: KeyringBackend = keyring.get_keyring()
    except Exception as error:  # a broken keyring install must not stop caseapp
        return KeyringStatus(False, "none", f"the keyring could not be loaded ({error.__class__.__name__})")
    chained = getattr(backend, "backends", None)
    if isinstance(chained, list | tuple):
        # A chain writes to its first member and reads from any: every member must be secure.
        if not chained:
            return KeyringStatus(False, "none", "no system keyring is available on this computer")
        for member in chained:
            verdict = _judge(member)
            if not verdict.usable:
                return verdict
        return _judge(chained[0])
    return _judge(backend)


def _judge(backend: KeyringBackend) -> KeyringStatus:
    name = f"{type(backend).__module__}.{type(backend).__qualname__}"
    try:
        priority = float(backend.priority)
    except Exception:
        priority = 0.0
    if name.startswith("keyring.backends.fail"):
        return KeyringStatus(False, name, "no system keyring is available on this computer")
    if name.startswith("keyrings.alt") or priority < 1:
        return KeyringStatus(False, name, f"the available keyring ({name}) does not store secrets securely")
    return KeyringStatus(True, name, "")


def require_usable() -> None:
    """Raise KeyringUnavailableError with the reason when no secure keyring exists."""
    current = status()
    if not current.usable:
        raise KeyringUnavailableError(
            f"cannot use the keyring: {current.reason}. caseapp never stores a secret in clear; "
            "keep unlocking with the passphrase."
        )


def _user(case_id: str, slot_id: str) -> str:
    return f"{case_id}/{slot_id}"


def save_secret(case_id: str, slot_id: str, secret: bytes) -> None:
    require_usable()
    try:
        keyring.set_password(SERVICE, _user(case_id, slot_id), base64.b64encode(secret).decode())
    except keyring.errors.KeyringError as error:
        raise KeyringUnavailableError(f"the keyring refused to store the secret ({error.__class__.__name__})") from None


def load_secret(case_id: str, slot_id: str) -> bytes | None:
    """The slot's secret, or None when there is no usable keyring or no entry (never raises)."""
    if not status().usable:
        return None
    try:
        value = keyring.get_password(SERVICE, _user(case_id, slot_id))
    except keyring.errors.KeyringError:
        return None
    if value is None:
        return None
    try:
        return base64.b64decode(value, validate=True)
    except ValueError:
        return None


def delete_secret(case_id: str, slot_id: str) -> None:
    if not status().usable:
        return
    try:
        keyring.delete_password(SERVICE, _user(case_id, slot_id))
    except keyring.errors.PasswordDeleteError:
        pass
    except keyring.errors.KeyringError as error:
        raise KeyringUnavailableError(
            f"the keyring refused to delete the secret ({error.__class__.__name__})"
        ) from None
