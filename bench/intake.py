"""Import throughput against `cp` + `sync` + `sha256sum` of the same files, in the same run.

1. 500 MiB of mixed files (many small, a few large) and one 4 GiB file: baseline copy+sync+hash
   vs `caseapp import` (hash + age encryption + metadata + thumbnails + commit); ratio target >= 0.7.
2. Peak RSS of a `caseapp import` process taking in the 4 GiB file alone (target <= 200 MiB).
3. 10 000 small files: files per second (target >= 300).

Options: ``python -m bench intake [--big-gib N] [--mixed-mib N] [--small N]`` (smaller for a quick look).
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from caseapp.app.case_folder import create_case
from caseapp.secrets.keyslots import Argon2Params

PASSPHRASE = "benchmark passphrase"
MIB = 1024 * 1024
ROOT = Path(__file__).resolve().parent.parent


def write_random(path: Path, size: int, rng: random.Random) -> None:
    block = rng.randbytes(4 * MIB)
    with path.open("wb") as out:
        written = 0
        while written < size:
            chunk = block[: min(len(block), size - written)]
            out.write(chunk)
            written += len(chunk)
            block = block[7:] + block[:7]  # every block differs


def make_mixed(root: Path, total_mib: int, rng: random.Random) -> None:
    from PIL import Image

    root.mkdir(parents=True)
    budget = total_mib * MIB
    for index in range(4):  # a few large ones: 60% of the budget
        write_random(root / f"video-{index}.mp4", int(budget * 0.15), rng)
    small = root / "small"
    small.mkdir()
    used = int(budget * 0.6)
    index = 0
    while used < budget:
        if index % 4 == 0:
            image = Image.effect_noise((800, 600), 60).convert("RGB")
            path = small / f"IMG_{index:05d}.jpg"
            image.save(path, "JPEG", quality=85)
        else:
            path = small / f"doc-{index:05d}.bin"
            write_random(path, rng.randrange(20_000, 400_000), rng)
        used += path.stat().st_size
        index += 1


def make_small(root: Path, count: int, rng: random.Random) -> None:
    root.mkdir(parents=True)
    for index in range(count):
        (root / f"msg-{index:05d}.txt").write_bytes(
            f"message {index} ".encode() + rng.randbytes(rng.randrange(200, 3000))
        )


def folder_bytes(root: Path) -> int:
    return sum(p.stat().st_size for p in root.rglob("*") if p.is_file())


def baseline(source: Path, target: Path) -> float:
    began = time.perf_counter()
    subprocess.run(["cp", "-r", str(source), str(target)], check=True)
    subprocess.run(["sync"], check=True)
    files = [str(p) for p in target.rglob("*") if p.is_file()]
    for start in range(0, len(files), 500):
        subprocess.run(["sha256sum", *files[start : start + 500]], check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - began


def caseapp_import(case: Path, source: Path) -> tuple[float, int]:
    """Seconds and peak RSS (KiB) of a `caseapp import` process."""
    env = {**os.environ, "CASEAPP_PASSPHRASE": PASSPHRASE, "PYTHONPATH": str(ROOT)}
    began = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-m", "caseapp", "import", "--case", str(case), str(source)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    _pid, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - began
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"import failed: {child.stderr.read().decode() if child.stderr else ''}")
    return elapsed, usage.ru_maxrss


def new_case(folder: Path, name: str) -> Path:
    case, _ = create_case(
        folder / name, PASSPHRASE, kdf=Argon2Params(memory_kib=8192, iterations=1, parallelism=1), actor="bench"
    )
    case.close()
    return case.folder


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench intake")
    parser.add_argument("--big-gib", type=float, default=4.0)
    parser.add_argument("--mixed-mib", type=int, default=500)
    parser.add_argument("--small", type=int, default=10_000)
    parser.add_argument("--dir", type=Path, default=None, help="where to work (default: a temp folder)")
    args = parser.parse_args(argv)
    rng = random.Random(5)
    with tempfile.TemporaryDirectory(prefix="caseapp-bench-intake-", dir=args.dir) as work:
        base = Path(work)
        print(f"caseapp intake benchmark in {base}")
        mixed = base / "evidence"
        make_mixed(mixed / "mixed", args.mixed_mib, rng)
        write_random(mixed / "big.bin", int(args.big_gib * 1024 * MIB), rng)
        total = folder_bytes(mixed)
        count = sum(1 for p in mixed.rglob("*") if p.is_file())
        print(
            f"data: {count} files, {total / MIB:.0f} MiB (mixed {args.mixed_mib} MiB + one {args.big_gib:g} GiB file)"
        )
        subprocess.run(["sync"], check=True)
        base_s = baseline(mixed, base / "copy")
        shutil.rmtree(base / "copy")
        subprocess.run(["sync"], check=True)
        import_s, rss_all = caseapp_import(new_case(base, "all.caseapp"), mixed)
        shutil.rmtree(base / "all.caseapp")
        base_rate, import_rate = total / MIB / base_s, total / MIB / import_s
        ratio = import_rate / base_rate
        print(f"cp + sync + sha256sum: {base_s:7.1f} s  {base_rate:7.1f} MiB/s")
        print(f"caseapp import:        {import_s:7.1f} s  {import_rate:7.1f} MiB/s")
        print(f"throughput ratio import / baseline: {ratio:.2f} (target >= 0.7: {'ok' if ratio >= 0.7 else 'MISSED'})")
        big_dir = base / "big-only"
        big_dir.mkdir()
        os.rename(mixed / "big.bin", big_dir / "big.bin")
        shutil.rmtree(mixed)
        big_s, rss_big = caseapp_import(new_case(base, "big.caseapp"), big_dir)
        shutil.rmtree(big_dir)
        shutil.rmtree(base / "big.caseapp")
        rss_mib = rss_big / 1024
        print(
            f"{args.big_gib:g} GiB file alone: {big_s:.1f} s, peak RSS {rss_mib:.0f} MiB "
            f"(target <= 200 MiB: {'ok' if rss_mib <= 200 else 'MISSED'}); mixed run peak {rss_all / 1024:.0f} MiB"
        )
        make_small(base / "small", args.small, rng)
        small_s, _ = caseapp_import(new_case(base, "small.caseapp"), base / "small")
        rate = args.small / small_s
        print(
            f"{args.small} small files: {small_s:.1f} s, {rate:.0f} files/s "
            f"(target >= 300: {'ok' if rate >= 300 else 'MISSED'})"
        )
