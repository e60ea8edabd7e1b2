"""The preview of an exhibit: its image or PDF page with zoom (:mod:`caseapp.gui.image_view`), and
its extracted text (shown by :mod:`caseapp.gui.text_view`); and the excerpts of it a link may point
at (a region drawn on the picture or page, a passage of audio or video, words selected in the text:
:mod:`caseapp.gui.excerpts`).

The content is decrypted by ``caseapp.app.preview`` on a worker of the task runner, in memory only,
and only when the preview or the text is on screen. Everything of it (bytes, image, text) is
dropped by :meth:`PreviewPanel.clear` (another exhibit, or the lock).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING
from uuid import UUID

from PySide6.QtCore import QCoreApplication, QMimeData, QRectF, Qt, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QStackedWidget, QVBoxLayout, QWidget

from caseapp.core.analysis import Excerpt, parse_excerpt
from caseapp.core.errors import ValidationError
from caseapp.core.operations import Task
from caseapp.gui.errors import message_for
from caseapp.gui.excerpts import ExcerptBar, excerpt_mime, unit_region
from caseapp.gui.image_view import ZOOM_STEP, ImageView, upright_image
from caseapp.gui.tasks import Lane, TaskHandle, TaskRunner

if TYPE_CHECKING:  # the storage layer loads when a case is opened, not before the first window
    from caseapp.app.case_folder import OpenCase
    from caseapp.app.preview import ExhibitContent, RenderedPage

TIMED_TYPES = ("audio/", "video/")  # a passage of these is linked by its start and end


def tr(text: str) -> str:
    return QCoreApplication.translate("PreviewPanel", text)


class PreviewPanel(QWidget):
    """The image or PDF page of the exhibit shown, with its zoom and page buttons."""

    text_loaded = Signal(str)  # the extracted text ("" when there is none)
    shown = Signal()  # a preview (image or page) is on screen
    excerpt_requested = Signal()  # link the region or passage (button, menu)

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("previewPanel")
        self.runner = runner
        self.content: ExhibitContent | None = None
        self.page_index = 0
        self.page_count = 0
        self.units_per_pixel = 1.0  # original units (pixels; points for a PDF page) a pixel shown at 100 %
        self._want: tuple[Callable[[], OpenCase | None], UUID] | None = None
        self._loaded_key: UUID | None = None
        self._handle: TaskHandle | None = None
        self._generation = 0
        self.view = ImageView(self)
        self.message = QLabel(self)
        self.message.setObjectName("previewMessage")
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.message)
        self.stack.addWidget(self.view)
        self.bar = ExcerptBar(self._drag_payload, self)
        self.bar.region_edited.connect(self._region_typed)
        self.bar.link_requested.connect(self.excerpt_requested)
        self.view.label.drawn.connect(self._region_drawn)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(
            lambda at: self.bar.popup_menu(self.view.mapToGlobal(at), drawn=self.view.label.region is not None)
        )
        zoom_bar, page_bar = QHBoxLayout(), QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for bar, key, text, slot in (
            (zoom_bar, "fit", tr("Fit"), self.view.zoom_fit),
            (zoom_bar, "actual", tr("100 %"), self.view.zoom_actual),
            (zoom_bar, "out", tr("Zoom out"), lambda: self.view.zoom_by(1 / ZOOM_STEP)),
            (zoom_bar, "in", tr("Zoom in"), lambda: self.view.zoom_by(ZOOM_STEP)),
            (page_bar, "previous", tr("Previous page"), lambda: self.turn(-1)),
            (page_bar, "next", tr("Next page"), lambda: self.turn(1)),
        ):
            button = QPushButton(text, self)
            button.setObjectName(f"preview_{key}")
            button.clicked.connect(lambda _checked=False, slot=slot: slot())
            bar.addWidget(button)
            self.buttons[key] = button
        zoom_bar.addStretch(1)
        self.page_label = QLabel(self)
        self.page_label.setObjectName("previewPage")
        page_bar.insertWidget(1, self.page_label)
        page_bar.addStretch(1)
        self.page_row = QWidget(self)
        self.page_row.setLayout(page_bar)
        page_bar.setContentsMargins(0, 0, 0, 0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(zoom_bar)
        layout.addWidget(self.page_row)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.bar)
        self.clear()

    # -- what to show
    def want(self, case: Callable[[], OpenCase | None], key: UUID | None) -> None:
        """The exhibit to preview when the preview is looked at (nothing is decrypted yet)."""
        if key is not None and key == self._loaded_key:
            return
        self.clear()
        self._want = (case, key) if key is not None else None
        if key is None:
            self._say(tr("Select an exhibit to see its preview."))

    def load(self) -> None:
        """Decrypt and show the wanted exhibit (called when the preview or its text comes on screen)."""
        if self._want is None:
            return
        case_of, key = self._want
        case = case_of()
        if case is None:
            return
        self._want = None
        self._loaded_key = key
        self._generation += 1
        generation = self._generation
        self._say(tr("Loading the preview…"))

        def work(task: Task) -> tuple[ExhibitContent, QImage | None]:
            from caseapp.app.preview import preview_content

            content = preview_content(case, key, cancel=task.cancel)
            # Decoded here, on the worker (QImage, unlike QPixmap, may be made off the GUI thread),
            # upright by its EXIF orientation: regions are measured on the picture as a person sees it.
            return content, upright_image(content.original or b"") if content.is_image else None

        self._handle = self.runner.submit(Lane.READ, work, name="preview")
        self._handle.succeeded.connect(lambda found: self._arrived(generation, *found))
        self._handle.failed.connect(lambda error: self._failed(generation, error))

    def clear(self) -> None:
        """Forget the exhibit and every byte, image and text of it."""
        self._generation += 1
        if self._handle is not None:
            self._handle.cancel()
            self._handle = None
        self._want = None
        self._loaded_key = None
        self.content = None
        self.page_index = self.page_count = 0
        self.units_per_pixel = 1.0
        self.bar.show_mode("")
        self.view.set_image(None)
        self._say("")
        self.text_loaded.emit("")

    # -- results
    def _arrived(self, generation: int, content: ExhibitContent, image: QImage | None) -> None:
        if generation != self._generation:
            return
        self._handle = None
        self.content = content
        self.text_loaded.emit(content.text or "")
        if content.media_type.startswith(TIMED_TYPES):
            self.bar.show_mode("time")
        if content.is_image:
            if image is None or image.isNull():
                self._say(tr("This image cannot be shown; export the original to open it."))
                return
            self._show_image(image)
        elif content.is_pdf:
            self.show_page(0)
        elif content.why_not == "no_file":
            self._say(tr("This exhibit is a record without a file: there is nothing to preview."))
        elif content.why_not == "too_large":
            size = f"{content.size / 2**20:.0f}"
            self._say(
                tr("The file is too large to preview ({size} MiB); export the original to open it.").format(size=size)
            )
        else:
            self._say(
                tr("There is no preview for this type of file ({type}); export the original to open it.").format(
                    type=content.media_type or "?"
                )
            )

    def _failed(self, generation: int, error: BaseException) -> None:
        if generation == self._generation:
            self._handle = None
            self._say(message_for(error))

    def show_page(self, index: int) -> None:
        content = self.content
        if content is None or not content.is_pdf:
            return
        data = content.original or b""
        generation = self._generation

        def work(_task: Task) -> tuple[RenderedPage, QImage]:
            from caseapp.app.preview import render_pdf_page

            page = render_pdf_page(data, index)
            shape = QImage.Format.Format_RGB888 if page.channels == 3 else QImage.Format.Format_RGBA8888
            return page, QImage(page.pixels, page.width, page.height, page.stride, shape).copy()

        self._handle = self.runner.submit(Lane.READ, work, name="pdf page")
        self._handle.succeeded.connect(lambda found: self._page_arrived(generation, *found))
        self._handle.failed.connect(lambda error: self._failed(generation, error))

    def _page_arrived(self, generation: int, page: RenderedPage, image: QImage) -> None:
        if generation != self._generation:
            return
        self._handle = None
        keep = self.page_count > 0  # turning pages keeps the zoom
        self.page_index, self.page_count = page.index, page.count
        self.units_per_pixel = page.points[0] / image.width() if page.points[0] and image.width() else 1.0
        self._show_image(image, keep_zoom=keep)

    def _show_image(self, image: QImage, *, keep_zoom: bool = False) -> None:
        self.stack.setCurrentWidget(self.view)
        self.view.set_image(image, keep_zoom=keep_zoom)
        units = tr("points") if self.page_count else tr("pixels")
        factor = self.units_per_pixel
        self.bar.show_mode("region", units=units, bounds=unit_region(QRectF(image.rect()), factor)[2:])
        self._update_buttons()
        self.shown.emit()

    def turn(self, step: int) -> None:
        target = self.page_index + step
        if self.content is not None and self.content.is_pdf and 0 <= target < self.page_count:
            self.show_page(target)

    def zoom(self, action: str) -> None:
        """``fit``, ``actual``, ``in`` or ``out`` (the menu's and the keys' way in)."""
        if self.view.image is None:
            return
        if action == "fit":
            self.view.zoom_fit()
        elif action == "actual":
            self.view.zoom_actual()
        else:
            self.view.zoom_by(ZOOM_STEP if action == "in" else 1 / ZOOM_STEP)

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.stack.setCurrentWidget(self.message)
        self._update_buttons()

    def _update_buttons(self) -> None:
        has_image = self.view.image is not None and self.stack.currentWidget() is self.view
        for key in ("fit", "actual", "in", "out"):
            self.buttons[key].setEnabled(has_image)
        paged = has_image and self.page_count > 1
        self.page_row.setVisible(self.page_count > 1)
        self.buttons["previous"].setEnabled(paged and self.page_index > 0)
        self.buttons["next"].setEnabled(paged and self.page_index < self.page_count - 1)
        self.page_label.setText(
            tr("Page {n} of {count}").format(n=self.page_index + 1, count=self.page_count)
            if self.page_count > 1 and has_image
            else ""
        )

    # -- excerpts
    def _region_drawn(self) -> None:
        drawn = self.view.label.region
        self.bar.set_region(unit_region(drawn, self.units_per_pixel) if drawn is not None else None)

    def _region_typed(self) -> None:
        typed, factor = self.bar.region(), self.units_per_pixel or 1.0
        self.view.label.region = None
        if typed is not None:
            x, y, width, height = typed
            self.view.label.region = QRectF(x / factor, y / factor, width / factor, height / factor)
        self.view.label.update()

    def exhibit(self) -> tuple[UUID, str] | None:
        """The exhibit shown (its key and ref), once its content arrived."""
        if self.content is None or self._loaded_key is None:
            return None
        return self._loaded_key, self.content.ref

    def excerpt(self) -> Excerpt | None:
        """The excerpt marked here: the region drawn or typed on the picture (with page 1, as the
        command line's ``region=`` has it) or on the PDF page shown (a page without a region is the
        page), or the passage typed for audio or video; None when there is nothing to mark."""
        mode = self.bar.mode
        if mode == "region":
            region = self.bar.region()
            if self.page_count:
                return Excerpt(page=self.page_index + 1, region=region)
            if region is None:
                raise ValidationError(
                    tr("Draw a region on the picture first (drag with the mouse, or type it in the region fields).")
                )
            return Excerpt(page=1, region=region)
        if mode == "time":
            start, end = self.bar.start.text().strip(), self.bar.end.text().strip()
            if not start or not end or ";" in start + end:
                raise ValidationError(tr("Type where the passage starts and ends, e.g. 0:42 and 1:10."))
            return parse_excerpt(f"time={start}-{end}")
        return None

    def _drag_payload(self) -> QMimeData | None:
        shown = self.exhibit()
        try:
            excerpt = self.excerpt()
        except ValidationError:
            return None
        return excerpt_mime(*shown, excerpt) if shown is not None and excerpt is not None else None
