from __future__ import annotations

from datetime import timedelta

from cmdesk.analysis.author_type import AuthorHistoryItem, classify, mentions_caregiving
from cmdesk.clock import utc
from cmdesk.model import AuthorType, Intent, MoodLabel

NOW = utc(2026, 11, 24, 9, 0, 0)
SCORES = {MoodLabel.POSITIVE: 0.6, MoodLabel.NEUTRAL: 0.0, MoodLabel.NEGATIVE: -0.6}


def item(
    days_ago: int, label: MoodLabel, intent: Intent = Intent.OTHER, channel: str = "FB", text: str = ""
) -> AuthorHistoryItem:
    return AuthorHistoryItem(NOW - timedelta(days=days_ago), label, SCORES[label], intent, channel, text)


def test_newcomer() -> None:
    assert classify([]) == (AuthorType.NEWCOMER, ("No earlier messages from this author.",))
    assert classify([item(1, MoodLabel.POSITIVE)]) == (
        AuthorType.NEWCOMER,
        ("Only 1 message from this author so far.",),
    )


def test_loyal_fan_needs_praise_over_time() -> None:
    history = [
        item(40, MoodLabel.POSITIVE, channel="FB"),
        item(20, MoodLabel.POSITIVE, channel="Instagram"),
        item(2, MoodLabel.POSITIVE, Intent.PRAISE),
        item(1, MoodLabel.NEUTRAL),
    ]
    assert classify(history) == (AuthorType.LOYAL_FAN, ("3 of 4 messages were positive over 39 days on 2 channels.",))
    one_evening = [item(1, MoodLabel.POSITIVE)] * 4
    assert classify(one_evening)[0] == AuthorType.REGULAR


def test_unhappy_customer() -> None:
    history = [
        item(9, MoodLabel.NEGATIVE, Intent.COMPLAINT),
        item(5, MoodLabel.NEGATIVE, Intent.COMPLAINT),
        item(1, MoodLabel.NEUTRAL, Intent.QUESTION),
    ]
    assert classify(history) == (
        AuthorType.UNHAPPY_CUSTOMER,
        ("2 of 3 messages were negative and 2 were complaints (average mood -0.40).",),
    )


def test_troll() -> None:
    history = [
        item(3, MoodLabel.NEGATIVE, Intent.ABUSE),
        item(2, MoodLabel.NEGATIVE, Intent.ABUSE),
        item(1, MoodLabel.NEUTRAL, Intent.SPAM),
    ]
    assert classify(history) == (AuthorType.TROLL, ("3 of 3 messages were abuse or spam (2 abuse, 1 spam).",))


def test_caregiver_from_texts_or_hint() -> None:
    history = [item(1, MoodLabel.NEUTRAL, Intent.QUESTION, text="Meine Tochter nimmt das seit Montag")]
    reason = ("Writes about the medicine of a relative or someone they care for.",)
    assert classify(history) == (AuthorType.CAREGIVER, reason)
    assert classify([], caregiver_hint=True) == (AuthorType.CAREGIVER, reason)
    assert mentions_caregiving("My mother takes it")
    assert mentions_caregiving("Ich pflege meinen Vater")
    assert not mentions_caregiving("Ich nehme es selbst")


def test_patient_influencer_only_when_marked() -> None:
    history = [item(n * 10, MoodLabel.POSITIVE) for n in range(6)]
    assert classify(history)[0] == AuthorType.LOYAL_FAN
    assert classify(history, marked_influencer=True) == (
        AuthorType.PATIENT_INFLUENCER,
        ("The team marked this author as a patient influencer.",),
    )


def test_regular() -> None:
    history = [item(9, MoodLabel.NEUTRAL), item(5, MoodLabel.POSITIVE), item(1, MoodLabel.NEGATIVE)]
    assert classify(history) == (AuthorType.REGULAR, ("3 messages with mixed or neutral mood (average mood +0.00).",))
