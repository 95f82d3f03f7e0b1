"""SQL the sync engine needs beside messages and accounts: rejects seen before, and open alerts."""

from __future__ import annotations

from cmdesk.store.engine import Connection


def rejected_exists(conn: Connection, *, account_id: int, external_id: str | None, reason: str, raw: str) -> bool:
    """Is this exact reject (same item, reason and raw JSON text) already kept?"""
    row = conn.execute(
        "SELECT 1 FROM rejected_item WHERE account_id = ? AND external_id IS ? AND reason = ? AND raw = ? LIMIT 1",
        (account_id, external_id, reason, raw),
    ).fetchone()
    return row is not None


def alert_open(conn: Connection, *, kind: str, key: str) -> bool:
    row = conn.execute("SELECT 1 FROM alert WHERE kind = ? AND key = ? AND cleared_at IS NULL", (kind, key)).fetchone()
    return row is not None


def raise_alert(conn: Connection, *, kind: str, key: str, at: str, detail: str) -> int:
    """A new open alert; ``detail`` is JSON text. Returns its id."""
    cur = conn.execute("INSERT INTO alert (kind, key, raised_at, detail) VALUES (?,?,?,?)", (kind, key, at, detail))
    return int(cur.lastrowid or 0)


def clear_alerts(conn: Connection, *, kind: str, key: str, at: str) -> bool:
    """Close the open alerts of that kind and key; True if one was open."""
    cur = conn.execute(
        "UPDATE alert SET cleared_at = ? WHERE kind = ? AND key = ? AND cleared_at IS NULL", (at, kind, key)
    )
    return bool(cur.rowcount)
