"""The custody head kept outside the database, so that deleting the newest entries shows.

``custody.head`` records the sequence number and hash of the newest entry, authenticated with
HMAC-SHA256 under a key derived from the case's data key. It is rewritten atomically after each
commit while the case's write lock is held, so it only moves forward. What this cannot detect
is written in the README (threat model): someone holding the data key can rewrite both the
database and this file, and a whole older copy of the case folder is consistent in itself.
"""

from __future__ import annotations

import hmac
import json
from hashlib import sha256
from pathlib import Path

from caseapp.atomicfile import atomic_write_bytes
from caseapp.core.custody import CustodyHead
from caseapp.core.errors import CaseLockedError, IntegrityError, StorageError

FORMAT = "caseapp-custody-head"


class CustodyAnchor:
    def __init__(self, path: Path, case_id: str, mac_key: bytes) -> None:
        self._path = path
        self._case_id = case_id
        self._mac_key: bytearray | None = bytearray(mac_key)

    def forget(self) -> None:
        """Overwrite and drop the MAC key (the case is being locked)."""
        if self._mac_key is not None:
            self._mac_key[:] = bytes(len(self._mac_key))
            self._mac_key = None

    def _mac(self, seq: int, head_hash: str) -> str:
        if self._mac_key is None:
            raise CaseLockedError()
        message = json.dumps({"case_id": self._case_id, "seq": seq, "hash": head_hash}, sort_keys=True).encode()
        return hmac.new(bytes(self._mac_key), message, sha256).hexdigest()

    def read(self) -> CustodyHead | None:
        """The recorded head, None if the file is missing; IntegrityError if it was altered."""
        if self._mac_key is None:
            raise CaseLockedError()
        try:
            data = json.loads(self._path.read_bytes())
        except FileNotFoundError:
            return None
        except PermissionError:
            raise StorageError(
                f"cannot read {self._path}: permission denied. Give your account read and write access to it "
                "(it belongs to the case folder); nothing was changed."
            ) from None
        except IsADirectoryError:
            raise IntegrityError(f"{self._path.name} is a folder, not the custody head file") from None
        except ValueError:
            raise IntegrityError(f"{self._path.name} is damaged") from None
        try:
            seq, head_hash, mac = int(data["seq"]), str(data["hash"]), str(data["mac"])
        except (KeyError, TypeError, ValueError):
            raise IntegrityError(f"{self._path.name} is damaged") from None
        if data.get("format") != FORMAT or not hmac.compare_digest(mac, self._mac(seq, head_hash)):
            raise IntegrityError(f"{self._path.name} was altered or belongs to another case")
        return CustodyHead(seq, head_hash)

    def write(self, head: CustodyHead) -> None:
        document = {"format": FORMAT, "seq": head.seq, "hash": head.hash, "mac": self._mac(head.seq, head.hash)}
        atomic_write_bytes(self._path, json.dumps(document, indent=2).encode() + b"\n")
