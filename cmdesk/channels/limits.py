"""What each channel's API rejects, checked before a reply is queued (not after it bounces).

Figures from the channels' public documentation: a reply that breaks them would
fail at delivery, hours later and unseen; the composer shows the problem while
the community manager still has the text in front of them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta

from cmdesk.model import ChannelKind, MessageKind

HASHTAG = re.compile(r"(?<!\w)#\w+")
MENTION = re.compile(r"(?<!\w)@[\w.]+")
URL = re.compile(r"https?://\S+", re.IGNORECASE)


@dataclass(frozen=True)
class ChannelLimits:
    max_chars: int | None  # counted in Unicode code points, as the APIs count
    min_chars: int = 1
    max_hashtags: int | None = None
    max_mentions: int | None = None
    allows_links: bool = True
    private_reply: bool = False  # can answer a public comment privately
    private_reply_window: timedelta | None = None  # how long after the comment a private reply is allowed
    replies_to_hidden: bool = True


LIMITS: dict[ChannelKind, ChannelLimits] = {
    # Graph API comment: 8,000 characters; Messenger text: 2,000; private reply within 7 days of the comment
    ChannelKind.FACEBOOK: ChannelLimits(max_chars=8000, private_reply=True, private_reply_window=timedelta(days=7)),
    # Instagram comments: 2,200 characters, at most 30 hashtags; no replies to hidden comments
    ChannelKind.INSTAGRAM: ChannelLimits(
        max_chars=2200,
        max_hashtags=30,
        private_reply=True,
        private_reply_window=timedelta(days=7),
        replies_to_hidden=False,
    ),
    # YouTube comments: 10,000 characters
    ChannelKind.YOUTUBE: ChannelLimits(max_chars=10_000),
    # Discourse defaults: min_post_length 20, max_post_length 32,000
    ChannelKind.DISCOURSE: ChannelLimits(max_chars=32_000, min_chars=20, private_reply=True),
    ChannelKind.EMAIL: ChannelLimits(max_chars=None, private_reply=True),
    ChannelKind.FILE: ChannelLimits(max_chars=None),
}
MESSENGER_MAX_CHARS = 2000


@dataclass(frozen=True)
class LimitProblem:
    code: str  # too_long | too_short | hashtags | mentions | links | private_window | hidden | no_channel
    text: str  # one sentence for the composer


def check_reply(
    text: str,
    *,
    kind: ChannelKind,
    private: bool = False,
    message_kind: MessageKind | None = None,
    message_created_at: datetime | None = None,
    message_hidden: bool = False,
    now: datetime | None = None,
) -> list[LimitProblem]:
    """Every reason the channel would refuse ``text``; empty when it can be sent."""
    limits = LIMITS[kind]
    problems: list[LimitProblem] = []
    if kind == ChannelKind.FILE:
        return [LimitProblem("no_channel", "Imported messages have no channel to reply on; answer them elsewhere.")]
    max_chars = limits.max_chars
    if kind == ChannelKind.FACEBOOK and (private or message_kind == MessageKind.DIRECT_MESSAGE):
        max_chars = MESSENGER_MAX_CHARS
    length = len(text)
    if max_chars is not None and length > max_chars:
        problems.append(
            LimitProblem("too_long", f"{length:,} characters; {kind.value} accepts at most {max_chars:,} here.")
        )
    stripped = len(text.strip())
    if stripped < limits.min_chars:
        need = "some text" if limits.min_chars == 1 else f"at least {limits.min_chars} characters"
        problems.append(LimitProblem("too_short", f"The reply needs {need} on {kind.value}."))
    if limits.max_hashtags is not None and len(HASHTAG.findall(text)) > limits.max_hashtags:
        problems.append(LimitProblem("hashtags", f"{kind.value} accepts at most {limits.max_hashtags} hashtags."))
    if limits.max_mentions is not None and len(MENTION.findall(text)) > limits.max_mentions:
        problems.append(LimitProblem("mentions", f"{kind.value} accepts at most {limits.max_mentions} mentions."))
    if not limits.allows_links and URL.search(text):
        problems.append(LimitProblem("links", f"{kind.value} does not accept links in replies."))
    if private and message_kind not in (MessageKind.DIRECT_MESSAGE, MessageKind.EMAIL):
        if not limits.private_reply:
            problems.append(LimitProblem("private_window", f"{kind.value} has no private reply to a public comment."))
        elif (
            limits.private_reply_window
            and message_created_at is not None
            and now is not None
            and now - message_created_at > limits.private_reply_window
        ):
            days = limits.private_reply_window.days
            problems.append(
                LimitProblem(
                    "private_window",
                    f"A private reply is only possible within {days} days of the comment; answer publicly.",
                )
            )
    if message_hidden and not limits.replies_to_hidden and not private:
        problems.append(LimitProblem("hidden", f"{kind.value} does not accept replies to a hidden comment."))
    return problems
