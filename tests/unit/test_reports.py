"""Team-lead figures on fixture data whose right answers are known by hand."""

from __future__ import annotations

import json
import random
from datetime import date, datetime, timedelta
from typing import Any

import pytest

from cmdesk import reports as reports_module
from cmdesk.business_hours import BusinessCalendar
from cmdesk.clock import FixedClock, utc
from cmdesk.desk import Desk
from cmdesk.reports import AgentResponses, AgentWorkload, Period, ReportFilter, Reports
from cmdesk.store import bulk
from cmdesk.store.codec import to_db_time
from cmdesk.store.messages import INSERT_COLUMNS

NOW = utc(2026, 11, 24, 12)  # a Tuesday


def t(value: datetime | None) -> str | None:
    return to_db_time(value)


class Fixture:
    def __init__(self, desk: Desk) -> None:
        self.desk = desk
        self.next_id = 1
        with desk.store.transaction() as conn:
            bulk.insert_account(conn, name="FB", kind="facebook", settings="{}", created_at="2026-11-01T00:00:00Z")
            bulk.insert_account(conn, name="Forum", kind="discourse", settings="{}", created_at="2026-11-01T00:00:00Z")

    def message(
        self,
        *,
        received: datetime,
        account: int = 1,
        assignee: str | None = None,
        status: str = "open",
        first_response: datetime | None = None,
        handled: datetime | None = None,
        due: datetime | None = None,
        mood: str = "neutral",
        pv: bool = False,
        screening: str = "auto_cleared",
        products: tuple[str, ...] = (),
    ) -> int:
        values: dict[str, Any] = dict.fromkeys(INSERT_COLUMNS)
        values.update(
            account_id=account,
            external_id=f"x{self.next_id}",
            kind="comment",
            direction="in",
            text="text",
            created_at=t(received),
            received_at=t(received),
            hidden=0,
            status=status,
            assignee=assignee,
            mood_label=mood,
            emotions="{}",
            mood_evidence="[]",
            expects_reply=1,
            pv_suspected=int(pv),
            pv_score=0.9 if pv else 0.0,
            pv_signal=json.dumps({"products": list(products)}),
            pv_screening=screening,
            priority=2,
            due_at=t(due),
            first_response_at=t(first_response),
            handled_at=t(handled),
        )
        message_id = self.next_id
        self.next_id += 1
        with self.desk.store.transaction() as conn:
            bulk.insert_messages_with_ids(conn, [[message_id, *(values[c] for c in INSERT_COLUMNS)]])
            if handled is not None:
                bulk.insert_status_events(conn, [(message_id, t(handled), assignee, "status", "open", status)])
        return message_id

    def case(self, *, day0: datetime, forwarded: datetime | None, state: str, serious: bool = False) -> None:
        with self.desk.store.transaction() as conn:
            conn.execute(
                "INSERT INTO pv_case (reference, state, day0, serious, internal_due_at, regulatory_due_at, "
                "forwarded_at, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'Priya', ?, ?)",
                (
                    f"CASE-{day0.isoformat()}",
                    state,
                    t(day0),
                    int(serious),
                    t(day0 + timedelta(hours=24)),
                    t(day0 + timedelta(days=15 if serious else 90)),
                    t(forwarded),
                    t(day0),
                    t(day0),
                ),
            )


@pytest.fixture
def fx(desk: Desk, clock: FixedClock) -> Fixture:
    clock.set(NOW)
    return Fixture(desk)


def test_business_hours_skip_the_night_and_the_weekend() -> None:
    calendar = BusinessCalendar()  # Europe/Berlin, 08:00-18:00, Monday to Friday
    friday_5pm_berlin = utc(2026, 11, 20, 16)
    monday_930_berlin = utc(2026, 11, 23, 8, 30)
    assert calendar.seconds_between(friday_5pm_berlin, monday_930_berlin) == 2.5 * 3600
    assert calendar.seconds_between(monday_930_berlin, friday_5pm_berlin) == 0.0
    saturday = utc(2026, 11, 21, 10)
    assert calendar.seconds_between(saturday, saturday + timedelta(hours=5)) == 0.0


