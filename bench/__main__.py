"""Run every benchmark: ``python -m bench [store|intake|gaps|gui|search] [options]``."""

from __future__ import annotations

import sys

from bench import gaps, gui, intake, search, store


def main() -> None:
    benches = {"store": store.main, "intake": intake.main, "gaps": gaps.main, "gui": gui.main, "search": search.main}
    if len(sys.argv) > 1:
        benches[sys.argv[1]](sys.argv[2:])
        return
    for run in benches.values():
        run()


main()
