"""The task runner: draining before the store closes, and what cancelled tasks deliver."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

import pytest

from cmdesk.desk import Desk
from cmdesk.errors import StoreLocked
from ui.bridge import DeskBridge
from ui.tasks import TaskRunner


@pytest.fixture
def runner(qapp: object) -> Iterator[TaskRunner]:
    r = TaskRunner()
    yield r
    r.shutdown()


def test_drain_waits_for_a_running_task_and_the_runner_stays_usable(runner: TaskRunner, qtbot: Any) -> None:
    started, release = threading.Event(), threading.Event()
    delivered: list[object] = []

    def slow() -> str:
        started.set()
        release.wait(10)
        return "late"

    task = runner.read(slow, label="slow read", on_done=delivered.append)
    assert started.wait(5)
    threading.Timer(0.2, release.set).start()
    stuck = runner.drain(timeout=10)
    assert task.future is not None
    finished_before_drain_returned = task.future.done()
    runner.read(lambda: "next", label="next read", on_done=delivered.append)
    qtbot.waitUntil(lambda: delivered != [], timeout=5000)  # the slow read's (dropped) delivery comes first
    qtbot.wait(50)
    assert (stuck, finished_before_drain_returned, delivered) == ([], True, ["next"])


def test_drain_names_a_task_that_outlasts_its_wait(runner: TaskRunner) -> None:
    started, release = threading.Event(), threading.Event()
    runner.read(lambda: (started.set(), release.wait(10)), label="count of all messages")
    assert started.wait(5)
    try:
        assert runner.drain(timeout=0.1) == ["count of all messages"]
    finally:
        release.set()


def test_a_cancelled_task_reports_no_failure(runner: TaskRunner, qtbot: Any) -> None:
    started, release = threading.Event(), threading.Event()
    errors: list[BaseException] = []
    failed: list[str] = []
    runner.task_failed.connect(lambda _task, line: failed.append(line))

    def fails_after_the_lock() -> None:
        started.set()
        release.wait(10)
        raise StoreLocked("the store is locked")

    task = runner.read(fails_after_the_lock, label="pane load", on_error=errors.append)
    assert started.wait(5)
    task.cancel()
    with qtbot.waitSignal(runner.task_finished, timeout=5000):
        release.set()
    assert (errors, failed) == ([], [])


def test_lock_waits_for_a_read_that_holds_a_connection(bridge: DeskBridge, demo_desk: Desk) -> None:
    """A read running when the desk locks finishes on an open store; the lock follows it."""
    started = threading.Event()
    seen: list[tuple[bool, int]] = []

    def read_through_the_lock() -> None:
        conn = demo_desk.store.read()
        started.set()
        threading.Event().wait(0.3)  # the lock is requested meanwhile
        count = conn.execute("SELECT count(*) FROM message").fetchone()[0]
        seen.append((demo_desk.store.is_open, count > 0))

    bridge.tasks.read(read_through_the_lock, label="message count")
    assert started.wait(5)
    bridge.lock()
    assert (seen, demo_desk.is_locked) == ([(True, True)], True)
