"""Meta Graph API plumbing shared by the Facebook and Instagram connectors: requests, paging, item loops.

Graph pages by cursor links: follow ``paging.next`` until it is absent -- never stop on a
short page, privacy filtering can even return an empty page that has a ``next``. The
``next`` link carries ``access_token`` in its query; we strip it before it goes into the
persisted cursor (no secret in the store) and send the token as a header instead.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import requests

from cmdesk.channels.http import call, make_session, same_origin
from cmdesk.clock import Clock
from cmdesk.errors import ChannelError

DEFAULT_GRAPH_URL = "https://graph.facebook.com/v19.0"
PAGE_LIMIT = 25
# The largest ``limit`` Graph honours on the feed and comment edges. Each page is one store
# transaction, whose cost is mostly per transaction and per statement, not per row; Messenger
# conversations stay at PAGE_LIMIT (each carries its nested messages).
MAX_PAGE_LIMIT = 100


def strip_token(url: str) -> str:
    """The paging link without ``access_token`` (it must not reach the cursor, the logs or the store)."""
    parts = urlsplit(url)
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k != "access_token"]
    return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(query), parts.fragment))


class GraphClient:
    """Calls one Graph host with one token; every failure is already a cmdesk channel error."""

    def __init__(
        self, *, base_url: str, token: str | None, clock: Clock, session: requests.Session | None = None
    ) -> None:
        if not token:
            raise ChannelError("This account has no access token; connect it first.")
        self.base_url = base_url.rstrip("/")
        self.clock = clock
        self._token = token
        self._session = session or make_session()

    def url(self, path: str) -> str:
        return f"{self.base_url}/{path.lstrip('/')}"

    def request(
        self, method: str, path_or_url: str, *, params: Mapping[str, Any] | None = None, json_body: Any = None
    ) -> Any:
        url = path_or_url if path_or_url.startswith(("http://", "https://")) else self.url(path_or_url)
        if not same_origin(url, self.base_url):
            raise ChannelError("The channel sent a paging link to another host; not following it.")
        return call(
            self._session,
            method,
            url,
            clock=self.clock,
            secret=self._token,
            params=params,
            json_body=json_body,
            headers={"Authorization": f"Bearer {self._token}"},
        )

    def get(self, path_or_url: str, params: Mapping[str, Any] | None = None) -> Any:
        return self.request("GET", path_or_url, params=params)

    def post(self, path: str, params: Mapping[str, Any] | None = None, json_body: Any = None) -> Any:
        return self.request("POST", path, params=params, json_body=json_body)

    def page(self, path_or_url: str, params: Mapping[str, Any] | None = None) -> tuple[list[Any], str | None]:
        """One page of an edge: its ``data`` list and the token-free ``paging.next`` link (None at the end)."""
        body = self.get(path_or_url, params if not path_or_url.startswith(("http://", "https://")) else None)
        if not isinstance(body, dict) or not isinstance(body.get("data", []), list):
            raise ChannelError("The channel answered with an unexpected shape (no data list).")
        data: list[Any] = body.get("data") or []
        paging = body.get("paging")
        nxt = paging.get("next") if isinstance(paging, dict) else None
        return data, (strip_token(nxt) if isinstance(nxt, str) and nxt else None)


def unix(dt: datetime) -> int:
    return int(dt.timestamp())
