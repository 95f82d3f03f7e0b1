"""Response-time arithmetic for the reports: business seconds computed in SQL, percentiles, per-agent runs.

Kept apart from the report definitions (cmdesk.reports) because it is the part with the
subtle cases -- daylight-saving changes inside a period, nearest-rank percentiles, lists of a
million response times read without copying -- and is tested on its own.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from cmdesk.business_hours import BusinessCalendar
from cmdesk.store import reports as sql


def percentile(values: Sequence[float], share: float) -> float | None:
    """Nearest-rank percentile; None for no values."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, int(-(-share * len(ordered) // 1)))
    return ordered[min(rank, len(ordered)) - 1]


def wall_clock(calendar: BusinessCalendar, lo: datetime, hi: datetime) -> sql.WallClock | None:
    """The calendar as a table SQL can compute business seconds from, for times in [lo, hi).

    :meth:`BusinessCalendar.seconds_between` counts wall-clock time in the calendar's zone, so
    with t + offset(t) as local seconds, business seconds between two times are the difference
    of a running total over local days. None when the calendar's hours are not whole seconds.
    """
    if calendar.start.microsecond or calendar.end.microsecond or hi - lo > timedelta(days=100_000):
        return None  # (the day table's entries have six digits)
    zone = ZoneInfo(calendar.timezone)
    first, last = int(lo.timestamp()), int(hi.timestamp()) + 1

    def offset(second: int) -> timedelta:
        return datetime.fromtimestamp(second, zone).utcoffset() or timedelta(0)

    changes = [(first, offset(first))]
    for probe in [*range(first + 3600, last, 3600), last]:
        if offset(probe) != changes[-1][1]:
            low, high = probe - 3600, probe  # a second of the old offset and one of the new: find the first new one
            while high - low > 1:
                middle = (low + high) // 2
                low, high = (middle, high) if offset(middle) == changes[-1][1] else (low, middle)
            changes.append((high, offset(high)))
    if any(shift % timedelta(seconds=1) for _, shift in changes):
        return None
    offsets = tuple((since, int(shift.total_seconds())) for since, shift in changes)
    first_day = (first + min(o for _, o in offsets)) // 86400
    last_day = (last + max(o for _, o in offsets)) // 86400
    start, length = _day_seconds(calendar.start), max(0, _day_seconds(calendar.end) - _day_seconds(calendar.start))
    codes, worked = [], 0
    for day in range(first_day, last_day + 1):
        working = calendar.is_workday(date(1970, 1, 1) + timedelta(days=day))
        codes.append(f"{2 * worked + working:0{sql.WallClock.DIGITS}d}")
        worked += working
    return sql.WallClock(
        lo=first,
        hi=last,
        offsets=offsets,
        first_day=first_day,
        days="".join(codes).encode(),
        start=start,
        length=length,
    )


def _day_seconds(value: time) -> int:
    return value.hour * 3600 + value.minute * 60 + value.second


@dataclass(frozen=True)
class Run:
    """One agent's values in ascending order: ``values[lo:hi]`` less ``base`` (no copy of the big list)."""

    values: Sequence[float]
    lo: int
    hi: int
    base: int = 0

    def _at(self, i: int) -> float:
        return self.values[self.lo + i] - self.base

    def median(self) -> float | None:
        """As statistics.median: the middle value, or the mean of the middle two."""
        n = self.hi - self.lo
        if not n:
            return None
        return self._at(n // 2) if n % 2 else (self._at(n // 2 - 1) + self._at(n // 2)) / 2

    def percentile(self, share: float) -> float | None:
        """As :func:`percentile`: nearest rank."""
        n = self.hi - self.lo
        if not n:
            return None
        return self._at(min(max(1, int(-(-share * n // 1))), n) - 1)


def runs_by_agent(agents: Sequence[str], packed: Sequence[int], bias: int) -> dict[str, Run]:
    """Sorted (agent index << 40 | value + bias) integers as each agent's run of values."""
    runs: dict[str, Run] = {}
    for i, agent in enumerate(agents):
        lo, hi = bisect_left(packed, i << 40), bisect_left(packed, (i + 1) << 40)
        if hi > lo:
            runs[agent] = Run(packed, lo, hi, (i << 40) + bias)
    return runs
