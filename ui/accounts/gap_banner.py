"""The red banner over the window while an account has not synced for too long: adverse events may go unseen."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from ui.accounts.text import fill

STYLE = (
    "QFrame#gap_banner { background: #b42318; border-radius: 4px; }"
    " QFrame#gap_banner QLabel { color: white; font-weight: bold; }"
)


class GapBanner(QFrame):
    """Hidden until ``show_gaps`` gets account names; its button asks for the accounts page."""

    open_accounts_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("gap_banner")
        self.setStyleSheet(STYLE)
        self.label = QLabel(self)
        self.label.setObjectName("gap_banner_text")
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setWordWrap(True)
        self.button = QPushButton(self.tr("Open channel accounts…"), self)
        self.button.setObjectName("gap_banner_button")
        self.button.clicked.connect(self.open_accounts_requested)
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 6, 6, 6)
        row.addWidget(self.label, 1)
        row.addWidget(self.button)
        self.names: list[str] = []
        self.hide()

    def show_gaps(self, names: list[str], *, hours: dict[str, int] | None = None) -> None:
        """Show the accounts without a successful sync (``hours`` since the last one, where known); hide on []."""
        self.names = list(names)
        if not names:
            self.label.clear()
            self.hide()
            return
        hours = hours or {}
        parts = [
            fill(self.tr("%1 for %2 h"), name, hours[name]) if name in hours else fill(self.tr("%1 for too long"), name)
            for name in names
        ]
        self.label.setText(
            fill(self.tr("No successful sync from %1: adverse events may be going unseen."), ", ".join(parts))
        )
        self.show()
