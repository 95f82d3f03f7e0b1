"""The registry names the missing settings of an account in a whole sentence."""

from __future__ import annotations

import pytest

from cmdesk.channels.registry import connector_for
from cmdesk.clock import FixedClock, utc
from cmdesk.errors import InvalidInput


@pytest.mark.parametrize(
    ("kind", "settings", "sentence"),
    [
        ("facebook", {}, "a Facebook account needs the setting(s): page_id"),
        ("discourse", {"username": "desk"}, "a Discourse account needs the setting(s): base_url"),
        ("email", {"address": "pv@example.org"}, "an e-mail account needs the setting(s): imap_host"),
    ],
)
def test_missing_settings_are_named_with_the_kind_in_words(kind: str, settings: dict[str, str], sentence: str) -> None:
    with pytest.raises(InvalidInput) as err:
        connector_for(kind, settings, None, clock=FixedClock(utc(2026, 11, 24)))
    assert str(err.value) == sentence
