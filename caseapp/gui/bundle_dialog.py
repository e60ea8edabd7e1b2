"""Export the evidence bundle (File > Export evidence bundle…): public or full, signed with the
organisation's key (its fingerprint shown; made on first use), split into parts for upload limits,
with the dossier in it or not; a long job with progress (bytes, the file being written) and
cancel; the folder opened and the custody entry (each part's tag manifest SHA-256) shown at the end."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QCheckBox, QLabel, QLineEdit, QWidget

from caseapp.core.custody import CustodyAction
from caseapp.core.dossier.model import Language
from caseapp.core.entities import CustodyEntry
from caseapp.core.operations import Task
from caseapp.gui.errors import message_for
from caseapp.gui.export_job import CaseGetter, ExportDialog, choice, language_choice, row_box
from caseapp.gui.i18n import QT_TRANSLATE_NOOP
from caseapp.gui.tasks import TaskHandle, TaskRunner

if TYPE_CHECKING:
    from caseapp.app.bundle_export import BundleExported
    from caseapp.app.case_folder import OpenCase


def tr(text: str) -> str:
    return QCoreApplication.translate("BundleDialog", text)


def mark(text: str) -> str:
    """Mark a text of a table below (translated where it is shown)."""
    return QT_TRANSLATE_NOOP("BundleDialog", text)


PART_SIZES: tuple[tuple[str, str | None], ...] = (  # what is shown, the size as parse_size reads it
    (mark("One bundle, not split"), None),
    (mark("Parts of at most 500 MB"), "500M"),
    (mark("Parts of at most 2 GB"), "2G"),
    (mark("Parts of another size…"), ""),
)


def _size_text(size: int) -> str:
    from caseapp.export.bag_parts import human_size

    return human_size(size)


class BundleDialog(ExportDialog):
    action = CustodyAction.EXPORT_BUNDLE.value

    def __init__(self, runner: TaskRunner, case: CaseGetter, parent: QWidget | None = None) -> None:
        super().__init__(runner, case, parent)
        self.setObjectName("bundleDialog")
        self.setWindowTitle(tr("Export the evidence bundle"))
        options, form = self.options_form()
        self.version = choice(
            options,
            "bundleVersion",
            (
                (tr("Public: public fields only, sensitive files left out, redacted copies sent"), True),
                (tr("Full (confidential): every exhibit's original file"), False),
            ),
        )
        form.addRow(tr("Version"), self.version)
        self.sign = QCheckBox(tr("Sign it with the organisation's key"), options)
        self.sign.setObjectName("signBundle")
        self.sign.setChecked(True)
        form.addRow("", self.sign)
        self.key_label = QLabel(tr("Reading the organisation's key…"), options)
        self.key_label.setObjectName("keyFingerprint")
        self.key_label.setWordWrap(True)
        self.key_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow("", self.key_label)
        form.addRow(tr("Parts"), self._part_sizes(options))
        form.addRow(tr("Dossier"), self._dossier_choice(options))
        note = QLabel(tr("A public bundle carries the public version only; the key annex never goes into a bundle."))
        note.setWordWrap(True)
        form.addRow("", note)
        self.resize(640, 560)

    def _part_sizes(self, options: QWidget) -> QWidget:
        sizes, row = row_box(options)
        self.part_size = choice(sizes, "partSize", ((tr(size_label), value) for size_label, value in PART_SIZES))
        self.custom_size = QLineEdit(sizes)
        self.custom_size.setObjectName("customPartSize")
        self.custom_size.setPlaceholderText(tr("e.g. 700M or 1.5G"))
        self.custom_size.setAccessibleName(tr("Part size"))
        self.custom_size.setEnabled(False)
        self.part_size.currentIndexChanged.connect(
            lambda _i: self.custom_size.setEnabled(self.part_size.currentData() == "")
        )
        row.addWidget(self.part_size, 1)
        row.addWidget(self.custom_size)
        return sizes

    def _dossier_choice(self, options: QWidget) -> QWidget:
        dossier, row = row_box(options)
        self.with_dossier = QCheckBox(tr("Include the dossier (PDF and DOCX), in"), dossier)
        self.with_dossier.setObjectName("includeDossier")
        self.with_dossier.setChecked(True)
        self.dossier_language = language_choice(dossier, "bundleDossierLanguage")
        self.with_dossier.toggled.connect(self.dossier_language.setEnabled)
        row.addWidget(self.with_dossier)
        row.addWidget(self.dossier_language)
        row.addStretch(1)
        return dossier

    def load_key(self) -> TaskHandle | None:
        """Show the fingerprint of the case's signing key, or say one will be made."""
        case = self.case()
        if case is None:
            return None
        from caseapp.app.org_key import stored_key

        handle = self.runner.read(lambda: stored_key(case), name="signing key")
        handle.succeeded.connect(self._show_key)
        handle.failed.connect(lambda error: self.key_label.setText(message_for(error)))
        return handle

    def _show_key(self, key: object) -> None:
        fingerprint = getattr(key, "printed_fingerprint", None)
        if fingerprint:
            self.key_label.setText(tr("The organisation's key: {fingerprint}").format(fingerprint=fingerprint))
        else:
            self.key_label.setText(
                tr("This case has no signing key yet: one will be made, kept in the case and recorded in custody.")
            )

    def job(self, case: OpenCase, folder: Path) -> Callable[[Task], BundleExported]:
        from caseapp.app.bundle_export import BundleOptions
        from caseapp.app.dossier_export import export_bundle_with_dossier
        from caseapp.export.bag_parts import parse_size

        size = self.part_size.currentData()
        if size == "":
            size = self.custom_size.text().strip() or "0"
        options = BundleOptions(
            public=bool(self.version.currentData()),
            sign=self.sign.isChecked(),
            part_size=parse_size(size) if size else None,
        )
        dossier = Language(self.dossier_language.currentData()) if self.with_dossier.isChecked() else None
        return lambda task: export_bundle_with_dossier(case, folder, options, dossier=dossier, task=task)

    def show_progress(self, done: int, total: int, label: str) -> None:
        if total <= 0:  # the dossier being rendered for the bundle: no sizes yet
            self.progress.setRange(0, 0)
            self.status.setText(tr("Writing the dossier: {name}").format(name=label))
            return
        self.progress.setRange(0, 1000)
        self.progress.setValue(int(1000 * min(done, total) / total))
        self.status.setText(
            tr("{done} of {total}: {name}").format(done=_size_text(done), total=_size_text(total), name=label)
        )

    def exported_folder(self, result: BundleExported) -> Path:
        self.load_key()  # a key made for this bundle is shown from now on
        return result.path

    def report(self, entry: CustodyEntry) -> str:
        details = entry.details
        lines = [self.entry_heading(entry)]
        signed = details.get("signed_by")
        lines.append(tr("Signed by key {fingerprint}").format(fingerprint=signed) if signed else tr("Not signed"))
        lines.append(
            tr("{sent} exhibit file(s) sent, {withheld} listed without their file").format(
                sent=len(details.get("sent", [])), withheld=len(details.get("withheld", []))
            )
        )
        for part in details.get("parts", []):
            folder = part.get("part", ".")
            lines.append(
                tr("{part}: {files} files, {size}; its tag manifest's SHA-256:").format(
                    part=tr("the bag") if folder == "." else folder,
                    files=part.get("files", 0),
                    size=_size_text(int(part.get("bytes", 0))),
                )
            )
            lines.append(f"  {part.get('tagmanifest_sha256', '')}")
        return "\n".join(lines)
