"""What each queue column shows for a row: text, icon, colour and tooltip, all cheap to compute."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor

from cmdesk.model import MoodLabel, PVScreening, Status
from cmdesk.queue import QueueRow
from ui.widgets import icons

MESSAGE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
PRIORITY, CHANNEL, AUTHOR, TEXT, MOOD, PV, AGE, ASSIGNEE, STATUS = range(9)
COLUMNS = ("priority", "channel", "author", "text", "mood", "pv", "age", "assignee", "status")
WIDTHS = (44, 28, 120, 260, 66, 38, 104, 96, 70)
ROLES = (
    Qt.ItemDataRole.DisplayRole,
    Qt.ItemDataRole.DecorationRole,
    Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.ForegroundRole,
)

RED = QColor("#d64545")
ORANGE = QColor("#d9822b")
GREEN = QColor("#3a9a5b")
GREY = QColor("#8a8f98")


def title(section: int) -> str:
    return (
        QCoreApplication.translate("Queue", "Prio"),
        "",
        QCoreApplication.translate("Queue", "Author"),
        QCoreApplication.translate("Queue", "Message"),
        QCoreApplication.translate("Queue", "Mood"),
        QCoreApplication.translate("Queue", "PV"),
        QCoreApplication.translate("Queue", "Age / due"),
        QCoreApplication.translate("Queue", "Assignee"),
        QCoreApplication.translate("Queue", "Status"),
    )[section]


def tooltip(section: int) -> str:
    return (
        QCoreApplication.translate("Queue", "Priority and SLA: P0 is the most urgent"),
        QCoreApplication.translate("Queue", "Channel"),
        QCoreApplication.translate("Queue", "Author"),
        QCoreApplication.translate("Queue", "Message text (excerpt)"),
        QCoreApplication.translate("Queue", "Mood of the message"),
        QCoreApplication.translate("Queue", "Suspected adverse event (pharmacovigilance)"),
        QCoreApplication.translate("Queue", "Age of the message and time until the reply is due"),
        QCoreApplication.translate("Queue", "Assigned agent"),
        QCoreApplication.translate("Queue", "Status"),
    )[section]


def widest_sample(column: int) -> str:
    """A typical widest value of ``column`` in the current language, to size it (German runs longer)."""
    if column == AGE:
        days = duration(55 * 86400)
        return f"{days} · " + QCoreApplication.translate("Queue", "late %1").replace("%1", days)
    return title(column)


def status_label(status: Status) -> str:
    return {
        Status.OPEN: QCoreApplication.translate("Queue", "open"),
        Status.WAITING: QCoreApplication.translate("Queue", "waiting"),
        Status.DONE: QCoreApplication.translate("Queue", "done"),
        Status.NO_ACTION: QCoreApplication.translate("Queue", "no action"),
    }[status]


def mood_label(mood: MoodLabel | None) -> str:
    if mood is None:
        return ""
    return {
        MoodLabel.NEGATIVE: QCoreApplication.translate("Queue", "negative"),
        MoodLabel.NEUTRAL: QCoreApplication.translate("Queue", "neutral"),
        MoodLabel.POSITIVE: QCoreApplication.translate("Queue", "positive"),
    }[mood]


def duration(seconds: float) -> str:
    """Compact age: 45s, 12m, 5h, 3d."""
    seconds = abs(seconds)
    if seconds < 60:
        return QCoreApplication.translate("Queue", "%1s").replace("%1", str(int(seconds)))
    if seconds < 3600:
        return QCoreApplication.translate("Queue", "%1m").replace("%1", str(int(seconds // 60)))
    if seconds < 86400 * 2:
        return QCoreApplication.translate("Queue", "%1h").replace("%1", str(int(seconds // 3600)))
    return QCoreApplication.translate("Queue", "%1d").replace("%1", str(int(seconds // 86400)))


def is_overdue(row: QueueRow, now: datetime) -> bool:
    return row.status == Status.OPEN and row.due_at is not None and row.due_at < now


def loading(column: int, role: int) -> Any:
    if role == Qt.ItemDataRole.DisplayRole and column == TEXT:
        return QCoreApplication.translate("Queue", "loading…")
    if role == Qt.ItemDataRole.ForegroundRole:
        return GREY
    return None


def value(row: QueueRow, column: int, role: int, *, now: datetime) -> Any:
    if role == Qt.ItemDataRole.DisplayRole:
        return _display(row, column, now)
    if role == Qt.ItemDataRole.DecorationRole:
        return icons.channel_icon(row.channel.value) if column == CHANNEL else None
    if role == Qt.ItemDataRole.ForegroundRole:
        return _colour(row, column, now)
    if role == Qt.ItemDataRole.ToolTipRole:
        return _tooltip(row, column, now)
    return None


def _display(row: QueueRow, column: int, now: datetime) -> str | None:
    if column == PRIORITY:
        return f"P{row.priority}" + ("!" if is_overdue(row, now) else "")
    if column == AUTHOR:
        return row.author_name
    if column == TEXT:
        return row.excerpt
    if column == MOOD:
        return mood_label(row.mood_label)
    if column == PV:
        if row.pv_screening == PVScreening.CASE:
            return QCoreApplication.translate("Queue", "case")
        return (
            QCoreApplication.translate("Queue", "PV")
            if row.pv_suspected and row.pv_screening == PVScreening.UNSCREENED
            else ""
        )
    if column == AGE:
        age = duration((now - row.created_at).total_seconds())
        if row.due_at is None or row.status != Status.OPEN:
            return age
        left = (row.due_at - now).total_seconds()
        due = duration(left)
        return f"{age} · " + (
            QCoreApplication.translate("Queue", "late %1")
            if left < 0
            else QCoreApplication.translate("Queue", "due %1")
        ).replace("%1", due)
    if column == ASSIGNEE:
        return row.assignee or "—"
    if column == STATUS:
        return status_label(row.status)
    return None


def _colour(row: QueueRow, column: int, now: datetime) -> QColor | None:
    if column in (PRIORITY, AGE) and is_overdue(row, now):
        return RED
    if column == PRIORITY and row.priority <= 1:
        return ORANGE
    if column == MOOD:
        return {MoodLabel.NEGATIVE: RED, MoodLabel.POSITIVE: GREEN}.get(row.mood_label) if row.mood_label else None
    if column == PV and row.pv_suspected:
        return RED
    if column == ASSIGNEE and not row.assignee:
        return GREY
    return None


def _tooltip(row: QueueRow, column: int, now: datetime) -> str | None:
    if column == CHANNEL:
        return f"{row.account_name} ({row.channel.value})"
    if column == TEXT:
        return row.excerpt
    if column == PV:
        return (
            QCoreApplication.translate("Queue", "PV score %1").replace("%1", f"{row.pv_score:.2f}")
            if row.pv_suspected
            else None
        )
    if column == AGE:
        created = row.created_at.astimezone().strftime("%Y-%m-%d %H:%M")
        due = row.due_at.astimezone().strftime("%Y-%m-%d %H:%M") if row.due_at else "—"
        return QCoreApplication.translate("Queue", "written %1, due %2").replace("%1", created).replace("%2", due)
    if column == MOOD and row.mood_score is not None:
        return f"{row.mood_score:+.2f}"
    return None
