"""The report queries read the covering indexes of migration m0003 and answer the same with or without them."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest

from cmdesk.clock import utc
from cmdesk.desk import Desk
from cmdesk.reports import Period, ReportFilter
from cmdesk.response_clock import wall_clock
from cmdesk.store import bulk
from cmdesk.store import reports as sql
from cmdesk.store.codec import to_db_time
from cmdesk.store.engine import Connection
from cmdesk.store.messages import INSERT_COLUMNS
from cmdesk.store.migrations import m0003_report_indexes

PERIOD = Period(utc(2026, 11, 11), utc(2026, 11, 25))
NOW = "2026-11-24T09:00:00Z"
FILTERS = (
    ReportFilter(),
    ReportFilter(account_ids=(2,)),
    ReportFilter(agent="Anna"),
    ReportFilter(product="Cardiolin"),
    ReportFilter(account_ids=(1, 2), agent="Jonas", product="Dermasol"),
)


@pytest.fixture
def filled(desk: Desk) -> Desk:
    with desk.store.transaction() as conn:
        for name in ("FB", "Forum"):
            bulk.insert_account(conn, name=name, kind="facebook", settings="{}", created_at="2026-11-01T00:00:00Z")
        rows, events = [], []
        for i in range(1, 121):
            received = utc(2026, 11, 8) + timedelta(hours=5 * i + i % 3)
            agent = (None, "Anna", "Jonas", "")[i % 4]
            values: dict[str, Any] = dict.fromkeys(INSERT_COLUMNS)
            values.update(
                account_id=1 + i % 2,
                external_id=f"x{i}",
                kind="comment",
                direction="in",
                text="text",
                created_at=to_db_time(received - timedelta(minutes=i)),
                received_at=to_db_time(received),
                hidden=0,
                status=("open", "waiting", "done")[i % 3],
                assignee=agent,
                mood_label=("negative", "neutral", None)[i % 3],
                emotions="{}",
                mood_evidence="[]",
                expects_reply=1,
                pv_suspected=int(i % 5 == 0),
                pv_score=0.0,
                pv_signal=json.dumps({"products": [["Cardiolin"], ["Dermasol", "Cardiolin"], []][i % 3]}),
                pv_screening=("unscreened", "not_ae", "case")[i % 3],
                priority=2,
                due_at=to_db_time(received + timedelta(hours=4)),
                first_response_at=to_db_time(received + timedelta(hours=i % 7)) if i % 4 else None,
                handled_at=to_db_time(received + timedelta(hours=9)) if i % 3 == 2 else None,
            )
            rows.append([i, *(values[c] for c in INSERT_COLUMNS)])
            if i % 3 == 2:
                events.append((i, values["handled_at"], agent or "Priya", "status", "open", "done"))
        bulk.insert_messages_with_ids(conn, rows)
        bulk.insert_status_events(conn, events)
    return desk


def _queries(desk: Desk, f: ReportFilter) -> dict[str, Callable[[Connection], Any]]:
    clock = wall_clock(desk.reports.calendar, PERIOD.start - timedelta(days=1), PERIOD.end + timedelta(days=2))
    assert clock is not None
    agents = sql.inbound_assignees(desk.store.read())
    return {
        "message_report_received": lambda c: sorted(  # rows in no particular order
            sql.response_times(c, **PERIOD.db(), clock=clock, agents=agents, **f.db()), key=repr
        ),
        "message_report_open": lambda c: sql.open_items(c, now=NOW, **f.db()),
        "status_event_report": lambda c: sql.handled_per_day(c, **PERIOD.db(), **f.db()),
        "message_report_created": lambda c: sql.day_figures(c, **PERIOD.db(), **f.db()),
        "message_report_flagged": lambda c: sql.flagged_counts(c, **PERIOD.db(), **f.db()),
    }


class Plans:
    """A connection stand-in that records the query plan of every statement it runs."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.plans: list[str] = []

    def execute(self, statement: str, parameters: Any = ()) -> Any:
        self.plans += [row[3] for row in self.conn.execute("EXPLAIN QUERY PLAN " + statement, parameters)]
        return self.conn.execute(statement, parameters)


def test_each_report_query_reads_its_index_and_answers_the_same(filled: Desk) -> None:
    with filled.store.transaction() as conn:  # the store as before migration m0003
        for statement in m0003_report_indexes.SCHEMA:
            conn.execute(f"DROP INDEX IF EXISTS {statement.split(' ON ')[0].split()[-1]}")
    before = {f: {name: q(filled.store.read()) for name, q in _queries(filled, f).items()} for f in FILTERS}
    with filled.store.transaction() as conn:
        m0003_report_indexes.apply(conn)
    for f in FILTERS:
        for index, query in _queries(filled, f).items():
            plans = Plans(filled.store.read())
            assert query(plans) == before[f][index], (index, f)
            assert any(f"USING INDEX {index} " in p or f"COVERING INDEX {index} " in p for p in plans.plans), (
                index,
                f,
                plans.plans,
            )
            assert not any(p.startswith(("SCAN m", "SCAN e", "SCAN message")) for p in plans.plans), plans.plans


def test_figures_on_the_sample_are_right(filled: Desk) -> None:
    conn = filled.store.read()
    assert sql.inbound_assignees(conn) == ["", "Anna", "Jonas"]
    # written on 14 November: messages 29 to 33; 30 and 33 negative; 30 and 33 name Cardiolin, 31 both products
    channels, products = sql.day_figures(conn, start="2026-11-14T00:00:00Z", end="2026-11-15T00:00:00Z")
    assert channels == [("2026-11-14", 1, "FB", 2, 1), ("2026-11-14", 2, "Forum", 3, 1)]
    assert products == [("2026-11-14", "Cardiolin", 3, 2), ("2026-11-14", "Dermasol", 1, 0)]
    # received in the period: messages 14 to 81; flagged: every fifth, screened in turn unscreened, not_ae, case
    assert sql.flagged_counts(conn, **PERIOD.db()) == (14, 5, 4, 5, 0, 0)
