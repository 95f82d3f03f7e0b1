"""SQL for messages and their authors: upsert on ingest, reads for the message pane."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from cmdesk.store import batch
from cmdesk.store.engine import Connection

MESSAGE_COLUMNS = (
    "id, account_id, external_id, kind, direction, author_id, thread_external_id, parent_external_id, text, url, "
    "created_at, received_at, edited_at, deleted_at, hidden, status, assignee, language, mood_label, mood_score, "
    "emotions, mood_evidence, intent, expects_reply, pv_suspected, pv_score, pv_signal, pv_screening, "
    "pv_screening_reason, suggested_action, priority, due_at, first_response_at, handled_at"
)

INSERT_COLUMNS = (
    "account_id",
    "external_id",
    "kind",
    "direction",
    "author_id",
    "thread_external_id",
    "parent_external_id",
    "text",
    "url",
    "created_at",
    "received_at",
    "edited_at",
    "deleted_at",
    "hidden",
    "status",
    "assignee",
    "language",
    "mood_label",
    "mood_score",
    "emotions",
    "mood_evidence",
    "intent",
    "expects_reply",
    "pv_suspected",
    "pv_score",
    "pv_signal",
    "pv_screening",
    "suggested_action",
    "priority",
    "due_at",
    "first_response_at",
    "handled_at",
    "raw",
)
INSERT_SQL = f"INSERT INTO message ({', '.join(INSERT_COLUMNS)}) VALUES ({', '.join('?' * len(INSERT_COLUMNS))})"


AUTHOR_COLUMNS = ("account_id", "external_id", "name", "handle", "profile_url", "person_id", "first_seen_at")
PERSON_COLUMNS = ("display_name", "created_at")


def find_authors(
    conn: Connection, *, account_id: int, external_ids: Sequence[str]
) -> dict[str, tuple[int, str, int | None]]:
    """(id, name, person_id) of the account's stored authors among ``external_ids``, by external id."""
    found: dict[str, tuple[int, str, int | None]] = {}
    for chunk in batch.lookup_chunks(external_ids):
        for external_id, author_id, name, person_id in conn.execute(
            "SELECT external_id, id, name, person_id FROM author"
            f" WHERE account_id = ? AND external_id IN ({batch.marks(len(chunk))})",
            (account_id, *chunk),
        ):
            found[external_id] = (author_id, name, person_id)
    return found


def find_messages(
    conn: Connection, *, account_id: int, external_ids: Sequence[str]
) -> dict[str, tuple[int, str, str | None, str]]:
    """(id, text, deleted_at, pv_screening) of the account's stored messages among ``external_ids``."""
    found: dict[str, tuple[int, str, str | None, str]] = {}
    for chunk in batch.lookup_chunks(external_ids):
        for external_id, message_id, text, deleted_at, screening in conn.execute(
            "SELECT external_id, id, text, deleted_at, pv_screening FROM message"
            f" WHERE account_id = ? AND external_id IN ({batch.marks(len(chunk))})",
            (account_id, *chunk),
        ):
            found[external_id] = (message_id, text, deleted_at, screening)
    return found


def insert_message_rows(conn: Connection, rows: Sequence[Sequence[Any]]) -> list[int]:
    """New messages (values of INSERT_COLUMNS each) in a few statements; returns their ids in order."""
    return batch.insert_rows(conn, "message", INSERT_COLUMNS, rows)


def insert_person_rows(conn: Connection, rows: Sequence[tuple[str, str]]) -> list[int]:
    """New persons, (display_name, created_at) each; returns their ids in order."""
    return batch.insert_rows(conn, "person", PERSON_COLUMNS, rows)


def insert_author_rows(conn: Connection, rows: Sequence[Sequence[Any]]) -> list[int]:
    """New authors (values of AUTHOR_COLUMNS each); returns their ids in order."""
    return batch.insert_rows(conn, "author", AUTHOR_COLUMNS, rows)


def find_author(conn: Connection, *, account_id: int, external_id: str) -> tuple[int, str, int | None] | None:
    row = conn.execute(
        "SELECT id, name, person_id FROM author WHERE account_id = ? AND external_id = ?", (account_id, external_id)
    ).fetchone()
    return None if row is None else (row[0], row[1], row[2])


def insert_person(conn: Connection, *, display_name: str, created_at: str) -> int:
    cur = conn.execute("INSERT INTO person (display_name, created_at) VALUES (?, ?)", (display_name, created_at))
    return int(cur.lastrowid or 0)


