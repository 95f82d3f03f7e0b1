"""The dashboard's figures loaded in two halves are the reports' own figures."""

from __future__ import annotations

from typing import Any

from cmdesk.reports import ReportFilter
from ui.dashboard.data import combine, load, load_counts


def test_the_two_halves_combine_into_the_reports(bridge: Any) -> None:
    reports = bridge.desk.reports
    period = reports.default_period(14)
    f = ReportFilter(account_ids=(1,))
    data = combine(load_counts(bridge, period=period, f=f), reports.response_times(period, f))
    assert (data.workload, data.pv, data.mood) == (
        reports.workload(period, f),
        reports.pv(period, f),
        reports.mood(period, f),
    )
    assert data.accounts == [(c.account_id, c.name) for c in reports.coverage()]
    assert load(bridge, days=14, f=f) == data
