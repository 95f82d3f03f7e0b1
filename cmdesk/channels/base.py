"""The one interface every channel connector implements, and the values it hands to the sync engine.

A connector only speaks its channel's API: it fetches one page at a time from a
cursor and turns the channel's JSON into :class:`~cmdesk.model.IncomingMessage`.
Storing, analysing, advancing the cursor and retrying belong to the sync engine,
so that a page and its cursor are committed together (nothing lost, nothing twice).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol

from cmdesk.model import IncomingMessage, OutboxAction


@dataclass(frozen=True)
class RejectedItem:
    """An item the connector could not normalise: stored raw with the reason, never silently dropped."""

    external_id: str | None
    reason: str
    raw: Any


@dataclass(frozen=True)
class Page:
    """One page of a fetch: the messages, the rejects, and the cursor to resume from after this page.

    ``done`` is True when the channel has nothing more right now (the cursor still moves on).
    """

    items: tuple[IncomingMessage, ...]
    cursor: dict[str, Any]
    done: bool
    rejected: tuple[RejectedItem, ...] = ()
    token_expires_at: datetime | None = None


@dataclass(frozen=True)
class Delivery:
    """What the channel answered to a reply or moderation action."""

    remote_id: str | None
    remote_url: str | None = None


@dataclass(frozen=True)
class OutgoingAction:
    """A reply or moderation action as the outbox hands it to the connector."""

    action: OutboxAction
    text: str = ""
    # the message acted on: its external id, thread and parent, as stored
    target_external_id: str | None = None
    thread_external_id: str | None = None
    parent_external_id: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


class Connector(Protocol):
    """A channel account's connection. Raise :mod:`cmdesk.errors` channel errors, never raw HTTP errors:
    ``ReconnectNeeded`` (token expired or revoked), ``RateLimited(retry_after_s)``, ``TransientChannelError``,
    ``ChannelError`` (anything else, with a message a community manager can act on)."""

    kind: str

    def fetch(self, cursor: dict[str, Any]) -> Page:
        """Fetch the next page after ``cursor`` (an empty dict on the first sync)."""
        ...

    def deliver(self, action: OutgoingAction) -> Delivery:
        """Post a reply or perform a moderation action."""
        ...

    def find_delivered(self, action: OutgoingAction, *, since: datetime) -> Delivery | None:
        """After a timeout: look remotely for a reply we may already have posted.

        Returns the delivery if found, None if surely absent; raises ``NotImplementedError`` where
        the API cannot tell (the outbox then marks the item "unknown, verify").
        """
        ...

    def check(self) -> str:
        """A cheap call that proves the settings and secret work; returns what it connected to."""
        ...
