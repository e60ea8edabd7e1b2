"""The detail panel: what is known about the selected record, as read-only rich text.

Every value is HTML-escaped (file names and metadata come from hostile files). Arabic text is
laid out right-to-left by Qt's text engine on its own, but it starts where the panel's lines start
(left in an English or French window): otherwise an Arabic place name or note is pushed to the far
side of its column, away from its label.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication, QTextCursor
from PySide6.QtWidgets import QTextBrowser, QWidget

from caseapp.core.entities import CustodyEntry, ExhibitDetail, Incident, Note, Person, Source, TimePrecision
from caseapp.gui.i18n import enum_text


def tr(text: str) -> str:
    return QCoreApplication.translate("DetailPanel", text)


def _e(value: Any) -> str:
    return html.escape("" if value is None else str(value))


def _table(rows: Iterable[tuple[str, Any]]) -> str:
    """Label and value side by side, centred on one line (an Arabic label's font sits higher when
    top-aligned). Qt lays a table's columns out left to right whatever the direction, so in a
    right-to-left window the value comes first: the label stands on the right, read first."""
    right_to_left = QGuiApplication.isRightToLeft()
    side = "right" if right_to_left else "left"  # the labels line up on the side lines start from
    cells = "".join(
        "<tr>"
        + (
            f"<td valign='middle'>{_e(v)}</td><th align='{side}' valign='middle'>{_e(k)}</th>"
            if right_to_left
            else f"<th align='{side}' valign='middle'>{_e(k)}</th><td valign='middle'>{_e(v)}</td>"
        )
        + "</tr>"
        for k, v in rows
        if v not in (None, "")
    )
    return f"<table cellspacing='4'>{cells}</table>"


def _derivative_label(kind: str) -> str:
    labels = {"thumbnail": tr("thumbnail SHA-256"), "text": tr("extracted text SHA-256")}
    return labels.get(kind, f"{kind} SHA-256")


def _section(title: str, body: str) -> str:
    return f"<h3>{_e(title)}</h3>{body}" if body else ""


def _items(lines: Iterable[str]) -> str:
    shown = [f"<li>{_e(line)}</li>" for line in lines]
    return f"<ul>{''.join(shown)}</ul>" if shown else ""


def exhibit_html(detail: ExhibitDetail) -> str:
    ex = detail.exhibit
    head = f"<h2>{_e(ex.ref)} — {_e(ex.title)}</h2>"
    facts = _table(
        [
            (tr("Kind"), enum_text(ex.kind)),
            (tr("Sensitivity"), enum_text(ex.sensitivity)),
            (tr("Source"), ex.source_ref),
            (tr("Original name"), ex.original_name),
            (tr("Type"), ex.mime),
            (tr("Size"), tr("{n} bytes").format(n=f"{ex.size:,}") if ex.size is not None else None),
            (tr("Captured"), ex.captured),
            (tr("Place"), f"{ex.latitude:.5f}, {ex.longitude:.5f}" if ex.latitude is not None else None),
            (tr("Tags"), ", ".join(ex.tags)),
            (tr("Deleted"), f"{ex.deleted.reason} ({ex.deleted.by})" if ex.deleted else None),
            (tr("Description"), ex.description),
        ]
    )
    hashes = _table([("SHA-256", ex.sha256)] + [(_derivative_label(d.kind), d.sha256) for d in detail.derivatives])
    acquisitions = _items(
        f"{a.seen_at:%Y-%m-%d %H:%M} · {a.actor} · {a.original_path}" + (f" · {a.note}" if a.note else "")
        for a in detail.acquisitions
    )
    links = _items(
        f"{link.ref}: {enum_text(link.stance)} {link.target_ref} — {link.reasoning}" for link in detail.links
    )
    notes = _items(f"{note.ref} ({note.author}): {note.text}" for note in detail.notes)
    metadata = _table(sorted((str(k), v) for k, v in detail.metadata.items() if not isinstance(v, dict | list)))
    return "".join(
        [
            head,
            facts,
            _section(tr("Hashes"), hashes),
            _section(tr("Import warnings"), _items(ex.warnings)),
            _section(tr("Acquisitions"), acquisitions),
            _section(tr("Links"), links),
            _section(tr("Notes"), notes),
            _section(tr("Metadata"), metadata),
        ]
    )


def when_text(incident: Incident) -> tuple[str, str]:
    """An incident's start and end as precise as they are known (a day as a date, not 00:00:00)."""
    formats = {
        TimePrecision.YEAR: "%Y",
        TimePrecision.MONTH: "%Y-%m",
        TimePrecision.DAY: "%Y-%m-%d",
    }
    shape = formats.get(incident.time_precision, "%Y-%m-%d %H:%M %z")
    start = incident.time_start.strftime(shape) if incident.time_start else ""
    end = incident.time_end.strftime(shape) if incident.time_end else ""
    return start, "" if end == start else end


