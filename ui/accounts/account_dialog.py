"""The add/edit form of a channel account, built from the settings its kind accepts, and the secret dialog.

The form saves itself through the task runner and stays open on an error with
everything as typed; the core's message is shown next to the field it names.
"""

from __future__ import annotations

import logging
import re
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from cmdesk.channels.accounts import ALLOWED_SETTINGS, MIN_SYNC_INTERVAL_S, Account, required_settings
from cmdesk.channels.registry import DEFAULT_BASE_URLS
from cmdesk.errors import UserError
from cmdesk.model import ChannelKind
from ui.accounts.text import fill
from ui.bridge import DeskBridge
from ui.error_text import error_text
from ui.widgets.icons import channel_icon

log = logging.getLogger(__name__)

INTERVAL = "sync_interval_s"
DEFAULT_INTERVAL_S = 300
ERROR_STYLE = "color: #b42318;"
Field = QLineEdit | QComboBox | QSpinBox


def field_named_in(message: str, keys: list[str]) -> str | None:
    """The first form field a core error message names as a whole word (``page_id``; "name(d)"), if any."""
    hits: list[tuple[int, str]] = []
    for key in keys:
        pattern = r"\bnamed?\b" if key == "name" else rf"\b{re.escape(key)}\b"
        if found := re.search(pattern, message):
            hits.append((found.start(), key))
    return min(hits)[1] if hits else None


def error_label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setStyleSheet(ERROR_STYLE)
    label.hide()
    return label


