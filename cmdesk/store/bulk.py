"""Bulk SQL for loading many rows at once (demo data, benchmarks): plain executemany, no per-row work."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from cmdesk.store.engine import Connection
from cmdesk.store.messages import INSERT_SQL

# Tables whose secondary indexes a bulk load into an empty store drops and builds once at the end.
LOAD_TABLES = ("message", "status_event", "note", "message_tag")
LOAD_CACHE_KIB = 1024 * 1024  # page cache cap while loading: index builds re-read the table from memory


@dataclass
class Load:
    """What :func:`begin_load` changed, so :func:`end_load` can put it back."""

    indexes: list[str] = field(default_factory=list)
    cache_size: int = -2000


def insert_account(conn: Connection, *, name: str, kind: str, settings: str, created_at: str) -> int:
    cur = conn.execute(
        "INSERT INTO channel_account (name, kind, settings, created_at, last_success_at) VALUES (?, ?, ?, ?, ?)",
        (name, kind, settings, created_at, created_at),
    )
    return int(cur.lastrowid or 0)


def set_last_success(conn: Connection, *, account_id: int, at: str) -> None:
    conn.execute("UPDATE channel_account SET last_success_at = ? WHERE id = ?", (at, account_id))


def insert_persons(conn: Connection, rows: Sequence[tuple[int, str, str]]) -> None:
    """rows: (id, display_name, created_at)."""
    conn.executemany("INSERT INTO person (id, display_name, created_at) VALUES (?, ?, ?)", rows)


def insert_authors(conn: Connection, rows: Sequence[tuple[Any, ...]]) -> None:
    """rows: (id, account_id, external_id, name, handle, profile_url, person_id, first_seen_at)."""
    conn.executemany(
        "INSERT INTO author (id, account_id, external_id, name, handle, profile_url, person_id, first_seen_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        rows,
    )


def insert_merge_suggestions(conn: Connection, rows: Sequence[tuple[int, int, float, str]]) -> None:
    """rows: (author_id, person_id, score, reasons JSON)."""
    conn.executemany(
        "INSERT OR IGNORE INTO person_merge_suggestion (author_id, person_id, score, reasons) VALUES (?, ?, ?, ?)", rows
    )


def insert_messages_with_ids(conn: Connection, rows: Sequence[Sequence[Any]]) -> None:
    """rows: message.id followed by the values of store.messages.INSERT_COLUMNS.

    The per-row full-text trigger is suspended and the batch indexed in one statement:
    with SQLCipher's memory security on, the trigger costs about five times the insert.
    Both happen inside the caller's transaction, so no reader ever sees the gap.
    """
    if not rows:
        return
    sql = INSERT_SQL.replace("INSERT INTO message (", "INSERT INTO message (id, ").replace("VALUES (", "VALUES (?, ")
    trigger = conn.execute("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'message_fts_insert'")
    trigger_sql = trigger.fetchone()[0]
    conn.execute("DROP TRIGGER message_fts_insert")
    conn.executemany(sql, rows)
    ids = [row[0] for row in rows]
    conn.execute(
        "INSERT INTO message_fts (rowid, text, author_name) SELECT id, text, author_name FROM message_search_source "
        "WHERE id BETWEEN ? AND ?",
        (min(ids), max(ids)),
    )
    conn.execute(trigger_sql)


def insert_status_events(conn: Connection, rows: Sequence[tuple[Any, ...]]) -> None:
    """rows: (message_id, at, actor, field, old_value, new_value)."""
    conn.executemany(
        "INSERT INTO status_event (message_id, at, actor, field, old_value, new_value) VALUES (?, ?, ?, ?, ?, ?)", rows
    )


def insert_tags(conn: Connection, names: Sequence[str]) -> dict[str, int]:
    """Tags by name (created when missing); returns name -> id."""
    conn.executemany("INSERT OR IGNORE INTO tag (name) VALUES (?)", [(n,) for n in names])
    marks = ",".join("?" * len(names))
    return {
        name: int(tag_id) for tag_id, name in conn.execute(f"SELECT id, name FROM tag WHERE name IN ({marks})", names)
    }


def insert_message_tags(conn: Connection, rows: Sequence[tuple[int, int]]) -> None:
    """rows: (message_id, tag_id)."""
    conn.executemany("INSERT OR IGNORE INTO message_tag (message_id, tag_id) VALUES (?, ?)", rows)


def insert_person_tags(conn: Connection, rows: Sequence[tuple[int, int]]) -> None:
    """rows: (person_id, tag_id)."""
    conn.executemany("INSERT OR IGNORE INTO person_tag (person_id, tag_id) VALUES (?, ?)", rows)


def insert_notes(conn: Connection, rows: Sequence[tuple[Any, ...]]) -> None:
    """rows: (message_id or None, person_id or None, author, text, created_at)."""
    conn.executemany("INSERT INTO note (message_id, person_id, author, text, created_at) VALUES (?, ?, ?, ?, ?)", rows)


def max_id(conn: Connection, table: str) -> int:
    if table not in {"message", "author", "person"}:
        raise ValueError(table)
    return int(conn.execute(f"SELECT coalesce(max(id), 0) FROM {table}").fetchone()[0])


def begin_load(conn: Connection, *, drop_indexes: bool) -> Load:
    """Prepare the writer connection for a bulk load; with ``drop_indexes`` (an empty store) the
    secondary indexes of :data:`LOAD_TABLES` go until :func:`end_load` builds them again.

    Building an index once over the finished table is several times faster than growing it
    row by row. UNIQUE constraints stay: they guard against duplicates.
    """
    load = Load(cache_size=int(conn.execute("PRAGMA cache_size").fetchone()[0]))
    conn.execute(f"PRAGMA cache_size = -{LOAD_CACHE_KIB}")
    if drop_indexes:
        marks = ",".join("?" * len(LOAD_TABLES))
        rows = conn.execute(
            f"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name IN ({marks}) AND sql IS NOT NULL "
            "ORDER BY name",
            LOAD_TABLES,
        ).fetchall()
        for name, sql in rows:
            conn.execute(f'DROP INDEX "{name}"')
            load.indexes.append(sql)
    return load


def end_load(conn: Connection, load: Load) -> None:
    """Rebuild what :func:`begin_load` dropped, refresh the planner's statistics, restore the cache."""
    for sql in load.indexes:
        conn.execute(sql)
    conn.execute("PRAGMA analysis_limit = 1000")  # sampled statistics: enough for the planner, far cheaper
    conn.execute("ANALYZE")
    conn.execute(f"PRAGMA cache_size = {load.cache_size}")


