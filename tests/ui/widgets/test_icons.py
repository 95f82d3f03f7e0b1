"""Drawn icons: a mood dot is the colour in the middle and clear at the corners."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QColor

from ui.widgets import icons


def test_a_dot_is_round_and_in_its_colour(qapp: Any) -> None:
    image = icons.dot("#d64545").pixmap(32, 32).toImage()
    middle = QColor(image.pixel(16, 16))
    corner = QColor.fromRgba(image.pixel(1, 1))
    assert (middle.name(), corner.alpha()) == ("#d64545", 0)
