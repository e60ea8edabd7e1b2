"""Commands about the case itself: init, info, passwd, recover, keyring."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from caseapp.cli import unlock
from caseapp.cli.output import print_json, print_table, when

MIN_PASSPHRASE_CHARS = 12  # checked again, authoritatively, by caseapp.secrets.keyslots

RECOVERY_ADVICE = """\
Recovery code (shown this once; it unlocks the case if the passphrase is lost):

    {code}

Write it on paper and keep it apart from this computer. Anyone holding it can open the case.
"""


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    init = subparsers.add_parser("init", help="create a new encrypted case folder")
    init.add_argument("path", type=Path, nargs="?", help="folder to create (default: the default case location)")
    init.add_argument("--title", default="", help="case title (default: the folder name)")
    init.add_argument(
        "--timezone", help="IANA time zone for times typed without one, e.g. Asia/Damascus (default: this computer's)"
    )
    init.add_argument("--passphrase-file", type=Path, metavar="FILE", help="read the passphrase from FILE")
    init.add_argument("--json", action="store_true", help="print the result as JSON")
    init.set_defaults(func=cmd_init)

    case = subparsers.add_parser("case", help="the case itself: edit its title, description or time zone")
    case_actions = case.add_subparsers(metavar="ACTION", parser_class=type(case))
    case.set_defaults(func=lambda _args, p=case: (p.print_help(), 1)[1])
    edit = case_actions.add_parser("edit", help="change the case's title, description or time zone (recorded)")
    unlock.add_case_options(edit)
    edit.add_argument("--title")
    edit.add_argument("--description")
    edit.add_argument("--timezone", help="IANA name, e.g. Asia/Damascus: times typed without a zone are read in it")
    edit.add_argument("--reason", required=True)
    edit.set_defaults(func=cmd_case_edit)

    info = subparsers.add_parser("info", help="show a case's summary, keyslots and custody head")
    unlock.add_case_options(info)
    info.add_argument("--json", action="store_true")
    info.set_defaults(func=cmd_info)

    passwd = subparsers.add_parser("passwd", help="change the passphrase (rewrites one keyslot)")
    unlock.add_case_options(passwd)
    passwd.add_argument("--new-passphrase-file", type=Path, metavar="FILE")
    passwd.set_defaults(func=cmd_passwd)

    recover = subparsers.add_parser("recover", help="unlock with the recovery code and set a new passphrase")
    unlock.add_case_options(recover)
    recover.add_argument("--recovery-code-file", type=Path, metavar="FILE")
    recover.add_argument("--new-passphrase-file", type=Path, metavar="FILE")
    recover.set_defaults(func=cmd_recover)

    ring = subparsers.add_parser("keyring", help="unlock from the OS keyring (opt-in)")
    ring.add_argument("action", choices=["enable", "disable", "status"])
    unlock.add_case_options(ring)
    ring.set_defaults(func=cmd_keyring)


def cmd_init(args: argparse.Namespace) -> int:
    from caseapp.app import case_folder

    path = args.path if args.path is not None else unlock.default_case_path()
    if path == unlock.default_case_path():
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    passphrase = unlock.given_passphrase(args)
    if passphrase is None:
        sys.stderr.write(
            f"Choose a passphrase of at least {MIN_PASSPHRASE_CHARS} characters, e.g. four or five words.\n"
        )
        passphrase = unlock.new_passphrase(args, file_attr="passphrase_file", env=unlock.PASSPHRASE_ENV)
    case, code = case_folder.create_case(path, passphrase, title=args.title, time_zone=args.timezone)
    with case, case.db.read() as tx:
        title = tx.case_info().title
    if args.json:
        print_json({"path": str(case.folder), "case_id": case.case_id, "title": title, "recovery_code": code})
    else:
        sys.stdout.write(f"Created case {title!r} at {case.folder}\n\n")
        sys.stdout.write(RECOVERY_ADVICE.format(code=code))
    return 0


def cmd_info(args: argparse.Namespace) -> int:
    from caseapp.app.summary import case_summary

    with unlock.unlock(args) as case:
        summary = case_summary(case)
        folder = case.folder
    info, head, ring, slots, counts = (
        summary.info,
        summary.custody_head,
        summary.keyring,
        summary.keyslots,
        summary.counts,
    )
    result = {
        "path": str(folder),
        "case_id": info.case_id,
        "title": info.title,
        "created_at": info.created_at,
        "created_by": info.created_by,
        "time_zone": info.time_zone,
        "schema": summary.schema,
        "counts": counts,
        "keyslots": list(slots),
        "custody_head": {"seq": head.seq, "hash": head.hash} if head else None,
        "keyring": {"usable": ring.usable, "backend": ring.backend, "reason": ring.reason},
        "quarantined_files": summary.quarantined_files,
    }
    if args.json:
        print_json(result)
        return 0
    out = sys.stdout
    out.write(f"Case      {info.title}\nPath      {folder}\nCase id   {info.case_id}\n")
    out.write(f"Created   {when(info.created_at)} by {info.created_by}\nSchema    {result['schema']}\n")
    out.write(f"Time zone {info.time_zone} (for times typed without one)\n")
    out.write("Records   " + ", ".join(f"{v} {k.replace('_', ' ')}" for k, v in counts.items()) + "\n")
    if head:
        out.write(f"Custody   {head.seq} entries, head {head.hash}\n")
    if summary.quarantined_files:
        out.write(f"Quarantine {summary.quarantined_files} encrypted file(s) from interrupted imports (see verify)\n")
    out.write("Keyslots\n")
    print_table(
        ["type", "created", "key derivation"],
        [[s["type"], s["created_at"], ", ".join(f"{k}={v}" for k, v in s["kdf"].items())] for s in slots],
    )
    out.write(f"Keyring   {'available: ' + ring.backend if ring.usable else 'not available: ' + ring.reason}\n")
    return 0


def cmd_passwd(args: argparse.Namespace) -> int:
    from caseapp.app import case_folder

    path = unlock.case_path(args)
    old = unlock.given_passphrase(args)
    if old is None:
        old = unlock.prompt_passphrase("Current passphrase: ")
    new = unlock.new_passphrase(args, file_attr="new_passphrase_file", env=unlock.NEW_PASSPHRASE_ENV)
    case_folder.change_passphrase(path, old, new)
    sys.stdout.write("Passphrase changed. The recovery code and any keyring slot still work.\n")
    return 0


def cmd_recover(args: argparse.Namespace) -> int:
    from caseapp.app import case_folder

    path = unlock.case_path(args)
    code = unlock.recovery_code(args)
    new = unlock.new_passphrase(args, file_attr="new_passphrase_file", env=unlock.NEW_PASSPHRASE_ENV)
    case_folder.recover(path, code, new)
    sys.stdout.write("New passphrase set. The recovery code stays valid; keep it safe.\n")
    return 0


def cmd_keyring(args: argparse.Namespace) -> int:
    from caseapp.app import case_folder, keyslot_file
    from caseapp.secrets import keystore

    path = unlock.case_path(args)
    if args.action == "status":
        ring = keystore.status()
        enabled = keyslot_file.has_keyring_slot(path)
        sys.stdout.write(f"keyring slot: {'enabled' if enabled else 'disabled'}\n")
        sys.stdout.write(f"system keyring: {ring.backend if ring.usable else 'not available: ' + ring.reason}\n")
        return 0
    if args.action == "disable":
        if not keyslot_file.has_keyring_slot(path):
            sys.stdout.write("This case has no keyring slot.\n")
            return 0
        with unlock.unlock(args) as case:  # the keyring slot itself usually unlocks it: nothing to type
            removed = case_folder.disable_keyring(case)
        sys.stdout.write("Keyring slot removed.\n" if removed else "This case has no keyring slot.\n")
        return 0
    keystore.require_usable()  # refuse before asking for a passphrase: typing one cannot fix this
    with unlock.unlock(args) as case:
        backend = case_folder.enable_keyring(case)
    sys.stdout.write(f"Keyring slot added ({backend}); this account can now open the case without typing.\n")
    return 0


def cmd_case_edit(args: argparse.Namespace) -> int:
    with unlock.unlock(args) as case:
        info = case.records.edit_case(
            title=args.title, description=args.description, time_zone=args.timezone, reason=args.reason
        ).value
    sys.stdout.write(f"Case {info.title!r}, time zone {info.time_zone}\n")
    return 0