# -- look-ups for the demo's showcase (cases, outbox, account health) ------------------------------


def suspected_messages(conn: Connection, *, received_after: str, received_before: str) -> list[tuple[Any, ...]]:
    """Inbound suspected adverse events still waiting for PV screening, oldest first:
    (id, person_id, received_at, language, account kind)."""
    return conn.execute(
        "SELECT m.id, a.person_id, m.received_at, m.language, ch.kind FROM message m "
        "JOIN author a ON a.id = m.author_id JOIN channel_account ch ON ch.id = m.account_id "
        "WHERE m.direction = 'in' AND m.pv_suspected = 1 AND m.pv_screening = 'unscreened' "
        "AND m.received_at > ? AND m.received_at <= ? ORDER BY m.received_at, m.id",
        (received_after, received_before),
    ).fetchall()


def messages_to_answer(conn: Connection, *, status: str, kinds: Sequence[str], limit: int) -> list[tuple[Any, ...]]:
    """The newest inbound, not suspected messages with ``status`` on channels of ``kinds``:
    (id, account kind, author name, language)."""
    marks = ",".join("?" * len(kinds))
    return conn.execute(
        "SELECT m.id, ch.kind, coalesce(a.name, ''), m.language FROM message m "
        "JOIN channel_account ch ON ch.id = m.account_id LEFT JOIN author a ON a.id = m.author_id "
        f"WHERE m.direction = 'in' AND m.status = ? AND m.pv_suspected = 0 AND ch.kind IN ({marks}) "
        "AND m.language IN ('de', 'en') ORDER BY m.id DESC LIMIT ?",
        (status, *kinds, limit),
    ).fetchall()