def test_workload_first_response_in_business_hours_and_sla_edges(fx: Fixture, desk: Desk) -> None:
    friday = utc(2026, 11, 20, 16)
    fx.message(
        received=friday,
        assignee="Anna",
        status="done",
        first_response=utc(2026, 11, 23, 8, 30),
        handled=utc(2026, 11, 23, 9),
        due=utc(2026, 11, 23, 8, 30),
    )  # answered exactly at due: no breach
    fx.message(
        received=utc(2026, 11, 23, 9),
        assignee="Anna",
        status="done",
        first_response=utc(2026, 11, 23, 10),
        handled=utc(2026, 11, 23, 10),
        due=utc(2026, 11, 23, 9, 59, 59),
    )  # one second late: breach
    fx.message(received=utc(2026, 11, 24, 8), assignee="Anna", due=NOW)  # due right now: not yet a breach
    fx.message(received=utc(2026, 11, 24, 8), assignee="Jonas", due=NOW - timedelta(seconds=1))  # overdue
    fx.message(received=utc(2026, 11, 24, 9), status="waiting", assignee="Jonas")
    fx.message(received=utc(2026, 11, 24, 9))  # unassigned
    report = desk.reports.workload(Period(utc(2026, 11, 11), utc(2026, 11, 25)))
    assert report.agents == [
        AgentWorkload(
            agent="",
            open=1,
            waiting=0,
            handled=0,
            first_response_median_h=None,
            first_response_p90_h=None,
            handling_median_h=None,
            sla_breaches=0,
        ),
        AgentWorkload(
            agent="Anna",
            open=1,
            waiting=0,
            handled=2,
            first_response_median_h=1.75,
            first_response_p90_h=2.5,
            handling_median_h=33.0,
            sla_breaches=1,
        ),
        AgentWorkload(
            agent="Jonas",
            open=1,
            waiting=1,
            handled=0,
            first_response_median_h=None,
            first_response_p90_h=None,
            handling_median_h=None,
            sla_breaches=1,
        ),
    ]
    assert report.handled_per_day == [("2026-11-23", "Anna", 2)]
    assert report.backlog == [(1, "FB", 3), (2, "Forum", 0)]  # the three open messages above


def test_pv_share_forwarded_within_24_hours(fx: Fixture, desk: Desk) -> None:
    day0 = utc(2026, 11, 20, 10)
    fx.case(day0=day0, forwarded=day0 + timedelta(hours=23, minutes=59), state="acknowledged")
    fx.case(day0=day0 + timedelta(hours=1), forwarded=day0 + timedelta(hours=25), state="forwarded")  # exactly 24 h
    fx.case(day0=day0 + timedelta(hours=2), forwarded=day0 + timedelta(hours=26, seconds=1), state="forwarded")
    fx.case(day0=NOW - timedelta(hours=30), forwarded=None, state="draft")  # open, past the internal due
    fx.case(day0=NOW - timedelta(hours=2), forwarded=None, state="ready", serious=True)
    fx.message(received=utc(2026, 11, 23, 9), pv=True, screening="unscreened")
    fx.message(received=utc(2026, 11, 23, 9), pv=True, screening="not_ae")
    fx.message(received=utc(2026, 11, 23, 9), pv=True, screening="case")  # screened as a case, but no case holds it
    report = desk.reports.pv(Period(utc(2026, 11, 11), utc(2026, 11, 25)))
    assert (
        report.cases_in_period,
        report.forwarded_in_time,
        report.forwarded_late,
        report.share_forwarded_in_time,
    ) == (5, 2, 1, 0.6667)
    assert report.open_cases_by_age == {"under 24 h": 1, "1-3 days": 1, "3-15 days": 0, "over 15 days": 0}
    assert (report.flagged, report.unscreened, report.cleared, report.with_case) == (3, 1, 1, 0)
    assert (report.overdue_internal, report.overdue_regulatory) == (1, 0)
    assert report.reconciliation_gaps == {
        "flagged_as_case_without_case": 1,
        "not_forwarded_past_internal_due": 1,
        "forwarded_late": 1,
        "forwarded_not_acknowledged_7_days": 0,
    }


