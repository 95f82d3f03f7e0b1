"""One HTTP session for every channel, and one place that turns HTTP failures into cmdesk channel errors.

Why one factory: retries, timeouts, connection reuse and the User-Agent must be the same
for Facebook, Instagram, YouTube and Discourse, and tests must be able to shrink the
back-off to nothing without patching.

Retry policy (urllib3 ``Retry``):

* 500/502/503/504 and dropped connections are retried for GET, HEAD, OPTIONS, PUT and
  DELETE only -- the idempotent methods. A POST is **not** retried by urllib3: a reply
  whose response was lost may already be on the page, and sending it again would post it
  twice. The outbox decides instead, with ``find_delivered``. (A failure to *connect* is
  retried for every method, since then nothing was sent.)
* 429 is not retried here: the channel says how long to wait, and the sync engine must
  know it (``RateLimited.retry_after_s``) rather than have a thread sleep for minutes.
* ``raise_on_status=False``: after the last retry the 5xx response itself comes back and
  :func:`classify` maps it to ``TransientChannelError``.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime
from typing import Any, NoReturn
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

from cmdesk.channels.base import RejectedItem
from cmdesk.clock import Clock
from cmdesk.errors import ChannelError, RateLimited, ReconnectNeeded, TransientChannelError
from cmdesk.model import IncomingMessage

USER_AGENT = "cmdesk/1.0 (community desk; +https://example.invalid/cmdesk)"
DEFAULT_TIMEOUT: tuple[float, float] = (5.0, 30.0)  # (connect, read) seconds
RETRY_STATUSES = (500, 502, 503, 504)
IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})
# Graph error codes that mean "too many calls" (app, user, page, API-specific)
GRAPH_RATE_CODES = frozenset({4, 17, 32, 613, 80001})
GRAPH_TOKEN_CODES = frozenset({102, 190})
GRAPH_TRANSIENT_CODES = frozenset({1, 2})
DEFAULT_RATE_WAIT_S = 300.0  # Graph throttling without an estimate: try again in five minutes
DEFAULT_429_WAIT_S = 60.0
PACIFIC = ZoneInfo("America/Los_Angeles")


class _TimeoutAdapter(HTTPAdapter):
    """An adapter that applies a default (connect, read) timeout: requests has none, and a hung read blocks sync."""

    def __init__(self, *, timeout: tuple[float, float], retry: Retry, pool_maxsize: int) -> None:
        super().__init__(max_retries=retry, pool_connections=4, pool_maxsize=pool_maxsize)
        self._timeout = timeout

    def send(
        self,
        request: requests.PreparedRequest,
        stream: bool = False,
        timeout: float | tuple[float, float] | tuple[float, None] | None = None,
        verify: bool | str = True,
        cert: bytes | str | tuple[bytes | str, bytes | str] | None = None,
        proxies: Mapping[str, str] | None = None,
    ) -> requests.Response:
        return super().send(
            request, stream=stream, timeout=timeout or self._timeout, verify=verify, cert=cert, proxies=proxies
        )


def make_session(
    *,
    retries: int = 3,
    backoff_factor: float = 0.5,
    timeout: tuple[float, float] = DEFAULT_TIMEOUT,
    pool_maxsize: int = 8,
    user_agent: str = USER_AGENT,
) -> requests.Session:
    """Build the session every connector uses; tests pass ``backoff_factor=0`` to keep retries instant."""
    retry = Retry(
        total=retries,
        connect=retries,
        read=retries,
        status=retries,
        backoff_factor=backoff_factor,
        status_forcelist=RETRY_STATUSES,
        allowed_methods=IDEMPOTENT_METHODS,
        raise_on_status=False,
        respect_retry_after_header=False,
    )
    adapter = _TimeoutAdapter(timeout=timeout, retry=retry, pool_maxsize=pool_maxsize)
    session = requests.Session()
    session.mount("https://", adapter)
    session.mount("http://", adapter)
    session.headers["User-Agent"] = user_agent
    session.headers["Accept"] = "application/json"
    return session


# --------------------------------------------------------------------------- classification


def redact(text: str, secret: str | None) -> str:
    """Remove the secret from a text that will be shown or logged (an API may echo the token back)."""
    if secret:
        text = text.replace(secret, "***")
    return text


def _body(response: requests.Response) -> Any:
    try:
        return response.json()
    except ValueError:
        return None


def _graph_error(body: Any) -> dict[str, Any] | None:
    if isinstance(body, dict):
        err = body.get("error")
        if isinstance(err, dict):
            return err
    return None


def _api_message(body: Any, response: requests.Response) -> str:
    """The channel's own words for what went wrong (Graph, Google and Discourse shapes), else the HTTP reason."""
    err = _graph_error(body)
    if err is not None:
        for key in ("error_user_msg", "message"):
            if isinstance(err.get(key), str) and err[key]:
                return str(err[key])
    if isinstance(body, dict):
        errors = body.get("errors")
        if isinstance(errors, list) and errors and isinstance(errors[0], str):
            return "; ".join(str(e) for e in errors if isinstance(e, str))
        for key in ("message", "detail", "error"):
            if isinstance(body.get(key), str) and body[key]:
                return str(body[key])
    return f"HTTP {response.status_code} {response.reason or ''}".strip()


