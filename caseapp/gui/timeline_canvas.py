"""The timeline itself: one row per incident or dated exhibit, in time order, each drawn as the
range within which it happened (a day, a month, an estimate widened by a week) or, when its time
is exact, as a diamond; a time axis on top in the case's zone.

Zoom: Ctrl + mouse wheel, + and -; pan: drag sideways, Left/Right; the wheel alone scrolls the rows.
Clicking a row emits :attr:`TimelineCanvas.chosen`. Right-to-left, time runs from right to left.
Only the rows on screen are painted, so a case with 100 000 dated exhibits paints as fast as a small one.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QDateTime,
    QEvent,
    QLocale,
    QPoint,
    QPointF,
    QRectF,
    Qt,
    QTime,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QAbstractScrollArea, QToolTip, QWidget

from caseapp.core.timeline import EntryKind, TimelineEntry
from caseapp.gui.i18n import enum_text
from caseapp.gui.map_marks import EXHIBIT_COLOUR, INCIDENT_COLOUR, diamond


def tr(text: str) -> str:
    return QCoreApplication.translate("TimelineCanvas", text)


AXIS_HEIGHT = 30
MIN_SECONDS_PER_PIXEL, MAX_SECONDS_PER_PIXEL = 1.0, 86_400.0 * 365 * 2
ZOOM_STEP = 2.0
TICK_SPACING = 110  # pixels between axis labels, at least
FIXED_STEPS = (60, 300, 900, 1800, 3600, 3 * 3600, 6 * 3600, 12 * 3600, 86_400, 2 * 86_400, 7 * 86_400)
MONTH_STEPS = (1, 3, 6, 12, 24, 60, 120, 240, 600)


def _local(moment: datetime, zone: ZoneInfo) -> datetime:
    return moment.astimezone(zone)


def ticks(start: datetime, end: datetime, seconds_per_pixel: float, zone: ZoneInfo) -> tuple[list[datetime], str]:
    """Instants for the axis labels between ``start`` and ``end``, at least TICK_SPACING pixels
    apart, aligned in ``zone`` (hours, midnights, the first of a month, of a year); and the Qt
    date format to label them with."""
    wanted = seconds_per_pixel * TICK_SPACING
    local_start = _local(start, zone)
    for step in FIXED_STEPS:
        if step >= wanted:
            midnight = local_start.replace(hour=0, minute=0, second=0, microsecond=0)
            elapsed = (local_start - midnight).total_seconds()
            first = midnight + timedelta(seconds=(elapsed // step + 1) * step) if step < 86_400 else midnight
            out: list[datetime] = []
            moment = first
            while moment <= end and len(out) < 400:
                out.append(moment)
                moment = (moment + timedelta(seconds=step)).astimezone(zone)
                if step >= 86_400:  # keep midnights across daylight-saving changes
                    moment = moment.replace(hour=0, minute=0, second=0)
            return out, "d MMM yyyy" if step >= 86_400 else "d MMM HH:mm"
    months = next((m for m in MONTH_STEPS if m * 30.4 * 86_400 >= wanted), MONTH_STEPS[-1])
    index = local_start.year * 12 + local_start.month - 1
    index -= index % months
    out = []  # of the first days of months
    while len(out) < 400:
        year, month = divmod(index, 12)
        moment = datetime(year, month + 1, 1, tzinfo=zone)
        if moment > end:
            break
        out.append(moment)
        index += months
    return out, "yyyy" if months >= 12 else "MMM yyyy"


def range_text(entry: TimelineEntry, zone: ZoneInfo) -> str:
    """When an entry happened, as the user reads it: one time, or from .. to, in the case's zone."""
    locale = QLocale()
    fmt = QLocale.FormatType.ShortFormat
    start, end = _qt(_local(entry.start, zone)), _qt(_local(entry.end, zone))
    if entry.start == entry.end:
        return locale.toString(start, fmt)
    return tr("between {start} and {end}").format(start=locale.toString(start, fmt), end=locale.toString(end, fmt))


def _qt(moment: datetime) -> QDateTime:
    return QDateTime(QDate(moment.year, moment.month, moment.day), QTime(moment.hour, moment.minute, moment.second))


