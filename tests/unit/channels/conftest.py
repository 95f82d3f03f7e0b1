"""A local fake of the channel APIs: real JSON shapes served from 127.0.0.1 by pytest-httpserver.

``api.on(method, path, *responses)`` registers answers for a path; each call consumes the
next answer and the last one repeats. ``when`` picks a route by query/body (e.g. the
``after`` cursor), so one path can serve several pages. Every request is recorded in
``api.calls`` so tests can assert the endpoint and parameters a delivery used.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pytest
import requests
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from cmdesk.channels.http import make_session

Answer = tuple[int, Any, dict[str, str]]


@dataclass
class Call:
    method: str
    path: str
    args: dict[str, str]
    body: Any
    headers: dict[str, str]


@dataclass
class Route:
    method: str
    path: str
    answers: list[Answer]
    when: Callable[[Call], bool] | None
    served: int = 0


@dataclass
class FakeApi:
    server: HTTPServer
    routes: list[Route] = field(default_factory=list)
    calls: list[Call] = field(default_factory=list)

    def url(self, path: str = "") -> str:
        return self.server.url_for(path).rstrip("/")

    def on(
        self,
        method: str,
        path: str,
        *answers: Answer | Any,
        when: Callable[[Call], bool] | None = None,
    ) -> Route:
        """Answers are (status, json, headers) tuples or a bare JSON body (200)."""
        norm = [a if isinstance(a, tuple) else (200, a, {}) for a in answers]
        route = Route(method, path, norm, when)
        self.routes.insert(0, route)  # later, more specific routes win
        return route

    def handle(self, request: Request) -> Response:
        raw = request.get_data(as_text=True)
        body: Any
        try:
            body = json.loads(raw) if raw else None
        except ValueError:
            body = dict(request.form)
        call = Call(request.method, request.path, dict(request.args), body, dict(request.headers))
        self.calls.append(call)
        for route in self.routes:
            if (
                route.method == request.method
                and route.path == request.path
                and (route.when is None or route.when(call))
            ):
                status, payload, headers = route.answers[min(route.served, len(route.answers) - 1)]
                route.served += 1
                text = payload if isinstance(payload, str) else ("" if payload is None else json.dumps(payload))
                return Response(text, status=status, headers=headers, content_type="application/json")
        return Response(json.dumps({"error": {"message": "no route", "code": 803}}), status=404)

    # ------------------------------------------------------------ Graph shapes

    @staticmethod
    def graph_page(data: list[Any], next_url: str | None = None) -> dict[str, Any]:
        """The Graph cursor envelope, as in the Graph API 'results' documentation."""
        paging: dict[str, Any] = {"cursors": {"before": "NDMyNzQyODI3OTQw", "after": "MTAxNTExOTQ1MjAwNzI5NDE="}}
        if next_url:
            paging["next"] = next_url
        return {"data": data, "paging": paging}

    @staticmethod
    def graph_error(code: int, message: str, *, subcode: int | None = None, transient: bool = False) -> dict[str, Any]:
        err: dict[str, Any] = {
            "message": message,
            "type": "OAuthException",
            "code": code,
            "fbtrace_id": "AbCdEfGh123",
            "is_transient": transient,
        }
        if subcode is not None:
            err["error_subcode"] = subcode
        return {"error": err}

    @staticmethod
    def after(cursor: str) -> Callable[[Call], bool]:
        return lambda call: call.args.get("after") == cursor

    @staticmethod
    def first_page(call: Call) -> bool:
        return "after" not in call.args

    def calls_to(self, path: str, method: str | None = None) -> list[Call]:
        return [c for c in self.calls if c.path == path and (method is None or c.method == method)]


@pytest.fixture
def api(httpserver: HTTPServer) -> FakeApi:
    fake = FakeApi(httpserver)
    httpserver.expect_request(re.compile(".*")).respond_with_handler(fake.handle)
    return fake


@pytest.fixture
def session() -> requests.Session:
    """The production session, with retries kept and the back-off shrunk to nothing."""
    return make_session(retries=2, backoff_factor=0, timeout=(2.0, 5.0))
