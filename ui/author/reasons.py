"""cmdesk's reasons (why an author type, why a merge) in the user's language.

The core writes reasons as English sentences from fixed templates (they are stored with the
person and read by the CLI). Here each stored sentence is matched back to its template and
its figures are put into the translated template; a sentence that matches none (written by
an older version, say) is shown as it is.
"""

from __future__ import annotations

import re
from functools import cache

from PySide6.QtCore import QCoreApplication

from cmdesk.analysis.author_type import REASONS
from cmdesk.model import MERGE_REASONS, SAME_FULL_NAME, SAME_NAME, SAME_PICTURE, SAME_USER_NAME, SAME_WORDING

_FIELD = re.compile(r"\\\{(\w+)\\\}")


def type_templates() -> dict[str, str]:
    """The translated template of every code of ``author_type.REASONS`` (the English source must match it)."""
    return {
        "influencer": QCoreApplication.translate(
            "AuthorReasons", "The team marked this author as a patient influencer."
        ),
        "troll": QCoreApplication.translate(
            "AuthorReasons", "{hostile} of {n} messages were abuse or spam ({abuse} abuse, {spam} spam)."
        ),
        "caregiver": QCoreApplication.translate(
            "AuthorReasons", "Writes about the medicine of a relative or someone they care for."
        ),
        "no_history": QCoreApplication.translate("AuthorReasons", "No earlier messages from this author."),
        "one_message": QCoreApplication.translate("AuthorReasons", "Only 1 message from this author so far."),
        "few_messages": QCoreApplication.translate("AuthorReasons", "Only {n} messages from this author so far."),
        "unhappy": QCoreApplication.translate(
            "AuthorReasons",
            "{negative} of {n} messages were negative and {complaints} were complaints (average mood {mean}).",
        ),
        "loyal_one_channel": QCoreApplication.translate(
            "AuthorReasons", "{positive} of {n} messages were positive over {days} days on 1 channel."
        ),
        "loyal": QCoreApplication.translate(
            "AuthorReasons", "{positive} of {n} messages were positive over {days} days on {channels} channels."
        ),
        "regular": QCoreApplication.translate(
            "AuthorReasons", "{n} messages with mixed or neutral mood (average mood {mean})."
        ),
    }


def merge_labels() -> dict[str, str]:
    """Every reason of ``model.MERGE_REASONS``, translated."""
    return {
        SAME_FULL_NAME: QCoreApplication.translate("AuthorReasons", "same full name on another channel"),
        SAME_USER_NAME: QCoreApplication.translate("AuthorReasons", "same user name"),
        SAME_NAME: QCoreApplication.translate("AuthorReasons", "same name"),
        SAME_WORDING: QCoreApplication.translate("AuthorReasons", "same wording"),
        SAME_PICTURE: QCoreApplication.translate("AuthorReasons", "same profile picture"),
    }


@cache
def _patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Each English template as a pattern that captures its figures by name."""
    return tuple(
        (code, re.compile(_FIELD.sub(r"(?P<\1>[^\\s()]+)", re.escape(english)))) for code, english in REASONS.items()
    )


def type_reason(sentence: str) -> str:
    """One reason for an author type, in the user's language."""
    for code, pattern in _patterns():
        found = pattern.fullmatch(sentence)
        if found is not None:
            return type_templates()[code].format(**found.groupdict())
    return sentence


def merge_reason(reason: str) -> str:
    """One reason for a merge suggestion, in the user's language."""
    return merge_labels().get(reason, reason) if reason in MERGE_REASONS else reason
