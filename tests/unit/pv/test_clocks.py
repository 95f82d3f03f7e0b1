from __future__ import annotations

from datetime import timedelta

from cmdesk.clock import FixedClock, utc
from cmdesk.pv import clocks

DAY0 = utc(2026, 11, 24, 9, 0)


def test_internal_due_is_day0_plus_configured_hours() -> None:
    assert clocks.internal_due(DAY0) == utc(2026, 11, 25, 9, 0)
    assert clocks.internal_due(DAY0, internal_hours=8) == utc(2026, 11, 24, 17, 0)


def test_regulatory_due_depends_on_seriousness() -> None:
    assert clocks.regulatory_due(DAY0, serious=True) == utc(2026, 12, 9, 9, 0)
    assert clocks.regulatory_due(DAY0, serious=False) == utc(2027, 2, 22, 9, 0)


def test_countdown_and_overdue_with_a_fixed_clock() -> None:
    clock = FixedClock(utc(2026, 11, 25, 6, 30))
    due = clocks.internal_due(DAY0)
    assert clocks.remaining(due, clock.now()) == timedelta(hours=2, minutes=30)
    assert clocks.countdown(due, clock.now()) == "2 h 30 min left"
    assert clocks.overdue(due, clock.now()) is False
    late = FixedClock(utc(2026, 11, 26, 10, 15))
    assert clocks.countdown(due, late.now()) == "1 d 1 h overdue"
    assert clocks.overdue(due, late.now()) is True


def test_human_short_spans() -> None:
    assert clocks.human(timedelta(minutes=5)) == "5 min left"
    assert clocks.human(timedelta(days=3, hours=4)) == "3 d 4 h left"
    assert clocks.human(-timedelta(minutes=59)) == "59 min overdue"
