"""Instagram connector against a local Graph fake: media then comments with nested replies, failures, delivery."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest
import requests

from cmdesk.channels.base import OutgoingAction, Page
from cmdesk.channels.instagram import InstagramConnector
from cmdesk.clock import FixedClock, utc
from cmdesk.errors import ChannelError, RateLimited, ReconnectNeeded, TransientChannelError
from cmdesk.model import Direction, IncomingMessage, MessageKind, OutboxAction

if TYPE_CHECKING:
    from tests.unit.channels.conftest import FakeApi

TOKEN = "IGQ-token"
V = "/v19.0"
MEDIA: dict[str, Any] = {
    "id": "18172143295349192",
    "caption": "World Asthma Day",
    "timestamp": "2026-11-20T08:00:00+0000",
    "permalink": "https://www.instagram.com/p/Cxyz/",
    "username": "pharma_de",
    "comments_count": 3,
}
M = "18172143295349192"


def ig_comment(cid: str, text: str, *, replies: list[Any] | None = None, who: str = "9001") -> dict[str, Any]:
    raw: dict[str, Any] = {
        "id": cid,
        "text": text,
        "timestamp": "2026-11-23T10:00:00+0000",
        "username": "anna.k",
        "from": {"id": who, "username": "anna.k"},
        "like_count": 0,
        "hidden": False,
    }
    if replies is not None:
        raw["replies"] = {"data": replies}
    return raw


@pytest.fixture
def ig(api: FakeApi, session: requests.Session, clock: FixedClock) -> InstagramConnector:
    return InstagramConnector(ig_user_id="1784", token=TOKEN, clock=clock, base_url=api.url(V), session=session)


def sync(ig: InstagramConnector, cursor: dict[str, Any] | None = None) -> list[Page]:
    pages: list[Page] = []
    cursor = cursor or {}
    for _ in range(20):
        page = ig.fetch(cursor)
        pages.append(page)
        cursor = page.cursor
        if page.done:
            return pages
    raise AssertionError("sync did not finish")


def ids(pages: list[Page]) -> list[str]:
    return [m.external_id for p in pages for m in p.items]


def test_pages_comments_and_nested_replies(api: FakeApi, ig: InstagramConnector) -> None:
    api.on("GET", f"{V}/1784/media", api.graph_page([MEDIA]))
    reply = {
        "id": "179002",
        "text": "@anna.k thanks",
        "timestamp": "2026-11-23T11:00:00+0000",
        "username": "pharma_de",
        "from": {"id": "1784", "username": "pharma_de"},
        "parent_id": "179001",
    }
    first = ig_comment("179001", "I love this!", replies=[reply, "broken"])
    second = ig_comment("179003", "Does it help kids?")
    api.on(
        "GET", f"{V}/{M}/comments", api.graph_page([first], api.url(f"{V}/{M}/comments?after=P2")), when=api.first_page
    )
    api.on("GET", f"{V}/{M}/comments", api.graph_page([first, second]), when=api.after("P2"))
    pages = sync(ig)
    assert ids(pages) == [M, "179001", "179002", "179001", "179002", "179003"]
    assert pages[-1].done and pages[-1].cursor == {"since": int(utc(2026, 11, 24, 9).timestamp()) - 300}
    assert [r.reason for p in pages for r in p.rejected] == ["reply is not an object"] * 2
    msgs = {m.external_id: m for p in pages for m in p.items}
    assert msgs["179001"] == IncomingMessage(
        external_id="179001",
        kind=MessageKind.COMMENT,
        text="I love this!",
        created_at=utc(2026, 11, 23, 10),
        author_external_id="9001",
        author_name="anna.k",
        author_handle="anna.k",
        author_profile_url="https://www.instagram.com/anna.k/",
        thread_external_id=M,
        parent_external_id=M,
        url="https://www.instagram.com/p/Cxyz/",
        raw=first,
    )
    assert (msgs["179002"].kind, msgs["179002"].parent_external_id, msgs["179002"].direction) == (
        MessageKind.REPLY,
        "179001",
        Direction.OUTBOUND,
    )


def test_token_expires_mid_sync(api: FakeApi, ig: InstagramConnector) -> None:
    api.on("GET", f"{V}/1784/media", api.graph_page([MEDIA], api.url(f"{V}/1784/media?after=M2")), when=api.first_page)
    api.on(
        "GET", f"{V}/1784/media", (400, api.graph_error(190, "Error validating access token"), {}), when=api.after("M2")
    )
    first = ig.fetch({})
    assert ids([first]) == [M]
    with pytest.raises(ReconnectNeeded):
        ig.fetch(first.cursor)


def test_429_then_success_and_500s(api: FakeApi, ig: InstagramConnector) -> None:
    api.on("GET", f"{V}/1784/media", (429, "", {"Retry-After": "5"}), api.graph_page([MEDIA]))
    with pytest.raises(RateLimited) as err:
        ig.fetch({})
    assert err.value.retry_after_s == 5.0
    assert ids([ig.fetch({})]) == [M]
    api.on("GET", f"{V}/{M}/comments", (500, "", {}))
    with pytest.raises(TransientChannelError):
        ig.fetch(ig.fetch({}).cursor)


def test_malformed_comment_is_rejected(api: FakeApi, ig: InstagramConnector) -> None:
    api.on("GET", f"{V}/1784/media", api.graph_page([MEDIA, {"id": "x", "timestamp": None}]))
    api.on("GET", f"{V}/{M}/comments", api.graph_page([{"id": "1", "text": 5, "timestamp": "2026-11-23T10:00:00Z"}]))
    pages = sync(ig)
    assert [(r.external_id, r.reason) for p in pages for r in p.rejected] == [
        ("x", "missing created time"),
        ("1", "text is not text"),
    ]


def test_deliver_reply_and_hide(api: FakeApi, ig: InstagramConnector) -> None:
    api.on("POST", f"{V}/179001/replies", {"id": "179010"})
    api.on("POST", f"{V}/179001", {"success": True})
    reply = OutgoingAction(
        OutboxAction.REPLY, "Thanks!", target_external_id="179001", thread_external_id=M, parent_external_id=M
    )
    assert ig.deliver(reply).remote_id == "179010"
    on_reply = OutgoingAction(
        OutboxAction.REPLY, "Again", target_external_id="179002", thread_external_id=M, parent_external_id="179001"
    )
    ig.deliver(on_reply)
    ig.deliver(OutgoingAction(OutboxAction.HIDE, target_external_id="179001"))
    assert [(c.method, c.path, c.body) for c in api.calls] == [
        ("POST", f"{V}/179001/replies", {"message": "Thanks!"}),
        ("POST", f"{V}/179001/replies", {"message": "Again"}),
        ("POST", f"{V}/179001", {"hide": True}),
    ]
    with pytest.raises(ChannelError):
        ig.deliver(OutgoingAction(OutboxAction.PRIVATE_REPLY, "x", target_external_id="179001"))


def test_find_delivered(api: FakeApi, ig: InstagramConnector) -> None:
    ours = {
        "id": "179010",
        "text": "Thanks!",
        "timestamp": "2026-11-24T08:59:00+0000",
        "from": {"id": "1784", "username": "pharma_de"},
    }
    api.on("GET", f"{V}/179001/replies", api.graph_page([ours]))
    action = OutgoingAction(OutboxAction.REPLY, "Thanks!", target_external_id="179001")
    found = ig.find_delivered(action, since=utc(2026, 11, 24, 8))
    assert found is not None and found.remote_id == "179010"
    assert ig.find_delivered(action, since=utc(2026, 11, 24, 9)) is None
