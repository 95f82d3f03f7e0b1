from __future__ import annotations

from datetime import timedelta

import pytest

from cmdesk.analysis.priority import DEFAULT_SLA_HOURS, SlaPolicy, prioritize, rank
from cmdesk.clock import utc
from cmdesk.errors import InvalidInput
from cmdesk.model import Intent, MoodLabel, MoodResult, PVSignal, SuggestedAction, TextAnalysis

NOW = utc(2026, 11, 24, 9, 0, 0)


def analysis(intent: Intent, *, suspected: bool = False, score: float = 0.0) -> TextAnalysis:
    label = MoodLabel.NEGATIVE if score < 0 else MoodLabel.NEUTRAL
    return TextAnalysis(
        language="de",
        mood=MoodResult(label, score),
        intent=intent,
        expects_reply=intent in (Intent.QUESTION, Intent.COMPLAINT, Intent.ADVERSE_EVENT),
        pv=PVSignal(suspected=suspected, score=0.9 if suspected else 0.0),
        suggested_action=SuggestedAction.IGNORE,
    )


def test_order_adverse_event_complaint_question_rest() -> None:
    ranks = [
        rank(analysis(Intent.ADVERSE_EVENT, suspected=True)),
        rank(analysis(Intent.COMPLAINT)),
        rank(analysis(Intent.QUESTION)),
        rank(analysis(Intent.PRAISE)),
        rank(analysis(Intent.OTHER)),
    ]
    assert ranks == [0, 1, 2, 3, 3]


def test_a_pv_signal_outranks_any_intent() -> None:
    assert rank(analysis(Intent.QUESTION, suspected=True)) == 0


def test_due_times_follow_the_default_sla() -> None:
    assert prioritize(analysis(Intent.ADVERSE_EVENT, suspected=True), received_at=NOW) == (0, NOW + timedelta(hours=4))
    assert prioritize(analysis(Intent.COMPLAINT), received_at=NOW) == (1, NOW + timedelta(hours=8))
    assert prioritize(analysis(Intent.QUESTION), received_at=NOW) == (2, NOW + timedelta(hours=24))
    assert prioritize(analysis(Intent.SPAM), received_at=NOW) == (3, NOW + timedelta(hours=72))


def test_sla_from_settings_overrides_some_classes() -> None:
    sla = SlaPolicy.from_settings({"adverse_event": 2, "question": 12.5})
    assert sla.hours == {**DEFAULT_SLA_HOURS, "adverse_event": 2.0, "question": 12.5}
    due = prioritize(analysis(Intent.QUESTION), received_at=NOW, sla=sla)
    assert due == (2, NOW + timedelta(hours=12.5))


@pytest.mark.parametrize("bad", [{"urgent": 3}, {"question": 0}, {"question": "soon"}, {"question": True}])
def test_sla_from_settings_rejects_bad_entries(bad: dict[str, float]) -> None:
    with pytest.raises(InvalidInput):
        SlaPolicy.from_settings(bad)
