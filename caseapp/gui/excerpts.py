"""Excerpts in the desktop application: a region drawn on a picture or a PDF page, a time range of
audio or video, or words selected in the extracted text, each becoming the core's
:class:`~caseapp.core.analysis.Excerpt` that a link to an element points at.

- :class:`RegionLabel` shows the picture and lets the mouse draw a rectangle on it; the rectangle is
  kept in the picture's own pixels, so it stays on the same spot whatever the zoom.
- :class:`ExcerptBar` holds the region as numbers (in the original's pixels, or in points for a PDF
  page: the units of ``caseapp exhibit redact --region``), so it can be typed and read by keyboard
  and screen reader, or the start and end of a passage of audio or video; its button (and its drag
  handle, onto the catalogue tree) link the excerpt.
- :func:`text_offset` turns a position in Qt's text document (UTF-16 units, a CR LF as one break)
  into an index of the stored text, so a character range is the stored text's own.
"""

from __future__ import annotations

import json
import math
import uuid
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QMimeData, QPoint, QPointF, QRectF, QSizeF, Qt, Signal
from PySide6.QtGui import QColor, QDrag, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from caseapp.core.analysis import ElementLink, Excerpt, clock
from caseapp.gui.models.exhibits import EXHIBITS_MIME

EXCERPT_MIME = "application/x-caseapp-excerpt"  # with EXHIBITS_MIME (the one exhibit): the excerpt as JSON
REGION_MAX = 1_000_000  # the largest coordinate the region fields take


def tr(text: str) -> str:
    return QCoreApplication.translate("Excerpts", text)


def excerpt_text(excerpt: Excerpt) -> str:
    """What an excerpt points at, in the interface's language (as ``Excerpt.describe`` says it)."""
    parts = []
    if excerpt.page is not None:
        parts.append(tr("page {n}").format(n=excerpt.page))
    if excerpt.region is not None:
        x, y, width, height = excerpt.region
        parts.append(tr("region {x},{y},{width},{height}").format(x=x, y=y, width=width, height=height))
    if excerpt.start_ms is not None:
        end = excerpt.end_ms if excerpt.end_ms is not None else excerpt.start_ms
        parts.append(tr("from {start} to {end}").format(start=clock(excerpt.start_ms), end=clock(end)))
    if excerpt.char_start is not None:
        parts.append(tr("characters {start}-{end}").format(start=excerpt.char_start, end=excerpt.char_end))
    return tr(", ").join(parts)  # Arabic joins with its own comma


def exhibit_and_excerpt(link: ElementLink) -> str:
    """``EX-3`` for a link to the whole exhibit, ``EX-3 (page 2, region 10,20,200,100)`` for an excerpt."""
    return f"{link.exhibit_ref} ({excerpt_text(link.excerpt)})" if link.excerpt else link.exhibit_ref


def text_offset(text: str, position: int) -> int:
    """The index into ``text`` of ``position`` in a QTextDocument made from it by ``setPlainText``:
    Qt counts UTF-16 units (a character beyond U+FFFF is two) and turns a CR LF pair into one
    paragraph break."""
    if position <= 0:
        return 0
    if "\r" not in text and (not text or max(text) <= "\uffff"):
        return min(position, len(text))
    units = index = 0
    while index < len(text) and units < position:
        if text[index] == "\r" and text[index + 1 : index + 2] == "\n":
            index += 2
            units += 1
            continue
        units += 2 if ord(text[index]) > 0xFFFF else 1
        index += 1
    return index


def excerpt_mime(key: uuid.UUID, ref: str, excerpt: Excerpt) -> QMimeData:
    """What a drag of an excerpt carries: its exhibit (id and ref, as a drag of rows) and the
    excerpt's JSON (never the quoted words' exhibit title)."""
    mime = QMimeData()
    mime.setData(EXHIBITS_MIME, json.dumps([{"id": str(key), "ref": ref}]).encode("utf-8"))
    mime.setData(EXCERPT_MIME, excerpt.to_json().encode("utf-8"))
    return mime


def excerpt_in_mime(mime: QMimeData) -> Excerpt | None:
    """The excerpt a drag carries; None for a drag of whole exhibits or a malformed one."""
    if not mime.hasFormat(EXCERPT_MIME):
        return None
    try:
        return Excerpt.from_json(bytes(mime.data(EXCERPT_MIME).data()).decode("utf-8"))
    except (ValueError, TypeError, KeyError, IndexError, AttributeError):
        return None


