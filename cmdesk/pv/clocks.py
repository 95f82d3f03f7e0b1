"""The two PV clocks: forward to drug safety internally, and report to the authority.

Day 0 is when anyone at the company (a community manager counts) first had the
minimum information; both deadlines run from it (GVP VI.B.7), so they are
derived here and never typed in by hand.
"""

from __future__ import annotations

from datetime import datetime, timedelta

DEFAULT_INTERNAL_HOURS = 24
SERIOUS_DAYS = 15  # GVP VI.App.3: serious cases within 15 days
NON_SERIOUS_DAYS = 90  # non-serious within 90 days


def internal_due(day0: datetime, *, internal_hours: int = DEFAULT_INTERNAL_HOURS) -> datetime:
    """When the case must be with drug safety under the company SOP (default 24 h)."""
    return day0 + timedelta(hours=internal_hours)


def regulatory_due(day0: datetime, *, serious: bool) -> datetime:
    """When the authority must have it: 15 days if serious, 90 days otherwise."""
    return day0 + timedelta(days=SERIOUS_DAYS if serious else NON_SERIOUS_DAYS)


def remaining(due: datetime, now: datetime) -> timedelta:
    """Time left until ``due``; negative once it has passed."""
    return due - now


def overdue(due: datetime, now: datetime) -> bool:
    return now > due


def human(delta: timedelta) -> str:
    """A countdown people read at a glance: '3 d 4 h left', '2 h 5 min left', '1 h 10 min overdue'."""
    late = delta < timedelta(0)
    seconds = int(abs(delta).total_seconds())
    days, rest = divmod(seconds, 86_400)
    hours, rest = divmod(rest, 3_600)
    minutes = rest // 60
    if days:
        text = f"{days} d {hours} h"
    elif hours:
        text = f"{hours} h {minutes} min"
    else:
        text = f"{minutes} min"
    return f"{text} overdue" if late else f"{text} left"


def countdown(due: datetime, now: datetime) -> str:
    """``human(remaining(due, now))`` in one call, for lists and the case header."""
    return human(remaining(due, now))