class TimelineCanvas(QAbstractScrollArea):
    """See the module docstring. Feed it with :meth:`set_entries`."""

    chosen = Signal(object)  # the TimelineEntry clicked
    view_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timelineCanvas")
        self.setAccessibleName(tr("Timeline"))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.entries: list[TimelineEntry] = []
        self.zone = ZoneInfo("UTC")
        self.origin = datetime(2000, 1, 1, tzinfo=UTC)  # the instant at the leading edge of the view
        self.seconds_per_pixel = 3600.0
        self.current = -1
        self.row_height = self.fontMetrics().height() + 10
        self._press: QPoint | None = None
        self._dragged = False
        self.verticalScrollBar().valueChanged.connect(lambda _v: self.viewport().update())

    # -- data
    def set_entries(self, entries: list[TimelineEntry], zone: str) -> None:
        self.entries = list(entries)
        self.zone = ZoneInfo(zone)
        self.current = min(self.current, len(self.entries) - 1)
        self._update_scrollbar()
        self.viewport().update()

    def clear(self) -> None:
        self.current = -1
        self.set_entries([], "UTC")

    # -- the view
    def span(self) -> float:
        """Seconds shown across the view."""
        return self.viewport().width() * self.seconds_per_pixel

    def fit(self) -> None:
        """Show every entry's range (at least a day)."""
        if not self.entries:
            return
        low = min(e.start for e in self.entries)
        high = max(e.end for e in self.entries)
        seconds = max((high - low).total_seconds(), 86_400.0)
        room = max(100, self.viewport().width() - 260)  # room for the last entry's label
        self.seconds_per_pixel = min(MAX_SECONDS_PER_PIXEL, max(MIN_SECONDS_PER_PIXEL, seconds / room))
        self.origin = low - timedelta(seconds=self.seconds_per_pixel * 20)
        self._changed()

    def zoom_by(self, factor: float, anchor_x: float | None = None) -> None:
        """Show ``factor`` times more detail, keeping the instant under ``anchor_x`` where it is."""
        anchor_x = self.viewport().width() / 2 if anchor_x is None else anchor_x
        kept = self.time_at(anchor_x)
        self.seconds_per_pixel = min(MAX_SECONDS_PER_PIXEL, max(MIN_SECONDS_PER_PIXEL, self.seconds_per_pixel / factor))
        self.origin = kept - timedelta(seconds=self._offset(anchor_x) * self.seconds_per_pixel)
        self._changed()

    def pan_by(self, pixels: float) -> None:
        """Move the content ``pixels`` to the right (towards later times left-to-right)."""
        self.origin -= timedelta(seconds=self._direction() * pixels * self.seconds_per_pixel)
        self._changed()

    def _changed(self) -> None:
        self.viewport().update()
        self.view_changed.emit()

    def _direction(self) -> int:
        return -1 if self.layoutDirection() == Qt.LayoutDirection.RightToLeft else 1

    def _offset(self, x: float) -> float:
        """Pixels from the leading edge (the left, or the right right-to-left)."""
        return x if self._direction() > 0 else self.viewport().width() - x

    def x_of(self, moment: datetime) -> float:
        offset = (moment - self.origin).total_seconds() / self.seconds_per_pixel
        return offset if self._direction() > 0 else self.viewport().width() - offset

    def time_at(self, x: float) -> datetime:
        return self.origin + timedelta(seconds=self._offset(x) * self.seconds_per_pixel)

    def row_top(self, row: int) -> float:
        return AXIS_HEIGHT + row * self.row_height - self.verticalScrollBar().value()

    def row_at(self, y: float) -> int:
        if y < AXIS_HEIGHT:
            return -1
        row = int((y - AXIS_HEIGHT + self.verticalScrollBar().value()) // self.row_height)
        return row if 0 <= row < len(self.entries) else -1

    def bar_rect(self, row: int) -> QRectF:
        """Where an entry's range is drawn (zero wide for an exact time), in the viewport's pixels."""
        entry = self.entries[row]
        a, b = self.x_of(entry.start), self.x_of(entry.end)
        top = self.row_top(row)
        return QRectF(min(a, b), top + 4, abs(b - a), self.row_height - 8)

    def _update_scrollbar(self) -> None:
        rows_height = len(self.entries) * self.row_height
        bar = self.verticalScrollBar()
        bar.setRange(0, max(0, rows_height - (self.viewport().height() - AXIS_HEIGHT)))
        bar.setPageStep(max(1, self.viewport().height() - AXIS_HEIGHT))
        bar.setSingleStep(self.row_height)

    def ensure_visible(self, row: int) -> None:
        top = row * self.row_height
        bar = self.verticalScrollBar()
        room = self.viewport().height() - AXIS_HEIGHT
        if top < bar.value():
            bar.setValue(top)
        elif top + self.row_height > bar.value() + room:
            bar.setValue(top + self.row_height - room)

    # -- painting
    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self.viewport())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        width, height = self.viewport().width(), self.viewport().height()
        painter.fillRect(0, 0, width, height, self.palette().color(QPalette.ColorRole.Base))
        start, end = sorted((self.time_at(0), self.time_at(width)))
        moments, fmt = ticks(start, end, self.seconds_per_pixel, self.zone)
        grid = QColor(215, 215, 215)
        text = self.palette().color(QPalette.ColorRole.Text)
        locale = QLocale()
        labelled: list[QRectF] = []
        for moment in moments:
            x = self.x_of(moment)
            painter.setPen(grid)
            painter.drawLine(QPointF(x, AXIS_HEIGHT), QPointF(x, height))
            left = min(max(x - TICK_SPACING / 2, 0.0), width - TICK_SPACING)  # the edge labels stay whole
            label = QRectF(left, 4, TICK_SPACING - 6, AXIS_HEIGHT - 8)
            if not any(label.intersects(other) for other in labelled):  # an edge label pushed in may meet the next
                labelled.append(label)
                painter.setPen(text)
                painter.drawText(label, Qt.AlignmentFlag.AlignCenter, locale.toString(_qt(moment), fmt))
        painter.setPen(QPen(QColor(150, 150, 150)))
        painter.drawLine(QPointF(0, AXIS_HEIGHT - 1), QPointF(width, AXIS_HEIGHT - 1))
        painter.setClipRect(QRectF(0, AXIS_HEIGHT, width, height - AXIS_HEIGHT))
        first = max(0, self.row_at(AXIS_HEIGHT))
        last = min(len(self.entries), first + (height - AXIS_HEIGHT) // self.row_height + 2)
        for row in range(first, last):
            self._paint_row(painter, row, text)
        painter.end()

    def _paint_row(self, painter: QPainter, row: int, text: QColor) -> None:
        entry, bar, width = self.entries[row], self.bar_rect(row), self.viewport().width()
        top = self.row_top(row)
        if row == self.current:
            painter.fillRect(
                QRectF(0, top, width, self.row_height), self.palette().color(QPalette.ColorRole.Highlight).lighter(170)
            )
        colour = INCIDENT_COLOUR if entry.kind is EntryKind.INCIDENT else EXHIBIT_COLOUR
        fill = QColor(colour)
        fill.setAlpha(70)
        centre_y = bar.center().y()
        if bar.width() >= 3:
            painter.setPen(QPen(colour, 1.5))
            painter.setBrush(fill)
            painter.drawRoundedRect(bar, 3, 3)
        r = (self.row_height - 8) / 2
        mid = QPointF(bar.center().x(), centre_y)
        painter.setPen(QPen(Qt.GlobalColor.white, 1))
        painter.setBrush(colour)
        if bar.width() < 3:  # an exact time: a diamond
            painter.drawPolygon(diamond(mid, r))
        label = f"{entry.ref}  {entry.title}"
        painter.setPen(text)
        rtl = self._direction() < 0
        edge = bar.left() - r - 6 if rtl else bar.right() + r + 6
        edge = min(max(edge, 4.0), width - 4.0)
        room = max(40.0, edge - 4 if rtl else width - 4 - edge)
        shown = self.fontMetrics().elidedText(label, Qt.TextElideMode.ElideRight, int(room))
        box = QRectF(edge - room, top, room, self.row_height) if rtl else QRectF(edge, top, room, self.row_height)
        side = Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft
        align = side | Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignVCenter  # the painter mirrors the rest
        painter.drawText(box, align, shown)

    # -- input
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._update_scrollbar()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._press, self._dragged = event.position().toPoint(), False
            self.setFocus()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._press is None:
            return
        moved = event.position().toPoint() - self._press
        if self._dragged or abs(moved.x()) > 4:
            self._dragged = True
            self.pan_by(moved.x() * self._direction())
            self._press = event.position().toPoint()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._press is not None and not self._dragged and event.button() == Qt.MouseButton.LeftButton:
            self.choose(self.row_at(event.position().y()))
        self._press, self._dragged = None, False

    def choose(self, row: int) -> None:
        if 0 <= row < len(self.entries):
            self.current = row
            self.ensure_visible(row)
            self.viewport().update()
            self.chosen.emit(self.entries[row])

    def wheelEvent(self, event: QWheelEvent) -> None:
        steps = event.angleDelta().y() / 120
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier and steps:
            self.zoom_by(ZOOM_STEP ** (steps / 2), event.position().x())
            event.accept()
        elif event.angleDelta().x():
            self.pan_by(event.angleDelta().x() / 2 * self._direction())
            event.accept()
        else:
            super().wheelEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, step = event.key(), self.viewport().width() / 4
        if key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            self.pan_by(step if key == Qt.Key.Key_Left else -step)
        elif key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_by(ZOOM_STEP)
        elif key == Qt.Key.Key_Minus:
            self.zoom_by(1 / ZOOM_STEP)
        elif key == Qt.Key.Key_Home:
            self.fit()
        elif key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and self.entries:
            self.choose(max(0, min(len(self.entries) - 1, self.current + (1 if key == Qt.Key.Key_Down else -1))))
        else:
            super().keyPressEvent(event)

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            row = self.row_at(event.pos().y())
            if row >= 0:
                QToolTip.showText(event.globalPos(), self.tooltip(row), self.viewport())
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)

    def tooltip(self, row: int) -> str:
        entry = self.entries[row]
        lines = [f"{entry.ref} — {entry.title}", range_text(entry, self.zone)]
        lines.append(tr("time known: {precision}").format(precision=enum_text(entry.time_precision)))
        if entry.zone_assumed:
            lines.append(tr("the file recorded no time zone: read in the case's zone"))
        return "\n".join(lines)
