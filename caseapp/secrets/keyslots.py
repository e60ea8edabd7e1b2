"""Keyslots: several ways to unlock one random data key (architecture §2).

``keyslots.json`` holds no secret in clear. Each slot wraps the same 256-bit data key with
AES-256-GCM under a key-encryption key (KEK):

* ``passphrase``: KEK = Argon2id(passphrase NFC-normalised, random 16-byte salt), RFC 9106
  "second recommended" parameters by default (64 MiB, 3 passes, 4 lanes), stored per slot;
* ``recovery``: KEK = HKDF-SHA256(recovery code, salt). The code carries 160 random bits, so
  stretching it would add nothing;
* ``keyring``: KEK = HKDF-SHA256(random 256-bit secret kept in the OS keyring, salt).

The slot's metadata (case id, slot id, type, KDF parameters) is the GCM associated data, so a
slot that is edited, swapped between cases or given other parameters fails to unwrap.
"""

from __future__ import annotations

import base64
import json
import secrets as random
import unicodedata
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from argon2.exceptions import Argon2Error
from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from caseapp.atomicfile import atomic_write_bytes
from caseapp.core.errors import CaseDamagedError, UnlockError, ValidationError

FORMAT = "caseapp-keyslots"
VERSION = 1
DATA_KEY_BYTES = 32
MIN_PASSPHRASE_CHARS = 12
STRENGTH_ADVICE = (
    "Use at least 12 characters, e.g. four or five unrelated words. A seized laptop can be "
    "attacked offline; each extra word multiplies the attacker's work."
)


@dataclass(frozen=True, slots=True)
class Argon2Params:
    memory_kib: int = 65536
    iterations: int = 3
    parallelism: int = 4


STRONG_ARGON2 = Argon2Params()


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


def _unb64(text: str) -> bytes:
    return base64.b64decode(text, validate=True)


def normalise_passphrase(passphrase: str) -> bytes:
    """NFC form: the same Arabic or accented passphrase typed on two systems gives one key."""
    return unicodedata.normalize("NFC", passphrase).encode()


def check_passphrase_strength(passphrase: str) -> None:
    length = len(unicodedata.normalize("NFC", passphrase))
    if length < MIN_PASSPHRASE_CHARS:
        raise ValidationError(f"the passphrase has {length} characters; {STRENGTH_ADVICE}")


def new_recovery_code() -> str:
    """160 random bits in base32, grouped for writing down: ``ABCD-EFGH-...`` (8 groups of 4)."""
    text = base64.b32encode(random.token_bytes(20)).decode()
    return "-".join(text[i : i + 4] for i in range(0, len(text), 4))


def normalise_recovery_code(code: str) -> bytes:
    """Forgive case, spaces, dashes and digits read for the letters they resemble."""
    text = "".join(ch for ch in code.upper() if ch.isalnum())
    text = text.translate(str.maketrans("018", "OIB"))
    return text.encode()


def _hkdf(secret: bytes, salt: bytes, info: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=info).derive(secret)


def derive_subkey(data_key: bytes, purpose: str) -> bytes:
    """A key for one purpose (e.g. authenticating the custody head), derived from the data key."""
    return _hkdf(data_key, b"caseapp-subkey-v1", purpose.encode())


@dataclass(frozen=True, slots=True)
class Slot:
    id: str
    type: str  # passphrase | recovery | keyring
    created_at: str
    kdf: dict[str, Any]
    nonce: bytes
    wrapped_key: bytes

    def metadata(self) -> dict[str, Any]:
        return {"id": self.id, "type": self.type, "created_at": self.created_at, "kdf": self.kdf}

    def to_json(self) -> dict[str, Any]:
        return {**self.metadata(), "nonce": _b64(self.nonce), "wrapped_key": _b64(self.wrapped_key)}

    @staticmethod
    def from_json(data: dict[str, Any]) -> Slot:
        return Slot(
            id=str(data["id"]),
            type=str(data["type"]),
            created_at=str(data["created_at"]),
            kdf=dict(data["kdf"]),
            nonce=_unb64(data["nonce"]),
            wrapped_key=_unb64(data["wrapped_key"]),
        )


# Parameters are read before the slot can be authenticated: bound them, so a damaged or hostile
# keyslots.json cannot make an unlock allocate gigabytes or run for hours.
_ARGON2_BOUNDS = {"memory_kib": (8, 4 * 1024 * 1024), "iterations": (1, 64), "parallelism": (1, 64)}


def _kek(slot_type: str, kdf: dict[str, Any], secret: bytes) -> bytes:
    salt = _unb64(kdf["salt"])
    if len(salt) < 16:
        raise CaseDamagedError("keyslots.json holds a slot with a salt shorter than 16 bytes")
    if kdf["name"] == "argon2id":
        for name, (low, high) in _ARGON2_BOUNDS.items():
            if not low <= int(kdf[name]) <= high:
                raise CaseDamagedError(f"keyslots.json holds a slot with {name} {kdf[name]!r} out of bounds")
        try:
            return hash_secret_raw(
                secret,
                salt,
                time_cost=int(kdf["iterations"]),
                memory_cost=int(kdf["memory_kib"]),
                parallelism=int(kdf["parallelism"]),
                hash_len=32,
                type=Type.ID,
                version=int(kdf["version"]),
            )
        except Argon2Error as error:
            raise CaseDamagedError(f"keyslots.json holds unusable Argon2id parameters ({error})") from None
    if kdf["name"] == "hkdf-sha256":
        return _hkdf(secret, salt, f"caseapp-{slot_type}-slot".encode())
    raise CaseDamagedError(f"keyslots.json names an unknown key derivation {kdf['name']!r}")


