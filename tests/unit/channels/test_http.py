"""The session factory and the mapping from HTTP failures to cmdesk channel errors."""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

import pytest
import requests

from cmdesk.channels.http import (
    IDEMPOTENT_METHODS,
    call,
    make_session,
    retry_after_s,
    seconds_to_pacific_midnight,
    usage_wait_s,
)
from cmdesk.clock import FixedClock, utc
from cmdesk.errors import ChannelError, RateLimited, ReconnectNeeded, TransientChannelError

if TYPE_CHECKING:
    from tests.unit.channels.conftest import FakeApi

SECRET = "EAAB-secret-token-123"


def get(api: FakeApi, session: requests.Session, clock: FixedClock, path: str = "/x") -> object:
    return call(session, "GET", api.url(path), clock=clock, secret=SECRET)


def test_session_has_user_agent_pool_and_post_is_not_retried() -> None:
    session = make_session()
    adapter = session.get_adapter("https://graph.facebook.com/")
    retry = adapter.max_retries  # type: ignore[attr-defined]
    assert str(session.headers["User-Agent"]).startswith("cmdesk/")
    assert "POST" not in IDEMPOTENT_METHODS
    assert retry.allowed_methods == IDEMPOTENT_METHODS
    assert tuple(retry.status_forcelist) == (500, 502, 503, 504)


def test_ok_returns_json(api: FakeApi, session: requests.Session, clock: FixedClock) -> None:
    api.on("GET", "/x", {"id": "1"})
    assert get(api, session, clock) == {"id": "1"}


def test_500_is_retried_then_transient(api: FakeApi, session: requests.Session, clock: FixedClock) -> None:
    api.on("GET", "/x", (500, {"error": {"message": "boom", "code": 2}}, {}))
    with pytest.raises(TransientChannelError):
        get(api, session, clock)
    assert len(api.calls) == 3  # the first try and two retries


def test_503_then_ok_is_invisible(api: FakeApi, session: requests.Session, clock: FixedClock) -> None:
    api.on("GET", "/x", (503, "", {}), {"ok": True})
    assert get(api, session, clock) == {"ok": True}


def test_post_500_is_not_retried(api: FakeApi, session: requests.Session, clock: FixedClock) -> None:
    api.on("POST", "/x", (502, "", {}))
    with pytest.raises(TransientChannelError):
        call(session, "POST", api.url("/x"), clock=clock, secret=SECRET, json_body={"message": "hi"})
    assert len(api.calls) == 1


def test_graph_190_and_401_need_reconnect(api: FakeApi, session: requests.Session, clock: FixedClock) -> None:
    api.on("GET", "/x", (400, api.graph_error(190, f"Error validating access token {SECRET}", subcode=463), {}))
    with pytest.raises(ReconnectNeeded) as err:
        get(api, session, clock)
    assert SECRET not in str(err.value)
    api.on("GET", "/y", (401, {"errors": ["unauthorised"]}, {}))
    with pytest.raises(ReconnectNeeded):
        get(api, session, clock, "/y")


@pytest.mark.parametrize("code", [4, 17, 32, 613])
def test_graph_throttle_codes(code: int, api: FakeApi, session: requests.Session, clock: FixedClock) -> None:
    api.on("GET", "/x", (400, api.graph_error(code, "(#4) Application request limit reached", transient=True), {}))
    with pytest.raises(RateLimited) as err:
        get(api, session, clock)
    assert err.value.retry_after_s == 300.0


def test_graph_throttle_uses_buc_estimate(api: FakeApi, session: requests.Session, clock: FixedClock) -> None:
    buc = (
        '{"111":[{"type":"pages","call_count":100,"total_cputime":20,"total_time":30,'
        '"estimated_time_to_regain_access":7}]}'
    )
    api.on(
        "GET", "/x", (400, api.graph_error(32, "(#32) Page request limit reached"), {"X-Business-Use-Case-Usage": buc})
    )
    with pytest.raises(RateLimited) as err:
        get(api, session, clock)
    assert err.value.retry_after_s == 420.0


def test_usage_headers() -> None:
    assert usage_wait_s({}) is None
    assert usage_wait_s({"X-App-Usage": '{"call_count":28,"total_time":25,"total_cputime":25}'}) is None
    assert usage_wait_s({"X-App-Usage": '{"call_count":100,"total_time":25,"total_cputime":25}'}) == 0.0
    assert usage_wait_s({"X-Business-Use-Case-Usage": "not json"}) is None


def test_429_retry_after_seconds_and_date(api: FakeApi, session: requests.Session, clock: FixedClock) -> None:
    api.on("GET", "/x", (429, {"errors": ["slow down"], "error_type": "rate_limit"}, {"Retry-After": "42"}))
    with pytest.raises(RateLimited) as err:
        get(api, session, clock)
    assert err.value.retry_after_s == 42.0
    assert retry_after_s("Tue, 24 Nov 2026 09:02:00 GMT", clock.now()) == 120.0
    assert retry_after_s("garbage", clock.now()) is None


def test_429_discourse_wait_seconds(api: FakeApi, session: requests.Session, clock: FixedClock) -> None:
    body = {
        "errors": ["You've performed this action too many times."],
        "error_type": "rate_limit",
        "extras": {"wait_seconds": 13, "time_left": "13 seconds"},
    }
    api.on("GET", "/x", (429, body, {}))
    with pytest.raises(RateLimited) as err:
        get(api, session, clock)
    assert err.value.retry_after_s == 13.0


def test_youtube_quota_waits_until_pacific_midnight(api: FakeApi, session: requests.Session, clock: FixedClock) -> None:
    body = {
        "error": {
            "code": 403,
            "message": "The request cannot be completed because you have exceeded your quota.",
            "errors": [{"message": "quota", "domain": "youtube.quota", "reason": "quotaExceeded"}],
        }
    }
    api.on("GET", "/x", (403, body, {}))
    with pytest.raises(RateLimited) as err:
        get(api, session, clock)
    # 2026-11-24 09:00 UTC is 01:00 PST; next Pacific midnight is 2026-11-25 08:00 UTC
    assert err.value.retry_after_s == 23 * 3600.0


def test_pacific_midnight_in_summer_time() -> None:
    assert seconds_to_pacific_midnight(utc(2026, 7, 1, 6, 30)) == timedelta(minutes=30).total_seconds()


def test_other_4xx_carries_api_message(api: FakeApi, session: requests.Session, clock: FixedClock) -> None:
    api.on("GET", "/x", (400, api.graph_error(100, "Unsupported get request."), {}))
    with pytest.raises(ChannelError) as err:
        get(api, session, clock)
    assert type(err.value) is ChannelError
    assert "Unsupported get request." in str(err.value)


def test_connection_refused_is_transient(session: requests.Session, clock: FixedClock) -> None:
    with pytest.raises(TransientChannelError) as err:
        call(session, "GET", f"http://127.0.0.1:9/x?access_token={SECRET}", clock=clock, secret=SECRET)
    assert SECRET not in str(err.value)


def test_not_json_is_transient(api: FakeApi, session: requests.Session, clock: FixedClock) -> None:
    api.on("GET", "/x", (200, "<html>maintenance</html>", {}))
    with pytest.raises(TransientChannelError):
        get(api, session, clock)
