"""The task runner: writes one at a time, reads beside them, long jobs on their own worker,
results and progress on the GUI thread, cancel through the CancelToken. Hooks (events), no sleeps."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QCoreApplication, QThread
from pytestqt.qtbot import QtBot

from caseapp.core.changes import Changes
from caseapp.core.errors import Cancelled, ValidationError
from caseapp.core.operations import OpResult, Task
from caseapp.gui.tasks import Lane, TaskRunner

WAIT = 10.0


@pytest.fixture
def runner(qtbot: QtBot) -> TaskRunner:
    created = TaskRunner()
    yield created
    created.reset()


def test_writes_queue_while_reads_and_long_jobs_run_beside_them(qtbot: QtBot, runner: TaskRunner) -> None:
    release = threading.Event()
    first_running = threading.Event()
    order: list[str] = []

    def first() -> str:
        first_running.set()
        assert release.wait(WAIT)
        order.append("first")
        return "first"

    runner.write(first)
    assert first_running.wait(WAIT)
    second = runner.write(lambda: order.append("second") or "second")
    read = runner.read(lambda: "read while a write runs")
    long = runner.long(lambda _task: "long while a write runs")
    with qtbot.waitSignals([read.succeeded, long.succeeded], timeout=10_000):
        pass
    assert order == []  # the second write waits for the first
    assert not second.done
    release.set()
    with qtbot.waitSignal(second.succeeded, timeout=10_000):
        pass
    assert order == ["first", "second"]


def test_results_progress_and_changes_arrive_on_the_gui_thread(qtbot: QtBot, runner: TaskRunner) -> None:
    gui_thread = QThread.currentThread()
    seen: list[tuple[object, ...]] = []

    def work(task: Task) -> OpResult[int]:
        task.progress(1, 2, "half")
        return OpResult(7, Changes(persons=True, custody=True))

    handle = runner.long(work)
    handle.progressed.connect(lambda *args: seen.append((QThread.currentThread() is gui_thread, *args)))
    runner.changed.connect(lambda changes: seen.append(("changed", changes.names())))
    with qtbot.waitSignal(handle.succeeded, timeout=10_000) as result:
        pass
    assert result.args[0].value == 7
    assert seen == [(True, 1, 2, "half"), ("changed", ("persons", "custody"))]


def test_an_error_is_delivered_not_raised(qtbot: QtBot, runner: TaskRunner) -> None:
    def fail() -> None:
        raise ValidationError("the title is empty")

    handle = runner.write(fail)
    with qtbot.waitSignal(handle.failed, timeout=10_000) as failed:
        pass
    assert isinstance(failed.args[0], ValidationError)


def test_cancel_reaches_the_operation_and_reset_drops_late_results(qtbot: QtBot, runner: TaskRunner) -> None:
    started = threading.Event()

    def long_job(task: Task) -> str:
        started.set()
        while True:
            task.cancel.check()
            threading.Event().wait(0.001)

    handle = runner.long(long_job)
    assert started.wait(WAIT)
    assert handle.lane is Lane.LONG
    handle.cancel()
    with qtbot.waitSignal(handle.failed, timeout=10_000) as failed:
        pass
    assert isinstance(failed.args[0], Cancelled)

    gate = threading.Event()
    late = runner.read(lambda: gate.wait(WAIT) and "late")
    delivered: list[object] = []
    late.succeeded.connect(delivered.append)
    gate.set()
    runner.reset()  # as on lock: the worker finished, but its result belongs to the locked case
    QCoreApplication.processEvents()
    assert delivered == [] and late.stale
