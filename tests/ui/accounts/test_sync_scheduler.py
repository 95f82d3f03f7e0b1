"""Background sync against Graph JSON on 127.0.0.1: turns, no overlap, due times, lock, failures and gap alerts."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest

from cmdesk.channels.accounts import Account
from cmdesk.channels.base import Connector
from cmdesk.channels.sync import SyncResult
from cmdesk.clock import FixedClock
from cmdesk.desk import Desk
from cmdesk.errors import InvalidInput
from tests.conftest import NOW
from tests.ui.accounts.conftest import V, facebook_account, serve_page, stored
from tests.unit.channels.conftest import FakeApi
from ui.accounts.gap_banner import GapBanner
from ui.accounts.sync_scheduler import SyncScheduler
from ui.bridge import DeskBridge

HOUR_MS = 3_600_000  # the timer never fires during a test; the tests tick by hand


@pytest.fixture
def scheduler(abridge: DeskBridge) -> Iterator[SyncScheduler]:
    s = SyncScheduler(abridge, poll_ms=HOUR_MS, pages_per_run=1)
    yield s
    s.stop()


def record(scheduler: SyncScheduler) -> list[tuple[Any, ...]]:
    seen: list[tuple[Any, ...]] = []
    scheduler.sync_started.connect(lambda _id, name: seen.append(("start", name)))
    scheduler.sync_finished.connect(lambda r: seen.append(("end", r.account, r.pages, r.done, r.error)))
    scheduler.sync_failed.connect(lambda _id, message: seen.append(("failed", message)))
    scheduler.gap_alert.connect(lambda names: seen.append(("gaps", names)))
    return seen


def run_pass(scheduler: SyncScheduler, qtbot: Any, *, start: bool = False) -> None:
    with qtbot.waitSignal(scheduler.pass_finished, timeout=10_000):
        scheduler.start() if start else scheduler.tick()


def test_due_accounts_sync_in_turns_one_job_at_a_time(
    scheduler: SyncScheduler, desk: Desk, graph: FakeApi, qtbot: Any
) -> None:
    serve_page(graph, "111", comments=4)
    serve_page(graph, "222", comments=2)
    facebook_account(desk, graph, "A page", "111")
    facebook_account(desk, graph, "B page", "222")
    seen = record(scheduler)
    run_pass(scheduler, qtbot, start=True)
    # one page per job, and the backlog of A waits its turn behind B: posts, comments, conversations
    assert seen == [
        ("start", "A page"),
        ("end", "A page", 1, False, None),
        ("start", "B page"),
        ("end", "B page", 1, False, None),
        ("start", "A page"),
        ("end", "A page", 1, False, None),
        ("start", "B page"),
        ("end", "B page", 1, False, None),
        ("start", "A page"),
        ("end", "A page", 1, True, None),
        ("start", "B page"),
        ("end", "B page", 1, True, None),
        ("gaps", []),
    ]
    assert (stored(desk, "A page"), stored(desk, "B page")) == (5, 3)  # the post and its comments
    assert [desk.accounts.get(n).last_success_at for n in ("A page", "B page")] == [NOW, NOW]
    assert scheduler.health_text() == "Sync OK: 2 accounts"


def test_an_account_waits_for_its_own_interval(
    scheduler: SyncScheduler, desk: Desk, graph: FakeApi, clock: FixedClock, qtbot: Any
) -> None:
    serve_page(graph, "111", comments=1)
    facebook_account(desk, graph, "A page", "111")
    slow = facebook_account(desk, graph, "B page", "111")
    desk.accounts.update(slow.id, {"sync_interval_s": 3600})
    scheduler.pages_per_run = 10
    run_pass(scheduler, qtbot, start=True)
    seen = record(scheduler)
    run_pass(scheduler, qtbot)
    clock.advance(timedelta(minutes=5))  # A syncs every 300 s (the default), B hourly
    run_pass(scheduler, qtbot)
    assert seen == [
        ("gaps", []),
        ("start", "A page"),
        ("end", "A page", 3, True, None),
        ("gaps", []),
    ]


def test_locking_stops_sync_and_unlocking_resumes_it(
    scheduler: SyncScheduler, abridge: DeskBridge, desk: Desk, graph: FakeApi, qtbot: Any
) -> None:
    serve_page(graph, "111", comments=3)
    facebook_account(desk, graph, "A page", "111")
    scheduler.pages_per_run = 10
    seen = record(scheduler)
    health: list[str] = []
    scheduler.health_changed.connect(health.append)
    locked_once: list[bool] = []

    def lock_at_first_start(_id: int, _name: str) -> None:
        if not locked_once:
            locked_once.append(True)
            abridge.lock()  # the job already handed to the writer finds the store closed

    scheduler.sync_started.connect(lock_at_first_start)
    scheduler.start()
    qtbot.waitUntil(lambda: bool(locked_once) and not scheduler.busy, timeout=10_000)
    scheduler.tick()
    assert (scheduler.busy, scheduler.health_text()) == (False, "Sync paused while the desk is locked")
    with qtbot.waitSignal(scheduler.pass_finished, timeout=10_000):
        abridge.unlock()
    assert seen == [
        ("start", "A page"),
        ("gaps", []),  # the lock takes account names off the screen
        ("start", "A page"),
        ("end", "A page", 3, True, None),
        ("gaps", []),
    ]
    assert stored(desk, "A page") == 4
    assert health == [
        "Syncing A page…",
        "Sync paused while the desk is locked",
        "Sync: checking the accounts…",
        "Syncing A page…",
        "Syncing A page: 1 fetched",
        "Syncing A page: 4 fetched",
        "Sync OK: 1 account",
    ]


def test_an_account_whose_sync_cannot_start_is_held_back_and_retried_later(
    scheduler: SyncScheduler, desk: Desk, graph: FakeApi, clock: FixedClock, qtbot: Any
) -> None:
    facebook_account(desk, graph, "A page", "111")

    def refuse(account: Account, secret: str | None) -> Connector:
        raise InvalidInput("the facebook account needs the setting(s): page_id")

    desk.accounts.connector_factory = refuse
    seen = record(scheduler)
    run_pass(scheduler, qtbot, start=True)
    run_pass(scheduler, qtbot)  # held: not tried again at once
    clock.advance(timedelta(seconds=31))
    run_pass(scheduler, qtbot)
    failed = ("failed", "the facebook account needs the setting(s): page_id")
    assert seen == [("start", "A page"), failed, ("gaps", []), ("gaps", []), ("start", "A page"), failed, ("gaps", [])]
    assert scheduler.health_text() == "Sync: 1 account needs attention"
    assert scheduler.held_message(desk.accounts.get("A page").id) == failed[1]


def test_a_monitoring_gap_raises_the_banner_until_a_sync_succeeds(
    scheduler: SyncScheduler, desk: Desk, graph: FakeApi, clock: FixedClock, qtbot: Any
) -> None:
    facebook_account(desk, graph, "A page", "111")
    graph.on("GET", f"{V}/111/posts", (401, "", {}))
    banner = GapBanner()
    qtbot.addWidget(banner)
    scheduler.gap_alert.connect(lambda names: banner.show_gaps(names, hours=scheduler.gap_hours))
    seen = record(scheduler)
    run_pass(scheduler, qtbot, start=True)
    assert desk.accounts.get("A page").status == "reconnect_needed"
    clock.advance(timedelta(hours=7))  # the default allows 6 h without a successful sync
    run_pass(scheduler, qtbot)
    assert seen[-1] == ("gaps", ["A page"])
    assert (banner.isHidden(), banner.label.text()) == (
        False,
        "No successful sync from A page for 7 h: adverse events may be going unseen.",
    )
    assert scheduler.health_text() == "Monitoring gap: A page"
    with qtbot.waitSignal(banner.open_accounts_requested, timeout=1000):
        banner.button.click()

    serve_page(graph, "111", comments=1)
    desk.accounts.set_secret("A page", "a fresh token")  # reconnected: active and due again
    run_pass(scheduler, qtbot)
    assert seen[-7:] == [
        ("start", "A page"),
        ("end", "A page", 1, False, None),
        ("start", "A page"),
        ("end", "A page", 1, False, None),
        ("start", "A page"),
        ("end", "A page", 1, True, None),
        ("gaps", []),
    ]
    assert (banner.isHidden(), banner.label.text()) == (True, "")


def test_sync_now_runs_an_account_that_is_not_due(
    scheduler: SyncScheduler, desk: Desk, graph: FakeApi, qtbot: Any
) -> None:
    serve_page(graph, "111", comments=1)
    account = facebook_account(desk, graph, "A page", "111")
    scheduler.pages_per_run = 10
    run_pass(scheduler, qtbot, start=True)
    results: list[SyncResult] = []
    scheduler.sync_finished.connect(results.append)
    with qtbot.waitSignal(scheduler.pass_finished, timeout=10_000):
        scheduler.sync_now(account.id)
    assert [(r.account, r.fetched, r.new, r.done) for r in results] == [("A page", 2, 0, True)]


def test_a_pass_with_new_messages_suggests_merging_people_seen_on_two_channels(
    scheduler: SyncScheduler, desk: Desk, graph: FakeApi, qtbot: Any
) -> None:
    serve_page(graph, "111", comments=2)
    serve_page(graph, "222", comments=1)
    facebook_account(desk, graph, "A page", "111")
    facebook_account(desk, graph, "B page", "222")
    run_pass(scheduler, qtbot, start=True)
    suggested = (
        desk.store.read()
        .execute("SELECT a.name FROM person_merge_suggestion s JOIN author a ON a.id = s.author_id ORDER BY a.name")
        .fetchall()
    )
    assert "User 0" in [r[0] for r in suggested]  # "User 0" commented on both pages
    assert "User 1" not in [r[0] for r in suggested]  # only on A


def test_a_lock_in_the_middle_of_a_sync_loses_nothing_stores_nothing_twice_and_still_suggests_merges(
    scheduler: SyncScheduler, abridge: DeskBridge, desk: Desk, graph: FakeApi, qtbot: Any
) -> None:
    """The whole path: scheduler, a sync stopped by the lock after a stored page, unlock, the rest of the sync.

    "User 0" comments on both pages. A's comments are stored before the lock cuts its sync short
    while it waits for the conversations (which bring nothing new), so only the lock-cut sync
    stored the new identity: the pass after the unlock must still suggest the merge.
    """
    serve_page(graph, "222", comments=1)
    facebook_account(desk, graph, "B page", "222")
    run_pass(scheduler, qtbot, start=True)
    serve_page(graph, "111", comments=2, name="Novalind AT")  # the brand's own pages are not one person
    opened = threading.Event()
    waiting: list[bool] = []

    def hold_first_call(_call: object) -> bool:
        waiting.append(True)
        return opened.wait(timeout=20)  # the channel is slow to answer: the lock comes meanwhile

    graph.on("GET", f"{V}/111/conversations", graph.graph_page([]), when=hold_first_call)
    facebook_account(desk, graph, "A page", "111")
    scheduler.pages_per_run = 10
    try:
        scheduler.tick()
        qtbot.waitUntil(lambda: bool(waiting) and stored(desk, "A page") == 3, timeout=10_000)  # post, 2 comments
        abridge.lock()
    finally:
        opened.set()  # never leave the server held, whatever failed
    locked_busy = scheduler.busy
    with qtbot.waitSignal(scheduler.pass_finished, timeout=10_000):
        abridge.unlock()
    rows = desk.store.read().execute("SELECT external_id, count(*) FROM message GROUP BY external_id").fetchall()
    suggested = desk.store.read().execute(
        "SELECT a.name, b.name FROM person_merge_suggestion s JOIN author a ON a.id = s.author_id "
        "JOIN channel_account b ON b.id = a.account_id"
    )
    assert (locked_busy, stored(desk, "A page"), max(n for _, n in rows), suggested.fetchall()) == (
        False,
        3,
        1,
        [("User 0", "A page")],
    )
