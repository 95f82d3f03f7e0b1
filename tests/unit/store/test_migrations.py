"""Schema steps: ordered, transactional, and a store made by an earlier set upgrades without loss."""

from __future__ import annotations

import secrets
from pathlib import Path

import pytest

from cmdesk.clock import FixedClock
from cmdesk.store import migrations
from cmdesk.store.database import Store
from cmdesk.store.queue import fts_query


def test_migration_names_are_ordered_and_unique() -> None:
    names = [m.name for m in migrations.all_migrations()]
    assert names == sorted(set(names))
    assert names[0] == "m0001_initial"
    assert all(n[:6].startswith("m") and n[1:5].isdigit() and n[5] == "_" for n in names)


def test_a_store_made_by_the_first_schema_upgrades_keeping_its_data(tmp_path: Path, clock: FixedClock) -> None:
    later = [m.name for m in migrations.all_migrations()][1:]
    if not later:
        pytest.skip("only one schema step exists so far; nothing to upgrade to")
    path = tmp_path / "old.cmdesk"
    key = secrets.token_bytes(32)
    old = Store.create(path, key, clock=clock, upto="m0001_initial")
    with old.transaction() as conn:
        conn.execute(
            "INSERT INTO channel_account (name, kind, created_at) VALUES ('fb', 'facebook', '2026-01-01T00:00:00Z')"
        )
        conn.execute(
            "INSERT INTO message (account_id, external_id, kind, text, created_at, received_at) "
            "VALUES (1, 'm1', 'comment', 'Grüße aus Köln', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')"
        )
    assert migrations.applied(old._conn_for_write()) == ["m0001_initial"]
    old.close()
    upgraded = Store.open(path, key, clock=clock)
    conn = upgraded.read()
    assert migrations.applied(conn) == [m.name for m in migrations.all_migrations()]
    assert conn.execute("SELECT external_id, text FROM message").fetchall() == [("m1", "Grüße aus Köln")]
    search = "SELECT rowid FROM message_fts WHERE message_fts MATCH ?"
    assert conn.execute(search, (fts_query("grüsse"),)).fetchall() == [(1,)]
    upgraded.close()


def test_a_failing_step_leaves_the_schema_as_it_was(
    tmp_path: Path, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "s.cmdesk"
    store = Store.create(path, secrets.token_bytes(32), clock=clock, upto="m0001_initial")

    def broken(conn: object) -> None:
        conn.execute("CREATE TABLE half_done (x)")  # type: ignore[attr-defined]
        raise RuntimeError("the step fails half-way")

    steps = [migrations.Migration("m0001_initial", lambda c: None), migrations.Migration("m0002_broken", broken)]
    monkeypatch.setattr(migrations, "all_migrations", lambda: steps)
    with pytest.raises(RuntimeError, match="half-way"):
        migrations.migrate(store._conn_for_write(), now="2026-11-24T09:00:00Z")
    conn = store._conn_for_write()
    assert conn.execute("SELECT name FROM sqlite_master WHERE name = 'half_done'").fetchall() == []
    assert migrations.applied(conn) == ["m0001_initial"]
    store.close()


def test_the_migration_list_names_every_module_in_order() -> None:
    on_disk = sorted(p.stem for p in Path(migrations.__file__).parent.glob("m[0-9][0-9][0-9][0-9]_*.py"))
    assert list(migrations.NAMES) == on_disk


@pytest.mark.parametrize("table", ["pv_case_product", "pv_case_event", "pv_follow_up"])
def test_a_cases_parts_are_found_by_the_case_not_by_a_scan(tmp_path: Path, clock: FixedClock, table: str) -> None:
    store = Store.create(tmp_path / "s.cmdesk", secrets.token_bytes(32), clock=clock)
    plan = store.read().execute(f"EXPLAIN QUERY PLAN SELECT * FROM {table} WHERE case_id = ?", (1,)).fetchall()
    assert [row[-1] for row in plan] == [f"SEARCH {table} USING INDEX {table}_case (case_id=?)"]
    store.close()
