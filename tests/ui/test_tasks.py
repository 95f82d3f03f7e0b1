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


@pytest.mark.parametrize(
    ("error", "logged"),
    [
        (StoreLocked("the store is locked"), []),
        (KeyError("pane"), [("WARNING", "cancelled task 'pane load' failed")]),  # a defect: worth a log line
    ],
)
def test_a_cancelled_task_reports_no_failure(
    runner: TaskRunner, qtbot: Any, caplog: pytest.LogCaptureFixture, error: Exception, logged: list[tuple[str, str]]
) -> None:
    started, release = threading.Event(), threading.Event()
    errors: list[BaseException] = []
    failed: list[str] = []
    runner.task_failed.connect(lambda _task, line: failed.append(line))

    def fails_after_the_lock() -> None:
        started.set()
        release.wait(10)
        raise error

    task = runner.read(fails_after_the_lock, label="pane load", on_error=errors.append)
    assert started.wait(5)
    task.cancel()
    with caplog.at_level("WARNING", logger="ui.tasks"), qtbot.waitSignal(runner.task_finished, timeout=5000):
        release.set()
    assert (errors, failed) == ([], [])
    assert [(r.levelname, r.getMessage()) for r in caplog.records if r.name == "ui.tasks"] == logged


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


def test_drain_waits_for_a_write_and_delivers_it(runner: TaskRunner, qtbot: Any) -> None:
    """A triage action made just before Ctrl+L is saved and delivered, not dropped by the lock's drain."""
    started, release = threading.Event(), threading.Event()
    delivered: list[object] = []

    def slow_write() -> str:
        started.set()
        release.wait(10)
        return "assigned"

    runner.write(slow_write, label="assign", on_done=delivered.append)
    runner.write(lambda: "done", label="set status", on_done=delivered.append)  # still queued when drain starts
    assert started.wait(5)
    threading.Timer(0.2, release.set).start()
    assert runner.drain(timeout=10) == []
    qtbot.waitUntil(lambda: len(delivered) == 2, timeout=5000)
    assert delivered == ["assigned", "done"]


def test_drain_cancels_a_background_write_which_stops_at_its_next_check(runner: TaskRunner, qtbot: Any) -> None:
    """A sync pass is a background write: locking stops it instead of waiting for the whole pass."""
    started = threading.Event()
    delivered: list[object] = []
    checks: list[bool] = []

    def sync_pass(task: Any) -> str:
        started.set()
        for _ in range(500):  # 10 s at most
            checks.append(task.cancelled)
            if task.cancelled:
                return "stopped"
            threading.Event().wait(0.02)
        return "finished"

    runner.write(sync_pass, label="sync", on_done=delivered.append, with_task=True, background=True)
    assert started.wait(5)
    assert runner.drain(timeout=10) == []
    qtbot.wait(50)
    assert (checks[-1], delivered) == (True, [])  # stopped at its check; a cancelled task delivers nothing


def test_shutdown_lets_a_queued_write_of_the_user_finish(qapp: object) -> None:
    """Quitting right after assigning a message, while a sync pass holds the writer: the assignment is saved."""
    runner = TaskRunner()
    started, release = threading.Event(), threading.Event()
    saved: list[str] = []

    def sync_pass(task: Any) -> None:
        started.set()
        while not task.cancelled and not release.wait(0.01):
            pass

    runner.write(sync_pass, label="sync", with_task=True, background=True)
    assert started.wait(5)
    runner.write(lambda: saved.append("assigned"), label="assign")
    runner.shutdown()
    release.set()
    assert saved == ["assigned"]
