"""Child process for the crash test: adds notes in a loop, reporting each one once committed."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from caseapp.app.case_folder import open_case
from caseapp.core.refs import CASE_REF, parse_ref


def main() -> None:
    folder, report = Path(sys.argv[1]), Path(sys.argv[2])
    with open_case(folder, passphrase=os.environ["CRASH_PASSPHRASE"]) as case, report.open("a") as out:
        out.write("open\n")
        out.flush()
        for index in range(100000):
            note = case.records.add_note(CASE_REF, f"entry {index} {'ب' * (index % 50)}").value
            if index % 7 == 0:
                case.records.tag(parse_ref(f"INC-{1 + index % 3}"), [f"t{index % 5}"], remove=index % 2 == 1)
            out.write(f"committed {note.id}\n")
            out.flush()


if __name__ == "__main__":
    main()
