"""QtCharts for the dashboard: each bar or point knows the messages behind it."""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from datetime import date

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QPainter

from cmdesk.reports import ChannelDay

BarClicked = Callable[[str, int], None]  # series label, category index


def _view(chart: QChart) -> QChartView:
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    view = QChartView(chart)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setMinimumHeight(220)
    return view


def _short_day(day: str) -> str:
    d = date.fromisoformat(day)
    return f"{d.day:02d}.{d.month:02d}."


def bar_chart(
    *,
    title: str,
    categories: Sequence[str],
    series: Mapping[str, Sequence[float]],
    stacked: bool = False,
    on_click: BarClicked | None = None,
    value_title: str = "",
) -> QChartView:
    """Bars per category (days, agents, ages); ``on_click(series label, category index)`` on a click."""
    chart = QChart()
    chart.setTitle(title)
    bars = QStackedBarSeries() if stacked else QBarSeries()
    for label, values in series.items():
        bar_set = QBarSet(label)
        bar_set.append([float(v) for v in values])
        if on_click is not None:
            bar_set.clicked.connect(lambda index, name=label: on_click(name, index))
        bars.append(bar_set)
    chart.addSeries(bars)
    axis_x = QBarCategoryAxis()
    axis_x.append(list(categories))
    chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
    bars.attachAxis(axis_x)
    axis_y = QValueAxis()
    axis_y.setLabelFormat("%.0f")
    if value_title:
        axis_y.setTitleText(value_title)
    chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
    bars.attachAxis(axis_y)
    top = max((float(v) for values in series.values() for v in values), default=0.0)
    nice_axis(axis_y, _stacked_top(series) if stacked else top)
    return _view(chart)


def nice_axis(axis: QValueAxis, top: float) -> None:
    """Whole-number ticks that never repeat a label ("0 0 1 1 1" on a chart of counts reads as broken)."""
    upper = max(1, math.ceil(top * 1.1))
    step = 1
    while upper / step > 5:
        step = step * 2 if str(step)[0] in "15" else step * 5 // 2
    upper = math.ceil(upper / step) * step
    axis.setRange(0, upper)
    axis.setTickCount(upper // step + 1)


def _stacked_top(series: Mapping[str, Sequence[float]]) -> float:
    columns = zip(*series.values(), strict=False)
    return max((sum(float(v) for v in column) for column in columns), default=0.0)


def channel_day_series(rows: Sequence[ChannelDay], *, negative_share: bool) -> tuple[list[str], dict[str, list[float]]]:
    """Days as categories, one series per channel: volume, or the negative share in percent."""
    days = sorted({r.day for r in rows})
    accounts = sorted({r.account for r in rows})
    values = {a: [0.0] * len(days) for a in accounts}
    index = {d: i for i, d in enumerate(days)}
    for r in rows:
        values[r.account][index[r.day]] = round(r.negative_share * 100, 1) if negative_share else float(r.volume)
    return days, values


def day_labels(days: Sequence[str]) -> list[str]:
    return [_short_day(d) for d in days]