def _host(response: requests.Response) -> str:
    return urlsplit(response.url or "").hostname or "the channel"


def usage_wait_s(headers: Mapping[str, str]) -> float | None:
    """Seconds Meta says to wait, from ``X-Business-Use-Case-Usage`` ``estimated_time_to_regain_access`` (minutes).

    Returns 0.0 when usage headers show a limit at 100% without an estimate, None when
    the headers say nothing about throttling.
    """
    wait: float | None = None
    buc = _json_header(headers.get("X-Business-Use-Case-Usage"))
    if isinstance(buc, dict):
        for entries in buc.values():
            for entry in entries if isinstance(entries, list) else []:
                if not isinstance(entry, dict):
                    continue
                minutes = entry.get("estimated_time_to_regain_access")
                if isinstance(minutes, int | float) and not isinstance(minutes, bool) and minutes > 0:
                    wait = max(wait or 0.0, float(minutes) * 60.0)
                elif _at_limit(entry):
                    wait = max(wait or 0.0, 0.0)
    for name in ("X-App-Usage", "X-Page-Usage", "X-Ad-Account-Usage"):
        usage = _json_header(headers.get(name))
        if isinstance(usage, dict) and _at_limit(usage):
            wait = max(wait or 0.0, 0.0)
    return wait


def _json_header(value: str | None) -> Any:
    if not value:
        return None
    try:
        return json.loads(value)
    except ValueError:
        return None


def _at_limit(usage: dict[str, Any]) -> bool:
    return any(
        isinstance(usage.get(k), int | float) and usage[k] >= 100 for k in ("call_count", "total_time", "total_cputime")
    )


def retry_after_s(value: str | None, now: datetime) -> float | None:
    """Parse ``Retry-After``: either delta seconds or an HTTP date (then relative to the injected clock)."""
    if not value:
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        return None
    return max(0.0, (when - now).total_seconds())


def seconds_to_pacific_midnight(now: datetime) -> float:
    """YouTube quota resets at midnight Pacific time: seconds from ``now`` until the next one (DST-aware)."""
    local = now.astimezone(PACIFIC)
    next_midnight = datetime(local.year, local.month, local.day, tzinfo=PACIFIC) + timedelta(days=1)
    # rebuild through the date so a DST change day still lands on 00:00 local
    next_midnight = datetime(next_midnight.year, next_midnight.month, next_midnight.day, tzinfo=PACIFIC)
    return max(1.0, (next_midnight - now).total_seconds())


def _google_reasons(body: Any) -> set[str]:
    err = _graph_error(body)
    if err is None:
        return set()
    reasons = set()
    for item in err.get("errors") or []:
        if isinstance(item, dict) and isinstance(item.get("reason"), str):
            reasons.add(item["reason"])
    status = err.get("status")
    if isinstance(status, str):
        reasons.add(status)
    return reasons


