"""Channel limits are checked before a reply is queued: each rule with the sentence the composer shows."""

from __future__ import annotations

from datetime import timedelta

from cmdesk.channels.limits import LimitProblem, check_reply
from cmdesk.model import ChannelKind, MessageKind
from tests.conftest import NOW


def codes(problems: list[LimitProblem]) -> list[str]:
    return [p.code for p in problems]


def test_a_normal_reply_passes_everywhere_it_can_be_sent() -> None:
    for kind in (ChannelKind.FACEBOOK, ChannelKind.INSTAGRAM, ChannelKind.YOUTUBE, ChannelKind.EMAIL):
        assert check_reply("Danke für Ihre Nachricht, wir melden uns!", kind=kind) == []


def test_length_limits_per_channel_and_for_messenger() -> None:
    assert check_reply("x" * 2201, kind=ChannelKind.INSTAGRAM) == [
        LimitProblem("too_long", "2,201 characters; instagram accepts at most 2,200 here.")
    ]
    assert check_reply("x" * 2200, kind=ChannelKind.INSTAGRAM) == []
    assert codes(check_reply("x" * 10_001, kind=ChannelKind.YOUTUBE)) == ["too_long"]
    assert check_reply("x" * 2001, kind=ChannelKind.FACEBOOK) == []
    assert check_reply("x" * 2001, kind=ChannelKind.FACEBOOK, message_kind=MessageKind.DIRECT_MESSAGE) == [
        LimitProblem("too_long", "2,001 characters; facebook accepts at most 2,000 here.")
    ]


def test_umlauts_count_as_one_character_each() -> None:
    assert check_reply("ä" * 2200, kind=ChannelKind.INSTAGRAM) == []


def test_discourse_needs_twenty_characters_and_empty_replies_are_refused() -> None:
    assert check_reply("Danke!", kind=ChannelKind.DISCOURSE) == [
        LimitProblem("too_short", "The reply needs at least 20 characters on discourse.")
    ]
    assert check_reply("   ", kind=ChannelKind.YOUTUBE) == [
        LimitProblem("too_short", "The reply needs some text on youtube.")
    ]


def test_instagram_hashtags_and_hidden_comments() -> None:
    tags = " ".join(f"#t{i}" for i in range(31))
    assert codes(check_reply(tags, kind=ChannelKind.INSTAGRAM)) == ["hashtags"]
    assert codes(check_reply("Danke", kind=ChannelKind.INSTAGRAM, message_hidden=True)) == ["hidden"]
    assert check_reply("Danke", kind=ChannelKind.FACEBOOK, message_hidden=True) == []


def test_private_replies_only_where_and_while_the_channel_allows() -> None:
    comment = {"message_kind": MessageKind.COMMENT, "now": NOW}
    assert (
        check_reply(
            "Hallo", kind=ChannelKind.FACEBOOK, private=True, message_created_at=NOW - timedelta(days=6), **comment
        )
        == []
    )  # type: ignore[arg-type]
    assert check_reply(
        "Hallo", kind=ChannelKind.FACEBOOK, private=True, message_created_at=NOW - timedelta(days=8), **comment
    ) == [  # type: ignore[arg-type]
        LimitProblem(
            "private_window", "A private reply is only possible within 7 days of the comment; answer publicly."
        )
    ]
    assert check_reply("Hallo", kind=ChannelKind.YOUTUBE, private=True, **comment) == [  # type: ignore[arg-type]
        LimitProblem("private_window", "youtube has no private reply to a public comment.")
    ]


def test_imported_messages_cannot_be_answered() -> None:
    assert codes(check_reply("Danke", kind=ChannelKind.FILE)) == ["no_channel"]
