"""The parts under the message text: attachments, tags and notes, status history, delivery of our replies."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QToolButton, QVBoxLayout, QWidget

from cmdesk.channels.outbox import OutboxItem
from cmdesk.model import OutboxAction, OutboxState
from ui.error_text import stored_error_text
from ui.message.thread_view import local_time

Note = tuple[int, str, str, datetime]
HistoryRow = tuple[datetime, str, str, str | None, str | None, str | None]


@dataclass(frozen=True)
class AttachmentInfo:
    """What the pane lists of an attachment; the bytes are read again only when the user saves it."""

    index: int
    name: str
    content_type: str
    size: int


def plain_label(parent: QWidget, name: str = "", *, wrap: bool = True) -> QLabel:
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setWordWrap(wrap)
    if name:
        label.setObjectName(name)
    return label


def size_text(size: int) -> str:
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{size / 1024:.1f} KB"
    return f"{size / (1024 * 1024):.1f} MB"


class RowList(QWidget):
    """A titled list of rows that is rebuilt whenever its content changes; hidden while empty."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = plain_label(self, wrap=False)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.rows = QVBoxLayout()
        self.rows.setContentsMargins(0, 0, 0, 0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.title)
        layout.addLayout(self.rows)
        self.row_widgets: list[QWidget] = []
        self.hide()

    def clear_rows(self) -> None:
        for widget in self.row_widgets:
            self.rows.removeWidget(widget)
            widget.hide()
            widget.deleteLater()
        self.row_widgets = []
        self.hide()

    def add_row(self, text: str, *buttons: QPushButton) -> QLabel:
        row = QWidget(self)
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        label = plain_label(row)
        label.setText(text)
        line.addWidget(label, 1)
        for button in buttons:
            button.setParent(row)
            line.addWidget(button)
        self.rows.addWidget(row)
        self.row_widgets.append(row)
        self.show()
        return label


class AttachmentList(RowList):
    """Name, type and size of each attachment, with a Save… button."""

    save_requested = Signal(int)  # attachment index

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title.setText(self.tr("Attachments"))
        self.setObjectName("attachments")
        self.items: list[AttachmentInfo] = []

    def set_attachments(self, items: Sequence[AttachmentInfo]) -> None:
        self.clear_rows()
        self.items = list(items)
        for item in self.items:
            button = QPushButton(self.tr("Save…"))
            button.setObjectName(f"save_attachment_{item.index}")
            button.clicked.connect(lambda _checked=False, index=item.index: self.save_requested.emit(index))
            self.add_row(f"{item.name} — {item.content_type}, {size_text(item.size)}", button)


class OutboxList(RowList):
    """Where our replies and moderation actions on this message stand: queued, sent, failed, unknown."""

    retry_requested = Signal(int)  # outbox id
    open_requested = Signal(str)  # remote url of a sent reply

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title.setText(self.tr("Replies and moderation"))
        self.setObjectName("outbox_state")
        self.items: list[OutboxItem] = []
        self.lines: list[str] = []

    def action_label(self, action: OutboxAction) -> str:
        return {
            OutboxAction.REPLY: self.tr("Reply"),
            OutboxAction.PRIVATE_REPLY: self.tr("Private reply"),
            OutboxAction.HIDE: self.tr("Hide"),
            OutboxAction.UNHIDE: self.tr("Unhide"),
            OutboxAction.SET_MODERATION: self.tr("Moderation"),
            OutboxAction.EMAIL: self.tr("E-mail"),
        }[action]

    def state_text(self, item: OutboxItem) -> str:
        what = self.action_label(item.action)
        when = local_time(item.updated_at)
        if item.state == OutboxState.SENT:
            return self.tr("{what}: sent {when}").format(what=what, when=when)
        if item.state == OutboxState.FAILED:
            return self.tr("{what}: failed: {reason}").format(
                what=what, reason=stored_error_text(item.last_error or "") or self.tr("no reason")
            )
        if item.state == OutboxState.UNKNOWN:
            return self.tr("{what}: unknown, verify on the channel before retrying").format(what=what)
        if item.state == OutboxState.SENDING:
            return self.tr("{what}: sending").format(what=what)
        if item.last_error:
            return self.tr("{what}: queued, will retry ({reason})").format(
                what=what, reason=stored_error_text(item.last_error)
            )
        return self.tr("{what}: queued").format(what=what)

    def set_items(self, items: Sequence[OutboxItem]) -> None:
        self.clear_rows()
        self.items = list(items)
        self.lines = []
        for item in self.items:
            buttons = []
            if item.state == OutboxState.SENT and item.remote_url:
                link = QPushButton(self.tr("Open"))
                link.setObjectName(f"open_outbox_{item.id}")
                link.setToolTip(item.remote_url)
                link.clicked.connect(lambda _checked=False, url=item.remote_url: self.open_requested.emit(url))
                buttons.append(link)
            if item.state in (OutboxState.FAILED, OutboxState.UNKNOWN):
                retry = QPushButton(self.tr("Retry"))
                retry.setObjectName(f"retry_outbox_{item.id}")
                retry.clicked.connect(lambda _checked=False, oid=item.id: self.retry_requested.emit(oid))
                buttons.append(retry)
            text = self.state_text(item)
            self.lines.append(text)
            label = self.add_row(text, *buttons)
            if item.state in (OutboxState.FAILED, OutboxState.UNKNOWN):
                label.setStyleSheet("color: #b00020;")


class NotesAndHistory(QWidget):
    """Tags and notes always visible; the status history behind a toggle, because it is long and rarely read."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tags = plain_label(self, "message_tags")
        self.notes = plain_label(self, "message_notes")
        self.history_toggle = QToolButton(self)
        self.history_toggle.setObjectName("history_toggle")
        self.history_toggle.setCheckable(True)
        self.history_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.history_toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.history_toggle.setAutoRaise(True)
        self.history = plain_label(self, "message_history")
        self.history.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.tags)
        layout.addWidget(self.notes)
        layout.addWidget(self.history_toggle, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.history)
        self.history_toggle.toggled.connect(self.on_history_toggle_toggled)
        self.clear()

    def on_history_toggle_toggled(self, shown: bool) -> None:
        self.history_toggle.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)
        self.history.setVisible(shown and bool(self.history.text()))

    def clear(self) -> None:
        self.set_content([], [], [])

    def set_content(self, tags: Sequence[str], notes: Sequence[Note], history: Sequence[HistoryRow]) -> None:
        self.tags.setText(self.tr("Tags: {tags}").format(tags=", ".join(tags)) if tags else "")
        self.tags.setVisible(bool(tags))
        self.notes.setText(
            "\n".join(
                self.tr("{author}, {when}: {text}").format(author=author, when=local_time(at), text=text)
                for _nid, author, text, at in notes
            )
        )
        self.notes.setVisible(bool(notes))
        self.history.setText("\n".join(self.history_line(row) for row in history))
        self.history_toggle.setText(self.tr("Status history ({count})").format(count=len(history)))
        self.history_toggle.setVisible(bool(history))
        self.history.setVisible(self.history_toggle.isChecked() and bool(history))

    def history_line(self, row: HistoryRow) -> str:
        at, actor, fld, old, new, reason = row
        line = self.tr("{when} {actor}: {field} {old} → {new}").format(
            when=local_time(at), actor=actor, field=fld, old=old or "–", new=new or "–"
        )
        return line + (f" ({reason})" if reason else "")
