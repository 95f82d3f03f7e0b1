"""Bulk SQL for loading many rows at once (demo data, benchmarks): plain executemany, no per-row work."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from cmdesk.store.engine import Connection, sqlcipher3
from cmdesk.store.messages import INSERT_SQL

# Tables whose secondary indexes a bulk load into an empty store drops and builds once at the end.
LOAD_TABLES = ("message", "status_event", "note", "message_tag")
LOAD_CACHE_KIB = 1024 * 1024  # page cache cap while loading: the newest pages of every table stay decrypted
# While the indexes are built the cache may grow to 1.25 times the file (tables and full-text index) as it
# was after the load: every CREATE INDEX scans its whole table, and a table larger than the cache is read and
# decrypted again for each index, since a sequential scan through a too-small LRU cache never hits. At 10^6
# messages (a 1.2 GB file before its indexes) that took the index builds from about 105 to 45 CPU seconds.
BUILD_CACHE_FACTOR = 1.25
_NULL_ADAPTER = (type(None), sqlcipher3.PrepareProtocol)


@dataclass
class Load:
    """What :func:`begin_load` changed, so :func:`end_load` can put it back."""

    indexes: list[str] = field(default_factory=list)
    cache_size: int = -2000
    null_adapter: bool = False  # begin_load registered the None adapter (and end_load removes it)


def _bind_none(value: None) -> None:
    """sqlcipher3's adapter for ``None``: unchanged, so it binds as NULL, but found by one dict look-up."""
    return value


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


def insert_cases(conn: Connection, rows: Sequence[tuple[Any, ...]]) -> None:
    """Whole PV cases as ``cmdesk.pv.service`` leaves them once forwarded (or acknowledged); rows:
    (id, reference, state, person_id, day0, serious, seriousness, reporter, patient, narrative,
    internal_due_at, regulatory_due_at, forwarded_at, forwarded_by, forward_method, forward_to,
    safety_case_number, acknowledged_at, created_by, created_at, updated_at)."""
    conn.executemany(
        "INSERT INTO pv_case (id, reference, state, person_id, day0, serious, seriousness, reporter, patient, "
        "narrative, internal_due_at, regulatory_due_at, forwarded_at, forwarded_by, forward_method, forward_to, "
        "safety_case_number, acknowledged_at, created_by, created_at, updated_at) "
        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        rows,
    )


def insert_case_sources(conn: Connection, rows: Sequence[tuple[int, int, str, str, str]]) -> None:
    """rows: (case_id, message_id, snapshot JSON, snapshot sha256, added_at), as ``case_writing.write_snapshot``."""
    conn.executemany(
        "INSERT INTO pv_case_message (case_id, message_id, snapshot, snapshot_hash, added_at) VALUES (?,?,?,?,?)",
        rows,
    )


def insert_case_products(conn: Connection, rows: Sequence[tuple[Any, ...]]) -> None:
    """rows: (case_id, name, substance, role, batch, dose, route, indication, action_taken)."""
    conn.executemany(
        "INSERT INTO pv_case_product (case_id, name, substance, role, batch, dose, route, indication, action_taken) "
        "VALUES (?,?,?,?,?,?,?,?,?)",
        rows,
    )


def insert_case_events(conn: Connection, rows: Sequence[tuple[Any, ...]]) -> None:
    """rows: (case_id, verbatim, language, meddra_llt_code, meddra_version, onset, outcome, details JSON)."""
    conn.executemany(
        "INSERT INTO pv_case_event (case_id, verbatim, language, meddra_llt_code, meddra_version, onset, outcome, "
        "details) VALUES (?,?,?,?,?,?,?,?)",
        rows,
    )


def max_id(conn: Connection, table: str) -> int:
    if table not in {"message", "author", "person", "pv_case"}:
        raise ValueError(table)
    return int(conn.execute(f"SELECT coalesce(max(id), 0) FROM {table}").fetchone()[0])


def begin_load(conn: Connection, *, drop_indexes: bool) -> Load:
    """Prepare the writer connection for a bulk load; with ``drop_indexes`` (an empty store) the
    secondary indexes of :data:`LOAD_TABLES` go until :func:`end_load` builds them again.

    Building an index once over the finished table (one scan, one sort, pages filled in order) is
    several times faster than growing twenty indexes row by row. UNIQUE constraints stay: they guard
    against duplicates. sqlcipher3 binds ``None`` only after two failed attribute look-ups, each
    raising and discarding an AttributeError (about 1.3 µs; a demo message row has five or six):
    an adapter that returns ``None`` unchanged binds the same NULL without them, until :func:`end_load`.
    """
    load = Load(cache_size=int(conn.execute("PRAGMA cache_size").fetchone()[0]))
    conn.execute(f"PRAGMA cache_size = -{LOAD_CACHE_KIB}")
    if _NULL_ADAPTER not in sqlcipher3.adapters:
        sqlcipher3.register_adapter(type(None), _bind_none)
        load.null_adapter = True
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


def end_load(conn: Connection, load: Load, *, keep_cache: bool = False) -> None:
    """Build what :func:`begin_load` dropped, refresh the planner's statistics, restore the connection.

    Each CREATE INDEX scans its whole table: the cache grows first to hold it (see
    :data:`BUILD_CACHE_FACTOR`), so only the first scan reads and decrypts the file. With
    ``keep_cache`` the grown cache stays until :func:`release_cache`: what runs next on this
    connection (the demo's showcase, whose every new PV case scans ``pv_case`` for the next
    reference) finds the freshly loaded pages decrypted instead of reading them again.
    """
    try:
        page_size = int(conn.execute("PRAGMA page_size").fetchone()[0])
        pages = int(conn.execute("PRAGMA page_count").fetchone()[0])
        build_kib = max(LOAD_CACHE_KIB, int(pages * page_size * BUILD_CACHE_FACTOR) // 1024)
        conn.execute(f"PRAGMA cache_size = -{build_kib}")
        for sql in load.indexes:
            conn.execute(sql)
        conn.execute("PRAGMA analysis_limit = 1000")  # sampled statistics: enough for the planner, far cheaper
        conn.execute("ANALYZE")
    finally:
        if not keep_cache:
            release_cache(conn, load)
        if load.null_adapter:
            sqlcipher3.adapters.pop(_NULL_ADAPTER, None)


def release_cache(conn: Connection, load: Load) -> None:
    """The connection's page cache back to its size before :func:`begin_load`."""
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
    (id, account kind, author name, language).

    Read newest first by id until ``limit`` match: in a demo store the newest messages match at
    once. The planner's own choice (every message with that status by the queue index, then
    sorted) reads a fifth of the table: seconds at 10^6 messages.
    """
    marks = ",".join("?" * len(kinds))
    return conn.execute(
        "SELECT m.id, ch.kind, coalesce(a.name, ''), m.language FROM message m NOT INDEXED "
        "CROSS JOIN channel_account ch ON ch.id = m.account_id LEFT JOIN author a ON a.id = m.author_id "
        f"WHERE m.direction = 'in' AND m.status = ? AND m.pv_suspected = 0 AND ch.kind IN ({marks}) "
        "AND m.language IN ('de', 'en') ORDER BY m.id DESC LIMIT ?",
        (status, *kinds, limit),
    ).fetchall()
