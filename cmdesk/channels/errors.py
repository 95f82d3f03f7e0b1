"""Errors whose sentence depends on the channel kind or the action: one whole template per case.

The window translates an error by its literal template, and params stay as raised. An internal
value as a param ("set_moderation", "email") would put an English word into the German sentence,
so each action and each kind without a brand name gets a template of its own; only brand names
(Facebook, Instagram, YouTube, Discourse) go in as ``{channel}``.
"""

from __future__ import annotations

from typing import assert_never

from cmdesk.errors import ChannelError, InvalidInput
from cmdesk.model import ChannelKind, OutboxAction

# The kinds whose name is a brand, the same in every language (keyed by the kind's value).
CHANNEL_NAMES: dict[str, str] = {
    ChannelKind.FACEBOOK: "Facebook",
    ChannelKind.INSTAGRAM: "Instagram",
    ChannelKind.YOUTUBE: "YouTube",
    ChannelKind.DISCOURSE: "Discourse",
}


def unsupported_action(kind: ChannelKind, action: OutboxAction) -> ChannelError:
    """The error a connector raises for an action its channel cannot perform."""
    if kind is ChannelKind.EMAIL:
        return _unsupported_by_email(action)
    channel = CHANNEL_NAMES[kind]
    match action:
        case OutboxAction.REPLY:
            return ChannelError("{channel} cannot post replies.", channel=channel)
        case OutboxAction.PRIVATE_REPLY:
            return ChannelError("{channel} cannot send private replies.", channel=channel)
        case OutboxAction.HIDE:
            return ChannelError("{channel} cannot hide comments.", channel=channel)
        case OutboxAction.UNHIDE:
            return ChannelError("{channel} cannot unhide comments.", channel=channel)
        case OutboxAction.SET_MODERATION:
            return ChannelError("{channel} cannot set a moderation status.", channel=channel)
        case OutboxAction.EMAIL:
            return ChannelError("{channel} cannot send e-mails.", channel=channel)
        case _:
            assert_never(action)


def _unsupported_by_email(action: OutboxAction) -> ChannelError:
    # "E-mail" is no brand: German says "E-Mail", so it is part of each template
    match action:
        case OutboxAction.REPLY:
            return ChannelError("E-mail cannot post replies.")
        case OutboxAction.PRIVATE_REPLY:
            return ChannelError("E-mail cannot send private replies.")
        case OutboxAction.HIDE:
            return ChannelError("E-mail cannot hide comments.")
        case OutboxAction.UNHIDE:
            return ChannelError("E-mail cannot unhide comments.")
        case OutboxAction.SET_MODERATION:
            return ChannelError("E-mail cannot set a moderation status.")
        case OutboxAction.EMAIL:
            return ChannelError("E-mail cannot send this e-mail.")
        case _:
            assert_never(action)


def unknown_setting(kind: str, *, key: str, allowed: tuple[str, ...]) -> InvalidInput:
    """The error for a setting ``key`` an account of ``kind`` does not accept."""
    accepted = ", ".join(allowed)
    if kind == ChannelKind.EMAIL:
        return InvalidInput(
            "an e-mail account has no setting {key!r}; it accepts: {allowed}", key=key, allowed=accepted
        )
    if kind == ChannelKind.FILE:
        return InvalidInput("a file import has no setting {key!r}; it accepts: {allowed}", key=key, allowed=accepted)
    return InvalidInput(
        "a {channel} account has no setting {key!r}; it accepts: {allowed}",
        channel=_brand(kind),
        key=key,
        allowed=accepted,
    )


def missing_settings(kind: str, missing: list[str]) -> InvalidInput:
    """The error for an account of ``kind`` that lacks the settings ``missing``."""
    needed = ", ".join(missing)
    if kind == ChannelKind.EMAIL:
        return InvalidInput("an e-mail account needs the setting(s): {missing}", missing=needed)
    if kind == ChannelKind.FILE:
        return InvalidInput("a file import needs the setting(s): {missing}", missing=needed)
    return InvalidInput("a {channel} account needs the setting(s): {missing}", channel=_brand(kind), missing=needed)


def _brand(kind: str) -> str:
    # a kind registered from outside ChannelKind (the registry's extension point) goes by its own name
    return CHANNEL_NAMES.get(kind, kind)
