"""Discourse connector against a local forum fake: before= paging, PMs, failures, replies in topics."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest
import requests

from cmdesk.channels.base import OutgoingAction, Page
from cmdesk.channels.discourse import DiscourseConnector
from cmdesk.clock import FixedClock, utc
from cmdesk.errors import ChannelError, RateLimited, ReconnectNeeded, TransientChannelError
from cmdesk.model import Direction, IncomingMessage, MessageKind, OutboxAction

if TYPE_CHECKING:
    from tests.unit.channels.conftest import Call, FakeApi

KEY = "d1sc0urse-api-key"


def post(pid: int, raw: str, *, topic: int = 42, number: int = 2, user: str = "maria", **extra: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "id": pid,
        "name": "Maria K",
        "username": user,
        "avatar_template": "/letter_avatar/m/{size}/1.png",
        "created_at": "2026-11-23T10:00:00.000Z",
        "updated_at": "2026-11-23T10:00:00.000Z",
        "cooked": f"<p>{raw}</p>",
        "raw": raw,
        "post_number": number,
        "post_type": 1,
        "reply_count": 0,
        "reply_to_post_number": None,
        "quote_count": 0,
        "topic_id": topic,
        "topic_slug": "living-with-asthma",
        "topic_title": "Living with asthma",
        "category_id": 5,
        "user_id": 17,
        "display_username": "Maria K",
        "trust_level": 1,
        "staff": False,
        "moderator": False,
        "admin": False,
        "hidden": False,
        "deleted_at": None,
        "user_deleted": False,
        "edit_reason": None,
        "version": 1,
        "wiki": False,
    }
    body.update(extra)
    return body


def before(value: str | None) -> Any:
    def match(call: Call) -> bool:
        return call.args.get("before") == value

    return match


def pm_list(topics: list[Any]) -> dict[str, Any]:
    return {
        "users": [{"id": 17, "username": "maria", "avatar_template": "/a"}],
        "topic_list": {
            "can_create_topic": True,
            "draft": None,
            "draft_key": "new_topic",
            "draft_sequence": 0,
            "topics": topics,
        },
    }


@pytest.fixture
def forum(api: FakeApi, session: requests.Session, clock: FixedClock) -> DiscourseConnector:
    return DiscourseConnector(base_url=api.url(), username="desk", api_key=KEY, clock=clock, session=session)


def sync(forum: DiscourseConnector, cursor: dict[str, Any] | None = None) -> list[Page]:
    pages: list[Page] = []
    cursor = cursor or {}
    for _ in range(20):
        page = forum.fetch(cursor)
        pages.append(page)
        cursor = page.cursor
        if page.done:
            return pages
    raise AssertionError("sync did not finish")


def ids(pages: list[Page]) -> list[str]:
    return [m.external_id for p in pages for m in p.items]


def serve_no_pms(api: FakeApi) -> None:
    api.on("GET", "/topics/private-messages/desk.json", pm_list([]))


def test_pages_back_with_before_then_reads_pms(api: FakeApi, forum: DiscourseConnector) -> None:
    api.on("GET", "/posts.json", {"latest_posts": [post(103, "new"), post(102, "mid", user="desk")]}, when=before(None))
    api.on(
        "GET", "/posts.json", {"latest_posts": [post(102, "mid", user="desk"), post(101, "old")]}, when=before("102")
    )
    api.on("GET", "/posts.json", {"latest_posts": []}, when=before("101"))
    topic = {
        "id": 77,
        "title": "Question",
        "archetype": "private_message",
        "posts_count": 1,
        "last_posted_at": "2026-11-23T12:00:00.000Z",
        "bumped_at": "2026-11-23T12:00:00.000Z",
    }
    old_topic = dict(topic, id=76, last_posted_at="2026-01-01T00:00:00.000Z")
    api.on("GET", "/topics/private-messages/desk.json", pm_list([topic, old_topic]))
    api.on(
        "GET",
        "/t/77.json",
        {"id": 77, "post_stream": {"posts": [post(500, "Private question", topic=77, number=1)], "stream": [500]}},
    )
    pages = sync(forum)
    assert ids(pages) == ["103", "102", "102", "101", "500"]
    assert pages[-1].cursor == {"high": 103, "since": int(utc(2026, 11, 24, 9).timestamp()) - 300}
    assert all(c.headers["Api-Key"] == KEY and c.headers["Api-Username"] == "desk" for c in api.calls)
    assert api.calls_to("/t/76.json") == []
    msgs = {m.external_id: m for p in pages for m in p.items}
    assert msgs["103"] == IncomingMessage(
        external_id="103",
        kind=MessageKind.FORUM_POST,
        text="new",
        created_at=utc(2026, 11, 23, 10),
        author_external_id="17",
        author_name="Maria K",
        author_handle="maria",
        author_profile_url=f"{api.url()}/u/maria",
        thread_external_id="42",
        parent_external_id="42",
        url=f"{api.url()}/t/living-with-asthma/42/2",
        raw=post(103, "new"),
    )
    assert msgs["102"].direction is Direction.OUTBOUND
    assert (msgs["500"].kind, msgs["500"].thread_external_id) == (MessageKind.DIRECT_MESSAGE, "77")


def test_next_round_stops_at_known_high(api: FakeApi, forum: DiscourseConnector) -> None:
    serve_no_pms(api)
    api.on("GET", "/posts.json", {"latest_posts": [post(105, "newer"), post(103, "seen")]})
    pages = sync(forum, {"high": 103, "since": int(utc(2026, 11, 24).timestamp())})
    assert ids(pages) == ["105", "103"]
    assert len(api.calls_to("/posts.json")) == 1
    assert pages[-1].cursor["high"] == 105


def test_edits_and_deletions(api: FakeApi, forum: DiscourseConnector) -> None:
    serve_no_pms(api)
    edited = post(9, "fixed typo", version=2, updated_at="2026-11-23T11:00:00.000Z")
    deleted = post(8, "gone", deleted_at="2026-11-23T12:00:00.000Z")
    cooked_only = post(7, "x")
    del cooked_only["raw"]
    cooked_only["cooked"] = "<p>Tom &amp; Jerry <b>bold</b></p>"
    api.on("GET", "/posts.json", {"latest_posts": [edited, deleted, cooked_only]}, when=before(None))
    api.on("GET", "/posts.json", {"latest_posts": []}, when=before("7"))
    msgs = {m.external_id: m for p in sync(forum) for m in p.items}
    assert msgs["9"].edited_at == utc(2026, 11, 23, 11)
    assert msgs["8"].deleted is True
    assert msgs["7"].text == "Tom & Jerry bold"


def test_key_revoked_mid_sync(api: FakeApi, forum: DiscourseConnector) -> None:
    api.on("GET", "/posts.json", {"latest_posts": [post(103, "new")]}, when=before(None))
    invalid = {
        "errors": ["You are not permitted to view the requested resource. The API username or key is invalid."],
        "error_type": "invalid_access",
    }
    api.on("GET", "/posts.json", (403, invalid, {}), when=before("103"))
    first = forum.fetch({})
    assert ids([first]) == ["103"]
    with pytest.raises(ReconnectNeeded) as err:
        forum.fetch(first.cursor)
    assert KEY not in str(err.value)


def test_429_then_success_and_500s(api: FakeApi, forum: DiscourseConnector) -> None:
    limited = {
        "errors": ["You’ve performed this action too many times."],
        "error_type": "rate_limit",
        "extras": {"wait_seconds": 12, "time_left": "12 seconds"},
    }
    api.on("GET", "/posts.json", (429, limited, {"Retry-After": "12"}), {"latest_posts": []})
    with pytest.raises(RateLimited) as err:
        forum.fetch({})
    assert err.value.retry_after_s == 12.0
    assert forum.fetch({}).items == ()
    api.on("GET", "/posts.json", (502, "", {}))
    with pytest.raises(TransientChannelError):
        forum.fetch({})
    assert len(api.calls) == 2 + 3


def test_malformed_posts_are_rejected(api: FakeApi, forum: DiscourseConnector) -> None:
    serve_no_pms(api)
    api.on(
        "GET", "/posts.json", {"latest_posts": [post(5, "ok"), {"id": 4, "raw": "no topic"}, None]}, when=before(None)
    )
    api.on("GET", "/posts.json", {"latest_posts": []}, when=before("4"))
    pages = sync(forum)
    assert ids(pages) == ["5"]
    assert [(r.external_id, r.reason) for p in pages for r in p.rejected] == [
        ("4", "missing topic_id"),
        (None, "item is not an object"),
    ]


def test_deliver_reply_in_topic(api: FakeApi, forum: DiscourseConnector) -> None:
    api.on("POST", "/posts.json", post(600, "Thanks Maria", user="desk", number=3))
    action = OutgoingAction(
        OutboxAction.REPLY, "Thanks Maria", target_external_id="103", thread_external_id="42", extra={"post_number": 2}
    )
    delivery = forum.deliver(action)
    assert (delivery.remote_id, delivery.remote_url) == ("600", f"{api.url()}/t/living-with-asthma/42/3")
    assert api.calls[0].body == {"topic_id": 42, "raw": "Thanks Maria", "reply_to_post_number": 2}
    api.on("POST", "/posts.json", (422, {"errors": ["Body is too similar to what you recently posted"]}, {}))
    with pytest.raises(ChannelError) as err:
        forum.deliver(action)
    assert "too similar" in str(err.value)
    with pytest.raises(ChannelError) as refused:
        forum.deliver(OutgoingAction(OutboxAction.HIDE, target_external_id="103", thread_external_id="42"))
    assert str(refused.value) == "Discourse cannot hide comments."


def test_find_delivered_reads_the_topic(api: FakeApi, forum: DiscourseConnector) -> None:
    ours = post(600, "Thanks Maria", user="desk", number=3, created_at="2026-11-24T08:59:00.000Z")
    del ours["raw"]
    api.on("GET", "/t/42.json", {"post_stream": {"posts": [post(103, "q")], "stream": [103, 600]}})
    api.on("GET", "/t/42/posts.json", {"post_stream": {"posts": [ours]}})
    api.on("GET", "/posts/600.json", dict(ours, raw="Thanks Maria"))
    action = OutgoingAction(OutboxAction.REPLY, "Thanks Maria", target_external_id="103", thread_external_id="42")
    found = forum.find_delivered(action, since=utc(2026, 11, 24, 8))
    assert found is not None and found.remote_id == "600"
    assert api.calls_to("/t/42/posts.json")[0].args == {"post_ids[]": "600"}
    assert forum.find_delivered(action, since=utc(2026, 11, 24, 9)) is None


def test_check(api: FakeApi, forum: DiscourseConnector) -> None:
    api.on("GET", "/u/desk.json", {"user": {"id": 3, "username": "desk"}})
    assert forum.check() == "Discourse forum localhost as desk"