class RegionLabel(QLabel):
    """The picture shown at ``scale``; a drag with the left button draws ``region`` (in the
    picture's pixels, inside ``limit``)."""

    drawn = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("previewPicture")
        self.scale = 1.0
        self.limit = QSizeF()
        self.region: QRectF | None = None
        self._anchor: QPointF | None = None
        self.setCursor(Qt.CursorShape.CrossCursor)

    def _point(self, event: QMouseEvent) -> QPointF:
        where = event.position() / max(self.scale, 1e-9)
        return QPointF(min(max(where.x(), 0.0), self.limit.width()), min(max(where.y(), 0.0), self.limit.height()))

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton or self.limit.isEmpty():
            super().mousePressEvent(event)
            return
        self._anchor = self._point(event)
        self.region = QRectF(self._anchor, self._anchor)
        self.update()
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._anchor is None:
            super().mouseMoveEvent(event)
            return
        self.region = QRectF(self._anchor, self._point(event)).normalized()
        self.update()
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._anchor is None or event.button() != Qt.MouseButton.LeftButton:
            super().mouseReleaseEvent(event)
            return
        self.region = QRectF(self._anchor, self._point(event)).normalized()
        self._anchor = None
        if self.region.width() < 1 or self.region.height() < 1:
            self.region = None  # a click, not a drag
        self.update()
        self.drawn.emit()
        event.accept()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self.region is None or self.pixmap().isNull():
            return
        shown = QRectF(
            self.region.x() * self.scale,
            self.region.y() * self.scale,
            self.region.width() * self.scale,
            self.region.height() * self.scale,
        )
        painter = QPainter(self)
        painter.fillRect(shown, QColor(255, 200, 0, 60))
        painter.setPen(QPen(QColor(0, 0, 0), 3))
        painter.drawRect(shown)
        dashes = QPen(QColor(255, 200, 0), 1.5, Qt.PenStyle.DashLine)
        painter.setPen(dashes)
        painter.drawRect(shown)
        painter.end()


