"""Entry point of the `caseapp` command.

Each command module exposes ``register(subparsers)``, which adds its sub-commands and sets
``func`` on them: a callable taking the parsed ``argparse.Namespace`` and returning an exit code.
Errors derived from :class:`caseapp.core.errors.CaseAppError` become a one-line message on
stderr and their exit code (0 ok, 1 user error, 2 wrong passphrase / locked, 3 integrity).
"""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys
from collections.abc import Sequence

from caseapp import __version__
from caseapp.app.startup import private_files
from caseapp.cli.unlock import add_case_options
from caseapp.core.errors import CaseAppError

# Modules under caseapp.cli that register sub-commands, in help order.
COMMAND_MODULES: tuple[str, ...] = (
    "case_commands",
    "record_commands",
    "annotation_commands",
    "case_building",
    "dossier_commands",
    "evidence_commands",
    "custody_commands",
    "export_commands",
    "legal_commands",
    "search_commands",
)


class _Parser(argparse.ArgumentParser):
    """argparse exits with 2 on a usage error; 2 means "wrong passphrase" here, so use 1."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        sys.stderr.write(f"{self.prog}: error: {message}\n")
        raise SystemExit(1)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="caseapp",
        description="Offline, encrypted case builder for evidence of international crimes.",
    )
    parser.add_argument("--version", action="version", version=f"caseapp {__version__}")
    add_case_options(parser, top_level=True)
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name in COMMAND_MODULES:
        module = importlib.import_module(f"caseapp.cli.{name}")
        module.register(subparsers)
    return parser


def _hint(error: CaseAppError) -> str:
    """What to type next, for the errors the command line can help with (messages are about the
    case; the commands that help are the CLI's to say)."""
    from caseapp.core.errors import IntegrityError, NotACaseError

    if isinstance(error, NotACaseError):
        return " (`caseapp init PATH` creates one)"
    if isinstance(error, IntegrityError):
        return " (`caseapp verify --full` shows what differs)"
    return ""


def main(argv: Sequence[str] | None = None) -> int:
    private_files()
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s")
    parser = build_parser()
    from caseapp.cli.annotation_commands import rewrite_link_shorthand

    args = parser.parse_args(rewrite_link_shorthand(sys.argv[1:] if argv is None else argv))
    if not getattr(args, "func", None):
        parser.print_help()
        return 0
    try:
        code: int = args.func(args)
    except CaseAppError as error:
        sys.stderr.write(f"caseapp: {error}{_hint(error)}\n")
        return error.exit_code
    except BrokenPipeError:
        # Output piped into `head` or a closed pager: stop quietly, as other command-line tools do.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    except KeyboardInterrupt:
        sys.stderr.write("caseapp: interrupted; what was saved before stays saved\n")
        return 130
    except Exception as error:
        # An unexpected failure: its message could quote case contents, so print only its kind
        # unless the user asks for the details (CASEAPP_DEBUG=1).
        if os.environ.get("CASEAPP_DEBUG"):
            raise
        sys.stderr.write(
            f"caseapp: internal error ({error.__class__.__name__}). What was saved before it stays saved. "
            "Run again with CASEAPP_DEBUG=1 to see the details (they may quote case contents).\n"
        )
        return 1
    return code
