"""What the "Map" and "Timeline" views share (:mod:`caseapp.gui.map_view`,
:mod:`caseapp.gui.timeline_view`): a bar of tool buttons over the view's canvas, with a count at
the bar's far end; loaded only while on screen (:attr:`PlaceView.stale`, :attr:`PlaceView.shown`,
used by :class:`caseapp.gui.places.PlaceViews`); fitted to its content on the first load of a case,
later loads keeping the view. Right-to-left in Arabic, as Qt mirrors the layouts.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLayout, QToolButton, QVBoxLayout, QWidget

ToolButton = tuple[str, str, str, Callable[[], object]]  # key (in its object name), text, tooltip, action


class PlaceView(QWidget):
    """The frame of a view: :meth:`add_tool_buttons`, the view's own widgets on :attr:`bar`, then
    :meth:`lay_out`. ``name`` makes the object names: ``{name}View``, ``{name}Count``, ``{name}_{key}``."""

    chosen = Signal(object)  # the record clicked: a MapPoint, a TimelineEntry
    shown = Signal()

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._name = name
        self.setObjectName(f"{name}View")
        self.stale = False  # the case changed while the view was hidden: it loads again when shown
        self._fitted = False
        self.bar = QHBoxLayout()
        self.buttons: dict[str, QToolButton] = {}
        self.count = QLabel(self)
        self.count.setObjectName(f"{name}Count")

    def add_tool_buttons(self, buttons: Iterable[ToolButton]) -> None:
        for key, text, tip, slot in buttons:
            button = QToolButton(self)
            button.setObjectName(f"{self._name}_{key}")
            button.setText(text)
            button.setToolTip(tip)
            button.setAccessibleName(tip)
            button.clicked.connect(lambda _checked=False, slot=slot: slot())
            self.bar.addWidget(button)
            self.buttons[key] = button
        self.bar.addSpacing(12)

    def lay_out(self, body: QWidget | QLayout, *rows: QLayout) -> None:
        """The bar (the count at its end), ``rows`` under it, and ``body`` taking the rest."""
        self.bar.addStretch(1)
        self.bar.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.bar)
        for row in rows:
            layout.addLayout(row)
        if isinstance(body, QLayout):
            layout.addLayout(body, 1)
        else:
            layout.addWidget(body, 1)

    def first_load(self) -> bool:
        """True for the first data of a case (the view then fits it), False after."""
        first, self._fitted = not self._fitted, True
        return first

    def clear(self) -> None:
        self.count.clear()
        self._fitted = False
        self.stale = False

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.shown.emit()
