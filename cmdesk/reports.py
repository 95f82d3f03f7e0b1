"""Figures for team leads: workload, response times, PV KPIs, mood and crisis, monitoring coverage.

Every figure knows the queue filter that lists the messages behind it, so a chart
in the dashboard answers "which messages?" with one click.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from cmdesk.business_hours import BusinessCalendar
from cmdesk.response_clock import Run, runs_by_agent, wall_clock
from cmdesk.store import reports as sql
from cmdesk.store.codec import from_db_time, to_db_time
from cmdesk.store.queue import QueueFilter

if TYPE_CHECKING:
    from cmdesk.desk import Desk
    from cmdesk.store.engine import Connection

HOUR = 3600.0


@dataclass(frozen=True)
class Period:
    """A half-open time range [start, end) in UTC."""

    start: datetime
    end: datetime

    @classmethod
    def last_days(cls, now: datetime, days: int) -> Period:
        end = (now + timedelta(days=1)).replace(hour=0, minute=0, second=0, microsecond=0)
        return cls(end - timedelta(days=days), end)

    def db(self) -> dict[str, str]:
        return {"start": to_db_time(self.start) or "", "end": to_db_time(self.end) or ""}


@dataclass(frozen=True)
class ReportFilter:
    account_ids: tuple[int, ...] = ()
    agent: str | None = None
    product: str | None = None

    def db(self) -> dict[str, Any]:
        return {"account_ids": self.account_ids, "agent": self.agent, "product": self.product}


@dataclass(frozen=True)
class AgentWorkload:
    agent: str  # "" for unassigned
    open: int
    waiting: int
    handled: int
    first_response_median_h: float | None  # business hours
    first_response_p90_h: float | None
    handling_median_h: float | None  # wall-clock hours from receipt to done
    sla_breaches: int  # answered after the due time, plus open items already overdue


@dataclass(frozen=True)
class AgentResponses:
    first_response_median_h: float | None  # business hours
    first_response_p90_h: float | None
    handling_median_h: float | None
    late: int  # answered after the due time


@dataclass(frozen=True)
class WorkloadCounts:
    open: dict[str, tuple[int, int]]  # agent ("" for unassigned) -> (open, waiting) now
    overdue: dict[str, int]  # open items past their due time now
    handled_per_day: list[tuple[str, str, int]]
    backlog: list[tuple[int, str, int]]  # open items per channel


@dataclass(frozen=True)
class ChannelDay:
    day: str
    account_id: int
    account: str
    volume: int
    negative: int

    @property
    def negative_share(self) -> float:
        return self.negative / self.volume if self.volume else 0.0


@dataclass(frozen=True)
class WorkloadReport:
    period: Period
    agents: list[AgentWorkload]
    handled_per_day: list[tuple[str, str, int]]
    channel_days: list[ChannelDay]
    backlog: list[tuple[int, str, int]]


@dataclass(frozen=True)
class PVReport:
    period: Period
    flagged: int
    unscreened: int
    cleared: int
    with_case: int
    cases_in_period: int
    forwarded_in_time: int
    forwarded_late: int
    share_forwarded_in_time: float | None
    open_cases_by_age: dict[str, int]
    overdue_internal: int
    overdue_regulatory: int
    follow_ups_outstanding: int
    reconciliation_gaps: dict[str, int]


@dataclass(frozen=True)
class MoodReport:
    period: Period
    channel_days: list[ChannelDay]
    product_days: list[tuple[str, str, int, int]]
    alerts: list[dict[str, Any]] = field(default_factory=list)


@dataclass(frozen=True)
class AccountCoverage:
    account_id: int
    name: str
    kind: str
    status: str
    last_success_at: datetime | None
    hours_since_success: float | None
    gap: bool
    last_error: str | None


def _hours(value: float | None) -> float | None:
    return None if value is None else round(value / HOUR, 2)


class Reports:
    """Computes the figures from the store; the dashboard and `cmdesk report` show them."""

    def __init__(self, desk: Desk, *, calendar: BusinessCalendar | None = None) -> None:
        self._desk = desk
        self.calendar = calendar or BusinessCalendar()

    def default_period(self, days: int = 14) -> Period:
        return Period.last_days(self._desk.clock.now(), days)

    # -- workload ---------------------------------------------------------------------

    def figures(
        self, period: Period, f: ReportFilter | None = None, *, responses: dict[str, AgentResponses] | None = None
    ) -> tuple[WorkloadReport, PVReport, MoodReport]:
        """Workload, PV and mood together, reading the per-day figures they share once (the dashboard).

        ``responses`` are :meth:`response_times` when the caller computed them (on another thread).
        """
        f = f or ReportFilter()
        channel_days, product_days = self.day_figures(period, f)
        counts = self.workload_counts(period, f)
        if responses is None:
            responses = self.response_times(period, f)
        return (
            self.workload_report(period, counts, responses, channel_days),
            self.pv(period, f),
            self.mood_report(period, channel_days, product_days),
        )

    def workload(self, period: Period, f: ReportFilter | None = None) -> WorkloadReport:
        f = f or ReportFilter()
        return self.workload_report(
            period, self.workload_counts(period, f), self.response_times(period, f), self.day_figures(period, f)[0]
        )

    @staticmethod
    def workload_report(
        period: Period, counts: WorkloadCounts, responses: dict[str, AgentResponses], channel_days: list[ChannelDay]
    ) -> WorkloadReport:
        """The workload report from its counts and response times (computed apart, they can run in parallel)."""
        handled: dict[str, int] = defaultdict(int)
        for _, actor, n in counts.handled_per_day:
            handled[actor] += n
        nobody = AgentResponses(None, None, None, 0)
        breaches = {a: counts.overdue.get(a, 0) + responses.get(a, nobody).late for a in {*counts.overdue, *responses}}
        answered = {a for a, r in responses.items() if r.first_response_median_h is not None}
        agents = sorted(set(counts.open) | answered | set(handled) | {a for a, n in breaches.items() if n})
        return WorkloadReport(
            period=period,
            agents=[
                AgentWorkload(
                    agent=a,
                    open=counts.open.get(a, (0, 0))[0],
                    waiting=counts.open.get(a, (0, 0))[1],
                    handled=handled.get(a, 0),
                    first_response_median_h=responses.get(a, nobody).first_response_median_h,
                    first_response_p90_h=responses.get(a, nobody).first_response_p90_h,
                    handling_median_h=responses.get(a, nobody).handling_median_h,
                    sla_breaches=breaches.get(a, 0),
                )
                for a in agents
            ],
            handled_per_day=counts.handled_per_day,
            channel_days=channel_days,
            backlog=counts.backlog,
        )

    def workload_counts(self, period: Period, f: ReportFilter | None = None) -> WorkloadCounts:
        """Open and waiting items and overdue ones now, handled per day in the period, the open backlog."""
        f = f or ReportFilter()
        conn = self._desk.store.read()
        open_items: dict[str, tuple[int, int]] = {}
        overdue: dict[str, int] = defaultdict(int)
        per_account: dict[int, int] = defaultdict(int)
        now = to_db_time(self._desk.clock.now()) or ""
        for status, assignee, account_id, n, late in sql.open_items(conn, now=now, **f.db()):
            agent = assignee or ""
            items, waiting = open_items.get(agent, (0, 0))
            if status == "open":
                open_items[agent] = (items + int(n), waiting)
                per_account[account_id] += int(n)
                if late:
                    overdue[agent] += int(late)
            else:
                open_items[agent] = (items, waiting + int(n))
        return WorkloadCounts(
            open=open_items,
            overdue=dict(overdue),
            handled_per_day=[(d, a, int(n)) for d, a, n in sql.handled_per_day(conn, **period.db(), **f.db())],
            backlog=[(i, name, per_account.get(i, 0)) for i, name in sql.accounts(conn)],
        )

    def response_times(self, period: Period, f: ReportFilter | None = None) -> dict[str, AgentResponses]:
        """Per agent ('' for unassigned): first response (business hours) and handling times, late answers.

        SQL computes them over an index when the calendar fits a :class:`sql.WallClock`; otherwise,
        and for the odd row outside its range, every row comes to Python.
        """
        f = f or ReportFilter()
        conn = self._desk.store.read()
        frt, handling, late = self._response_seconds(conn, period, f)
        nothing = Run((), 0, 0)
        return {
            a: AgentResponses(
                first_response_median_h=_hours(frt.get(a, nothing).median()),
                first_response_p90_h=_hours(frt.get(a, nothing).percentile(0.9)),
                handling_median_h=_hours(handling.get(a, nothing).median()),
                late=late.get(a, 0),
            )
            for a in {*frt, *handling, *late}
        }

    def _response_seconds(
        self, conn: Connection, period: Period, f: ReportFilter
    ) -> tuple[dict[str, Run], dict[str, Run], dict[str, int]]:
        """Per agent: first-response business seconds, handling seconds and late answers."""
        now = self._desk.clock.now()
        clock = wall_clock(self.calendar, period.start - timedelta(days=1), max(period.end, now) + timedelta(days=2))
        agents = ["", f.agent] if f.agent else sql.inbound_assignees(conn)
        if clock is not None and len(agents) <= sql.MAX_AGENTS:
            rows = sql.response_times(conn, **period.db(), clock=clock, agents=agents, **f.db())
            answered = sorted([r[0] for r in rows if r[0] != sql.NONE])
            if not answered or answered[0] >= 0:
                return (
                    runs_by_agent(agents, answered, 0),
                    runs_by_agent(agents, sorted([r[1] for r in rows if r[1] != sql.NONE]), 1 << 39),
                    {agents[i]: n for i, n in Counter([r[2] for r in rows]).items() if i is not None},
                )
        frt, handling, late = self._response_seconds_in_python(conn, period, f)
        return (
            {a: Run(sorted(v), 0, len(v)) for a, v in frt.items()},
            {a: Run(sorted(v), 0, len(v)) for a, v in handling.items()},
            late,
        )

    def _response_seconds_in_python(
        self, conn: Connection, period: Period, f: ReportFilter
    ) -> tuple[dict[str, list[float]], dict[str, list[float]], dict[str, int]]:
        frt: dict[str, list[float]] = defaultdict(list)
        handling: dict[str, list[float]] = defaultdict(list)
        late: dict[str, int] = defaultdict(int)
        for assignee, received, first_response, handled, due in sql.responses(conn, **period.db(), **f.db()):
            agent = assignee or ""
            got = from_db_time(received)
            assert got is not None
            answered = from_db_time(first_response)
            if answered is not None:
                frt[agent].append(self.calendar.seconds_between(got, answered))
                if due is not None and first_response > due:
                    late[agent] += 1
            done = from_db_time(handled)
            if done is not None:
                handling[agent].append((done - got).total_seconds())
        return frt, handling, late

    def day_figures(
        self, period: Period, f: ReportFilter | None = None
    ) -> tuple[list[ChannelDay], list[tuple[str, str, int, int]]]:
        """Volume and negative messages per channel and day, and per product and day."""
        f = f or ReportFilter()
        channels, products = sql.day_figures(self._desk.store.read(), **period.db(), **f.db())
        return (
            [
                ChannelDay(day=d, account_id=i, account=n, volume=int(v), negative=int(neg or 0))
                for d, i, n, v, neg in channels
            ],
            [(d, p, int(v), int(n or 0)) for d, p, v, n in products],
        )

    # -- pharmacovigilance ---------------------------------------------------------------

    def pv(self, period: Period, f: ReportFilter | None = None) -> PVReport:
        f = f or ReportFilter()
        conn = self._desk.store.read()
        now = self._desk.clock.now()
        internal_hours = float(self._desk.settings.get("pv_internal_hours"))
        flagged, unscreened, cleared, as_case, with_case, as_case_with_case = sql.flagged_counts(
            conn, **period.db(), **f.db()
        )
        case_rows = sql.cases(conn)
        in_period = [r for r in case_rows if period.start <= (from_db_time(r[3]) or now) < period.end]
        in_time = late = 0
        for r in in_period:
            forwarded = from_db_time(r[7])
            day0 = from_db_time(r[3])
            if forwarded is not None and day0 is not None:
                if (forwarded - day0).total_seconds() <= internal_hours * HOUR:
                    in_time += 1
                else:
                    late += 1
        open_cases = [r for r in case_rows if r[2] in ("draft", "ready")]
        ages: dict[str, int] = {"under 24 h": 0, "1-3 days": 0, "3-15 days": 0, "over 15 days": 0}
        for r in open_cases:
            age_h = (now - (from_db_time(r[3]) or now)).total_seconds() / HOUR
            key = (
                "under 24 h"
                if age_h < 24
                else "1-3 days"
                if age_h < 72
                else "3-15 days"
                if age_h < 360
                else "over 15 days"
            )
            ages[key] += 1
        now_text = to_db_time(now) or ""
        gaps = {
            "flagged_as_case_without_case": as_case - as_case_with_case,
            "not_forwarded_past_internal_due": sum(1 for r in open_cases if r[5] < now_text),
            "forwarded_late": late,
            "forwarded_not_acknowledged_7_days": sum(
                1
                for r in case_rows
                if r[2] == "forwarded" and r[7] and (now - (from_db_time(r[7]) or now)) > timedelta(days=7)
            ),
        }
        decided = in_time + late
        return PVReport(
            period=period,
            flagged=flagged,
            unscreened=unscreened,
            cleared=cleared,
            with_case=with_case,
            cases_in_period=len(in_period),
            forwarded_in_time=in_time,
            forwarded_late=late,
            share_forwarded_in_time=round(in_time / decided, 4) if decided else None,
            open_cases_by_age=ages,
            overdue_internal=sum(1 for r in open_cases if r[5] < now_text),
            overdue_regulatory=sum(1 for r in case_rows if r[2] in ("draft", "ready") and r[6] < now_text),
            follow_ups_outstanding=sql.follow_ups_outstanding(conn),
            reconciliation_gaps=gaps,
        )

    # -- mood and crisis ------------------------------------------------------------------

    def mood(self, period: Period, f: ReportFilter | None = None) -> MoodReport:
        return self.mood_report(period, *self.day_figures(period, f or ReportFilter()))

    def mood_report(
        self, period: Period, channel_days: list[ChannelDay], product_days: list[tuple[str, str, int, int]]
    ) -> MoodReport:
        """The mood report from :meth:`day_figures`."""
        return MoodReport(
            period=period,
            channel_days=channel_days,
            product_days=product_days,
            alerts=self.crisis_alerts(channel_days, product_days),
        )

    def crisis_alerts(
        self, channel_days: Sequence[ChannelDay], product_days: Sequence[tuple[str, str, int, int]]
    ) -> list[dict[str, Any]]:
        """Spikes of negative mood or volume per channel and product against their trailing baseline."""
        from cmdesk.analysis.crisis import DayCount, detect_spikes

        series = [
            DayCount(day=date.fromisoformat(c.day), key=f"channel:{c.account}", total=c.volume, negative=c.negative)
            for c in channel_days
        ]
        series += [
            DayCount(day=date.fromisoformat(d), key=f"product:{p}", total=v, negative=n) for d, p, v, n in product_days
        ]
        return [asdict(spike) for spike in detect_spikes(series)]

    # -- monitoring coverage ---------------------------------------------------------------

    def coverage(self) -> list[AccountCoverage]:
        now = self._desk.clock.now()
        gap_hours = float(self._desk.settings.get("monitoring_gap_hours"))
        result = []
        for account_id, name, kind, status, last_success, last_error, _ in sql.accounts_health(self._desk.store.read()):
            success = from_db_time(last_success)
            since = None if success is None else round((now - success).total_seconds() / HOUR, 2)
            result.append(
                AccountCoverage(
                    account_id=account_id,
                    name=name,
                    kind=kind,
                    status=status,
                    last_success_at=success,
                    hours_since_success=since,
                    gap=since is None or since > gap_hours or status == "reconnect_needed",
                    last_error=last_error,
                )
            )
        return result

    # -- "which messages?" --------------------------------------------------------------------

    @staticmethod
    def messages_filter(
        *,
        period: Period | None = None,
        day: str | None = None,
        account_id: int | None = None,
        agent: str | None = None,
        negative: bool = False,
        pv: bool | None = None,
    ) -> QueueFilter:
        """The queue filter listing the messages behind one figure (a bar, a cell, a point)."""
        start, end = (period.start, period.end) if period else (None, None)
        if day is not None:
            start = datetime.fromisoformat(day + "T00:00:00+00:00")
            end = start + timedelta(days=1)
        return QueueFilter(
            view="all",
            account_ids=(account_id,) if account_id is not None else (),
            assignee=agent,
            moods=("negative",) if negative else (),
            pv=pv,
            created_from=start,
            created_to=end,
        )
