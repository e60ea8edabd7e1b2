"""The legal views at issue 17's scale, with real widgets on Qt's offscreen platform: 100 000
exhibits, 50 charges (three suspects each), 300 000 element links (``bench.legalcase``).

- Gap matrix, open: from asking the view for the matrix (the page shown) until the tree holds it
  and has been painted (target <= 500 ms, the computation included). Baseline: the bare core
  computation (``gap_matrix`` over links already in memory) in the same run.
- Gap matrix, a link change: a proposed link accepted through the review queue (the service, the
  write lane, the undo stack), and that acceptance undone, each until the affected cell shows it
  (target <= 100 ms each).
- Review queue: opening it (first rows on screen) and filtering it by an element id.
- Map: 10 000 markers painted into a QImage at 1280x800 (target <= 100 ms). Baseline: the same map
  without markers.
- Longest time the GUI thread did not answer (a 5 ms timer) during each action: no action may freeze
  the window for more than 100 ms.

Beside each figure, the CPU time the process spent meanwhile (every thread): on a machine shared with
other work the wall-clock figures grow with its load, the CPU figures much less.

``--cache DIR`` keeps the built case in DIR and uses it again (building takes a minute or two).
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from bench.gui import PASSPHRASE, Window
from bench.legalcase import build_legal_case

EXHIBITS = 100_000
RUNS = int(os.environ.get("BENCH_RUNS", "5"))  # fewer for a quick look
MARKERS = 10_000
TARGET_OPEN_MS = 500.0
TARGET_CHANGE_MS = 100.0
TARGET_FREEZE_MS = 100.0
TARGET_MAP_MS = 100.0
WAIT_MS = 120_000


class Stalls:
    """The longest gap between ticks of a 5 ms timer on the GUI thread while armed."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.timer = QTimer()
        self.timer.setInterval(5)
        self.timer.timeout.connect(self._tick)
        self.last = 0.0
        self.longest = 0.0

    def _tick(self) -> None:
        now = time.perf_counter()
        self.longest = max(self.longest, now - self.last)
        self.last = now

    def arm(self) -> None:
        self.last, self.longest = time.perf_counter(), 0.0
        self.timer.start()

    def disarm(self) -> float:
        self._tick()
        self.timer.stop()
        return self.longest


def wait_for(condition: Callable[[], bool], signal: Any) -> None:
    """Run the event loop until ``condition()`` holds, checked each time ``signal`` fires."""
    from PySide6.QtCore import QEventLoop, QTimer

    if condition():
        return
    loop = QEventLoop()

    def check(*_args: object) -> None:
        if condition():
            loop.quit()

    signal.connect(check)
    QTimer.singleShot(WAIT_MS, loop.quit)
    loop.exec()
    signal.disconnect(check)
    if not condition():
        raise RuntimeError("the view never showed what was waited for")


def settle(window: Window) -> None:
    """Let every job of the runner finish and its result arrive."""
    from PySide6.QtCore import QCoreApplication

    runner = window.shell.main.runner
    while runner.active():
        runner.wait()
        QCoreApplication.processEvents()
    QCoreApplication.processEvents()


class Figures:
    def __init__(self) -> None:
        self.times: dict[str, list[float]] = {}
        self.stalls: dict[str, list[float]] = {}
        self.cpu: dict[str, list[float]] = {}
        self.began_cpu = time.process_time()

    def mark(self) -> None:
        """The CPU time of the next figure counts from now."""
        self.began_cpu = time.process_time()

    def add(self, name: str, seconds: float, stall: float | None = None) -> None:
        cpu = time.process_time() - self.began_cpu
        freeze = f" (freeze {stall * 1000:.0f} ms)" if stall is not None else ""
        print(f"  {name}: {seconds * 1000:.0f} ms, cpu {cpu * 1000:.0f} ms{freeze}", file=sys.stderr, flush=True)
        self.times.setdefault(name, []).append(seconds * 1000)
        self.cpu.setdefault(name, []).append(cpu * 1000)
        if stall is not None:
            self.stalls.setdefault(name, []).append(stall * 1000)

    def median(self, name: str) -> float:
        return statistics.median(self.times[name])


def timed(stalls: Stalls, action: Callable[[], object], done: Callable[[], bool], signal: Any) -> tuple[float, float]:
    stalls.arm()
    began = time.perf_counter()
    action()
    wait_for(done, signal)
    seconds = time.perf_counter() - began
    return seconds, stalls.disarm()


