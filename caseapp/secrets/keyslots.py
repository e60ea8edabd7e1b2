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

GCM only shows damage to a slot when that slot's secret is at hand. So that a damaged recovery slot
is found by ``verify`` today and not on the day the passphrase is lost, every slot also carries an
HMAC-SHA256 (``mac``) under a key derived from the data key, and the file an HMAC over the set of
slot ids and types (``slots_mac``): anyone holding the data key can check every slot. MACs are
written whenever slots are written with the key at hand (every ``set_*``/``add_*`` method and
:meth:`Keyslots.seal`). The file is read through :mod:`caseapp.secrets.slotfile`, which bounds it.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import secrets as random
import unicodedata
import uuid
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from caseapp.atomicfile import atomic_write_bytes
from caseapp.core.errors import CaseDamagedError, UnlockError, ValidationError
from caseapp.secrets import slotfile

FILE_NAME = "keyslots.json"
MAC_PURPOSE = "keyslots-mac"
NOT_YET_PROTECTED = (
    "keyslots.json is not yet protected by MACs (it was written by an earlier caseapp): damage to a slot "
    "other than the one used to unlock cannot be seen until they are added, the next time the passphrase, "
    "the recovery code or the keyring slot is changed"
)
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


def _unb64(text: object, size: int | None = None) -> bytes:
    """Strict base64: canonical (so every changed character changes the bytes) and of the expected size."""
    if not isinstance(text, str):
        raise TypeError("base64 text expected")
    try:
        data = base64.b64decode(text, validate=True)
    except binascii.Error:
        raise ValueError("invalid base64") from None
    if _b64(data) != text or (size is not None and len(data) != size):
        raise ValueError("base64 value of the wrong form or size")
    return data


def _str(value: object, limit: int = 64) -> str:
    if not isinstance(value, str) or len(value) > limit:
        raise TypeError("a short text expected")
    return value


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


# argon2 and cryptography are imported where a key is derived or unwrapped, not with this module: the
# unlock window reads keyslots.json (and shows) before any of them is needed.
def _hkdf(secret: bytes, salt: bytes, info: bytes) -> bytes:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

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
    mac: bytes | None = None
    """HMAC-SHA256 of the slot under a key derived from the data key (None in files of earlier versions)."""

    def metadata(self) -> dict[str, Any]:
        return {"id": self.id, "type": self.type, "created_at": self.created_at, "kdf": self.kdf}

    def to_json(self, *, with_mac: bool = True) -> dict[str, Any]:
        body = {**self.metadata(), "nonce": _b64(self.nonce), "wrapped_key": _b64(self.wrapped_key)}
        if with_mac and self.mac is not None:
            body["mac"] = _b64(self.mac)
        return body

    @staticmethod
    def from_json(data: object) -> Slot:
        """A slot as written by caseapp, or ValueError/TypeError/KeyError; its KDF is checked against the bounds."""
        if not isinstance(data, dict):
            raise TypeError("a keyslot must be an object")
        kdf = data["kdf"]
        if not isinstance(kdf, dict):
            raise TypeError("a keyslot's kdf must be an object")
        slot_type = _str(data["type"])
        slotfile.check_kdf(slot_type, kdf)
        _unb64(kdf["salt"], 16)
        mac = data.get("mac")
        return Slot(
            id=_str(data["id"]),
            type=slot_type,
            created_at=_str(data["created_at"]),
            kdf=dict(kdf),
            nonce=_unb64(data["nonce"], 12),
            wrapped_key=_unb64(data["wrapped_key"], DATA_KEY_BYTES + 16),
            mac=None if mac is None else _unb64(mac, 32),
        )


