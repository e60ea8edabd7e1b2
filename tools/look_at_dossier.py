"""Render the sample dossier document so a person can look at it: PDF plus one PNG per page.

    .venv/bin/python tools/look_at_dossier.py OUT_DIR [--dpi 80]

Writes OUT_DIR/sample.pdf and OUT_DIR/sample-N.png (``pdftoppm`` from poppler-utils). The document
is tests/dossier/sample_document.py plus a part of wrapping Arabic (tests/export/arabic_document.py).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from caseapp.export.pdf import render_pdf
from tests.export.arabic_document import arabic_document


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--dpi", type=int, default=80)
    args = parser.parse_args()
    out: Path = args.out_dir
    out.mkdir(parents=True, exist_ok=True)
    pdf = out / "sample.pdf"
    render_pdf(arabic_document(), pdf)
    print(pdf)
    if shutil.which("pdftoppm") is None:
        print("pdftoppm is not installed (Debian: apt install poppler-utils): only the PDF was written.")
        return 0
    for old in out.glob("sample-*.png"):
        old.unlink()
    subprocess.run(["pdftoppm", "-r", str(args.dpi), "-png", str(pdf), str(out / "sample")], check=True)
    for png in sorted(out.glob("sample-*.png")):
        print(png)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
