"""The unit tests' desk with known messages, for widget tests that need exact data."""

from tests.unit.conftest import make_message, tdesk

__all__ = ["make_message", "tdesk"]
