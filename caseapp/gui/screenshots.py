"""Screenshots of every view on a sample case, for looking at the application as a user would.

    python -m caseapp.gui.screenshots OUT_DIR [LANGUAGE ...]     (or: make screenshots OUT=DIR)

Builds a throwaway sample case in a temporary folder (:mod:`caseapp.gui.screenshot_sample`),
runs the real windows on Qt's offscreen platform unless another one is chosen, and writes one
PNG per view and language into OUT_DIR: English as ``04-exhibits.png``, the others suffixed
(``04-exhibits-ar.png``). The languages are English and Arabic unless given (en, fr, ar).
Every view is also taken at 200 % scaling (``04-exhibits@2x.png``, ``04-exhibits-ar@2x.png``),
by a second process started with ``QT_SCALE_FACTOR=2`` (Qt reads it once, when the application
starts) that runs beside the first. ``--scale N`` takes only that scale, in this process.
Nothing is written anywhere else; the sample case is deleted after.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QApplication, QTableView, QWidget

from caseapp.gui.screenshot_sample import SAMPLE_KDF, SAMPLE_PASSPHRASE, build_sample

if TYPE_CHECKING:
    from uuid import UUID

SCALES = ("1", "2")  # 100 % and 200 %


def main(argv: list[str] | None = None) -> int:
    from caseapp.gui.i18n import LANGUAGES, Language

    args = sys.argv[1:] if argv is None else list(argv)
    scale: str | None = None
    if "--scale" in args[:-1]:
        at = args.index("--scale")
        scale = args.pop(at + 1)
        args.pop(at)
    languages = args[1:] or ["en", "ar"]
    if not args or not set(languages) <= set(LANGUAGES) or scale not in (None, *SCALES):
        sys.stderr.write(f"usage: python -m caseapp.gui.screenshots [--scale 1|2] OUT_DIR [{' '.join(LANGUAGES)}]\n")
        return 1
    out = Path(args[0]).absolute()
    out.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    doubled = None
    if scale is None:  # both scales: 200 % in a second process, at the same time
        env = dict(os.environ, QT_SCALE_FACTOR="2")
        doubled = subprocess.Popen([sys.executable, "-m", "caseapp.gui.screenshots", "--scale", "2", *args], env=env)
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    with tempfile.TemporaryDirectory(prefix="caseapp-screens-") as temp:
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(Path(temp) / "settings"))
        app = QApplication([])
        scaled = "@2x" if scale == "2" else ""
        for code in languages:
            root = Path(temp) / code
            root.mkdir()
            language = Language(code)
            language.install(app)
            suffix = ("" if code == "en" else f"-{code}") + scaled
            Camera(app, out, suffix=suffix).run(build_sample(root), root)
            app.processEvents()
            language.uninstall(app)
        app.shutdown()
    return doubled.wait() if doubled is not None else 0


def select_first_row(table: QTableView, row: int = 0) -> None:
    """Select the first row (or ``row``) as a click would. (QTableView.selectRow selects nothing
    right-to-left when the columns are narrower than the view: it looks for a column at the
    viewport's far edge.)"""
    flags = QItemSelectionModel.SelectionFlag
    table.selectionModel().setCurrentIndex(
        table.model().index(row, 0), flags.ClearAndSelect | flags.Rows | flags.Current
    )


class Camera:
    """Drives the real windows through each view and saves a PNG of each."""

    def __init__(self, app: QApplication, out: Path, *, suffix: str = "") -> None:
        from caseapp.gui.settings import Settings
        from caseapp.gui.shell import Shell

        self.app = app
        self.out = out
        self.suffix = suffix
        self.shell = Shell(Settings(), kdf=SAMPLE_KDF)
        self.shell.main.importer.show_report = False

    def settle(self) -> None:
        while self.shell.runner.active():
            self.app.processEvents()
        for _ in range(5):
            self.app.processEvents()

    def shot(self, name: str, widget: QWidget, prepare: Callable[[], object] | None = None) -> None:
        if prepare is not None:
            prepare()
        self.settle()
        path = self.out / f"{name}{self.suffix}.png"
        widget.grab().save(str(path))
        print(path)

    def run(self, path: Path, root: Path) -> None:
        shell = self.shell
        shell.settings.add_recent(path)
        shell.settings.add_recent(root / "Mosul-2017.caseapp")
        shell.start()
        shell.welcome.show_start()
        self.shot("01-welcome", shell.welcome)
        dialog = shell.create()
        dialog.path_edit.setText(str(root / "New-case.caseapp"))  # not this computer's real folder
        dialog.passphrases.first.setText("four unrelated")
        dialog.passphrases.second.setText("four")
        self.shot("02-create-case", dialog)
        dialog.passphrases.first.setText(SAMPLE_PASSPHRASE)
        dialog.passphrases.second.setText(SAMPLE_PASSPHRASE)
        dialog.create_button.click()
        self.settle()
        self.shot("02b-recovery-code", dialog)
        groups = dialog.recovery_code.split("-")
        for edit, index in zip(dialog.group_edits, dialog.asked_groups, strict=True):
            edit.setText(groups[index])
        dialog.written.setChecked(True)
        dialog.continue_button.click()
        self.settle()
        shell.lock()
        shell.welcome.ask_unlock(path)
        shell.welcome.unlock_page.passphrase.setText("wrong one")
        shell.welcome.unlock_page.unlock()
        self.shot("03-unlock-wrong-passphrase", shell.welcome)
        shell.welcome.unlock_page.passphrase.setText(SAMPLE_PASSPHRASE)
        shell.welcome.unlock_page.unlock()
        self.settle()
        self.case_views()
        self.legal_views()
        shell.lock()
        self.shot("10-locked", shell.welcome)
        shell.shutdown()
        for window in (shell.welcome, shell.main):
            window.close()
            window.deleteLater()
        shell.deleteLater()

    def previews(self) -> None:
        """The image, the PDF (both pages) and the Arabic statement's extracted text."""
        main_window = self.shell.main
        model, table, side = main_window.exhibits, main_window.exhibits_page.table, main_window.side

        def show(name: str, tab: int) -> None:
            for row in range(model.rowCount()):
                exhibit = model.exhibit_at(row)
                if exhibit is not None and name in f"{exhibit.original_name} {exhibit.title}":
                    select_first_row(table, row)
                    self.settle()
                    side.setCurrentIndex(tab)
                    return
            raise LookupError(f"no exhibit {name} in the sample case")

        self.shot("04b-preview-image", main_window, lambda: show("crater", 1))
        region = (200, 150, 240, 180)  # the crater, in the photo's pixels, as if drawn with the mouse
        self.shot("04f-preview-region", main_window, lambda: main_window.preview.bar.set_region(region, edited=True))
        self.shot("04c-preview-pdf", main_window, lambda: show("medical-report", 1))
        self.shot("04d-preview-pdf-page-2", main_window, lambda: main_window.preview.turn(1))
        self.shot("04e-extracted-text", main_window, lambda: show("statement", 2))
        side.setCurrentIndex(0)

    def case_views(self) -> None:
        from caseapp.core.refs import RefKind

        main_window = self.shell.main
        main_window.resize(1280, 760)
        self.shot("04-exhibits", main_window, lambda: select_first_row(main_window.exhibits_page.table))
        self.previews()
        views = (("05-incidents", RefKind.INCIDENT), ("06-people", RefKind.PERSON), ("07-sources", RefKind.SOURCE))
        for row, (name, kind) in enumerate(views, 1):
            main_window.navigator.setCurrentRow(row)
            select_first_row(main_window.record_pages[kind].table)
            self.shot(name, main_window)
        self.people_views()
        main_window.navigator.setCurrentRow(4)
        self.shot("08-custody-log", main_window, lambda: select_first_row(main_window.custody_page.table))
        main_window.navigator.setCurrentRow(2)
        self.settle()
        select_first_row(main_window.record_pages[RefKind.PERSON].table)
        record_dialog = main_window.record_action(RefKind.PERSON, "edit")
        assert isinstance(record_dialog, QWidget)
        self.shot("09-edit-person", record_dialog)
        record_dialog.close()
        self.places()
        self.export_views()

    def people_views(self) -> None:
        """The witness's protection (risk, consent), then their identity after the recorded reveal."""
        from caseapp.core.refs import RefKind

        main_window = self.shell.main
        main_window.navigator.setCurrentRow(2)
        table = main_window.record_pages[RefKind.PERSON].table
        model = main_window.persons
        row = next(r for r in range(model.rowCount()) if (p := model.row_at(r)) is not None and p.ref == "W-001")
        self.shot("06b-people-protection", main_window, lambda: select_first_row(table, row))
        self.shot("06c-people-revealed", main_window, main_window.people.reveal)

    def jurisdiction_views(self) -> None:
        """The jurisdiction form asked from an incident, and over a range of dates where the answer changes."""
        from caseapp.core.refs import RefKind
        from caseapp.gui.jurisdiction_view import choose

        main_window = self.shell.main
        view = main_window.legal.jurisdiction
        main_window.navigator.setCurrentRow(1)
        select_first_row(main_window.record_pages[RefKind.INCIDENT].table)
        self.settle()
        main_window.navigator.setCurrentRow(main_window.stack.indexOf(view))
        self.settle()
        choose(view.crime, "8(2)(e)(iv)")
        choose(view.nationality, "RU")
        self.shot("21-jurisdiction-incident", main_window, main_window.legal.incident_jurisdiction)

        def palestine() -> None:
            view.detach()
            choose(view.crime, "8(2)(e)(i)")
            choose(view.territory, "PS")
            choose(view.nationality, "")
            view.date_from.setText("2014-06-01")
            view.date_until.setText("2014-07-31")
            view.ask()

        self.shot("21b-jurisdiction-range", main_window, palestine)

    def places(self) -> None:
        """The map around Aleppo (an incident chosen on it) and the timeline."""
        main_window = self.shell.main
        places = main_window.places
        main_window.navigator.setCurrentRow(main_window.stack.indexOf(places.map_view))
        self.settle()
        canvas = places.map_view.canvas
        self.shot("11-map-aleppo", main_window, canvas.fit_points)
        for point in canvas.points:
            if point.ref == "INC-1":
                canvas.choose(point)
        self.shot("11b-map-incident-chosen", main_window)
        self.shot("11c-map-region", main_window, lambda: canvas.set_view(35.5, 38.5, 256.0 * 2**7))
        self.shot("11d-map-world", main_window, canvas.fit_world)
        from caseapp.gui.screenshot_tiles import write_sample_tiles

        with tempfile.TemporaryDirectory(prefix="caseapp-screens-tiles-") as folder:
            tiles = write_sample_tiles(Path(folder) / "sample-streets.mbtiles")
            places.map_view.use_tile_package(tiles, remember=False)
            self.shot("11e-map-street-tiles", main_window, canvas.fit_points)
            self.shot("11f-map-street-tiles-city", main_window, lambda: canvas.set_view(36.2, 37.14, 256.0 * 2**11))
            canvas.set_tiles(None)
        panel = places.map_view.suggestions
        if panel.list.count():
            self.shot("11g-map-suggestion", main_window, lambda: panel.list.setCurrentRow(0))
        main_window.navigator.setCurrentRow(main_window.stack.indexOf(places.timeline_view))
        self.settle()
        self.shot("12-timeline", main_window, lambda: places.timeline_view.canvas.choose(0))

    def legal_views(self) -> None:
        """Charges, the catalogue (searched in the interface's language), linking, review, gaps."""
        main_window = self.shell.main
        legal = main_window.legal
        main_window.navigator.setCurrentRow(main_window.stack.indexOf(legal.charges))
        self.shot("13-charges", main_window, lambda: select_first_row(legal.charges.table))
        main_window.navigator.setCurrentRow(main_window.stack.indexOf(legal.catalogue))
        query = "مستشفى" if self.suffix.startswith("-ar") else "hospital"

        def search() -> None:
            legal.catalogue.search.setText(query)
            legal.catalogue.apply_search(query)
            item = legal.catalogue.item_of("8(2)(e)(iv)-1")
            if item is not None:
                legal.catalogue.tree.setCurrentItem(item)

        self.shot("14-catalogue", main_window, search)
        main_window.navigator.setCurrentRow(0)
        select_first_row(main_window.exhibits_page.table)
        self.settle()
        dialog = legal.link(None, "8(2)(e)(iv)-3")
        assert dialog is not None
        dialog.reasoning.setPlainText("")
        dialog.submit()
        self.shot("15-link-exhibit", dialog)
        dialog.reject()
        self.excerpt_dialogs()
        main_window.navigator.setCurrentRow(main_window.stack.indexOf(legal.review))
        self.shot("16-review-queue", main_window, lambda: select_first_row(legal.review.table))

        def cell() -> None:
            item = legal.gaps.cell_item("CHG-1", "8(2)(e)(iv)-1")
            if item is not None:
                legal.gaps.tree.setCurrentItem(item)

        main_window.navigator.setCurrentRow(main_window.stack.indexOf(legal.gaps))
        self.shot("17-gap-matrix", main_window, cell)
        self.jurisdiction_views()

    def excerpt_dialogs(self) -> None:
        """The link form for a region of the crater photo and for words of the Arabic statement."""
        from caseapp.core.analysis import Excerpt, text_excerpt

        main_window = self.shell.main
        found: dict[str, tuple[UUID, str]] = {}
        for row in range(main_window.exhibits.rowCount()):
            shown = main_window.exhibits.exhibit_at(row)
            if shown is not None:
                found[shown.original_name or ""] = (shown.id, shown.ref)
        statement = "شهادة: رأيت الضربة على المستشفى في الصباح."
        for name, key_and_ref, excerpt in (
            ("15b-link-region", found["crater.jpg"], Excerpt(page=1, region=(200, 150, 240, 180))),
            ("15c-link-quote", found["statement-W-001.txt"], text_excerpt(statement, 7, 31)),
        ):
            dialog = main_window.legal.link([key_and_ref], "8(2)(e)(iv)-1", excerpt)
            assert dialog is not None
            self.shot(name, dialog)
            dialog.reject()

    def export_views(self) -> None:
        """The dossier texts, the dossier dialog with its outline and after an export, the bundle dialog."""
        exports = self.shell.main.exports
        inputs = exports.edit_inputs()
        assert inputs is not None
        self.shot("18-dossier-texts", inputs)
        inputs.tabs.setCurrentIndex(1)
        self.shot("18b-dossier-sections", inputs, lambda: inputs.sections.setCurrentRow(2))
        inputs.close()
        from PySide6.QtCore import Qt

        from caseapp.core.dossier.selection import Section

        out = Path(tempfile.mkdtemp(prefix="caseapp-screens-out-"))
        dossier = exports.export_dossier()
        assert dossier is not None
        dossier.opened_with_folder = False  # no file manager started
        self.shot("19-export-dossier", dossier)
        for section in (Section.INTRODUCTION, Section.ADMISSIBILITY):
            dossier.sections.item_for(section).setCheckState(Qt.CheckState.Unchecked)
        self.shot("19a-export-dossier-sections", dossier)
        dossier.version.setCurrentIndex(1)
        dossier.docx.setChecked(False)
        dossier.folder.edit.setText(str(out / "dossier"))
        self.shot("19b-export-dossier-done", dossier, dossier.start)
        dossier.close()
        bundle = exports.export_bundle()
        assert bundle is not None
        bundle.opened_with_folder = False
        self.shot("20-export-bundle", bundle)
        bundle.folder.edit.setText(str(out / "bundle"))
        self.shot("20b-export-bundle-done", bundle, bundle.start)
        bundle.close()
        shutil.rmtree(out, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
