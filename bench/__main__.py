"""Run every benchmark: ``python -m bench [store|intake|gaps|gui|gaps-gui|bundle|search|dossier|suggest] [options]``."""

from __future__ import annotations

import sys

from bench import bundle, dossier, gaps, gaps_gui, gui, intake, search, store, suggest


def main() -> None:
    benches = {
        "store": store.main,
        "intake": intake.main,
        "gaps": gaps.main,
        "gui": gui.main,
        "gaps-gui": gaps_gui.main,
        "bundle": bundle.main,
        "dossier": dossier.main,
        "search": search.main,
        "suggest": suggest.main,
    }
    if len(sys.argv) > 1:
        benches[sys.argv[1]](sys.argv[2:])
        return
    for run in benches.values():
        run()


main()
