"""The audit chain names every edited, inserted or deleted row, and rows cut off the end."""

from __future__ import annotations

from datetime import timedelta

from cmdesk.clock import FixedClock
from cmdesk.desk import Desk
from cmdesk.store import audit


def _write_entries(desk: Desk, clock: FixedClock, n: int) -> int:
    """Append n entries; returns the id of the first (creating the desk already wrote two)."""
    first = desk.store.read().execute("SELECT max(id) FROM audit").fetchone()[0] + 1
    assert first == 3
    for i in range(n):
        clock.advance(timedelta(minutes=1))
        with desk.store.transaction() as conn:
            audit.append(
                conn,
                at=clock.now(),
                actor="Anna Berger",
                action="message.status",
                entity="message",
                entity_id=i,
                detail={"old": "open", "new": "done"},
            )
    return int(first)


def _tamper(desk: Desk, *statements: str) -> None:
    """What an attacker with the key would do: drop the guard triggers, then change rows."""
    with desk.store.transaction() as conn:
        conn.execute("DROP TRIGGER audit_no_update")
        conn.execute("DROP TRIGGER audit_no_delete")
        for sql in statements:
            conn.execute(sql)


def test_an_untouched_chain_verifies(desk: Desk, clock: FixedClock) -> None:
    _write_entries(desk, clock, 5)
    assert audit.verify(desk.store.read()) == []


def test_the_log_refuses_updates_and_deletes(desk: Desk, clock: FixedClock) -> None:
    _write_entries(desk, clock, 2)
    errors = []
    for sql in ("UPDATE audit SET actor = 'x' WHERE id = 2", "DELETE FROM audit WHERE id = 2"):
        try:
            with desk.store.transaction() as conn:
                conn.execute(sql)
        except Exception as err:
            errors.append(str(err))
    assert errors == ["the audit log is append-only", "the audit log is append-only"]


def test_an_edited_row_is_named(desk: Desk, clock: FixedClock) -> None:
    _write_entries(desk, clock, 5)
    _tamper(desk, "UPDATE audit SET actor = 'Mallory' WHERE id = 6")
    assert [str(p) for p in audit.verify(desk.store.read())] == [
        "audit row 6: edited (its content no longer matches its hash)"
    ]


def test_a_deleted_row_is_named(desk: Desk, clock: FixedClock) -> None:
    _write_entries(desk, clock, 5)
    _tamper(desk, "DELETE FROM audit WHERE id = 5")
    assert [str(p) for p in audit.verify(desk.store.read())] == [
        "audit row 6: a row before it was deleted (after row 4)"
    ]


def test_an_inserted_row_is_named(desk: Desk, clock: FixedClock) -> None:
    _write_entries(desk, clock, 3)
    with desk.store.transaction() as conn:
        conn.execute("DROP TRIGGER audit_no_update")
        conn.execute("DROP TRIGGER audit_no_delete")
        # Move row 4 (the last entry) up to make room, then forge a row in its place with a valid own hash.
        last = conn.execute("SELECT * FROM audit WHERE id = 5").fetchone()
        conn.execute("DELETE FROM audit WHERE id = 5")
        conn.execute("INSERT INTO audit VALUES (6, ?, ?, ?, ?, ?, ?, ?, ?)", last[1:])
        forged_prev = conn.execute("SELECT hash FROM audit WHERE id = 4").fetchone()[0]
        at, actor, action, entity, entity_id, detail = "2026-11-24T09:02:30Z", "Mallory", "x", "message", "9", "{}"
        digest = audit._row_hash(
            prev_hash="f" * 64, at=at, actor=actor, action=action, entity=entity, entity_id=entity_id, detail=detail
        )
        conn.execute(
            "INSERT INTO audit VALUES (5, ?, ?, ?, ?, ?, ?, ?, ?)",
            (at, actor, action, entity, entity_id, detail, "f" * 64, digest),
        )
        assert forged_prev != "f" * 64
        conn.execute("UPDATE meta SET value = ? WHERE key = 'audit_head'", (f'{{"hash":"{last[8]}","id":6}}',))
    assert [str(p) for p in audit.verify(desk.store.read())] == [
        "audit row 5: inserted or rewritten (it does not chain to the row before)",
        "audit row 6: inserted or rewritten (it does not chain to the row before)",
    ]


def test_rows_cut_off_the_end_are_noticed(desk: Desk, clock: FixedClock) -> None:
    _write_entries(desk, clock, 4)
    _tamper(desk, "DELETE FROM audit WHERE id = 6")
    assert [str(p) for p in audit.verify(desk.store.read())] == [
        "audit row 6: rows after 5 were cut off or the head was changed"
    ]


def test_entries_for_one_entity(desk: Desk, clock: FixedClock) -> None:
    _write_entries(desk, clock, 3)
    found = audit.entries(desk.store.read(), entity="message", entity_id="1")
    assert [(e.id, e.actor, e.action, e.entity_id, e.detail) for e in found] == [
        (4, "Anna Berger", "message.status", "1", {"old": "open", "new": "done"})
    ]
