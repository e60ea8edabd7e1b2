"""Add and edit people, incidents and sources. The services validate; their messages are shown
under the form as they are written (what is wrong, what to do). An edit asks for its reason,
which goes into the custody log."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from caseapp.core.entities import (
    Exhibit,
    Incident,
    InformationCredibility,
    Person,
    PersonRole,
    ProtectionLevel,
    Sensitivity,
    Source,
    SourceReliability,
)
from caseapp.core.errors import ValidationError
from caseapp.core.operations import OpResult
from caseapp.core.refs import RefKind
from caseapp.core.services import RecordService
from caseapp.gui.i18n import QT_TRANSLATE_NOOP, enum_text
from caseapp.gui.tasks import TaskRunner
from caseapp.gui.write_form import WriteForm

Editable = Person | Incident | Source | Exhibit


def tr(text: str) -> str:
    return QCoreApplication.translate("RecordDialog", text)


def label(text: str) -> str:
    """Mark a field label or record noun (translated when the dialog is built)."""
    return QT_TRANSLATE_NOOP("RecordDialog", text)


@dataclass(frozen=True)
class Field:
    name: str
    label: str
    widget: str = "line"  # line | text | choice
    choices: tuple[str, ...] = ()
    current: Callable[[Any], str] = lambda _record: ""
    shown: Callable[[str], str] = str  # how a choice is shown (its value is what is stored)


FIELDS: dict[RefKind, tuple[Field, ...]] = {
    RefKind.PERSON: (
        Field(
            "role",
            label("Role"),
            "choice",
            tuple(r.value for r in PersonRole),
            lambda p: p.role.value,
            shown=lambda value: enum_text(PersonRole(value)),
        ),
        Field(
            "protection",
            label("Protection"),
            "choice",
            ("", *(p.value for p in ProtectionLevel)),
            lambda p: p.protection.value,
            shown=lambda value: enum_text(ProtectionLevel(value)),
        ),
        Field("full_name", label("Real name"), current=lambda p: p.full_name or ""),
        Field("description", label("Description"), "text", current=lambda p: p.description),
    ),
    RefKind.INCIDENT: (
        Field("title", label("Title"), current=lambda i: i.title),
        Field("when", label("When"), current=lambda i: i.time_start.isoformat() if i.time_start else ""),
        Field("until", label("Until"), current=lambda i: i.time_end.isoformat() if i.time_end else ""),
        Field("place_name", label("Place"), current=lambda i: i.place_name),
        Field("latitude", label("Latitude"), current=lambda i: "" if i.latitude is None else str(i.latitude)),
        Field("longitude", label("Longitude"), current=lambda i: "" if i.longitude is None else str(i.longitude)),
        Field("country", label("Country (code, e.g. SY)"), current=lambda i: i.country or ""),
        Field("description", label("Description"), "text", current=lambda i: i.description),
    ),
    RefKind.SOURCE: (
        Field("name", label("Name"), current=lambda s: s.name),
        Field(
            "reliability",
            label("Reliability (A-F)"),
            "choice",
            tuple(r.value for r in SourceReliability),
            lambda s: s.reliability.value,
        ),
        Field(
            "credibility",
            label("Credibility (1-6)"),
            "choice",
            tuple(c.value for c in InformationCredibility),
            lambda s: s.credibility.value,
        ),
        Field("description", label("Description"), "text", current=lambda s: s.description),
    ),
    RefKind.EXHIBIT: (  # edited only: exhibits come in by import
        Field("title", label("Title"), current=lambda e: e.title),
        Field("description", label("Description"), "text", current=lambda e: e.description),
        Field(
            "sensitivity",
            label("Sensitivity"),
            "choice",
            tuple(s.value for s in Sensitivity),
            lambda e: e.sensitivity.value,
            shown=lambda value: enum_text(Sensitivity(value)),
        ),
        Field("source", label("Source (its ref, e.g. SRC-1)"), current=lambda e: e.source_ref or ""),
    ),
}
ADD_TITLES = {  # whole sentences: the noun's gender changes the article in French and Arabic
    RefKind.PERSON: label("Add a person"),
    RefKind.INCIDENT: label("Add an incident"),
    RefKind.SOURCE: label("Add a source"),
}


def _number(field: str, text: str) -> float | None:
    if not text.strip():
        return None
    try:
        return float(text)
    except ValueError:
        raise ValidationError(f"{field} {text!r} is not a number") from None


def add_operation(records: RecordService, kind: RefKind, values: dict[str, str]) -> Callable[[], OpResult[Any]]:
    """The service call that adds a record of ``kind`` from the form's texts."""
    if kind is RefKind.PERSON:
        protection = ProtectionLevel(values["protection"]) if values["protection"] else None
        return lambda: records.add_person(
            role=PersonRole(values["role"]),
            full_name=values["full_name"],
            description=values["description"],
            protection=protection,
        )
    if kind is RefKind.INCIDENT:
        return lambda: records.add_incident(
            title=values["title"],
            description=values["description"],
            when=values["when"] or None,
            until=values["until"] or None,
            place_name=values["place_name"],
            latitude=_number("latitude", values["latitude"]),
            longitude=_number("longitude", values["longitude"]),
            country=values["country"] or None,
        )
    return lambda: records.add_source(
        name=values["name"],
        reliability=SourceReliability(values["reliability"]),
        credibility=InformationCredibility(values["credibility"]),
        description=values["description"],
    )


