"""Discourse connector: the patient community forum's latest posts and the desk user's private messages.

``/posts.json`` lists posts newest first and pages back with ``before=<smallest id>``;
post ids only grow, so a round stops at the highest id of the last round. Private
messages are topics: list ``/topics/private-messages/{username}.json`` (by last post),
queue the ones active since the last round, then read each ``/t/{id}.json``.
Auth is an admin or user-scoped API key sent as ``Api-Key`` with ``Api-Username``.
"""

from __future__ import annotations

import html
import re
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

import requests

from cmdesk.channels.base import Delivery, OutgoingAction, Page
from cmdesk.channels.errors import unsupported_action
from cmdesk.channels.http import Malformed, call, make_session, need_str, normalise_all, opt_str, opt_time, parse_time
from cmdesk.channels.http import text_of as _text_of
from cmdesk.clock import Clock
from cmdesk.errors import ChannelError
from cmdesk.model import ChannelKind, Direction, IncomingMessage, MessageKind, OutboxAction

LOOKBACK_DAYS = 30  # the first sync reads a month back, not the forum's whole history
OVERLAP_S = 300
CHUNK = 20  # Discourse returns posts of a topic in chunks of 20
_TAG = re.compile(r"<[^>]+>")


def plain_text(cooked: str) -> str:
    """Discourse's rendered HTML (``cooked``) as plain text, for posts whose ``raw`` we were not given."""
    return html.unescape(_TAG.sub("", cooked)).strip()


