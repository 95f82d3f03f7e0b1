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


# Every reason classify() gives, as an English template with named figures. The window shows them
# in the user's language by code (ui/author/reasons.py matches a stored sentence back to its
# template), so a reason is only ever written through this table.
REASONS = {
    "influencer": "The team marked this author as a patient influencer.",
    "troll": "{hostile} of {n} messages were abuse or spam ({abuse} abuse, {spam} spam).",
    "caregiver": "Writes about the medicine of a relative or someone they care for.",
    "no_history": "No earlier messages from this author.",
    "one_message": "Only 1 message from this author so far.",
    "few_messages": "Only {n} messages from this author so far.",
    "unhappy": "{negative} of {n} messages were negative and {complaints} were complaints (average mood {mean}).",
    "loyal_one_channel": "{positive} of {n} messages were positive over {days} days on 1 channel.",
    "loyal": "{positive} of {n} messages were positive over {days} days on {channels} channels.",
    "regular": "{n} messages with mixed or neutral mood (average mood {mean}).",
}


def _reason(code: str, **figures: object) -> tuple[str]:
    return (REASONS[code].format(**figures),)


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
        return AuthorType.PATIENT_INFLUENCER, _reason("influencer")
    hostile = [h for h in history if h.intent in (Intent.ABUSE, Intent.SPAM)]
    if len(hostile) >= TROLL_MIN_HOSTILE:
        abuse = sum(1 for h in hostile if h.intent == Intent.ABUSE)
        return AuthorType.TROLL, _reason("troll", hostile=len(hostile), n=n, abuse=abuse, spam=len(hostile) - abuse)
    if caregiver_hint or any(h.text and mentions_caregiving(h.text) for h in history):
        return AuthorType.CAREGIVER, _reason("caregiver")
    if n < NEWCOMER_BELOW:
        if n == 0:
            return AuthorType.NEWCOMER, _reason("no_history")
        return AuthorType.NEWCOMER, _reason("one_message") if n == 1 else _reason("few_messages", n=n)
    negative = sum(1 for h in history if h.mood_label == MoodLabel.NEGATIVE)
    complaints = sum(1 for h in history if h.intent == Intent.COMPLAINT)
    mean = sum(h.mood_score for h in history) / n
    if negative / n >= UNHAPPY_NEGATIVE_SHARE or (complaints >= 2 and mean < -0.2):
        return AuthorType.UNHAPPY_CUSTOMER, _reason(
            "unhappy", negative=negative, n=n, complaints=complaints, mean=f"{mean:+.2f}"
        )
    positive = sum(1 for h in history if h.mood_label == MoodLabel.POSITIVE or h.intent == Intent.PRAISE)
    first = min(h.created_at for h in history)
    last = max(h.created_at for h in history)
    days = (last - first).days
    if n >= LOYAL_MIN_MESSAGES and positive / n >= LOYAL_POSITIVE_SHARE and days >= LOYAL_MIN_DAYS:
        channels = len({h.channel for h in history})
        code = "loyal_one_channel" if channels == 1 else "loyal"
        return AuthorType.LOYAL_FAN, _reason(code, positive=positive, n=n, days=days, channels=channels)
    return AuthorType.REGULAR, _reason("regular", n=n, mean=f"{mean:+.2f}")
