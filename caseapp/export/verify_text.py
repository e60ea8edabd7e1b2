"""VERIFY.txt: how a recipient checks a bundle with standard tools only, written into every part."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from caseapp.core.dossier.bundle_layout import (
    CUSTODY_JSON,
    CUSTODY_TEXT,
    DOSSIER_DIR,
    EVIDENCE_DIR,
    PROOFS_DIR,
    RECEIPTS_DIR,
)

MANIFEST = "manifest-sha256.txt"
TAGMANIFEST = "tagmanifest-sha256.txt"
KEY_NAME = "org-key.asc"


def signature_name(signed: str) -> str:
    return f"{PROOFS_DIR}/{signed}.asc"


@dataclass(frozen=True, slots=True)
class VerifyFacts:
    """What VERIFY.txt says about one part."""

    bundle_id: str
    organisation: str
    fingerprint: str | None  # as printed (groups of four), None for an unsigned bundle
    public: bool
    part: int  # 1-based
    parts: int
    part_size: str | None  # "500.0 MB" when split
    oversize: bool  # this part holds one file larger than the part size
    notes: Sequence[str] = ()


def verify_text(facts: VerifyFacts) -> str:
    """The text of VERIFY.txt for one part (plain UTF-8, lines under 100 characters)."""
    version = "PUBLIC version (protected identities replaced by pseudonyms)" if facts.public else "FULL version"
    lines = [
        "HOW TO VERIFY THIS EVIDENCE BUNDLE",
        "==================================",
        "",
        f"Bundle {facts.bundle_id}, {version}, sent by {facts.organisation}.",
        f"This folder is part {facts.part} of {facts.parts}."
        if facts.parts > 1
        else "This folder is the whole bundle.",
        "",
        "It is a BagIt bag (RFC 8493). Everything below uses standard, offline tools; run each command in",
        "this folder (the one holding this file). No network connection is needed.",
        "",
        "What is in it",
        "-------------",
        f"  {EVIDENCE_DIR}/   each exhibit's file, named by the SHA-256 of its content, and beside it",
        "                   <sha256>.metadata.json with the exhibit's description",
        f"  {RECEIPTS_DIR}/   one receipt per exhibit: SHA-256 of the original kept in the case and of",
        "                   what was sent (the original itself, or a redacted copy), or why it was withheld",
        f"  {CUSTODY_JSON}   the chain-of-custody log (hash-chained entries, JSON)",
        f"  {CUSTODY_TEXT}   the same log as readable text",
        f"  {DOSSIER_DIR}/    the communication itself, when it was included",
        f"  {MANIFEST}   SHA-256 of every file under data/",
        f"  {TAGMANIFEST}   SHA-256 of the other files (this one, bag-info.txt, the manifest, proofs)",
        "",
        "1. Check every file against the manifests",
        "------------------------------------------",
        f"    sha256sum -c {MANIFEST}",
        f"    sha256sum -c {TAGMANIFEST}",
        "  Every line must end in OK. (On macOS: shasum -a 256 -c ...)",
        "  With the BagIt tool (pip install bagit), which also checks that no file was added or removed:",
        "    bagit.py --validate .",
        "  An exhibit's name is its SHA-256, so `sha256sum data/evidence/<name>` shows the name again.",
        "",
    ]
    if facts.fingerprint:
        key = f"{PROOFS_DIR}/{KEY_NAME}"
        lines += [
            "2. Check the signatures",
            "-----------------------",
            f"  {PROOFS_DIR}/ holds detached OpenPGP signatures made with the key of {facts.organisation},",
            f"  whose public key is {key}. Its fingerprint is",
            f"      {facts.fingerprint}",
            "  Compare it with the fingerprint printed on the cover sheet of the communication, or given to you",
            "  by the sender through another channel: the key in this folder alone proves nothing.",
            "",
            "  With sqv (Sequoia; Debian package sqv):",
            f"    sqv --keyring {key} {signature_name(TAGMANIFEST)} {TAGMANIFEST}",
            f"    sqv --keyring {key} {signature_name(MANIFEST)} {MANIFEST}",
            "  sqv prints the signing key's fingerprint and exits 0 when the signature is good.",
            "  With GnuPG:",
            f"    gpg --import {key}",
            f"    gpg --verify {signature_name(TAGMANIFEST)} {TAGMANIFEST}",
            f"    gpg --verify {signature_name(MANIFEST)} {MANIFEST}",
            "  ('Good signature' is what matters; gpg's warning that the key is not certified only means you",
            "  have not certified it yourself.)",
            "",
            f"  The signature of {TAGMANIFEST} covers everything: that file holds the SHA-256 of the",
            "  manifest, which holds the SHA-256 of every file under data/. A good signature plus step 1",
            "  passing means no byte of this folder changed since it was signed.",
            "",
        ]
    else:
        lines += [
            "2. Signatures",
            "-------------",
            "  This bundle was not signed. The manifests prove that nothing changed since they were written,",
            "  not who wrote them; ask the sender for a signed bundle if that matters.",
            "",
        ]
    lines += [
        "3. Check the custody log",
        "------------------------",
        f"  Each entry of {CUSTODY_JSON} has a hash over its other fields; each names the hash",
        "  of the entry before it (prev_hash). To recompute an entry's hash (jq and sha256sum):",
        f"    jq -cjS '.[0] | del(.hash, .redacted)' {CUSTODY_JSON} | sha256sum",
        "  and compare with its 'hash'. Entries marked \"redacted\": true had a protected name replaced by",
        "  a pseudonym in this copy: their hash no longer matches their text here (it matches the entry",
        "  kept in the case), but they still link the chain through prev_hash.",
        "  The export of this bundle is itself recorded in the case's custody log, after the last entry",
        "  shown here, with the SHA-256 of each part's tagmanifest.",
        "",
    ]
    if facts.parts > 1:
        lines += [
            "Parts",
            "-----",
            f"  The bundle was split into {facts.parts} parts of at most {facts.part_size} of files each (plus",
            "  their manifests). Each part is a complete bag: check each one on its own as above. bag-info.txt",
            "  names the bundle (Bag-Group-Identifier) and this part's place (Bag-Count).",
        ]
        if facts.oversize:
            lines.append(f"  This part holds one exhibit larger than {facts.part_size}: it was not split.")
        lines.append("")
    if facts.notes:
        lines += ["Notes", "-----"]
        lines += [f"  {note}" for note in facts.notes]
        lines.append("")
    return "\n".join(lines)
