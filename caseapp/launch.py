"""The `caseapp` command: no arguments opens the desktop window, anything else is the command line.

This sits above both front ends (the import contracts keep `caseapp.cli` free of Qt), so that
`caseapp --help` and every subcommand start without loading Qt at all.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args:
        from caseapp.cli.main import main as cli_main

        return cli_main(args)
    from caseapp.gui.main import main as gui_main

    return gui_main()
