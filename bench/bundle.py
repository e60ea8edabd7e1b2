"""Evidence bundle against the standard tools, on the same files, in the same run.

1. Creation: ``caseapp export bundle --sign`` of a case holding N files (decrypt each blob, hash it
   while writing it, write sidecars, receipts, custody log, manifests, signatures, fsync) against
   ``cp`` of the same plaintext files + ``sha256sum`` of the copies + ``sync``.
2. Validation: ``bagit`` (its Python API, which ``bagit.py --validate`` runs) against
   ``sha256sum -c manifest-sha256.txt`` on the bundle just written.

Both are printed as ratios (caseapp / baseline: 1.0 is as fast as the standard tools).
Options: ``python -m bench bundle [--files N] [--mib TOTAL] [--dir PATH]``.
"""

from __future__ import annotations

import argparse
import random
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import bagit

from caseapp.app.bundle_export import BundleOptions, export_bundle
from caseapp.app.case_folder import create_case
from caseapp.secrets.keyslots import Argon2Params

PASSPHRASE = "benchmark passphrase"
MIB = 1024 * 1024


def make_files(root: Path, count: int, total_mib: int, rng: random.Random) -> int:
    """``count`` files of varied sizes adding up to about ``total_mib``; their total size."""
    root.mkdir(parents=True)
    weights = [rng.random() ** 3 + 0.01 for _ in range(count)]  # many small, a few large
    scale = total_mib * MIB / sum(weights)
    total = 0
    block = rng.randbytes(4 * MIB)
    for index, weight in enumerate(weights):
        size = max(1, int(weight * scale))
        with (root / f"file-{index:05d}.bin").open("wb") as out:
            left = size
            while left:
                chunk = block[: min(left, len(block))]
                out.write(chunk)
                left -= len(chunk)
            block = block[13:] + block[:13]
        total += size
    return total


def timed(run: object) -> float:
    start = time.perf_counter()
    run()  # type: ignore[operator]
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench bundle")
    parser.add_argument("--files", type=int, default=200)
    parser.add_argument("--mib", type=int, default=400, help="total size of the files")
    parser.add_argument("--dir", type=Path, default=None, help="where to work (default: a temp folder)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(dir=args.dir) as temp:
        base = Path(temp)
        rng = random.Random(15)
        total = make_files(base / "files", args.files, args.mib, rng)
        print(f"caseapp bundle benchmark in {base}: {args.files} files, {total / MIB:.0f} MiB")
        case, _ = create_case(
            base / "bench.caseapp", PASSPHRASE, kdf=Argon2Params(8192, 1, 1), actor="bench", time_zone="UTC"
        )
        with case:
            case.imports.import_paths([str(base / "files")])
            copy = base / "copy"

            def baseline() -> None:
                subprocess.run(["cp", "-r", str(base / "files"), str(copy)], check=True)
                with open(base / "sums.txt", "wb") as sums:
                    subprocess.run(["sha256sum", *sorted(str(p) for p in copy.iterdir())], stdout=sums, check=True)
                subprocess.run(["sync"], check=True)

            base_s = timed(baseline)
            out = base / "bundle"
            bundle_s = timed(lambda: export_bundle(case, out, BundleOptions(sign=True)))
        rate = total / MIB
        print(f"cp + sha256sum + sync:     {base_s:7.2f} s  {rate / base_s:7.1f} MiB/s")
        print(f"caseapp export bundle:     {bundle_s:7.2f} s  {rate / bundle_s:7.1f} MiB/s")
        print(f"creation ratio bundle / baseline (time): {bundle_s / base_s:.2f}")

        check_s = timed(
            lambda: subprocess.run(
                ["sha256sum", "-c", "--quiet", "manifest-sha256.txt"], cwd=out, check=True, stdout=subprocess.DEVNULL
            )
        )
        bagit_s = timed(lambda: bagit.Bag(str(out)).validate())
        print(f"sha256sum -c manifest:     {check_s:7.2f} s  {rate / check_s:7.1f} MiB/s")
        print(f"bagit validate (API):      {bagit_s:7.2f} s  {rate / bagit_s:7.1f} MiB/s")
        print(f"validation ratio bagit / sha256sum -c (time): {bagit_s / check_s:.2f}")
        shutil.rmtree(copy, ignore_errors=True)


if __name__ == "__main__":
    main()
