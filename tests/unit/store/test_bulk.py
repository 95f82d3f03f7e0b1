"""Bulk loading: indexes dropped for the load come back exactly as the migrations made them, with statistics."""

from __future__ import annotations

import secrets
from pathlib import Path
from typing import Any

from cmdesk.clock import FixedClock, utc
from cmdesk.pv import case_loading
from cmdesk.pv.model import CaseState
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


def load_in_bulk(store: Store, *, keep_cache: bool = False) -> bulk.Load:
    """:func:`fill` loaded in bulk into the empty ``store``."""
    with store.transaction() as conn:
        load = bulk.begin_load(conn, drop_indexes=True)
        fill(conn)
    with store.transaction() as conn:
        bulk.end_load(conn, load, keep_cache=keep_cache)
    return load


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
        load_in_bulk(loaded)
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


def test_a_case_loaded_in_bulk_reads_back_as_the_desk_reads_a_case(tmp_path: Path, clock: FixedClock) -> None:
    store = new_store(tmp_path / "cases.cmdesk", clock)
    try:
        with store.transaction() as conn:
            fill(conn)
            assert bulk.max_id(conn, "pv_case") == 0
            bulk.insert_cases(
                conn,
                [
                    (
                        7,
                        "CMD-2026-000001",
                        "acknowledged",
                        1,
                        "2026-11-02T08:01:00Z",
                        0,
                        '{"death":false}',
                        '{"handle":"lena","name":"Lena Fischer"}',
                        '{"relation":"self","sex":"female"}',
                        "A consumer (lena) wrote.",
                        "2026-11-03T08:01:00Z",
                        "2027-01-31T08:01:00Z",
                        "2026-11-02T10:00:00Z",
                        "Priya Nair",
                        "email",
                        "drug.safety@novalind.example",
                        "NVL-DS-2026-10001",
                        "2026-11-03T09:00:00Z",
                        "Anna Berger",
                        "2026-11-02T08:30:00Z",
                        "2026-11-03T09:00:00Z",
                    )
                ],
            )
            snapshot = (
                '{"created_at":"2026-11-02T08:00:00Z","received_at":"2026-11-02T08:01:00Z","text":"Kopfschmerzen"}'
            )
            bulk.insert_case_sources(conn, [(7, 1, snapshot, "ab" * 32, "2026-11-02T08:30:00Z")])
            bulk.insert_case_products(conn, [(7, "Cardiolin", "cardiolol", "suspect", "", "", "", "", "")])
            bulk.insert_case_events(conn, [(7, "Kopfschmerzen", "de", "", "", None, "", "{}")])
            assert bulk.max_id(conn, "pv_case") == 7
        case = case_loading.load_case(store.read(), 7, settings={})
        assert (case.reference, case.state, case.person_id, case.safety_case_number, case.forward_method) == (
            "CMD-2026-000001",
            CaseState.ACKNOWLEDGED,
            1,
            "NVL-DS-2026-10001",
            "email",
        )
        assert (case.reporter.handle, case.patient.sex, case.narrative) == (
            "lena",
            "female",
            "A consumer (lena) wrote.",
        )
        assert [(p.name, p.substance, p.role) for p in case.products] == [("Cardiolin", "cardiolol", "suspect")]
        assert [(e.verbatim, e.language) for e in case.events] == [("Kopfschmerzen", "de")]
        assert [(s.message_id, s.text, s.sha256, s.added_at) for s in case.sources] == [
            (1, "Kopfschmerzen", "ab" * 32, utc(2026, 11, 2, 8, 30))
        ]
        assert (case.day0, case.acknowledged_at) == (utc(2026, 11, 2, 8, 1), utc(2026, 11, 3, 9))
    finally:
        store.close()


def test_end_load_can_keep_the_grown_cache_until_released(tmp_path: Path, clock: FixedClock) -> None:
    store = new_store(tmp_path / "cache.cmdesk", clock)
    try:
        writer = store._conn_for_write()
        before = writer.execute("PRAGMA cache_size").fetchone()[0]
        load = load_in_bulk(store, keep_cache=True)
        assert writer.execute("PRAGMA cache_size").fetchone()[0] == -bulk.LOAD_CACHE_KIB  # a tiny store: the floor
        assert (type(None), sqlcipher3.PrepareProtocol) not in sqlcipher3.adapters
        with store.transaction() as conn:
            bulk.release_cache(conn, load)
        assert writer.execute("PRAGMA cache_size").fetchone()[0] == before
    finally:
        store.close()