def insert_author(
    conn: Connection,
    *,
    account_id: int,
    external_id: str,
    name: str,
    handle: str | None,
    profile_url: str | None,
    person_id: int | None,
    first_seen_at: str,
) -> int:
    cur = conn.execute(
        "INSERT INTO author (account_id, external_id, name, handle, profile_url, person_id, first_seen_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        (account_id, external_id, name, handle, profile_url, person_id, first_seen_at),
    )
    return int(cur.lastrowid or 0)


def update_author(conn: Connection, author_id: int, *, name: str, handle: str | None, profile_url: str | None) -> None:
    conn.execute(
        "UPDATE author SET name = ?, handle = coalesce(?, handle), profile_url = coalesce(?, profile_url) WHERE id = ?",
        (name, handle, profile_url, author_id),
    )


def find_message(conn: Connection, *, account_id: int, external_id: str) -> tuple[int, str, str | None, str] | None:
    """(id, text, deleted_at, pv_screening) of a stored message, or None."""
    row = conn.execute(
        "SELECT id, text, deleted_at, pv_screening FROM message WHERE account_id = ? AND external_id = ?",
        (account_id, external_id),
    ).fetchone()
    return None if row is None else (row[0], row[1], row[2], row[3])


def insert_message(conn: Connection, values: Sequence[Any]) -> int:
    cur = conn.execute(INSERT_SQL, values)
    return int(cur.lastrowid or 0)


def insert_messages(conn: Connection, rows: Sequence[Sequence[Any]]) -> None:
    conn.executemany(INSERT_SQL, rows)


def update_analysis(conn: Connection, message_id: int, fields: dict[str, Any]) -> None:
    assignments = ", ".join(f"{name} = ?" for name in fields)
    conn.execute(f"UPDATE message SET {assignments} WHERE id = ?", (*fields.values(), message_id))


def mark_deleted(conn: Connection, message_id: int, *, at: str) -> None:
    conn.execute("UPDATE message SET deleted_at = coalesce(deleted_at, ?) WHERE id = ?", (at, message_id))


def add_status_event(
    conn: Connection,
    *,
    message_id: int,
    at: str,
    actor: str,
    field: str,
    old: str | None,
    new: str | None,
    reason: str | None = None,
) -> None:
    conn.execute(
        "INSERT INTO status_event (message_id, at, actor, field, old_value, new_value, reason) VALUES (?,?,?,?,?,?,?)",
        (message_id, at, actor, field, old, new, reason),
    )


def get_message(conn: Connection, message_id: int) -> tuple[Any, ...] | None:
    row: tuple[Any, ...] | None = conn.execute(
        f"SELECT {MESSAGE_COLUMNS} FROM message WHERE id = ?", (message_id,)
    ).fetchone()
    return row


def thread_messages(
    conn: Connection, *, account_id: int, thread_external_id: str, limit: int = 200
) -> list[tuple[Any, ...]]:
    """The messages of one thread (post, comments, replies, DM conversation, e-mail thread) oldest first."""
    rows: list[tuple[Any, ...]] = conn.execute(
        f"""SELECT {MESSAGE_COLUMNS} FROM message
            WHERE account_id = ? AND (thread_external_id = ? OR external_id = ?)
            ORDER BY created_at, id LIMIT ?""",
        (account_id, thread_external_id, thread_external_id, limit),
    ).fetchall()
    return rows


