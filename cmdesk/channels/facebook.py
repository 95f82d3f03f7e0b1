"""Facebook Page connector: comments under the page's posts and Messenger conversations, over the Graph API.

A sync round walks three stages, one Graph page per ``fetch``: the page's recent posts
(queued), each queued post's comments newest first (stopping at the last round's start),
then Messenger conversations by last update. The cursor holds the stage, the token-free
``next`` link and the queue, so the sync engine can commit each page with its cursor.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import requests

from cmdesk.channels.base import Delivery, OutgoingAction, Page
from cmdesk.channels.errors import unsupported_action
from cmdesk.channels.graph import DEFAULT_GRAPH_URL, MAX_PAGE_LIMIT, PAGE_LIMIT, GraphClient, unix
from cmdesk.channels.http import Malformed, need_str, normalise_all, opt_str, opt_time, parse_time, text_of
from cmdesk.clock import Clock
from cmdesk.errors import ChannelError
from cmdesk.model import ChannelKind, Direction, IncomingMessage, MessageKind, OutboxAction

POST_FIELDS = "id,message,created_time,updated_time,permalink_url,from"
COMMENT_FIELDS = (
    "id,message,from,created_time,parent{id},comment_count,like_count,is_hidden,can_reply_privately,"
    "permalink_url,attachment"
)
CONVERSATION_FIELDS = "id,updated_time,link,participants,messages{id,message,from,to,created_time}"
LOOKBACK_DAYS = 30  # comments are read under posts of the last month; older posts rarely get new comments
OVERLAP_S = 300  # re-read five minutes before the last round: clocks differ, the store drops duplicates
UNKNOWN_AUTHOR = "Facebook user"


class FacebookConnector:
    """One Facebook Page, read and answered with a Page access token."""

    kind = "facebook"

    def __init__(
        self,
        *,
        page_id: str,
        token: str | None,
        clock: Clock,
        base_url: str = DEFAULT_GRAPH_URL,
        session: requests.Session | None = None,
        lookback_days: int = LOOKBACK_DAYS,
    ) -> None:
        self.page_id = page_id
        self.clock = clock
        self.lookback = timedelta(days=lookback_days)
        self.graph = GraphClient(base_url=base_url, token=token, clock=clock, session=session)

    # ------------------------------------------------------------------ fetch

    def fetch(self, cursor: dict[str, Any]) -> Page:
        state = dict(cursor)
        if "stage" not in state:
            state.update(stage="posts", next=None, queue=[], round_started=unix(self.clock.now()))
        while True:
            stage = state["stage"]
            if stage == "posts":
                return self._posts(state)
            if stage == "comments":
                if not state["queue"]:
                    state.update(stage="conversations", next=None)
                    continue
                return self._comments(state)
            if stage == "conversations":
                return self._conversations(state)
            state = {"since": state.get("since")}  # unknown stage (older cursor): restart the round
            state.update(stage="posts", next=None, queue=[], round_started=unix(self.clock.now()))

    def _posts(self, state: dict[str, Any]) -> Page:
        since = unix(self.clock.now() - self.lookback)
        params = {"fields": POST_FIELDS, "limit": MAX_PAGE_LIMIT, "since": since}
        raws, nxt = self.graph.page(state["next"] or f"{self.page_id}/posts", params)
        items, rejected = normalise_all(raws, lambda raw: [self._post(raw)])
        queue = list(state["queue"])
        queue.extend(m.external_id for m in items if m.external_id not in queue)
        state.update(queue=queue, next=nxt, stage="posts" if nxt else "comments")
        return Page(items=tuple(items), cursor=state, done=False, rejected=tuple(rejected))

    def _comments(self, state: dict[str, Any]) -> Page:
        post_id = state["queue"][0]
        params = {
            "fields": COMMENT_FIELDS,
            "filter": "stream",
            "order": "reverse_chronological",
            "limit": MAX_PAGE_LIMIT,
        }
        raws, nxt = self.graph.page(state["next"] or f"{post_id}/comments", params)
        items, rejected = normalise_all(raws, lambda raw: [self._comment(raw, post_id)])
        if nxt and not self._older_than_since(items, state):
            state.update(next=nxt)
        else:
            state.update(next=None, queue=state["queue"][1:])
        return Page(items=tuple(items), cursor=state, done=False, rejected=tuple(rejected))

    def _conversations(self, state: dict[str, Any]) -> Page:
        params = {"platform": "messenger", "fields": CONVERSATION_FIELDS, "limit": PAGE_LIMIT}
        raws, nxt = self.graph.page(state["next"] or f"{self.page_id}/conversations", params)
        items, rejected = normalise_all(raws, self._conversation)
        since = state.get("since")
        updated = [opt_time(r.get("updated_time")) for r in raws if isinstance(r, dict)]
        reached_old = since is not None and any(u is not None and unix(u) < since for u in updated)
        if nxt and not reached_old:
            state.update(next=nxt)
            return Page(items=tuple(items), cursor=state, done=False, rejected=tuple(rejected))
        done_cursor = {"since": state["round_started"] - OVERLAP_S}
        return Page(items=tuple(items), cursor=done_cursor, done=True, rejected=tuple(rejected))

    @staticmethod
    def _older_than_since(items: list[IncomingMessage], state: dict[str, Any]) -> bool:
        """Comments come newest first: once one predates the last round, the rest were read then."""
        since = state.get("since")
        return since is not None and any(unix(m.created_at) < since for m in items)

    # ------------------------------------------------------------------ normalisation

    def _author(self, raw: dict[str, Any]) -> tuple[str | None, str, Direction]:
        who = raw.get("from")
        if who is not None and not isinstance(who, dict):
            raise Malformed("from is not an object")
        author_id = opt_str(who, "id")
        name = opt_str(who, "name") or UNKNOWN_AUTHOR
        direction = Direction.OUTBOUND if author_id == self.page_id else Direction.INBOUND
        return author_id, name, direction

    def _post(self, raw: dict[str, Any]) -> IncomingMessage:
        author_id, name, direction = self._author(raw)
        created = parse_time(raw.get("created_time"))
        updated = opt_time(raw.get("updated_time"))
        return IncomingMessage(
            external_id=need_str(raw, "id"),
            kind=MessageKind.POST,
            text=text_of(raw, "message"),
            created_at=created,
            author_external_id=author_id,
            author_name=name,
            url=opt_str(raw, "permalink_url"),
            direction=direction,
            edited_at=updated if updated is not None and updated > created else None,
            raw=raw,
        )

    def _comment(self, raw: dict[str, Any], post_id: str) -> IncomingMessage:
        author_id, name, direction = self._author(raw)
        parent = raw.get("parent")
        if parent is not None and not isinstance(parent, dict):
            raise Malformed("parent is not an object")
        parent_id = opt_str(parent, "id")
        hidden = raw.get("is_hidden")
        return IncomingMessage(
            external_id=need_str(raw, "id"),
            kind=MessageKind.REPLY if parent_id else MessageKind.COMMENT,
            text=text_of(raw, "message"),
            created_at=parse_time(raw.get("created_time")),
            author_external_id=author_id,
            author_name=name,
            thread_external_id=post_id,
            parent_external_id=parent_id or post_id,
            url=opt_str(raw, "permalink_url"),
            direction=direction,
            hidden=hidden is True,
            raw=raw,
        )

    def _conversation(self, raw: dict[str, Any]) -> list[IncomingMessage]:
        conversation_id = need_str(raw, "id")
        messages = raw.get("messages")
        data = messages.get("data") if isinstance(messages, dict) else None
        if not isinstance(data, list):
            raise Malformed("conversation has no messages list")
        link = opt_str(raw, "link")
        out: list[IncomingMessage] = []
        for message in data:
            if not isinstance(message, dict):
                raise Malformed("message is not an object")
            author_id, name, direction = self._author(message)
            out.append(
                IncomingMessage(
                    external_id=need_str(message, "id"),
                    kind=MessageKind.DIRECT_MESSAGE,
                    text=text_of(message, "message"),
                    created_at=parse_time(message.get("created_time")),
                    author_external_id=author_id,
                    author_name=name,
                    thread_external_id=conversation_id,
                    url=f"https://www.facebook.com{link}" if link and link.startswith("/") else link,
                    direction=direction,
                    raw=message,
                )
            )
        return out

    # ------------------------------------------------------------------ deliver

    @staticmethod
    def _is_direct(action: OutgoingAction) -> bool:
        return action.extra.get("kind") == MessageKind.DIRECT_MESSAGE.value or (
            action.thread_external_id or ""
        ).startswith("t_")

    @staticmethod
    def _target(action: OutgoingAction) -> str:
        if not action.target_external_id:
            raise ChannelError("The message to act on has no Facebook id.")
        return action.target_external_id

    def deliver(self, action: OutgoingAction) -> Delivery:
        if action.action is OutboxAction.REPLY and self._is_direct(action):
            recipient = action.extra.get("recipient_id")
            if not isinstance(recipient, str) or not recipient:
                raise ChannelError("A Messenger reply needs the person's id; it is missing.")
            body = self.graph.post(
                f"{self.page_id}/messages",
                json_body={
                    "recipient": {"id": recipient},
                    "messaging_type": "RESPONSE",
                    "message": {"text": action.text},
                },
            )
            return Delivery(remote_id=opt_str(body if isinstance(body, dict) else None, "message_id"))
        target = self._target(action)
        if action.action is OutboxAction.REPLY:
            body = self.graph.post(f"{target}/comments", json_body={"message": action.text})
            return Delivery(remote_id=opt_str(body if isinstance(body, dict) else None, "id"))
        if action.action is OutboxAction.PRIVATE_REPLY:
            body = self.graph.post(
                f"{self.page_id}/messages",
                json_body={"recipient": {"comment_id": target}, "message": {"text": action.text}},
            )
            return Delivery(remote_id=opt_str(body if isinstance(body, dict) else None, "message_id"))
        if action.action in (OutboxAction.HIDE, OutboxAction.UNHIDE):
            self.graph.post(target, json_body={"is_hidden": action.action is OutboxAction.HIDE})
            return Delivery(remote_id=target)
        raise unsupported_action(ChannelKind.FACEBOOK, action.action)

    def find_delivered(self, action: OutgoingAction, *, since: datetime) -> Delivery | None:
        """Comment replies: look under the comment for our page's reply with the same text; hide: read is_hidden."""
        if self._is_direct(action) or action.action not in (OutboxAction.REPLY, OutboxAction.HIDE, OutboxAction.UNHIDE):
            raise NotImplementedError("Facebook cannot tell whether this message was already sent.")
        target = self._target(action)
        if action.action is not OutboxAction.REPLY:
            body = self.graph.get(target, {"fields": "id,is_hidden"})
            hidden = body.get("is_hidden") if isinstance(body, dict) else None
            return Delivery(remote_id=target) if hidden is (action.action is OutboxAction.HIDE) else None
        params = {"fields": "id,message,from,created_time,permalink_url", "order": "reverse_chronological"}
        url: str | None = f"{target}/comments"
        while url:
            raws, url = self.graph.page(url, params)
            for raw in raws:
                if not isinstance(raw, dict):
                    continue
                created = opt_time(raw.get("created_time"))
                if created is not None and created < since:
                    return None
                who = raw.get("from")
                if opt_str(who if isinstance(who, dict) else None, "id") != self.page_id:
                    continue
                if isinstance(raw.get("message"), str) and raw["message"].strip() == action.text.strip():
                    return Delivery(remote_id=opt_str(raw, "id"), remote_url=opt_str(raw, "permalink_url"))
        return None

    def check(self) -> str:
        body = self.graph.get(self.page_id, {"fields": "id,name"})
        name = opt_str(body if isinstance(body, dict) else None, "name") or self.page_id
        return f"Facebook page {name}"