def classify(failure: requests.Response | BaseException, *, clock: Clock, secret: str | None = None) -> NoReturn:
    """Raise the cmdesk channel error for a failed response or a requests exception.

    Never includes the URL (Graph paging URLs may carry the token) nor the secret.
    """
    if isinstance(failure, BaseException):
        _classify_exception(failure)
    _classify_response(failure, clock=clock, secret=secret)


def _classify_exception(exc: BaseException) -> NoReturn:
    if isinstance(exc, requests.Timeout):
        raise TransientChannelError("The channel did not answer in time; will try again.") from None
    if isinstance(exc, requests.exceptions.RetryError):
        raise TransientChannelError("The channel kept failing after several retries; will try again.") from None
    if isinstance(exc, requests.ConnectionError | ConnectionError):
        raise TransientChannelError("Could not connect to the channel (network down or connection reset).") from None
    if isinstance(exc, requests.RequestException):
        raise ChannelError("The request to the channel failed ({error_type}).", error_type=type(exc).__name__) from None
    raise exc


def _classify_response(response: requests.Response, *, clock: Clock, secret: str | None) -> NoReturn:
    status = response.status_code
    body = _body(response)
    message = redact(_api_message(body, response), secret)
    host = _host(response)
    err = _graph_error(body)
    code = err.get("code") if err is not None else None
    code = code if isinstance(code, int) and not isinstance(code, bool) else None
    reasons = _google_reasons(body)
    now = clock.now()

    if "quotaExceeded" in reasons or "dailyLimitExceeded" in reasons:
        raise RateLimited(
            "The daily API quota is used up; it resets at midnight Pacific time. ({message})",
            message=message,
            retry_after_s=seconds_to_pacific_midnight(now),
        )
    if reasons & {"rateLimitExceeded", "userRateLimitExceeded"}:
        raise RateLimited("Too many requests: {message}", message=message, retry_after_s=DEFAULT_429_WAIT_S)
    if code in GRAPH_TOKEN_CODES or status == 401:
        raise ReconnectNeeded(
            "The connection to {host} expired or was revoked; reconnect the account. ({message})",
            host=host,
            message=message,
        )
    if (
        status == 403
        and isinstance(body, dict)
        and body.get("error_type") == "invalid_access"
        and "key is invalid" in message
    ):
        raise ReconnectNeeded(
            "The API key for {host} is no longer valid; reconnect the account. ({message})", host=host, message=message
        )
    if code in GRAPH_RATE_CODES:
        raise RateLimited(
            "The channel is throttling us: {message}",
            message=message,
            retry_after_s=usage_wait_s(response.headers) or DEFAULT_RATE_WAIT_S,
        )
    if status == 429:
        header_wait = retry_after_s(response.headers.get("Retry-After"), now)
        extras = body.get("extras") if isinstance(body, dict) else None
        seconds = extras.get("wait_seconds") if isinstance(extras, dict) else None
        if header_wait is not None:
            wait = header_wait
        elif isinstance(seconds, int | float) and not isinstance(seconds, bool):
            wait = float(seconds)
        else:
            wait = DEFAULT_429_WAIT_S
        raise RateLimited("Too many requests to {host}; waiting as asked.", host=host, retry_after_s=wait)
    if status >= 500 or code in GRAPH_TRANSIENT_CODES or (err is not None and err.get("is_transient") is True):
        raise TransientChannelError(
            "{host} had a temporary problem ({message}); will try again.", host=host, message=message
        )
    raise ChannelError("{host} refused the request: {message}", host=host, message=message)


def call(
    session: requests.Session,
    method: str,
    url: str,
    *,
    clock: Clock,
    secret: str | None,
    params: Mapping[str, Any] | None = None,
    data: Mapping[str, Any] | None = None,
    json_body: Any = None,
    headers: Mapping[str, str] | None = None,
) -> Any:
    """Send one request and return its JSON (None for an empty 2xx body); any failure raises a channel error."""
    try:
        response = session.request(method, url, params=params, data=data, json=json_body, headers=headers)
    except requests.RequestException as exc:
        classify(exc, clock=clock, secret=secret)
    if not 200 <= response.status_code < 300:
        classify(response, clock=clock, secret=secret)
    if not response.content:
        return None
    try:
        return response.json()
    except ValueError:
        raise TransientChannelError(
            "{host} sent an answer that is not JSON; will try again.", host=_host(response)
        ) from None


