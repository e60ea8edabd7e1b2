"""Where the CLI gets a case path, passphrases and recovery codes from.

Order for a passphrase: ``--passphrase-file``, then ``$CASEAPP_PASSPHRASE``, then (for unlocking)
the OS keyring slot if the case has one, then a prompt when a terminal is attached.
Secrets are never echoed, logged or put in error messages. A secret read from the environment
is removed from it at once, so no program started later (by us or by a library) inherits it.
Linux keeps the environment a process started with in ``/proc/PID/environ`` (readable by the same
user only); only not putting it there in the first place (a file or a prompt) avoids that.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from caseapp.app import startup
from caseapp.core.errors import UnlockError, UserError, ValidationError

if TYPE_CHECKING:
    from caseapp.app.case_folder import OpenCase

PASSPHRASE_ENV = "CASEAPP_PASSPHRASE"
NEW_PASSPHRASE_ENV = "CASEAPP_NEW_PASSPHRASE"
RECOVERY_ENV = "CASEAPP_RECOVERY_CODE"
CASE_ENV = startup.CASE_ENV


def default_case_path() -> Path:
    return startup.default_case_path()


def add_case_options(parser: argparse.ArgumentParser, *, top_level: bool = False) -> None:
    """``--case`` and ``--passphrase-file``, accepted before or after the command name."""
    default = None if top_level else argparse.SUPPRESS
    parser.add_argument(
        "--case",
        type=Path,
        default=default,
        metavar="PATH",
        help=f"case folder (default: ${CASE_ENV}, else the default case location)",
    )
    parser.add_argument(
        "--passphrase-file", type=Path, default=default, metavar="FILE", help="read the passphrase from FILE"
    )


def case_path(args: argparse.Namespace) -> Path:
    given: Path | None = getattr(args, "case", None)
    return given if given is not None else default_case_path()


def _read_secret_file(path: Path, what: str) -> str:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise UserError(f"{what} file {path} does not exist") from None
    except (OSError, UnicodeDecodeError) as error:
        raise UserError(f"cannot read the {what} file {path}: {error.__class__.__name__}") from None
    return text.removesuffix("\n").removesuffix("\r")


def _take_from_environment(name: str) -> str | None:
    """The variable's value, removed from the environment (and from the C-level environ) as it is read."""
    return os.environ.pop(name, None)


def _interactive() -> bool:
    return sys.stdin is not None and sys.stdin.isatty()


def given_passphrase(args: argparse.Namespace) -> str | None:
    """A passphrase given without prompting (file or environment), or None."""
    if getattr(args, "passphrase_file", None):
        return _read_secret_file(args.passphrase_file, "passphrase")
    return _take_from_environment(PASSPHRASE_ENV)


def prompt_passphrase(prompt: str = "Passphrase: ") -> str:
    if not _interactive():
        raise UnlockError(
            f"the case is locked: give its passphrase at a prompt, with --passphrase-file or in ${PASSPHRASE_ENV}"
        )
    return getpass.getpass(prompt)


def new_passphrase(args: argparse.Namespace, *, file_attr: str, env: str) -> str:
    """A passphrase being set: from a file, the environment, or typed twice."""
    file = getattr(args, file_attr, None)
    if file:
        return _read_secret_file(file, "passphrase")
    given = _take_from_environment(env)
    if given:
        return given
    if not _interactive():
        raise UserError(
            f"a new passphrase is needed: give it with --{file_attr.replace('_', '-')} FILE or in ${env}, "
            "or run the command in a terminal to type it"
        )
    first = getpass.getpass("New passphrase (12 characters or more): ")
    if getpass.getpass("Repeat it: ") != first:
        raise ValidationError("the two passphrases differ; nothing was changed")
    return first


def recovery_code(args: argparse.Namespace) -> str:
    if getattr(args, "recovery_code_file", None):
        return _read_secret_file(args.recovery_code_file, "recovery code")
    given = _take_from_environment(RECOVERY_ENV)
    if given:
        return given
    if not _interactive():
        raise UnlockError(f"give the recovery code at a prompt, with --recovery-code-file or in ${RECOVERY_ENV}")
    return getpass.getpass("Recovery code: ")


def unlock(args: argparse.Namespace) -> OpenCase:
    """Open the case named by the arguments, asking for the passphrase only if needed."""
    from caseapp.app.case_folder import open_case
    from caseapp.app.keyslot_file import has_keyring_slot

    path = case_path(args)
    passphrase = given_passphrase(args)
    case: OpenCase | None = None
    if passphrase is None and has_keyring_slot(path):
        try:
            case = open_case(path)
        except UnlockError:
            pass  # the keyring had no usable secret; fall through to a prompt
    if case is None:
        case = open_case(path, passphrase=passphrase if passphrase is not None else prompt_passphrase())
    for line in case.open_report:
        sys.stderr.write(f"caseapp: note: {line}\n")
    return case
