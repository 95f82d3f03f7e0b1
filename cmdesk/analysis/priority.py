"""Queue rank and due time of a message, from what the analysis found and the team's SLA.

Rank 0 is a suspected adverse event: drug safety must hear of it within the internal
24 hours, so it is due within a few hours in the queue. Then acute complaints, then
questions, then the rest. Lower rank = more urgent.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from types import MappingProxyType

from cmdesk.errors import InvalidInput
from cmdesk.model import Intent, MoodLabel, TextAnalysis

RANK_ADVERSE_EVENT = 0
RANK_COMPLAINT = 1
RANK_QUESTION = 2
RANK_REST = 3

# Hours until a message of that class is due, keyed like settings["sla_hours"] (intent values).
DEFAULT_SLA_HOURS: Mapping[str, float] = MappingProxyType(
    {
        Intent.ADVERSE_EVENT.value: 4.0,
        Intent.COMPLAINT.value: 8.0,
        Intent.QUESTION.value: 24.0,
        Intent.PRAISE.value: 48.0,
        Intent.EXPERIENCE.value: 48.0,
        Intent.ABUSE.value: 12.0,
        Intent.SPAM.value: 72.0,
        Intent.OTHER.value: 72.0,
    }
)


@dataclass(frozen=True)
class SlaPolicy:
    """Hours per intent until a message is due; missing intents use the defaults."""

    hours: Mapping[str, float] = field(default_factory=lambda: dict(DEFAULT_SLA_HOURS))

    @classmethod
    def from_settings(cls, sla_hours: Mapping[str, float]) -> SlaPolicy:
        """Build from ``settings["sla_hours"]`` (intent value -> hours), checking every entry."""
        hours = dict(DEFAULT_SLA_HOURS)
        known = {i.value for i in Intent}
        for key, value in sla_hours.items():
            if key not in known:
                raise InvalidInput(
                    "sla_hours has an unknown message class {key!r}; use one of {known}.", key=key, known=sorted(known)
                )
            if isinstance(value, bool) or not isinstance(value, int | float) or value <= 0:
                raise InvalidInput("sla_hours[{key!r}] must be a positive number of hours.", key=key)
            hours[key] = float(value)
        return cls(hours)

    def hours_for(self, intent: Intent) -> float:
        return float(self.hours.get(intent.value, DEFAULT_SLA_HOURS[intent.value]))


def is_acute_complaint(analysis: TextAnalysis) -> bool:
    """A complaint, or abuse aimed at us in anger: both need someone soon."""
    return analysis.intent == Intent.COMPLAINT or (
        analysis.mood.label == MoodLabel.NEGATIVE and analysis.mood.score <= -0.6 and analysis.expects_reply
    )


def rank(analysis: TextAnalysis) -> int:
    """0 suspected adverse event, 1 acute complaint, 2 question, 3 everything else."""
    if analysis.pv.suspected or analysis.intent == Intent.ADVERSE_EVENT:
        return RANK_ADVERSE_EVENT
    if is_acute_complaint(analysis):
        return RANK_COMPLAINT
    if analysis.intent == Intent.QUESTION:
        return RANK_QUESTION
    return RANK_REST


def prioritize(analysis: TextAnalysis, *, received_at: datetime, sla: SlaPolicy | None = None) -> tuple[int, datetime]:
    """(rank, due_at) for a message received at ``received_at``."""
    policy = sla or SlaPolicy()
    r = rank(analysis)
    intent = {
        RANK_ADVERSE_EVENT: Intent.ADVERSE_EVENT,
        RANK_COMPLAINT: Intent.COMPLAINT,
    }.get(r, analysis.intent)
    return r, received_at + timedelta(hours=policy.hours_for(intent))
