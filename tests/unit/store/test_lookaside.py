"""The wider lookaside pool: SQLite confirms the handle, and an insert no longer spills to the heap."""

from __future__ import annotations

import secrets
from pathlib import Path

from cmdesk.clock import FixedClock
from cmdesk.store import lookaside
from cmdesk.store.database import Store, connect
from cmdesk.store.engine import sqlcipher3


def _insert_messages(store: Store, count: int) -> None:
    with store.transaction() as conn:
        conn.execute(
            "INSERT INTO channel_account (name, kind, created_at) VALUES ('fb', 'facebook', '2026-11-24T09:00:00Z')"
        )
        conn.executemany(
            "INSERT INTO message (account_id, external_id, kind, text, thread_external_id, created_at, received_at) "
            "VALUES (1, ?, 'comment', ?, ?, '2026-11-24T09:00:00Z', '2026-11-24T09:00:00Z')",
            [(f"m{i}", f"Seit Cardiolin habe ich Herzrasen, Tag {i}", f"post-{i // 10}") for i in range(count)],
        )


def test_every_store_connection_gets_the_wide_pool_and_inserts_stay_inside_it(
    tmp_path: Path, clock: FixedClock
) -> None:
    path = tmp_path / "s.cmdesk"
    store = Store.create(path, secrets.token_bytes(32), clock=clock)
    _insert_messages(store, 200)
    writer_usage = lookaside.usage(store._conn_for_write(), path)
    store.read().execute("SELECT count(*) FROM message WHERE text LIKE '%Herz%'").fetchone()
    reader_usage = lookaside.usage(store.read(), path)
    store.close()
    assert writer_usage is not None and reader_usage is not None
    (writer_peak, writer_spilled), (_, reader_spilled) = writer_usage, reader_usage
    assert (writer_peak > 40, writer_spilled, reader_spilled) == (True, 0, 0)  # 40 is SQLite's default pool


def test_without_the_wide_pool_the_same_insert_spills_to_the_heap(tmp_path: Path, clock: FixedClock) -> None:
    """The counter-check: the figures above are the pool's doing, not a property of the insert."""
    path = tmp_path / "s.cmdesk"
    key = secrets.token_bytes(32)
    Store.create(path, key, clock=clock).close()
    store = Store.open(path, key, clock=clock)
    narrow = sqlcipher3.connect(str(path), check_same_thread=False, isolation_level=None)
    narrow.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    store._writer.close()  # type: ignore[union-attr]
    store._writer = narrow
    _insert_messages(store, 200)
    usage = lookaside.usage(narrow, path)
    store.close()
    assert usage is not None and usage[1] > 0


def test_a_connection_to_another_file_is_left_alone(tmp_path: Path) -> None:
    """The handle check: SQLite must name the file the caller expects before anything is configured."""
    conn = sqlcipher3.connect(str(tmp_path / "a.db"), isolation_level=None)
    assert (lookaside.widen(conn, tmp_path / "b.db"), lookaside.usage(conn, tmp_path / "b.db")) == (False, None)
    conn.close()


def test_a_pool_in_use_is_not_replaced(tmp_path: Path) -> None:
    path = tmp_path / "a.db"
    conn = connect(path, secrets.token_bytes(32), label="a.db")  # already widened and used by the key check
    statement = conn.execute("SELECT 1 UNION ALL SELECT 2")  # a statement holds lookaside slots while it runs
    statement.fetchone()
    assert lookaside.widen(conn, path) is False
    conn.close()
