"""Auto-lock: any keyboard or mouse input restarts a timer; when it runs out, ``idle`` fires.

The watcher looks at the application's events only while it runs (a case is open): with no case
open nothing is to be locked, and the unlock window starts without every event passing through Python.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal

ACTIVITY = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
}


class IdleWatcher(QObject):
    idle = Signal()

    def __init__(self, minutes: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.idle)
        self.watching = False
        self.set_minutes(minutes)

    def set_minutes(self, minutes: int) -> None:
        self.minutes = minutes
        self.timer.setInterval(max(1, minutes) * 60_000)

    def start(self) -> None:
        if self.minutes > 0:
            app = QCoreApplication.instance()
            if app is not None and not self.watching:
                app.installEventFilter(self)
                self.watching = True
            self.timer.start()

    def stop(self) -> None:
        self.timer.stop()
        app = QCoreApplication.instance()
        if app is not None and self.watching:
            app.removeEventFilter(self)
        self.watching = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in ACTIVITY and self.timer.isActive():
            self.timer.start()
        return False
