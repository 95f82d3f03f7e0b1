"""The outbox: saved first, delivered with retries, never posted twice after a timeout."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

import pytest

from cmdesk.channels.accounts import Account
from cmdesk.channels.base import Connector, Delivery, OutgoingAction, Page
from cmdesk.channels.outbox import MAX_ATTEMPTS
from cmdesk.clock import FixedClock
from cmdesk.desk import Desk
from cmdesk.errors import ChannelError, InvalidInput, RateLimited, TransientChannelError
from cmdesk.model import OutboxAction, OutboxState


@dataclass
class PostingConnector:
    """Records deliveries; ``deliver_errors`` are raised first, one per call; ``found`` answers find_delivered."""

    deliver_errors: list[Exception] = field(default_factory=list)
    found: Delivery | type[NotImplementedError] | None = None
    delivered: list[OutgoingAction] = field(default_factory=list)
    lookups: list[datetime] = field(default_factory=list)
    kind: str = "facebook"

    def fetch(self, cursor: dict[str, Any]) -> Page:
        return Page(items=(), cursor=cursor, done=True)

    def deliver(self, action: OutgoingAction) -> Delivery:
        if self.deliver_errors:
            raise self.deliver_errors.pop(0)
        self.delivered.append(action)
        return Delivery(remote_id=f"reply{len(self.delivered)}", remote_url="https://facebook.com/x")

    def find_delivered(self, action: OutgoingAction, *, since: datetime) -> Delivery | None:
        self.lookups.append(since)
        if self.found is NotImplementedError:
            raise NotImplementedError
        assert not isinstance(self.found, type)
        return self.found

    def check(self) -> str:
        return "ok"


@pytest.fixture
def poster(desk: Desk) -> PostingConnector:
    connector = PostingConnector()

    def factory(account: Account, secret: str | None) -> Connector:
        return connector

    desk.accounts.connector_factory = factory
    account = desk.accounts.add("facebook", "FB", {"page_id": "1"})
    with desk.store.transaction() as conn:
        conn.execute(
            "INSERT INTO message (id, account_id, external_id, kind, text, created_at, received_at,"
            " thread_external_id) VALUES (7, ?, 'c7', 'comment', 'Does it help?', '2026-11-24T08:00:00Z',"
            " '2026-11-24T08:00:00Z', 'post1')",
            (account.id,),
        )
    return connector


def test_queue_saves_first_then_delivers(desk: Desk, poster: PostingConnector) -> None:
    outbox_id = desk.outbox.queue(7, "reply", "Thank you, please call us.")
    item = desk.outbox.get(outbox_id)
    assert (item.state, item.text, item.created_by, item.attempts) == (
        OutboxState.QUEUED,
        "Thank you, please call us.",
        "Anna Berger",
        0,
    )
    assert desk.outbox.state_for(7) == OutboxState.QUEUED
    assert poster.delivered == []
    assert desk.outbox.deliver_due("FB") == 1
    assert poster.delivered == [
        OutgoingAction(
            action=OutboxAction.REPLY,
            text="Thank you, please call us.",
            target_external_id="c7",
            thread_external_id="post1",
            parent_external_id=None,
        )
    ]
    item = desk.outbox.get(outbox_id)
    assert (item.state, item.remote_id, item.remote_url, item.attempts) == (
        OutboxState.SENT,
        "reply1",
        "https://facebook.com/x",
        1,
    )
    actions = [r[0] for r in desk.store.read().execute("SELECT action FROM audit WHERE entity = 'outbox'").fetchall()]
    assert actions == ["outbox.queue", "outbox.sent"]
    assert desk.outbox.deliver_due("FB") == 0


def test_a_reply_needs_text_and_a_known_message(desk: Desk, poster: PostingConnector) -> None:
    with pytest.raises(InvalidInput, match="needs text"):
        desk.outbox.queue(7, "reply", "  ")
    with pytest.raises(InvalidInput, match="unknown outbox action"):
        desk.outbox.queue(7, "like", "x")
    assert desk.outbox.queue(7, "hide") > 0


def test_timeout_found_remotely_counts_as_sent(desk: Desk, poster: PostingConnector, clock: FixedClock) -> None:
    outbox_id = desk.outbox.queue(7, "reply", "Hello")
    poster.deliver_errors = [TransientChannelError("timed out")]
    poster.found = Delivery(remote_id="r9", remote_url="https://facebook.com/r9")
    assert desk.outbox.deliver_due("FB") == 1
    item = desk.outbox.get(outbox_id)
    assert (item.state, item.remote_id) == (OutboxState.SENT, "r9")
    assert poster.lookups == [clock.now()]
    assert poster.delivered == []


def test_timeout_absent_remotely_is_retried_later(desk: Desk, poster: PostingConnector, clock: FixedClock) -> None:
    outbox_id = desk.outbox.queue(7, "reply", "Hello")
    poster.deliver_errors = [TransientChannelError("timed out")]
    assert desk.outbox.deliver_due("FB") == 0
    item = desk.outbox.get(outbox_id)
    assert (item.state, item.attempts, item.last_error) == (OutboxState.QUEUED, 1, "timed out")
    assert item.next_attempt_at == clock.now() + timedelta(minutes=1)
    assert desk.outbox.deliver_due("FB") == 0  # not due yet
    clock.advance(timedelta(minutes=1))
    assert desk.outbox.deliver_due("FB") == 1
    assert desk.outbox.get(outbox_id).state == OutboxState.SENT


def test_timeout_that_cannot_be_checked_waits_for_a_human(desk: Desk, poster: PostingConnector) -> None:
    outbox_id = desk.outbox.queue(7, "reply", "Hello")
    poster.deliver_errors = [TransientChannelError("timed out")]
    poster.found = NotImplementedError
    desk.outbox.deliver_due("FB")
    item = desk.outbox.get(outbox_id)
    assert item.state == OutboxState.UNKNOWN
    assert item.last_error is not None and item.last_error.startswith("unknown, verify")
    desk.outbox.deliver_due("FB")
    assert poster.delivered == []  # never resent automatically
    desk.outbox.retry(outbox_id)
    assert desk.outbox.deliver_due("FB") == 1
    assert len(poster.delivered) == 1


def test_interrupted_send_is_checked_before_resending(desk: Desk, poster: PostingConnector) -> None:
    outbox_id = desk.outbox.queue(7, "reply", "Hello")
    with desk.store.transaction() as conn:  # as a crash mid-request leaves it
        conn.execute("UPDATE outbox SET state = 'sending', attempts = 1 WHERE id = ?", (outbox_id,))
    poster.found = Delivery(remote_id="r5")
    assert desk.outbox.deliver_due("FB") == 1
    assert poster.delivered == []
    assert desk.outbox.get(outbox_id).remote_id == "r5"


def test_permanent_error_fails_and_rate_limit_waits(desk: Desk, poster: PostingConnector, clock: FixedClock) -> None:
    first = desk.outbox.queue(7, "reply", "One")
    second = desk.outbox.queue(7, "reply", "Two")
    poster.deliver_errors = [ChannelError("the comment was deleted"), RateLimited("slow down", retry_after_s=600)]
    assert desk.outbox.deliver_due("FB") == 0
    assert desk.outbox.get(first).state == OutboxState.FAILED
    assert desk.outbox.get(first).last_error == "the comment was deleted"
    waiting = desk.outbox.get(second)
    assert (waiting.state, waiting.attempts, waiting.next_attempt_at) == (
        OutboxState.QUEUED,
        0,
        clock.now() + timedelta(seconds=600),
    )
    with pytest.raises(InvalidInput) as retried:
        desk.outbox.retry(second)
    with pytest.raises(InvalidInput) as verified:
        desk.outbox.mark_sent(first)
    assert (str(retried.value), str(verified.value)) == (
        f"outbox item {second} is still waiting to be sent; only failed or unknown items are retried",
        f"outbox item {first} failed, not waiting for verification; retry it instead",
    )
    assert [i.id for i in desk.outbox.pending()] == [first, second]


def test_sync_delivers_the_accounts_outbox_after_fetching(desk: Desk, poster: PostingConnector) -> None:
    desk.outbox.queue(7, "reply", "Hello")
    result = desk.sync.sync_account("FB")
    assert result.delivered == 1
    assert desk.outbox.state_for(7) == OutboxState.SENT


def test_gives_up_after_max_attempts(desk: Desk, poster: PostingConnector, clock: FixedClock) -> None:
    outbox_id = desk.outbox.queue(7, "reply", "Hello")
    poster.deliver_errors = [TransientChannelError("timed out")] * MAX_ATTEMPTS
    for _ in range(MAX_ATTEMPTS):
        desk.outbox.deliver_due("FB")
        clock.advance(timedelta(hours=1))
    item = desk.outbox.get(outbox_id)
    assert (item.state, item.attempts, item.last_error) == (
        OutboxState.FAILED,
        MAX_ATTEMPTS,
        f"gave up after {MAX_ATTEMPTS} attempts: timed out",
    )
    assert poster.delivered == []


def test_imported_messages_cannot_be_answered_from_the_desk(desk: Desk, poster: PostingConnector) -> None:
    account = desk.accounts.add("file", "Old export", {})
    with desk.store.transaction() as conn:
        conn.execute(
            "INSERT INTO message (id, account_id, external_id, kind, text, created_at, received_at)"
            " VALUES (8, ?, 'x1', 'comment', 'old', '2026-11-24T08:00:00Z', '2026-11-24T08:00:00Z')",
            (account.id,),
        )
    with pytest.raises(InvalidInput, match="holds imported messages"):
        desk.outbox.queue(8, "reply", "Hello")
