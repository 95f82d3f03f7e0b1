"""Unlock dialog: asks for the store passphrase and shows a wrong one as a plain message."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from cmdesk.errors import UserError
from ui.error_text import error_text


class UnlockDialog(QDialog):
    """``try_unlock(passphrase)`` raises a UserError on failure; the dialog stays open and says why."""

    def __init__(self, *, store_label: str, try_unlock: Callable[[str], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("unlock_dialog")
        self.setWindowTitle(self.tr("Unlock desk"))
        self._try_unlock = try_unlock
        intro = QLabel(self.tr("Enter the passphrase of %1").replace("%1", store_label), self)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        intro.setWordWrap(True)
        self.passphrase = QLineEdit(self)
        self.passphrase.setObjectName("passphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = QLabel(self)
        self.error.setObjectName("unlock_error")
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setWordWrap(True)
        self.error.setProperty("role", "error")
        self.error.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Unlock"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.passphrase)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(380)

    def accept(self) -> None:
        try:
            self._try_unlock(self.passphrase.text())
        except UserError as err:
            self.error.setText(error_text(err))
            self.error.show()
            self.passphrase.selectAll()
            self.passphrase.setFocus()
            return
        self.passphrase.clear()  # the secret does not stay in a widget
        super().accept()
