"""Incident suggestions (``caseapp.core.suggestions``) for 100 000 geotagged, dated exhibits.

Two layouts: *events* (2 000 events of 40 photos within a few hundred metres and two hours, and
20 000 photos scattered over a 200 km square and two years) and *one day* (100 000 photos over a
550 km square in one hour: every cell busy at once, the grid's worst layout). Baselines measured in
the same run: one pass computing every exhibit's haversine distance to one point (the least any
clustering must do per exhibit), and the plain algorithm without a spatial index (sort by time,
compare each exhibit with every later one within the window), on the events layout. Not a test."""

from __future__ import annotations

import math
import random
import statistics
import time
import uuid
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta

from caseapp.core.entities import ExhibitKind
from caseapp.core.suggestions import Sighting, haversine_m, suggest_incidents

BASE = datetime(2016, 1, 1, tzinfo=UTC)


def events(rng: random.Random) -> list[Sighting]:
    out: list[Sighting] = []
    for _ in range(2_000):
        lat, lon = 35.0 + rng.random() * 1.8, 36.0 + rng.random() * 2.2
        at = BASE + timedelta(seconds=rng.random() * 2 * 365 * 86_400)
        for _ in range(40):
            when = at + timedelta(minutes=rng.random() * 120)
            out.append(_sight(len(out), lat + rng.gauss(0, 0.0015), lon + rng.gauss(0, 0.0015), when))
    for _ in range(20_000):
        when = BASE + timedelta(seconds=rng.random() * 2 * 365 * 86_400)
        out.append(_sight(len(out), 35.0 + rng.random() * 1.8, 36.0 + rng.random() * 2.2, when))
    return out


def one_day(rng: random.Random) -> list[Sighting]:
    return [
        _sight(n, 32.0 + rng.random() * 5, 36.0 + rng.random() * 6, BASE + timedelta(seconds=rng.random() * 3600))
        for n in range(100_000)
    ]


def _sight(n: int, lat: float, lon: float, when: datetime) -> Sighting:
    return Sighting(uuid.UUID(int=n + 1), f"EX-{n + 1}", ExhibitKind.IMAGE, lat, lon, when, when)


def one_pass(points: list[Sighting]) -> int:
    return sum(1 for s in points if haversine_m(36.0, 37.0, s.latitude, s.longitude) < 1_000)


def plain_sweep(points: list[Sighting], radius_m: float = 1_000.0, window: timedelta = timedelta(hours=6)) -> int:
    """Single linkage by a time sweep only: every pair within the window is measured."""
    ordered = sorted(range(len(points)), key=lambda i: points[i].start)
    parent = list(range(len(points)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for a_at, a in enumerate(ordered):
        pa = points[a]
        for b in ordered[a_at + 1 :]:
            pb = points[b]
            if pb.start - pa.end > window:
                break
            if haversine_m(pa.latitude, pa.longitude, pb.latitude, pb.longitude) <= radius_m + 20:
                parent[find(a)] = find(b)
    return len({find(i) for i in range(len(points))})


def timed(work: Callable[[], object], runs: int = 3) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main(_argv: Sequence[str] = ()) -> None:
    rng = random.Random(14)
    clustered, crowded = events(rng), one_day(rng)
    found = suggest_incidents(clustered).suggestions
    grid = timed(lambda: suggest_incidents(clustered))
    floor = timed(lambda: one_pass(clustered))
    sweep = timed(lambda: plain_sweep(clustered), runs=1)
    worst = timed(lambda: suggest_incidents(crowded), runs=1)
    print(
        f"suggestions, 100 000 exhibits in events ({len(found)} suggestions): median {grid:.0f} ms; "
        f"baselines: one haversine per exhibit {floor:.0f} ms ({grid / floor:.1f}x), "
        f"time sweep without an index {sweep:.0f} ms ({sweep / grid:.1f}x slower)"
    )
    print(f"suggestions, 100 000 exhibits in one hour over 550 km: {worst:.0f} ms (the grid's worst layout)")
    assert math.isfinite(grid)


if __name__ == "__main__":
    main()
