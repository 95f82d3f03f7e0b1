"""The top of the message pane: channel, author, time, triage state and the desk's judgement, as plain text."""

from __future__ import annotations

from PySide6.QtCore import QUrl, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from cmdesk.messages import MessageDetail
from cmdesk.model import Intent, MoodLabel, PVScreening, Status
from ui.message.details import plain_label
from ui.message.document import open_in_browser
from ui.message.thread_view import local_time
from ui.widgets.icons import channel_icon

ICON_SIZE = 16


class MessageHeader(QWidget):
    """Who wrote what where and when, its status, mood, intent and PV state, and deleted/edited/hidden markers."""

    cannot_open = Signal(str)  # the permalink is not a web address

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.url: str | None = None
        self.channel_icon = QLabel(self)
        self.account = plain_label(self, "message_account", wrap=False)
        self.author = plain_label(self, "message_author", wrap=False)
        font = self.author.font()
        font.setBold(True)
        self.author.setFont(font)
        self.created = plain_label(self, "message_created", wrap=False)
        self.open_button = QPushButton(self.tr("Open on channel"), self)
        self.open_button.setObjectName("open_on_channel")
        self.open_button.setFlat(True)
        self.facts = plain_label(self, "message_facts")
        self.analysis = plain_label(self, "message_analysis")
        self.markers = plain_label(self, "message_markers")
        self.markers.setStyleSheet("color: #b5651d;")
        for label in (self.account, self.author, self.created):
            label.setMinimumWidth(24)  # a long name is clipped rather than widening the whole right column
        top = QHBoxLayout()
        top.addWidget(self.channel_icon)
        top.addWidget(self.account)
        top.addWidget(self.author, 1)
        top.addStretch(0)
        top.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.created)
        layout.addWidget(self.facts)
        layout.addWidget(self.analysis)
        layout.addWidget(self.markers)
        self.open_button.clicked.connect(self.on_open_button_clicked)

    def clear(self) -> None:
        self.url = None
        for label in (self.account, self.author, self.created, self.facts, self.analysis, self.markers):
            label.clear()
        self.channel_icon.clear()
        self.open_button.setToolTip("")

    def set_detail(self, detail: MessageDetail) -> None:
        message = detail.message
        self.channel_icon.setPixmap(channel_icon(detail.account.kind.value).pixmap(ICON_SIZE, ICON_SIZE))
        self.account.setText(detail.account.name)
        author = detail.author
        name = author.name if author is not None else self.tr("unknown author")
        if author is not None and author.handle and author.handle != author.name:
            name = f"{name} ({author.handle})"
        self.author.setText(name)
        self.created.setText(local_time(message.created_at))
        self.url = message.url
        self.open_button.setVisible(bool(message.url))
        self.open_button.setToolTip(message.url or "")
        self.facts.setText(self.facts_text(detail))
        self.analysis.setText(self.analysis_text(detail))
        self.markers.setText("\n".join(self.marker_lines(detail)))
        self.markers.setVisible(bool(self.markers.text()))

    def on_open_button_clicked(self) -> None:
        if self.url and not open_in_browser(QUrl(self.url)):
            self.cannot_open.emit(self.url)

    # -- texts -----------------------------------------------------------------------------------

    def facts_text(self, detail: MessageDetail) -> str:
        message = detail.message
        parts = [
            self.tr("Status: {status}").format(status=self.status_name(message.status)),
            self.tr("Assignee: {name}").format(name=message.assignee or self.tr("nobody")),
            self.tr("Language: {language}").format(language=message.language or "?"),
        ]
        if message.intent is not None:
            parts.append(self.tr("Intent: {intent}").format(intent=self.intent_name(message.intent)))
        return " · ".join(parts)

    def analysis_text(self, detail: MessageDetail) -> str:
        message = detail.message
        parts = []
        if message.mood_label is not None:
            score = f" ({message.mood_score:+.2f})" if message.mood_score is not None else ""
            parts.append(self.tr("Mood: {mood}").format(mood=self.mood_name(message.mood_label) + score))
        if message.pv_suspected:
            pv = self.tr("PV: suspected ({score})").format(score=f"{message.pv_score:.2f}")
        else:
            pv = self.tr("PV: not suspected")
        pv += " · " + self.screening_name(message.pv_screening)
        if detail.pv_screening_reason:
            pv += " — " + detail.pv_screening_reason
        parts.append(pv)
        return "\n".join(parts)

    def marker_lines(self, detail: MessageDetail) -> list[str]:
        message = detail.message
        lines = []
        if message.deleted_at is not None:
            lines.append(
                self.tr("Deleted on the channel ({when}); the stored text is kept.").format(
                    when=local_time(message.deleted_at)
                )
            )
        if message.edited_at is not None:
            lines.append(
                self.tr("Edited on the channel ({when}); this is the latest text.").format(
                    when=local_time(message.edited_at)
                )
            )
        if message.hidden:
            lines.append(self.tr("Hidden on the channel."))
        return lines

    def status_name(self, status: Status) -> str:
        return {
            Status.OPEN: self.tr("open"),
            Status.WAITING: self.tr("waiting"),
            Status.DONE: self.tr("done"),
            Status.NO_ACTION: self.tr("no action"),
        }[status]

    def mood_name(self, mood: MoodLabel) -> str:
        return {
            MoodLabel.NEGATIVE: self.tr("negative"),
            MoodLabel.NEUTRAL: self.tr("neutral"),
            MoodLabel.POSITIVE: self.tr("positive"),
        }[mood]

    def intent_name(self, intent: Intent) -> str:
        return {
            Intent.ADVERSE_EVENT: self.tr("adverse event"),
            Intent.COMPLAINT: self.tr("complaint"),
            Intent.QUESTION: self.tr("question"),
            Intent.PRAISE: self.tr("praise"),
            Intent.EXPERIENCE: self.tr("experience"),
            Intent.ABUSE: self.tr("abuse"),
            Intent.SPAM: self.tr("spam"),
            Intent.OTHER: self.tr("other"),
        }[intent]

    def screening_name(self, screening: PVScreening) -> str:
        return {
            PVScreening.UNSCREENED: self.tr("not screened yet"),
            PVScreening.AUTO_CLEARED: self.tr("cleared automatically"),
            PVScreening.NOT_AE: self.tr("screened: not an adverse event"),
            PVScreening.CASE: self.tr("screened: PV case"),
        }[screening]
