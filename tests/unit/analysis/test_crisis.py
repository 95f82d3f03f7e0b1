from __future__ import annotations

from datetime import date, timedelta

from cmdesk.analysis.crisis import DayCount, Spike, detect_spikes

START = date(2026, 11, 1)


def quiet_days(key: str, days: int, total: int = 4, negative: int = 1) -> list[DayCount]:
    return [DayCount(START + timedelta(days=n), key, total, negative) for n in range(days)]


def test_no_spike_on_a_steady_series() -> None:
    assert detect_spikes(quiet_days("channel:FB", 20)) == []


def test_mood_spike() -> None:
    day = START + timedelta(days=14)
    series = [*quiet_days("channel:FB", 14), DayCount(day, "channel:FB", 5, 4)]
    assert detect_spikes(series) == [
        Spike(
            kind="mood_spike",
            key="channel:FB",
            day=day,
            value=0.8,
            baseline=0.25,
            reason="Negative mood for channel:FB reached 80% of 5 messages on 2026-11-15, "
            "against 25% over the previous 14 days.",
            total=5,
            negative=4,
        )
    ]


def test_volume_spike() -> None:
    day = START + timedelta(days=14)
    series = [*quiet_days("product:Cardiolin", 14), DayCount(day, "product:Cardiolin", 40, 10)]
    (spike,) = detect_spikes(series)
    assert (spike.kind, spike.key, spike.day, spike.value, spike.baseline) == (
        "volume_spike",
        "product:Cardiolin",
        day,
        40.0,
        4.0,
    )
    assert spike.reason == (
        "product:Cardiolin had 40 messages on 2026-11-15, 10.0 times its daily average of 4.0"
        " over the previous 14 days."
    )


def test_a_key_without_history_cannot_spike_and_keys_are_independent() -> None:
    series = [DayCount(START, "channel:New", 50, 50), *quiet_days("channel:FB", 3)]
    assert detect_spikes(series) == []


def test_few_messages_are_not_a_crisis() -> None:
    series = [
        *quiet_days("channel:FB", 5, total=1, negative=0),
        DayCount(START + timedelta(days=5), "channel:FB", 2, 2),
    ]
    assert detect_spikes(series) == []


def test_empty_series() -> None:
    assert detect_spikes([]) == []
