"""Instagram business account connector: comments and replies under the account's recent media (Graph API).

A sync round lists the account's media of the last weeks (queued with their permalinks:
IG comments have no permalink of their own), then reads each medium's comments with
their nested replies, following ``paging.next``. Comment order is not documented, so
there is no early stop: the media look-back bounds the work, and the store drops duplicates.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import requests

from cmdesk.channels.base import Delivery, OutgoingAction, Page, RejectedItem
from cmdesk.channels.errors import unsupported_action
from cmdesk.channels.graph import DEFAULT_GRAPH_URL, PAGE_LIMIT, GraphClient, unix
from cmdesk.channels.http import (
    Malformed,
    need_dict,
    need_str,
    normalise_all,
    opt_str,
    opt_time,
    parse_time,
    raw_id,
    text_of,
)
from cmdesk.clock import Clock
from cmdesk.errors import ChannelError
from cmdesk.model import ChannelKind, Direction, IncomingMessage, MessageKind, OutboxAction

MEDIA_FIELDS = "id,caption,timestamp,permalink,username,comments_count"
REPLY_FIELDS = "id,text,timestamp,username,from{id,username},like_count,hidden,parent_id"
COMMENT_FIELDS = f"{REPLY_FIELDS},replies{{{REPLY_FIELDS}}}"
LOOKBACK_DAYS = 30
OVERLAP_S = 300


class InstagramConnector:
    """One Instagram business/creator account, read and answered through the Graph API."""

    kind = "instagram"

    def __init__(
        self,
        *,
        ig_user_id: str,
        token: str | None,
        clock: Clock,
        base_url: str = DEFAULT_GRAPH_URL,
        session: requests.Session | None = None,
        lookback_days: int = LOOKBACK_DAYS,
    ) -> None:
        self.ig_user_id = ig_user_id
        self.clock = clock
        self.lookback = timedelta(days=lookback_days)
        self.graph = GraphClient(base_url=base_url, token=token, clock=clock, session=session)

    # ------------------------------------------------------------------ fetch

    def fetch(self, cursor: dict[str, Any]) -> Page:
        state = dict(cursor)
        if state.get("stage") not in ("media", "comments"):
            state = {"since": state.get("since"), "stage": "media", "next": None, "queue": []}
            state["round_started"] = unix(self.clock.now())
        if state["stage"] == "media":
            return self._media(state)
        return self._comments(state)

    def _media(self, state: dict[str, Any]) -> Page:
        params = {"fields": MEDIA_FIELDS, "limit": PAGE_LIMIT, "since": unix(self.clock.now() - self.lookback)}
        raws, nxt = self.graph.page(state["next"] or f"{self.ig_user_id}/media", params)
        items, rejected = normalise_all(raws, lambda raw: [self._medium(raw)])
        queue = list(state["queue"])
        known = {entry[0] for entry in queue}
        for item in items:
            if item.external_id not in known:
                queue.append([item.external_id, item.url])
        state.update(queue=queue, next=nxt, stage="media" if nxt else "comments")
        return self._page(items, rejected, state)

    def _comments(self, state: dict[str, Any]) -> Page:
        if not state["queue"]:
            return self._page([], [], state)
        media_id, permalink = state["queue"][0]
        params = {"fields": COMMENT_FIELDS, "limit": PAGE_LIMIT}
        raws, nxt = self.graph.page(state["next"] or f"{media_id}/comments", params)
        items, rejected = normalise_all(raws, lambda raw: self._comment_with_replies(raw, media_id, permalink))
        if nxt:
            state.update(next=nxt)
        else:
            state.update(next=None, queue=state["queue"][1:])
        return self._page(items, rejected, state)

    @staticmethod
    def _page(items: list[IncomingMessage], rejected: list[Any], state: dict[str, Any]) -> Page:
        if state["stage"] == "comments" and not state["queue"]:
            return Page(
                items=tuple(items),
                cursor={"since": state["round_started"] - OVERLAP_S},
                done=True,
                rejected=tuple(rejected),
            )
        return Page(items=tuple(items), cursor=state, done=False, rejected=tuple(rejected))

    # ------------------------------------------------------------------ normalisation

    def _medium(self, raw: dict[str, Any]) -> IncomingMessage:
        username = opt_str(raw, "username")
        return IncomingMessage(
            external_id=need_str(raw, "id"),
            kind=MessageKind.POST,
            text=text_of(raw, "caption"),
            created_at=parse_time(raw.get("timestamp")),
            author_external_id=self.ig_user_id,
            author_name=username or "our account",
            author_handle=username,
            url=opt_str(raw, "permalink"),
            direction=Direction.OUTBOUND,
            raw=raw,
        )

    def _comment(
        self, raw: dict[str, Any], media_id: str, permalink: str | None, parent: str | None
    ) -> IncomingMessage:
        who = raw.get("from")
        if who is not None and not isinstance(who, dict):
            raise Malformed("from is not an object")
        author_id = opt_str(who, "id")
        username = opt_str(who, "username") or opt_str(raw, "username")
        parent_id = opt_str(raw, "parent_id") or parent
        return IncomingMessage(
            external_id=need_str(raw, "id"),
            kind=MessageKind.REPLY if parent_id else MessageKind.COMMENT,
            text=text_of(raw, "text"),
            created_at=parse_time(raw.get("timestamp")),
            author_external_id=author_id,
            author_name=username or "Instagram user",
            author_handle=username,
            author_profile_url=f"https://www.instagram.com/{username}/" if username else None,
            thread_external_id=media_id,
            parent_external_id=parent_id or media_id,
            url=permalink,
            direction=Direction.OUTBOUND if author_id == self.ig_user_id else Direction.INBOUND,
            hidden=raw.get("hidden") is True,
            raw=raw,
        )

    def _comment_with_replies(
        self, raw: dict[str, Any], media_id: str, permalink: str | None
    ) -> list[IncomingMessage | RejectedItem]:
        top = self._comment(raw, media_id, permalink, None)
        out: list[IncomingMessage | RejectedItem] = [top]
        replies = raw.get("replies")
        data = replies.get("data") if isinstance(replies, dict) else None
        for reply in data if isinstance(data, list) else []:
            # a broken nested reply must not cost us its parent comment: reject the reply alone
            try:
                out.append(self._comment(need_dict(reply, "reply"), media_id, permalink, top.external_id))
            except (Malformed, ValueError, TypeError) as exc:
                out.append(RejectedItem(external_id=raw_id(reply), reason=str(exc), raw=reply))
        return out

    # ------------------------------------------------------------------ deliver

    @staticmethod
    def _target(action: OutgoingAction) -> str:
        if not action.target_external_id:
            raise ChannelError("The comment to act on has no Instagram id.")
        return action.target_external_id

    def deliver(self, action: OutgoingAction) -> Delivery:
        target = self._target(action)
        if action.action is OutboxAction.REPLY:
            # Instagram replies are one level deep: answering a reply answers its top-level comment
            parent = action.parent_external_id
            on = parent if parent and parent != action.thread_external_id else target
            body = self.graph.post(f"{on}/replies", json_body={"message": action.text})
            return Delivery(remote_id=opt_str(body if isinstance(body, dict) else None, "id"))
        if action.action in (OutboxAction.HIDE, OutboxAction.UNHIDE):
            self.graph.post(target, json_body={"hide": action.action is OutboxAction.HIDE})
            return Delivery(remote_id=target)
        raise unsupported_action(ChannelKind.INSTAGRAM, action.action)

    def find_delivered(self, action: OutgoingAction, *, since: datetime) -> Delivery | None:
        """A reply: look among the comment's replies for one by our account with the same text."""
        if action.action is not OutboxAction.REPLY:
            raise NotImplementedError("Instagram cannot tell whether this action was already done.")
        parent = action.parent_external_id
        on = parent if parent and parent != action.thread_external_id else self._target(action)
        url: str | None = f"{on}/replies"
        while url:
            raws, url = self.graph.page(url, {"fields": REPLY_FIELDS})
            for raw in raws:
                if not isinstance(raw, dict):
                    continue
                created = opt_time(raw.get("timestamp"))
                who = raw.get("from")
                mine = opt_str(who if isinstance(who, dict) else None, "id") == self.ig_user_id
                same = isinstance(raw.get("text"), str) and raw["text"].strip() == action.text.strip()
                if mine and same and (created is None or created >= since):
                    return Delivery(remote_id=opt_str(raw, "id"))
        return None

    def check(self) -> str:
        body = self.graph.get(self.ig_user_id, {"fields": "id,username"})
        name = opt_str(body if isinstance(body, dict) else None, "username") or self.ig_user_id
        return f"Instagram account @{name}"