def _kek(slot_type: str, kdf: dict[str, Any], secret: bytes) -> bytes:
    try:
        slotfile.check_kdf(slot_type, kdf)  # checked at load too; parameters are read before they are proven
        salt = _unb64(kdf["salt"], 16)
    except (ValueError, TypeError, KeyError) as error:
        raise CaseDamagedError(f"keyslots.json holds an unusable keyslot ({error})") from None
    if kdf["name"] == "argon2id":
        from argon2.exceptions import Argon2Error
        from argon2.low_level import Type, hash_secret_raw

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
    slots_mac: bytes | None = None
    """HMAC-SHA256 over the case id and the sorted (id, type) of every slot: shows a slot added or removed."""

    # -- file ------------------------------------------------------------------------------
    @staticmethod
    def load(path: Path) -> Keyslots:
        """Read and check ``keyslots.json``; every problem is a CaseDamagedError or StorageError naming it."""
        data = slotfile.parse(path, slotfile.read_bounded(path))
        try:
            if data.get("format") != FORMAT:
                raise ValueError("not a caseapp keyslots file")
            if data.get("version") != VERSION:
                raise ValueError(f"keyslots version {str(data.get('version'))[:20]!r} is not known to this caseapp")
            raw_slots = data["slots"]
            if not isinstance(raw_slots, list):
                raise TypeError("slots must be a list")
            slotfile.check_slot_count(len(raw_slots))
            slots = [Slot.from_json(s) for s in raw_slots]
            slotfile.check_total_work(sum(slotfile.check_kdf(s.type, s.kdf) for s in slots))
            mac = data.get("slots_mac")
            keyslots = Keyslots(
                case_id=str(uuid.UUID(_str(data["case_id"]))),
                slots=slots,
                slots_mac=None if mac is None else _unb64(mac, 32),
            )
        except slotfile.Refused as error:
            raise CaseDamagedError(
                f"{path} is damaged or hostile: {error}. Restore it from a backup; nothing was changed."
            ) from None
        except (ValueError, KeyError, TypeError, AttributeError) as error:
            raise CaseDamagedError(
                f"{path} is damaged ({error.__class__.__name__}); restore it from a backup. Nothing was changed."
            ) from None
        if not keyslots.slots:
            raise CaseDamagedError(f"{path} holds no keyslot; restore it from a backup")
        return keyslots

    def to_bytes(self) -> bytes:
        document: dict[str, Any] = {
            "format": FORMAT,
            "version": VERSION,
            "case_id": self.case_id,
            "slots": [s.to_json() for s in self.slots],
        }
        if self.slots_mac is not None:
            document["slots_mac"] = _b64(self.slots_mac)
        return json.dumps(document, indent=2).encode() + b"\n"

    def save(self, path: Path) -> None:
        atomic_write_bytes(path, self.to_bytes())

    # -- integrity -------------------------------------------------------------------------
    def _canonical(self, body: object) -> bytes:
        document = {"format": FORMAT, "version": VERSION, "case_id": self.case_id, "body": body}
        return json.dumps(document, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode()

    def _slot_mac(self, key: bytes, slot: Slot) -> bytes:
        return hmac.digest(key, self._canonical({"slot": slot.to_json(with_mac=False)}), hashlib.sha256)

    def _set_mac(self, key: bytes) -> bytes:
        members = sorted([s.id, s.type] for s in self.slots)
        return hmac.digest(key, self._canonical({"slot_set": members}), hashlib.sha256)

    def seal(self, data_key: bytes) -> None:
        """(Re)write the MAC of every slot and of the set of slots (the caller saves the file)."""
        key = derive_subkey(data_key, MAC_PURPOSE)
        self.slots = [replace(s, mac=self._slot_mac(key, s)) for s in self.slots]
        self.slots_mac = self._set_mac(key)

    def check_macs(self, data_key: bytes) -> tuple[list[str], list[str]]:
        """(problems, notes): every slot and the set of slots checked, without any slot's own secret."""
        if self.slots_mac is None and all(s.mac is None for s in self.slots):
            return [], [NOT_YET_PROTECTED]
        key = derive_subkey(data_key, MAC_PURPOSE)
        problems: list[str] = []
        for slot in self.slots:
            name = f"the {slot.type} keyslot {slot.id}"
            if slot.mac is None:
                problems.append(f"{name} in keyslots.json has lost its MAC: it was altered or damaged")
            elif not hmac.compare_digest(slot.mac, self._slot_mac(key, slot)):
                problems.append(f"{name} in keyslots.json was altered or damaged (its MAC does not match)")
        if self.slots_mac is None:
            problems.append("keyslots.json has lost the MAC over its set of slots: it was altered or damaged")
        elif not hmac.compare_digest(self.slots_mac, self._set_mac(key)):
            problems.append("a keyslot was added to or removed from keyslots.json without the case's key")
        return problems, []

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
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        wrapped = AESGCM(_kek(slot_type, kdf, secret)).encrypt(draft.nonce, data_key, self._aad(draft))
        return Slot(draft.id, draft.type, draft.created_at, draft.kdf, draft.nonce, wrapped)

    def _unwrap(self, slot: Slot, secret: bytes) -> bytes | None:
        from cryptography.exceptions import InvalidTag
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

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
    def set_passphrase(self, data_key: bytes, passphrase: str, params: Argon2Params = STRONG_ARGON2) -> str:
        """Add the passphrase slot, replacing any previous one, and return its id (the caller saves the file)."""
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
        self.seal(data_key)
        return slot.id

    def set_recovery_code(self, data_key: bytes) -> str:
        """Add a new recovery slot (replacing any previous one) and return the code, to show once."""
        code = new_recovery_code()
        kdf = {"name": "hkdf-sha256", "salt": _b64(random.token_bytes(16))}
        slot = self._make_slot("recovery", kdf, normalise_recovery_code(code), data_key)
        self.slots = [s for s in self.slots if s.type != "recovery"] + [slot]
        self.seal(data_key)
        return code

    def add_keyring_slot(self, data_key: bytes) -> tuple[str, bytes]:
        """Add a keyring slot; return (slot id, secret) for the caller to put in the OS keyring."""
        secret = random.token_bytes(32)
        kdf = {"name": "hkdf-sha256", "salt": _b64(random.token_bytes(16))}
        slot = self._make_slot("keyring", kdf, secret, data_key)
        self.slots = [s for s in self.slots if s.type != "keyring"] + [slot]
        self.seal(data_key)
        return slot.id, secret

    def remove_type(self, slot_type: str) -> bool:
        """Remove the slots of one type; call :meth:`seal` afterwards, or the set MAC will not match."""
        before = len(self.slots)
        self.slots = [s for s in self.slots if s.type != slot_type]
        return len(self.slots) != before

    # -- unlocking -------------------------------------------------------------------------
    def unlock_with_passphrase(self, passphrase: str) -> bytes:
        for slot in self.of_type("passphrase"):
            key = self._unwrap(slot, normalise_passphrase(passphrase))
            if key is not None:
                return key
        raise UnlockError("wrong passphrase (nothing was changed)", key="unlock.wrong_passphrase")

    def unlock_with_recovery_code(self, code: str) -> bytes:
        for slot in self.of_type("recovery"):
            key = self._unwrap(slot, normalise_recovery_code(code))
            if key is not None:
                return key
        raise UnlockError("wrong recovery code (nothing was changed)", key="unlock.wrong_recovery_code")

    def unlock_with_keyring_secret(self, slot_id: str, secret: bytes) -> bytes | None:
        for slot in self.of_type("keyring"):
            if slot.id == slot_id:
                return self._unwrap(slot, secret)
        return None


def new_data_key() -> bytes:
    return random.token_bytes(DATA_KEY_BYTES)


def keyslot_problems(folder: Path, data_key: bytes, *, require_macs: bool = False) -> tuple[list[str], list[str]]:
    """(problems, notes) about ``folder``'s keyslots.json, for ``verify``: a file that cannot be read or is
    refused, and any slot (passphrase, recovery, keyring) or set of slots whose MAC does not match.

    A file written before MACs existed gives a note, not a problem; pass ``require_macs=True`` when the
    case is known to have had them (e.g. it was created, or its keyslots rewritten, by this version),
    so that MACs stripped from a damaged file are a problem too."""
    try:
        keyslots = Keyslots.load(folder / FILE_NAME)
    except (CaseDamagedError, ValidationError) as error:
        return [str(error)], []
    except Exception as error:  # StorageError and the like: still a finding, never a crash of verify
        return [f"{folder / FILE_NAME} cannot be read: {error}"], []
    problems, notes = keyslots.check_macs(data_key)
    if require_macs and notes:
        return [f"{folder / FILE_NAME} has lost all its MACs: it was altered or damaged"], []
    return problems, notes
