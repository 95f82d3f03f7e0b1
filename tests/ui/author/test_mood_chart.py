"""The mood chart paints bars around a zero line and says the same figures in words."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtGui import QColor

from cmdesk.people import MoodPoint
from ui.author.mood_chart import NEGATIVE, NEUTRAL, POSITIVE, MoodChart

POINTS = [
    MoodPoint(week=date(2026, 11, 2), mean=-0.5, count=2),
    MoodPoint(week=date(2026, 11, 9), mean=0.0, count=3),
    MoodPoint(week=date(2026, 11, 16), mean=0.25, count=1),
]


def _colours(chart: MoodChart) -> set[str]:
    image = chart.grab().toImage()
    return {QColor(image.pixel(x, y)).name() for x in range(image.width()) for y in range(image.height())}


def test_the_summary_names_every_week_with_its_mean_and_count(qtbot: Any) -> None:
    chart = MoodChart()
    qtbot.addWidget(chart)
    chart.set_points(POINTS)

    expected = "\n".join(
        [
            "Mood per week, from -1 (negative) to +1 (positive):",
            "week of 2026-11-02: -0.50 (2 messages)",
            "week of 2026-11-09: +0.00 (3 messages)",
            "week of 2026-11-16: +0.25 (1 message)",
        ]
    )
    assert (chart.summary(), chart.toolTip(), chart.accessibleDescription()) == (expected, expected, expected)
    assert chart.points == tuple(POINTS)


def test_bars_are_painted_in_the_colour_of_their_mood(qtbot: Any) -> None:
    chart = MoodChart()
    qtbot.addWidget(chart)
    chart.resize(240, 84)
    chart.set_points(POINTS)

    colours = _colours(chart)

    assert {NEGATIVE.name(), NEUTRAL.name(), POSITIVE.name()} <= colours


def test_an_empty_or_tiny_chart_paints_only_the_axis_and_says_so(qtbot: Any) -> None:
    chart = MoodChart()
    qtbot.addWidget(chart)
    chart.resize(240, 84)

    assert chart.summary() == "No mood measured in recent weeks."
    assert not {NEGATIVE.name(), POSITIVE.name()} & _colours(chart)
    chart.set_points(POINTS)
    chart.resize(8, 8)
    chart.grab()  # nothing to draw in, and no warning either
