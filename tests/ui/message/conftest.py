"""The unit tests' desk with known messages, for the message pane tests that need exact data."""

from tests.unit.conftest import make_message, tdesk

__all__ = ["make_message", "tdesk"]