def core_baseline(window: Window, figures: Figures) -> None:
    """The bare computation over links already read, and the service (reads included)."""
    from caseapp.core.legal import load_catalogue
    from caseapp.core.legal.gaps import gap_matrix
    from caseapp.core.ports import RecordQuery

    case = window.shell.main.case
    assert case is not None
    records = case.records
    with records.store.read() as tx:
        charges = records._with_warnings(tx, tx.charges(RecordQuery()))
        links = tx.element_links(RecordQuery())
        facts = tx.evidence_facts(link.exhibit_id for link in links)
    live = [link for link in links if link.exhibit_id in facts]
    catalogue = load_catalogue()
    for _ in range(RUNS):
        figures.mark()
        began = time.perf_counter()
        gap_matrix(catalogue, charges, live, facts)
        figures.add("core gap_matrix (links in memory)", time.perf_counter() - began)
    for _ in range(RUNS):
        figures.mark()
        began = time.perf_counter()
        records.gaps()
        figures.add("service gaps() (reads included)", time.perf_counter() - began)


def gaps_open(window: Window, stalls: Stalls, figures: Figures) -> None:
    gaps = window.shell.main.legal.gaps
    stack = window.shell.main.stack
    for _ in range(RUNS):
        stack.setCurrentWidget(window.shell.main.exhibits_page)
        settle(window)
        gaps.show_gaps(())

        def open_view() -> None:
            stack.setCurrentWidget(gaps)
            gaps.reload()

        def shown() -> bool:
            if not gaps.gaps:
                return False
            gaps.tree.viewport().repaint()
            return True

        figures.mark()

        seconds, stall = timed(stalls, open_view, shown, gaps.shown)
        figures.add("gap matrix view open + painted", seconds, stall)
    settle(window)


def pick_links(window: Window, count: int) -> list[tuple[int, str, tuple[str, str, str | None]]]:
    """Rows of the review queue whose element is a row of the matrix: (row, link ref, cell key)."""
    gaps, review = window.shell.main.legal.gaps, window.shell.main.legal.review
    by_element: dict[str, tuple[str, str, str | None]] = {}
    for key in gaps.items:
        by_element.setdefault(key[1], key)
    found = []
    for row in range(review.model.rowCount()):
        link = review.model.row_at(row)
        if link is not None and link.element_id in by_element:
            found.append((row, link.ref, by_element[link.element_id]))
        if len(found) == count:
            break
    return found


def link_change(window: Window, stalls: Stalls, figures: Figures) -> None:
    main = window.shell.main
    gaps, review = main.legal.gaps, main.legal.review

    def awaiting(key: tuple[str, str, str | None]) -> set[str]:
        """The refs the cell's row holds as awaiting review (its text names only the first few)."""
        from caseapp.gui.gaps_view import AwaitingRole

        item = gaps.cell_item(*key)
        assert item is not None
        return set(item.data(0, AwaitingRole))

    main.stack.setCurrentWidget(gaps)
    settle(window)
    for _ in range(RUNS):
        _row, ref, key = pick_links(window, 1)[0]
        assert review.select(ref) and ref in awaiting(key)

        def accepted(ref: str = ref, key: tuple[str, str, str | None] = key) -> bool:
            return ref not in awaiting(key)

        figures.mark()

        seconds, stall = timed(stalls, lambda: review.review(accept=True), accepted, gaps.shown)
        gaps.tree.viewport().repaint()
        figures.add("accept a link -> cell updated", seconds, stall)
        settle(window)

        def undone(ref: str = ref, key: tuple[str, str, str | None] = key) -> bool:
            return ref in awaiting(key)

        figures.mark()

        seconds, stall = timed(stalls, main.undo_stack.undo, undone, gaps.shown)
        gaps.tree.viewport().repaint()
        figures.add("undo it -> cell updated", seconds, stall)
        settle(window)
        main.undo_stack.clear()


def review_queue(window: Window, stalls: Stalls, figures: Figures) -> None:
    review = window.shell.main.legal.review
    stack = window.shell.main.stack
    gaps = window.shell.main.legal.gaps
    element = next(iter(gaps.items))[1]
    loaded: list[int] = []
    review.model.loaded.connect(lambda: loaded.append(1))

    def shown() -> bool:
        if not loaded:
            return False
        review.table.viewport().repaint()
        return True

    for _ in range(RUNS):
        stack.setCurrentWidget(window.shell.main.exhibits_page)
        if hasattr(review, "filter"):
            review.filter.clear()
        review.model.set_loader(None)
        settle(window)
        loaded.clear()

        def open_queue() -> None:
            stack.setCurrentWidget(review)
            review.load()

        figures.mark()

        seconds, stall = timed(stalls, open_queue, shown, review.model.loaded)
        figures.add("review queue open + painted", seconds, stall)
        loaded.clear()
        if not hasattr(review, "filter"):
            continue

        def filter_queue() -> None:
            review.filter.setText(element)
            review.filter.returnPressed.emit()

        figures.mark()

        seconds, stall = timed(stalls, filter_queue, shown, review.model.loaded)
        figures.add("review queue filter by element", seconds, stall)
        settle(window)


