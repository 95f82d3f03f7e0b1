"""The SQL of the outbox: items queued, due, sent, retried and finished, on a real store."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from cmdesk.desk import Desk
from cmdesk.model import OutboxState
from cmdesk.store import outbox
from tests.unit.conftest import MakeMessage

T0 = "2026-11-24T09:00:00Z"
T1 = "2026-11-24T09:01:00Z"
T2 = "2026-11-24T09:02:00Z"


def _queue(desk: Desk, message_id: int | None, text: str = "Danke!", *, at: str = T0) -> int:
    with desk.store.transaction() as conn:
        return outbox.insert_item(
            conn,
            account_id=1,
            message_id=message_id,
            action="reply",
            payload=f'{{"text":"{text}"}}',
            created_by="Anna Berger",
            created_at=at,
        )


def _row(desk: Desk, outbox_id: int) -> tuple[Any, ...]:
    row = outbox.item_row(desk.store.read(), outbox_id)
    assert row is not None
    return tuple(row)


def _ids(rows: Sequence[Sequence[Any]]) -> list[int]:
    return [int(r[0]) for r in rows]


def test_a_queued_item_is_due_at_once(tdesk: Desk, make_message: MakeMessage) -> None:
    message_id = make_message()
    outbox_id = _queue(tdesk, message_id)
    assert _row(tdesk, outbox_id) == (
        outbox_id,
        1,
        message_id,
        "reply",
        '{"text":"Danke!"}',
        "queued",
        0,
        None,
        None,
        None,
        T0,
        "Anna Berger",
        T0,
        T0,
    )
    conn = tdesk.store.read()
    assert _ids(outbox.due_rows(conn, 1, now=T0)) == [outbox_id]
    assert outbox.due_rows(conn, 2, now=T0) == []
    assert outbox.item_row(conn, outbox_id + 1) is None


def test_the_message_an_item_answers(tdesk: Desk, make_message: MakeMessage) -> None:
    message_id = make_message()
    conn = tdesk.store.read()
    assert outbox.message_account(conn, message_id) == 1
    assert outbox.message_target(conn, message_id) == ("c1", None, None)
    assert (outbox.message_account(conn, 999), outbox.message_target(conn, 999)) == (None, None)


def test_an_attempt_that_times_out_is_requeued_for_later(tdesk: Desk) -> None:
    outbox_id = _queue(tdesk, None)
    with tdesk.store.transaction() as conn:
        outbox.mark_sending(conn, outbox_id, at=T1)
    assert _row(tdesk, outbox_id)[5:8] == ("sending", 1, None)
    # an item left in "sending" is due whatever its next attempt time: it must be checked
    assert _ids(outbox.due_rows(tdesk.store.read(), 1, now=T0)) == [outbox_id]
    with tdesk.store.transaction() as conn:
        outbox.requeue(conn, outbox_id, attempts=1, error="timed out", next_attempt_at=T2, at=T1)
    assert _row(tdesk, outbox_id)[5:] == ("queued", 1, "timed out", None, None, T2, "Anna Berger", T0, T1)
    assert outbox.due_rows(tdesk.store.read(), 1, now=T1) == []
    assert _ids(outbox.due_rows(tdesk.store.read(), 1, now=T2)) == [outbox_id]
    with tdesk.store.transaction() as conn:
        outbox.note_error(conn, outbox_id, error="still down", at=T2)
    assert _row(tdesk, outbox_id)[5:] == ("queued", 1, "still down", None, None, T2, "Anna Berger", T0, T2)


def test_finishing_keeps_a_known_remote_id(tdesk: Desk) -> None:
    outbox_id = _queue(tdesk, None)
    with tdesk.store.transaction() as conn:
        outbox.finish(
            conn, outbox_id, state=OutboxState.UNKNOWN, error="verify", remote_id="r1", remote_url=None, at=T1
        )
    assert _row(tdesk, outbox_id)[5:] == ("unknown", 0, "verify", "r1", None, None, "Anna Berger", T0, T1)
    with tdesk.store.transaction() as conn:
        outbox.queue_again(conn, outbox_id, at=T2)
        outbox.finish(
            conn, outbox_id, state=OutboxState.SENT, error=None, remote_id=None, remote_url="https://x/r1", at=T2
        )
    assert _row(tdesk, outbox_id)[5:] == ("sent", 0, None, "r1", "https://x/r1", None, "Anna Berger", T0, T2)


def test_retrying_resets_the_attempts(tdesk: Desk) -> None:
    outbox_id = _queue(tdesk, None)
    with tdesk.store.transaction() as conn:
        outbox.mark_sending(conn, outbox_id, at=T0)
        outbox.finish(
            conn, outbox_id, state=OutboxState.FAILED, error="refused", remote_id=None, remote_url=None, at=T1
        )
        outbox.queue_again(conn, outbox_id, at=T2)
    assert _row(tdesk, outbox_id)[5:] == ("queued", 0, "refused", None, None, T2, "Anna Berger", T0, T2)


def test_pending_and_per_message_items(tdesk: Desk, make_message: MakeMessage) -> None:
    first, second = make_message(), make_message()
    a = _queue(tdesk, first, "eins")
    b = _queue(tdesk, second, "zwei")
    c = _queue(tdesk, first, "drei")
    with tdesk.store.transaction() as conn:
        outbox.finish(conn, a, state=OutboxState.SENT, error=None, remote_id="r1", remote_url=None, at=T1)
    conn = tdesk.store.read()
    assert _ids(outbox.rows_for_message(conn, first)) == [a, c]
    assert _ids(outbox.pending_rows(conn)) == [b, c]
    assert _ids(outbox.pending_rows(conn, account_id=1)) == [b, c]
    assert outbox.pending_rows(conn, account_id=2) == []
