"""The queue's SQL: every filter's ids in queue order, exact counts, view counts and cancelled reads.

The expected values are computed in Python from the rows themselves (search hits from the full-text
index), on a store with and without the m0004 queue indexes: the query plans differ, the ids must not.
"""

from __future__ import annotations

import random
import threading
from array import array
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import pytest

from cmdesk.clock import FixedClock
from cmdesk.desk import Desk
from cmdesk.store import queue as sql
from cmdesk.store.codec import to_db_time
from cmdesk.store.engine import OperationalError
from cmdesk.store.keys import KeyManager
from cmdesk.store.migrations import m0004_queue_indexes
from cmdesk.store.queue import QueueFilter, ReadCanceller
from tests.conftest import NOW, MemoryKeyring

MESSAGES = 3_000
COMMON, RARE = "Kopfschmerzen", "Schwindel"  # in about 40 % and 1 % of the texts


@dataclass(frozen=True)
class Row:
    id: int
    direction: str
    priority: int
    due_at: str | None
    status: str
    assignee: str | None
    account_id: int
    mood_label: str | None
    language: str
    pv_screening: str
    created_at: str
    text: str

    def key(self) -> tuple[Any, ...]:
        return (self.priority, self.due_at is not None, self.due_at or "", self.id)  # SQLite sorts NULL first


@pytest.fixture(scope="module", params=[True, False], ids=["m0004", "m0001-indexes"])
def store(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Desk, list[Row]]]:
    """A desk with MESSAGES seeded messages (some our own replies), with or without the m0004 indexes."""
    rnd = random.Random(7)
    path = tmp_path_factory.mktemp("queue") / "queue.cmdesk"
    desk = Desk.create(path, mode="keyring", keys=KeyManager(MemoryKeyring()), clock=FixedClock(NOW), agent="Anna")
    with desk.store.transaction() as conn:
        for name, kind in (("facebook", "facebook"), ("mail", "email")):
            conn.execute(
                "INSERT INTO channel_account (name, kind, settings, created_at) VALUES (?, ?, '{}', ?)",
                (name, kind, to_db_time(NOW)),
            )
        if request.param:
            m0004_queue_indexes.apply(conn)
        for n in range(MESSAGES):
            words = ["Frage"] + ([COMMON] if rnd.random() < 0.4 else []) + ([RARE] if rnd.random() < 0.01 else [])
            due = None if rnd.random() < 0.1 else to_db_time(NOW + timedelta(minutes=rnd.randrange(0, 3_000)))
            conn.execute(
                "INSERT INTO message (account_id, external_id, kind, direction, text, created_at, received_at,"
                " status, assignee, mood_label, language, pv_screening, priority, due_at)"
                " VALUES (?, ?, 'comment', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    rnd.choice([1, 2]),
                    f"x{n}",
                    "out" if rnd.random() < 0.2 else "in",
                    " ".join(words),
                    to_db_time(NOW - timedelta(hours=rnd.randrange(0, 24 * 10))),
                    to_db_time(NOW),
                    rnd.choice(["open", "open", "waiting", "done", "no_action"]),
                    rnd.choice([None, None, "Anna Berger", "Dr. Jonas Weber"]),
                    rnd.choice([None, "negative", "neutral", "positive"]),
                    rnd.choice(["de", "en"]),
                    rnd.choice(["unscreened", "auto_cleared", "case"]),
                    rnd.randrange(0, 4),
                    due,
                ),
            )
    columns = ", ".join(Row.__dataclass_fields__)
    rows = [Row(*r) for r in desk.store.read().execute(f"SELECT {columns} FROM message")]
    yield desk, rows
    desk.close()


def expected(rows: list[Row], f: QueueFilter, hits: set[int] | None = None) -> list[int]:
    """The filter applied by hand, in queue order."""

    def keep(r: Row) -> bool:
        view = {
            "all": True,
            "my": r.assignee == f.me and r.status == "open",
            "unassigned": r.assignee is None and r.status == "open",
            "pv_review": r.pv_screening == "unscreened",
            "waiting": r.status == "waiting",
            "done": r.status in ("done", "no_action"),
        }.get(f.view, f.view == f"account:{r.account_id}" and r.status == "open")
        return (
            r.direction == "in"
            and view
            and (not f.statuses or r.status in f.statuses)
            and (not f.moods or r.mood_label in f.moods)
            and (not f.languages or r.language in f.languages)
            and (not f.account_ids or r.account_id in f.account_ids)
            and (f.assignee is None or r.assignee == (f.assignee or None))
            and (f.created_from is None or r.created_at >= to_db_time(f.created_from))
            and (hits is None or r.id in hits)
        )

    return [r.id for r in sorted(filter(keep, rows), key=Row.key)]


