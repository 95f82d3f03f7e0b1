"""Bulk loading: indexes dropped for the load come back exactly as the migrations made them, with statistics."""

from __future__ import annotations

import secrets
from pathlib import Path
from typing import Any

from cmdesk.clock import FixedClock
from cmdesk.store import bulk
from cmdesk.store.database import Store
from cmdesk.store.engine import Connection, sqlcipher3
from cmdesk.store.messages import INSERT_COLUMNS

CREATED = "2026-11-01T00:00:00Z"


def schema(conn: Connection) -> list[tuple[str, str, str, str | None]]:
    """Every schema object but where it sits (rootpage, row order) and ANALYZE's statistics tables."""
    return sorted(
        conn.execute(
            "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_stat%'"
        ).fetchall()
    )


def secondary_indexes(conn: Connection) -> list[str]:
    marks = ",".join("?" * len(bulk.LOAD_TABLES))
    sql = f"SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ({marks})"
    return sorted(row[0] for row in conn.execute(sql, bulk.LOAD_TABLES))


def message_rows() -> list[list[Any]]:
    """Two inbound messages and a reply, with NULLs where a demo row has them."""
    rows = []
    for message_id, direction, author_id in ((1, "in", 1), (2, "in", 1), (3, "out", None)):
        values: dict[str, Any] = {column: None for column in INSERT_COLUMNS}
        values.update(
            account_id=1,
            external_id=f"fb-{message_id}",
            kind="comment" if direction == "in" else "reply",
            direction=direction,
            author_id=author_id,
            thread_external_id="post-1",
            text=f"Kopfschmerzen nach Cardiolin ({message_id})",
            created_at=f"2026-11-0{message_id + 1}T08:00:00Z",
            received_at=f"2026-11-0{message_id + 1}T08:01:00Z",
            hidden=0,
            status="open",
            language="de",
            mood_score=0.0,
            emotions="{}",
            mood_evidence="[]",
            expects_reply=1,
            pv_suspected=1,
            pv_score=0.8,
            pv_signal='{"products": ["Cardiolin"]}',
            pv_screening="unscreened",
            priority=0,
            due_at="2026-11-05T08:00:00Z" if direction == "in" else None,
        )
        rows.append([message_id, *(values[c] for c in INSERT_COLUMNS)])
    return rows


def fill(conn: Connection) -> None:
    account_id = bulk.insert_account(
        conn, name="Novalind DE Facebook", kind="facebook", settings="{}", created_at=CREATED
    )
    bulk.insert_persons(conn, [(1, "Lena Fischer", CREATED)])
    bulk.insert_authors(conn, [(1, account_id, "fb-user-1", "Lena Fischer", "lena", None, 1, CREATED)])
    bulk.insert_messages_with_ids(conn, message_rows())
    bulk.insert_status_events(conn, [(1, "2026-11-03T09:00:00Z", "Anna Berger", "status", "open", "done")])


def new_store(path: Path, clock: FixedClock) -> Store:
    return Store.create(path, secrets.token_bytes(32), clock=clock, memory_security=False)


def test_a_bulk_load_ends_with_the_migrated_schema_and_planner_statistics(tmp_path: Path, clock: FixedClock) -> None:
    migrated = new_store(tmp_path / "migrated.cmdesk", clock)
    loaded = new_store(tmp_path / "loaded.cmdesk", clock)
    try:
        writer = loaded._conn_for_write()
        cache_size = writer.execute("PRAGMA cache_size").fetchone()[0]
        with loaded.transaction() as conn:
            load = bulk.begin_load(conn, drop_indexes=True)
            assert secondary_indexes(conn) == []
            fill(conn)
        with loaded.transaction() as conn:
            bulk.end_load(conn, load)
        assert schema(loaded.read()) == schema(migrated.read())
        dropped = secondary_indexes(migrated.read())
        assert {"message_queue_filter", "message_report_id", "status_event_report"} <= set(dropped)
        assert len(load.indexes) == len(dropped)
        # statistics for every index of a table that has rows (note and message_tag are empty here)
        stats = "SELECT DISTINCT idx FROM sqlite_stat1 WHERE tbl IN ('message', 'status_event') ORDER BY idx"
        with_rows = [name for name in dropped if not name.startswith(("note_", "message_tag_"))]
        assert [row[0] for row in loaded.read().execute(stats) if row[0] in dropped] == with_rows
        assert writer.execute("PRAGMA cache_size").fetchone()[0] == cache_size
        assert (type(None), sqlcipher3.PrepareProtocol) not in sqlcipher3.adapters
    finally:
        migrated.close()
        loaded.close()


def test_rows_are_the_same_whether_loaded_in_bulk_or_not(tmp_path: Path, clock: FixedClock) -> None:
    plain = new_store(tmp_path / "plain.cmdesk", clock)
    loaded = new_store(tmp_path / "loaded.cmdesk", clock)
    try:
        with plain.transaction() as conn:
            fill(conn)
        with loaded.transaction() as conn:
            load = bulk.begin_load(conn, drop_indexes=True)
            fill(conn)
        with loaded.transaction() as conn:
            bulk.end_load(conn, load)
        tables = ("message", "status_event", "author", "person")
        rows = {t: plain.read().execute(f"SELECT * FROM {t} ORDER BY rowid").fetchall() for t in tables}
        assert {t: loaded.read().execute(f"SELECT * FROM {t} ORDER BY rowid").fetchall() for t in tables} == rows
        nulls = "SELECT id, typeof(author_id), typeof(due_at), typeof(raw) FROM message ORDER BY id"
        assert loaded.read().execute(nulls).fetchall() == [
            (1, "integer", "text", "null"),
            (2, "integer", "text", "null"),
            (3, "null", "null", "null"),
        ]
        search = "SELECT rowid FROM message_fts WHERE message_fts MATCH 'kopfschmerzen' ORDER BY rowid"
        assert loaded.read().execute(search).fetchall() == [(1,), (2,), (3,)]
    finally:
        plain.close()
        loaded.close()


def test_a_load_into_a_filled_store_keeps_its_indexes(tmp_path: Path, clock: FixedClock) -> None:
    store = new_store(tmp_path / "filled.cmdesk", clock)
    try:
        before = secondary_indexes(store.read())
        with store.transaction() as conn:
            load = bulk.begin_load(conn, drop_indexes=False)
            assert secondary_indexes(conn) == before
            fill(conn)
        with store.transaction() as conn:
            bulk.end_load(conn, load)
        assert (load.indexes, secondary_indexes(store.read())) == ([], before)
    finally:
        store.close()
