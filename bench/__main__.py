"""Run every benchmark: ``python -m bench [store]``."""

from __future__ import annotations

import sys

from bench import store


def main() -> None:
    chosen = sys.argv[1:] or ["store"]
    for name in chosen:
        {"store": store.main}[name]()


main()