class DiscourseConnector:
    """One Discourse forum, read and answered as one forum user with an API key."""

    kind = "discourse"

    def __init__(
        self,
        *,
        base_url: str,
        username: str,
        api_key: str | None,
        clock: Clock,
        session: requests.Session | None = None,
        lookback_days: int = LOOKBACK_DAYS,
    ) -> None:
        if not api_key:
            raise ChannelError("This forum account has no API key; connect it first.")
        self.base_url = base_url.rstrip("/")
        self.username = username
        self.clock = clock
        self.lookback = timedelta(days=lookback_days)
        self._key = api_key
        self._session = session or make_session()

    def _call(self, method: str, path: str, params: Any = None, json_body: Any = None) -> Any:
        return call(
            self._session,
            method,
            f"{self.base_url}/{path.lstrip('/')}",
            clock=self.clock,
            secret=self._key,
            params=params,
            json_body=json_body,
            headers={"Api-Key": self._key, "Api-Username": self.username},
        )

    # ------------------------------------------------------------------ fetch

    def fetch(self, cursor: dict[str, Any]) -> Page:
        state = dict(cursor)
        if state.get("stage") not in ("posts", "pm_list", "pm_topics"):
            state = {
                "high": state.get("high"),
                "since": state.get("since"),
                "stage": "posts",
                "before": None,
                "round_high": state.get("high"),
                "round_started": int(self.clock.now().timestamp()),
                "pm_page": 0,
                "queue": [],
            }
        if state["stage"] == "posts":
            return self._posts(state)
        if state["stage"] == "pm_list":
            return self._pm_list(state)
        return self._pm_topic(state)

    def _oldest_wanted(self, state: dict[str, Any]) -> float:
        since = state.get("since")
        return float(since) if since is not None else (self.clock.now() - self.lookback).timestamp()

    def _posts(self, state: dict[str, Any]) -> Page:
        params = {"before": state["before"]} if state["before"] else None
        body = self._call("GET", "posts.json", params)
        raws = body.get("latest_posts") if isinstance(body, dict) else None
        if not isinstance(raws, list):
            raise ChannelError("The forum answered with an unexpected shape (no latest_posts).")
        items, rejected = normalise_all(raws, lambda raw: [self._post(raw, MessageKind.FORUM_POST)])
        ids = [r["id"] for r in raws if isinstance(r, dict) and isinstance(r.get("id"), int)]
        high = state.get("high")
        if ids:
            state["round_high"] = max([*ids, state.get("round_high") or 0])
        reached_known = high is not None and any(i <= high for i in ids)
        too_old = high is None and any(m.created_at.timestamp() < self._oldest_wanted(state) for m in items)
        if not ids or reached_known or too_old or min(ids) <= 1:
            state.update(stage="pm_list", before=None)
        else:
            state["before"] = min(ids)
        return self._page(items, rejected, state)

    def _pm_list(self, state: dict[str, Any]) -> Page:
        body = self._call(
            "GET",
            f"topics/private-messages/{self.username}.json",
            {"page": state["pm_page"]} if state["pm_page"] else None,
        )
        topic_list = body.get("topic_list") if isinstance(body, dict) else None
        topics = topic_list.get("topics") if isinstance(topic_list, dict) else None
        if not isinstance(topics, list):
            raise ChannelError("The forum answered with an unexpected shape (no topic_list).")
        oldest = self._oldest_wanted(state)
        queue = list(state["queue"])
        reached_old = False
        for topic in topics:
            last = opt_time(topic.get("last_posted_at") or topic.get("bumped_at")) if isinstance(topic, dict) else None
            tid = topic.get("id") if isinstance(topic, dict) else None
            if last is not None and last.timestamp() < oldest:
                reached_old = True
            elif isinstance(tid, int) and tid not in queue:
                queue.append(tid)
        more = isinstance(topic_list, dict) and bool(topic_list.get("more_topics_url"))
        if topics and more and not reached_old and state["pm_page"] < 50:
            state.update(queue=queue, pm_page=state["pm_page"] + 1)
        else:
            state.update(queue=queue, stage="pm_topics")
        return self._page([], [], state)

    def _pm_topic(self, state: dict[str, Any]) -> Page:
        if not state["queue"]:
            return self._page([], [], state)
        topic_id = state["queue"][0]
        raws = self._topic_posts(topic_id)
        items, rejected = normalise_all(raws, lambda raw: [self._post(raw, MessageKind.DIRECT_MESSAGE)])
        state["queue"] = state["queue"][1:]
        return self._page(items, rejected, state)

    def _topic_posts(self, topic_id: int | str) -> list[Any]:
        """The topic's latest posts: the first chunk, plus the tail of the stream when the topic is long."""
        body = self._call("GET", f"t/{topic_id}.json")
        stream = body.get("post_stream") if isinstance(body, dict) else None
        posts = stream.get("posts") if isinstance(stream, dict) else None
        if not isinstance(posts, list):
            raise ChannelError("The forum answered with an unexpected shape (no post_stream).")
        have = {p.get("id") for p in posts if isinstance(p, dict)}
        ids = stream.get("stream") if isinstance(stream, dict) else None
        tail = [i for i in (ids if isinstance(ids, list) else [])[-CHUNK:] if isinstance(i, int) and i not in have]
        if tail:
            more = self._call("GET", f"t/{topic_id}/posts.json", {"post_ids[]": tail})
            more_stream = more.get("post_stream") if isinstance(more, dict) else None
            extra = more_stream.get("posts") if isinstance(more_stream, dict) else None
            posts = posts + (extra if isinstance(extra, list) else [])
        return posts

    def _page(self, items: list[IncomingMessage], rejected: list[Any], state: dict[str, Any]) -> Page:
        if state["stage"] == "pm_topics" and not state["queue"]:
            cursor = {"high": state.get("round_high"), "since": state["round_started"] - OVERLAP_S}
            return Page(items=tuple(items), cursor=cursor, done=True, rejected=tuple(rejected))
        return Page(items=tuple(items), cursor=state, done=False, rejected=tuple(rejected))

    # ------------------------------------------------------------------ normalisation

    def _post(self, raw: dict[str, Any], kind: MessageKind) -> IncomingMessage:
        post_id = need_str(raw, "id")
        topic_id = need_str(raw, "topic_id")
        username = opt_str(raw, "username")
        created = parse_time(raw.get("created_at"))
        updated = opt_time(raw.get("updated_at"))
        version = raw.get("version")
        text = _text_of(raw, "raw") if isinstance(raw.get("raw"), str) else plain_text(_text_of(raw, "cooked"))
        number = raw.get("post_number")
        if number is not None and (not isinstance(number, int) or isinstance(number, bool)):
            raise Malformed("post_number is not a number")
        slug = opt_str(raw, "topic_slug")
        path = f"/t/{slug}/{topic_id}" if slug else f"/t/{topic_id}"
        return IncomingMessage(
            external_id=post_id,
            kind=kind,
            text=text,
            created_at=created,
            author_external_id=opt_str(raw, "user_id"),
            author_name=opt_str(raw, "name") or username or "forum user",
            author_handle=username,
            author_profile_url=f"{self.base_url}/u/{username}" if username else None,
            thread_external_id=topic_id,
            parent_external_id=topic_id,
            url=f"{self.base_url}{path}/{number}" if number else f"{self.base_url}{path}",
            direction=Direction.OUTBOUND if username == self.username else Direction.INBOUND,
            edited_at=updated if isinstance(version, int) and version > 1 and updated is not None else None,
            deleted=raw.get("deleted_at") is not None or raw.get("user_deleted") is True,
            hidden=raw.get("hidden") is True,
            raw=raw,
        )

    # ------------------------------------------------------------------ deliver

    def deliver(self, action: OutgoingAction) -> Delivery:
        """Reply in the topic (a private message is a topic too); Discourse has no hide for API users here."""
        if action.action is not OutboxAction.REPLY:
            raise unsupported_action(ChannelKind.DISCOURSE, action.action)
        topic = action.thread_external_id
        if not topic or not topic.isdigit():
            raise ChannelError("The forum post to answer has no topic id.")
        payload: dict[str, Any] = {"topic_id": int(topic), "raw": action.text}
        number = action.extra.get("post_number")
        if isinstance(number, int) and not isinstance(number, bool) and number > 1:
            payload["reply_to_post_number"] = number
        body = self._call("POST", "posts.json", json_body=payload)
        post = body if isinstance(body, dict) else {}
        return Delivery(remote_id=opt_str(post, "id"), remote_url=self._post_url(post))

    def _post_url(self, post: dict[str, Any]) -> str | None:
        topic, number, slug = opt_str(post, "topic_id"), opt_str(post, "post_number"), opt_str(post, "topic_slug")
        if not topic or not number:
            return None
        return f"{self.base_url}/t/{slug}/{topic}/{number}" if slug else f"{self.base_url}/t/{topic}/{number}"

    def find_delivered(self, action: OutgoingAction, *, since: datetime) -> Delivery | None:
        """Look at the topic's latest posts for one by our username, after ``since``, with the same text."""
        if action.action is not OutboxAction.REPLY:
            raise NotImplementedError("The forum cannot tell whether this action was already done.")
        topic = action.thread_external_id
        if not topic or not topic.isdigit():
            raise ChannelError("The forum post to answer has no topic id.")
        for post in self._topic_posts(topic):
            if not isinstance(post, dict) or post.get("username") != self.username:
                continue
            created = opt_time(post.get("created_at"))
            if created is None or created < since:
                continue
            raw = post.get("raw")
            if not isinstance(raw, str):
                full = self._call("GET", f"posts/{post.get('id')}.json")
                raw = full.get("raw") if isinstance(full, dict) else None
            if isinstance(raw, str) and raw.strip() == action.text.strip():
                return Delivery(remote_id=opt_str(post, "id"), remote_url=self._post_url(post))
        return None

    def check(self) -> str:
        body = self._call("GET", f"u/{self.username}.json")
        user = body.get("user") if isinstance(body, dict) else None
        name = opt_str(user if isinstance(user, dict) else None, "username") or self.username
        return f"Discourse forum {urlsplit(self.base_url).hostname} as {name}"
