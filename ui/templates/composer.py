"""The reply composer under the message: "/" for templates, live checks, Send into the outbox.

Every rule comes from ``cmdesk.replies`` (placeholders, channel limits, the PV lock,
the free-text setting), checked as the user types and again on Send. The composer
only shows the verdict; it never decides on its own whether a reply may go out.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QKeyEvent, QSyntaxHighlighter, QTextCharFormat, QTextDocument
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cmdesk import replies
from cmdesk.model import OutboxAction, OutboxState
from cmdesk.templates.render import PLACEHOLDER
from ui.bridge import DeskBridge
from ui.error_text import error_text, stored_error_text
from ui.templates.picker import TemplatePicker

CHECK_DELAY_MS = 250


class PlaceholderHighlighter(QSyntaxHighlighter):
    """Marks every {{placeholder}} left in the reply: it blocks sending, so it must be impossible to miss."""

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self.mark = QTextCharFormat()
        self.mark.setBackground(QColor("#ffd6d6"))
        self.mark.setForeground(QColor("#9b0000"))
        self.mark.setFontUnderline(True)

    def highlightBlock(self, text: str) -> None:
        for match in PLACEHOLDER.finditer(text):
            self.setFormat(match.start(), match.end() - match.start(), self.mark)


class Composer(QWidget):
    """Reply box for one message; ``sent(outbox_id)`` after a reply was queued."""

    sent = Signal(int)

    def __init__(self, bridge: DeskBridge, parent: QWidget | None = None, *, show_delivery: bool = True) -> None:
        super().__init__(parent)
        self.setObjectName("composer")
        self._delivery_shown = show_delivery  # off inside the message pane, which lists deliveries itself
        self.bridge = bridge
        self.message_id: int | None = None
        self.template_id: int | None = None
        self._template_only = False
        self._generation = 0
        # Reads run on several readers and finish in any order: each reply check and each delivery-state read
        # takes a number, and only the newest one's answer is shown (a check for the mode just left, or an
        # outbox read that saw "queued" before another saw "sent", must not land last and stay).
        self._check_seq = 0
        self._delivery_seq = 0

        self.mode = QComboBox(self)
        self.mode.setObjectName("reply_mode")
        self.mode.addItem(self.tr("Public reply"), False)
        self.mode.addItem(self.tr("Private message"), True)
        self.templates_button = QPushButton(self.tr("Templates (/)"), self)
        self.templates_button.setObjectName("templates_button")
        self.editor = QPlainTextEdit(self)
        self.editor.setObjectName("reply_editor")
        self.editor.setPlaceholderText(self.tr("Write a reply, or type / to pick a template"))
        self.editor.setTabChangesFocus(True)
        self.editor.setMinimumHeight(70)
        self.highlighter = PlaceholderHighlighter(self.editor.document())
        self.problems = QLabel(self)
        self.problems.setObjectName("reply_problems")
        self.problems.setTextFormat(Qt.TextFormat.PlainText)
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet("color: #b00020;")
        self.counter = QLabel(self)
        self.counter.setObjectName("reply_counter")
        self.counter.setTextFormat(Qt.TextFormat.PlainText)
        self.send_button = QPushButton(self.tr("Send"), self)
        self.send_button.setObjectName("send_button")
        self.send_button.setEnabled(False)
        self.send_button.setToolTip(self.tr("Put the reply in the outbox (Ctrl+Return)"))
        self.delivery = QLabel(self)
        self.delivery.setObjectName("delivery_state")
        self.delivery.setTextFormat(Qt.TextFormat.PlainText)
        self.delivery.setWordWrap(True)
        self.retry_button = QPushButton(self.tr("Retry"), self)
        self.retry_button.setObjectName("retry_button")
        self.retry_button.hide()
        self.delivery.setVisible(show_delivery)
        self.picker = TemplatePicker(self)

        top = QHBoxLayout()
        top.addWidget(self.mode)
        top.addStretch(1)
        top.addWidget(self.templates_button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.counter)
        bottom.addStretch(1)
        bottom.addWidget(self.send_button)
        state = QHBoxLayout()
        state.addWidget(self.delivery, 1)
        state.addWidget(self.retry_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.editor, 1)
        layout.addWidget(self.problems)
        layout.addLayout(bottom)
        layout.addLayout(state)

        self._check_timer = QTimer(self)
        self._check_timer.setSingleShot(True)
        self._check_timer.setInterval(CHECK_DELAY_MS)
        self._check_timer.timeout.connect(self.check_now)
        self.editor.textChanged.connect(self._on_text_changed)
        self.editor.installEventFilter(self)
        self.mode.currentIndexChanged.connect(lambda _i: self.check_now())
        self.templates_button.clicked.connect(self.open_templates)
        self.picker.chosen.connect(self.insert_template)
        self.picker.cancelled.connect(self.editor.setFocus)
        self.send_button.clicked.connect(self.send)
        self.retry_button.clicked.connect(self._retry)
        self._failed_outbox_id: int | None = None
        self.bridge.outbox_changed.connect(self._on_outbox_changed)
        self.setEnabled(False)

    # -- which message -----------------------------------------------------------------------

    def set_message(self, message_id: int | None) -> None:
        """Answer another message: the draft is cleared, templates and delivery state are loaded."""
        self._generation += 1
        self.message_id = message_id
        self.template_id = None
        self._set_template_only(False)
        self.editor.blockSignals(True)
        self.editor.clear()
        self.editor.blockSignals(False)
        self.problems.clear()
        self.counter.clear()
        self.delivery.clear()
        self.retry_button.hide()
        self.send_button.setEnabled(False)
        self.setEnabled(message_id is not None)
        if message_id is None:
            return
        self.check_now()
        self._load_delivery()

    def start_reply(self) -> None:
        """The 'r' shortcut: focus the editor."""
        if self.message_id is not None:
            self.editor.setFocus(Qt.FocusReason.ShortcutFocusReason)

    # -- templates ---------------------------------------------------------------------------

    def open_templates(self) -> None:
        mid = self.message_id
        if mid is None:
            return
        desk = self.bridge.desk
        generation = self._generation
        no_fit = self.tr("No approved template fits this message.")  # translated here: the worker touches no widget

        def load() -> tuple[list[Any], list[int], str]:
            detail = desk.messages.detail(mid)
            language = detail.message.language if detail.message.language in ("de", "en") else None
            locked = desk.templates.pv_locked(mid)
            offered = [
                t
                for t in desk.templates.sendable(channel=detail.account.kind.value)
                if (language is None or t.language == language or not locked) and (t.pv_safe or not locked)
            ]
            suggested = [t.id for t in desk.templates.suggest(mid)]
            note = replies.template_only_reason(desk, mid) or ""
            if not offered:
                note = (note + " " if note else "") + no_fit
            return offered, suggested, note

        def show(result: tuple[list[Any], list[int], str]) -> None:
            if generation != self._generation:
                return
            offered, suggested, note = result
            self.picker.set_templates(offered, suggested=suggested, note=note)
            self.picker.open_below(self.editor)

        self.bridge.tasks.read(load, label=self.tr("Loading templates"), on_done=show, on_error=self._show_error)

    def insert_template(self, template_id: int) -> None:
        mid = self.message_id
        if mid is None:
            return
        generation = self._generation
        templates = self.bridge.desk.templates

        def done(rendered: Any) -> None:
            if generation != self._generation:
                return
            self.template_id = template_id
            self.editor.setPlainText(rendered.text)
            self.editor.setFocus()
            self.check_now()

        self.bridge.tasks.read(
            lambda: templates.render(template_id, message_id=mid),
            label=self.tr("Filling in the template"),
            on_done=done,
            on_error=self._show_error,
        )

    # -- checking and sending ----------------------------------------------------------------

    def _on_text_changed(self) -> None:
        if not self.editor.toPlainText().strip() and not self._template_only:
            self.template_id = None  # an emptied editor no longer holds the template's text
        self.send_button.setEnabled(False)
        self._check_timer.start()

    def check_now(self) -> None:
        mid = self.message_id
        if mid is None:
            return
        text = self.editor.toPlainText()
        private = bool(self.mode.currentData())
        template_id = self.template_id
        generation = self._generation
        self._check_seq += 1
        seq = self._check_seq
        desk = self.bridge.desk

        def done(result: replies.ReplyCheck) -> None:
            if generation != self._generation or seq != self._check_seq or text != self.editor.toPlainText():
                return  # the user typed on or switched mode; a newer check follows
            self._show_check(result, text)

        self.bridge.tasks.read(
            lambda: replies.check(desk, mid, text, private=private, template_id=template_id),
            on_done=done,
            on_error=self._show_error,
        )

    def _show_check(self, result: replies.ReplyCheck, text: str) -> None:
        self.mode.model().item(1).setEnabled(result.private_possible)  # type: ignore[attr-defined]
        if not result.private_possible and self.mode.currentIndex() == 1:
            self.mode.setCurrentIndex(0)
        self._set_template_only(result.template_only)
        problems = list(result.problems)
        if not text.strip():
            # an empty draft is not an error; only say what would block it
            problems = [p for p in problems if result.template_only and "template" in p]
        self.problems.setText("\n".join(problems))
        self.problems.setVisible(bool(problems))
        limit = f" / {result.max_chars:,}" if result.max_chars else ""
        self.counter.setText(self.tr("{count} characters").format(count=f"{len(text):,}{limit}"))
        self.send_button.setEnabled(result.ok and bool(text.strip()))

    def _set_template_only(self, only: bool) -> None:
        self._template_only = only
        # free text is not allowed: the text can only come from a template (and cannot be changed)
        self.editor.setReadOnly(only)
        self.editor.setPlaceholderText(
            self.tr("Only an approved template can answer this message: press / or Templates")
            if only
            else self.tr("Write a reply, or type / to pick a template")
        )

    def send(self) -> None:
        mid = self.message_id
        text = self.editor.toPlainText()
        if mid is None or not text.strip():
            return
        private = bool(self.mode.currentData())
        template_id = self.template_id
        self.send_button.setEnabled(False)
        generation = self._generation
        desk = self.bridge.desk

        def done(outbox_id: int) -> None:
            self.sent.emit(outbox_id)
            if generation != self._generation:
                return
            self.template_id = None
            self.editor.blockSignals(True)
            self.editor.clear()
            self.editor.blockSignals(False)
            self.problems.clear()
            self.problems.hide()
            self._load_delivery()

        self.bridge.tasks.write(
            lambda: replies.send(desk, mid, text, private=private, template_id=template_id),
            label=self.tr("Queuing the reply"),
            on_done=done,
            on_error=self._show_error,
        )

    # -- delivery state ----------------------------------------------------------------------

    def _load_delivery(self) -> None:
        mid = self.message_id
        if mid is None:
            return
        generation = self._generation
        self._delivery_seq += 1
        seq = self._delivery_seq
        outbox = self.bridge.desk.outbox

        def done(items: list[Any]) -> None:
            if generation == self._generation and seq == self._delivery_seq:
                self._show_delivery(items)

        self.bridge.tasks.read(lambda: outbox.items_for(mid), on_done=done, on_error=self._show_error)

    def _show_delivery(self, items: list[Any]) -> None:
        lines = []
        self._failed_outbox_id = None
        for item in items:
            state = OutboxState(item.state)
            what = self.action_label(str(item.action.value if hasattr(item.action, "value") else item.action))
            if state == OutboxState.SENT:
                where = f" {item.remote_url}" if getattr(item, "remote_url", None) else ""
                lines.append(self.tr("{what}: sent{where}").format(what=what, where=where))
            elif state == OutboxState.FAILED:
                lines.append(
                    self.tr("{what}: failed: {reason}").format(
                        what=what, reason=stored_error_text(item.last_error or "")
                    )
                )
                self._failed_outbox_id = item.id
            elif state == OutboxState.UNKNOWN:
                lines.append(self.tr("{what}: unknown, verify on the channel before retrying").format(what=what))
                self._failed_outbox_id = item.id
            else:
                lines.append(self.tr("{what}: queued").format(what=what))
        self.delivery.setText("\n".join(lines))
        self.delivery.setVisible(self._delivery_shown)
        self.retry_button.setVisible(self._delivery_shown and self._failed_outbox_id is not None)

    def action_label(self, action: str) -> str:
        """What an outbox item does, in the UI language ("private_reply" -> "private reply")."""
        labels: dict[str, str] = {  # OutboxAction is a StrEnum: the plain stored string finds its member
            OutboxAction.REPLY: self.tr("reply"),
            OutboxAction.PRIVATE_REPLY: self.tr("private reply"),
            OutboxAction.HIDE: self.tr("hide comment"),
            OutboxAction.UNHIDE: self.tr("show comment again"),
            OutboxAction.SET_MODERATION: self.tr("moderation setting"),
            OutboxAction.EMAIL: self.tr("e-mail"),
        }
        return labels.get(action, action.replace("_", " "))

    def _on_outbox_changed(self, _outbox_id: int, message_id: object) -> None:
        if message_id is None or message_id == self.message_id:
            self._load_delivery()

    def _retry(self) -> None:
        outbox_id = self._failed_outbox_id
        if outbox_id is None:
            return
        outbox = self.bridge.desk.outbox
        self.bridge.tasks.write(
            lambda: outbox.retry(outbox_id),
            label=self.tr("Retrying"),
            on_done=lambda _r: self._load_delivery(),
            on_error=self._show_error,
        )

    # -- keys --------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.editor and isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress:
            at_start = self.editor.textCursor().positionInBlock() == 0
            if event.text() == "/" and (at_start or self._template_only):
                self.open_templates()
                return True
            ctrl = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
            if ctrl and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if self.send_button.isEnabled():
                    self.send()
                return True
        return super().eventFilter(watched, event)

    def _show_error(self, err: BaseException) -> None:
        text = error_text(err)
        self.problems.setText(text)
        self.problems.show()
        self.send_button.setEnabled(bool(self.editor.toPlainText().strip()))
