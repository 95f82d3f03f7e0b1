"""Batched INSERTs store every value exactly as single-row INSERTs would; lookups ignore their padding."""

from __future__ import annotations

from typing import Any

from cmdesk.desk import Desk
from cmdesk.store import batch, bulk, messages

CREATED = "2026-11-24T09:00:00Z"
TEXTS = [
    "Grüße aus Köln 🌷",
    "Er sagte \"Schwindel\" \\ und 'Übelkeit'",
    "",
    "zwei\nZeilen\tund ein NUL\x00dahinter",
    "ẞ 日本語 עברית",
]


def _message(n: int, text: str) -> list[Any]:
    values: dict[str, Any] = dict.fromkeys(messages.INSERT_COLUMNS)
    values.update(
        account_id=1,
        external_id=f"c{n}",
        kind="comment",
        direction="in",
        text=text,
        created_at=CREATED,
        received_at=CREATED,
        hidden=n % 2,
        status="open",
        emotions="{}",
        mood_evidence="[]",
        expects_reply=0,
        pv_suspected=0,
        mood_score=0.1234 * n,
        pv_score=0.0,
        pv_signal="{}",
        pv_screening="auto_cleared",
        priority=n,
        raw=None if n % 2 else '{"id":"x"}',
    )
    return [values[c] for c in messages.INSERT_COLUMNS]


def _stored(desk: Desk) -> list[tuple[Any, ...]]:
    columns = ", ".join(("id", *messages.INSERT_COLUMNS))
    types = ", ".join(f"typeof({c})" for c in ("id", *messages.INSERT_COLUMNS))
    return list(desk.store.read().execute(f"SELECT {columns}, {types} FROM message ORDER BY id").fetchall())


def _account(desk: Desk) -> None:
    with desk.store.transaction() as conn:
        bulk.insert_account(conn, name="Novalind DE Facebook", kind="facebook", settings="{}", created_at=CREATED)


def test_a_batch_stores_the_same_values_and_types_as_single_inserts(desk: Desk) -> None:
    _account(desk)
    rows = [_message(n, TEXTS[n % len(TEXTS)]) for n in range(batch.LARGE_INSERT_ROWS + 7)]  # both shapes
    with desk.store.transaction() as conn:
        ids = messages.insert_message_rows(conn, rows)
    assert ids == list(range(1, len(rows) + 1))
    batched = _stored(desk)
    with desk.store.transaction() as conn:
        conn.execute("DELETE FROM message")
        single = [messages.insert_message(conn, row) for row in rows]
    assert single == ids
    assert batched == _stored(desk)
    assert [r[8] for r in batched[: len(TEXTS)]] == TEXTS


def test_no_parameter_is_none() -> None:
    """None goes through sqlcipher3's adapter lookup (two failed attribute lookups each): NULL is a marker pair."""
    rows = [(1, "Eva", None, 2.5, b"\x00"), (2, None, "", 0, None)]
    params = batch._pack(rows, width=5)
    assert params[:21] == [
        b"Eva",
        1, batch.NOT_TEXT, 1, 3, 0, batch.NULL, 2.5, batch.NOT_TEXT, b"\x00", batch.NOT_TEXT,
        2, batch.NOT_TEXT, 0, batch.NULL, 4, 0, 0, batch.NOT_TEXT, 0, batch.NULL,
    ]  # fmt: skip
    assert len(params) == 1 + 2 * 5 * batch.INSERT_ROWS
    assert None not in params


def test_ids_continue_after_the_largest(desk: Desk) -> None:
    with desk.store.transaction() as conn:
        first = messages.insert_person_rows(conn, [("Eva", CREATED)])
        conn.execute("INSERT INTO person (id, display_name, created_at) VALUES (10, 'Tom', ?)", (CREATED,))
        later = messages.insert_person_rows(conn, [("Mila", CREATED), ("Jana", CREATED)])
        none = messages.insert_person_rows(conn, [])
    assert (first, later, none) == ([1], [11, 12], [])
    rows = desk.store.read().execute("SELECT id, display_name FROM person ORDER BY id").fetchall()
    assert rows == [(1, "Eva"), (10, "Tom"), (11, "Mila"), (12, "Jana")]


def test_lookups_come_in_padded_chunks_of_distinct_values() -> None:
    values = [f"c{n}" for n in range(batch.LOOKUP_VALUES)] + ["c0", "c1"]
    assert list(batch.lookup_chunks(values)) == [[f"c{n}" for n in range(batch.LOOKUP_VALUES)]]
    assert list(batch.lookup_chunks(["c1", "c2", "c1"])) == [["c1", "c2"] + ["c1"] * (batch.LOOKUP_VALUES - 2)]
    assert list(batch.lookup_chunks([])) == []


def test_many_lookups_come_in_long_chunks_then_a_short_one() -> None:
    """A batch of pages is looked up in few statements, still of two shapes only."""
    values = [f"c{n}" for n in range(batch.LARGE_LOOKUP_VALUES + 3)]
    chunks = list(batch.lookup_chunks(values))
    assert chunks == [values[: batch.LARGE_LOOKUP_VALUES], values[-3:] + [values[-3]] * (batch.LOOKUP_VALUES - 3)]
    [long] = batch.lookup_chunks(values[: batch.LOOKUP_VALUES + 1])
    assert long == values[: batch.LOOKUP_VALUES + 1] + ["c0"] * (batch.LARGE_LOOKUP_VALUES - batch.LOOKUP_VALUES - 1)


def test_a_lookup_finds_only_what_is_stored(desk: Desk) -> None:
    _account(desk)
    with desk.store.transaction() as conn:
        messages.insert_message_rows(conn, [_message(n, "Hallo") for n in range(3)])
    found = messages.find_messages(desk.store.read(), account_id=1, external_ids=["c2", "c9", "c0", "c2"])
    assert found == {"c2": (3, "Hallo", None, "auto_cleared"), "c0": (1, "Hallo", None, "auto_cleared")}
