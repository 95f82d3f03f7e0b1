"""The person's weekly mood as bars between -1 and +1 around a zero line, with the same figures as text."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from cmdesk.people import MoodPoint

POSITIVE = QColor("#3a9a5b")
NEGATIVE = QColor("#d64545")
NEUTRAL = QColor("#8a8f98")
NEUTRAL_BAND = 0.05  # a mean this close to zero is drawn grey: neither happy nor unhappy
MAX_BAR = 14


def bar_colour(mean: float) -> QColor:
    if mean > NEUTRAL_BAND:
        return POSITIVE
    if mean < -NEUTRAL_BAND:
        return NEGATIVE
    return NEUTRAL


class MoodChart(QWidget):
    """One bar per week with messages (oldest left); a line joins the weekly means."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("author_mood_chart")
        self.setAccessibleName(self.tr("Mood per week"))
        self.setMinimumHeight(64)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._points: tuple[MoodPoint, ...] = ()
        self._update_text()

    def sizeHint(self) -> QSize:
        return QSize(240, 84)

    @property
    def points(self) -> tuple[MoodPoint, ...]:
        return self._points

    def set_points(self, points: Sequence[MoodPoint]) -> None:
        self._points = tuple(points)
        self._update_text()
        self.update()

    def summary(self) -> str:
        """The chart in words, for screen readers and the tooltip: every week's mean and message count."""
        if not self._points:
            return self.tr("No mood measured in recent weeks.")
        lines = [self.tr("Mood per week, from -1 (negative) to +1 (positive):")]
        for point in self._points:
            lines.append(
                self.tr("week of %1: %2 (%n message(s))", "", point.count)
                .replace("%1", point.week.isoformat())
                .replace("%2", f"{point.mean:+.2f}")
            )
        return "\n".join(lines)

    def _update_text(self) -> None:
        text = self.summary()
        self.setToolTip(text)
        self.setAccessibleDescription(text)

    # -- painting -------------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            self._paint(painter)
        finally:
            painter.end()

    def _paint(self, painter: QPainter) -> None:
        palette = self.palette()
        text_colour = palette.color(QPalette.ColorRole.WindowText)
        faint = QColor(text_colour)
        faint.setAlpha(70)
        metrics = painter.fontMetrics()
        label_width = metrics.horizontalAdvance("+1") + 6
        area = QRectF(self.rect()).adjusted(label_width, 4, -4, -4)
        if area.width() <= 0 or area.height() <= 0:
            return

        def y_of(value: float) -> float:
            return area.top() + (1.0 - max(-1.0, min(1.0, value))) / 2.0 * area.height()

        painter.setPen(QPen(faint, 1))
        for value in (1.0, -1.0):
            painter.drawLine(QPointF(area.left(), y_of(value)), QPointF(area.right(), y_of(value)))
        zero = QPen(text_colour, 1, Qt.PenStyle.DashLine)
        painter.setPen(zero)
        painter.drawLine(QPointF(area.left(), y_of(0.0)), QPointF(area.right(), y_of(0.0)))
        painter.setPen(text_colour)
        for value, label in ((1.0, "+1"), (0.0, "0"), (-1.0, "-1")):
            box = QRectF(0, y_of(value) - metrics.height() / 2, label_width - 4, metrics.height())
            painter.drawText(box, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), label)
        if not self._points:
            return
        slot = area.width() / len(self._points)
        width = max(2.0, min(MAX_BAR, slot * 0.6))
        tops: list[QPointF] = []
        painter.setPen(Qt.PenStyle.NoPen)
        for index, point in enumerate(self._points):
            centre = area.left() + slot * (index + 0.5)
            top, bottom = sorted((y_of(point.mean), y_of(0.0)))
            painter.setBrush(bar_colour(point.mean))
            painter.drawRect(QRectF(centre - width / 2, top, width, max(1.0, bottom - top)))
            tops.append(QPointF(centre, y_of(point.mean)))
        if len(tops) > 1:
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(text_colour, 1.5))
            painter.drawPolyline(tops)
