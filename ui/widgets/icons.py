"""Icons drawn for cmdesk (resources/icons/*.svg), loaded once and cached."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap

from cmdesk.paths import resource_path


@cache
def icon(name: str) -> QIcon:
    path = resource_path(f"icons/{name}.svg")
    return QIcon(str(path)) if path.exists() else QIcon()


def channel_icon(kind: str) -> QIcon:
    """The icon of a channel kind (facebook, instagram, youtube, discourse, email, file)."""
    return icon(kind)


@cache
def dot(colour: str) -> QIcon:
    """A round mark in ``colour`` (a "#rrggbb" name), for a state shown as colour in a narrow column.

    A whole cell filled with colour reads as a blank swatch, and grey for "neutral" as a missing icon;
    a dot reads as a marker. Drawn at 32 px so it stays crisp on high-DPI screens.
    """
    pixmap = QPixmap(32, 32)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(colour))
    painter.drawEllipse(7, 7, 18, 18)
    painter.end()
    return QIcon(pixmap)
