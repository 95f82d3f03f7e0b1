"""Top of the author panel: name, author type badge with cmdesk's reasons, counts and the type override."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QPushButton, QToolButton, QVBoxLayout, QWidget

from cmdesk.model import AuthorType
from cmdesk.people import Profile
from ui.author.reasons import type_reason
from ui.author.text import badge_style, plain_label, type_label


class AuthorHeader(QWidget):
    """Shows a :class:`Profile`'s person; ``override_requested(type or None, reason)`` when a human decides."""

    override_requested = Signal(object, str)  # AuthorType | None ("cmdesk decides"), reason

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(4)
        top = QHBoxLayout()
        self.name_label = plain_label(wrap=True, selectable=True)
        self.name_label.setObjectName("author_name")
        font = QFont(self.name_label.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.name_label.setFont(font)
        self.badge = plain_label()
        self.badge.setObjectName("author_type_badge")
        self.override_button = QToolButton()
        self.override_button.setText(self.tr("Override…"))
        self.override_button.setToolTip(self.tr("Set the author type by hand, or hand it back to cmdesk"))
        self.override_button.setCheckable(True)
        top.addWidget(self.name_label, 1)
        top.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.override_button, 0, Qt.AlignmentFlag.AlignTop)
        column.addLayout(top)
        self.counts_label = plain_label(wrap=True, secondary=True)
        self.override_note = plain_label(wrap=True, secondary=True)
        self.reasons_label = plain_label(wrap=True, selectable=True)
        self.reasons_label.setAccessibleName(self.tr("Why cmdesk chose this type"))
        for label in (self.counts_label, self.override_note, self.reasons_label):
            column.addWidget(label)
        column.addWidget(self._build_override_row())

    def _build_override_row(self) -> QWidget:
        self.override_row = QWidget()
        row = QHBoxLayout(self.override_row)
        row.setContentsMargins(0, 0, 0, 0)
        self.override_combo = QComboBox()
        self.override_combo.setAccessibleName(self.tr("Author type"))
        self.override_combo.addItem(self.tr("cmdesk decides"), None)
        for author_type in AuthorType:
            self.override_combo.addItem(type_label(author_type), author_type.value)
        self.override_reason = QLineEdit()
        self.override_reason.setPlaceholderText(self.tr("Why? (optional)"))
        self.override_reason.setAccessibleName(self.tr("Reason for the author type"))
        self.override_reason.returnPressed.connect(self._apply)
        self.apply_override = QPushButton(self.tr("Set"))
        self.apply_override.clicked.connect(self._apply)
        row.addWidget(self.override_combo)
        row.addWidget(self.override_reason, 1)
        row.addWidget(self.apply_override)
        self.override_row.hide()
        self.override_button.toggled.connect(self.override_row.setVisible)
        return self.override_row

    def show_profile(self, profile: Profile) -> None:
        person = profile.person
        effective = person.effective_type
        self.name_label.setText(person.display_name)
        self.badge.setText(type_label(effective))
        self.badge.setStyleSheet(badge_style(effective))
        self.badge.setAccessibleName(self.tr("Author type: %1").replace("%1", type_label(effective)))
        overridden = person.author_type_override is not None
        self.override_note.setText(
            self.tr("Set by the team. cmdesk's own judgement: %1.").replace("%1", type_label(person.author_type))
            if overridden
            else ""
        )
        self.override_note.setVisible(overridden)
        self.reasons_label.setText("\n".join(f"\u2022 {type_reason(reason)}" for reason in person.author_type_reasons))
        current = person.author_type_override.value if person.author_type_override else None
        self.override_combo.setCurrentIndex(max(0, self.override_combo.findData(current)))
        self.counts_label.setText(self._counts(profile))

    def clear(self) -> None:
        for label in (self.name_label, self.badge, self.counts_label, self.override_note, self.reasons_label):
            label.clear()
        self.badge.setStyleSheet("")
        self.close_override()

    def close_override(self) -> None:
        self.override_button.setChecked(False)
        self.override_reason.clear()

    def _counts(self, profile: Profile) -> str:
        messages = self.tr("%n message(s)", "", profile.message_count)
        if profile.first_seen is None or profile.last_seen is None:
            return messages
        return (
            self.tr("%1 · first seen %2 · last seen %3")
            .replace("%1", messages)
            .replace("%2", profile.first_seen.astimezone().strftime("%Y-%m-%d"))
            .replace("%3", profile.last_seen.astimezone().strftime("%Y-%m-%d"))
        )

    def _apply(self) -> None:
        value = self.override_combo.currentData()
        self.override_requested.emit(AuthorType(value) if value else None, self.override_reason.text().strip())
