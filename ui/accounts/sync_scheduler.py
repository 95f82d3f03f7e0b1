"""Background sync from the window: due accounts in turn, one write job at a time, a gap check after each pass.

A pass reads the accounts, queues the due ones ("Sync now" requests first) and syncs
them one after another, at most ``pages_per_run`` pages per job, so the single writer
is never held for long and other desk writes slip in between. An account with pages
left goes to the back of the queue: a big backlog on one page never starves the
others. After the queue is empty the pass asks the engine for monitoring gaps.
"""

from __future__ import annotations

import logging
from collections import deque
from datetime import datetime, timedelta

from PySide6.QtCore import QObject, QTimer, Signal

from cmdesk.channels.accounts import Account
from cmdesk.channels.sync import FIRST_BACKOFF, MAX_BACKOFF, SyncEngine, SyncResult
from cmdesk.errors import UserError
from cmdesk.model import ChannelKind
from ui.accounts.text import fill
from ui.bridge import DeskBridge
from ui.error_text import error_text
from ui.tasks import Task

log = logging.getLogger(__name__)

POLL_MS = 30_000
PAGES_PER_RUN = 10
HOUR = timedelta(hours=1)


class SyncScheduler(QObject):
    """Syncs the desk's accounts on their own schedules while the desk is unlocked."""

    sync_started = Signal(int, str)  # account id, account name
    sync_finished = Signal(object)  # SyncResult of one job (``error`` set when the channel failed)
    sync_failed = Signal(int, str)  # account id, message: the sync could not run at all
    progress = Signal(str, int, int)  # account name, items fetched and stored by the running job
    pass_finished = Signal()
    gap_alert = Signal(list)  # names of the accounts with an open monitoring gap; [] when there is none
    health_changed = Signal(str)  # health_text() whenever it changes

    def __init__(
        self,
        bridge: DeskBridge,
        *,
        poll_ms: int = POLL_MS,
        pages_per_run: int = PAGES_PER_RUN,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self.pages_per_run = pages_per_run
        self.gaps: list[str] = []
        self.gap_hours: dict[str, int] = {}  # account name -> whole hours without a successful sync
        self._timer = QTimer(self)
        self._timer.setInterval(poll_ms)
        self._timer.timeout.connect(self.tick)
        self._started = False
        self._job: Task | None = None
        self._queue: deque[int] = deque()
        self._forced: list[int] = []
        self._accounts: dict[int, Account] = {}
        self._known = False  # the accounts were read since the start or the last unlock
        self._running: Account | None = None
        self._fetched = 0
        self._stored = 0
        # accounts whose sync could not even start (no keyring, refused settings): until, wait, message
        self._held: dict[int, tuple[datetime, timedelta, str]] = {}
        self._health = ""
        bridge.locked.connect(self._on_locked)
        bridge.unlocked.connect(self._on_unlocked)
        bridge.sync_progress.connect(self._on_sync_progress)

    # -- control -------------------------------------------------------------------------------

    def start(self) -> None:
        """Poll from now on; the first pass starts at once."""
        self._started = True
        if not self.bridge.is_locked:
            self._timer.start()
            self.tick()

    def stop(self) -> None:
        """No new jobs (the running one finishes); call before the bridge closes."""
        self._started = False
        self._timer.stop()
        self._queue.clear()
        self._forced.clear()

    @property
    def busy(self) -> bool:
        return self._job is not None

    @property
    def running_account(self) -> str | None:
        return self._running.name if self._running is not None else None

    def sync_now(self, account_id: int) -> None:
        """Sync this account in the next pass even if it is not due (the pass starts now if none runs)."""
        self._held.pop(account_id, None)
        if account_id not in self._forced:
            self._forced.append(account_id)
        self.tick()

    def tick(self) -> None:
        """Start a pass unless one runs, the desk is locked or the scheduler is stopped."""
        if not self._can_run() or self._job is not None:
            return
        desk = self.bridge.desk
        accounts = desk.accounts

        def plan() -> tuple[list[Account], datetime]:
            return accounts.list(), desk.clock.now()

        self._job = self.bridge.tasks.read(plan, on_done=self._on_planned, on_error=self._on_job_error)

    # -- one pass --------------------------------------------------------------------------------

    def _can_run(self) -> bool:
        return self._started and not self.bridge.is_locked

    def _on_planned(self, planned: tuple[list[Account], datetime]) -> None:
        self._job = None
        if not self._can_run():
            return
        accounts, now = planned
        self._accounts = {a.id: a for a in accounts}
        self._known = True
        forced = [i for i in self._forced if i in self._accounts]
        self._forced.clear()
        self._held = {i: held for i, held in self._held.items() if held[0] > now}
        due = [a.id for a in accounts if a.id not in forced and a.id not in self._held and SyncEngine.is_due(a, now)]
        self._queue = deque(forced + due)
        self._run_next()

    def _run_next(self) -> None:
        if not self._can_run():
            self._set_health()
            return
        if not self._queue:
            self._check_gaps()
            return
        account = self._accounts[self._queue.popleft()]
        self._running, self._fetched, self._stored = account, 0, 0
        self._set_health()
        self.sync_started.emit(account.id, account.name)
        sync, pages = self.bridge.desk.sync, self.pages_per_run
        self._job = self.bridge.tasks.write(
            lambda task: sync.sync_account(account.id, max_pages=pages, stop=lambda: task.cancelled),
            on_done=self._on_synced,
            on_error=self._on_sync_error,
            with_task=True,
            background=True,  # locking the desk stops it after the transaction under way
        )

    def _on_synced(self, result: SyncResult) -> None:
        self._job, self._running = None, None
        self._held.pop(result.account_id, None)
        self.sync_finished.emit(result)
        if result.error is None and not result.done and self._can_run():
            self._queue.append(result.account_id)  # pages left: again after the others had their turn
        self._run_next()

    def _on_sync_error(self, err: BaseException) -> None:
        account, self._job, self._running = self._running, None, None
        if account is None or self.bridge.is_locked:  # locking closed the store under the job
            self._set_health()
            return
        if isinstance(err, UserError):
            message = error_text(err)
        else:  # a bug must not stop the other accounts' monitoring
            log.error("background sync of account %s failed", account.id, exc_info=(type(err), err, err.__traceback__))
            message = fill(self.tr("internal error (%1); see the log"), type(err).__name__)
        previous = self._held.get(account.id)
        wait = min(previous[1] * 2, MAX_BACKOFF) if previous else FIRST_BACKOFF
        self._held[account.id] = (self.bridge.desk.clock.now() + wait, wait, message)
        self.sync_failed.emit(account.id, message)
        self._run_next()

    def _check_gaps(self) -> None:
        desk = self.bridge.desk
        sync, accounts, people = desk.sync, desk.accounts, desk.people

        def check() -> tuple[list[int], list[Account], datetime]:
            # new authors (also from a sync the lock cut short) may be people the desk knows from another
            # channel: suggest, a human decides
            people.suggest_merges_for_new_authors()
            gap_ids = sync.check_gaps()
            return gap_ids, accounts.list(), desk.clock.now()

        self._job = self.bridge.tasks.write(
            check, on_done=self._on_gaps_checked, on_error=self._on_job_error, background=True
        )

    def _on_gaps_checked(self, checked: tuple[list[int], list[Account], datetime]) -> None:
        self._job = None
        if not self._can_run():
            return
        gap_ids, accounts, now = checked
        self._accounts = {a.id: a for a in accounts}
        gaps = [self._accounts[i] for i in gap_ids if i in self._accounts]
        self.gaps = [a.name for a in gaps]
        self.gap_hours = {a.name: int((now - (a.last_success_at or a.created_at)) / HOUR) for a in gaps}
        self._set_health()
        self.gap_alert.emit(list(self.gaps))
        self.pass_finished.emit()
        if self._forced:  # "Sync now" asked while this pass ran
            self.tick()

    def _on_job_error(self, err: BaseException) -> None:
        self._job = None
        if self.bridge.is_locked:
            return
        if isinstance(err, UserError):
            log.warning("background sync pass stopped: %s", err)
        else:
            log.error("background sync pass failed", exc_info=(type(err), err, err.__traceback__))
        self._set_health()

    # -- health ----------------------------------------------------------------------------------

    def health_text(self) -> str:
        """One line for the status bar: what sync is doing, or what needs the user."""
        if self.bridge.is_locked:
            return self.tr("Sync paused while the desk is locked")
        if self._running is not None:
            if self._fetched:
                return fill(self.tr("Syncing %1: %2 fetched"), self._running.name, self._fetched)
            return fill(self.tr("Syncing %1…"), self._running.name)
        if self.gaps:
            return fill(self.tr("Monitoring gap: %1"), ", ".join(self.gaps))
        if not self._known:
            return self.tr("Sync: checking the accounts…")
        watched = [a for a in self._accounts.values() if a.kind != ChannelKind.FILE.value and a.status != "paused"]
        attention = [
            a for a in watched if a.status == "reconnect_needed" or a.last_error is not None or a.id in self._held
        ]
        if attention:
            return self.tr("Sync: %n account(s) need attention", "", len(attention))
        if not watched:
            return self.tr("Sync: no active channel accounts")
        return self.tr("Sync OK: %n account(s)", "", len(watched))

    def held_message(self, account_id: int) -> str | None:
        """Why the scheduler is holding back this account (its sync could not start), if it is."""
        held = self._held.get(account_id)
        return held[2] if held else None

    def _set_health(self) -> None:
        text = self.health_text()
        if text != self._health:
            self._health = text
            self.health_changed.emit(text)

    # -- bridge signals --------------------------------------------------------------------------

    def _on_sync_progress(self, account_id: int, fetched: int, stored: int) -> None:
        if self._running is None or self._running.id != account_id:
            return
        self._fetched, self._stored = fetched, stored
        self.progress.emit(self._running.name, fetched, stored)
        self._set_health()

    def _on_locked(self) -> None:
        # the lock cancelled the running job (TaskRunner.drain): its callbacks never come
        self._job, self._running = None, None
        self._timer.stop()
        self._queue.clear()
        self._forced.clear()
        self._accounts.clear()
        self._known = False
        self.gaps, self.gap_hours = [], {}
        self.gap_alert.emit([])  # names are desk data: nothing stays on screen while locked
        self._set_health()

    def _on_unlocked(self) -> None:
        self._set_health()
        if self._started:
            self._timer.start()
            self.tick()
