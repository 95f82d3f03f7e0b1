"""The outbox: replies and moderation actions are saved locally first, then delivered with retries.

A reply must never be posted twice. So when a delivery times out, the outbox asks
the channel whether the reply arrived; if the channel cannot tell, the item waits
as "unknown, verify" for a human instead of being resent.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from cmdesk import events
from cmdesk.channels.base import Connector, Delivery, OutgoingAction
from cmdesk.errors import ChannelError, InvalidInput, NotFound, RateLimited, ReconnectNeeded, TransientChannelError
from cmdesk.model import ChannelKind, OutboxAction, OutboxState
from cmdesk.store import audit
from cmdesk.store import outbox as sql
from cmdesk.store.codec import from_db_time, from_json, to_db_time, to_json

if TYPE_CHECKING:
    from cmdesk.desk import Desk

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 6
FIRST_RETRY = timedelta(seconds=60)
MAX_RETRY = timedelta(hours=1)
UNKNOWN_NOTE = "unknown, verify: the channel timed out and cannot tell whether this was posted"
TEXT_ACTIONS = frozenset({OutboxAction.REPLY, OutboxAction.PRIVATE_REPLY, OutboxAction.EMAIL})


@dataclass(frozen=True)
class OutboxItem:
    """One queued reply or action and where it stands."""

    id: int
    account_id: int
    message_id: int | None
    action: OutboxAction
    text: str
    extra: dict[str, Any]
    state: OutboxState
    attempts: int
    last_error: str | None
    remote_id: str | None
    remote_url: str | None
    next_attempt_at: datetime | None
    created_by: str
    created_at: datetime
    updated_at: datetime


def _item(row: Any) -> OutboxItem:
    payload = from_json(row[4], {})
    created = from_db_time(row[12])
    updated = from_db_time(row[13])
    assert created is not None and updated is not None
    return OutboxItem(
        id=int(row[0]),
        account_id=int(row[1]),
        message_id=None if row[2] is None else int(row[2]),
        action=OutboxAction(row[3]),
        text=str(payload.get("text", "")),
        extra=dict(payload.get("extra", {})),
        state=OutboxState(row[5]),
        attempts=int(row[6]),
        last_error=row[7],
        remote_id=row[8],
        remote_url=row[9],
        next_attempt_at=from_db_time(row[10]),
        created_by=row[11],
        created_at=created,
        updated_at=updated,
    )


def retry_wait(attempts: int) -> timedelta:
    """1, 2, 4 ... minutes after each failed attempt, at most an hour."""
    wait: timedelta = FIRST_RETRY * (2 ** max(0, attempts - 1))
    return min(wait, MAX_RETRY)


class Outbox:
    """Queues, delivers and tracks outgoing replies and moderation actions."""

    def __init__(self, desk: Desk) -> None:
        self._desk = desk

    # -- reading --------------------------------------------------------------------------

    def get(self, outbox_id: int) -> OutboxItem:
        row = sql.item_row(self._desk.store.read(), outbox_id)
        if row is None:
            raise NotFound("there is no outbox item {outbox_id}", outbox_id=outbox_id)
        return _item(row)

    def items_for(self, message_id: int) -> list[OutboxItem]:
        return [_item(r) for r in sql.rows_for_message(self._desk.store.read(), message_id)]

    def state_for(self, message_id: int) -> OutboxState | None:
        """The state of the newest outbox item for a message (what the message view shows), or None."""
        items = self.items_for(message_id)
        return items[-1].state if items else None

    def pending(self, account_id: int | None = None) -> list[OutboxItem]:
        """Items not yet sent: queued, sending, failed or unknown (the outbox view)."""
        return [_item(r) for r in sql.pending_rows(self._desk.store.read(), account_id=account_id)]

    # -- queueing -------------------------------------------------------------------------

    def queue(
        self,
        message_id: int | None,
        action: OutboxAction | str,
        text: str = "",
        *,
        account: str | int | None = None,
        extra: dict[str, Any] | None = None,
    ) -> int:
        """Save the action locally (committed before any network call); returns the outbox id."""
        try:
            action = OutboxAction(action)
        except ValueError:
            raise InvalidInput("unknown outbox action {action!r}", action=action) from None
        if action in TEXT_ACTIONS and not text.strip():
            raise InvalidInput("a reply needs text")
        conn = self._desk.store.read()
        if message_id is not None:
            message_account = sql.message_account(conn, message_id)
            if message_account is None:
                raise NotFound("there is no message {message_id}", message_id=message_id)
            account_id = message_account if account is None else self._desk.accounts.get(account).id
        elif account is not None:
            account_id = self._desk.accounts.get(account).id
        else:
            raise InvalidInput("an outbox item needs a message or an account")
        target = self._desk.accounts.get(account_id)
        if target.kind == ChannelKind.FILE.value:
            raise InvalidInput(
                "{target!r} holds imported messages; answer them on the channel they came from", target=target.name
            )
        now = self._desk.clock.now()
        payload = {"text": text, "extra": extra or {}}
        with self._desk.store.transaction() as wconn:
            outbox_id = sql.insert_item(
                wconn,
                account_id=account_id,
                message_id=message_id,
                action=action.value,
                payload=to_json(payload),
                created_by=self._desk.agent_name,
                created_at=to_db_time(now) or "",
            )
            audit.append(
                wconn,
                at=now,
                actor=self._desk.agent_name,
                action="outbox.queue",
                entity="outbox",
                entity_id=outbox_id,
                detail={"message_id": message_id, "action": action.value, "text": text},
            )
        self._desk.events.emit(events.OUTBOX_CHANGED, outbox_id=outbox_id, message_id=message_id)
        return outbox_id

    def retry(self, outbox_id: int) -> None:
        """A human sends a failed or unverified item again (after checking the channel)."""
        item = self.get(outbox_id)
        if item.state not in (OutboxState.FAILED, OutboxState.UNKNOWN):
            raise _not_retried(outbox_id, item.state)
        now = self._desk.clock.now()
        with self._desk.store.transaction() as conn:
            sql.queue_again(conn, outbox_id, at=to_db_time(now) or "")
            audit.append(
                conn,
                at=now,
                actor=self._desk.agent_name,
                action="outbox.retry",
                entity="outbox",
                entity_id=outbox_id,
                detail={"from": item.state.value},
            )
        self._desk.events.emit(events.OUTBOX_CHANGED, outbox_id=outbox_id, message_id=item.message_id)

    def mark_sent(self, outbox_id: int, *, remote_url: str | None = None) -> None:
        """A human verified on the channel that an "unknown" item was posted."""
        item = self.get(outbox_id)
        if item.state != OutboxState.UNKNOWN:
            raise _not_verified(outbox_id, item.state)
        self._finish(item, OutboxState.SENT, actor=self._desk.agent_name, delivery=Delivery(None, remote_url))

    # -- delivering -----------------------------------------------------------------------

    def deliver_due(self, account: str | int, *, connector: Connector | None = None) -> int:
        """Deliver the account's due items in order; returns how many were sent.

        Items left in "sending" by a crash are treated like a timeout: checked remotely, never blindly resent.
        """
        acc = self._desk.accounts.get(account)
        now = self._desk.clock.now()
        rows = sql.due_rows(self._desk.store.read(), acc.id, now=to_db_time(now) or "")
        if not rows:
            return 0
        connector = connector or self._desk.accounts.connector(acc)
        sent = 0
        for row in rows:
            item = _item(row)
            action = self._outgoing(item)
            if item.state == OutboxState.SENDING:
                outcome = self._after_timeout(item, action, connector, "interrupted while sending")
            else:
                outcome = self._attempt(item, action, connector)
            if outcome == "sent":
                sent += 1
            elif outcome == "stop":
                break
        return sent

    def _outgoing(self, item: OutboxItem) -> OutgoingAction:
        target = thread = parent = None
        if item.message_id is not None:
            row = sql.message_target(self._desk.store.read(), item.message_id)
            if row is not None:
                target, thread, parent = row
        return OutgoingAction(
            action=item.action,
            text=item.text,
            target_external_id=target,
            thread_external_id=thread,
            parent_external_id=parent,
            extra=item.extra,
        )

    def _attempt(self, item: OutboxItem, action: OutgoingAction, connector: Connector) -> str:
        now = self._desk.clock.now()
        with self._desk.store.transaction() as conn:  # "sending" is on disk before the request goes out
            sql.mark_sending(conn, item.id, at=to_db_time(now) or "")
        attempts = item.attempts + 1
        try:
            delivery = connector.deliver(action)
        except RateLimited as err:
            self._requeue(
                item, str(err), at=now + timedelta(seconds=max(1.0, err.retry_after_s)), attempts=attempts - 1
            )
            return "stop"
        except ReconnectNeeded as err:
            self._requeue(item, str(err), at=None, attempts=attempts - 1)
            return "stop"
        except TransientChannelError as err:
            return self._after_timeout(item, action, connector, str(err), attempts=attempts)
        except ChannelError as err:
            self._finish(item, OutboxState.FAILED, actor="outbox", error=str(err))
            return "failed"
        self._finish(item, OutboxState.SENT, actor="outbox", delivery=delivery)
        return "sent"

    def _after_timeout(
        self,
        item: OutboxItem,
        action: OutgoingAction,
        connector: Connector,
        error: str,
        *,
        attempts: int | None = None,
    ) -> str:
        """Did it arrive anyway? Found: sent. Surely absent: retry later. Cannot tell: a human verifies."""
        attempts = item.attempts if attempts is None else attempts
        try:
            found = connector.find_delivered(action, since=item.created_at)
        except NotImplementedError:
            self._finish(item, OutboxState.UNKNOWN, actor="outbox", error=UNKNOWN_NOTE)
            return "unknown"
        except ChannelError as err:
            # cannot check now: stay "sending" so the next run checks again before anything is resent
            self._note_error(item, f"{error}; checking the channel failed: {err}")
            return "stop"
        if found is not None:
            self._finish(item, OutboxState.SENT, actor="outbox", delivery=found)
            return "sent"
        if attempts >= MAX_ATTEMPTS:
            self._finish(item, OutboxState.FAILED, actor="outbox", error=f"gave up after {attempts} attempts: {error}")
            return "failed"
        self._requeue(item, error, at=self._desk.clock.now() + retry_wait(attempts), attempts=attempts)
        return "retry"

    def _requeue(self, item: OutboxItem, error: str, *, at: datetime | None, attempts: int) -> None:
        now = self._desk.clock.now()
        with self._desk.store.transaction() as conn:
            sql.requeue(
                conn,
                item.id,
                attempts=attempts,
                error=error,
                next_attempt_at=to_db_time(at or now) or "",
                at=to_db_time(now) or "",
            )
        self._desk.events.emit(events.OUTBOX_CHANGED, outbox_id=item.id, message_id=item.message_id)

    def _note_error(self, item: OutboxItem, error: str) -> None:
        now = self._desk.clock.now()
        with self._desk.store.transaction() as conn:
            sql.note_error(conn, item.id, error=error, at=to_db_time(now) or "")

    def _finish(
        self,
        item: OutboxItem,
        state: OutboxState,
        *,
        actor: str,
        delivery: Delivery | None = None,
        error: str | None = None,
    ) -> None:
        now = self._desk.clock.now()
        remote_id = delivery.remote_id if delivery else None
        remote_url = delivery.remote_url if delivery else None
        with self._desk.store.transaction() as conn:
            sql.finish(
                conn,
                item.id,
                state=state,
                error=error,
                remote_id=remote_id,
                remote_url=remote_url,
                at=to_db_time(now) or "",
            )
            audit.append(
                conn,
                at=now,
                actor=actor,
                action=f"outbox.{state.value}",
                entity="outbox",
                entity_id=item.id,
                detail={
                    "message_id": item.message_id,
                    "remote_id": remote_id,
                    "remote_url": remote_url,
                    "error": error,
                },
            )
        self._desk.events.emit(events.OUTBOX_CHANGED, outbox_id=item.id, message_id=item.message_id)


# One whole sentence per state, so the window can translate it: the state's own value is an English word.
def _not_retried(outbox_id: int, state: OutboxState) -> InvalidInput:
    """Why an item that is neither failed nor unknown is not sent again."""
    if state == OutboxState.QUEUED:
        return InvalidInput(
            "outbox item {outbox_id} is still waiting to be sent; only failed or unknown items are retried",
            outbox_id=outbox_id,
        )
    if state == OutboxState.SENDING:
        return InvalidInput(
            "outbox item {outbox_id} is being sent right now; only failed or unknown items are retried",
            outbox_id=outbox_id,
        )
    return InvalidInput(
        "outbox item {outbox_id} was sent already; only failed or unknown items are retried", outbox_id=outbox_id
    )


def _not_verified(outbox_id: int, state: OutboxState) -> InvalidInput:
    """Why an item that is not unknown cannot be marked as sent by a human."""
    if state == OutboxState.QUEUED:
        return InvalidInput(
            "outbox item {outbox_id} is still waiting to be sent, not waiting for verification", outbox_id=outbox_id
        )
    if state == OutboxState.SENDING:
        return InvalidInput(
            "outbox item {outbox_id} is being sent right now, not waiting for verification", outbox_id=outbox_id
        )
    if state == OutboxState.SENT:
        return InvalidInput(
            "outbox item {outbox_id} was sent already, not waiting for verification", outbox_id=outbox_id
        )
    return InvalidInput(
        "outbox item {outbox_id} failed, not waiting for verification; retry it instead", outbox_id=outbox_id
    )
