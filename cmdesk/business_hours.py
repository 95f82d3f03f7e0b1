"""Working-time arithmetic: response-time SLAs count the desk's business hours, not nights and weekends."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo


@dataclass(frozen=True)
class BusinessCalendar:
    """Working days and hours in the desk's time zone; holidays are whole days off."""

    timezone: str = "Europe/Berlin"
    start: time = time(8, 0)
    end: time = time(18, 0)
    workdays: frozenset[int] = frozenset({0, 1, 2, 3, 4})  # Monday = 0
    holidays: frozenset[date] = field(default_factory=frozenset)

    def is_workday(self, day: date) -> bool:
        return day.weekday() in self.workdays and day not in self.holidays

    def seconds_between(self, start: datetime, end: datetime) -> float:
        """Business seconds from ``start`` to ``end`` (0 if end is not after start)."""
        if end <= start:
            return 0.0
        zone = ZoneInfo(self.timezone)
        local_start, local_end = start.astimezone(zone), end.astimezone(zone)
        total = 0.0
        day = local_start.date()
        while day <= local_end.date():
            if self.is_workday(day):
                open_at = datetime.combine(day, self.start, zone)
                close_at = datetime.combine(day, self.end, zone)
                lo = max(open_at, local_start)
                hi = min(close_at, local_end)
                if hi > lo:
                    total += (hi - lo).total_seconds()
            day += timedelta(days=1)
        return total
