"""The sending organisation's signing key of a case: read from the case, or made on first use and
kept inside it (its creation is entered in custody in the same transaction)."""

from __future__ import annotations

from dataclasses import dataclass

from caseapp.app.case_folder import OpenCase
from caseapp.core.custody import CustodyAction
from caseapp.core.errors import ReadOnlyCaseError
from caseapp.core.services.base import record, utc_now
from caseapp.secrets.signing import SECRET_NAME, SigningKey


@dataclass(frozen=True, slots=True)
class OrgKey:
    key: SigningKey
    created: bool


def stored_key(case: OpenCase) -> SigningKey | None:
    """The case's signing key, or None if none was made yet."""
    with case.db.read() as tx:
        armored = tx.secret(SECRET_NAME)
    return SigningKey.from_secret(armored) if armored else None


def organisation_key(case: OpenCase, organisation: str | None = None) -> OrgKey:
    """The case's signing key; made now if it has none, with ``organisation`` (or, without it, the
    case's title as the export view shows it) as its user id."""
    found = stored_key(case)
    if found is not None:
        return OrgKey(found, created=False)
    if case.read_only:
        raise ReadOnlyCaseError(
            "this case has no signing key yet and is open for reading only, so none can be made and kept "
            "in it; export an unsigned bundle, or open the case where it can be changed"
        )
    name = organisation or case.records.export_view().case.title
    key = SigningKey.generate(name)
    with case.db.write() as tx:
        armored = tx.secret(SECRET_NAME)
        if armored:  # another program made one meanwhile: use it
            return OrgKey(SigningKey.from_secret(armored), created=False)
        tx.set_secret(SECRET_NAME, key.secret())
        record(
            tx,
            actor=case.actor,
            at=utc_now(),
            action=CustodyAction.SIGNING_KEY_CREATE,
            target="CASE",
            details={"fingerprint": key.fingerprint, "organisation": key.organisation, "algorithm": "ed25519"},
        )
    return OrgKey(key, created=True)
