"""The message pane: one message in full, its thread, why the desk judged it so, and what we sent."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QPushButton, QScrollArea, QSplitter, QVBoxLayout, QWidget

from cmdesk.channels.outbox import OutboxItem
from cmdesk.desk import Desk
from cmdesk.messages import MessageDetail
from ui.bridge import DeskBridge
from ui.error_text import error_text
from ui.message.details import (
    AttachmentInfo,
    AttachmentList,
    HistoryRow,
    Note,
    NotesAndHistory,
    OutboxList,
    plain_label,
)
from ui.message.document import SafeBrowser, open_in_browser
from ui.message.header import MessageHeader
from ui.message.highlight import marks_for
from ui.message.thread_view import ThreadEntry, ThreadView, entries
from ui.templates.composer import Composer
from ui.widgets.delivery import Delivery


@dataclass(frozen=True)
class PaneData:
    """Everything the pane shows, read in one go off the UI thread."""

    detail: MessageDetail
    thread: list[ThreadEntry]  # empty when the message stands alone
    opening: int  # 1 when thread[0] is the opening post
    earlier_left_out: int  # thread messages between the opening post and the next entry, not shown
    later_left_out: int  # thread messages after the last entry, not shown
    attachments: list[AttachmentInfo]
    tags: list[str]
    notes: list[Note]
    history: list[HistoryRow]
    outbox: list[OutboxItem]


def load(desk: Desk, message_id: int) -> PaneData:
    """Read the message, its thread (with author names), attachments, notes, history and outbox items."""
    detail = desk.messages.detail(message_id)
    thread = desk.messages.thread(message_id)
    authors = dict(thread.authors)
    if detail.author is not None:
        authors[detail.author.id] = detail.author.name
    return PaneData(
        detail=detail,
        thread=(
            entries(thread.messages, authors=authors, current_id=message_id, agents=thread.agents)
            if len(thread.messages) > 1
            else []
        ),
        opening=thread.opening,
        earlier_left_out=thread.earlier_left_out,
        later_left_out=thread.later_left_out,
        attachments=[
            AttachmentInfo(index=i, name=name, content_type=kind, size=len(data))
            for i, (name, kind, data) in enumerate(desk.messages.attachments(message_id))
        ],
        tags=desk.triage.tags(message_id),
        notes=desk.triage.notes(message_id),
        history=desk.triage.history(message_id),
        outbox=desk.outbox.items_for(message_id),
    )


def save_attachment_file(desk: Desk, message_id: int, index: int, path: Path) -> Path:
    _name, _kind, data = desk.messages.attachments(message_id)[index]
    path.write_bytes(data)
    return path


class MessagePane(QWidget):
    """The right-hand pane; ``show_message(id)`` shows a message, ``show_message(None)`` clears everything."""

    loaded = Signal(int)  # message id, after its data is on screen

    def __init__(self, bridge: DeskBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("message_pane")
        self.bridge = bridge
        self.message_id: int | None = None
        self.shown: int | None = None  # what the main window's tests read from any right-hand part
        self.data: PaneData | None = None
        self._generation = 0
        self.delivery = Delivery()  # the window holds loads back while the queue's list loads (ListFirst)
        # The outbox list is read by full loads and by outbox-only loads (each state change of a reply);
        # both number their read here so the newest read's list wins, whatever order they finish in.
        self._outbox_seq = 0  # the last number handed out
        self._outbox_newest = 0  # the number of the read behind self._outbox_items
        self._outbox_items: list[OutboxItem] = []

        self.empty = plain_label(self, "message_empty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setText(self.tr("Select a message in the queue."))
        self.body = QWidget(self)
        self.header = MessageHeader(self.body)
        self.thread_view = ThreadView(self.body)
        self.text = SafeBrowser(self.body)
        self.text.setObjectName("message_text")
        self.legend = plain_label(self.body, "message_legend")
        self.attachments = AttachmentList(self.body)
        self.notes_history = NotesAndHistory(self.body)
        self.outbox = OutboxList(self.body)
        self.status = plain_label(self.body, "message_status")
        self.composer = Composer(bridge, self.body, show_delivery=False)
        # The composer stays folded until a reply starts: at 1366x768 it would take the room
        # the message and its thread need while the queue is being read.
        self.reply_button = QPushButton(self.tr("Reply… (r)"), self.body)
        self.reply_button.setObjectName("start_reply")
        self.reply_button.clicked.connect(self.start_reply)

        text_part = QWidget(self.body)
        text_layout = QVBoxLayout(text_part)
        text_layout.setContentsMargins(0, 0, 0, 0)
        text_layout.addWidget(self.text, 1)
        text_layout.addWidget(self.legend)
        extras = QWidget()
        extras_layout = QVBoxLayout(extras)
        extras_layout.setContentsMargins(0, 0, 0, 0)
        extras_layout.addWidget(self.attachments)
        extras_layout.addWidget(self.notes_history)
        extras_layout.addWidget(self.outbox)
        extras_layout.addStretch(1)
        self.extras_scroll = QScrollArea(self.body)
        self.extras_scroll.setWidgetResizable(True)
        self.extras_scroll.setWidget(extras)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self.body)
        self.splitter.setChildrenCollapsible(False)
        for n, (part, stretch) in enumerate(((self.thread_view, 2), (text_part, 3), (self.extras_scroll, 1))):
            self.splitter.addWidget(part)
            self.splitter.setStretchFactor(n, stretch)
        self.splitter.setSizes([200, 300, 100])  # in these proportions until the user drags them
        body = QVBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        body.addWidget(self.header)
        body.addWidget(self.splitter, 1)
        body.addWidget(self.status)
        reply_row = QHBoxLayout()
        reply_row.addStretch(1)
        reply_row.addWidget(self.reply_button)
        body.addLayout(reply_row)
        body.addWidget(self.composer)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.empty, 1)
        layout.addWidget(self.body, 1)
        self.setFocusProxy(self.text)

        self.header.cannot_open.connect(
            lambda url: self.show_note(self.tr("This address cannot be opened: {url}").format(url=url))
        )
        self.attachments.save_requested.connect(self.save_attachment)
        self.outbox.retry_requested.connect(self.retry)
        self.outbox.open_requested.connect(lambda url: open_in_browser(QUrl(url)))
        self.composer.sent.connect(self._on_sent)
        bridge.messages_changed.connect(self.on_bridge_messages_changed)
        bridge.outbox_changed.connect(self.on_bridge_outbox_changed)
        bridge.search_changed.connect(self.on_bridge_search_changed)
        bridge.locked.connect(self.on_bridge_locked)
        self.clear()

    # -- which message ---------------------------------------------------------------------------

    def show_message(self, message_id: int | None) -> None:
        """Show a message (loaded off the UI thread); None clears the pane."""
        if message_id is None:
            self.clear()
            return
        if message_id != self.message_id:
            self.clear()
            self.message_id = self.shown = message_id
            self.composer.set_message(message_id)
            self.reply_button.show()
        self.reload()

    def start_reply(self) -> None:
        """The reply shortcut (and the Reply button): unfold the composer and put the cursor in it."""
        if self.message_id is None:
            return
        self.reply_button.hide()
        self.composer.show()
        self.composer.start_reply()

    def fold_composer(self) -> None:
        """Back to reading: the composer (its draft is cleared on the next message anyway) folds away."""
        self.composer.hide()
        self.reply_button.setVisible(self.message_id is not None)

    def _on_sent(self, _outbox_id: int) -> None:
        self.fold_composer()
        self.reload_outbox()

    def clear(self) -> None:
        self._generation += 1
        self.delivery.drop()
        self._outbox_newest = self._outbox_seq  # reads made before this are never shown
        self._outbox_items = []
        self.message_id = self.shown = None
        self.data = None
        self.composer.set_message(None)
        self.fold_composer()
        self.header.clear()
        self.thread_view.clear_thread()
        self.text.fresh_cursor()
        self.legend.clear()
        self.status.clear()
        self.status.hide()
        self.attachments.set_attachments([])
        self.notes_history.clear()
        self.outbox.set_items([])
        self.body.hide()
        self.empty.show()

    def reload(self) -> None:
        mid = self.message_id
        if mid is None or self.bridge.is_locked:
            return
        generation = self._generation
        desk = self.bridge.desk
        outbox_seq = self._next_outbox_seq()

        def done(data: PaneData) -> None:
            if generation == self._generation:
                self._keep_outbox(outbox_seq, data.outbox)
                self.show_data(data)

        def failed(err: BaseException) -> None:
            if generation == self._generation:
                self.show_error(err)

        ticket = self.delivery.ticket()
        self.bridge.tasks.read(
            lambda: load(desk, mid),
            on_done=lambda data: self.delivery.send(ticket, lambda: done(data)),
            on_error=lambda err: self.delivery.send(ticket, lambda: failed(err)),
        )

    def reload_outbox(self) -> None:
        mid = self.message_id
        if mid is None or self.bridge.is_locked:
            return
        generation = self._generation
        desk = self.bridge.desk
        outbox_seq = self._next_outbox_seq()

        def arrived(items: list[OutboxItem]) -> None:
            if generation == self._generation:
                self._keep_outbox(outbox_seq, items)
                self.delivery.then(lambda: self._show_outbox(generation))  # after a held, older full load

        self.bridge.tasks.read(
            lambda: desk.outbox.items_for(mid),
            on_done=arrived,
            on_error=self.show_error,
        )

    def _next_outbox_seq(self) -> int:
        self._outbox_seq += 1
        return self._outbox_seq

    def _keep_outbox(self, seq: int, items: list[OutboxItem]) -> None:
        """Keep an outbox list unless the list of a read made later is already kept.

        An outbox-only result is kept as it arrives, not when the Delivery runs its then(): a full load's
        send() that comes in later replaces what is held, and would otherwise bring back the older list.
        Whatever is shown shows the kept list, so a reply already sent never shows as "sending" again.
        """
        if seq > self._outbox_newest:
            self._outbox_newest = seq
            self._outbox_items = list(items)

    def _show_outbox(self, generation: int) -> None:
        if generation != self._generation:
            return
        items = self._outbox_items
        self.outbox.set_items(items)
        if items:
            self.extras_scroll.show()

    # -- showing ---------------------------------------------------------------------------------

    def show_data(self, data: PaneData) -> None:
        self.data = data
        self.empty.hide()
        self.body.show()
        self.header.set_detail(data.detail)
        self.show_text()
        self.attachments.set_attachments(data.attachments)
        self.notes_history.set_content(data.tags, data.notes, data.history)
        outbox = self._outbox_items  # the newest outbox read's list, which may be newer than this load's
        self.outbox.set_items(outbox)
        # an empty box under every quiet message wastes the pane's height; it appears when there is something
        self.extras_scroll.setVisible(bool(data.attachments or data.tags or data.notes or data.history or outbox))
        self.loaded.emit(data.detail.message.id)

    def show_text(self) -> None:
        """The message and its thread with evidence and the current search marked; the scroll position kept."""
        data = self.data
        if data is None:
            return
        search = self.bridge.search_text
        detail = data.detail
        text = detail.message.text
        scroll = self.text.verticalScrollBar().value()
        parts = marks_for(text, mood=detail.mood_evidence, pv=detail.pv_evidence, search=search)
        self.text.set_marked_text(text, parts)
        self.text.verticalScrollBar().setValue(scroll)
        self.thread_view.setVisible(bool(data.thread))
        if data.thread:
            self.thread_view.set_thread(
                data.thread,
                search=search,
                opening=data.opening,
                earlier_left_out=data.earlier_left_out,
                later_left_out=data.later_left_out,
            )
        else:
            self.thread_view.clear_thread()
        legend = []
        if detail.mood_evidence:
            legend.append(self.tr("red/green: words behind the mood"))
        if detail.pv_evidence:
            legend.append(self.tr("violet, dashed: possible adverse event"))
        if search.strip():
            legend.append(self.tr("yellow: search hits"))
        self.legend.setText(" · ".join(legend))
        self.legend.setVisible(bool(legend))

    def show_error(self, err: BaseException) -> None:
        text = error_text(err)
        self.status.setText(text)
        self.status.setStyleSheet("color: #b00020;")
        self.status.show()
        self.empty.hide()
        self.body.show()

    def show_note(self, text: str) -> None:
        self.status.setText(text)
        self.status.setStyleSheet("")
        self.status.show()

    # -- actions ---------------------------------------------------------------------------------

    def save_attachment(self, index: int, path: str | None = None) -> None:
        """Save one attachment; without a path the user picks one."""
        mid = self.message_id
        if mid is None or self.data is None:
            return
        info = next((a for a in self.data.attachments if a.index == index), None)
        if info is None:
            return
        if path is None:
            suggested = Path(info.name).name or "attachment"  # never a path the sender chose
            path, _filter = QFileDialog.getSaveFileName(self, self.tr("Save attachment"), suggested)
            if not path:
                return
        target = Path(path)
        desk = self.bridge.desk
        self.bridge.tasks.read(
            lambda: save_attachment_file(desk, mid, index, target),
            label=self.tr("Saving the attachment"),
            on_done=lambda saved: self.show_note(self.tr("Saved to {path}").format(path=str(saved))),
            on_error=self.show_error,
        )

    def retry(self, outbox_id: int) -> None:
        """Send a failed or unverified reply/action again (the user checked the channel)."""
        desk = self.bridge.desk
        self.bridge.tasks.write(
            lambda: desk.outbox.retry(outbox_id),
            label=self.tr("Retrying"),
            on_done=lambda _r: self.reload_outbox(),
            on_error=self.show_error,
        )

    # -- bridge ----------------------------------------------------------------------------------

    def on_bridge_messages_changed(self, ids: Any) -> None:
        if self.message_id is not None and (ids is None or self.message_id in ids):
            self.reload()

    def on_bridge_outbox_changed(self, _outbox_id: int, message_id: object) -> None:
        if self.message_id is not None and (message_id is None or message_id == self.message_id):
            self.reload_outbox()

    def on_bridge_search_changed(self, _text: str) -> None:
        self.show_text()

    def on_bridge_locked(self) -> None:
        self.clear()
