"""SQL of channel accounts: their settings, cursor and health, and the throughput the health view shows."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from cmdesk.store.engine import Connection

COLUMNS = (
    "id, name, kind, settings, cursor, status, sync_interval_s, last_success_at, last_error, last_error_at,"
    " retry_at, token_expires_at, created_at"
)

# Rows that belong to an account and go with it when it is removed (messages keep it alive instead).
_OWNED_TABLES = ("rejected_item", "outbox", "author")


def account_rows(conn: Connection) -> list[Sequence[Any]]:
    """Every account (COLUMNS) by name."""
    return list(conn.execute(f"SELECT {COLUMNS} FROM channel_account ORDER BY name").fetchall())


def account_by_name(conn: Connection, name: str) -> Sequence[Any] | None:
    row: Sequence[Any] | None = conn.execute(
        f"SELECT {COLUMNS} FROM channel_account WHERE name = ?", (name,)
    ).fetchone()
    return row


def account_by_id(conn: Connection, account_id: int) -> Sequence[Any] | None:
    row: Sequence[Any] | None = conn.execute(
        f"SELECT {COLUMNS} FROM channel_account WHERE id = ?", (account_id,)
    ).fetchone()
    return row


def name_taken(conn: Connection, name: str) -> bool:
    return conn.execute("SELECT 1 FROM channel_account WHERE name = ?", (name,)).fetchone() is not None


def received_since(conn: Connection, since: str, *, account_id: int | None = None) -> dict[int, int]:
    """Messages per account received at or after ``since`` (an ISO time text).

    Rows are stored in arrival order, so reading newest first and stopping at the first
    older row touches only the recent rows (received_at has no index of its own).
    """
    counts: dict[int, int] = {}
    for acc, received in conn.execute("SELECT account_id, received_at FROM message ORDER BY id DESC"):
        if received < since:
            break
        if account_id is None or acc == account_id:
            counts[int(acc)] = counts.get(int(acc), 0) + 1
    return counts


def has_messages(conn: Connection, account_id: int) -> bool:
    return conn.execute("SELECT 1 FROM message WHERE account_id = ? LIMIT 1", (account_id,)).fetchone() is not None


def insert_account(
    conn: Connection, *, name: str, kind: str, settings: str, sync_interval_s: int, created_at: str
) -> int:
    """A new active account that has never synced; ``settings`` is JSON text."""
    cur = conn.execute(
        "INSERT INTO channel_account (name, kind, settings, sync_interval_s, created_at) VALUES (?,?,?,?,?)",
        (name, kind, settings, sync_interval_s, created_at),
    )
    return int(cur.lastrowid or 0)


def update_settings(conn: Connection, account_id: int, *, settings: str, sync_interval_s: int) -> None:
    conn.execute(
        "UPDATE channel_account SET settings = ?, sync_interval_s = ? WHERE id = ?",
        (settings, sync_interval_s, account_id),
    )


def delete_account(conn: Connection, account_id: int) -> None:
    """The account with its authors, outbox and rejects; the caller has checked it holds no messages."""
    for table in _OWNED_TABLES:
        conn.execute(f"DELETE FROM {table} WHERE account_id = ?", (account_id,))
    conn.execute("DELETE FROM channel_account WHERE id = ?", (account_id,))


def set_status(conn: Connection, account_id: int, status: str) -> None:
    """A new status (active, paused, reconnect_needed); any pending retry time is dropped."""
    conn.execute("UPDATE channel_account SET status = ?, retry_at = NULL WHERE id = ?", (status, account_id))


def record_success(conn: Connection, account_id: int, *, cursor: str, at: str, token_expires_at: str | None) -> None:
    """A page was stored: the new cursor (JSON text), healthy again, the token expiry if the channel told it."""
    conn.execute(
        "UPDATE channel_account SET cursor = ?, last_success_at = ?, last_error = NULL, retry_at = NULL,"
        " token_expires_at = COALESCE(?, token_expires_at) WHERE id = ?",
        (cursor, at, token_expires_at, account_id),
    )


def set_last_success(conn: Connection, account_id: int, *, at: str) -> None:
    conn.execute("UPDATE channel_account SET last_success_at = ? WHERE id = ?", (at, account_id))


def set_retry_at(conn: Connection, account_id: int, *, at: str | None) -> None:
    conn.execute("UPDATE channel_account SET retry_at = ? WHERE id = ?", (at, account_id))


def record_failure(
    conn: Connection, account_id: int, *, error: str, at: str | None, retry_at: str | None, status: str | None
) -> None:
    """The last error and when to try again; ``status`` None keeps the current status."""
    conn.execute(
        "UPDATE channel_account SET last_error = ?, last_error_at = ?, retry_at = ?,"
        " status = COALESCE(?, status) WHERE id = ?",
        (error, at, retry_at, status, account_id),
    )


def watched_rows(conn: Connection, *, except_kind: str) -> list[tuple[int, str, str, str | None, str, str | None]]:
    """(id, name, status, last_success_at, created_at, last_error) of accounts not paused and not of that kind."""
    rows = conn.execute(
        "SELECT id, name, status, last_success_at, created_at, last_error FROM channel_account"
        " WHERE kind != ? AND status != 'paused'",
        (except_kind,),
    ).fetchall()
    return [(int(r[0]), r[1], r[2], r[3], r[4], r[5]) for r in rows]