class AccountDialog(QDialog):
    """Adds an account (``account`` None) or edits the settings of one; ``saved`` carries the stored account."""

    saved = Signal(object)  # Account

    def __init__(self, bridge: DeskBridge, *, account: Account | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("account_dialog")
        self.bridge = bridge
        self.account = account
        self.setWindowTitle(
            self.tr("Add channel account") if account is None else fill(self.tr("Edit %1"), account.name)
        )
        self.kind = QComboBox(self)
        self.kind.setObjectName("account_kind")
        for kind in ChannelKind:
            self.kind.addItem(channel_icon(kind.value), self.kind_label(kind.value), kind.value)
        self.name = QLineEdit(self)
        self.name.setObjectName("account_name")
        self.name.setPlaceholderText(self.tr("e.g. Novalind DE (Facebook)"))
        self.fields: dict[str, Field] = {}
        self.errors: dict[str, QLabel] = {}
        self._typed: dict[str, Any] = {}  # values typed for another kind, kept if the user switches back
        self.settings_box = QWidget(self)
        self.message = error_label(self)
        self.message.setObjectName("account_dialog_message")
        self.note = QLabel(self.tr("* required"), self)
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.save_button = QPushButton(self.tr("Add") if account is None else self.tr("Save"), self)
        self.save_button.setObjectName("account_save")
        self.save_button.setDefault(True)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.save_button.clicked.connect(self.save)
        buttons.rejected.connect(self.reject)

        head = QFormLayout()
        head.addRow(self.tr("Channel:"), self.kind)
        head.addRow(self.tr("Name: *"), self.name)
        self.errors["name"] = error_label(self)
        head.addRow("", self.errors["name"])
        self._layout = QVBoxLayout(self)
        for part in (self.settings_box, self.note, self.message, buttons):
            self._layout.addWidget(part)
        self._layout.insertLayout(0, head)
        self.resize(480, 0)

        if account is not None:
            self.kind.setCurrentIndex(self.kind.findData(account.kind))
            self.name.setText(account.name)
            self.kind.setEnabled(False)  # kind and name identify the account's messages; only settings change
            self.name.setEnabled(False)
            self._typed = {k: str(v) for k, v in account.settings.items()}
            self._typed[INTERVAL] = account.sync_interval_s
        self._build_fields()
        self.kind.currentIndexChanged.connect(lambda _i: self._on_kind_changed())

    # -- labels ------------------------------------------------------------------------------

    def kind_label(self, kind: str) -> str:
        return {
            "facebook": self.tr("Facebook page"),
            "instagram": self.tr("Instagram business account"),
            "youtube": self.tr("YouTube channel"),
            "discourse": self.tr("Discourse forum"),
            "email": self.tr("E-mail mailbox"),
            "file": self.tr("File import"),
        }.get(kind, kind)

    def setting_label(self, key: str) -> str:
        return {
            "page_id": self.tr("Facebook page ID"),
            "ig_user_id": self.tr("Instagram business account ID"),
            "channel_id": self.tr("YouTube channel ID"),
            "base_url": self.tr("API address"),
            "username": self.tr("User name"),
            "country": self.tr("Country (ISO code)"),
            INTERVAL: self.tr("Sync every"),
            "imap_host": self.tr("IMAP server"),
            "imap_port": self.tr("IMAP port"),
            "smtp_host": self.tr("SMTP server"),
            "smtp_port": self.tr("SMTP port"),
            "address": self.tr("E-mail address"),
            "mailbox": self.tr("Mailbox folder"),
            "sent_mailbox": self.tr("Sent folder"),
            "security": self.tr("Security"),
        }.get(key, key)

    # -- the generated form --------------------------------------------------------------------

    def current_kind(self) -> str:
        return str(self.kind.currentData())

    def keys(self) -> list[str]:
        """The settings the chosen kind accepts, required ones first."""
        kind = self.current_kind()
        required = required_settings(kind)
        return [*required, *(k for k in ALLOWED_SETTINGS[kind] if k not in required)]

    def _on_kind_changed(self) -> None:
        self._typed.update(self.values())
        self._build_fields()

    def _build_fields(self) -> None:
        self._layout.removeWidget(self.settings_box)
        self.settings_box.deleteLater()
        self.settings_box = QWidget(self)
        form = QFormLayout(self.settings_box)
        form.setContentsMargins(0, 0, 0, 0)
        kind = self.current_kind()
        required = required_settings(kind)
        self.fields = {}
        self.errors = {"name": self.errors["name"]}
        for key in self.keys():
            widget = self._make_field(key, kind)
            widget.setObjectName(f"setting_{key}")
            self.fields[key] = widget
            label = self.setting_label(key) + (" *" if key in required else "") + ":"
            form.addRow(label, widget)
            self.errors[key] = error_label(self.settings_box)
            form.addRow("", self.errors[key])
        self._layout.insertWidget(1, self.settings_box)

    def _make_field(self, key: str, kind: str) -> Field:
        typed = self._typed.get(key)
        if key == INTERVAL:
            spin = QSpinBox(self.settings_box)
            spin.setRange(MIN_SYNC_INTERVAL_S, 7 * 24 * 3600)
            spin.setSuffix(self.tr(" s"))
            spin.setValue(int(typed) if typed else DEFAULT_INTERVAL_S)
            return spin
        if key == "security":
            combo = QComboBox(self.settings_box)
            combo.addItem(self.tr("TLS (default)"), "")
            combo.addItem(self.tr("TLS"), "tls")
            combo.addItem(self.tr("None (local test servers only)"), "none")
            combo.setCurrentIndex(max(0, combo.findData(typed or "")))
            return combo
        edit = QLineEdit(self.settings_box)
        edit.setText("" if typed is None else str(typed))
        if key == "base_url" and kind in DEFAULT_BASE_URLS:
            edit.setPlaceholderText(DEFAULT_BASE_URLS[kind])
        elif key in ("imap_port", "smtp_port"):
            edit.setPlaceholderText(self.tr("default"))
        return edit

    def values(self) -> dict[str, Any]:
        """What the form holds now: text stripped, the interval as a number, '' for an empty field."""
        out: dict[str, Any] = {}
        for key, widget in self.fields.items():
            if isinstance(widget, QSpinBox):
                out[key] = widget.value()
            elif isinstance(widget, QComboBox):
                out[key] = str(widget.currentData() or "")
            else:
                out[key] = widget.text().strip()
        return out

    def settings(self) -> dict[str, Any]:
        """The settings to send: empty fields left out on add, removed (None) on edit if they were set."""
        had = self.account.settings if self.account is not None else {}
        out: dict[str, Any] = {}
        for key, value in self.values().items():
            if value != "":
                out[key] = value
            elif key in had:
                out[key] = None
        return out

    # -- saving --------------------------------------------------------------------------------

    def show_error(self, message: str) -> None:
        """Show a core error beside the field it names, else under the form."""
        key = field_named_in(message, [*self.fields, "name"])
        label = self.errors.get(key) if key is not None else None
        (label or self.message).setText(message)
        (label or self.message).show()

    def clear_errors(self) -> None:
        for label in (*self.errors.values(), self.message):
            label.clear()
            label.hide()

    def save(self) -> None:
        self.clear_errors()
        values = self.values()
        missing = [k for k in required_settings(self.current_kind()) if values.get(k, "") == ""]
        if self.account is None and not self.name.text().strip():
            missing.insert(0, "name")
        for key in missing:
            self.errors[key].setText(self.tr("This field is required."))
            self.errors[key].show()
        if missing:
            return
        accounts = self.bridge.desk.accounts
        settings = self.settings()
        if self.account is None:
            kind, name = self.current_kind(), self.name.text()

            def add() -> Account:
                return accounts.add(kind, name, settings)

            job = add
        else:
            account_id = self.account.id

            def update() -> Account:
                return accounts.update(account_id, settings)

            job = update
        self.save_button.setEnabled(False)
        self.bridge.tasks.write(job, on_done=self._on_saved, on_error=self._on_failed)

    def _on_saved(self, account: Account) -> None:
        self.save_button.setEnabled(True)
        self.account = account
        self.saved.emit(account)
        self.accept()

    def _on_failed(self, err: BaseException) -> None:
        self.save_button.setEnabled(True)
        if isinstance(err, UserError):
            self.show_error(error_text(err))
            return
        log.error("saving a channel account failed", exc_info=(type(err), err, err.__traceback__))
        self.show_error(fill(self.tr("Could not save (%1); see the log."), type(err).__name__))


class SecretDialog(QDialog):
    """Asks for an account's token or password (never shown) and stores it in the OS keyring."""

    saved = Signal(int)  # account id

    def __init__(self, bridge: DeskBridge, account: Account, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("secret_dialog")
        self.bridge = bridge
        self.account = account
        self.setWindowTitle(fill(self.tr("Secret of %1"), account.name))
        self.secret = QLineEdit(self)
        self.secret.setObjectName("account_secret")
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret.setInputMethodHints(Qt.InputMethodHint.ImhHiddenText | Qt.InputMethodHint.ImhSensitiveData)
        explain = QLabel(self.tr("Kept in the operating system's keyring, never in the desk file or the logs."), self)
        explain.setTextFormat(Qt.TextFormat.PlainText)
        explain.setWordWrap(True)
        self.message = error_label(self)
        self.message.setObjectName("secret_message")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.save_button = QPushButton(self.tr("Save"), self)
        self.save_button.setObjectName("secret_save")
        self.save_button.setDefault(True)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.save_button.clicked.connect(self.save)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.secret_label(account.kind), self.secret)
        form.addRow(explain)
        form.addRow(self.message)
        form.addRow(buttons)
        self.rejected.connect(self.secret.clear)

    def secret_label(self, kind: str) -> str:
        return {
            "facebook": self.tr("Page access token:"),
            "instagram": self.tr("Page access token:"),
            "youtube": self.tr("OAuth access token:"),
            "discourse": self.tr("API key:"),
            "email": self.tr("Password or app password:"),
        }.get(kind, self.tr("Token or password:"))

    def save(self) -> None:
        secret = self.secret.text()
        if not secret.strip():
            self.message.setText(self.tr("Enter the token or password."))
            self.message.show()
            return
        accounts, account_id = self.bridge.desk.accounts, self.account.id
        self.save_button.setEnabled(False)
        self.bridge.tasks.write(
            lambda: accounts.set_secret(account_id, secret), on_done=self._on_saved, on_error=self._on_failed
        )

    def _on_saved(self, _result: object) -> None:
        self.save_button.setEnabled(True)
        self.secret.clear()
        self.saved.emit(self.account.id)
        self.accept()

    def _on_failed(self, err: BaseException) -> None:
        self.save_button.setEnabled(True)
        if isinstance(err, UserError):
            text = error_text(err)
        else:  # the type only: an unexpected error's text might quote what it was given
            log.error("storing a channel secret failed (%s)", type(err).__name__)
            text = fill(self.tr("Could not store the secret (%1)."), type(err).__name__)
        self.message.setText(text)
        self.message.show()
