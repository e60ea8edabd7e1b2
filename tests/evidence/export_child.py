"""Child process for the killed-export test: exports EX-1 and kills itself (SIGKILL) after the
first decrypted chunk has been written, a deterministic point in the middle of the export."""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

from caseapp.app import exhibits, export_folder
from caseapp.app.case_folder import open_case
from caseapp.core.refs import parse_ref


def main() -> None:
    folder, destination, mode = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
    if mode == "named":
        export_folder.UNNAMED_TEMP_FILES = False  # the path taken where the OS has no O_TMPFILE
    calls = 0

    def cancel() -> bool:
        nonlocal calls
        calls += 1
        if calls == 2:
            os.kill(os.getpid(), signal.SIGKILL)
        return False

    with open_case(folder, passphrase=os.environ["CRASH_PASSPHRASE"]) as case:
        exhibits.export_original(case, parse_ref("EX-1"), destination, cancel=cancel)


if __name__ == "__main__":
    main()