def map_paint(stalls: Stalls, figures: Figures) -> None:
    from PySide6.QtGui import QImage

    from caseapp.core.entities import PlacePrecision
    from caseapp.core.refs import RefKind
    from caseapp.gui.map_canvas import MapCanvas, MapPoint
    from caseapp.gui.map_geo import world

    rng = random.Random(17)
    precisions = list(PlacePrecision)
    points = [
        MapPoint(
            RefKind.INCIDENT if i % 20 == 0 else RefKind.EXHIBIT,
            __import__("uuid").UUID(int=rng.getrandbits(128), version=4),
            f"EX-{i}",
            f"marker {i}",
            rng.uniform(32.5, 37.3),  # Syria and around it
            rng.uniform(35.6, 42.4),
            rng.choice(precisions),
        )
        for i in range(MARKERS)
    ]
    canvas = MapCanvas()
    canvas.resize(1280, 800)
    canvas.set_worlds({"110m": world("110m"), "50m": world("50m")})
    image = QImage(1280, 800, QImage.Format.Format_ARGB32_Premultiplied)
    for label, shown in (("map without markers (baseline)", []), (f"map with {MARKERS} markers", points)):
        canvas.set_points(points)
        canvas.fit_points()  # the same view for both
        canvas.set_points(shown)
        canvas.render(image)  # warm: outlines and sprites
        for _ in range(RUNS):
            figures.mark()
            stalls.arm()
            began = time.perf_counter()
            canvas.render(image)
            figures.add(label, time.perf_counter() - began, stalls.disarm())


def report(figures: Figures) -> int:
    targets = {
        "gap matrix view open + painted": TARGET_OPEN_MS,
        "accept a link -> cell updated": TARGET_CHANGE_MS,
        "undo it -> cell updated": TARGET_CHANGE_MS,
        "review queue open + painted": TARGET_CHANGE_MS,
        "review queue filter by element": TARGET_CHANGE_MS,
        f"map with {MARKERS} markers": TARGET_MAP_MS,
    }
    print(
        f"legal views: offscreen, {EXHIBITS} exhibits, 50 charges, 300 000 element links; "
        f"median of {RUNS} runs (each run in brackets); 'freeze' is the longest the GUI thread did not answer"
    )
    missed = []
    for name, runs in figures.times.items():
        median = statistics.median(runs)
        target = targets.get(name)
        verdict = (
            "(baseline)"
            if target is None
            else f"target <= {target:.0f} ms: " + ("ok" if median <= target else "MISSED")
        )
        if target is not None and median > target:
            missed.append(name)
        freeze = ""
        if name in figures.stalls:
            worst = max(figures.stalls[name])
            freeze = f"  freeze max {worst:.0f} ms"
            if worst > TARGET_FREEZE_MS:
                freeze += " MISSED"
                missed.append(f"freeze in {name}")
        shown = ", ".join(f"{r:.0f}" for r in runs)
        cpu = statistics.median(figures.cpu[name])
        print(f"{name:<40}{median:>8.0f} ms  cpu {cpu:>5.0f} ms  ({shown})  {verdict}{freeze}")
    core = figures.median("core gap_matrix (links in memory)")
    print(f"{'  ratio view open / bare core':<40}{figures.median('gap matrix view open + painted') / core:>8.2f}x")
    bare_map = figures.median("map without markers (baseline)")
    print(f"{'  ratio markers / bare map':<40}{figures.median(f'map with {MARKERS} markers') / bare_map:>8.2f}x")
    print("all targets met" if not missed else f"{len(missed)} target(s) missed: {', '.join(missed)}")
    return len(missed)


def main(argv: Sequence[str] = ()) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench gaps-gui", description=__doc__)
    parser.add_argument("--cache", type=Path, help="keep the built case in this folder and use it again")
    options = parser.parse_args(list(argv))
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory(prefix="caseapp-bench-gaps-gui-") as folder:
        base = Path(folder)
        case = (options.cache or base) / "Legal.caseapp"
        if not case.exists():
            from caseapp.secrets.keyslots import Argon2Params

            began = time.perf_counter()
            case.parent.mkdir(parents=True, exist_ok=True)
            build_legal_case(case, PASSPHRASE, EXHIBITS, kdf=Argon2Params(memory_kib=8192, iterations=1, parallelism=1))
            print(f"(built the case in {time.perf_counter() - began:.1f} s)")
        window = Window(base)
        window.shell.main.resize(1280, 800)
        window.shell.main.show()
        os.environ["CASEAPP_ACTOR"] = os.environ.get("CASEAPP_ACTOR", "bench")
        print("(unlocking ...)", file=sys.stderr, flush=True)
        window.unlock(case)
        settle(window)
        figures = Figures()
        stalls = Stalls()
        for name, step in (
            ("core computation", lambda: core_baseline(window, figures)),
            ("gap matrix view", lambda: gaps_open(window, stalls, figures)),
            ("review queue", lambda: review_queue(window, stalls, figures)),
            ("link changes", lambda: link_change(window, stalls, figures)),
            ("map", lambda: map_paint(stalls, figures)),
        ):
            print(f"({name} ...)", file=sys.stderr, flush=True)
            step()
        window.shell.lock()
        window.shell.shutdown()
        report(figures)
