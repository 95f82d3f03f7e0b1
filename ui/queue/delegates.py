"""Cheap painting for the queue: the excerpt with search hits marked, nothing else custom."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

HIT = QColor(255, 214, 0, 150)


@lru_cache(maxsize=16)
def search_pattern(search: str) -> re.Pattern[str] | None:
    """Words of the search as a case-insensitive pattern; the last word matches as a prefix, like FTS.

    Cached: the message pane asks once per text of a thread, for the same search.
    """
    words = re.findall(r"[\w@#'-]+", search, flags=re.UNICODE)
    if not words:
        return None
    return re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)), re.IGNORECASE)


def from_first_hit(text: str, pattern: re.Pattern[str], *, width_before: Callable[[str], int], room: int) -> str:
    """The excerpt shifted so that its first search hit is in view: "… words before the hit …".

    A hit past the middle of the column would be cut off or barely visible at its right edge,
    and a search result that does not show why it matched is no help. Whole words before the
    hit are kept as long as they take at most a quarter of the column, so the hit keeps some
    context and stays in view even in a narrow column.
    """
    match = pattern.search(text)
    if match is None or width_before(text[: match.start()]) <= room // 2:
        return text
    start = match.start()
    while start > 0:
        space = text.rfind(" ", 0, start - 1)
        if space == -1 or width_before(text[space + 1 : match.start()]) > room // 4:
            break
        start = space + 1
    return "…" + text[start:]


class ExcerptDelegate(QStyledItemDelegate):
    """Draws the message excerpt as plain text with the search hits on a marker background."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pattern: re.Pattern[str] | None = None

    def set_search(self, search: str) -> None:
        self._pattern = search_pattern(search)

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        text = index.data(Qt.ItemDataRole.DisplayRole)
        if self._pattern is None or not isinstance(text, str) or not self._pattern.search(text):
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        rect: QRect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, opt.widget).adjusted(3, 0, -3, 0)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        colour = opt.palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        metrics = opt.fontMetrics
        text = from_first_hit(text, self._pattern, width_before=metrics.horizontalAdvance, room=rect.width())
        painter.save()
        painter.setClipRect(rect)
        x = rect.left()
        pos = 0
        pieces: list[tuple[str, bool]] = []
        for match in self._pattern.finditer(text):
            pieces += [(text[pos : match.start()], False), (match.group(0), True)]
            pos = match.end()
        pieces.append((text[pos:], False))
        for piece, hit in pieces:
            if not piece or x > rect.right():
                continue
            width = metrics.horizontalAdvance(piece)
            if hit:
                painter.fillRect(QRect(x, rect.top() + 2, width, rect.height() - 4), HIT)
            painter.setPen(colour)
            painter.drawText(
                QRect(x, rect.top(), rect.right() - x + 1, rect.height()),
                int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft) | int(Qt.TextFlag.TextSingleLine),
                piece,
            )
            x += width
        painter.restore()