def thread_around(
    conn: Connection,
    *,
    account_id: int,
    thread_external_id: str,
    created_at: str,
    message_id: int,
    before: int,
    after: int,
) -> tuple[list[tuple[Any, ...]], int, int, int]:
    """Rows, how many of them open the thread (0 or 1), and the counts left out before and after.

    The thread's opening post and the ``before`` and ``after`` messages around one, and how many were left out.

    A busy post collects thousands of comments; the pane shows the conversation around the
    message being worked on (each side read from the thread index in order) and says how many
    earlier and later messages it leaves out, instead of the oldest few hundred.
    """
    key = (account_id, thread_external_id)
    root = conn.execute(
        f"SELECT {MESSAGE_COLUMNS} FROM message WHERE account_id = ? AND external_id = ? AND id != ?",
        (*key, message_id),
    ).fetchall()
    same_thread = "account_id = ? AND thread_external_id = ? AND external_id != ?"
    params = (*key, thread_external_id, created_at, message_id)
    earlier = conn.execute(
        f"""SELECT {MESSAGE_COLUMNS} FROM message WHERE {same_thread} AND (created_at, id) < (?, ?)
            ORDER BY created_at DESC, id DESC LIMIT ?""",
        (*params, before),
    ).fetchall()
    later = conn.execute(
        f"""SELECT {MESSAGE_COLUMNS} FROM message WHERE {same_thread} AND (created_at, id) > (?, ?)
            ORDER BY created_at, id LIMIT ?""",
        (*params, after),
    ).fetchall()
    current = conn.execute(f"SELECT {MESSAGE_COLUMNS} FROM message WHERE id = ?", (message_id,)).fetchall()
    counts = conn.execute(
        f"""SELECT count(*) FILTER (WHERE (created_at, id) < (?, ?)), count(*) FILTER (WHERE (created_at, id) > (?, ?))
            FROM message WHERE {same_thread}""",
        (created_at, message_id, created_at, message_id, *key, thread_external_id),
    ).fetchall()[0]
    rows = [*root[:1], *reversed(earlier), *current, *later]
    return rows, len(root[:1]), int(counts[0]) - len(earlier), int(counts[1]) - len(later)


def author_names(conn: Connection, author_ids: Sequence[int]) -> dict[int, str]:
    """Display names of several authors in one read (a thread's speakers)."""
    wanted = sorted(set(author_ids))
    if not wanted:
        return {}
    marks = ",".join("?" * len(wanted))
    rows = conn.execute(f"SELECT id, name FROM author WHERE id IN ({marks})", wanted).fetchall()
    return {int(r[0]): str(r[1] or "") for r in rows}


def reply_agents(conn: Connection, *, account_id: int, external_ids: Sequence[str]) -> dict[str, str]:
    """Who sent each of these messages from the desk: the agent of the sent outbox item with that remote id."""
    found: dict[str, str] = {}
    for chunk in batch.lookup_chunks(external_ids):
        for remote_id, agent in conn.execute(
            "SELECT remote_id, created_by FROM outbox WHERE account_id = ? AND state = 'sent'"
            f" AND remote_id IN ({batch.marks(len(chunk))}) AND remote_id IS NOT NULL ORDER BY id",
            (account_id, *chunk),
        ):
            found[str(remote_id)] = str(agent)
    return found


def person_messages(conn: Connection, person_id: int, *, limit: int = 500) -> list[tuple[Any, ...]]:
    rows: list[tuple[Any, ...]] = conn.execute(
        f"""SELECT {MESSAGE_COLUMNS} FROM message
            WHERE author_id IN (SELECT id FROM author WHERE person_id = ?)
            ORDER BY created_at DESC, id DESC LIMIT ?""",
        (person_id, limit),
    ).fetchall()
    return rows


def author_row(conn: Connection, author_id: int) -> tuple[Any, ...] | None:
    row: tuple[Any, ...] | None = conn.execute(
        "SELECT id, account_id, external_id, name, handle, profile_url, person_id FROM author WHERE id = ?",
        (author_id,),
    ).fetchone()
    return row


def insert_rejected(
    conn: Connection, *, account_id: int, external_id: str | None, reason: str, raw: str, at: str
) -> None:
    conn.execute(
        "INSERT INTO rejected_item (account_id, external_id, reason, raw, received_at) VALUES (?, ?, ?, ?, ?)",
        (account_id, external_id, reason, raw, at),
    )


def insert_attachment(conn: Connection, *, message_id: int, filename: str, content_type: str, data: bytes) -> None:
    conn.execute(
        "INSERT INTO attachment (message_id, filename, content_type, data) VALUES (?, ?, ?, ?)",
        (message_id, filename, content_type, data),
    )


def attachments(conn: Connection, message_id: int) -> list[tuple[str, str, bytes]]:
    return [
        (r[0], r[1], bytes(r[2]))
        for r in conn.execute(
            "SELECT filename, content_type, data FROM attachment WHERE message_id = ? ORDER BY id", (message_id,)
        )
    ]


def account_row(conn: Connection, account_id: int) -> tuple[Any, ...] | None:
    row: tuple[Any, ...] | None = conn.execute(
        "SELECT id, name, kind, settings, status, last_success_at, last_error, last_error_at, token_expires_at "
        "FROM channel_account WHERE id = ?",
        (account_id,),
    ).fetchone()
    return row
