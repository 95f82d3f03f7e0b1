"""What the window shows while the desk is locked: nothing of the data, one button to unlock."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from ui.widgets import icons


class LockScreen(QWidget):
    unlock_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lock_screen")
        picture = QLabel(self)
        picture.setPixmap(icons.icon("lock").pixmap(QSize(72, 72)))
        picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        title = QLabel(self.tr("The desk is locked"), self)
        title.setObjectName("lock_title")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.button = QPushButton(self.tr("Unlock…"), self)
        self.button.setObjectName("unlock_button")
        self.button.setDefault(True)
        self.button.clicked.connect(self.unlock_requested)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(picture)
        layout.addWidget(title)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignCenter)
        layout.addStretch(2)