FILTERS = {
    "all": QueueFilter(),
    "my": QueueFilter(view="my", me="Anna Berger"),
    "unassigned": QueueFilter(view="unassigned"),
    "pv_review": QueueFilter(view="pv_review"),
    "waiting": QueueFilter(view="waiting"),
    "done": QueueFilter(view="done"),
    "account": QueueFilter(view="account:2"),
    "status and mood chips": QueueFilter(statuses=("open",), moods=("negative",)),
    "two statuses": QueueFilter(statuses=("open", "waiting")),
    "language in my queue": QueueFilter(view="my", me="Anna Berger", languages=("en",)),
    "assignee chip": QueueFilter(assignee=""),
    "channel chip": QueueFilter(account_ids=(1,)),
    "last day": QueueFilter(created_from=NOW - timedelta(days=1)),
}


@pytest.mark.parametrize("name", FILTERS)
def test_every_filter_gives_its_ids_in_queue_order_with_the_exact_count(
    store: tuple[Desk, list[Row]], name: str
) -> None:
    desk, rows = store
    f, conn = FILTERS[name], desk.store.read()
    wanted = expected(rows, f)
    assert len(wanted) > 0
    assert (list(sql.ordered_ids(conn, f)), sql.count(conn, f)) == (wanted, len(wanted))
    assert list(sql.ordered_ids(conn, f, limit=50, offset=10)) == wanted[10:60]


def search_hits(desk: Desk, word: str) -> set[int]:
    found = desk.store.read().execute("SELECT rowid FROM message_fts WHERE message_fts MATCH ?", (sql.fts_query(word),))
    return {r[0] for r in found}


