"""Export the Article 15 communication (File > Export dossier…): which versions, language and
formats, the confidential key annex (off unless asked, with what it means), the sections to include
(the optional ones checkable, the mandatory ones shown checked and disabled), a preview of the
public version's outline as the checks leave it (built in the background; generated drafts
marked), then the export as a long job with progress and cancel, the folder opened and the custody
entry shown at the end."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from caseapp.core.custody import CustodyAction
from caseapp.core.dossier.model import Document, Heading, Language, Paragraph, Part
from caseapp.core.dossier.selection import MANDATORY, Section
from caseapp.core.entities import CustodyEntry
from caseapp.core.operations import OpResult, Task
from caseapp.gui.errors import message_for
from caseapp.gui.export_job import CaseGetter, ExportDialog, choice, language_choice, row_box
from caseapp.gui.tasks import TaskHandle, TaskRunner

if TYPE_CHECKING:
    from caseapp.app.case_folder import OpenCase
    from caseapp.core.services.dossier_export import ExportedDossier


def tr(text: str) -> str:
    return QCoreApplication.translate("DossierDialog", text)


def section_names() -> dict[Section, str]:
    """Each section of the communication in the interface's language, in the document's order."""
    return {
        Section.COVER: tr("Cover sheet"),
        Section.CONTENTS: tr("Contents"),
        Section.INTRODUCTION: tr("Introduction"),
        Section.EXECUTIVE_SUMMARY: tr("Executive summary"),
        Section.FACTUAL_BACKGROUND: tr("Factual background"),
        Section.JURISDICTION: tr("Jurisdiction"),
        Section.CONTEXTUAL_ELEMENTS: tr("Contextual elements"),
        Section.CHARGES: tr("One part per charged crime"),
        Section.PERPETRATORS: tr("Alleged perpetrators and modes of liability"),
        Section.ADMISSIBILITY: tr("Admissibility (complementarity, gravity)"),
        Section.INTERESTS_OF_JUSTICE: tr("Interests of justice"),
        Section.METHODOLOGY: tr("Protection of witnesses and methodology"),
        Section.CONCLUSION: tr("Conclusion and request"),
        Section.EVIDENCE_INDEX: tr("Evidence index"),
        Section.ANNEXES: tr("Annexes"),
    }


class SectionList(QListWidget):
    """The sections to include: optional ones checkable (all checked at first), mandatory ones
    checked and disabled, with the reason in their tooltip."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dossierSections")
        self.setAccessibleName(tr("Sections to include"))
        always = tr(
            "Always included: the Office of the Prosecutor's first filter needs the sender, the facts, "
            "jurisdiction, the crimes and the evidence index."
        )
        for section, name in section_names().items():
            item = QListWidgetItem(name, self)
            item.setData(Qt.ItemDataRole.UserRole, section.value)
            item.setCheckState(Qt.CheckState.Checked)
            if section in MANDATORY:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled & ~Qt.ItemFlag.ItemIsUserCheckable)
                item.setToolTip(always)
            else:
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)

    def item_for(self, section: Section) -> QListWidgetItem:
        return next(self.item(i) for i in range(self.count()) if self.item(i).data(Qt.ItemDataRole.UserRole) == section)

    def omitted(self) -> frozenset[Section]:
        """The optional sections the user unchecked."""
        items = (self.item(i) for i in range(self.count()))
        return frozenset(
            Section(item.data(Qt.ItemDataRole.UserRole))
            for item in items
            if item.checkState() is not Qt.CheckState.Checked
        )


def _is_draft(blocks: tuple[Any, ...]) -> bool:
    return any(isinstance(b, Paragraph) and b.draft for b in blocks)


def outline_items(document: Document) -> list[QTreeWidgetItem]:
    """One item per part ("III. Jurisdiction"), its headings below it; a part or heading whose
    text is (partly) a generated draft is marked, so the author sees what is still theirs to write."""
    items: list[QTreeWidgetItem] = []
    draft_mark = tr("draft")
    for part in document.parts:
        item = QTreeWidgetItem([_title(part.label, part.title), draft_mark if _part_draft(part) else ""])
        section: Heading | None = None
        section_blocks: list[Any] = []
        children: list[tuple[Heading, list[Any]]] = []
        for block in part.blocks:
            if isinstance(block, Heading):
                section = block
                section_blocks = []
                children.append((section, section_blocks))
            elif section is not None:
                section_blocks.append(block)
        for heading, blocks in children:
            child = QTreeWidgetItem(
                [_title(heading.label, heading.title), draft_mark if _is_draft(tuple(blocks)) else ""]
            )
            item.addChild(child)
        items.append(item)
    return items


def _part_draft(part: Part) -> bool:
    return _is_draft(part.blocks)


def _title(label: str, title: str) -> str:
    return f"{label} {title}".strip()


