"""The dashboard's figures, loaded off the UI thread: response times on one reader, the rest on another."""

from __future__ import annotations

from dataclasses import dataclass

from cmdesk.reports import (
    AccountCoverage,
    AgentResponses,
    ChannelDay,
    MoodReport,
    Period,
    PVReport,
    ReportFilter,
    Reports,
    WorkloadCounts,
    WorkloadReport,
)
from ui.bridge import DeskBridge


@dataclass(frozen=True)
class DashboardData:
    period: Period
    workload: WorkloadReport
    pv: PVReport
    mood: MoodReport
    coverage: list[AccountCoverage]
    accounts: list[tuple[int, str]]
    agents: list[str]
    products: list[str]


def load(bridge: DeskBridge, *, days: int, f: ReportFilter) -> DashboardData:
    """Every figure of the dashboard in one go, on one reader thread."""
    period = bridge.desk.reports.default_period(days)
    return combine(load_counts(bridge, period=period, f=f), bridge.desk.reports.response_times(period, f))


@dataclass(frozen=True)
class DashboardCounts:
    """Everything but the response times: what one reader thread computes while another does those."""

    period: Period
    workload: WorkloadCounts
    channel_days: list[ChannelDay]
    pv: PVReport
    mood: MoodReport
    coverage: list[AccountCoverage]
    agents: list[str]
    products: list[str]


def load_counts(bridge: DeskBridge, *, period: Period, f: ReportFilter) -> DashboardCounts:
    """Runs on a reader thread: the dashboard's figures except the response times."""
    desk = bridge.desk
    reports = desk.reports
    channel_days, product_days = reports.day_figures(period, f)
    return DashboardCounts(
        period=period,
        workload=reports.workload_counts(period, f),
        channel_days=channel_days,
        pv=reports.pv(period, f),
        mood=reports.mood_report(period, channel_days, product_days),
        coverage=reports.coverage(),
        agents=[a.name for a in desk.settings.agents()],
        products=[p.brand for p in desk.settings.products()],
    )


def combine(counts: DashboardCounts, responses: dict[str, AgentResponses]) -> DashboardData:
    """The dashboard's figures from the two halves loaded in parallel."""
    return DashboardData(
        period=counts.period,
        workload=Reports.workload_report(counts.period, counts.workload, responses, counts.channel_days),
        pv=counts.pv,
        mood=counts.mood,
        coverage=counts.coverage,
        accounts=[(c.account_id, c.name) for c in counts.coverage],
        agents=counts.agents,
        products=counts.products,
    )