@dataclass(slots=True)
class Keyslots:
    """The contents of ``keyslots.json`` for one case."""

    case_id: str
    slots: list[Slot] = field(default_factory=list)

    # -- file ------------------------------------------------------------------------------
    @staticmethod
    def load(path: Path) -> Keyslots:
        try:
            data = json.loads(path.read_bytes())
            if data.get("format") != FORMAT:
                raise ValueError("not a caseapp keyslots file")
            if data.get("version") != VERSION:
                raise ValueError(f"keyslots version {data.get('version')!r} is not known to this caseapp")
            slots = Keyslots(case_id=str(uuid.UUID(data["case_id"])), slots=[Slot.from_json(s) for s in data["slots"]])
        except FileNotFoundError:
            raise CaseDamagedError(
                f"{path} is missing: without it the case cannot be unlocked. Restore it from a backup."
            ) from None
        except (ValueError, KeyError, TypeError, AttributeError) as error:
            raise CaseDamagedError(
                f"{path} is damaged ({error.__class__.__name__}); restore it from a backup. Nothing was changed."
            ) from None
        if not slots.slots:
            raise CaseDamagedError(f"{path} holds no keyslot; restore it from a backup")
        return slots

    def save(self, path: Path) -> None:
        document = {
            "format": FORMAT,
            "version": VERSION,
            "case_id": self.case_id,
            "slots": [s.to_json() for s in self.slots],
        }
        atomic_write_bytes(path, json.dumps(document, indent=2).encode() + b"\n")

    # -- wrapping --------------------------------------------------------------------------
    def _aad(self, slot: Slot) -> bytes:
        body = {"format": FORMAT, "version": VERSION, "case_id": self.case_id, "slot": slot.metadata()}
        return json.dumps(body, sort_keys=True, separators=(",", ":")).encode()

    def _make_slot(self, slot_type: str, kdf: dict[str, Any], secret: bytes, data_key: bytes) -> Slot:
        draft = Slot(
            id=uuid.uuid4().hex,
            type=slot_type,
            created_at=datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
            kdf=kdf,
            nonce=random.token_bytes(12),
            wrapped_key=b"",
        )
        wrapped = AESGCM(_kek(slot_type, kdf, secret)).encrypt(draft.nonce, data_key, self._aad(draft))
        return Slot(draft.id, draft.type, draft.created_at, draft.kdf, draft.nonce, wrapped)

    def _unwrap(self, slot: Slot, secret: bytes) -> bytes | None:
        try:
            key = AESGCM(_kek(slot.type, slot.kdf, secret)).decrypt(slot.nonce, slot.wrapped_key, self._aad(slot))
        except InvalidTag:
            return None
        except (KeyError, ValueError, TypeError) as error:
            raise CaseDamagedError(f"keyslot {slot.id} is damaged ({error.__class__.__name__})") from None
        return key if len(key) == DATA_KEY_BYTES else None

    def of_type(self, slot_type: str) -> list[Slot]:
        return [s for s in self.slots if s.type == slot_type]

    # -- slots -----------------------------------------------------------------------------
    def set_passphrase(self, data_key: bytes, passphrase: str, params: Argon2Params = STRONG_ARGON2) -> None:
        """Add the passphrase slot, replacing any previous one (the caller saves the file)."""
        check_passphrase_strength(passphrase)
        kdf = {
            "name": "argon2id",
            "version": 19,
            "memory_kib": params.memory_kib,
            "iterations": params.iterations,
            "parallelism": params.parallelism,
            "salt": _b64(random.token_bytes(16)),
        }
        slot = self._make_slot("passphrase", kdf, normalise_passphrase(passphrase), data_key)
        self.slots = [s for s in self.slots if s.type != "passphrase"] + [slot]

    def set_recovery_code(self, data_key: bytes) -> str:
        """Add a new recovery slot (replacing any previous one) and return the code, to show once."""
        code = new_recovery_code()
        kdf = {"name": "hkdf-sha256", "salt": _b64(random.token_bytes(16))}
        slot = self._make_slot("recovery", kdf, normalise_recovery_code(code), data_key)
        self.slots = [s for s in self.slots if s.type != "recovery"] + [slot]
        return code

    def add_keyring_slot(self, data_key: bytes) -> tuple[str, bytes]:
        """Add a keyring slot; return (slot id, secret) for the caller to put in the OS keyring."""
        secret = random.token_bytes(32)
        kdf = {"name": "hkdf-sha256", "salt": _b64(random.token_bytes(16))}
        slot = self._make_slot("keyring", kdf, secret, data_key)
        self.slots = [s for s in self.slots if s.type != "keyring"] + [slot]
        return slot.id, secret

    def remove_type(self, slot_type: str) -> bool:
        before = len(self.slots)
        self.slots = [s for s in self.slots if s.type != slot_type]
        return len(self.slots) != before

    # -- unlocking -------------------------------------------------------------------------
    def unlock_with_passphrase(self, passphrase: str) -> bytes:
        for slot in self.of_type("passphrase"):
            key = self._unwrap(slot, normalise_passphrase(passphrase))
            if key is not None:
                return key
        raise UnlockError("wrong passphrase (nothing was changed)")

    def unlock_with_recovery_code(self, code: str) -> bytes:
        for slot in self.of_type("recovery"):
            key = self._unwrap(slot, normalise_recovery_code(code))
            if key is not None:
                return key
        raise UnlockError("wrong recovery code (nothing was changed)")

    def unlock_with_keyring_secret(self, slot_id: str, secret: bytes) -> bytes | None:
        for slot in self.of_type("keyring"):
            if slot.id == slot_id:
                return self._unwrap(slot, secret)
        return None


def new_data_key() -> bytes:
    return random.token_bytes(DATA_KEY_BYTES)