class DossierDialog(ExportDialog):
    action = CustodyAction.DOSSIER_EXPORT.value

    def __init__(self, runner: TaskRunner, case: CaseGetter, parent: QWidget | None = None) -> None:
        super().__init__(runner, case, parent)
        self.setObjectName("dossierDialog")
        self.setWindowTitle(tr("Export the dossier"))
        self.outline_handle: TaskHandle | None = None
        options, form = self.options_form()
        self.version = choice(
            options,
            "dossierVersion",
            (
                (tr("Full (confidential) and public redacted versions"), False),
                (tr("Public redacted version only"), True),
            ),
        )
        form.addRow(tr("Versions"), self.version)
        self.language = language_choice(options, "dossierLanguage")
        self.language.currentIndexChanged.connect(lambda _index: self.load_outline())
        form.addRow(tr("Language"), self.language)
        formats, row = row_box(options)
        self.pdf = QCheckBox(tr("PDF"), formats)
        self.pdf.setObjectName("formatPdf")
        self.docx = QCheckBox(tr("DOCX (Word)"), formats)
        self.docx.setObjectName("formatDocx")
        for box in (self.pdf, self.docx):
            box.setChecked(True)
            row.addWidget(box)
        row.addStretch(1)
        form.addRow(tr("Formats"), formats)
        self.key_annex = QCheckBox(tr("Add the confidential key annex"), options)
        self.key_annex.setObjectName("keyAnnex")
        form.addRow("", self.key_annex)
        self.annex_warning = QLabel(
            tr(
                "The key annex holds the real names behind the pseudonyms of every protected person. Each name "
                "it reveals is recorded in the custody log. Keep it apart from the public version and never "
                "send it with it."
            ),
            options,
        )
        self.annex_warning.setObjectName("annexWarning")
        self.annex_warning.setWordWrap(True)
        self.annex_warning.setStyleSheet("color: #8a4b00")
        form.addRow("", self.annex_warning)
        self.form.addWidget(self._section_lists(), 1)
        self.resize(900, 760)

    def _section_lists(self) -> QWidget:
        """The sections to include, and beside them the preview of the public version's outline."""
        lists = QWidget(self)
        columns = QHBoxLayout(lists)
        columns.setContentsMargins(0, 0, 0, 0)
        chosen = QVBoxLayout()
        chosen.addWidget(QLabel(tr("Sections to include"), lists))
        self.sections = SectionList(lists)
        self.sections.itemChanged.connect(lambda _item: self.load_outline())
        chosen.addWidget(self.sections, 1)
        columns.addLayout(chosen, 2)
        preview = QVBoxLayout()
        self.outline_label = QLabel(
            tr("Sections of the public version (drafts generated by caseapp are marked)"), lists
        )
        self.outline_label.setWordWrap(True)
        preview.addWidget(self.outline_label)
        self.outline = QTreeWidget(lists)
        self.outline.setObjectName("dossierOutline")
        self.outline.setHeaderLabels([tr("Section"), tr("Status")])
        self.outline.setAccessibleName(tr("Sections of the public version"))
        self.outline.setColumnWidth(0, 380)
        self.outline.setMinimumHeight(260)
        preview.addWidget(self.outline, 1)
        columns.addLayout(preview, 3)
        return lists

    def load_outline(self) -> TaskHandle | None:
        """Build the public version in the background and list its parts and headings."""
        case = self.case()
        if case is None:
            return None
        from caseapp.app.dossier_export import public_outline

        language = Language(self.language.currentData())
        omit = self.sections.omitted()
        self.outline.clear()
        self.outline.addTopLevelItem(QTreeWidgetItem([tr("Reading the case…"), ""]))
        handle = self.runner.long(
            lambda task: public_outline(case, language, omit=omit, task=task), name="dossier outline"
        )
        handle.succeeded.connect(lambda document: self._show_outline(handle, document))
        handle.failed.connect(lambda error: self._outline_failed(handle, error))
        self.outline_handle = handle
        return handle

    def _show_outline(self, handle: TaskHandle, document: Document) -> None:
        if handle is not self.outline_handle:  # the language or the sections changed meanwhile
            return
        self.outline.clear()
        self.outline.addTopLevelItems(outline_items(document))
        self.outline.expandAll()

    def _outline_failed(self, handle: TaskHandle, error: BaseException) -> None:
        if handle is not self.outline_handle:
            return
        self.outline.clear()
        self.outline.addTopLevelItem(QTreeWidgetItem([message_for(error), ""]))

    def job(self, case: OpenCase, folder: Path) -> Callable[[Task], OpResult[ExportedDossier]]:
        from caseapp.app.dossier_export import export_dossier
        from caseapp.core.services.dossier_export import DossierFormat, DossierRequest

        formats = tuple(
            f for f, box in ((DossierFormat.PDF, self.pdf), (DossierFormat.DOCX, self.docx)) if box.isChecked()
        )
        request = DossierRequest(
            formats=formats,
            language=Language(self.language.currentData()),
            public_only=bool(self.version.currentData()),
            key_annex=self.key_annex.isChecked(),
            omit=self.sections.omitted(),
        )
        return lambda task: export_dossier(case, request, folder, task=task)

    def exported_folder(self, result: OpResult[ExportedDossier]) -> Path:
        return Path(result.value.folder)

    def report(self, entry: CustodyEntry) -> str:
        lines = [self.entry_heading(entry)]
        for item in entry.details.get("files", []):
            lines.append(f"  {item.get('name', '')}")
            lines.append(f"    SHA-256 {item.get('sha256', '')}")
        revealed = entry.details.get("key_annex") or []
        if revealed:
            lines.append(tr("Identities revealed in the key annex: {refs}").format(refs=", ".join(revealed)))
        return "\n".join(lines)
