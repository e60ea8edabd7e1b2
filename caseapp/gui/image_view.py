"""A picture or a rendered PDF page at a chosen scale (fit, 100 %, zoomed), sharp on a scaled
screen, with a region drawn on it by dragging; and the decoding of a picture turned upright by its
EXIF orientation. (The texts keep the ``PreviewPanel`` translation context they were written in.)
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QBuffer, QCoreApplication, QEvent, QObject, QSizeF, Qt, Signal
from PySide6.QtGui import QImage, QImageReader, QPixmap, QWheelEvent
from PySide6.QtWidgets import QScrollArea, QWidget

from caseapp.gui.excerpts import RegionLabel

ZOOM_STEP = 1.25
MIN_SCALE, MAX_SCALE = 0.05, 8.0
MAX_PIXELS = 40_000_000  # a zoomed image larger than this is not drawn bigger


def tr(text: str) -> str:
    return QCoreApplication.translate("PreviewPanel", text)


class ImageView(QScrollArea):
    """An image at a chosen scale: fit to the view, 100 %, or zoomed (Ctrl+wheel, Ctrl++ / Ctrl+-);
    a drag with the mouse draws a region on it (``label.region``, in the image's pixels)."""

    scale_changed = Signal(float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("imagePreview")
        self.setAccessibleName(tr("Preview"))
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.label = RegionLabel(self)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWidget(self.label)
        self.image: QImage | None = None
        self.scale = 1.0
        self.fit = True
        self.viewport().installEventFilter(self)

    def set_image(self, image: QImage | None, *, keep_zoom: bool = False) -> None:
        self.image = image
        self.label.region = None  # a region belongs to one picture or page
        self.label.limit = QSizeF(image.size()) if image is not None and not image.isNull() else QSizeF()
        if not keep_zoom:
            self.fit = True
        self._draw()

    def zoom_fit(self) -> None:
        self.fit = True
        self._draw()

    def zoom_actual(self) -> None:
        self.fit = False
        self.scale = 1.0
        self._draw()

    def zoom_by(self, factor: float) -> None:
        self.fit = False
        self.scale = max(MIN_SCALE, min(MAX_SCALE, self.scale * factor))
        self._draw()

    def _fit_scale(self) -> float:
        if self.image is None or self.image.isNull():
            return 1.0
        room = self.viewport().size()
        return max(
            MIN_SCALE,
            min(
                1.0, (room.width() - 4) / max(1, self.image.width()), (room.height() - 4) / max(1, self.image.height())
            ),
        )

    def _draw(self) -> None:
        image = self.image
        if image is None or image.isNull():
            self.label.clear()
            self.label.resize(0, 0)
            return
        if self.fit:
            self.scale = self._fit_scale()
        pixels = image.width() * image.height() * self.scale * self.scale
        if pixels > MAX_PIXELS:
            self.scale = (MAX_PIXELS / (image.width() * image.height())) ** 0.5
        width = max(1, round(image.width() * self.scale))
        height = max(1, round(image.height() * self.scale))
        # Drawn in the screen's own pixels (twice as many at 200 % scaling), so a page stays sharp;
        # the label keeps the size in the interface's units.
        ratio = max(1.0, min(self.devicePixelRatioF(), (MAX_PIXELS / (width * height)) ** 0.5))
        wide, high = max(1, round(width * ratio)), max(1, round(height * ratio))
        mode = Qt.TransformationMode.SmoothTransformation
        if (wide, high) == (image.width(), image.height()):
            shown = image
        else:
            shown = image.scaled(wide, high, Qt.AspectRatioMode.IgnoreAspectRatio, mode)
        pixmap = QPixmap.fromImage(shown)
        self.label.scale = self.scale
        pixmap.setDevicePixelRatio(ratio)
        self.label.setPixmap(pixmap)
        self.label.resize(width, height)
        self.scale_changed.emit(self.scale)

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        if self.fit:
            self._draw()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.viewport() and event.type() == QEvent.Type.Wheel:
            assert isinstance(event, QWheelEvent)
            if event.modifiers() & Qt.KeyboardModifier.ControlModifier and self.image is not None:
                delta = event.angleDelta().y()
                if delta:
                    self.zoom_by(ZOOM_STEP if delta > 0 else 1 / ZOOM_STEP)
                return True
        return super().eventFilter(watched, event)


def upright_image(data: bytes) -> QImage:
    """Decode a picture turned upright by its EXIF orientation (as the redaction measures regions)."""
    buffer = QBuffer()
    buffer.setData(data)
    reader = QImageReader(buffer)
    reader.setAutoTransform(True)
    return reader.read()
