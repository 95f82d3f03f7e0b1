"""The sync engine with an in-process fake connector: pages, cursor, failures, health and gap alerts."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

import pytest

from cmdesk import events
from cmdesk.channels.accounts import Account
from cmdesk.channels.base import Connector, Delivery, OutgoingAction, Page, RejectedItem
from cmdesk.clock import FixedClock
from cmdesk.desk import Desk
from cmdesk.errors import InvalidInput, RateLimited, ReconnectNeeded, TransientChannelError
from cmdesk.model import IncomingMessage, MessageKind

T0 = datetime.fromisoformat("2026-11-24T08:00:00+00:00")


def comment(n: int) -> IncomingMessage:
    return IncomingMessage(
        external_id=f"c{n}",
        kind=MessageKind.COMMENT,
        text=f"comment number {n} about the product",
        created_at=T0 + timedelta(seconds=n),
        author_external_id=f"u{n % 7}",
        author_name=f"User {n % 7}",
        thread_external_id="post1",
    )


@dataclass
class FakeConnector:
    """Serves ``total`` comments ``page_size`` at a time; ``failures`` are raised once each, in order."""

    total: int = 25
    page_size: int = 10
    failures: list[Exception] = field(default_factory=list)
    fetches: list[dict[str, Any]] = field(default_factory=list)
    rejects_at: int | None = None
    kind: str = "facebook"

    def fetch(self, cursor: dict[str, Any]) -> Page:
        self.fetches.append(dict(cursor))
        if self.failures:
            raise self.failures.pop(0)
        start = int(cursor.get("offset", 0))
        end = min(start + self.page_size, self.total)
        rejected: tuple[RejectedItem, ...] = ()
        if self.rejects_at is not None and start <= self.rejects_at < end:
            rejected = (RejectedItem(external_id="bad1", reason="no message text", raw={"id": "bad1"}),)
        return Page(
            items=tuple(comment(n) for n in range(start, end)),
            cursor={"offset": end},
            done=end >= self.total,
            rejected=rejected,
            token_expires_at=T0 + timedelta(days=50),
        )

    def deliver(self, action: OutgoingAction) -> Delivery:
        return Delivery(remote_id="r1")

    def find_delivered(self, action: OutgoingAction, *, since: datetime) -> Delivery | None:
        return None

    def check(self) -> str:
        return "Fake page"


@pytest.fixture
def fake(desk: Desk) -> FakeConnector:
    connector = FakeConnector()

    def factory(account: Account, secret: str | None) -> Connector:
        return connector

    desk.accounts.connector_factory = factory
    desk.accounts.add("facebook", "FB", {"page_id": "1"})
    return connector


def stored_ids(desk: Desk) -> list[str]:
    rows = desk.store.read().execute("SELECT external_id FROM message ORDER BY id").fetchall()
    return [r[0] for r in rows]


def test_sync_stores_every_page_and_keeps_the_cursor(desk: Desk, fake: FakeConnector, clock: FixedClock) -> None:
    fake.rejects_at = 12
    result = desk.sync.sync_account("FB")
    assert (result.pages, result.fetched, result.new, result.rejected, result.done) == (3, 25, 25, 1, True)
    assert stored_ids(desk) == [f"c{n}" for n in range(25)]
    account = desk.accounts.get("FB")
    assert account.cursor == {"offset": 25}
    assert account.last_success_at == clock.now()
    assert account.token_expires_at == T0 + timedelta(days=50)
    assert account.items_last_hour == 25
    rejected = desk.store.read().execute("SELECT external_id, reason, raw FROM rejected_item").fetchall()
    assert rejected == [("bad1", "no message text", '{"id":"bad1"}')]
    assert fake.fetches == [{}, {"offset": 10}, {"offset": 20}]


def test_sync_again_resumes_from_the_cursor_and_stores_nothing_twice(desk: Desk, fake: FakeConnector) -> None:
    desk.sync.sync_account("FB", max_pages=1)
    assert desk.accounts.get("FB").retry_at is not None  # more to fetch: due again at once
    fake.total = 30
    desk.sync.sync_account("FB")
    assert stored_ids(desk) == [f"c{n}" for n in range(30)]
    assert fake.fetches[1] == {"offset": 10}


def test_replaying_a_page_changes_nothing(desk: Desk, fake: FakeConnector) -> None:
    desk.sync.sync_account("FB")
    fake.rejects_at = 12
    for _ in range(2):
        with desk.store.transaction() as conn:
            conn.execute("UPDATE channel_account SET cursor = '{\"offset\": 10}'")
        result = desk.sync.sync_account("FB")
        assert (result.fetched, result.new) == (15, 0)
    assert len(stored_ids(desk)) == 25
    assert desk.store.read().execute("SELECT COUNT(*) FROM rejected_item").fetchone()[0] == 1


def test_reconnect_needed_pauses_the_account_and_loses_nothing(desk: Desk, fake: FakeConnector) -> None:
    desk.sync.sync_account("FB", max_pages=1)
    fake.failures = [ReconnectNeeded("the Facebook token expired; reconnect the account")]
    result = desk.sync.sync_account("FB")
    assert result.error == "the Facebook token expired; reconnect the account"
    account = desk.accounts.get("FB")
    assert (account.status, account.last_error, account.cursor) == (
        "reconnect_needed",
        "the Facebook token expired; reconnect the account",
        {"offset": 10},
    )
    assert desk.sync.sync_due() == []  # not due while it needs reconnecting
    desk.accounts.set_secret("FB", "fresh")
    desk.sync.sync_account("FB")
    assert len(stored_ids(desk)) == 25


def test_rate_limit_sets_retry_at(desk: Desk, fake: FakeConnector, clock: FixedClock) -> None:
    fake.failures = [RateLimited("slow down", retry_after_s=900)]
    desk.sync.sync_account("FB")
    account = desk.accounts.get("FB")
    assert account.retry_at == clock.now() + timedelta(seconds=900)
    assert desk.sync.sync_due() == []
    clock.advance(timedelta(seconds=900))
    [result] = desk.sync.sync_due()
    assert (result.new, result.error) == (25, None)
    assert desk.accounts.get("FB").last_error is None


def test_transient_errors_back_off_longer_each_time(desk: Desk, fake: FakeConnector, clock: FixedClock) -> None:
    fake.failures = [TransientChannelError("timeout")] * 3
    waits = []
    for _ in range(3):
        start = clock.now()
        [result] = desk.sync.sync_due()
        assert result.error == "timeout"
        retry_at = desk.accounts.get("FB").retry_at
        assert retry_at is not None
        waits.append(retry_at - start)
        clock.set(retry_at)
    assert waits == [timedelta(seconds=30), timedelta(seconds=60), timedelta(seconds=120)]
    [result] = desk.sync.sync_due()
    assert result.new == 25


def test_schedule_follows_the_sync_interval(desk: Desk, fake: FakeConnector, clock: FixedClock) -> None:
    assert len(desk.sync.sync_due()) == 1
    assert desk.sync.sync_due() == []
    assert desk.sync.next_due_at() == clock.now() + timedelta(seconds=300)
    clock.advance(timedelta(seconds=300))
    assert len(desk.sync.sync_due()) == 1


def test_monitoring_gap_alert_is_raised_and_cleared(desk: Desk, fake: FakeConnector, clock: FixedClock) -> None:
    desk.sync.sync_account("FB")
    fake.failures = [TransientChannelError("down")] * 100
    raised: list[bool] = []
    desk.events.subscribe(events.ALERTS_CHANGED, lambda: raised.append(True))
    clock.advance(timedelta(hours=7))
    desk.sync.sync_due()
    alerts = desk.store.read().execute("SELECT kind, key, cleared_at FROM alert").fetchall()
    account_id = desk.accounts.get("FB").id
    assert alerts == [("monitoring_gap", f"account:{account_id}", None)]
    desk.sync.check_gaps()  # no second alert for the same gap
    assert len(desk.store.read().execute("SELECT * FROM alert").fetchall()) == 1
    fake.failures = []
    desk.sync.sync_account("FB")
    cleared = desk.store.read().execute("SELECT cleared_at FROM alert").fetchone()[0]
    assert cleared == "2026-11-24T16:00:00Z"
    assert raised == [True, True]


def test_paused_accounts_are_neither_synced_nor_alerted(desk: Desk, fake: FakeConnector, clock: FixedClock) -> None:
    desk.accounts.pause("FB")
    clock.advance(timedelta(hours=12))
    assert desk.sync.sync_due() == []
    with pytest.raises(InvalidInput, match="is paused"):
        desk.sync.sync_account("FB")
    assert desk.store.read().execute("SELECT COUNT(*) FROM alert").fetchone()[0] == 0


def test_progress_events_per_page(desk: Desk, fake: FakeConnector) -> None:
    progress: list[tuple[int, int]] = []
    desk.events.subscribe(events.SYNC_PROGRESS, lambda account_id, fetched, stored: progress.append((fetched, stored)))
    desk.sync.sync_account("FB")
    assert progress == [(10, 10), (20, 20), (25, 25)]


def _fetch_while_the_first_page_is_stored(fake: FakeConnector, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The first page stored alone, and stored only once the fetch thread has fetched all it will after it.

    Returns the number of items of each batch stored (a transaction each).
    """
    import cmdesk.channels.sync as sync_module
    from cmdesk.ingest import ingest as real_ingest

    batches: list[int] = []
    first_stored = threading.Event()
    real_fetch = fake.fetch

    def fetch(cursor: dict[str, Any]) -> Page:
        if cursor:
            first_stored.wait(timeout=30)
        return real_fetch(cursor)

    def ingest(*args: Any, **kwargs: Any) -> Any:
        if not batches:
            first_stored.set()
            for thread in threading.enumerate():
                if thread.name.startswith("sync-fetch-"):
                    thread.join(timeout=30)
        batches.append(len(kwargs["items"]))
        return real_ingest(*args, **kwargs)

    monkeypatch.setattr(fake, "fetch", fetch)
    monkeypatch.setattr(sync_module, "ingest", ingest)
    return batches


