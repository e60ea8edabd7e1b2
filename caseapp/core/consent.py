"""What a person's consent statements add up to: per scope, the newest live statement holds.

A statement is never changed: a withdrawal is a newer statement (on a later or the same day), and
a statement recorded by mistake is taken back by undo (a tombstone), after which the one before
it holds again.
"""

from __future__ import annotations

from collections.abc import Iterable

from caseapp.core.entities import Consent, ConsentScope, ConsentState

SCOPE_WORDS = {
    ConsentScope.ICC: "the ICC",
    ConsentScope.OTHER_COURTS: "other courts",
    ConsentScope.NGOS: "NGOs",
    ConsentScope.PUBLIC: "the public",
}


def current_consents(consents: Iterable[Consent]) -> dict[ConsentScope, Consent]:
    """The statement that holds for each scope that has one (live statements only), in scope order.
    The later day wins; on the same day, the one recorded later."""
    newest: dict[ConsentScope, Consent] = {}
    for consent in consents:
        if consent.deleted is not None:
            continue
        held = newest.get(consent.scope)
        if held is None or (consent.on, consent.created_at) >= (held.on, held.created_at):
            newest[consent.scope] = consent
    return {scope: newest[scope] for scope in ConsentScope if scope in newest}


def consent_sentence(scope: ConsentScope, state: ConsentState, on: str) -> str:
    """``consent to share with the ICC: given 2026-05-01``."""
    return f"consent to share with {SCOPE_WORDS[scope]}: {state.value} {on}"
