"""The sending organisation's OpenPGP key, through pysequoia (the Python bindings to Sequoia-PGP).

The key is made on first use (an Ed25519 primary key with a signing subkey, RFC 4880 format so that
GnuPG 2.2 reads it as well as ``sqv``), kept as an armored Transferable Secret Key *inside* the
encrypted case (its ``case_secrets``), and used to make detached, armored signatures of files that
anyone checks offline with ``sqv --keyring org-key.asc FILE.asc FILE`` or ``gpg --verify``.

Nothing here is our own cryptography: key generation, signing and armoring are Sequoia's. The key
has no passphrase of its own: it is as safe as the case that holds it (SQLCipher under the case's
data key), and it never leaves the case except as its public certificate.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pysequoia

from caseapp.core.errors import CaseDamagedError, ValidationError

SECRET_NAME = "signing_key"
"""The name of the armored secret key among the case's secrets."""


def format_fingerprint(fingerprint: str) -> str:
    """``6A83 DB66 1E91 12B3 F8C9  B512 40CB 1402 02B1 034E``: groups of four, as GnuPG prints it,
    so a person can compare it with the one printed on the dossier's cover sheet."""
    hexa = fingerprint.replace(" ", "").upper()
    groups = [hexa[i : i + 4] for i in range(0, len(hexa), 4)]
    half = len(groups) // 2
    return " ".join(groups[:half]) + "  " + " ".join(groups[half:])


@dataclass(frozen=True, slots=True)
class SigningKey:
    """An organisation's signing key, read from (or made for) the case."""

    _tsk: pysequoia.Tsk

    @classmethod
    def generate(cls, organisation: str) -> SigningKey:
        """A new Ed25519 key whose user id is the organisation's name."""
        name = " ".join(organisation.split())
        if not name:
            raise ValidationError("the organisation's name is empty; give the name the signing key should carry")
        tsk = pysequoia.Tsk.generate(
            name, profile=pysequoia.Profile.RFC4880, cipher_suite=pysequoia.CipherSuite.Cv25519
        )
        return cls(tsk)

    @classmethod
    def from_secret(cls, armored: str) -> SigningKey:
        """The key stored by :meth:`secret` (raises CaseDamagedError if it is not a usable key)."""
        try:
            tsk = pysequoia.Tsk.from_bytes(armored.encode("ascii"))
        except (RuntimeError, ValueError, UnicodeEncodeError):  # Sequoia's message carries a backtrace
            raise CaseDamagedError(
                "the organisation's signing key stored in the case cannot be read; the case database may be "
                "damaged: run `caseapp verify --full`"
            ) from None
        return cls(tsk)

    def secret(self) -> str:
        """The armored secret key, for storage inside the encrypted case only."""
        return str(self._tsk)

    @property
    def organisation(self) -> str:
        ids = self._tsk.extract_certificate().user_ids
        return str(ids[0]) if ids else ""

    @property
    def fingerprint(self) -> str:
        """The primary key's fingerprint, upper-case hex without spaces."""
        return self._tsk.extract_certificate().fingerprint.upper()

    @property
    def printed_fingerprint(self) -> str:
        return format_fingerprint(self.fingerprint)

    def certificate(self) -> str:
        """The public key (armored ``PGP PUBLIC KEY BLOCK``), to send beside the signatures."""
        return str(self._tsk.extract_certificate())

    def sign_file(self, path: Path, signature: Path) -> None:
        """Write the detached, armored signature of the file ``path`` to ``signature`` (streamed by
        Sequoia; the file is not read into memory)."""
        pysequoia.sign_file(
            self._tsk.signer(), str(path), str(signature), mode=pysequoia.SignatureMode.DETACHED, armor=True
        )


def verify_file(certificate: str, path: Path, signature: Path) -> bool:
    """Whether ``signature`` is a good signature of ``path`` by ``certificate`` (for tests and the
    app's own check after signing; recipients use ``sqv`` or ``gpg``)."""
    cert = pysequoia.Cert.from_bytes(certificate.encode("ascii"))
    try:
        result = pysequoia.verify(
            file=str(path), signature=pysequoia.Sig.from_file(str(signature)), store=lambda _ids: [cert]
        )
    except (RuntimeError, ValueError):  # Sequoia reports a bad signature as an error
        return False
    return bool(result.valid_sigs)