def test_pages_fetched_while_one_is_stored_are_stored_together(
    desk: Desk, fake: FakeConnector, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One transaction for the pages already fetched, with the last one's cursor; counted page by page as before."""
    fake.rejects_at = 22
    batches = _fetch_while_the_first_page_is_stored(fake, monkeypatch)
    progress: list[tuple[int, int]] = []
    desk.events.subscribe(events.SYNC_PROGRESS, lambda account_id, fetched, stored: progress.append((fetched, stored)))
    result = desk.sync.sync_account("FB")
    assert batches == [10, 15]
    assert progress == [(10, 10), (20, 20), (25, 25)]
    assert (result.pages, result.fetched, result.new, result.rejected, result.done) == (3, 25, 25, 1, True)
    assert (desk.accounts.get("FB").cursor, stored_ids(desk)) == ({"offset": 25}, [f"c{n}" for n in range(25)])
    assert desk.store.read().execute("SELECT external_id FROM rejected_item").fetchall() == [("bad1",)]


def test_pages_stored_together_keep_to_the_item_budget(
    desk: Desk, fake: FakeConnector, monkeypatch: pytest.MonkeyPatch
) -> None:
    import cmdesk.channels.sync as sync_module

    monkeypatch.setattr(sync_module, "GROUP_ITEMS", 10)
    batches = _fetch_while_the_first_page_is_stored(fake, monkeypatch)
    desk.sync.sync_account("FB")
    assert (batches, stored_ids(desk)) == ([10, 10, 5], [f"c{n}" for n in range(25)])


def test_a_bug_in_one_connector_is_recorded_and_others_still_sync(desk: Desk, fake: FakeConnector) -> None:
    fake.failures = [KeyError("boom")]
    desk.accounts.add("youtube", "YT", {"channel_id": "UC1"})
    results = desk.sync.sync_due()
    assert [(r.account, r.error) for r in results] == [
        ("FB", "internal error (KeyError); see the log"),
        ("YT", None),
    ]
    assert desk.accounts.get("FB").last_error == "internal error (KeyError); see the log"


def test_a_failure_before_the_first_page_is_recorded(desk: Desk, clock: FixedClock) -> None:
    """Connection refused on the very first request: the account shows it and backs off, the cursor stays empty."""
    desk.accounts.add("facebook", "Down", {"page_id": "1", "base_url": "http://127.0.0.1:9"})
    desk.accounts.set_secret("Down", "token")
    desk.accounts.connector_factory = None
    result = desk.sync.sync_account("Down", connector=_refusing_connector(desk))
    account = desk.accounts.get("Down")
    assert result.error is not None
    assert (result.pages, account.last_error, account.last_error_at, account.retry_at, account.cursor) == (
        0,
        result.error,
        clock.now(),
        clock.now() + timedelta(seconds=30),
        {},
    )


def test_a_connector_that_cannot_be_built_is_recorded(desk: Desk, fake: FakeConnector, clock: FixedClock) -> None:
    def broken(account: Account, secret: str | None) -> Connector:
        raise ReconnectNeeded("the Facebook token expired; reconnect the account")

    desk.accounts.connector_factory = broken
    result = desk.sync.sync_account("FB")
    account = desk.accounts.get("FB")
    assert (result.error, account.status, account.last_error, account.last_error_at) == (
        "the Facebook token expired; reconnect the account",
        "reconnect_needed",
        "the Facebook token expired; reconnect the account",
        clock.now(),
    )


def test_a_pass_stopped_by_the_page_budget_is_due_again_at_once(
    desk: Desk, fake: FakeConnector, clock: FixedClock
) -> None:
    [result] = desk.sync.sync_due(max_pages=1)
    assert (result.pages, result.done) == (1, False)
    assert desk.accounts.get("FB").retry_at == clock.now()
    [result] = desk.sync.sync_due(max_pages=1)
    assert (result.pages, result.fetched) == (1, 10)
    [result] = desk.sync.sync_due()
    assert (result.done, desk.accounts.get("FB").retry_at) == (True, None)
    assert stored_ids(desk) == [f"c{n}" for n in range(25)]


def _refusing_connector(desk: Desk) -> Connector:
    """The real Facebook connector pointed at a port nobody listens on, without retries."""
    from cmdesk.channels.facebook import FacebookConnector
    from cmdesk.channels.http import make_session

    return FacebookConnector(
        page_id="1",
        token="token",
        clock=desk.clock,
        base_url="http://127.0.0.1:9",
        session=make_session(retries=0, backoff_factor=0),
    )


def test_settings_the_connector_refuses_are_recorded(desk: Desk, fake: FakeConnector, clock: FixedClock) -> None:
    def refusing(account: Account, secret: str | None) -> Connector:
        raise InvalidInput("a {channel} account needs the setting(s): {missing}", channel="Facebook", missing="page_id")

    desk.accounts.connector_factory = refusing
    with pytest.raises(InvalidInput, match="needs the setting"):
        desk.sync.sync_account("FB")
    account = desk.accounts.get("FB")
    assert (account.last_error, account.retry_at) == (
        "a Facebook account needs the setting(s): page_id",
        clock.now() + timedelta(seconds=30),
    )
    [result] = desk.sync.sync_due(clock.now() + timedelta(seconds=30))
    assert (result.error, desk.accounts.get("FB").retry_at) == (
        "a Facebook account needs the setting(s): page_id",
        clock.now() + timedelta(seconds=60),  # the wait doubles, recorded once per failure
    )


def test_a_bug_before_the_first_page_is_recorded_and_raised(desk: Desk, fake: FakeConnector, clock: FixedClock) -> None:
    fake.failures = [KeyError("boom")]
    with pytest.raises(KeyError):
        desk.sync.sync_account("FB")
    account = desk.accounts.get("FB")
    assert (account.last_error, account.retry_at, account.cursor) == (
        "internal error (KeyError); see the log",
        clock.now() + timedelta(seconds=30),
        {},
    )


def test_nothing_is_fetched_past_the_page_budget(desk: Desk, fake: FakeConnector) -> None:
    result = desk.sync.sync_account("FB", max_pages=2)
    assert (result.pages, result.done, fake.fetches) == (2, False, [{}, {"offset": 10}])
    assert desk.sync.sync_account("FB", max_pages=0).pages == 0
    assert fake.fetches == [{}, {"offset": 10}]


def test_a_failed_fetch_keeps_the_pages_before_it(desk: Desk, fake: FakeConnector, clock: FixedClock) -> None:
    """The next page is fetched while one is stored; its failure shows only after that page is committed."""
    fake.page_size = 5
    failing_fetch = fake.fetch

    def fetch(cursor: dict[str, Any]) -> Page:
        if cursor.get("offset") == 10:
            raise TransientChannelError("timeout")
        return failing_fetch(cursor)

    result = desk.sync.sync_account("FB", connector=_Fetching(fetch))
    account = desk.accounts.get("FB")
    assert (result.pages, result.new, result.error) == (2, 10, "timeout")
    assert (account.cursor, account.last_error, account.retry_at) == (
        {"offset": 10},
        "timeout",
        clock.now() + timedelta(seconds=30),
    )
    assert stored_ids(desk) == [f"c{n}" for n in range(10)]


def test_a_page_that_cannot_be_stored_loses_nothing(
    desk: Desk, fake: FakeConnector, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The page fetched ahead is dropped with the failed one: the cursor still points before both."""
    desk.sync.sync_account("FB", max_pages=1)
    import cmdesk.channels.sync as sync_module

    def broken(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("disk trouble")

    monkeypatch.setattr(sync_module, "ingest", broken)
    with pytest.raises(RuntimeError):
        desk.sync.sync_account("FB")
    assert (desk.accounts.get("FB").cursor, stored_ids(desk)) == ({"offset": 10}, [f"c{n}" for n in range(10)])
    # the next page may have been asked for ahead (then dropped) or cancelled before it was
    assert fake.fetches in ([{}, {"offset": 10}], [{}, {"offset": 10}, {"offset": 20}])
    monkeypatch.undo()
    desk.sync.sync_account("FB")
    assert stored_ids(desk) == [f"c{n}" for n in range(25)]


@dataclass
class _Fetching:
    """A connector that is only its fetch function."""

    fetch_page: Any
    kind: str = "facebook"

    def fetch(self, cursor: dict[str, Any]) -> Page:
        page: Page = self.fetch_page(cursor)
        return page

    def deliver(self, action: OutgoingAction) -> Delivery:
        return Delivery(remote_id="r1")

    def find_delivered(self, action: OutgoingAction, *, since: datetime) -> Delivery | None:
        return None

    def check(self) -> str:
        return "Fake page"


def test_a_sync_asked_to_stop_ends_after_what_it_stored_and_the_next_run_goes_on(
    desk: Desk, fake: FakeConnector, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Locking the desk stops a background sync between transactions, never inside one."""
    import cmdesk.channels.sync as sync_module

    monkeypatch.setattr(sync_module, "GROUP_ITEMS", 10)  # a page per transaction

    def stop_after_the_first_transaction() -> bool:
        return desk.accounts.get("FB").cursor != {}

    stopped = desk.sync.sync_account("FB", stop=stop_after_the_first_transaction)
    kept = stored_ids(desk)
    assert not stopped.done
    assert (kept, stopped.pages) == ([f"c{n}" for n in range(10)], 1)
    assert desk.accounts.get("FB").cursor == {"offset": 10}
    desk.sync.sync_account("FB")
    assert stored_ids(desk) == [f"c{n}" for n in range(25)]


def test_a_sync_stopped_before_it_starts_stores_nothing(desk: Desk, fake: FakeConnector) -> None:
    result = desk.sync.sync_account("FB", stop=lambda: True)
    assert (result.pages, result.done, stored_ids(desk), desk.accounts.get("FB").cursor) == (0, False, [], {})
