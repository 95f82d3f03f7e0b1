"""The strip above a PV form that shows errors and confirmations."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QToolButton, QWidget

from ui.pv.form_widgets import plain_label


class MessageBar(QFrame):
    """Errors and confirmations above the form; errors stay until closed or the next success."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 4, 8, 4)
        self.label = plain_label(wrap=True)
        close = QToolButton()
        close.setText("\u00d7")
        close.setAccessibleName(self.tr("Close message"))
        close.clicked.connect(self.clear)
        row.addWidget(self.label, 1)
        row.addWidget(close)
        self.kind = ""
        self.hide()

    def show_error(self, text: str) -> None:
        self._show(text, "error", "background: #fde7e9; color: #8a0010;")

    def show_info(self, text: str) -> None:
        self._show(text, "info", "background: #e6f4ea; color: #0b5122;")

    def _show(self, text: str, kind: str, style: str) -> None:
        self.kind = kind
        self.label.setText(text)
        self.setStyleSheet(style)
        self.show()

    def clear(self) -> None:
        self.kind = ""
        self.label.setText("")
        self.hide()

    @property
    def text(self) -> str:
        return self.label.text()
