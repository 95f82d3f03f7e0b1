"""Whatever a channel sends, normalisation yields an IncomingMessage or a RejectedItem with a reason, never an error.

Items start from the real shapes and get fields dropped, nulled, retyped or blown up to 1 MB.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cmdesk.channels.base import RejectedItem
from cmdesk.channels.discourse import DiscourseConnector
from cmdesk.channels.facebook import FacebookConnector
from cmdesk.channels.http import MAX_TEXT_CHARS, normalise_all
from cmdesk.channels.instagram import InstagramConnector
from cmdesk.channels.youtube import YouTubeConnector
from cmdesk.clock import FixedClock, utc
from cmdesk.model import IncomingMessage, MessageKind

CLOCK = FixedClock(utc(2026, 11, 24, 9))
BIG = "ä" * 1_000_000

FB_COMMENT = {
    "id": "222_1",
    "message": "Headache after the dose",
    "from": {"id": "333", "name": "Maria"},
    "created_time": "2026-05-02T09:14:03+0000",
    "parent": {"id": "222_0"},
    "is_hidden": False,
    "permalink_url": "https://www.facebook.com/x",
}
FB_CONVERSATION = {
    "id": "t_1",
    "updated_time": "2026-05-02T09:14:03+0000",
    "link": "/1/inbox/1/",
    "messages": {
        "data": [
            {"id": "m_1", "message": "hi", "from": {"id": "4", "name": "L"}, "created_time": "2026-05-02T09:14:03+0000"}
        ]
    },
}
IG_COMMENT = {
    "id": "17873440459141021",
    "text": "I love this!",
    "timestamp": "2017-08-31T18:10:30+0000",
    "username": "a",
    "from": {"id": "9", "username": "a"},
    "hidden": False,
    "replies": {"data": [{"id": "2", "text": "t", "timestamp": "2017-08-31T18:10:30+0000", "parent_id": "1"}]},
}
YT_THREAD = {
    "kind": "youtube#commentThread",
    "id": "Ugw1",
    "snippet": {
        "videoId": "v",
        "topLevelComment": {
            "id": "Ugw1",
            "snippet": {
                "authorDisplayName": "@a",
                "authorChannelId": {"value": "UC1"},
                "authorChannelUrl": "http://y/UC1",
                "videoId": "v",
                "textDisplay": "x",
                "textOriginal": "x",
                "publishedAt": "2018-11-12T19:00:00Z",
                "updatedAt": "2018-11-12T19:00:00Z",
            },
        },
    },
    "replies": {
        "comments": [
            {
                "id": "Ugw1.r",
                "snippet": {"publishedAt": "2018-11-12T19:00:00Z", "parentId": "Ugw1", "textOriginal": "r"},
            }
        ]
    },
}
DISCOURSE_POST = {
    "id": 10,
    "name": "Maria",
    "username": "maria",
    "created_at": "2026-11-23T10:00:00.000Z",
    "updated_at": "2026-11-23T10:00:00.000Z",
    "cooked": "<p>x</p>",
    "raw": "x",
    "post_number": 2,
    "topic_id": 42,
    "topic_slug": "s",
    "user_id": 17,
    "hidden": False,
    "deleted_at": None,
    "version": 1,
}

WRONG = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True),
    st.text(max_size=30),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=3),
    st.just(BIG),
    st.just("2026-13-45T99:99:99Z"),
    st.just(10**30),
)


@st.composite
def mutated(draw: st.DrawFn, value: Any, depth: int = 0) -> Any:
    """The value, or a broken version of it: each field kept, dropped, nulled, retyped or mutated further."""
    if isinstance(value, dict):
        out: dict[str, Any] = {}
        for key, inner in value.items():
            choice = draw(st.integers(0, 4))
            if choice == 1:
                continue  # missing
            out[key] = (
                inner if choice == 0 else draw(WRONG) if choice == 2 or depth > 3 else draw(mutated(inner, depth + 1))
            )
        return out
    if isinstance(value, list):
        return [draw(mutated(v, depth + 1)) for v in value] + draw(st.lists(WRONG, max_size=2))
    return draw(st.one_of(st.just(value), WRONG))


def _fb() -> FacebookConnector:
    return FacebookConnector(page_id="111", token="t", clock=CLOCK)


def _ig() -> InstagramConnector:
    return InstagramConnector(ig_user_id="9", token="t", clock=CLOCK)


def _yt() -> YouTubeConnector:
    return YouTubeConnector(channel_id="UC1", token="t", clock=CLOCK)


def _forum() -> DiscourseConnector:
    return DiscourseConnector(base_url="https://forum.example", username="desk", api_key="k", clock=CLOCK)


Normaliser = Callable[[dict[str, Any]], Any]
CASES: dict[str, tuple[dict[str, Any], Normaliser]] = {
    "facebook comment": (FB_COMMENT, lambda raw: [_fb()._comment(raw, "111_222")]),
    "facebook post": (FB_COMMENT, lambda raw: [_fb()._post(raw)]),
    "facebook conversation": (FB_CONVERSATION, lambda raw: _fb()._conversation(raw)),
    "instagram comment": (IG_COMMENT, lambda raw: _ig()._comment_with_replies(raw, "m", "https://i/p")),
    "youtube thread": (YT_THREAD, lambda raw: _yt()._thread(raw)),
    "discourse post": (
        DISCOURSE_POST,
        lambda raw: [_forum()._post(raw, MessageKind.FORUM_POST)],
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(data=st.data())
def test_never_raises(case: str, data: st.DataObject) -> None:
    template, normalise = CASES[case]
    raw = data.draw(mutated(template))
    items, rejected = normalise_all([raw, "not an object"], normalise)
    assert rejected[-1] == RejectedItem(external_id=None, reason="item is not an object", raw="not an object")
    for item in items:
        assert isinstance(item, IncomingMessage)
        assert item.created_at.utcoffset() == timedelta(0)
        assert isinstance(item.external_id, str) and item.external_id
        assert len(item.text) <= MAX_TEXT_CHARS
    for reject in rejected:
        assert reject.reason


@pytest.mark.parametrize("case", sorted(CASES))
def test_real_shape_is_accepted(case: str) -> None:
    template, normalise = CASES[case]
    items, rejected = normalise_all([template], normalise)
    assert rejected == [] and items
