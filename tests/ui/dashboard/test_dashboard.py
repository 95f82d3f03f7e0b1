"""The dashboard renders the demo desk's figures and a click on a chart lists the messages behind it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCharts import QBarSeries, QChartView, QStackedBarSeries

from cmdesk.errors import InvalidInput
from cmdesk.reports import ReportFilter
from cmdesk.store.queue import QueueFilter
from ui.dashboard import dashboard as dashboard_module
from ui.dashboard.dashboard import Dashboard
from ui.dashboard.data import load


def _loaded(bridge: Any, qtbot: Any) -> Dashboard:
    dashboard = Dashboard(bridge)
    qtbot.addWidget(dashboard)
    dashboard.resize(1366, 768)
    dashboard.show()
    with qtbot.waitSignal(bridge.tasks.task_finished, timeout=20_000):
        dashboard.refresh()
    qtbot.waitUntil(lambda: dashboard.data is not None, timeout=20_000)
    return dashboard


def _bar_sets(dashboard: Dashboard, title: str) -> list[Any]:
    for view in dashboard.findChildren(QChartView):
        chart = view.chart()
        if chart.title() == title:
            series = chart.series()[0]
            assert isinstance(series, (QBarSeries, QStackedBarSeries))
            return list(series.barSets())
    raise AssertionError(f"no chart titled {title!r}")


def test_dashboard_shows_every_section(bridge: Any, qtbot: Any) -> None:
    dashboard = _loaded(bridge, qtbot)
    data = dashboard.data
    assert data is not None
    assert dashboard.coverage_table.rowCount() == len(data.coverage) == len(bridge.desk.accounts.list())
    assert dashboard.workload_table.rowCount() == len(data.workload.agents) > 0
    titles = sorted(v.chart().title() for v in dashboard.findChildren(QChartView))
    assert titles == sorted(
        [
            "Open cases by age",
            "Handled per day",
            "Volume per channel and day",
            "Negative messages per channel and day (%)",
        ]
    )


def test_a_click_on_a_mood_bar_filters_the_queue_to_its_messages(bridge: Any, qtbot: Any) -> None:
    dashboard = _loaded(bridge, qtbot)
    bar_sets = _bar_sets(dashboard, "Negative messages per channel and day (%)")
    target = next((s, i) for s in bar_sets for i in range(s.count()) if s.at(i) > 0)
    bar_set, index = target
    with qtbot.waitSignal(dashboard.show_messages, timeout=2_000) as signal:
        bar_set.clicked.emit(index)
    f = signal.args[0]
    assert isinstance(f, QueueFilter)
    rows = bridge.desk.queue.rows(bridge.desk.queue.ids(f))
    accounts = {r.account_name for r in rows.values()}
    days = {r.created_at.date().isoformat() for r in rows.values()}
    moods = {r.mood_label.value for r in rows.values() if r.mood_label}
    assert (accounts, moods, len(days)) == ({bar_set.label()}, {"negative"}, 1)


def test_exports_write_csv_png_and_pdf(bridge: Any, qtbot: Any, tmp_path: Path) -> None:
    dashboard = _loaded(bridge, qtbot)
    written = dashboard.export_csv(tmp_path)
    assert sorted(p.name for p in written) == [
        "cmdesk-coverage.csv",
        "cmdesk-mood.csv",
        "cmdesk-pv.csv",
        "cmdesk-workload.csv",
    ]
    header = (tmp_path / "cmdesk-coverage.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header == "Channel,Status,Last successful sync,Hours since,Monitoring,Last error"
    assert dashboard.export_png(tmp_path / "d.png")
    dashboard.export_pdf(tmp_path / "d.pdf")
    assert (tmp_path / "d.pdf").read_bytes()[:5] == b"%PDF-"


def test_the_figures_loaded_on_two_threads_equal_those_loaded_on_one(bridge: Any, qtbot: Any) -> None:
    dashboard = _loaded(bridge, qtbot)
    assert dashboard.data == load(bridge, days=14, f=ReportFilter())


def test_only_the_latest_refresh_is_shown(bridge: Any, qtbot: Any) -> None:
    dashboard = Dashboard(bridge)
    qtbot.addWidget(dashboard)
    shown: list[Any] = []
    dashboard.show_data = shown.append  # type: ignore[method-assign]
    dashboard.refresh()
    dashboard.period.setCurrentIndex(0)  # 7 days
    dashboard.refresh()
    qtbot.waitUntil(lambda: len(shown) == 1 and not bridge.tasks.busy, timeout=20_000)
    assert [(d.period.end - d.period.start).days for d in shown] == [7]


def test_the_coverage_table_says_an_accounts_status_in_words(bridge: Any, qtbot: Any) -> None:
    dashboard = _loaded(bridge, qtbot)
    data = dashboard.data
    assert data is not None
    words = {"active": "Active", "paused": "Paused", "reconnect_needed": "Reconnect needed"}
    shown = [dashboard.coverage_table.item(row, 1).text() for row in range(dashboard.coverage_table.rowCount())]
    assert shown == [words[c.status] for c in data.coverage]


def test_a_failed_half_says_why_instead_of_loading_for_good(bridge: Any, qtbot: Any, monkeypatch: Any) -> None:
    """The response times fail: the status shows the error as the other views do, never "Loading…" for good."""
    dashboard = Dashboard(bridge)
    qtbot.addWidget(dashboard)

    def broken(*_args: Any) -> Any:
        raise InvalidInput("{file} cannot be read as JSON ({reason})", file="x.json", reason="broken")

    monkeypatch.setattr(bridge.desk.reports, "response_times", broken)
    dashboard.refresh()
    qtbot.waitUntil(lambda: not bridge.tasks.busy, timeout=20_000)
    assert dashboard.status.text() == "x.json cannot be read as JSON (broken)"


def _items(combo: Any) -> list[tuple[str, Any]]:
    return [(combo.itemText(i), combo.itemData(i)) for i in range(combo.count())]


def test_a_lock_empties_the_filter_lists_and_the_unlock_refreshes_with_the_same_choice(
    bridge: Any, qtbot: Any, monkeypatch: Any
) -> None:
    dashboard = _loaded(bridge, qtbot)
    combos = (dashboard.channel, dashboard.agent, dashboard.product)
    before = [_items(combo) for combo in combos]
    for combo in combos:
        combo.setCurrentIndex(1)  # the user's choice: the first channel, agent and product
    chosen = ReportFilter(
        account_ids=(dashboard.channel.itemData(1),),
        agent=dashboard.agent.itemData(1),
        product=dashboard.product.itemData(1),
    )
    asked: list[ReportFilter] = []
    real_load_counts = dashboard_module.load_counts

    def load_counts(bridge: Any, *, period: Any, f: ReportFilter) -> Any:
        asked.append(f)
        return real_load_counts(bridge, period=period, f=f)

    monkeypatch.setattr(dashboard_module, "load_counts", load_counts)
    bridge.lock()
    locked = ([_items(combo) for combo in combos], dashboard.data, dashboard.status.text())
    bridge.desk.unlock()
    bridge.unlock()
    qtbot.waitUntil(lambda: not bridge.tasks.busy, timeout=20_000)  # the refresh starts at the unlock
    assert all(len(items) > 1 for items in before)
    assert locked == (
        [[("All channels", None)], [("All agents", None)], [("All products", None)]],
        None,
        "",
    )
    after = [_items(combo) for combo in combos]
    assert (dashboard.data is not None, after, [combo.currentIndex() for combo in combos], asked) == (
        True,
        before,
        [1, 1, 1],
        [chosen],
    )
