"""The person's messages on every channel, newest first; activating one asks the window to open it."""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeView, QWidget

from cmdesk.model import MoodLabel, PVScreening
from cmdesk.people import HistoryItem
from ui.widgets import icons

MESSAGE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
TIME, CHANNEL, MOOD, PV, TEXT = range(5)
MOOD_COLOURS = {
    MoodLabel.NEGATIVE: "#d64545",
    MoodLabel.NEUTRAL: "#8a8f98",
    MoodLabel.POSITIVE: "#3a9a5b",
}
PV_COLOUR = QColor("#b42318")


def plain_tip(text: str) -> str:
    """A tooltip that shows user text as written: Qt would otherwise guess and render markup."""
    return "<qt>" + html.escape(text).replace("\n", "<br>") + "</qt>"


def mood_text(item: HistoryItem) -> str:
    if item.mood_label is None:
        return QCoreApplication.translate("AuthorTimeline", "mood not analysed")
    label = {
        MoodLabel.NEGATIVE: QCoreApplication.translate("AuthorTimeline", "negative"),
        MoodLabel.NEUTRAL: QCoreApplication.translate("AuthorTimeline", "neutral"),
        MoodLabel.POSITIVE: QCoreApplication.translate("AuthorTimeline", "positive"),
    }[item.mood_label]
    return label if item.mood_score is None else f"{label} ({item.mood_score:+.2f})"


def pv_text(item: HistoryItem) -> str:
    """Empty unless the message is or was a suspected adverse event."""
    if item.pv_screening == PVScreening.CASE:
        return QCoreApplication.translate("AuthorTimeline", "Adverse event: a PV case holds this message")
    if item.pv_suspected:
        return QCoreApplication.translate("AuthorTimeline", "Suspected adverse event")
    return ""


class TimelineModel(QAbstractTableModel):
    """Rows of :class:`HistoryItem`; cells are computed when the view asks, so 500 rows cost nothing up front."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._items: list[HistoryItem] = []

    def set_items(self, items: Sequence[HistoryItem]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()

    def message_id(self, row: int) -> int:
        return self._items[row].message_id

    def message_ids(self) -> list[int]:
        return [item.message_id for item in self._items]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 5

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return {TIME: self.tr("When"), PV: self.tr("PV"), TEXT: self.tr("Message")}.get(section, "")
        if role == Qt.ItemDataRole.ToolTipRole:
            return {
                CHANNEL: self.tr("Channel"),
                MOOD: self.tr("Mood"),
                PV: self.tr("Suspected adverse event (pharmacovigilance)"),
            }.get(section)
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item, column = self._items[index.row()], index.column()
        if role == MESSAGE_ID_ROLE:
            return item.message_id
        if role == Qt.ItemDataRole.DisplayRole:
            if column == TIME:
                return item.created_at.astimezone().strftime("%Y-%m-%d %H:%M")
            if column == PV:
                return self.tr("PV") if pv_text(item) else ""
            if column == TEXT:
                return item.excerpt  # item views never render rich text
            return None
        if role == Qt.ItemDataRole.DecorationRole:
            if column == CHANNEL:
                return icons.channel_icon(item.channel)
            if column == MOOD and item.mood_label is not None:
                return icons.dot(MOOD_COLOURS[item.mood_label])
            return None
        if role == Qt.ItemDataRole.ForegroundRole and column == PV:
            return PV_COLOUR
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            tip = {
                CHANNEL: item.account,
                MOOD: mood_text(item),
                PV: pv_text(item) or None,
                TEXT: f"{item.account}\n{item.excerpt}",
            }.get(column)
            if tip is None or role == Qt.ItemDataRole.AccessibleTextRole:
                return tip
            return plain_tip(tip)
        return None


class Timeline(QTreeView):
    """Time, channel, mood colour, PV marker and excerpt; Enter or double click emits ``message_activated``."""

    message_activated = Signal(int)  # message id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("author_timeline")
        self.setAccessibleName(self.tr("Messages of this person"))
        self.timeline_model = TimelineModel(self)
        self.setModel(self.timeline_model)
        self.setRootIsDecorated(False)
        self.setItemsExpandable(False)
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.header()
        header.setStretchLastSection(True)
        header.setMinimumSectionSize(20)
        time_width = self.fontMetrics().horizontalAdvance("2026-11-24 09:00") + 14
        for column, width in ((TIME, time_width), (CHANNEL, 26), (MOOD, 26), (PV, 30)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)
        self.activated.connect(self._on_activated)

    def set_items(self, items: Sequence[HistoryItem]) -> None:
        self.timeline_model.set_items(items)

    def message_ids(self) -> list[int]:
        return self.timeline_model.message_ids()

    def _on_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.message_activated.emit(self.timeline_model.message_id(index.row()))
