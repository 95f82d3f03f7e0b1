"""Icons drawn for cmdesk (resources/icons/*.svg), loaded once and cached."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QIcon

from cmdesk.paths import resource_path


@cache
def icon(name: str) -> QIcon:
    path = resource_path(f"icons/{name}.svg")
    return QIcon(str(path)) if path.exists() else QIcon()


def channel_icon(kind: str) -> QIcon:
    """The icon of a channel kind (facebook, instagram, youtube, discourse, email, file)."""
    return icon(kind)
