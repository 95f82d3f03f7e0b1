"""An empty desk behind a DeskBridge, and Facebook pages served as Graph JSON from 127.0.0.1."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from pytest_httpserver import HTTPServer

from cmdesk.channels.accounts import Account
from cmdesk.desk import Desk
from tests.unit.channels.conftest import FakeApi
from ui.bridge import DeskBridge

V = "/v19.0"
TOKEN = "EAAB-page-token"


@pytest.fixture
def abridge(desk: Desk, qapp: Any) -> Iterator[DeskBridge]:
    bridge = DeskBridge(desk)
    yield bridge
    bridge.close()


@pytest.fixture
def graph(httpserver: HTTPServer) -> FakeApi:
    fake = FakeApi(httpserver)
    httpserver.expect_request(re.compile(".*")).respond_with_handler(fake.handle)
    return fake


def serve_page(api: FakeApi, page_id: str, *, comments: int, name: str = "Novalind DE") -> None:
    """A page with one post carrying ``comments`` comments and no conversations: three Graph pages to sync."""
    post_id = f"{page_id}_1"
    api.on("GET", f"{V}/{page_id}", {"id": page_id, "name": name})
    post = {
        "id": post_id,
        "message": "Our new patient leaflet is out.",
        "created_time": "2026-11-24T07:00:00+0000",
        "permalink_url": f"https://www.facebook.com/{page_id}/posts/1",
        "from": {"id": page_id, "name": name},
    }
    api.on("GET", f"{V}/{page_id}/posts", api.graph_page([post]))
    data = [
        {
            "id": f"{post_id}_{n}",
            "message": f"Question number {n} about the leaflet",
            "from": {"id": f"u{n}", "name": f"User {n}"},
            "created_time": f"2026-11-24T08:{n:02d}:00+0000",
            "permalink_url": f"https://www.facebook.com/{page_id}/posts/1?comment_id={n}",
            "is_hidden": False,
        }
        for n in range(comments)
    ]
    api.on("GET", f"{V}/{post_id}/comments", api.graph_page(data))
    api.on("GET", f"{V}/{page_id}/conversations", api.graph_page([]))


def facebook_account(desk: Desk, api: FakeApi, name: str, page_id: str, *, secret: str | None = TOKEN) -> Account:
    account = desk.accounts.add("facebook", name, {"page_id": page_id, "base_url": api.url(V)})
    if secret is not None:
        desk.accounts.set_secret(account.id, secret)
    return account


def stored(desk: Desk, name: str) -> int:
    """Messages the account stored (the clock stands still, so all arrived within the last hour)."""
    return desk.accounts.get(name).items_last_hour
