"""A person's identity and consent (issue 14):

    person identity W-001 [--alias A]... [--born YYYY-MM-DD] [--contact T] --reason R
    person consent W-001 --scope icc --given|--withdrawn [--date D] [--note N]
    person consent list W-001 [--json]

The risk level is an edit (``person edit W-001 --risk high --reason R``); the identity is shown
by ``person show W-001 --reveal`` (recorded in custody)."""

from __future__ import annotations

import argparse
import sys

from caseapp.cli import unlock
from caseapp.cli.output import print_json, print_table, when
from caseapp.cli.record_commands import Subparsers, command
from caseapp.core.consent import consent_sentence, current_consents
from caseapp.core.entities import ConsentScope, ConsentState
from caseapp.core.errors import ValidationError
from caseapp.core.refs import Ref, RefKind, parse_ref_of


def register(group_: Subparsers) -> None:
    identity = command(
        group_, "identity", "set aliases, date of birth or contact (kept apart; recorded as hashes)", cmd_identity
    )
    identity.add_argument("ref")
    identity.add_argument("--alias", action="append", help="an alias (repeat; the aliases given replace the old)")
    identity.add_argument("--no-aliases", action="store_true", help="clear the aliases")
    identity.add_argument("--born", help="date of birth, YYYY-MM-DD ('' to clear)")
    identity.add_argument("--contact", help="how to reach them ('' to clear)")
    identity.add_argument("--reason", required=True, help="why the change is made")
    consent = command(group_, "consent", "record consent given or withdrawn, or `consent list REF`", cmd_consent)
    consent.add_argument("ref", help="the person (W-001), or `list` followed by the person")
    consent.add_argument("listed", nargs="?", help=argparse.SUPPRESS)
    consent.add_argument("--scope", choices=[s.value for s in ConsentScope])
    state = consent.add_mutually_exclusive_group()
    state.add_argument("--given", action="store_const", const=ConsentState.GIVEN, dest="state")
    state.add_argument("--withdrawn", action="store_const", const=ConsentState.WITHDRAWN, dest="state")
    consent.add_argument("--date", help="the day it was given or withdrawn, YYYY-MM-DD (today if not given)")
    consent.add_argument("--note", default="", help="how it was given (kept in the case; hashed in custody)")


def cmd_identity(args: argparse.Namespace) -> int:
    ref = parse_ref_of(args.ref, RefKind.PERSON)
    if args.alias and args.no_aliases:
        raise ValidationError("give --alias or --no-aliases, not both")
    aliases = [] if args.no_aliases else args.alias
    with unlock.unlock(args) as case:
        result = case.records.set_identity(
            ref, aliases=aliases, born=args.born, contact=args.contact, reason=args.reason
        )
    if args.json:
        print_json(result.value)
    else:
        sys.stdout.write(f"Set the identity of {ref} (`person show {ref} --reveal` shows it; recorded)\n")
    return 0


def cmd_consent(args: argparse.Namespace) -> int:
    if args.ref == "list":
        if not args.listed:
            raise ValidationError("say whose consent to list: `person consent list W-001`")
        return _list(args, parse_ref_of(args.listed, RefKind.PERSON))
    if args.listed:
        raise ValidationError(f"unexpected {args.listed!r}; to list, write `person consent list {args.ref}`")
    if args.scope is None or args.state is None:
        raise ValidationError("give --scope (icc, other-courts, ngos, public) and --given or --withdrawn")
    ref = parse_ref_of(args.ref, RefKind.PERSON)
    with unlock.unlock(args) as case:
        result = case.records.record_consent(ref, scope=args.scope, state=args.state, on=args.date, note=args.note)
    consent = result.value
    if args.json:
        print_json(consent)
    else:
        sys.stdout.write(f"{ref}: {consent_sentence(consent.scope, consent.state, consent.on.isoformat())}\n")
    return 0


def _list(args: argparse.Namespace, ref: Ref) -> int:
    with unlock.unlock(args) as case:
        statements = case.records.consents(ref)
    held = current_consents(statements)
    if args.json:
        print_json({"now": {scope.value: c for scope, c in held.items()}, "statements": statements})
        return 0
    for consent in held.values():
        sys.stdout.write(consent_sentence(consent.scope, consent.state, consent.on.isoformat()) + "\n")
    if not held:
        sys.stdout.write("no consent recorded\n")
    print_table(
        ["scope", "state", "on", "recorded", "by", "note"],
        [[c.scope.value, c.state.value, c.on.isoformat(), when(c.created_at), c.author, c.note] for c in statements],
    )
    return 0
