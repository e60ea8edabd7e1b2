"""The optional OS keyring slot, over the `keyring` package (architecture §2, anchors §3.2 #9).

Only a secure backend is used: keyring's ``fail`` backend, anything with priority below 1, and
the ``keyrings.alt`` file backends (plaintext or weakly protected files) are refused. There is
never a plaintext fallback; without a secure backend the user types the passphrase.

Backend discovery is our own, not keyring's: keyring 25.7 loads every backend named in its entry
points, and importing the macOS one on Linux runs ``ctypes.util.find_library``, which starts
``/sbin/ldconfig``, ``gcc``, ``collect2`` and ``ld`` with the caller's environment (issue 13.8).
Here only the backend of this platform is imported: macOS Keychain, Windows Credential Locker, or
the Secret Service over ``secretstorage``/``jeepney`` elsewhere (pure Python: no D-Bus autolaunch,
no program started; KWallet 5.97+ and KeePassXC answer it too). A backend the user configured for
``keyring`` ($PYTHON_KEYRING_BACKEND or keyringrc.cfg) is still honoured, and still judged below.
"""

from __future__ import annotations

import base64
import sys
from dataclasses import dataclass

import keyring
import keyring.backends.fail
import keyring.core
import keyring.errors
from keyring.backend import KeyringBackend

from caseapp.core.errors import KeyringUnavailableError

SERVICE = "caseapp"


@dataclass(frozen=True, slots=True)
class KeyringStatus:
    usable: bool
    backend: str
    reason: str


def platform_backends(platform: str = sys.platform) -> tuple[str, ...]:
    """The only keyring backends caseapp considers on ``platform`` (a ``sys.platform`` value)."""
    if platform == "darwin":
        return ("keyring.backends.macOS.Keyring",)
    if platform == "win32":
        return ("keyring.backends.Windows.WinVaultKeyring",)
    return ("keyring.backends.SecretService.Keyring",)


def _discover() -> KeyringBackend:
    configured = keyring.core.load_env() or keyring.core.load_config()
    if configured is not None:
        return configured
    found: list[KeyringBackend] = []
    for name in platform_backends():
        try:
            found.append(keyring.core.load_keyring(name))  # raises when the backend is not viable here
        except Exception:  # noqa: S112 - an unusable backend is simply not a candidate
            continue
    if not found:
        return keyring.backends.fail.Keyring()  # type: ignore[no-untyped-call]
    return max(found, key=lambda backend: float(backend.priority))


def _backend() -> KeyringBackend:
    """The keyring in use: one set with ``keyring.set_keyring`` (tests, an embedding program), else ours."""
    if getattr(keyring.core, "_keyring_backend", None) is None:
        keyring.set_keyring(_discover())
    return keyring.get_keyring()


def status() -> KeyringStatus:
    """Say whether a secure keyring backend exists, which one, and why not if not."""
    try:
        backend: KeyringBackend = _backend()
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
