"""What kind of author someone is, from their message history, with the reasons a human can check.

The type guides tone and urgency: a loyal fan gets a warm thank-you, an unhappy customer a
careful private offer, a troll is not fed, and a caregiver writes about someone else's
medicine (which matters for PV: the patient is not the author). "Patient influencer" is
never guessed: the team marks it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from cmdesk.analysis import lexicon
from cmdesk.analysis.text import scan
from cmdesk.model import AuthorType, Intent, MoodLabel

NEWCOMER_BELOW = 3  # fewer messages than this: too early to judge
LOYAL_MIN_MESSAGES = 3
LOYAL_MIN_DAYS = 14  # praise spread over at least two weeks, not one enthusiastic evening
LOYAL_POSITIVE_SHARE = 0.6
UNHAPPY_NEGATIVE_SHARE = 0.5
TROLL_MIN_HOSTILE = 2


@dataclass(frozen=True)
class AuthorHistoryItem:
    """One earlier message of the author, as far as classification needs it."""

    created_at: datetime
    mood_label: MoodLabel
    mood_score: float
    intent: Intent
    channel: str
    text: str = ""  # optional: lets caregiver mentions ("meine Mutter") be found


def mentions_caregiving(text: str) -> bool:
    """Does the text speak for a relative ("my mother", "meine Tochter", "ich pflege meinen Vater")?"""
    return lexicon.intent().any(scan(text), "caregiver")


def classify(
    history: Sequence[AuthorHistoryItem],
    *,
    marked_influencer: bool = False,
    caregiver_hint: bool = False,
) -> tuple[AuthorType, tuple[str, ...]]:
    """(type, reasons) for an author with these messages; reasons are short English sentences."""
    n = len(history)
    if marked_influencer:
        return AuthorType.PATIENT_INFLUENCER, ("The team marked this author as a patient influencer.",)
    hostile = [h for h in history if h.intent in (Intent.ABUSE, Intent.SPAM)]
    if len(hostile) >= TROLL_MIN_HOSTILE:
        abuse = sum(1 for h in hostile if h.intent == Intent.ABUSE)
        return AuthorType.TROLL, (
            f"{len(hostile)} of {n} messages were abuse or spam ({abuse} abuse, {len(hostile) - abuse} spam).",
        )
    if caregiver_hint or any(h.text and mentions_caregiving(h.text) for h in history):
        return AuthorType.CAREGIVER, ("Writes about the medicine of a relative or someone they care for.",)
    if n < NEWCOMER_BELOW:
        if n == 0:
            return AuthorType.NEWCOMER, ("No earlier messages from this author.",)
        return AuthorType.NEWCOMER, (f"Only {n} message{'s' if n != 1 else ''} from this author so far.",)
    negative = sum(1 for h in history if h.mood_label == MoodLabel.NEGATIVE)
    complaints = sum(1 for h in history if h.intent == Intent.COMPLAINT)
    mean = sum(h.mood_score for h in history) / n
    if negative / n >= UNHAPPY_NEGATIVE_SHARE or (complaints >= 2 and mean < -0.2):
        return AuthorType.UNHAPPY_CUSTOMER, (
            f"{negative} of {n} messages were negative and {complaints} were complaints (average mood {mean:+.2f}).",
        )
    positive = sum(1 for h in history if h.mood_label == MoodLabel.POSITIVE or h.intent == Intent.PRAISE)
    first = min(h.created_at for h in history)
    last = max(h.created_at for h in history)
    days = (last - first).days
    if n >= LOYAL_MIN_MESSAGES and positive / n >= LOYAL_POSITIVE_SHARE and days >= LOYAL_MIN_DAYS:
        channels = len({h.channel for h in history})
        return AuthorType.LOYAL_FAN, (
            f"{positive} of {n} messages were positive over {days} days"
            f" on {channels} channel{'s' if channels != 1 else ''}.",
        )
    return AuthorType.REGULAR, (f"{n} messages with mixed or neutral mood (average mood {mean:+.2f}).",)