class DragHandle(QLabel):
    """Dragged onto an element of the catalogue tree, carries what ``payload`` gives (or nothing)."""

    def __init__(self, text: str, payload: Callable[[], QMimeData | None], parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.payload = payload
        self._pressed: QPointF | None = None
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        self.setFrameShape(QLabel.Shape.StyledPanel)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._pressed = event.position() if event.button() == Qt.MouseButton.LeftButton else None

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._pressed is None:
            return
        if (event.position() - self._pressed).manhattanLength() < QApplication.startDragDistance():
            return
        self._pressed = None
        mime = self.payload()
        if mime is not None:
            drag = QDrag(self)
            drag.setMimeData(mime)
            drag.exec(Qt.DropAction.CopyAction)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._pressed = None


class ExcerptBar(QWidget):
    """Under the preview: the region as numbers (or the start and end of a passage of audio or
    video), and the way to link that excerpt to an element."""

    region_edited = Signal()  # the numbers were typed: the drawn rectangle follows
    link_requested = Signal()

    def __init__(self, payload: Callable[[], QMimeData | None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("excerptBar")
        self.region_label = QLabel(self)
        self.spins: list[QSpinBox] = []
        self.clear_button = QPushButton(tr("Clear the region"), self)
        self.clear_button.setObjectName("excerptClear")
        self.clear_button.clicked.connect(lambda _checked=False: self.set_region(None, edited=True))
        self.region_row = self._region_row()
        self.start = QLineEdit(self)
        self.start.setObjectName("excerptStart")
        self.end = QLineEdit(self)
        self.end.setObjectName("excerptEnd")
        self.time_row = self._time_row()
        self.link_button = QPushButton(tr("Link excerpt to element…"), self)
        self.link_button.setObjectName("excerptLink")
        self.link_button.clicked.connect(lambda _checked=False: self.link_requested.emit())
        self.handle = DragHandle(tr("⠿ Drag onto an element"), payload, self)
        self.handle.setObjectName("excerptHandle")
        self.handle.setToolTip(tr("Drag the excerpt onto an element of the legal catalogue to link it"))
        actions = QHBoxLayout()
        actions.setContentsMargins(0, 0, 0, 0)
        actions.addWidget(self.link_button)
        actions.addWidget(self.handle)
        actions.addStretch(1)
        rows = QVBoxLayout(self)
        rows.setContentsMargins(0, 0, 0, 0)
        rows.addWidget(self.region_row)
        rows.addWidget(self.time_row)
        rows.addLayout(actions)
        self.mode = ""
        self.show_mode("")

    def _region_row(self) -> QWidget:
        row = QWidget(self)
        region = QHBoxLayout(row)
        region.setContentsMargins(0, 0, 0, 0)
        region.addWidget(self.region_label)
        for name, text in (("x", tr("x")), ("y", tr("y")), ("width", tr("width")), ("height", tr("height"))):
            spin = QSpinBox(self)
            spin.setObjectName(f"excerpt_{name}")
            spin.setRange(0, REGION_MAX)
            spin.setPrefix(f"{text} ")
            spin.setAccessibleName(tr("Region {part}").format(part=text))
            spin.valueChanged.connect(lambda _value: self.region_edited.emit())
            region.addWidget(spin)
            self.spins.append(spin)
        region.addWidget(self.clear_button)
        region.addStretch(1)
        return row

    def _time_row(self) -> QWidget:
        row = QWidget(self)
        times = QHBoxLayout(row)
        times.setContentsMargins(0, 0, 0, 0)
        for text, field in ((tr("Passage from"), self.start), (tr("to"), self.end)):
            label = QLabel(text, self)
            label.setBuddy(field)
            field.setPlaceholderText(tr("e.g. 0:42 or 1:02:03"))
            field.setAccessibleName(text)
            field.setMaximumWidth(140)
            field.returnPressed.connect(self.link_requested)
            times.addWidget(label)
            times.addWidget(field)
        times.addStretch(1)
        return row

    def show_mode(self, mode: str, *, units: str = "", bounds: tuple[int, int] = (0, 0)) -> None:
        """``region`` (a picture or page of ``bounds`` in ``units``), ``time`` (audio, video) or ``""``."""
        self.mode = mode
        self.region_row.setVisible(mode == "region")
        self.time_row.setVisible(mode == "time")
        self.setVisible(bool(mode))
        if mode == "region":
            self.region_label.setText(tr("Region ({units}):").format(units=units))
            for spin, bound in zip(self.spins, (*bounds, *bounds), strict=True):
                spin.blockSignals(True)
                spin.setMaximum(max(0, bound))
                spin.blockSignals(False)
            self.set_region(None)
        if mode != "time":
            self.start.clear()
            self.end.clear()

    def set_region(self, values: tuple[int, int, int, int] | None, *, edited: bool = False) -> None:
        """Show ``values`` (x, y, width, height) in the fields; ``edited`` when it is the user's doing."""
        for spin, value in zip(self.spins, values or (0, 0, 0, 0), strict=True):
            spin.blockSignals(True)
            spin.setValue(value)
            spin.blockSignals(False)
        if edited:
            self.region_edited.emit()

    def popup_menu(self, where: QPoint, *, drawn: bool) -> None:
        """The picture's context menu (at ``where``, global): link the excerpt, clear the region."""
        if self.mode != "region":
            return
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        link = menu.addAction(tr("Link the excerpt to an element…"))
        link.triggered.connect(lambda _checked=False: self.link_requested.emit())
        clear = menu.addAction(tr("Clear the region"))
        clear.setEnabled(drawn)
        clear.triggered.connect(lambda _checked=False: self.set_region(None, edited=True))
        menu.popup(where)

    def region(self) -> tuple[int, int, int, int] | None:
        """The region typed or drawn, inside its bounds; None if it has no area."""
        x, y, width, height = (spin.value() for spin in self.spins)
        width = min(width, self.spins[2].maximum() - x)
        height = min(height, self.spins[3].maximum() - y)
        return (x, y, width, height) if width > 0 and height > 0 else None


def unit_region(rect: QRectF, factor: float = 1.0) -> tuple[int, int, int, int]:
    """A rectangle in the picture's (fractional) pixels as the whole units of the original it
    covers, ``factor`` units a pixel (1 for a picture, points a pixel for a PDF page)."""
    edges = [round(value * factor, 6) for value in (rect.left(), rect.top(), rect.right(), rect.bottom())]
    left, top = math.floor(edges[0]), math.floor(edges[1])
    return left, top, math.ceil(edges[2]) - left, math.ceil(edges[3]) - top
