"""Account words for the window: filling %1, %2 … in translated strings, an account's status in words."""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication

_PLACE = re.compile(r"%(\d)")


def fill(template: str, *values: object) -> str:
    """``fill("%1 for %2 h", name, 7)``: like QString.arg, without touching text that came from the values."""

    def value(match: re.Match[str]) -> str:
        index = int(match.group(1)) - 1
        return str(values[index]) if 0 <= index < len(values) else match.group(0)

    return _PLACE.sub(value, template)


def status_text(status: str) -> str:
    """An account's status as the window says it (the accounts table and the dashboard's coverage table)."""
    return {
        "active": QCoreApplication.translate("AccountsTable", "Active"),
        "paused": QCoreApplication.translate("AccountsTable", "Paused"),
        "reconnect_needed": QCoreApplication.translate("AccountsTable", "Reconnect needed"),
    }.get(status, status)