@pytest.mark.parametrize("word", [COMMON, RARE])
@pytest.mark.parametrize("view", ["all", "my", "done"])
def test_a_search_with_many_or_few_hits_gives_the_same_ids_as_the_full_text_index(
    store: tuple[Desk, list[Row]], word: str, view: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    desk, rows = store
    monkeypatch.setattr(sql, "FEW_HITS", 20)  # the seeded store is small: make the common word "many hits"
    monkeypatch.setattr(sql, "HIT_SLICE", 100)  # and read its queue in several growing slices
    f, conn = QueueFilter(view=view, me="Anna Berger", search=word), desk.store.read()
    wanted = expected(rows, f, search_hits(desk, word))
    assert (list(sql.ordered_ids(conn, f)), sql.count(conn, f)) == (wanted, len(wanted))
    assert list(sql.ordered_ids(conn, f, limit=40)) == wanted[:40]
    assert list(sql.ordered_ids(conn, f, limit=40, offset=25)) == wanted[25:65]


def test_a_search_page_that_would_read_too_much_of_the_queue_leaves_it_to_sqlite(
    store: tuple[Desk, list[Row]], monkeypatch: pytest.MonkeyPatch
) -> None:
    desk, rows = store
    monkeypatch.setattr(sql, "FEW_HITS", 5)
    monkeypatch.setattr(sql, "HIT_SLICE", 10)
    monkeypatch.setattr(sql, "HIT_SCAN", 30)  # gives up after three slices
    f = QueueFilter(search=RARE, languages=("de",))
    wanted = expected(rows, f, search_hits(desk, RARE))
    assert list(sql.ordered_ids(desk.store.read(), f, limit=200)) == wanted


@pytest.mark.parametrize("hit_set_max", [0, 5, 10_000])
def test_a_search_page_with_more_hits_than_a_set_holds_is_left_to_sqlite(
    store: tuple[Desk, list[Row]], monkeypatch: pytest.MonkeyPatch, hit_set_max: int
) -> None:
    desk, rows = store
    monkeypatch.setattr(sql, "FEW_HITS", 2)
    monkeypatch.setattr(sql, "HIT_SET_MAX", hit_set_max)
    pages_by_hit_set: list[int] = []
    by_hit_set = sql._page_by_hit_set

    def spy(conn: object, plan: object, hits: set[str], **kwargs: int) -> object:
        pages_by_hit_set.append(len(hits))
        return by_hit_set(conn, plan, hits, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(sql, "_page_by_hit_set", spy)
    f = QueueFilter(search=RARE)
    wanted = expected(rows, f, search_hits(desk, RARE))
    assert len(wanted) > 5  # more hits than the smaller caps hold
    assert list(sql.ordered_ids(desk.store.read(), f, limit=200)) == wanted
    assert pages_by_hit_set == ([] if hit_set_max < len(search_hits(desk, RARE)) else [len(search_hits(desk, RARE))])


def test_search_text_without_a_word_matches_nothing(store: tuple[Desk, list[Row]]) -> None:
    desk, _rows = store
    f, conn = QueueFilter(search=" -- "), desk.store.read()
    assert (list(sql.ordered_ids(conn, QueueFilter(search="?!"))), sql.count(conn, QueueFilter(search="?!"))) == ([], 0)
    assert sql.count(conn, f) == len(search_hits(desk, "--"))


def test_view_counts_are_the_sizes_of_the_views(store: tuple[Desk, list[Row]]) -> None:
    desk, rows = store
    views = ["my", "unassigned", "pv_review", "waiting", "done", "all", "account:1", "account:2"]
    wanted = {v: len(expected(rows, QueueFilter(view=v, me="Anna Berger"))) for v in views}
    assert sql.view_counts(desk.store.read(), me="Anna Berger") == wanted


def test_wide_filters_read_only_the_queue_filter_index(tdesk: Desk) -> None:
    with tdesk.store.transaction() as conn:
        m0004_queue_indexes.apply(conn)
    conn = tdesk.store.read()
    plans = {}
    for name in ("status and mood chips", "done", "my", "pv_review"):
        plan = sql._plan(conn, FILTERS[name], ordered=True)
        where, params = plan.clause()
        query = f"EXPLAIN QUERY PLAN SELECT m.id FROM {plan.source} WHERE {where} ORDER BY {sql.ORDER}"
        plans[name] = [row[-1] for row in conn.execute(query, params)]
    assert plans == {
        "status and mood chips": ["SCAN m USING COVERING INDEX message_queue_filter"],
        "done": ["SCAN m USING COVERING INDEX message_queue_filter"],
        "my": ["SEARCH m USING COVERING INDEX message_assignee_queue (assignee=? AND status=?)"],
        "pv_review": ["SEARCH m USING COVERING INDEX message_pv_review_queue (pv_screening=?)"],
    }


def test_a_cancelled_read_stops_and_the_connection_reads_on(store: tuple[Desk, list[Row]]) -> None:
    desk, rows = store
    conn = desk.store.read()
    canceller = ReadCanceller()
    canceller.cancel()
    with pytest.raises(OperationalError, match="interrupted"):
        sql.ordered_ids(conn, QueueFilter(), canceller=canceller)
    with pytest.raises(OperationalError, match="interrupted"):
        sql.count(conn, QueueFilter(), canceller=canceller)
    assert sql.count(conn, QueueFilter(), canceller=ReadCanceller()) == len(expected(rows, QueueFilter()))


def test_cancel_from_another_thread_interrupts_the_running_statement(tdesk: Desk) -> None:
    conn = tdesk.store.read()
    canceller = ReadCanceller()
    started = threading.Event()
    outcome: list[str] = []
    endless = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT count(*) FROM n"

    def read() -> None:
        with canceller.running(conn):
            started.set()
            try:
                conn.execute(endless).fetchall()
            except OperationalError as err:
                outcome.append(str(err))

    worker = threading.Thread(target=read)
    worker.start()
    assert started.wait(10)
    # an interrupt that lands between entering running() and the statement's start is lost (SQLite
    # forgets it when nothing runs); the window then just discards the stale answer: cancel again
    for _ in range(200):
        canceller.cancel()
        worker.join(0.05)
        if not worker.is_alive():
            break
    assert (worker.is_alive(), outcome, conn.execute("SELECT 1").fetchall()) == (False, ["interrupted"], [(1,)])


def test_an_id_list_is_parsed_in_slices() -> None:
    text = ",".join(str(n) for n in range(1, 1_000))
    assert sql.parse_ids(text, chunk=7) == array("q", range(1, 1_000))
    assert (sql.parse_ids(""), sql.parse_ids("42", chunk=1)) == (array("q"), array("q", [42]))
