"""The thread around a message: the post, earlier comments, our replies and the message itself, as plain text."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtGui import QColor, QFont, QPalette, QTextBlockFormat, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QWidget

from cmdesk.model import Direction, Message, MessageKind
from ui.message.document import SafeBrowser, insert_marked
from ui.message.highlight import marks_for

CURRENT_BACKGROUND = QColor(47, 111, 181, 45)
OURS_INDENT = 24.0


@dataclass(frozen=True)
class ThreadEntry:
    """One message of the thread as the view shows it."""

    message_id: int
    author: str
    created_at: datetime
    text: str
    kind: MessageKind
    ours: bool
    current: bool
    deleted: bool
    agent: str = ""  # for our replies sent from the desk: the agent who sent it


def entries(
    thread: Sequence[Message], *, authors: dict[int, str], current_id: int, agents: dict[int, str] | None = None
) -> list[ThreadEntry]:
    """The thread oldest first, each message with its author's name; ours are the desk's outbound replies,
    with the agent who sent each from the desk where the outbox knows it."""
    agents = agents or {}
    return [
        ThreadEntry(
            message_id=m.id,
            author=authors.get(m.author_id, "") if m.author_id is not None else "",
            created_at=m.created_at,
            text=m.text,
            kind=m.kind,
            ours=m.direction == Direction.OUTBOUND,
            current=m.id == current_id,
            deleted=m.deleted_at is not None,
            agent=agents.get(m.id, ""),
        )
        for m in sorted(thread, key=lambda m: (m.created_at, m.id))
    ]


def local_time(moment: datetime) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


class ThreadView(SafeBrowser):
    """Read-only thread: each message a header line and its text; ours indented, the current one shaded."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("thread_view")
        self.entries: list[ThreadEntry] = []

    def clear_thread(self) -> None:
        self.entries = []
        self.fresh_cursor()

    def set_thread(
        self,
        items: Sequence[ThreadEntry],
        *,
        search: str = "",
        opening: int = 0,
        earlier_left_out: int = 0,
        later_left_out: int = 0,
    ) -> None:
        """Show the entries; ``opening`` entries come first, then a line for the ``earlier_left_out`` messages.

        The left-out lines say how much of a long thread is not shown, so nobody mistakes the
        window around the message for the whole conversation.
        """
        self.entries = list(items)
        cursor = self.fresh_cursor()
        cursor.beginEditBlock()  # one layout pass for the whole thread, not one per insert
        grey = self.palette().color(QPalette.ColorRole.PlaceholderText)
        current_at = 0
        link_colour = self.link_colour()
        left_out = QTextCharFormat()
        left_out.setForeground(grey)
        left_out.setFontItalic(True)
        written = False  # the document's first (empty) block is taken
        for n, entry in enumerate(self.entries):
            if n == opening and earlier_left_out:
                if written:
                    cursor.insertBlock(QTextBlockFormat(), left_out)
                cursor.insertText(self.tr("… %n earlier message(s) not shown", "", earlier_left_out), left_out)
                written = True
            block = QTextBlockFormat()
            block.setTopMargin(8 if written else 0)
            if entry.ours:
                block.setLeftMargin(OURS_INDENT)
            if entry.current:
                block.setBackground(CURRENT_BACKGROUND)
                current_at = cursor.position()
            header = QTextCharFormat()
            header.setForeground(grey)
            header.setFontWeight(QFont.Weight.DemiBold if entry.current else QFont.Weight.Normal)
            if written:
                cursor.insertBlock(block, header)
            else:
                cursor.setBlockFormat(block)
                written = True
            cursor.insertText(self.header(entry), header)
            body = QTextBlockFormat(block)
            body.setTopMargin(0)
            cursor.insertBlock(body, QTextCharFormat())
            parts = marks_for(entry.text, search=search)
            insert_marked(cursor, entry.text, parts, base=QTextCharFormat(), link_colour=link_colour)
        if later_left_out:
            cursor.insertBlock(QTextBlockFormat(), left_out)
            cursor.insertText(self.tr("… %n later message(s) not shown", "", later_left_out), left_out)
        cursor.endEditBlock()
        shown = QTextCursor(self.document())
        shown.setPosition(current_at)
        self.setTextCursor(shown)
        self.ensureCursorVisible()

    def header(self, entry: ThreadEntry) -> str:
        who = entry.author or self.tr("unknown author")
        if entry.ours and entry.kind == MessageKind.POST:
            who = self.tr("Our post ({author})").format(author=who) if entry.author else self.tr("Our post")
        elif entry.ours:
            # a reply sent from the desk is stored without a channel author: it is simply ours
            who = self.tr("Our reply ({author})").format(author=who) if entry.author else self.tr("Our reply")
            if entry.agent:
                who = self.tr("{reply}, sent by {agent}").format(reply=who, agent=entry.agent)
        elif entry.kind == MessageKind.POST:
            who = self.tr("Post ({author})").format(author=who)
        parts = [who, local_time(entry.created_at)]
        if entry.current:
            parts.append(self.tr("this message"))
        if entry.deleted:
            parts.append(self.tr("deleted on the channel"))
        return " · ".join(parts)

    def message_ids(self) -> list[int]:
        return [entry.message_id for entry in self.entries]