def _identity_rows(person: Person) -> list[tuple[str, Any]]:
    """Aliases, date of birth and contact: only in the result of a recorded reveal."""
    identity = person.identity
    if identity is None:
        return [(tr("Identity"), tr("(hidden: aliases, date of birth and contact show after Reveal identity)"))]
    none = tr("none recorded")
    return [
        (tr("Aliases"), ", ".join(identity.aliases) or none),
        (tr("Date of birth"), identity.born or none),
        (tr("Contact"), identity.contact or none),
    ]


def record_html(record: Person | Incident | Source | CustodyEntry, notes: Iterable[Note] = ()) -> str:
    if isinstance(record, Person):
        name = record.full_name if record.full_name is not None else tr("(hidden: use Reveal identity)")
        rows: list[tuple[str, Any]] = [
            (tr("Role"), enum_text(record.role)),
            (tr("Protection"), enum_text(record.protection)),
            (tr("Risk"), QCoreApplication.translate("RiskLevel", record.risk.value)),
            (tr("Name"), name),
            *_identity_rows(record),
            (tr("Description"), record.description),
        ]
        title = record.ref
    elif isinstance(record, Incident):
        rows = [
            (tr("When"), when_text(record)[0]),
            (tr("Until"), when_text(record)[1]),
            (tr("Precision"), enum_text(record.time_precision)),
            (tr("Place"), record.place_name),
            (tr("Coordinates"), f"{record.latitude}, {record.longitude}" if record.latitude is not None else None),
            (tr("Description"), record.description),
        ]
        title = f"{record.ref} — {record.title}"
    elif isinstance(record, Source):
        rows = [(tr("Grading"), record.grading), (tr("Description"), record.description)]
        title = f"{record.ref} — {record.name}"
    else:
        rows = [(tr("When (UTC)"), record.at), (tr("Who"), record.actor), (tr("Action"), record.action)]
        rows += [(str(k), v) for k, v in sorted(record.details.items())]
        rows += [(tr("Entry hash"), record.hash)]
        title = f"#{record.seq} {record.target}"
    if not isinstance(record, CustodyEntry):
        rows.append((tr("Tags"), ", ".join(record.tags)))
        if record.deleted:
            rows.append((tr("Deleted"), f"{record.deleted.reason} ({record.deleted.by})"))
    shown_notes = _items(f"{note.ref} ({note.author}): {note.text}" for note in notes)
    return f"<h2>{_e(title)}</h2>{_table(rows)}{_section(tr('Notes'), shown_notes)}"


class DetailPanel(QTextBrowser):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("detailPanel")
        self.setOpenLinks(False)
        self.setAccessibleName(tr("Details"))
        self.setPlaceholderText(tr("Choose an exhibit or a record to see its details here."))
        self.document().setUndoRedoEnabled(False)

    def show_html(self, text: str) -> None:
        self.setHtml(text)
        self._start_on_panel_side()

    def _start_on_panel_side(self) -> None:
        """Pin each left- or right-aligned paragraph to the panel's own sides, whichever way its text runs.

        Qt reads "left" as "where this paragraph's text starts", so a right-to-left paragraph (an Arabic
        place name in a table cell, a note) would go to the far side of an English panel.
        """
        start, end = Qt.AlignmentFlag.AlignLeft, Qt.AlignmentFlag.AlignRight
        if self.isRightToLeft():
            start, end = end, start
        sides = {Qt.AlignmentFlag.AlignLeft: start, Qt.AlignmentFlag.AlignRight: end}
        block = self.document().begin()
        while block.isValid():
            shape = block.blockFormat()
            align = shape.alignment()
            horizontal = Qt.AlignmentFlag(align & Qt.AlignmentFlag.AlignHorizontal_Mask)
            if not align & Qt.AlignmentFlag.AlignAbsolute and horizontal in sides:
                shape.setAlignment(sides[horizontal] | Qt.AlignmentFlag.AlignAbsolute)
                QTextCursor(block).setBlockFormat(shape)
            block = block.next()

    def clear_all(self) -> None:
        self.clear()
        self.document().clearUndoRedoStacks()
