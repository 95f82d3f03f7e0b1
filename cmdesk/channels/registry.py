"""Which connector serves which channel kind, and which settings each one needs.

The account service validates settings against :data:`SETTINGS` and builds connectors
with :func:`connector_for`; it never imports a connector module itself.

Extension point: another channel (e-mail, file import) adds itself with
:func:`register` -- its required settings, its default base URL (if any) and a factory
``(settings, secret, clock, session) -> Connector`` -- without touching the kinds here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import requests

from cmdesk.channels.base import Connector
from cmdesk.channels.errors import missing_settings
from cmdesk.channels.graph import DEFAULT_GRAPH_URL
from cmdesk.channels.youtube import DEFAULT_YOUTUBE_URL
from cmdesk.clock import Clock
from cmdesk.errors import InvalidInput

Factory = Callable[[dict[str, Any], "str | None", Clock, "requests.Session | None"], Connector]

# kind -> the settings the user must give (base_url only where there is no default host)
SETTINGS: dict[str, tuple[str, ...]] = {}
# kind -> the real API host used when the account has no base_url of its own
DEFAULT_BASE_URLS: dict[str, str] = {}
_FACTORIES: dict[str, Factory] = {}


def register(kind: str, *, required: tuple[str, ...], factory: Factory, default_base_url: str | None = None) -> None:
    """Make ``kind`` known: its required settings, its factory and its default API host."""
    SETTINGS[kind] = required
    _FACTORIES[kind] = factory
    if default_base_url is not None:
        DEFAULT_BASE_URLS[kind] = default_base_url


def connector_for(
    kind: str, settings: dict[str, Any], secret: str | None, *, clock: Clock, session: requests.Session | None = None
) -> Connector:
    """Build the connector for an account from its settings and secret (the secret comes from the keyring)."""
    factory = _FACTORIES.get(kind)
    if factory is None:
        raise InvalidInput("cmdesk has no connector for channel kind {kind!r}", kind=kind)
    merged = dict(settings)
    if not merged.get("base_url") and kind in DEFAULT_BASE_URLS:
        merged["base_url"] = DEFAULT_BASE_URLS[kind]
    needed = (*SETTINGS[kind], "base_url") if kind in DEFAULT_BASE_URLS else SETTINGS[kind]
    missing = [name for name in dict.fromkeys(needed) if not merged.get(name)]
    if missing:
        raise missing_settings(kind, missing)
    return factory(merged, secret, clock, session)


def _facebook(
    settings: dict[str, Any], secret: str | None, clock: Clock, session: requests.Session | None
) -> Connector:
    from cmdesk.channels.facebook import FacebookConnector

    return FacebookConnector(
        page_id=str(settings["page_id"]), token=secret, clock=clock, base_url=settings["base_url"], session=session
    )


def _instagram(
    settings: dict[str, Any], secret: str | None, clock: Clock, session: requests.Session | None
) -> Connector:
    from cmdesk.channels.instagram import InstagramConnector

    return InstagramConnector(
        ig_user_id=str(settings["ig_user_id"]),
        token=secret,
        clock=clock,
        base_url=settings["base_url"],
        session=session,
    )


def _youtube(settings: dict[str, Any], secret: str | None, clock: Clock, session: requests.Session | None) -> Connector:
    from cmdesk.channels.youtube import YouTubeConnector

    return YouTubeConnector(
        channel_id=str(settings["channel_id"]),
        token=secret,
        clock=clock,
        base_url=settings["base_url"],
        session=session,
    )


def _discourse(
    settings: dict[str, Any], secret: str | None, clock: Clock, session: requests.Session | None
) -> Connector:
    from cmdesk.channels.discourse import DiscourseConnector

    return DiscourseConnector(
        base_url=settings["base_url"], username=str(settings["username"]), api_key=secret, clock=clock, session=session
    )


register("facebook", required=("page_id",), factory=_facebook, default_base_url=DEFAULT_GRAPH_URL)
register("instagram", required=("ig_user_id",), factory=_instagram, default_base_url=DEFAULT_GRAPH_URL)
register("youtube", required=("channel_id",), factory=_youtube, default_base_url=DEFAULT_YOUTUBE_URL)
register("discourse", required=("base_url", "username"), factory=_discourse)  # a company forum: no default host


def _email(settings: dict[str, Any], secret: str | None, clock: Clock, session: requests.Session | None) -> Connector:
    from cmdesk.channels.email import EmailConnector

    return EmailConnector(settings, secret, clock=clock)  # IMAP and SMTP: no HTTP session


register("email", required=("address", "imap_host"), factory=_email)