def test_mood_per_channel_and_product_and_filters(fx: Fixture, desk: Desk) -> None:
    day = utc(2026, 11, 23, 10)
    fx.message(received=day, mood="negative", products=("Cardiolin",))
    fx.message(received=day, mood="positive", products=("Cardiolin",))
    fx.message(received=day, account=2, mood="negative")
    report = desk.reports.mood(Period(utc(2026, 11, 23), utc(2026, 11, 24)))
    assert [(c.day, c.account, c.volume, c.negative) for c in report.channel_days] == [
        ("2026-11-23", "FB", 2, 1),
        ("2026-11-23", "Forum", 1, 1),
    ]
    assert report.product_days == [("2026-11-23", "Cardiolin", 2, 1)]
    only_forum = desk.reports.mood(Period(utc(2026, 11, 23), utc(2026, 11, 24)), ReportFilter(account_ids=(2,)))
    assert [(c.account, c.volume) for c in only_forum.channel_days] == [("Forum", 1)]


def test_coverage_marks_gaps(fx: Fixture, desk: Desk) -> None:
    with desk.store.transaction() as conn:
        bulk.set_last_success(conn, account_id=1, at=t(NOW - timedelta(hours=2)) or "")
        bulk.set_last_success(conn, account_id=2, at=t(NOW - timedelta(hours=7)) or "")
    coverage = desk.reports.coverage()
    assert [(c.name, c.hours_since_success, c.gap) for c in coverage] == [("FB", 2.0, False), ("Forum", 7.0, True)]


def test_which_messages_filter_lists_exactly_the_bar(fx: Fixture, desk: Desk) -> None:
    day = utc(2026, 11, 23, 10)
    wanted = fx.message(received=day, mood="negative")
    fx.message(received=day, mood="positive")
    fx.message(received=day + timedelta(days=1), mood="negative")
    f = desk.reports.messages_filter(day="2026-11-23", account_id=1, negative=True)
    assert list(desk.queue.ids(f)) == [wanted]


def test_first_response_across_the_autumn_clock_change_and_a_holiday(fx: Fixture, desk: Desk) -> None:
    # Europe/Berlin leaves summer time on Sunday 25 October 2026 at 01:00 UTC.
    friday_5pm_summer = utc(2026, 10, 23, 15)
    monday_930_winter = utc(2026, 10, 26, 8, 30)
    fx.message(received=friday_5pm_summer, assignee="Anna", status="done", first_response=monday_930_winter)
    saturday = utc(2026, 10, 24, 10)
    fx.message(received=saturday, assignee="Anna", status="done", first_response=saturday + timedelta(days=1))
    period = Period(utc(2026, 10, 19), utc(2026, 10, 31))
    # Friday 17:00-18:00 and Monday 08:00-09:30: 2.5 h; the weekend message: 0 h
    assert desk.reports.response_times(period) == {
        "Anna": AgentResponses(first_response_median_h=1.25, first_response_p90_h=2.5, handling_median_h=None, late=0)
    }
    monday_off = Reports(desk, calendar=BusinessCalendar(holidays=frozenset({date(2026, 10, 26)})))
    assert monday_off.response_times(period)["Anna"].first_response_p90_h == 1.0


