"""Render the dossier so a person can look at it: the Aleppo sample case exported as the full and
public communications and the key annex (PDF and DOCX), the DOCX converted with LibreOffice, and
every PDF turned into PNG pages.

    .venv/bin/python tools/look_at_dossier.py OUT_DIR [--dpi 80] [--lang fr] [--sample]

``--sample`` renders the small hand-built document of the renderer tests instead (with its part of
wrapping Arabic). Needs poppler-utils (pdftoppm) and, for the DOCX pages, LibreOffice.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from caseapp.app.case_folder import create_case
from caseapp.app.dossier_export import export_dossier
from caseapp.core.dossier.model import Language
from caseapp.core.services.dossier_export import DossierRequest
from caseapp.export.docx_render import render_docx
from caseapp.export.pdf import render_pdf
from tests.conftest import FAST_KDF, PASSPHRASE
from tests.dossier.aleppo_dossier import prepare
from tests.export.arabic_document import arabic_document
from tests.export.readers import libreoffice_pdf


def _aleppo(out: Path, language: Language) -> list[Path]:
    with tempfile.TemporaryDirectory() as work:
        where = Path(work) / "Aleppo.caseapp"
        case, _code = create_case(where, PASSPHRASE, kdf=FAST_KDF, actor="look", time_zone="UTC")
        try:
            prepared = prepare(case, Path(work))
            request = DossierRequest(language=language, key_annex=True, today=date(2026, 11, 27))
            result = export_dossier(case, request, out / "dossier", inputs=prepared.inputs).value
        finally:
            case.close()
    return [Path(result.folder) / produced.name for produced in result.files]


def _sample(out: Path) -> list[Path]:
    folder = out / "dossier"
    folder.mkdir()
    document = arabic_document()
    render_pdf(document, folder / "sample.pdf")
    render_docx(document, folder / "sample.docx")
    return [folder / "sample.pdf", folder / "sample.docx"]


def _pages(pdf: Path, out: Path, dpi: int, stem: str) -> None:
    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", str(pdf), str(out / stem)], check=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("out_dir", type=Path, help="a new folder")
    parser.add_argument("--dpi", type=int, default=80)
    parser.add_argument("--lang", choices=["en", "fr"], default="en")
    parser.add_argument("--sample", action="store_true", help="the renderer tests' hand-built document")
    args = parser.parse_args()
    out: Path = args.out_dir
    out.mkdir(parents=True)
    files = _sample(out) if args.sample else _aleppo(out, Language(args.lang))
    if shutil.which("pdftoppm") is None:
        print("pdftoppm is not installed (Debian: apt install poppler-utils): only the files were written.")
        return 0
    office = shutil.which("libreoffice")
    for path in files:
        print(path)
        if path.suffix == ".pdf":
            _pages(path, out, args.dpi, f"{path.stem}-pdf")
        elif office is not None:  # with the shipped fonts, as the tests convert it
            converted = libreoffice_pdf(path, out)
            _pages(converted, out, args.dpi, f"{path.stem}-docx")
            converted.unlink()
    for png in sorted(out.glob("*.png")):
        print(png)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
