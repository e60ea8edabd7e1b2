"""What the author gives the dossier (File > Dossier texts…): the cover's facts, the sender block,
the jurisdiction facts (ISO 3166 codes) and the narrative sections, each written or left to the
generated draft. Every change goes through the dossier service (which validates it and records it
in custody); its undo goes on the window's undo stack like every other edit, and the service's
messages are shown as they are written. Arabic paragraphs run right to left, each on its own."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTabWidget,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from caseapp.core.changes import Changes
from caseapp.core.dossier.inputs import DossierInputs, SectionKey
from caseapp.core.operations import OpResult
from caseapp.gui.errors import message_for
from caseapp.gui.i18n import QT_TRANSLATE_NOOP
from caseapp.gui.tasks import TaskHandle, TaskRunner

if TYPE_CHECKING:
    from caseapp.core.services import RecordService

PushUndo = Callable[[OpResult[Any]], None]


def tr(text: str) -> str:
    return QCoreApplication.translate("DossierInputsView", text)


def mark(text: str) -> str:
    """Mark a label of the tables below (translated where it is shown)."""
    return QT_TRANSLATE_NOOP("DossierInputsView", text)


SECTION_NAMES: dict[SectionKey, str] = {
    SectionKey.INTRODUCTION: mark("Introduction"),
    SectionKey.EXECUTIVE_SUMMARY: mark("Executive summary"),
    SectionKey.FACTUAL_BACKGROUND: mark("Factual background"),
    SectionKey.JURISDICTION: mark("Jurisdiction"),
    SectionKey.CONTEXTUAL_ELEMENTS: mark("Contextual elements"),
    SectionKey.PERPETRATORS: mark("Alleged perpetrators"),
    SectionKey.COMPLEMENTARITY: mark("Complementarity"),
    SectionKey.GRAVITY: mark("Gravity"),
    SectionKey.INTERESTS_OF_JUSTICE: mark("Interests of justice"),
    SectionKey.METHODOLOGY: mark("Protection of witnesses and methodology"),
    SectionKey.CONCLUSION: mark("Conclusion and request"),
}

# name, label, widget ("line", "lines", "codes", "flag"): every field of DossierInputs shown here.
FIELDS: tuple[tuple[str, str, str], ...] = (
    ("situation", mark("Situation"), "line"),
    ("situation_number", mark("Situation number (only if the Office gave one)"), "line"),
    ("title", mark("Title"), "line"),
    ("short_title", mark("Short title (page headers)"), "line"),
    ("sender", mark("Sender (one line each)"), "lines"),
    ("secure_contact", mark("Secure contact"), "line"),
    ("undertaking", mark("Undertake to provide further information"), "flag"),
    ("territory", mark("Territory (ISO code, e.g. SY)"), "line"),
    ("element_territories", mark("Other territories of an element (ISO codes)"), "codes"),
    ("nationalities", mark("Nationalities of the suspects (ISO codes)"), "codes"),
    ("victim_state", mark("Victim State, for aggression (ISO code)"), "line"),
)


def shown_value(inputs: DossierInputs, name: str, widget: str) -> str | bool:
    value = getattr(inputs, name)
    if widget == "flag":
        return bool(value)
    if widget == "lines":
        return "\n".join(value)
    if widget == "codes":
        return ", ".join(value)
    return "" if value is None else str(value)


def typed_value(text: str | bool, widget: str) -> Any:
    """The form's value as the service takes it (it validates and normalises)."""
    if widget == "codes" and isinstance(text, str):
        return [code.strip() for code in text.replace(";", ",").split(",") if code.strip()]
    if widget == "lines" and isinstance(text, str):
        return text.split("\n")
    return text


def plain_editor(parent: QWidget) -> QTextEdit:
    """A plain-text editor whose paragraphs each take their direction (and alignment) from their
    own first letters: Arabic right to left, English or French left to right, whatever the
    interface's direction. (QPlainTextEdit lays every paragraph out in one direction.)"""
    editor = QTextEdit(parent)
    editor.setAcceptRichText(False)
    paragraph_directions(editor)
    return editor


def paragraph_directions(editor: QTextEdit) -> None:
    option = editor.document().defaultTextOption()
    option.setTextDirection(Qt.LayoutDirection.LayoutDirectionAuto)
    editor.document().setDefaultTextOption(option)


