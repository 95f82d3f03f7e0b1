"""One task runner: core work off the UI thread, results back on the UI thread as signals.

Database writes are serialized on one worker (SQLite has one writer), reads run on a
small pool with their own per-thread read connections, network calls on their own
pool. A worker never touches a widget: it returns a value, and ``on_done`` runs on
the UI thread.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal

from cmdesk.errors import StoreLocked, UserError
from ui.error_text import error_text

log = logging.getLogger(__name__)
SAVES_WAIT_S = 60.0  # a lock waits this long at most for the user's own writes (milliseconds each, normally)


class Cancelled(Exception):
    """Raised inside a task (via ``Task.check``) when the user cancelled it."""


@dataclass(eq=False)
class Task:
    """Handle of one submitted job: progress reporting and cooperative cancellation."""

    label: str
    _cancel: threading.Event = field(default_factory=threading.Event)
    _runner: TaskRunner | None = None
    future: Future[Any] | None = None
    saves: bool = False  # a write the user asked for: a lock waits for it, never drops it
    # The work and its callbacks, held here and let go on the UI thread (see TaskRunner._submit);
    # the outcome, (failed, result or error), set by the worker.
    _work: Callable[..., Any] | None = None
    _on_done: Callable[[Any], None] | None = None
    _on_error: Callable[[BaseException], None] | None = None
    _outcome: tuple[bool, Any] | None = None

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check(self) -> None:
        if self._cancel.is_set():
            raise Cancelled(self.label)

    def progress(self, done: int, total: int) -> None:
        """Callable from the worker; the runner re-emits it on the UI thread."""
        self.check()
        if self._runner is not None:
            self._runner._progress.emit(self, done, total)


Done = Callable[[Any], None]
Failed = Callable[[BaseException], None]


class TaskRunner(QObject):
    """Runs callables on worker threads and calls back on the UI thread."""

    task_started = Signal(object)  # Task
    task_finished = Signal(object)  # Task
    task_progress = Signal(object, int, int)  # Task, done, total
    task_failed = Signal(object, str)  # Task, one-line message fit to show (user errors only)
    _deliver = Signal(object)  # a Task whose outcome is set: finished on the UI thread
    _progress = Signal(object, int, int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="cmdesk-write")
        self._readers = ThreadPoolExecutor(max_workers=3, thread_name_prefix="cmdesk-read")
        self._network = ThreadPoolExecutor(max_workers=4, thread_name_prefix="cmdesk-net")
        self._deliver.connect(self._on_deliver, Qt.ConnectionType.QueuedConnection)
        self._progress.connect(self.task_progress, Qt.ConnectionType.QueuedConnection)
        self._running: set[Task] = set()
        self._closed = False

    # -- submitting ----------------------------------------------------------------------

    def write(
        self,
        fn: Callable[..., Any],
        *,
        label: str = "",
        on_done: Done | None = None,
        on_error: Failed | None = None,
        with_task: bool = False,
        background: bool = False,
    ) -> Task:
        """A database write; all writes run one after another on the same worker.

        A lock waits for a write the user asked for, and cancels a ``background`` one (a sync
        pass), which stops at its next check (``with_task``) with what it has stored kept.
        """
        return self._submit(
            self._writer, fn, label=label, on_done=on_done, on_error=on_error, with_task=with_task, saves=not background
        )

    def read(
        self,
        fn: Callable[..., Any],
        *,
        label: str = "",
        on_done: Done | None = None,
        on_error: Failed | None = None,
        with_task: bool = False,
    ) -> Task:
        """A slow read (full id lists, counts) off the UI thread."""
        return self._submit(self._readers, fn, label=label, on_done=on_done, on_error=on_error, with_task=with_task)

    def network(
        self,
        fn: Callable[..., Any],
        *,
        label: str = "",
        on_done: Done | None = None,
        on_error: Failed | None = None,
        with_task: bool = False,
    ) -> Task:
        """Network work (sync, delivery) on its own pool, so it never waits behind a write."""
        return self._submit(self._network, fn, label=label, on_done=on_done, on_error=on_error, with_task=with_task)

    @property
    def busy(self) -> bool:
        return bool(self._running)

    def drain(self, timeout: float = 10.0, *, saves_timeout: float = SAVES_WAIT_S) -> list[str]:
        """Cancel what is running and wait (up to ``timeout`` s) until no worker is inside a task.

        Called before the store closes (lock): a worker still running a query would use a
        connection that closing frees under it, which crashes or hangs the process in SQLite.
        Writes the user asked for are not cancelled but waited for, up to ``saves_timeout`` s (a
        local write takes milliseconds; the limit only guards against a hung disk): a triage
        action made just before Ctrl+L is saved and delivered, not lost. Background writes (a
        sync pass) are cancelled like reads and stop at their next check. The runner stays
        usable. Cancelled tasks deliver nothing, not even their failure (a read that finds the
        store locked). Returns the labels of tasks still running.
        """
        running = list(self._running)
        for task in running:
            if not task.saves:
                task.cancel()
        others = [task.future for task in running if task.future is not None and not task.saves]
        saves = [task.future for task in running if task.future is not None and task.saves]
        not_done = wait(others, timeout=timeout).not_done | wait(saves, timeout=saves_timeout).not_done
        stuck = [task.label or "unnamed task" for task in running if task.future in not_done]
        if stuck:
            log.warning("background work still running after %.0f s: %s", timeout, ", ".join(stuck))
        return stuck

    def shutdown(self) -> None:
        """Cancel what is running, let the user's writes finish, and wait for the workers (at window close).

        A triage action made just before quitting is saved: queued writes the user asked for
        still run; reads and background writes (a sync pass) are cancelled.
        """
        self._closed = True
        for task in list(self._running):
            if not task.saves:
                task.cancel()
        self._writer.shutdown(wait=True)  # queued cancelled tasks end at their first check
        for pool in (self._readers, self._network):
            pool.shutdown(wait=True, cancel_futures=True)

    # -- internals -------------------------------------------------------------------------

    def _submit(
        self,
        pool: ThreadPoolExecutor,
        fn: Callable[..., Any],
        *,
        label: str,
        on_done: Done | None,
        on_error: Failed | None,
        with_task: bool,
        saves: bool = False,
    ) -> Task:
        task = Task(label=label, _runner=self, saves=saves, _work=fn, _on_done=on_done, _on_error=on_error)
        if self._closed:
            return task
        self._running.add(task)
        if label:
            self.task_started.emit(task)

        def job() -> None:
            # The worker never holds the last reference to the work, its callbacks or its result: those often
            # keep a Qt object alive (a model's bound method), and a Qt object freed on a worker thread leaves
            # the widgets using it with a dangling pointer (a crash when they go). The task holds them until
            # the UI thread has delivered the outcome and let them go (_finish).
            work = task._work
            try:
                task.check()  # cancelled while it waited in the pool (a lock drained the runner): it never starts
                assert work is not None
                task._outcome = (False, work(task) if with_task else work())
            except BaseException as err:  # delivered to the UI thread; nothing is swallowed
                task._outcome = (True, err)
            work = None
            self._deliver.emit(task)

        task.future = pool.submit(job)
        return task

    def _finish(self, task: Task) -> None:
        outcome, on_done, on_error = task._outcome, task._on_done, task._on_error
        task._work = task._on_done = task._on_error = task._outcome = None  # let go here, on the UI thread
        failed, value = outcome if outcome is not None else (True, Cancelled(task.label))
        callback = on_error if failed else on_done
        self._running.discard(task)
        if task.label:
            self.task_finished.emit(task)
        if failed:
            err: BaseException = value
            if isinstance(err, Cancelled):
                return
            if task.cancelled:
                # Nobody waits for the answer any more; an error the cancel itself explains (the store was
                # locked under it) is expected, anything else is a defect worth a log line.
                if not isinstance(err, StoreLocked):
                    log.warning("cancelled task %r failed", task.label, exc_info=(type(err), err, err.__traceback__))
                return
            if callback is not None:
                callback(err)
            elif isinstance(err, UserError):
                self.task_failed.emit(task, error_text(err))
            else:
                log.error("task %r failed", task.label, exc_info=(type(err), err, err.__traceback__))
                self.task_failed.emit(task, f"{type(err).__name__}: {err}")
            return
        if callback is not None and not task.cancelled:
            callback(value)

    def _on_deliver(self, task: Task) -> None:
        self._finish(task)
