"""Charges: the list (with each charge's warnings), and the form to add or edit one: the crime,
the suspects each with a mode of liability, the incidents it covers, its status and the legal
analysis. Each add or edit is one step on the undo stack."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QItemSelection, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from caseapp.core.analysis import Charge, ChargeStatus
from caseapp.core.entities import Incident, Person, PersonRole
from caseapp.core.legal.model import Catalogue
from caseapp.core.operations import OpResult
from caseapp.core.ports import RecordQuery
from caseapp.gui.errors import message_for, show_error
from caseapp.gui.i18n import QT_TRANSLATE_NOOP, enum_text
from caseapp.gui.legal_common import LegalContext, LegalTableModel, legal_text, ltr
from caseapp.gui.pages import make_table
from caseapp.gui.tasks import TaskHandle


def tr(text: str) -> str:
    return QCoreApplication.translate("ChargesView", text)


class ChargeModel(LegalTableModel):
    context_name = "ChargesView"
    columns = (
        (QT_TRANSLATE_NOOP("ChargesView", "Charge"), lambda c: c.ref),
        (QT_TRANSLATE_NOOP("ChargesView", "Crime"), lambda c: ltr(c.crime_id)),
        (
            QT_TRANSLATE_NOOP("ChargesView", "Suspects"),
            lambda c: ltr(", ".join(f"{s.person_ref} {s.mode_id}" for s in c.suspects)),
        ),
        (QT_TRANSLATE_NOOP("ChargesView", "Incidents"), lambda c: ", ".join(i.incident_ref for i in c.incidents)),
        (QT_TRANSLATE_NOOP("ChargesView", "Status"), lambda c: legal_text(c.status)),
        (QT_TRANSLATE_NOOP("ChargesView", "Warnings"), lambda c: f"⚠ {len(c.warnings)}" if c.warnings else ""),
    )


class ChargeDialog(QDialog):
    """Add a charge (``charge`` None) or edit one; ``outcome`` is the operation's result."""

    def __init__(
        self,
        context: LegalContext,
        catalogue: Catalogue,
        people: tuple[list[Person], list[Incident]],
        charge: Charge | None,
        parent: QWidget | None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("chargeDialog")
        self.setWindowTitle(tr("Edit {ref}").format(ref=charge.ref) if charge else tr("Add a charge"))
        self.context, self.charge = context, charge
        self.outcome: OpResult[Any] | None = None
        persons, incidents = people
        self.crime = QComboBox(self)
        self.crime.setObjectName("chargeCrime")
        self.crime.setEditable(True)
        self.crime.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for crime in catalogue:
            self.crime.addItem(f"{crime.id} — {crime.title.en}", crime.id)
        self.crime.setCurrentIndex(self.crime.findData(charge.crime_id) if charge else -1)
        self.suspects = self._suspects(catalogue, persons, charge)
        self.incidents = self._incidents(incidents, charge)
        self.status = QComboBox(self)
        self.status.setObjectName("chargeStatus")
        for value in ChargeStatus:
            self.status.addItem(legal_text(value), value)
        self.status.setCurrentIndex(self.status.findData(charge.status if charge else ChargeStatus.DRAFT))
        self.analysis = QPlainTextEdit(charge.analysis if charge else "", self)
        self.analysis.setObjectName("chargeAnalysis")
        self.analysis.setTabChangesFocus(True)
        self.reason = QLineEdit(self)
        self.reason.setObjectName("chargeReason")
        self.reason.setPlaceholderText(tr("Why is it changed? (kept in the custody log)"))
        self.error = QLabel(self)
        self.error.setObjectName("chargeError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #a40000")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        form = QFormLayout()
        form.addRow(tr("Crime"), self.crime)
        form.addRow(tr("Suspects"), self.suspects)
        form.addRow(tr("Incidents covered"), self.incidents)
        form.addRow(tr("Status"), self.status)
        form.addRow(tr("Legal analysis"), self.analysis)
        if charge is not None:
            form.addRow(tr("Reason for the change"), self.reason)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(640, 620)

    def _suspects(self, catalogue: Catalogue, persons: list[Person], charge: Charge | None) -> QTableWidget:
        """One row per person (suspects first): a check box and the mode of liability."""
        modes = [(m.id, m.label) for m in catalogue.modes_of_liability]
        chosen = {s.person_id: s.mode_id for s in charge.suspects} if charge else {}
        persons = sorted(persons, key=lambda p: (p.role is not PersonRole.SUSPECT, p.ref))
        table = QTableWidget(len(persons), 2, self)
        table.setObjectName("chargeSuspects")
        table.setHorizontalHeaderLabels([tr("Person"), tr("Mode of liability")])
        table.verticalHeader().setVisible(False)
        table.horizontalHeader().setStretchLastSection(True)
        for row, person in enumerate(persons):
            item = QTableWidgetItem(f"{person.ref} ({enum_text(person.role)})")
            item.setData(Qt.ItemDataRole.UserRole, person.id)
            item.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
            item.setCheckState(Qt.CheckState.Checked if person.id in chosen else Qt.CheckState.Unchecked)
            table.setItem(row, 0, item)
            mode = QComboBox(table)
            for key, label in modes:
                mode.addItem(f"{key} — {label}", key)
            mode.setCurrentIndex(max(0, mode.findData(chosen.get(person.id, "25(3)(a)-direct"))))
            table.setCellWidget(row, 1, mode)
        table.resizeColumnToContents(0)
        return table

    def _incidents(self, incidents: list[Incident], charge: Charge | None) -> QListWidget:
        covered = {i.incident_id for i in charge.incidents} if charge else set()
        listing = QListWidget(self)
        listing.setObjectName("chargeIncidents")
        for incident in incidents:
            entry = QListWidgetItem(f"{incident.ref} {incident.title}")
            entry.setData(Qt.ItemDataRole.UserRole, incident.id)
            entry.setCheckState(Qt.CheckState.Checked if incident.id in covered else Qt.CheckState.Unchecked)
            listing.addItem(entry)
        return listing

    def crime_text(self) -> str:
        index = self.crime.currentIndex()
        if index >= 0 and self.crime.currentText() == self.crime.itemText(index):
            return str(self.crime.itemData(index))
        return self.crime.currentText().split(" — ")[0]

    def values(self) -> dict[str, Any]:
        suspects = []
        for row in range(self.suspects.rowCount()):
            item = self.suspects.item(row, 0)
            if item is not None and item.checkState() == Qt.CheckState.Checked:
                mode = self.suspects.cellWidget(row, 1)
                assert isinstance(mode, QComboBox)
                suspects.append((item.data(Qt.ItemDataRole.UserRole), mode.currentData()))
        entries = [self.incidents.item(row) for row in range(self.incidents.count())]
        incidents = [
            entry.data(Qt.ItemDataRole.UserRole)
            for entry in entries
            if entry is not None and entry.checkState() == Qt.CheckState.Checked
        ]
        return {
            "crime_id": self.crime_text(),
            "suspects": suspects,
            "incidents": incidents,
            "status": self.status.currentData(),
            "analysis": self.analysis.toPlainText(),
        }

    def submit(self) -> TaskHandle | None:
        case = self.context.case()
        if case is None:
            return None
        records, values, charge, reason = case.records, self.values(), self.charge, self.reason.text()
        if charge is None:
            crime = values.pop("crime_id")
            handle = self.context.runner.write(lambda: records.add_charge(crime, **values), name="add charge")
        else:
            handle = self.context.runner.write(lambda: records.edit(charge.id, values, reason=reason), name="edit")
        self.save_button.setEnabled(False)
        handle.succeeded.connect(self._done)
        handle.failed.connect(self._failed)
        return handle

    def _done(self, result: OpResult[Any]) -> None:
        self.outcome = result
        self.context.push_undo(result)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.save_button.setEnabled(True)
        self.error.setText(message_for(error))


class ChargesView(QWidget):
    def __init__(self, context: LegalContext, catalogue: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chargesView")
        self.context = context
        self.catalogue = catalogue  # () -> Catalogue | None, loaded by the catalogue view
        self.model = ChargeModel(context.runner)
        self.table = make_table(self, "chargesTable")
        self.table.setModel(self.model)
        self.table.doubleClicked.connect(lambda _index: self.open_dialog(edit=True))
        self.table.selectionModel().selectionChanged.connect(self._selection)
        self.model.loaded.connect(self._loaded)
        self.add_button = QPushButton(tr("Add…"), self)
        self.add_button.setObjectName("chargeAdd")
        self.add_button.clicked.connect(lambda: self.open_dialog(edit=False))
        self.edit_button = QPushButton(tr("Edit…"), self)
        self.edit_button.setObjectName("chargeEdit")
        self.edit_button.clicked.connect(lambda: self.open_dialog(edit=True))
        self.warnings = QLabel(self)
        self.warnings.setObjectName("chargeWarnings")
        self.warnings.setWordWrap(True)
        self.warnings.setTextFormat(Qt.TextFormat.PlainText)
        self.dialog: ChargeDialog | None = None
        bar = QHBoxLayout()
        bar.addWidget(self.add_button)
        bar.addWidget(self.edit_button)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.warnings)

    def load(self) -> None:
        case = self.context.case()
        records = case.records if case is not None else None
        self.model.set_loader(records.charges if records is not None else None)

    def _loaded(self) -> None:
        if self.model.rowCount():
            self.table.resizeColumnsToContents()
        self._selection(QItemSelection(), QItemSelection())

    def current(self) -> Charge | None:
        rows = self.table.selectionModel().selectedRows()
        row = self.model.row_at(rows[0].row()) if rows else None
        return row if isinstance(row, Charge) else None

    def _selection(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        charge = self.current()
        self.edit_button.setEnabled(charge is not None)
        if charge is None:
            self.warnings.setText("")
        elif charge.warnings:
            self.warnings.setText("\n".join(f"⚠ {w}" for w in charge.warnings))
        else:
            self.warnings.setText(tr("{ref}: no warning.").format(ref=charge.ref))

    def open_dialog(self, *, edit: bool) -> TaskHandle | None:
        """Read the people and incidents on a worker, then open the form."""
        case, charge, catalogue = self.context.case(), self.current() if edit else None, self.catalogue()
        if case is None or catalogue is None or (edit and charge is None):
            return None
        records = case.records
        handle = self.context.runner.read(lambda: (records.persons(RecordQuery()), records.incidents(RecordQuery())))
        handle.succeeded.connect(lambda people: self._open(catalogue, people, charge))
        handle.failed.connect(lambda error: show_error(self, error))
        return handle

    def _open(self, catalogue: Catalogue, people: tuple[list[Person], list[Incident]], charge: Charge | None) -> None:
        self.dialog = ChargeDialog(self.context, catalogue, people, charge, self)
        self.dialog.open()
