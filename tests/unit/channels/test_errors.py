"""Channel errors are whole English sentences with no internal value (action or kind) in them."""

from __future__ import annotations

import pytest

from cmdesk.channels.errors import missing_settings, unknown_setting, unsupported_action
from cmdesk.errors import ChannelError, InvalidInput
from cmdesk.model import ChannelKind, OutboxAction

ACTION_SENTENCES = {
    OutboxAction.REPLY: "Instagram cannot post replies.",
    OutboxAction.PRIVATE_REPLY: "Instagram cannot send private replies.",
    OutboxAction.HIDE: "Instagram cannot hide comments.",
    OutboxAction.UNHIDE: "Instagram cannot unhide comments.",
    OutboxAction.SET_MODERATION: "Instagram cannot set a moderation status.",
    OutboxAction.EMAIL: "Instagram cannot send e-mails.",
}
EMAIL_SENTENCES = {
    OutboxAction.REPLY: "E-mail cannot post replies.",
    OutboxAction.PRIVATE_REPLY: "E-mail cannot send private replies.",
    OutboxAction.HIDE: "E-mail cannot hide comments.",
    OutboxAction.UNHIDE: "E-mail cannot unhide comments.",
    OutboxAction.SET_MODERATION: "E-mail cannot set a moderation status.",
    OutboxAction.EMAIL: "E-mail cannot send this e-mail.",
}


@pytest.mark.parametrize("action", list(OutboxAction))
def test_every_action_has_a_whole_sentence_with_the_brand_name(action: OutboxAction) -> None:
    err = unsupported_action(ChannelKind.INSTAGRAM, action)
    assert (type(err), str(err), err.params) == (ChannelError, ACTION_SENTENCES[action], {"channel": "Instagram"})


@pytest.mark.parametrize("action", list(OutboxAction))
def test_every_action_has_a_whole_sentence_for_e_mail_with_no_param(action: OutboxAction) -> None:
    err = unsupported_action(ChannelKind.EMAIL, action)
    assert (str(err), err.template, err.params) == (EMAIL_SENTENCES[action], EMAIL_SENTENCES[action], {})


def test_the_forum_is_named_by_its_brand() -> None:
    err = unsupported_action(ChannelKind.DISCOURSE, OutboxAction.HIDE)
    assert (str(err), err.template) == ("Discourse cannot hide comments.", "{channel} cannot hide comments.")


def test_setting_errors_name_the_kind_in_words() -> None:
    errors: list[InvalidInput] = [
        unknown_setting("youtube", key="page_id", allowed=("channel_id", "country")),
        unknown_setting("email", key="page_id", allowed=("address",)),
        unknown_setting("file", key="page_id", allowed=("country",)),
        missing_settings("discourse", ["base_url", "username"]),
        missing_settings("email", ["imap_host"]),
        missing_settings("file", ["country"]),
    ]
    assert [str(err) for err in errors] == [
        "a YouTube account has no setting 'page_id'; it accepts: channel_id, country",
        "an e-mail account has no setting 'page_id'; it accepts: address",
        "a file import has no setting 'page_id'; it accepts: country",
        "a Discourse account needs the setting(s): base_url, username",
        "an e-mail account needs the setting(s): imap_host",
        "a file import needs the setting(s): country",
    ]
