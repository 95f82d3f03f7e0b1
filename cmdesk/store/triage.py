"""SQL for triage: the fields a community manager changes on messages, tags, notes, cancelling queued actions."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from cmdesk.store.engine import Connection

# Message columns triage may change; anything else is refused so a typo cannot write a random column.
TRIAGE_FIELDS = frozenset(
    {"status", "assignee", "handled_at", "pv_suspected", "pv_screening", "pv_screening_reason", "priority", "due_at"}
)


def message_fields(conn: Connection, message_ids: Sequence[int], fields: Sequence[str]) -> dict[int, dict[str, Any]]:
    """Current values of ``fields`` (plus account kind, message kind, received_at) for each existing message."""
    _check(fields)
    found: dict[int, dict[str, Any]] = {}
    columns = ", ".join(f"m.{f}" for f in fields)
    for chunk in _chunks(list(message_ids)):
        marks = ", ".join("?" * len(chunk))
        rows = conn.execute(
            f"SELECT m.id, ch.kind, m.kind, m.received_at, m.direction, {columns} FROM message m "
            f"JOIN channel_account ch ON ch.id = m.account_id WHERE m.id IN ({marks})",
            chunk,
        ).fetchall()
        for r in rows:
            values = dict(zip(fields, r[5:], strict=True))
            values.update(_account_kind=r[1], _message_kind=r[2], _received_at=r[3], _direction=r[4])
            found[int(r[0])] = values
    return found


def set_fields(conn: Connection, message_id: int, values: dict[str, Any]) -> None:
    _check(values)
    assignments = ", ".join(f"{f} = ?" for f in values)
    conn.execute(f"UPDATE message SET {assignments} WHERE id = ?", (*values.values(), message_id))


def tag_id(conn: Connection, name: str) -> int:
    """The id of the tag called ``name``, created on first use (case-insensitive match)."""
    row = conn.execute("SELECT id FROM tag WHERE name = ? COLLATE NOCASE", (name,)).fetchone()
    if row is not None:
        return int(row[0])
    cur = conn.execute("INSERT INTO tag (name) VALUES (?)", (name,))
    return int(cur.lastrowid or 0)


def find_tag(conn: Connection, name: str) -> int | None:
    row = conn.execute("SELECT id FROM tag WHERE name = ? COLLATE NOCASE", (name,)).fetchone()
    return None if row is None else int(row[0])


def add_message_tag(conn: Connection, message_id: int, tag: int) -> bool:
    """True when the message did not have the tag yet."""
    cur = conn.execute("INSERT OR IGNORE INTO message_tag (message_id, tag_id) VALUES (?, ?)", (message_id, tag))
    return cur.rowcount > 0


def remove_message_tag(conn: Connection, message_id: int, tag: int) -> bool:
    cur = conn.execute("DELETE FROM message_tag WHERE message_id = ? AND tag_id = ?", (message_id, tag))
    return cur.rowcount > 0


def message_tags(conn: Connection, message_id: int) -> list[str]:
    rows = conn.execute(
        "SELECT t.name FROM message_tag mt JOIN tag t ON t.id = mt.tag_id WHERE mt.message_id = ? ORDER BY t.name",
        (message_id,),
    ).fetchall()
    return [str(r[0]) for r in rows]


def all_tags(conn: Connection) -> list[str]:
    """Every tag in use on messages or persons, most used first: the tag dialog offers these."""
    rows = conn.execute(
        """SELECT t.name, (SELECT count(*) FROM message_tag mt WHERE mt.tag_id = t.id)
                        + (SELECT count(*) FROM person_tag pt WHERE pt.tag_id = t.id) AS uses
           FROM tag t ORDER BY uses DESC, t.name COLLATE NOCASE"""
    ).fetchall()
    return [str(r[0]) for r in rows]


def add_note(
    conn: Connection, *, message_id: int | None, person_id: int | None, author: str, text: str, at: str
) -> int:
    cur = conn.execute(
        "INSERT INTO note (message_id, person_id, author, text, created_at) VALUES (?, ?, ?, ?, ?)",
        (message_id, person_id, author, text, at),
    )
    return int(cur.lastrowid or 0)


def delete_note(conn: Connection, note_id: int) -> bool:
    return conn.execute("DELETE FROM note WHERE id = ?", (note_id,)).rowcount > 0


def message_notes(conn: Connection, message_id: int) -> list[tuple[int, str, str, str]]:
    """(id, author, text, created_at) of the notes on one message, oldest first."""
    rows = conn.execute(
        "SELECT id, author, text, created_at FROM note WHERE message_id = ? ORDER BY created_at, id", (message_id,)
    ).fetchall()
    return [(int(r[0]), str(r[1]), str(r[2]), str(r[3])) for r in rows]


def status_events(conn: Connection, message_id: int) -> list[tuple[str, str, str, str | None, str | None, str | None]]:
    """(at, actor, field, old, new, reason) for one message, oldest first: the message's history."""
    rows = conn.execute(
        "SELECT at, actor, field, old_value, new_value, reason FROM status_event WHERE message_id = ? ORDER BY at, id",
        (message_id,),
    ).fetchall()
    return [(str(r[0]), str(r[1]), str(r[2]), r[3], r[4], r[5]) for r in rows]


def outbox_state(conn: Connection, outbox_id: int) -> tuple[str, int] | None:
    """(state, attempts) of an outbox item."""
    row = conn.execute("SELECT state, attempts FROM outbox WHERE id = ?", (outbox_id,)).fetchone()
    return None if row is None else (str(row[0]), int(row[1]))


def cancel_queued(conn: Connection, outbox_id: int) -> bool:
    """Drop an outbox item that was never attempted; anything already tried stays for the record."""
    cur = conn.execute("DELETE FROM outbox WHERE id = ? AND state = 'queued' AND attempts = 0", (outbox_id,))
    return cur.rowcount > 0


def _check(fields: Sequence[str] | dict[str, Any]) -> None:
    unknown = set(fields) - TRIAGE_FIELDS
    if unknown:
        raise ValueError(f"triage does not change {sorted(unknown)}")


def _chunks(ids: list[int], size: int = 500) -> list[list[int]]:
    return [ids[i : i + size] for i in range(0, len(ids), size)]
