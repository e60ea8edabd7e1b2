"""Where things go inside an evidence bundle (a BagIt bag, RFC 8493), shared by the bundle writer
and the dossier's evidence index (which prints each exhibit's path in the bundle).

Paths are relative to the bag's root. Exhibits are named by the SHA-256 of what is sent
(article15-practice.md F1.3, requirement 15), so a recipient can check a name against its content
with ``sha256sum`` alone; the original's extension is kept when it is a plain one, so the file opens.
"""

from __future__ import annotations

import re

PAYLOAD = "data"
EVIDENCE_DIR = f"{PAYLOAD}/evidence"
RECEIPTS_DIR = f"{PAYLOAD}/receipts"
DOSSIER_DIR = f"{PAYLOAD}/dossier"
CUSTODY_DIR = f"{PAYLOAD}/custody"
CUSTODY_JSON = f"{CUSTODY_DIR}/custody-log.json"
CUSTODY_TEXT = f"{CUSTODY_DIR}/custody-log.txt"
PROOFS_DIR = "proofs"  # detached signatures: outside the payload, listed in the tag manifest
VERIFY_TEXT = "VERIFY.txt"

REDACTED_KIND = "redacted"
"""The derivative kind of a redacted copy of an exhibit (regions blacked out, metadata stripped):
a public bundle sends it in place of the original."""

_PLAIN_SUFFIX = re.compile(r"\.([a-z0-9]{1,8})$")


def extension(original_name: str | None) -> str:
    """``".jpg"`` for ``"IMG_0001.JPG"``; ``""`` when the name has no plain extension."""
    match = _PLAIN_SUFFIX.search((original_name or "").lower())
    return f".{match.group(1)}" if match else ""


def evidence_path(sha256: str, original_name: str | None) -> str:
    """The bag path of a file sent as evidence: ``data/evidence/<sha256>.<ext>``."""
    return f"{EVIDENCE_DIR}/{sha256}{extension(original_name)}"


def sidecar_path(sha256: str) -> str:
    """The bag path of the metadata sidecar of the file with this SHA-256 (``<sha256>.metadata.json``:
    never the name of an evidence file, whose extension is one plain word, even a ``.json`` one)."""
    return f"{EVIDENCE_DIR}/{sha256}.metadata.json"


def receipt_path(sha256: str) -> str:
    """The bag path of the receipt of the exhibit whose original has this SHA-256."""
    return f"{RECEIPTS_DIR}/{sha256}.json"
