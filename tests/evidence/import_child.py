"""Child process for the import crash test: imports a folder, writing a line at each progress step."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from caseapp.app.case_folder import open_case
from caseapp.core.operations import Task


def main() -> None:
    folder, source, report = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
    with open_case(folder, passphrase=os.environ["CRASH_PASSPHRASE"]) as case, report.open("a") as out:
        started: list[str] = []

        def progress(done: int, total: int, label: str) -> None:
            # One line per file, as it starts: the label names the file being read; byte
            # progress within a file repeats the same label and is not written again.
            if not started or started[-1] != label:
                started.append(label)
                out.write(f"{done}/{total} {label}\n")
                out.flush()

        case.imports.import_paths([source], task=Task(progress=progress))
        out.write("finished\n")


if __name__ == "__main__":
    main()
