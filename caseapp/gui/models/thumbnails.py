"""The exhibits table's thumbnails: made on the task runner for the rows the view paints, kept in a
bounded in-memory cache, forgotten on lock.

Nothing here touches the disk: the pictures are ``QImage`` objects in this process only (no
``QPixmapCache``, no cache folder). The view asks for a picture only for the rows it paints; those
requests wait in a short queue served newest first, so after a fast scroll the rows now on screen
come first and requests for rows long gone are dropped (they are asked for again if shown again).
"""

from __future__ import annotations

import enum
import uuid
from collections import OrderedDict
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QImage, QPainter, QPen, QPixmap

from caseapp.core.operations import CancelToken, Task
from caseapp.gui.tasks import Lane, TaskHandle, TaskRunner

if TYPE_CHECKING:
    from caseapp.app.case_folder import OpenCase

MAX_IMAGES = 600
MAX_BYTES = 24 * 2**20
IN_FLIGHT = 2  # thumbnail jobs at once: the other readers stay free for pages of the table
QUEUE = 64  # requests waiting; older ones are dropped
ICON_SIDE = 36  # points: the table's icon size and row height follow


class NoPicture(enum.Enum):
    NONE = "none"  # the exhibit has no picture to show (no file, another type of file)
    BROKEN = "broken"  # its file could not be drawn (damaged, crafted, too many pixels)


ThumbnailSource = Callable[[uuid.UUID, str, CancelToken], QImage | None]
"""Runs on a worker: the picture of an exhibit (id, media type), None when it has none; raises when
it is broken."""
PICTURE_TYPES = frozenset(
    {"application/pdf", "image/jpeg", "image/png", "image/gif", "image/webp", "image/bmp", "image/tiff"}
)
"""The media types a picture is made for (caseapp.app.preview's PDF and image types; a test keeps them
equal): no job is started for any other exhibit."""


def media_type(mime: str | None) -> str:
    return (mime or "").split(";")[0].strip().lower()


class ThumbnailCache(QObject):
    """Least recently used first out, by count and by bytes (of the pixels kept)."""

    ready = Signal(object)  # the exhibit id whose picture (or NoPicture) has arrived

    def __init__(
        self,
        runner: TaskRunner,
        *,
        max_images: int = MAX_IMAGES,
        max_bytes: int = MAX_BYTES,
        in_flight: int = IN_FLIGHT,
    ) -> None:
        super().__init__()
        self.runner = runner
        self.max_images = max_images
        self.max_bytes = max_bytes
        self.in_flight = in_flight
        self._source: ThumbnailSource | None = None
        self._images: OrderedDict[uuid.UUID, tuple[QIcon | NoPicture, int]] = OrderedDict()
        self._bytes = 0
        self._wanted: OrderedDict[uuid.UUID, str] = OrderedDict()  # exhibit id: media type
        self._held = False
        self._running: dict[uuid.UUID, TaskHandle] = {}
        self._generation = 0
        self.started: list[uuid.UUID] = []  # exhibits whose picture was asked of the case (tests)

    def set_source(self, source: ThumbnailSource | None) -> None:
        """A new case (or None when it is locked): forget every picture."""
        self.clear()
        self._source = source

    def clear(self) -> None:
        """Drop every picture and request; jobs on their way are cancelled and their results ignored."""
        self._generation += 1
        for handle in self._running.values():
            handle.cancel()
        self._running.clear()
        self._wanted.clear()
        self._images.clear()
        self._bytes = 0
        self.started = []

    def __len__(self) -> int:
        return len(self._images)

    @property
    def nbytes(self) -> int:
        return self._bytes

    def get(self, exhibit_id: uuid.UUID, mime: str | None = None) -> QIcon | NoPicture | None:
        """The picture if it is here (now the most recently used), else None and it is asked for.
        An exhibit whose media type (``mime``) has no picture gets ``NoPicture.NONE`` at once."""
        found = self._images.get(exhibit_id)
        if found is not None:
            self._images.move_to_end(exhibit_id)
            return found[0]
        kind = media_type(mime)
        if kind not in PICTURE_TYPES:
            return NoPicture.NONE
        if self._source is not None and exhibit_id not in self._running:
            self._wanted[exhibit_id] = kind
            self._wanted.move_to_end(exhibit_id)
            while len(self._wanted) > QUEUE:
                self._wanted.popitem(last=False)
            self._pump()
        return None

    def hold(self, held: bool) -> None:
        """Start no picture while ``held`` (the table's own rows are on their way), then catch up."""
        self._held = held
        self._pump()

    def _pump(self) -> None:
        source = self._source
        while source is not None and not self._held and self._wanted and len(self._running) < self.in_flight:
            exhibit_id, kind = self._wanted.popitem(last=True)
            self.started.append(exhibit_id)
            generation = self._generation

            def work(task: Task, exhibit_id: uuid.UUID = exhibit_id, kind: str = kind) -> QImage | None:
                return source(exhibit_id, kind, task.cancel)

            handle = self.runner.submit(Lane.READ, work, name="thumbnail")
            handle.succeeded.connect(lambda image, e=exhibit_id, g=generation: self._arrived(g, e, image))
            handle.failed.connect(lambda _error, e=exhibit_id, g=generation: self._arrived(g, e, NoPicture.BROKEN))
            self._running[exhibit_id] = handle

    def _arrived(self, generation: int, exhibit_id: uuid.UUID, image: QImage | NoPicture | None) -> None:
        if generation != self._generation:
            return
        self._running.pop(exhibit_id, None)
        if isinstance(image, QImage) and not image.isNull():
            self._store(exhibit_id, _square_icon(image), int(image.sizeInBytes()))
        else:
            self._store(exhibit_id, NoPicture.BROKEN if isinstance(image, (NoPicture, QImage)) else NoPicture.NONE, 0)
        self.ready.emit(exhibit_id)
        self._pump()

    def _store(self, exhibit_id: uuid.UUID, picture: QIcon | NoPicture, size: int) -> None:
        self._images[exhibit_id] = (picture, size)
        self._bytes += size
        while self._images and (len(self._images) > self.max_images or self._bytes > self.max_bytes):
            _, (_dropped, dropped_size) = self._images.popitem(last=False)
            self._bytes -= dropped_size


