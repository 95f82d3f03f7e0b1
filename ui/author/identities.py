"""The person's identities on each channel, and suggested merges a human confirms or rejects."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from cmdesk.people import Identity, MergeSuggestion
from ui.author.reasons import merge_reason
from ui.author.text import plain_label
from ui.author.timeline import plain_tip
from ui.widgets import icons

ICON_SIZE = 16
SAFE_SCHEMES = ("http", "https")


def _who(name: str, handle: str | None) -> str:
    return f"{name} (@{handle.lstrip('@')})" if handle else name


def _card() -> tuple[QFrame, QGridLayout]:
    frame = QFrame()
    frame.setFrameShape(QFrame.Shape.StyledPanel)
    grid = QGridLayout(frame)
    grid.setContentsMargins(6, 4, 6, 4)
    grid.setHorizontalSpacing(6)
    grid.setVerticalSpacing(2)
    grid.setColumnStretch(1, 1)
    return frame, grid


class IdentitiesBox(QWidget):
    """Cards for identities and suggestions; buttons only emit, the panel runs the writes."""

    split_requested = Signal(int)  # author id
    confirm_requested = Signal(int)  # suggestion id
    reject_requested = Signal(int)  # suggestion id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.identity_list = QVBoxLayout()
        self.suggestion_heading = plain_label(self.tr("Suggested merges"))
        self.suggestion_heading.setObjectName("author_section")
        self.suggestion_hint = plain_label(
            self.tr("cmdesk only suggests; nothing is joined until you confirm."), wrap=True
        )
        self.suggestion_list = QVBoxLayout()
        outer.addLayout(self.identity_list)
        outer.addWidget(self.suggestion_heading)
        outer.addWidget(self.suggestion_hint)
        outer.addLayout(self.suggestion_list)
        outer.addStretch(1)
        self.split_buttons: dict[int, QPushButton] = {}
        self.confirm_buttons: dict[int, QPushButton] = {}
        self.reject_buttons: dict[int, QPushButton] = {}
        self.profile_buttons: dict[int, QPushButton] = {}
        self.show_data((), (), person_id=None)

    def show_data(
        self, identities: Sequence[Identity], suggestions: Sequence[MergeSuggestion], *, person_id: int | None
    ) -> None:
        for layout in (self.identity_list, self.suggestion_list):
            while (item := layout.takeAt(0)) is not None:
                if (widget := item.widget()) is not None:
                    widget.deleteLater()
        self.split_buttons.clear()
        self.confirm_buttons.clear()
        self.reject_buttons.clear()
        self.profile_buttons.clear()
        for identity in identities:
            self.identity_list.addWidget(self._identity_card(identity, can_split=len(identities) > 1))
        for suggestion in suggestions:
            self.suggestion_list.addWidget(self._suggestion_card(suggestion, person_id=person_id))
        self.suggestion_heading.setVisible(bool(suggestions))
        self.suggestion_hint.setVisible(bool(suggestions))

    def _identity_card(self, identity: Identity, *, can_split: bool) -> QFrame:
        frame, grid = _card()
        channel = QLabel()
        channel.setPixmap(icons.channel_icon(identity.channel).pixmap(ICON_SIZE, ICON_SIZE))
        channel.setToolTip(plain_tip(identity.channel))
        channel.setAccessibleName(identity.channel)
        grid.addWidget(channel, 0, 0)
        grid.addWidget(plain_label(_who(identity.name, identity.handle), wrap=True, selectable=True), 0, 1)
        details = (
            self.tr("%1 · %n message(s) · since %2", "", identity.messages)
            .replace("%1", identity.account)
            .replace("%2", identity.first_seen_at.astimezone().strftime("%Y-%m-%d"))
        )
        grid.addWidget(plain_label(details, wrap=True, secondary=True), 1, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        if identity.profile_url:
            profile = QPushButton(self.tr("Profile"))
            profile.setToolTip(plain_tip(identity.profile_url))
            profile.clicked.connect(lambda _=False, url=identity.profile_url: self.open_profile(url))
            self.profile_buttons[identity.author_id] = profile
            buttons.addWidget(profile)
        split = QPushButton(self.tr("Split off"))
        split.setToolTip(self.tr("This identity is someone else: make it a person of its own"))
        split.setEnabled(can_split)
        split.clicked.connect(lambda _=False, author=identity.author_id: self.split_requested.emit(author))
        self.split_buttons[identity.author_id] = split
        buttons.addWidget(split)
        grid.addLayout(buttons, 2, 0, 1, 2)
        return frame

    def _suggestion_card(self, suggestion: MergeSuggestion, *, person_id: int | None) -> QFrame:
        frame, grid = _card()
        channel = QLabel()
        channel.setPixmap(icons.channel_icon(suggestion.channel).pixmap(ICON_SIZE, ICON_SIZE))
        channel.setToolTip(plain_tip(suggestion.channel))
        grid.addWidget(channel, 0, 0)
        who = _who(suggestion.author_name, suggestion.handle)
        if suggestion.to_person_id == person_id:
            text = self.tr("%1 on %2 may be this person").replace("%1", who).replace("%2", suggestion.account)
        else:
            text = (
                self.tr("This identity (%1 on %2) may belong to %3")
                .replace("%1", who)
                .replace("%2", suggestion.account)
                .replace("%3", suggestion.to_person_name)
            )
        grid.addWidget(plain_label(text, wrap=True), 0, 1)
        score = self.tr("Match %1 %").replace("%1", str(round(suggestion.score * 100)))
        reasons = [score, *(merge_reason(reason) for reason in suggestion.reasons)]
        grid.addWidget(plain_label("; ".join(reasons), wrap=True, secondary=True), 1, 1)
        confirm = QPushButton(self.tr("Confirm"))
        confirm.setToolTip(self.tr("Join this identity to the person"))
        confirm.clicked.connect(lambda _=False, sid=suggestion.id: self.confirm_requested.emit(sid))
        reject = QPushButton(self.tr("Reject"))
        reject.setToolTip(self.tr("Not the same person; cmdesk will not suggest this again"))
        reject.clicked.connect(lambda _=False, sid=suggestion.id: self.reject_requested.emit(sid))
        self.confirm_buttons[suggestion.id] = confirm
        self.reject_buttons[suggestion.id] = reject
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(confirm)
        buttons.addWidget(reject)
        grid.addLayout(buttons, 2, 0, 1, 2)
        return frame

    def open_profile(self, url: str) -> None:
        """Only on a click, and only web links: a profile URL comes from the channel, not from us."""
        target = QUrl(url)
        if target.scheme().lower() in SAFE_SCHEMES and target.isValid():
            QDesktopServices.openUrl(target)
