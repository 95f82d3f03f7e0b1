"""SQL of the outbox: queued replies and moderation actions, their delivery state and attempts."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from cmdesk.model import OutboxState
from cmdesk.store.engine import Connection

COLUMNS = (
    "id, account_id, message_id, action, payload, state, attempts, last_error, remote_id, remote_url,"
    " next_attempt_at, created_by, created_at, updated_at"
)


def item_row(conn: Connection, outbox_id: int) -> Sequence[Any] | None:
    row: Sequence[Any] | None = conn.execute(f"SELECT {COLUMNS} FROM outbox WHERE id = ?", (outbox_id,)).fetchone()
    return row


def rows_for_message(conn: Connection, message_id: int) -> list[Sequence[Any]]:
    """The message's items (COLUMNS), oldest first."""
    return list(conn.execute(f"SELECT {COLUMNS} FROM outbox WHERE message_id = ? ORDER BY id", (message_id,)))


def pending_rows(conn: Connection, *, account_id: int | None = None) -> list[Sequence[Any]]:
    """Items not yet sent (COLUMNS), oldest first; all accounts when ``account_id`` is None."""
    sql = f"SELECT {COLUMNS} FROM outbox WHERE state != ?"
    params: list[Any] = [OutboxState.SENT.value]
    if account_id is not None:
        sql += " AND account_id = ?"
        params.append(account_id)
    return list(conn.execute(sql + " ORDER BY id", params).fetchall())


def due_rows(conn: Connection, account_id: int, *, now: str) -> list[Sequence[Any]]:
    """The account's items to deliver now (COLUMNS), oldest first: queued and due, or left in "sending"."""
    return list(
        conn.execute(
            f"SELECT {COLUMNS} FROM outbox WHERE account_id = ? AND (state = ? OR (state = ?"
            " AND (next_attempt_at IS NULL OR next_attempt_at <= ?))) ORDER BY id",
            (account_id, OutboxState.SENDING.value, OutboxState.QUEUED.value, now),
        ).fetchall()
    )


def message_account(conn: Connection, message_id: int) -> int | None:
    """The account a message came from, or None when there is no such message."""
    row = conn.execute("SELECT account_id FROM message WHERE id = ?", (message_id,)).fetchone()
    return None if row is None else int(row[0])


def message_target(conn: Connection, message_id: int) -> tuple[str, str | None, str | None] | None:
    """(external_id, thread_external_id, parent_external_id) of the message an item answers, or None."""
    row = conn.execute(
        "SELECT external_id, thread_external_id, parent_external_id FROM message WHERE id = ?", (message_id,)
    ).fetchone()
    return None if row is None else (row[0], row[1], row[2])


def insert_item(
    conn: Connection,
    *,
    account_id: int,
    message_id: int | None,
    action: str,
    payload: str,
    created_by: str,
    created_at: str,
) -> int:
    """A new queued item, due at once; ``payload`` is JSON text. Returns its id."""
    cur = conn.execute(
        "INSERT INTO outbox (account_id, message_id, action, payload, state, next_attempt_at, created_by,"
        " created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?)",
        (
            account_id,
            message_id,
            action,
            payload,
            OutboxState.QUEUED.value,
            created_at,
            created_by,
            created_at,
            created_at,
        ),
    )
    return int(cur.lastrowid or 0)


def queue_again(conn: Connection, outbox_id: int, *, at: str) -> None:
    """Queued and due at once with a fresh count of attempts (a human asked for another try)."""
    conn.execute(
        "UPDATE outbox SET state = ?, attempts = 0, next_attempt_at = ?, updated_at = ? WHERE id = ?",
        (OutboxState.QUEUED.value, at, at, outbox_id),
    )


def mark_sending(conn: Connection, outbox_id: int, *, at: str) -> None:
    """One more attempt is going out now."""
    conn.execute(
        "UPDATE outbox SET state = ?, attempts = attempts + 1, updated_at = ? WHERE id = ?",
        (OutboxState.SENDING.value, at, outbox_id),
    )


def requeue(conn: Connection, outbox_id: int, *, attempts: int, error: str, next_attempt_at: str, at: str) -> None:
    """Queued again, due at ``next_attempt_at``, with the error that stopped this attempt."""
    conn.execute(
        "UPDATE outbox SET state = ?, attempts = ?, last_error = ?, next_attempt_at = ?, updated_at = ? WHERE id = ?",
        (OutboxState.QUEUED.value, attempts, error, next_attempt_at, at, outbox_id),
    )


def note_error(conn: Connection, outbox_id: int, *, error: str, at: str) -> None:
    conn.execute("UPDATE outbox SET last_error = ?, updated_at = ? WHERE id = ?", (error, at, outbox_id))


def finish(
    conn: Connection,
    outbox_id: int,
    *,
    state: OutboxState,
    error: str | None,
    remote_id: str | None,
    remote_url: str | None,
    at: str,
) -> None:
    """A final state (sent, failed, unknown); a known remote id or url is kept when none is given."""
    conn.execute(
        "UPDATE outbox SET state = ?, last_error = ?, remote_id = COALESCE(?, remote_id),"
        " remote_url = COALESCE(?, remote_url), next_attempt_at = NULL, updated_at = ? WHERE id = ?",
        (state.value, error, remote_id, remote_url, at, outbox_id),
    )
