"""Facebook Page connector against a local Graph fake: paging, failures mid-sync, normalisation, delivery."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest
import requests

from cmdesk.channels.base import OutgoingAction, Page
from cmdesk.channels.facebook import FacebookConnector
from cmdesk.clock import FixedClock, utc
from cmdesk.errors import ChannelError, RateLimited, ReconnectNeeded, TransientChannelError
from cmdesk.model import Direction, IncomingMessage, MessageKind, OutboxAction

if TYPE_CHECKING:
    from tests.unit.channels.conftest import FakeApi

TOKEN = "EAAB-page-token"
V = "/v19.0"


def comment(cid: str, text: str, created: str, *, parent: str | None = None, who: str = "333") -> dict[str, Any]:
    raw: dict[str, Any] = {
        "id": cid,
        "message": text,
        "from": {"id": who, "name": "Maria Keller"},
        "created_time": created,
        "comment_count": 0,
        "like_count": 1,
        "is_hidden": False,
        "can_reply_privately": True,
        "permalink_url": f"https://www.facebook.com/111/posts/222?comment_id={cid}",
    }
    if parent:
        raw["parent"] = {"id": parent}
    return raw


POST = {
    "id": "111_222",
    "message": "Our new patient leaflet is out.",
    "created_time": "2026-11-20T08:00:00+0000",
    "permalink_url": "https://www.facebook.com/111/posts/222",
    "from": {"id": "111", "name": "Pharma Page"},
}


@pytest.fixture
def fb(api: FakeApi, session: requests.Session, clock: FixedClock) -> FacebookConnector:
    return FacebookConnector(page_id="111", token=TOKEN, clock=clock, base_url=api.url(V), session=session)


def serve_one_post(api: FakeApi) -> None:
    api.on("GET", f"{V}/111/posts", api.graph_page([POST]))
    api.on("GET", f"{V}/111/conversations", api.graph_page([]))


def sync(fb: FacebookConnector, cursor: dict[str, Any] | None = None, limit: int = 20) -> list[Page]:
    pages: list[Page] = []
    cursor = cursor or {}
    for _ in range(limit):
        page = fb.fetch(cursor)
        pages.append(page)
        cursor = page.cursor
        if page.done:
            return pages
    raise AssertionError("sync did not finish")


def ids(pages: list[Page]) -> list[str]:
    return [m.external_id for p in pages for m in p.items]


def test_multi_page_comments_and_conversations(api: FakeApi, fb: FacebookConnector) -> None:
    api.on("GET", f"{V}/111/posts", api.graph_page([POST]))
    c1 = comment("222_1", "Had a headache after the first dose", "2026-11-23T10:00:00+0000")
    c2 = comment("222_2", "Same here", "2026-11-23T09:00:00+0000", parent="222_1")
    c3 = comment("222_3", "Where can I buy it?", "2026-11-22T09:00:00+0000")
    api.on(
        "GET",
        f"{V}/111_222/comments",
        api.graph_page([c1, c2], api.url(f"{V}/111_222/comments?after=C2&access_token={TOKEN}")),
        when=api.first_page,
    )
    api.on(
        "GET",
        f"{V}/111_222/comments",
        api.graph_page([], api.url(f"{V}/111_222/comments?after=C3")),
        when=api.after("C2"),
    )
    api.on("GET", f"{V}/111_222/comments", api.graph_page([c2, c3]), when=api.after("C3"))
    conversation = {
        "id": "t_10223",
        "updated_time": "2026-11-23T12:00:00+0000",
        "link": "/111/inbox/10223/",
        "messages": {
            "data": [
                {
                    "id": "m_1",
                    "message": "Is it safe in pregnancy?",
                    "from": {"id": "444", "name": "Lena", "email": "444@facebook.com"},
                    "to": {"data": [{"id": "111", "name": "Pharma Page"}]},
                    "created_time": "2026-11-23T12:00:00+0000",
                },
            ]
        },
    }
    api.on("GET", f"{V}/111/conversations", api.graph_page([conversation]))

    pages = sync(fb)

    assert ids(pages) == ["111_222", "222_1", "222_2", "222_2", "222_3", "m_1"]  # duplicates across pages are fine
    for page in pages:
        assert TOKEN not in repr(page.cursor)
    assert pages[-1].cursor == {"since": int(utc(2026, 11, 24, 9).timestamp()) - 300}
    msgs = {m.external_id: m for p in pages for m in p.items}
    assert msgs["222_1"] == IncomingMessage(
        external_id="222_1",
        kind=MessageKind.COMMENT,
        text="Had a headache after the first dose",
        created_at=utc(2026, 11, 23, 10),
        author_external_id="333",
        author_name="Maria Keller",
        thread_external_id="111_222",
        parent_external_id="111_222",
        url="https://www.facebook.com/111/posts/222?comment_id=222_1",
        raw=c1,
    )
    assert (msgs["222_2"].kind, msgs["222_2"].parent_external_id) == (MessageKind.REPLY, "222_1")
    assert msgs["111_222"].kind is MessageKind.POST and msgs["111_222"].direction is Direction.OUTBOUND
    assert (msgs["m_1"].kind, msgs["m_1"].thread_external_id, msgs["m_1"].url) == (
        MessageKind.DIRECT_MESSAGE,
        "t_10223",
        "https://www.facebook.com/111/inbox/10223/",
    )
    assert all(c.headers["Authorization"] == f"Bearer {TOKEN}" for c in api.calls)
    assert all("access_token" not in c.args for c in api.calls)


def test_incremental_sync_stops_at_last_round(api: FakeApi, fb: FacebookConnector) -> None:
    serve_one_post(api)
    since = int(utc(2026, 11, 23).timestamp())
    new = comment("222_9", "new", "2026-11-23T10:00:00+0000")
    old = comment("222_8", "old", "2026-11-22T10:00:00+0000")
    api.on("GET", f"{V}/111_222/comments", api.graph_page([new, old], api.url(f"{V}/111_222/comments?after=X")))
    pages = sync(fb, {"since": since})
    assert ids(pages) == ["111_222", "222_9", "222_8"]
    assert len(api.calls_to(f"{V}/111_222/comments")) == 1


def test_token_expires_mid_sync(api: FakeApi, fb: FacebookConnector) -> None:
    serve_one_post(api)
    api.on(
        "GET",
        f"{V}/111_222/comments",
        api.graph_page([comment("222_1", "hi", "2026-11-23T10:00:00+0000")], api.url(f"{V}/111_222/comments?after=C2")),
        when=api.first_page,
    )
    api.on(
        "GET",
        f"{V}/111_222/comments",
        (400, api.graph_error(190, "Error validating access token: Session has expired", subcode=463), {}),
        when=api.after("C2"),
    )
    first = fb.fetch({})
    second = fb.fetch(first.cursor)
    assert ids([first, second]) == ["111_222", "222_1"]
    with pytest.raises(ReconnectNeeded):
        fb.fetch(second.cursor)


def test_401_needs_reconnect(api: FakeApi, fb: FacebookConnector) -> None:
    api.on("GET", f"{V}/111/posts", (401, "", {}))
    with pytest.raises(ReconnectNeeded):
        fb.fetch({})


def test_429_then_success(api: FakeApi, fb: FacebookConnector) -> None:
    api.on("GET", f"{V}/111/posts", (429, "", {"Retry-After": "30"}), api.graph_page([POST]))
    with pytest.raises(RateLimited) as err:
        fb.fetch({})
    assert err.value.retry_after_s == 30.0
    assert ids([fb.fetch({})]) == ["111_222"]


def test_page_throttling_code_32(api: FakeApi, fb: FacebookConnector) -> None:
    api.on("GET", f"{V}/111/posts", (400, api.graph_error(32, "(#32) Page request limit reached", transient=True), {}))
    with pytest.raises(RateLimited):
        fb.fetch({})


def test_500s_become_transient_after_retries(api: FakeApi, fb: FacebookConnector) -> None:
    api.on("GET", f"{V}/111/posts", (500, api.graph_error(1, "An unknown error occurred", transient=True), {}))
    with pytest.raises(TransientChannelError):
        fb.fetch({})
    assert len(api.calls) == 3


def test_malformed_items_are_rejected_not_dropped(api: FakeApi, fb: FacebookConnector) -> None:
    api.on("GET", f"{V}/111/posts", api.graph_page([POST]))
    good = comment("222_1", "fine", "2026-11-23T10:00:00+0000")
    no_from = {"id": "222_2", "message": "author hidden", "created_time": "2026-11-23T10:00:00+0000"}
    bad_time = {"id": "222_3", "message": "x", "created_time": "yesterday"}
    api.on("GET", f"{V}/111_222/comments", api.graph_page([good, no_from, bad_time, "junk", {"message": "no id"}]))
    page = fb.fetch(fb.fetch({}).cursor)
    assert ids([page]) == ["222_1", "222_2"]
    assert page.items[1].author_external_id is None and page.items[1].author_name == "Facebook user"
    assert [(r.external_id, r.reason) for r in page.rejected] == [
        ("222_3", "created time is not a date: 'yesterday'"),
        (None, "item is not an object"),
        (None, "missing id"),
    ]


def test_paging_link_to_another_host_is_refused(api: FakeApi, fb: FacebookConnector) -> None:
    api.on("GET", f"{V}/111/posts", api.graph_page([POST], "https://evil.example/v19.0/111/posts?after=x"))
    with pytest.raises(ChannelError):
        fb.fetch(fb.fetch({}).cursor)


def test_deliver_reply_private_reply_hide_unhide_and_dm(api: FakeApi, fb: FacebookConnector) -> None:
    api.on("POST", f"{V}/222_1/comments", {"id": "222_77"})
    api.on("POST", f"{V}/111/messages", {"recipient_id": "444", "message_id": "m_99"})
    api.on("POST", f"{V}/222_1", {"success": True})
    target: dict[str, Any] = {
        "target_external_id": "222_1",
        "thread_external_id": "111_222",
        "parent_external_id": "111_222",
    }

    assert (
        fb.deliver(OutgoingAction(OutboxAction.REPLY, "Thank you, we will call you.", **target)).remote_id == "222_77"
    )
    assert fb.deliver(OutgoingAction(OutboxAction.PRIVATE_REPLY, "Please DM us.", **target)).remote_id == "m_99"
    assert fb.deliver(OutgoingAction(OutboxAction.HIDE, **target)).remote_id == "222_1"
    fb.deliver(OutgoingAction(OutboxAction.UNHIDE, **target))
    dm = OutgoingAction(
        OutboxAction.REPLY,
        "Hello Lena",
        target_external_id="m_1",
        thread_external_id="t_10223",
        extra={"kind": "direct_message", "recipient_id": "444"},
    )
    assert fb.deliver(dm).remote_id == "m_99"

    bodies = [(c.method, c.path, c.body) for c in api.calls]
    assert bodies == [
        ("POST", f"{V}/222_1/comments", {"message": "Thank you, we will call you."}),
        ("POST", f"{V}/111/messages", {"recipient": {"comment_id": "222_1"}, "message": {"text": "Please DM us."}}),
        ("POST", f"{V}/222_1", {"is_hidden": True}),
        ("POST", f"{V}/222_1", {"is_hidden": False}),
        (
            "POST",
            f"{V}/111/messages",
            {"recipient": {"id": "444"}, "messaging_type": "RESPONSE", "message": {"text": "Hello Lena"}},
        ),
    ]
    with pytest.raises(ChannelError) as err:
        fb.deliver(OutgoingAction(OutboxAction.SET_MODERATION, **target))
    assert (str(err.value), err.value.template) == (
        "Facebook cannot set a moderation status.",
        "{channel} cannot set a moderation status.",
    )


def test_reply_post_500_is_not_retried(api: FakeApi, fb: FacebookConnector) -> None:
    api.on("POST", f"{V}/222_1/comments", (503, "", {}))
    with pytest.raises(TransientChannelError):
        fb.deliver(OutgoingAction(OutboxAction.REPLY, "hi", target_external_id="222_1"))
    assert len(api.calls) == 1


def test_find_delivered(api: FakeApi, fb: FacebookConnector) -> None:
    ours = comment("222_77", "Thank you, we will call you.", "2026-11-24T08:59:00+0000", parent="222_1", who="111")
    other = comment("222_78", "Thank you, we will call you.", "2026-11-24T08:58:00+0000", parent="222_1")
    older = comment("222_70", "Thank you, we will call you.", "2026-11-01T08:58:00+0000", parent="222_1", who="111")
    api.on("GET", f"{V}/222_1/comments", api.graph_page([other, ours, older]))
    action = OutgoingAction(OutboxAction.REPLY, "Thank you, we will call you. ", target_external_id="222_1")
    found = fb.find_delivered(action, since=utc(2026, 11, 24, 8, 50))
    assert found is not None and found.remote_id == "222_77"
    missing = OutgoingAction(OutboxAction.REPLY, "Something else", target_external_id="222_1")
    assert fb.find_delivered(missing, since=utc(2026, 11, 24, 8, 50)) is None
    api.on("GET", f"{V}/222_1", {"id": "222_1", "is_hidden": True})
    assert (
        fb.find_delivered(OutgoingAction(OutboxAction.HIDE, target_external_id="222_1"), since=utc(2026, 11, 24))
        is not None
    )
    with pytest.raises(NotImplementedError):
        fb.find_delivered(
            OutgoingAction(OutboxAction.PRIVATE_REPLY, "x", target_external_id="222_1"), since=utc(2026, 11, 24)
        )


def test_check(api: FakeApi, fb: FacebookConnector) -> None:
    api.on("GET", f"{V}/111", {"id": "111", "name": "Pharma Page"})
    assert fb.check() == "Facebook page Pharma Page"


def test_no_token_is_a_channel_error(clock: FixedClock) -> None:
    with pytest.raises(ChannelError):
        FacebookConnector(page_id="111", token=None, clock=clock)
