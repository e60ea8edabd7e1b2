"""The one task runner of the GUI (Anki's TaskManager/CollectionOp, Picard's run_task).

Every operation on a case runs on a worker thread, never on the GUI thread:

- ``read``: queries; several may run at once (SQLite readers do not block each other);
- ``write``: changes; one at a time, in the order they were asked for (a single worker);
- ``long``: jobs such as import and verify, each on its own worker, so a tag or an edit still
  goes through ``write`` while an import runs (the store serialises the transactions themselves).

The callable gets the :class:`~caseapp.core.operations.Task` of its job (progress and cancel).
Do not touch widgets inside it. Progress, the result and any error arrive on the GUI thread as
signals of the :class:`TaskHandle`. When a result is an :class:`OpResult` whose changes are not
empty, the runner also emits :attr:`TaskRunner.changed` so each view refreshes only what changed.

:meth:`TaskRunner.reset` (used when the case is locked) cancels every job, waits for the workers,
and drops every result still on its way: nothing of the locked case reaches a view after that.
"""

from __future__ import annotations

import enum
import logging
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

if TYPE_CHECKING:
    from caseapp.core.operations import CancelToken, Task

# caseapp.core.operations (and the change sets and refs it brings) is imported when the first job is
# submitted, not with this module: the unlock window makes the runner and shows before any job.

logger = logging.getLogger(__name__)

Work = Callable[["Task"], Any]


class Lane(enum.Enum):
    READ = "read"
    WRITE = "write"
    LONG = "long"


class TaskHandle(QObject):
    """One submitted job, seen from the GUI thread. Its signals are delivered on the GUI thread."""

    progressed = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(object)
    finished = Signal()

    def __init__(self, runner: TaskRunner, lane: Lane, name: str, generation: int) -> None:
        super().__init__(runner)
        self.lane = lane
        self.name = name
        self.generation = generation
        from caseapp.core.operations import CancelToken

        self.cancel_token: CancelToken = CancelToken()
        self.done = False
        self.result: Any = None
        self.error: BaseException | None = None
        self._runner = runner
        self._job: QRunnable | None = None

    def cancel(self) -> None:
        """Ask the job to stop at its next safe point (what it committed stays)."""
        self.cancel_token.cancel()

    @property
    def stale(self) -> bool:
        return self.generation != self._runner.generation

    # -- called on the GUI thread through queued signals of the relay
    def _deliver_progress(self, done: int, total: int, label: str) -> None:
        if not self.stale and not self.done:
            self.progressed.emit(done, total, label)

    def _deliver_result(self, ok: bool, value: object) -> None:
        self.done = True
        self._job = None
        self._runner._forget(self)
        if self.stale:
            return
        if ok:
            self.result = value
            self.succeeded.emit(value)
            from caseapp.core.operations import OpResult

            if isinstance(value, OpResult) and value.changes.any:
                self._runner.changed.emit(value.changes)
        else:
            assert isinstance(value, BaseException)
            self.error = value
            self.failed.emit(value)
        self.finished.emit()


class _Relay(QObject):
    """Lives on the GUI thread; the worker emits these, Qt queues them to the GUI thread."""

    progress = Signal(int, int, str)
    result = Signal(bool, object)


class _Job(QRunnable):
    def __init__(self, work: Work, handle: TaskHandle) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._work = work
        self._relay = _Relay()
        self._relay.progress.connect(handle._deliver_progress)
        self._relay.result.connect(handle._deliver_result)
        from caseapp.core.operations import Task

        self._task: Task = Task(progress=self._relay.progress.emit, cancel=handle.cancel_token)
        self.started = threading.Event()

    def run(self) -> None:
        self.started.set()
        try:
            value = self._work(self._task)
        except BaseException as error:  # every failure goes back to the GUI thread, none is lost
            self._relay.result.emit(False, error)
        else:
            self._relay.result.emit(True, value)


class TaskRunner(QObject):
    """See the module docstring. One per application."""

    changed = Signal(object)  # Changes, after a successful operation that changed something
    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None, *, readers: int = 4) -> None:
        super().__init__(parent)
        self.generation = 0
        self._pools = {lane: QThreadPool(self) for lane in Lane}
        self._pools[Lane.READ].setMaxThreadCount(readers)
        self._pools[Lane.WRITE].setMaxThreadCount(1)
        self._pools[Lane.LONG].setMaxThreadCount(4)
        self._active: set[TaskHandle] = set()

    def submit(self, lane: Lane, work: Work, *, name: str = "") -> TaskHandle:
        handle = TaskHandle(self, lane, name, self.generation)
        self._active.add(handle)
        if len(self._active) == 1:
            self.busy_changed.emit(True)
        job = _Job(work, handle)
        handle._job = job  # keep the Python side alive until its result is delivered
        self._pools[lane].start(job)
        return handle

    def read(self, work: Callable[[], Any], *, name: str = "") -> TaskHandle:
        return self.submit(Lane.READ, lambda _task: work(), name=name)

    def write(self, work: Callable[[], Any], *, name: str = "") -> TaskHandle:
        return self.submit(Lane.WRITE, lambda _task: work(), name=name)

    def long(self, work: Work, *, name: str = "") -> TaskHandle:
        return self.submit(Lane.LONG, work, name=name)

    def active(self, lane: Lane | None = None) -> list[TaskHandle]:
        return [h for h in self._active if lane is None or h.lane is lane]

    def wait(self, msecs: int = -1) -> bool:
        """Block until every worker is idle (tests, shutdown, lock). Results still need the event loop."""
        return all(pool.waitForDone(msecs) for pool in self._pools.values())

    def reset(self) -> None:
        """Cancel every job, wait for the workers, and drop every result not yet delivered."""
        for handle in list(self._active):
            handle.cancel()
        self.wait()
        self.generation += 1
        self._active.clear()
        self.busy_changed.emit(False)

    def _forget(self, handle: TaskHandle) -> None:
        if handle in self._active:
            self._active.discard(handle)
            if not self._active:
                self.busy_changed.emit(False)
