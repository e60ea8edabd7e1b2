"""Child process for the import crash test: imports a folder, writing a line at each progress step."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from caseapp.app.case_folder import open_case
from caseapp.app.importing import import_paths


def main() -> None:
    folder, source, report = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
    with open_case(folder, passphrase=os.environ["CRASH_PASSPHRASE"]) as case, report.open("a") as out:

        def progress(step: object) -> None:
            out.write(f"{step}\n")
            out.flush()

        import_paths(case, [source], progress=progress)
        out.write("finished\n")


if __name__ == "__main__":
    main()