def _square_icon(image: QImage) -> QIcon:
    """``image`` centred on a transparent square (on the GUI thread): a tall page and a wide photo
    take the same room, so the titles beside them line up."""
    side = max(image.width(), image.height())
    pixmap = QPixmap(side, side)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.drawImage((side - image.width()) // 2, (side - image.height()) // 2, image)
    painter.end()
    return QIcon(pixmap)


_PLACEHOLDERS: dict[NoPicture | None, QIcon] = {}


def placeholder(kind: NoPicture | None) -> QIcon:
    """What a row shows without its picture: blank while it loads or when there is none (the titles
    stay aligned), a crossed frame when the file could not be drawn. Made on the GUI thread."""
    icon = _PLACEHOLDERS.get(kind)
    if icon is None:
        side = ICON_SIDE * 2  # drawn at twice the size: sharp at 200 % scaling
        pixmap = QPixmap(side, side)
        pixmap.fill(Qt.GlobalColor.transparent)
        if kind is NoPicture.BROKEN:
            painter = QPainter(pixmap)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(QPen(QColor(128, 128, 128), 3))
            frame = QRectF(6, 6, side - 12, side - 12)
            painter.drawRoundedRect(frame, 6, 6)
            painter.drawLine(frame.topLeft(), frame.bottomRight())
            painter.drawLine(frame.topRight(), frame.bottomLeft())
            painter.end()
        icon = _PLACEHOLDERS[kind] = QIcon(pixmap)
    return icon


def case_thumbnails(case: OpenCase) -> ThumbnailSource:
    """The pictures of ``case``'s exhibits, decrypted and decoded on a worker (see caseapp.app.thumbnails)."""

    def make(exhibit_id: uuid.UUID, kind: str, cancel: CancelToken) -> QImage | None:
        from caseapp.app.thumbnails import exhibit_thumbnail  # Pillow and PDFium load at the first picture

        found = exhibit_thumbnail(case, exhibit_id, media_type=kind, cancel=cancel)
        if found is None:
            return None
        image = QImage(found.pixels, found.width, found.height, found.stride, QImage.Format.Format_RGBA8888)
        return image.copy()  # its own pixels: ``found`` goes away with this job

    return make
