"""Filling %1, %2 … in translated strings in one pass, so a name containing "%2" stays as typed."""

from __future__ import annotations

import re

_PLACE = re.compile(r"%(\d)")


def fill(template: str, *values: object) -> str:
    """``fill("%1 for %2 h", name, 7)``: like QString.arg, without touching text that came from the values."""

    def value(match: re.Match[str]) -> str:
        index = int(match.group(1)) - 1
        return str(values[index]) if 0 <= index < len(values) else match.group(0)

    return _PLACE.sub(value, template)