class RecordDialog(WriteForm):
    """Add (``record`` None) or edit one record; on success ``outcome`` holds the operation's OpResult."""

    def __init__(
        self,
        kind: RefKind,
        runner: TaskRunner,
        records: RecordService,
        parent: QWidget | None = None,
        record: Editable | None = None,
    ) -> None:
        super().__init__(runner, parent)
        self.kind, self.records, self.record = kind, records, record
        self.setObjectName("recordDialog")
        if record is None and kind not in ADD_TITLES:
            raise ValueError(f"a {kind.value} is not added through this dialog")
        self.setWindowTitle(tr(ADD_TITLES[kind]) if record is None else tr("Edit {ref}").format(ref=record.ref))
        self.inputs: dict[str, QLineEdit | QPlainTextEdit | QComboBox] = {}
        self.initial: dict[str, str] = {}
        form = QFormLayout()
        for field in FIELDS[kind]:
            widget: QLineEdit | QPlainTextEdit | QComboBox
            value = field.current(record) if record is not None else ""
            if field.widget == "choice":
                widget = QComboBox(self)
                for choice in field.choices:
                    widget.addItem(field.shown(choice) if choice else tr("(default for the role)"), choice)
                widget.setCurrentIndex(max(0, widget.findData(value)))
                value = str(widget.currentData())
            elif field.widget == "text":
                widget = QPlainTextEdit(value, self)
                widget.setMaximumHeight(90)
            else:
                widget = QLineEdit(value, self)
            widget.setObjectName(field.name)
            widget.setAccessibleName(tr(field.label))
            self.inputs[field.name] = widget
            self.initial[field.name] = value
            form.addRow(tr(field.label), widget)
        self.reason = QLineEdit(self)
        self.reason.setObjectName("reason")
        self.reason.setAccessibleName(tr("Reason for the change"))
        if record is not None:
            form.addRow(tr("Reason for the change"), self.reason)
        else:  # a new record has no reason to give (and the field is in no layout)
            self.reason.hide()
        self.lay_out(form)
        self.resize(480, self.sizeHint().height())

    def texts(self) -> dict[str, str]:
        values: dict[str, str] = {}
        for name, widget in self.inputs.items():
            if isinstance(widget, QComboBox):
                values[name] = str(widget.currentData())
            elif isinstance(widget, QPlainTextEdit):
                values[name] = widget.toPlainText()
            else:
                values[name] = widget.text()
        return values

    def submit(self) -> None:
        values = self.texts()
        records, kind = self.records, self.kind
        if self.record is None:
            work = add_operation(records, kind, values)
        else:
            changed = {k: v for k, v in values.items() if v != self.initial[k]}
            if kind is RefKind.INCIDENT:
                for name in ("latitude", "longitude"):
                    if name in changed:
                        changed[name] = _number(name, changed[name])  # type: ignore[assignment]
            record_id, reason = self.record.id, self.reason.text()
            if not changed:
                self.error.setText(tr("Nothing was changed."))
                return
            work = lambda: records.edit(record_id, changed, reason=reason)  # noqa: E731
        self.write(work, f"{kind.value} dialog")