def test_response_times_from_sql_equal_the_calendar_walk(
    fx: Fixture, desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    rng = random.Random(8)
    start = utc(2026, 10, 1)  # the period holds the clock change, weekends and nights
    for _ in range(300):
        received = start + timedelta(seconds=rng.randrange(40 * 86400))
        assignee = rng.choice([None, "", "Anna", "Jonas", "Priya"])
        answered = received + timedelta(seconds=rng.randrange(-3600, 9 * 86400)) if rng.random() < 0.8 else None
        closed = assignee is not None and rng.random() < 0.7  # a closing status change names its agent
        handled = received + timedelta(seconds=rng.randrange(-600, 5 * 86400)) if closed else None
        fx.message(
            received=received,
            account=rng.choice([1, 2]),
            assignee=assignee,
            status="done" if handled else "open",
            first_response=answered,
            handled=handled,
            due=received + timedelta(hours=rng.choice([4, 24, 48])),
        )
    period = Period(utc(2026, 10, 3, 7, 30), utc(2026, 11, 2, 16))
    for f in (ReportFilter(), ReportFilter(agent="Anna"), ReportFilter(account_ids=(2,))):
        with monkeypatch.context() as patch:
            patch.setattr(Reports, "_response_seconds_in_python", None)  # SQL must answer alone
            in_sql = desk.reports.response_times(period, f)
        with monkeypatch.context() as patch:
            patch.setattr(reports_module, "wall_clock", lambda *_: None)  # what a calendar SQL cannot do takes
            in_python = desk.reports.response_times(period, f)
        assert in_sql == in_python
        assert sorted(in_sql) == (["Anna"] if f.agent else ["", "Anna", "Jonas", "Priya"])


def test_a_first_response_beyond_the_computed_calendar_is_still_counted(fx: Fixture, desk: Desk) -> None:
    received = utc(2026, 11, 23, 9)
    much_later = utc(2027, 11, 23, 9)  # past "now": outside the range SQL computes business time for
    fx.message(received=received, assignee="Anna", status="done", first_response=much_later)
    expected = round(BusinessCalendar().seconds_between(received, much_later) / 3600, 2)
    responses = desk.reports.response_times(Period(utc(2026, 11, 11), utc(2026, 11, 25)))
    assert responses["Anna"].first_response_median_h == expected == 2610.0  # 261 working days of 10 h


def test_unassigned_and_empty_assignee_are_one_row(fx: Fixture, desk: Desk) -> None:
    fx.message(received=utc(2026, 11, 23, 9), assignee=None)
    fx.message(received=utc(2026, 11, 23, 9), assignee="", due=NOW - timedelta(hours=1))
    fx.message(received=utc(2026, 11, 23, 9), assignee="", status="waiting")
    report = desk.reports.workload(Period(utc(2026, 11, 11), utc(2026, 11, 25)))
    assert report.agents == [
        AgentWorkload(
            agent="",
            open=2,
            waiting=1,
            handled=0,
            first_response_median_h=None,
            first_response_p90_h=None,
            handling_median_h=None,
            sla_breaches=1,
        )
    ]


def test_products_named_twice_count_twice_and_the_product_filter(fx: Fixture, desk: Desk) -> None:
    day = utc(2026, 11, 23, 10)
    fx.message(received=day, mood="negative", products=("Cardiolin", "Cardiolin"))
    fx.message(received=day, mood="positive", products=("Dermasol", "Cardiolin"))
    fx.message(received=day + timedelta(days=1), assignee="Anna", products=("Dermasol",))
    fx.message(received=day, account=2, mood="negative")
    period = Period(utc(2026, 11, 23), utc(2026, 11, 25))
    assert desk.reports.mood(period).product_days == [  # a message naming a product twice counts twice
        ("2026-11-23", "Cardiolin", 3, 2),
        ("2026-11-23", "Dermasol", 1, 0),
        ("2026-11-24", "Dermasol", 1, 0),
    ]
    only_dermasol = desk.reports.mood(period, ReportFilter(product="Dermasol"))
    assert [(c.day, c.account, c.volume, c.negative) for c in only_dermasol.channel_days] == [
        ("2026-11-23", "FB", 1, 0),
        ("2026-11-24", "FB", 1, 0),
    ]
    assert desk.reports.workload(period, ReportFilter(product="Dermasol")).backlog == [(1, "FB", 2), (2, "Forum", 0)]


def test_a_period_that_starts_and_ends_mid_day_counts_only_its_own_hours(fx: Fixture, desk: Desk) -> None:
    for hour in (9, 11, 23):
        fx.message(received=utc(2026, 11, 22, hour), mood="negative")
    fx.message(received=utc(2026, 11, 23, 9, 59, 59))
    fx.message(received=utc(2026, 11, 23, 10))  # the end is exclusive
    report = desk.reports.mood(Period(utc(2026, 11, 22, 10), utc(2026, 11, 23, 10)))
    assert [(c.day, c.volume, c.negative) for c in report.channel_days] == [
        ("2026-11-22", 2, 2),
        ("2026-11-23", 1, 0),
    ]


def test_the_dashboard_figures_equal_the_single_reports(fx: Fixture, desk: Desk) -> None:
    fx.message(received=utc(2026, 11, 23, 9), assignee="Anna", status="done", handled=utc(2026, 11, 23, 10))
    fx.message(received=utc(2026, 11, 23, 9), pv=True, screening="unscreened", products=("Cardiolin",))
    period = Period(utc(2026, 11, 11), utc(2026, 11, 25))
    workload, pv, mood = desk.reports.figures(period)
    assert (workload, pv, mood) == (desk.reports.workload(period), desk.reports.pv(period), desk.reports.mood(period))
    responses = desk.reports.response_times(period)
    assert desk.reports.figures(period, responses=responses) == (workload, pv, mood)
