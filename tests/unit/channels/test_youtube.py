"""YouTube connector against a local Data API fake: pageToken paging, quota, edits, replies and moderation."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest
import requests

from cmdesk.channels.base import OutgoingAction, Page
from cmdesk.channels.youtube import YouTubeConnector
from cmdesk.clock import FixedClock, utc
from cmdesk.errors import ChannelError, RateLimited, ReconnectNeeded, TransientChannelError
from cmdesk.model import IncomingMessage, MessageKind, OutboxAction

if TYPE_CHECKING:
    from tests.unit.channels.conftest import Call, FakeApi

TOKEN = "ya29.token"
P = "/youtube/v3"
CHANNEL = "UCpharma"
VIDEO = "J2X5mJ3HDYE"


def yt_comment(
    cid: str,
    text: str,
    *,
    published: str = "2026-11-23T10:00:00Z",
    updated: str | None = None,
    parent: str | None = None,
    author: str = "UCanna",
) -> dict[str, Any]:
    snippet: dict[str, Any] = {
        "authorDisplayName": "@anna",
        "authorProfileImageUrl": "https://yt3.ggpht.com/x",
        "authorChannelUrl": f"http://www.youtube.com/channel/{author}",
        "authorChannelId": {"value": author},
        "videoId": VIDEO,
        "textDisplay": text,
        "textOriginal": text,
        "canRate": True,
        "viewerRating": "none",
        "likeCount": 0,
        "publishedAt": published,
        "updatedAt": updated or published,
    }
    if parent:
        snippet["parentId"] = parent
    return {"kind": "youtube#comment", "etag": "e", "id": cid, "snippet": snippet}


def thread(cid: str, text: str, replies: list[Any] | None = None, **kw: Any) -> dict[str, Any]:
    raw: dict[str, Any] = {
        "kind": "youtube#commentThread",
        "etag": "e",
        "id": cid,
        "snippet": {
            "channelId": CHANNEL,
            "videoId": VIDEO,
            "canReply": True,
            "totalReplyCount": len(replies or []),
            "isPublic": True,
            "topLevelComment": yt_comment(cid, text, **kw),
        },
    }
    if replies:
        raw["replies"] = {"comments": replies}
    return raw


def listing(items: list[Any], next_token: str | None = None) -> dict[str, Any]:
    body: dict[str, Any] = {
        "kind": "youtube#commentThreadListResponse",
        "etag": "e",
        "pageInfo": {"totalResults": len(items), "resultsPerPage": 100},
        "items": items,
    }
    if next_token:
        body["nextPageToken"] = next_token
    return body


def token_is(value: str | None) -> Any:
    def match(call: Call) -> bool:
        return call.args.get("pageToken") == value

    return match


QUOTA = {
    "error": {
        "code": 403,
        "message": "The request cannot be completed because you have exceeded your quota.",
        "errors": [{"message": "quota", "domain": "youtube.quota", "reason": "quotaExceeded"}],
    }
}


@pytest.fixture
def yt(api: FakeApi, session: requests.Session, clock: FixedClock) -> YouTubeConnector:
    return YouTubeConnector(channel_id=CHANNEL, token=TOKEN, clock=clock, base_url=api.url(P), session=session)


def sync(yt: YouTubeConnector, cursor: dict[str, Any] | None = None) -> list[Page]:
    pages: list[Page] = []
    cursor = cursor or {}
    for _ in range(20):
        page = yt.fetch(cursor)
        pages.append(page)
        cursor = page.cursor
        if page.done:
            return pages
    raise AssertionError("sync did not finish")


def ids(pages: list[Page]) -> list[str]:
    return [m.external_id for p in pages for m in p.items]


def test_pages_threads_replies_and_edits(api: FakeApi, yt: YouTubeConnector) -> None:
    reply = yt_comment("Ugw1.r1", "me too", parent="Ugw1", author=CHANNEL)
    first = thread("Ugw1", "dizzy after taking it", [reply], updated="2026-11-23T11:00:00Z")
    api.on("GET", f"{P}/commentThreads", listing([first], "QURTSl"), when=token_is(None))
    api.on("GET", f"{P}/commentThreads", listing([first, thread("Ugw2", "great video")]), when=token_is("QURTSl"))
    pages = sync(yt)
    assert ids(pages) == ["Ugw1", "Ugw1.r1", "Ugw1", "Ugw1.r1", "Ugw2"]
    assert pages[-1].cursor == {"since": int(utc(2026, 11, 24, 9).timestamp()) - 300}
    first_call = api.calls[0]
    assert first_call.args == {
        "part": "snippet,replies",
        "allThreadsRelatedToChannelId": CHANNEL,
        "maxResults": "100",
        "order": "time",
        "textFormat": "plainText",
    }
    assert first_call.headers["Authorization"] == f"Bearer {TOKEN}"
    top = pages[0].items[0]
    assert top == IncomingMessage(
        external_id="Ugw1",
        kind=MessageKind.COMMENT,
        text="dizzy after taking it",
        created_at=utc(2026, 11, 23, 10),
        author_external_id="UCanna",
        author_name="@anna",
        author_handle="@anna",
        author_profile_url="http://www.youtube.com/channel/UCanna",
        thread_external_id=VIDEO,
        parent_external_id=VIDEO,
        url=f"https://www.youtube.com/watch?v={VIDEO}&lc=Ugw1",
        edited_at=utc(2026, 11, 23, 11),
        raw=first["snippet"]["topLevelComment"],
    )
    assert (pages[0].items[1].kind, pages[0].items[1].parent_external_id) == (MessageKind.REPLY, "Ugw1")


def test_incremental_round_stops_at_old_page(api: FakeApi, yt: YouTubeConnector) -> None:
    old = thread("Ugw0", "old", published="2026-11-01T10:00:00Z")
    api.on("GET", f"{P}/commentThreads", listing([old], "MORE"))
    pages = sync(yt, {"since": int(utc(2026, 11, 20).timestamp())})
    assert len(pages) == 1 and len(api.calls) == 1


def test_quota_exhausted_mid_sync(api: FakeApi, yt: YouTubeConnector) -> None:
    api.on("GET", f"{P}/commentThreads", listing([thread("Ugw1", "x")], "NEXT"), when=token_is(None))
    api.on("GET", f"{P}/commentThreads", (403, QUOTA, {}), when=token_is("NEXT"))
    first = yt.fetch({})
    assert ids([first]) == ["Ugw1"]
    with pytest.raises(RateLimited) as err:
        yt.fetch(first.cursor)
    assert err.value.retry_after_s == 23 * 3600.0  # 01:00 PST -> next Pacific midnight


def test_token_expires_mid_sync(api: FakeApi, yt: YouTubeConnector) -> None:
    api.on("GET", f"{P}/commentThreads", listing([thread("Ugw1", "x")], "NEXT"), when=token_is(None))
    unauth = {
        "error": {
            "code": 401,
            "message": "Request had invalid authentication credentials.",
            "errors": [{"reason": "authError", "domain": "global"}],
            "status": "UNAUTHENTICATED",
        }
    }
    api.on("GET", f"{P}/commentThreads", (401, unauth, {}), when=token_is("NEXT"))
    first = yt.fetch({})
    assert ids([first]) == ["Ugw1"]
    with pytest.raises(ReconnectNeeded):
        yt.fetch(first.cursor)


def test_429_then_success_and_500s(api: FakeApi, yt: YouTubeConnector) -> None:
    api.on("GET", f"{P}/commentThreads", (429, "", {"Retry-After": "7"}), listing([]))
    with pytest.raises(RateLimited) as err:
        yt.fetch({})
    assert err.value.retry_after_s == 7.0
    assert yt.fetch({}).done
    api.on("GET", f"{P}/commentThreads", (503, "", {}))
    with pytest.raises(TransientChannelError):
        yt.fetch({})


def test_malformed_threads_are_rejected(api: FakeApi, yt: YouTubeConnector) -> None:
    no_snippet = {"kind": "youtube#commentThread", "id": "Ugw9"}
    bad_reply = thread("Ugw1", "ok", [{"id": "Ugw1.x", "snippet": {"publishedAt": "never"}}])
    api.on("GET", f"{P}/commentThreads", listing([no_snippet, bad_reply]))
    page = yt.fetch({})
    assert ids([page]) == ["Ugw1"]
    assert [(r.external_id, r.reason) for r in page.rejected] == [
        ("Ugw9", "snippet is not an object"),
        ("Ugw1.x", "publishedAt is not a date: 'never'"),
    ]


def test_deliver_reply_and_moderation(api: FakeApi, yt: YouTubeConnector) -> None:
    api.on("POST", f"{P}/comments", yt_comment("Ugw1.new", "Thanks", parent="Ugw1", author=CHANNEL))
    api.on("POST", f"{P}/comments/setModerationStatus", (204, None, {}))
    assert (
        yt.deliver(OutgoingAction(OutboxAction.REPLY, "Thanks", target_external_id="Ugw1.r1")).remote_id == "Ugw1.new"
    )
    yt.deliver(OutgoingAction(OutboxAction.HIDE, target_external_id="Ugw1"))
    yt.deliver(
        OutgoingAction(
            OutboxAction.SET_MODERATION,
            target_external_id="Ugw1",
            extra={"moderation_status": "rejected", "ban_author": True},
        )
    )
    assert [(c.method, c.path, c.args, c.body) for c in api.calls] == [
        ("POST", f"{P}/comments", {"part": "snippet"}, {"snippet": {"parentId": "Ugw1", "textOriginal": "Thanks"}}),
        ("POST", f"{P}/comments/setModerationStatus", {"id": "Ugw1", "moderationStatus": "heldForReview"}, None),
        (
            "POST",
            f"{P}/comments/setModerationStatus",
            {"id": "Ugw1", "moderationStatus": "rejected", "banAuthor": "true"},
            None,
        ),
    ]
    with pytest.raises(ChannelError):
        yt.deliver(
            OutgoingAction(OutboxAction.SET_MODERATION, target_external_id="Ugw1", extra={"moderation_status": "x"})
        )


def test_find_delivered_lists_replies(api: FakeApi, yt: YouTubeConnector) -> None:
    mine = yt_comment("Ugw1.new", "Thanks", published="2026-11-24T08:59:00Z", parent="Ugw1", author=CHANNEL)
    api.on("GET", f"{P}/comments", {"items": [yt_comment("Ugw1.a", "Thanks", parent="Ugw1")]}, when=token_is(None))
    api.on("GET", f"{P}/comments", {"items": [mine]}, when=token_is(None))
    action = OutgoingAction(OutboxAction.REPLY, "Thanks", target_external_id="Ugw1")
    found = yt.find_delivered(action, since=utc(2026, 11, 24, 8))
    assert found is not None and found.remote_id == "Ugw1.new"
    assert api.calls[0].args["parentId"] == "Ugw1"
    with pytest.raises(NotImplementedError):
        yt.find_delivered(OutgoingAction(OutboxAction.HIDE, target_external_id="Ugw1"), since=utc(2026, 11, 24))


def test_check(api: FakeApi, yt: YouTubeConnector) -> None:
    api.on("GET", f"{P}/channels", {"items": [{"id": CHANNEL, "snippet": {"title": "Pharma DE"}}]})
    assert yt.check() == "YouTube channel Pharma DE"
