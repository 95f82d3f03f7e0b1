"""Stands in for a window part that is not installed yet, with the same show_* methods."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class Placeholder(QWidget):
    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"placeholder_{name}")
        self.shown: int | None = None
        self.label = QLabel(self)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)

    def show_message(self, message_id: int | None) -> None:
        self.shown = message_id
        self.label.setText("" if message_id is None else self.tr("Message %1").replace("%1", str(message_id)))

    def show_person(self, person_id: int | None) -> None:
        self.shown = person_id
        self.label.setText("" if person_id is None else self.tr("Person %1").replace("%1", str(person_id)))
