"""Early warning for a brewing crisis: days whose negative mood or volume jumps above the trailing baseline.

A team lead should hear "negative mood on the Facebook page tripled today" before the press
does. Each channel or product ("key") is compared with its own previous ``baseline_days``
calendar days (days without messages count as zero volume).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta


@dataclass(frozen=True)
class DayCount:
    """Messages and negative messages of one key (e.g. "channel:FB", "product:Cardiolin") on one day."""

    day: date
    key: str
    total: int
    negative: int


@dataclass(frozen=True)
class Spike:
    """One alert: ``value`` and ``baseline`` are negative shares (mood) or messages per day (volume)."""

    kind: str  # "mood_spike" | "volume_spike"
    key: str
    day: date
    value: float
    baseline: float
    reason: str
    total: int = 0
    negative: int = 0


def detect_spikes(
    series: Sequence[DayCount],
    *,
    baseline_days: int = 14,
    min_total: int = 5,
    min_negative: int = 3,
    volume_factor: float = 3.0,
    mood_jump: float = 0.25,
) -> list[Spike]:
    """Spikes in ``series``, by day then key; a key needs some history before it can spike.

    A mood spike: at least ``min_negative`` negative messages and a negative share at least
    ``mood_jump`` above the baseline share. A volume spike: at least ``min_total`` messages
    and ``volume_factor`` times the baseline's daily average.
    """
    by_key: dict[str, dict[date, DayCount]] = defaultdict(dict)
    for c in series:
        known = by_key[c.key].get(c.day)
        by_key[c.key][c.day] = (
            c if known is None else DayCount(c.day, c.key, known.total + c.total, known.negative + c.negative)
        )
    spikes: list[Spike] = []
    for days in by_key.values():
        first_day = min(days)
        for day, count in sorted(days.items()):
            if day == first_day:
                continue  # no history yet: nothing to compare with
            window = [days.get(day - timedelta(days=n)) for n in range(1, baseline_days + 1)]
            window_days = min(baseline_days, (day - first_day).days)
            base_total = sum(c.total for c in window if c)
            base_negative = sum(c.negative for c in window if c)
            mean = base_total / window_days
            spikes.extend(
                _check(
                    count,
                    mean,
                    base_total,
                    base_negative,
                    window_days,
                    min_total,
                    min_negative,
                    volume_factor,
                    mood_jump,
                )
            )
    spikes.sort(key=lambda s: (s.day, s.key, s.kind))
    return spikes


def _check(
    c: DayCount,
    mean: float,
    base_total: int,
    base_negative: int,
    window_days: int,
    min_total: int,
    min_negative: int,
    volume_factor: float,
    mood_jump: float,
) -> list[Spike]:
    found: list[Spike] = []
    span = f"the previous {window_days} day{'s' if window_days != 1 else ''}"
    if c.total >= min_total and c.total >= volume_factor * max(mean, 1.0):
        found.append(
            Spike(
                "volume_spike",
                c.key,
                c.day,
                float(c.total),
                round(mean, 2),
                f"{c.key} had {c.total} messages on {c.day.isoformat()}, "
                f"{c.total / max(mean, 1.0):.1f} times its daily average of {mean:.1f} over {span}.",
                c.total,
                c.negative,
            )
        )
    share = c.negative / c.total if c.total else 0.0
    base_share = base_negative / base_total if base_total else 0.0
    if c.negative >= min_negative and share >= base_share + mood_jump:
        found.append(
            Spike(
                "mood_spike",
                c.key,
                c.day,
                round(share, 3),
                round(base_share, 3),
                f"Negative mood for {c.key} reached {share:.0%} of {c.total} messages on {c.day.isoformat()}, "
                f"against {base_share:.0%} over {span}.",
                c.total,
                c.negative,
            )
        )
    return found
