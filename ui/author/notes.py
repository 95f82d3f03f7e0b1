"""Tags as removable chips and the team's notes about a person, each with a field to add one."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from cmdesk.people import Note
from ui.author.flow import FlowLayout
from ui.author.text import plain_label


class TagChips(QWidget):
    """One chip per tag with a remove button; a field adds a tag on Enter."""

    tag_added = Signal(str)
    tag_removed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.chips_box = QWidget()
        self.chips = FlowLayout(self.chips_box)
        outer.addWidget(self.chips_box)
        row = QHBoxLayout()
        self.field = QLineEdit()
        self.field.setPlaceholderText(self.tr("Add a tag…"))
        self.field.setAccessibleName(self.tr("New tag"))
        self.field.returnPressed.connect(self._add)
        self.add_button = QPushButton(self.tr("Add tag"))
        self.add_button.clicked.connect(self._add)
        row.addWidget(self.field, 1)
        row.addWidget(self.add_button)
        outer.addLayout(row)
        self.remove_buttons: dict[str, QToolButton] = {}

    def set_tags(self, tags: Sequence[str]) -> None:
        while (item := self.chips.takeAt(0)) is not None:
            if (widget := item.widget()) is not None:
                widget.deleteLater()
        self.remove_buttons.clear()
        for tag in tags:
            self.chips.addWidget(self._chip(tag))
        self.chips_box.updateGeometry()

    def tags(self) -> list[str]:
        return list(self.remove_buttons)

    def _chip(self, tag: str) -> QFrame:
        chip = QFrame()
        chip.setObjectName("author_tag_chip")
        chip.setFrameShape(QFrame.Shape.StyledPanel)
        row = QHBoxLayout(chip)
        row.setContentsMargins(6, 0, 0, 0)
        row.setSpacing(2)
        row.addWidget(plain_label(tag))
        remove = QToolButton()
        remove.setText("\u00d7")
        remove.setAutoRaise(True)
        remove.setAccessibleName(self.tr("Remove tag %1").replace("%1", tag))
        remove.setToolTip(self.tr("Remove this tag"))
        remove.clicked.connect(lambda _=False, name=tag: self.tag_removed.emit(name))
        row.addWidget(remove)
        self.remove_buttons[tag] = remove
        return chip

    def _add(self) -> None:
        name = " ".join(self.field.text().split())
        if name:
            self.tag_added.emit(name)


class NotesBox(QWidget):
    """Notes newest first as plain text; the draft stays in the field until it is saved."""

    note_added = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.field = QPlainTextEdit()
        self.field.setPlaceholderText(self.tr("A note for the team about this person…"))
        self.field.setAccessibleName(self.tr("New note"))
        self.field.setTabChangesFocus(True)
        self.field.setMaximumHeight(64)
        self.add_button = QPushButton(self.tr("Add note"))
        self.add_button.setToolTip(self.tr("Ctrl+Enter"))
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self.field)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(self._add)
        self.add_button.clicked.connect(self._add)
        row = QHBoxLayout()
        row.addWidget(self.field, 1)
        row.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignTop)
        outer.addLayout(row)
        self.list = QVBoxLayout()
        outer.addLayout(self.list)
        self.empty = plain_label(self.tr("No notes yet."), secondary=True)
        outer.addWidget(self.empty)
        self.texts: list[str] = []

    def set_notes(self, notes: Sequence[Note]) -> None:
        while (item := self.list.takeAt(0)) is not None:
            if (widget := item.widget()) is not None:
                widget.deleteLater()
        self.texts = [note.text for note in notes]
        for note in sorted(notes, key=lambda n: n.created_at, reverse=True):
            self.list.addWidget(self._note(note))
        self.empty.setVisible(not notes)

    def _note(self, note: Note) -> QFrame:
        frame = QFrame()
        frame.setFrameShape(QFrame.Shape.StyledPanel)
        column = QVBoxLayout(frame)
        column.setContentsMargins(6, 4, 6, 4)
        column.setSpacing(2)
        when = note.created_at.astimezone().strftime("%Y-%m-%d %H:%M")
        column.addWidget(plain_label(f"{note.author} · {when}", secondary=True))
        column.addWidget(plain_label(note.text, wrap=True, selectable=True))
        return frame

    def _add(self) -> None:
        text = self.field.toPlainText().strip()
        if text:
            self.note_added.emit(text)
