"""Qt starts offscreen on this machine: the Debian libraries the wheels need are present."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot


def test_a_widget_renders_offscreen(qtbot: QtBot) -> None:
    label = QLabel("caseapp")
    qtbot.addWidget(label)
    label.show()
    image = label.grab().toImage()
    assert image.width() > 0 and image.height() > 0