class DossierInputsView(QDialog):
    def __init__(
        self,
        runner: TaskRunner,
        records: Callable[[], RecordService],
        push_undo: PushUndo,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("dossierInputs")
        self.setWindowTitle(tr("Dossier texts"))
        self.runner, self.records, self.push_undo = runner, records, push_undo
        self.inputs = DossierInputs()
        self.shown: dict[str, str | bool] = {}
        self.fields: dict[str, QLineEdit | QTextEdit | QCheckBox] = {}
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._cover_tab(), tr("Cover and jurisdiction"))
        self.tabs.addTab(self._sections_tab(), tr("Narrative sections"))
        self.error = QLabel(self)
        self.error.setObjectName("dossierInputsError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        runner.changed.connect(self._changed)
        self.resize(720, 640)

    # -- building
    def _cover_tab(self) -> QWidget:
        page = QWidget(self)
        form = QFormLayout(page)
        for name, field_label, widget in FIELDS:
            field: QLineEdit | QTextEdit | QCheckBox
            if widget == "flag":
                field = QCheckBox(tr(field_label), page)
            elif widget == "lines":
                field = plain_editor(page)
                field.setMaximumHeight(80)
            else:
                field = QLineEdit(page)
            field.setObjectName(name)
            field.setAccessibleName(tr(field_label))
            self.fields[name] = field
            form.addRow("" if widget == "flag" else tr(field_label), field)
        self.reason = QLineEdit(page)
        self.reason.setObjectName("dossierReason")
        self.reason.setPlaceholderText(tr("Optional; kept in the custody log"))
        form.addRow(tr("Reason for the change"), self.reason)
        self.save_fields_button = QPushButton(tr("Save these facts"), page)
        self.save_fields_button.setObjectName("saveDossierFields")
        self.save_fields_button.clicked.connect(self.save_fields)
        form.addRow("", self.save_fields_button)
        return page

    def _sections_tab(self) -> QWidget:
        page = QWidget(self)
        self.sections = QListWidget(page)
        self.sections.setObjectName("dossierSections")
        self.sections.setAccessibleName(tr("Narrative sections"))
        for key in SectionKey:
            item = QListWidgetItem(tr(SECTION_NAMES[key]))
            item.setData(Qt.ItemDataRole.UserRole, key.value)
            self.sections.addItem(item)
        self.sections.currentRowChanged.connect(lambda _row: self._show_section())
        self.editor = plain_editor(page)
        self.editor.setObjectName("sectionEditor")
        self.editor.setAccessibleName(tr("The section's text"))
        self.section_state = QLabel(page)
        self.section_state.setObjectName("sectionState")
        self.section_state.setWordWrap(True)
        self.save_section_button = QPushButton(tr("Save the section"), page)
        self.save_section_button.setObjectName("saveSection")
        self.save_section_button.clicked.connect(self.save_section)
        self.clear_section_button = QPushButton(tr("Use the generated draft"), page)
        self.clear_section_button.setObjectName("clearSection")
        self.clear_section_button.clicked.connect(self.clear_section)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_section_button)
        buttons.addWidget(self.clear_section_button)
        buttons.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(self.section_state)
        right.addWidget(self.editor, 1)
        right.addLayout(buttons)
        layout = QHBoxLayout(page)
        layout.addWidget(self.sections)
        layout.addLayout(right, 1)
        return page

    # -- reading
    def load(self) -> TaskHandle:
        records = self.records()
        handle = self.runner.read(records.dossier_inputs, name="dossier inputs")
        handle.succeeded.connect(self._loaded)
        handle.failed.connect(lambda error: self.error.setText(message_for(error)))
        return handle

    def _loaded(self, inputs: DossierInputs) -> None:
        self.inputs = inputs
        for name, _label, widget in FIELDS:
            value = shown_value(inputs, name, widget)
            self.shown[name] = value
            field = self.fields[name]
            if isinstance(field, QCheckBox):
                field.setChecked(bool(value))
            elif isinstance(field, QTextEdit):
                field.setPlainText(str(value))
            else:
                field.setText(str(value))
        for row in range(self.sections.count()):
            item = self.sections.item(row)
            key = SectionKey(item.data(Qt.ItemDataRole.UserRole))
            state = tr("written") if key in inputs.sections else tr("generated draft")
            item.setText(f"{tr(SECTION_NAMES[key])} — {state}")
        self.sections.setFixedWidth(self.sections.sizeHintForColumn(0) + 2 * self.sections.frameWidth() + 12)
        if self.sections.currentRow() < 0:
            self.sections.setCurrentRow(0)
        else:
            self._show_section()

    def current_key(self) -> SectionKey:
        item = self.sections.currentItem()
        return SectionKey(item.data(Qt.ItemDataRole.UserRole)) if item else SectionKey.INTRODUCTION

    def _show_section(self) -> None:
        key = self.current_key()
        written = self.inputs.sections.get(key)
        self.editor.setPlainText(written.text if written else "")
        if written is None:
            self.section_state.setText(
                tr("Not written: the dossier prints a draft generated by caseapp here, marked as a draft.")
            )
            self.editor.setPlaceholderText(tr("Write it to replace the draft; a blank line starts a paragraph."))
        else:
            self.section_state.setText(
                tr("Written by {author}, {when}.").format(
                    author=written.author, when=written.updated_at.strftime("%Y-%m-%d %H:%M")
                )
            )
        self.clear_section_button.setEnabled(written is not None)

    def _changed(self, changes: Changes) -> None:
        if changes.case and self.isVisible():
            self.load()

    # -- changing
    def form_values(self) -> dict[str, str | bool]:
        values: dict[str, str | bool] = {}
        for name, field in self.fields.items():
            if isinstance(field, QCheckBox):
                values[name] = field.isChecked()
            elif isinstance(field, QTextEdit):
                values[name] = field.toPlainText()
            else:
                values[name] = field.text()
        return values

    def save_fields(self) -> TaskHandle | None:
        widgets = {name: widget for name, _label, widget in FIELDS}
        changed = {
            name: typed_value(value, widgets[name])
            for name, value in self.form_values().items()
            if value != self.shown.get(name)
        }
        if not changed:
            self.error.setText(tr("Nothing was changed."))
            return None
        records, reason = self.records(), self.reason.text()
        return self._write(lambda: records.set_dossier_fields(reason=reason, **changed))

    def save_section(self) -> TaskHandle:
        records, key, text, reason = self.records(), self.current_key(), self.editor.toPlainText(), self.reason.text()
        return self._write(lambda: records.write_section(key, text, reason=reason))

    def clear_section(self) -> TaskHandle:
        records, key, reason = self.records(), self.current_key(), self.reason.text()
        return self._write(lambda: records.clear_section(key, reason=reason))

    def _write(self, work: Callable[[], OpResult[Any]]) -> TaskHandle:
        self.error.setText("")
        handle = self.runner.write(work, name="dossier inputs")
        handle.succeeded.connect(self._written)
        handle.failed.connect(lambda error: self.error.setText(message_for(error)))
        return handle

    def _written(self, result: OpResult[Any]) -> None:
        self.reason.clear()
        self.push_undo(result)