def same_origin(url: str, base_url: str) -> bool:
    """Only follow paging links to the host we were configured for: the token goes with every request."""
    a, b = urlsplit(url), urlsplit(base_url)
    return (a.scheme, a.netloc) == (b.scheme, b.netloc)


# --------------------------------------------------------------------------- reading channel JSON safely
# Shared by every connector so that a malformed item becomes a RejectedItem with a reason, never a crash.


class Malformed(ValueError):
    """An item lacks a field we need or has it in the wrong type; the message is the RejectedItem reason."""


MAX_TEXT_CHARS = 200_000  # longer texts are cut: no real comment is this long, and the store must stay responsive


def need_dict(value: Any, what: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise Malformed(f"{what} is not an object")
    return value


def need_str(item: Mapping[str, Any], key: str) -> str:
    """A required non-empty string (ids may come as numbers, as in Discourse: accepted and turned into text)."""
    value = item.get(key)
    if isinstance(value, bool) or value is None:
        raise Malformed(f"missing {key}")
    if isinstance(value, int):
        return str(value)
    if not isinstance(value, str) or not value.strip():
        raise Malformed(f"missing {key}")
    return value


def opt_str(item: Mapping[str, Any] | None, key: str) -> str | None:
    if not isinstance(item, Mapping):
        return None
    value = item.get(key)
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return str(value)
    return value if isinstance(value, str) and value else None


def text_of(item: Mapping[str, Any], *keys: str) -> str:
    """The first text field present (a comment may have only a photo: empty text is fine), cut to a sane size."""
    for key in keys:
        value = item.get(key)
        if isinstance(value, str):
            return value[:MAX_TEXT_CHARS]
        if value is not None:
            raise Malformed(f"{key} is not text")
    return ""


def parse_time(value: Any, what: str = "created time") -> datetime:
    """Channel timestamps to aware UTC: ISO 8601 with ``Z``, ``+0000`` or ``+00:00``, or Unix seconds."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        try:
            return datetime.fromtimestamp(value, UTC)
        except (OverflowError, OSError, ValueError):
            raise Malformed(f"{what} is out of range") from None
    if not isinstance(value, str) or not value:
        raise Malformed(f"missing {what}")
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise Malformed(f"{what} is not a date: {value[:40]!r}") from None
    if parsed.tzinfo is None:
        raise Malformed(f"{what} has no time zone: {value[:40]!r}")
    return parsed.astimezone(UTC)


def opt_time(value: Any) -> datetime | None:
    try:
        return parse_time(value)
    except Malformed:
        return None


def normalise_all(
    raws: list[Any], normalise: Callable[[dict[str, Any]], Sequence[IncomingMessage | RejectedItem]]
) -> tuple[list[IncomingMessage], list[RejectedItem]]:
    """Run ``normalise`` over raw items; an item it cannot read becomes a RejectedItem with the reason.

    ``normalise`` may itself return RejectedItems (a broken nested reply under a good comment).
    """
    items: list[IncomingMessage] = []
    rejected: list[RejectedItem] = []
    for raw in raws:
        try:
            if not isinstance(raw, dict):
                raise Malformed("item is not an object")
            for out in normalise(raw):
                (rejected if isinstance(out, RejectedItem) else items).append(out)  # type: ignore[arg-type]
        except (Malformed, ValueError, TypeError, KeyError, AttributeError) as exc:
            rejected.append(RejectedItem(external_id=raw_id(raw), reason=str(exc), raw=raw))
    return items, rejected


def raw_id(raw: Any) -> str | None:
    rid = raw.get("id") if isinstance(raw, dict) else None
    return str(rid) if isinstance(rid, str | int) and not isinstance(rid, bool) else None
