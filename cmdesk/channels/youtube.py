"""YouTube connector: comment threads (with their replies) on the channel's videos, via the Data API v3.

``commentThreads.list`` with ``allThreadsRelatedToChannelId`` and ``order=time`` pages by
``pageToken``; the round stops at the first page whose activity all predates the last
round. Reads cost 1 quota unit, a reply ~50, and the daily quota resets at midnight
Pacific time (``classify`` turns ``quotaExceeded`` into ``RateLimited`` until then).
A thread carries only a subset of its replies; the rest arrive when the thread is
active again, or with ``comments.list?parentId=`` (used for ``find_delivered``).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import requests

from cmdesk.channels.base import Delivery, OutgoingAction, Page, RejectedItem
from cmdesk.channels.errors import unsupported_action
from cmdesk.channels.http import (
    Malformed,
    call,
    make_session,
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

DEFAULT_YOUTUBE_URL = "https://www.googleapis.com/youtube/v3"
MAX_RESULTS = 100
OVERLAP_S = 300
MODERATION_STATUSES = ("heldForReview", "published", "rejected")


class YouTubeConnector:
    """One YouTube channel, read and answered with an OAuth access token."""

    kind = "youtube"

    def __init__(
        self,
        *,
        channel_id: str,
        token: str | None,
        clock: Clock,
        base_url: str = DEFAULT_YOUTUBE_URL,
        session: requests.Session | None = None,
    ) -> None:
        if not token:
            raise ChannelError("This account has no access token; connect it first.")
        self.channel_id = channel_id
        self.clock = clock
        self.base_url = base_url.rstrip("/")
        self._token = token
        self._session = session or make_session()

    def _call(self, method: str, path: str, params: dict[str, Any], json_body: Any = None) -> Any:
        return call(
            self._session,
            method,
            f"{self.base_url}/{path}",
            clock=self.clock,
            secret=self._token,
            params=params,
            json_body=json_body,
            headers={"Authorization": f"Bearer {self._token}"},
        )

    # ------------------------------------------------------------------ fetch

    def fetch(self, cursor: dict[str, Any]) -> Page:
        state = dict(cursor)
        if "round_started" not in state:
            state.update(round_started=int(self.clock.now().timestamp()), page_token=None)
        params: dict[str, Any] = {
            "part": "snippet,replies",
            "allThreadsRelatedToChannelId": self.channel_id,
            "maxResults": MAX_RESULTS,
            "order": "time",
            "textFormat": "plainText",
        }
        if state.get("page_token"):
            params["pageToken"] = state["page_token"]
        body = self._call("GET", "commentThreads", params)
        if not isinstance(body, dict) or not isinstance(body.get("items", []), list):
            raise ChannelError("YouTube answered with an unexpected shape (no items list).")
        items, rejected = normalise_all(body.get("items") or [], self._thread)
        next_token = body.get("nextPageToken")
        since = state.get("since")
        reached_old = since is not None and bool(items) and all(self._activity(m) < since for m in items)
        if isinstance(next_token, str) and next_token and not reached_old:
            state["page_token"] = next_token
            return Page(items=tuple(items), cursor=state, done=False, rejected=tuple(rejected))
        return Page(
            items=tuple(items),
            cursor={"since": state["round_started"] - OVERLAP_S},
            done=True,
            rejected=tuple(rejected),
        )

    @staticmethod
    def _activity(message: IncomingMessage) -> float:
        return (message.edited_at or message.created_at).timestamp()

    # ------------------------------------------------------------------ normalisation

    def _thread(self, raw: dict[str, Any]) -> list[IncomingMessage | RejectedItem]:
        snippet = need_dict(raw.get("snippet"), "snippet")
        top_raw = need_dict(snippet.get("topLevelComment"), "topLevelComment")
        video_id = opt_str(snippet, "videoId")
        top = self._comment(top_raw, video_id=video_id, parent=None)
        out: list[IncomingMessage | RejectedItem] = [top]
        replies = raw.get("replies")
        comments = replies.get("comments") if isinstance(replies, dict) else None
        for reply in comments if isinstance(comments, list) else []:
            try:
                out.append(self._comment(need_dict(reply, "reply"), video_id=video_id, parent=top.external_id))
            except (Malformed, ValueError, TypeError) as exc:
                out.append(RejectedItem(external_id=raw_id(reply), reason=str(exc), raw=reply))
        return out

    def _comment(self, raw: dict[str, Any], *, video_id: str | None, parent: str | None) -> IncomingMessage:
        comment_id = need_str(raw, "id")
        snippet = need_dict(raw.get("snippet"), "comment snippet")
        video_id = opt_str(snippet, "videoId") or video_id
        parent_id = opt_str(snippet, "parentId") or parent
        channel = snippet.get("authorChannelId")
        author_id = opt_str(channel if isinstance(channel, dict) else None, "value")
        name = opt_str(snippet, "authorDisplayName")
        published = parse_time(snippet.get("publishedAt"), "publishedAt")
        updated = opt_time(snippet.get("updatedAt"))
        text = text_of(snippet, "textOriginal") if isinstance(snippet.get("textOriginal"), str) else None
        return IncomingMessage(
            external_id=comment_id,
            kind=MessageKind.REPLY if parent_id else MessageKind.COMMENT,
            text=text if text is not None else text_of(snippet, "textDisplay"),
            created_at=published,
            author_external_id=author_id,
            author_name=name or "YouTube user",
            author_handle=name if name and name.startswith("@") else None,
            author_profile_url=opt_str(snippet, "authorChannelUrl"),
            thread_external_id=video_id,
            parent_external_id=parent_id or video_id,
            url=f"https://www.youtube.com/watch?v={video_id}&lc={comment_id}" if video_id else None,
            direction=Direction.OUTBOUND if author_id == self.channel_id else Direction.INBOUND,
            edited_at=updated if updated is not None and updated > published else None,
            hidden=opt_str(snippet, "moderationStatus") in ("heldForReview", "likelySpam", "rejected"),
            raw=raw,
        )

    # ------------------------------------------------------------------ deliver

    @staticmethod
    def _top_level(action: OutgoingAction) -> str:
        """YouTube replies hang under the top-level comment; a reply's id is '<top-level id>.<suffix>'."""
        if not action.target_external_id:
            raise ChannelError("The comment to act on has no YouTube id.")
        return action.target_external_id.split(".", 1)[0]

    def deliver(self, action: OutgoingAction) -> Delivery:
        if action.action is OutboxAction.REPLY:
            body = self._call(
                "POST",
                "comments",
                {"part": "snippet"},
                json_body={"snippet": {"parentId": self._top_level(action), "textOriginal": action.text}},
            )
            remote = opt_str(body if isinstance(body, dict) else None, "id")
            return Delivery(remote_id=remote)
        if action.action in (OutboxAction.HIDE, OutboxAction.UNHIDE, OutboxAction.SET_MODERATION):
            if not action.target_external_id:
                raise ChannelError("The comment to act on has no YouTube id.")
            status = {OutboxAction.HIDE: "heldForReview", OutboxAction.UNHIDE: "published"}.get(
                action.action, str(action.extra.get("moderation_status", ""))
            )
            if status not in MODERATION_STATUSES:
                raise ChannelError(
                    "YouTube moderation status must be one of {statuses}.", statuses=", ".join(MODERATION_STATUSES)
                )
            params: dict[str, Any] = {"id": action.target_external_id, "moderationStatus": status}
            if status == "rejected" and action.extra.get("ban_author") is True:
                params["banAuthor"] = "true"
            self._call("POST", "comments/setModerationStatus", params)
            return Delivery(remote_id=action.target_external_id)
        raise unsupported_action(ChannelKind.YOUTUBE, action.action)

    def find_delivered(self, action: OutgoingAction, *, since: datetime) -> Delivery | None:
        """A reply: list the top-level comment's replies and look for ours with the same text."""
        if action.action is not OutboxAction.REPLY:
            raise NotImplementedError("YouTube cannot tell whether this moderation was already done.")
        params: dict[str, Any] = {
            "part": "snippet",
            "parentId": self._top_level(action),
            "maxResults": MAX_RESULTS,
            "textFormat": "plainText",
        }
        for _ in range(50):  # a bound: a thread with 5,000 replies is not where a lost reply hides
            body = self._call("GET", "comments", params)
            items = body.get("items") if isinstance(body, dict) else None
            for raw in items if isinstance(items, list) else []:
                snippet = raw.get("snippet") if isinstance(raw, dict) else None
                if not isinstance(snippet, dict):
                    continue
                channel = snippet.get("authorChannelId")
                mine = opt_str(channel if isinstance(channel, dict) else None, "value") == self.channel_id
                text = snippet.get("textOriginal") or snippet.get("textDisplay")
                published = opt_time(snippet.get("publishedAt"))
                fresh = published is None or published >= since
                if mine and fresh and isinstance(text, str) and text.strip() == action.text.strip():
                    return Delivery(remote_id=opt_str(raw, "id"))
            token = body.get("nextPageToken") if isinstance(body, dict) else None
            if not isinstance(token, str) or not token:
                return None
            params["pageToken"] = token
        return None

    def check(self) -> str:
        body = self._call("GET", "channels", {"part": "snippet", "id": self.channel_id})
        items = body.get("items") if isinstance(body, dict) else None
        if not isinstance(items, list) or not items or not isinstance(items[0], dict):
            raise ChannelError("YouTube knows no channel {channel_id}.", channel_id=self.channel_id)
        snippet = items[0].get("snippet")
        title = opt_str(snippet if isinstance(snippet, dict) else None, "title") or self.channel_id
        return f"YouTube channel {title}"
