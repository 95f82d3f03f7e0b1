"""The "Channel accounts" page: each account's health, and add, edit, secret, test, pause, remove, sync now."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cmdesk.channels.accounts import Account
from cmdesk.channels.sync import SyncResult
from cmdesk.errors import UserError
from cmdesk.model import ChannelKind
from ui.accounts.account_dialog import AccountDialog, SecretDialog
from ui.accounts.accounts_table import ALERT, AccountsTable
from ui.accounts.sync_scheduler import SyncScheduler
from ui.accounts.text import fill
from ui.bridge import DeskBridge
from ui.desk_life.on_lock import close_dialogs
from ui.error_text import error_text, stored_error_text
from ui.widgets.newest_list import NewestList

log = logging.getLogger(__name__)

RELOAD_DELAY_MS = 200


class AccountsPage(QDialog):
    """Lists the desk's channel accounts with their health; every change runs off the UI thread."""

    def __init__(
        self, bridge: DeskBridge, *, scheduler: SyncScheduler | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("accounts_page")
        self.setWindowTitle(self.tr("Channel accounts"))
        self.bridge = bridge
        self.scheduler = scheduler
        self.accounts: list[Account] = []
        self.account_dialog: AccountDialog | None = None
        self.secret_dialog: SecretDialog | None = None
        self._testing = False
        # Bumped by each connection test and by a lock: only the newest test's answer is shown. A lock's drain
        # cancels a running test, and a cancelled task calls back nothing, so _on_locked frees the button.
        self._test_seq = 0
        # only the newest reload's list is shown (a sync pass changes an account's state several times in a row)
        self._reloads = NewestList()
        # asks before removing; tests put an answer here instead of a message box
        self.confirm: Callable[[str], bool] = self._ask
        self.table = AccountsTable(self)
        self.add_button = self._button("add", self.tr("Add…"), self.add)
        self.edit_button = self._button("edit", self.tr("Edit…"), self.edit)
        self.secret_button = self._button("secret", self.tr("Set secret…"), self.set_secret)
        self.test_button = self._button("test", self.tr("Test connection"), self.test)
        self.pause_button = self._button("pause", self.tr("Pause"), self.pause_or_resume)
        self.remove_button = self._button("remove", self.tr("Remove…"), self.remove)
        self.sync_button = self._button("sync", self.tr("Sync now"), self.sync_now)
        self.progress = self._plain_label("accounts_progress")
        self.message = self._plain_label("accounts_message")
        buttons = QHBoxLayout()
        for b in (
            self.add_button,
            self.edit_button,
            self.secret_button,
            self.test_button,
            self.pause_button,
            self.remove_button,
            self.sync_button,
        ):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        self.resize(980, 420)

        self._reload_timer = QTimer(self)
        self._reload_timer.setSingleShot(True)
        self._reload_timer.setInterval(RELOAD_DELAY_MS)
        self._reload_timer.timeout.connect(self.reload)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        bridge.accounts_changed.connect(self._on_accounts_changed)
        bridge.sync_progress.connect(self._on_sync_progress)
        bridge.locked.connect(self._on_locked)
        if scheduler is not None:
            scheduler.sync_finished.connect(self._on_synced)
            scheduler.sync_failed.connect(self._on_sync_failed)
        self._update_buttons()
        self.reload()

    def _button(self, name: str, text: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(f"accounts_{name}")
        button.setAutoDefault(False)
        button.clicked.connect(slot)
        return button

    def _plain_label(self, name: str) -> QLabel:
        label = QLabel(self)
        label.setObjectName(name)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        return label

    # -- loading ---------------------------------------------------------------------------------

    def reload(self, *, select: int | None = None) -> None:
        """Read the accounts off the UI thread; keep the selection, or select ``select``."""
        if self.bridge.is_locked:
            return
        desk = self.bridge.desk
        accounts = desk.accounts
        token = self._reloads.start(select)

        def load() -> tuple[list[Account], datetime]:
            return accounts.list(), desk.clock.now()

        self.bridge.tasks.read(load, on_done=lambda loaded: self._fill(loaded, token), on_error=self._on_error)

    def _fill(self, loaded: tuple[list[Account], datetime], token: int) -> None:
        if self.bridge.is_locked:
            return
        newest, select = self._reloads.arrived(token)
        if not newest:
            return  # a newer reload is on its way: this list is outdated
        accounts, now = loaded
        self.accounts = accounts
        self.table.show_accounts(accounts, now, select=select if select is not None else self.current_id())
        self._update_buttons()

    # -- selection -------------------------------------------------------------------------------

    def current_id(self) -> int | None:
        return self.table.current_id()

    def current(self) -> Account | None:
        account_id = self.current_id()
        return next((a for a in self.accounts if a.id == account_id), None)

    def select(self, account_id: int) -> None:
        self.table.select(account_id)

    def _update_buttons(self) -> None:
        account = self.current()
        connected = account is not None and account.kind != ChannelKind.FILE.value
        self.add_button.setEnabled(not self.bridge.is_locked)
        for button in (self.edit_button, self.pause_button, self.remove_button):
            button.setEnabled(account is not None)
        self.secret_button.setEnabled(connected)
        self.test_button.setEnabled(connected and not self._testing)
        self.sync_button.setEnabled(connected and account is not None and account.status != "paused")
        paused = account is not None and account.status == "paused"
        self.pause_button.setText(self.tr("Resume") if paused else self.tr("Pause"))

    # -- actions ---------------------------------------------------------------------------------

    def add(self) -> None:
        self.account_dialog = AccountDialog(self.bridge, parent=self)
        self.account_dialog.saved.connect(self._on_added)
        self.account_dialog.open()

    def _on_added(self, account: Account) -> None:
        if self.bridge.is_locked:
            return  # saved just before a lock (a lock waits for the user's writes): no secret dialog over the lock
        self.say(fill(self.tr("Account %1 added."), account.name))
        self._after_change(account.id)
        if account.kind != ChannelKind.FILE.value:
            self._open_secret(account)  # it cannot sync without its token or password

    def edit(self) -> None:
        account = self.current()
        if account is None:
            return
        self.account_dialog = AccountDialog(self.bridge, account=account, parent=self)
        self.account_dialog.saved.connect(self._on_edited)
        self.account_dialog.open()

    def _on_edited(self, account: Account) -> None:
        if self.bridge.is_locked:
            return  # saved just before a lock: the page is closed and empty until the next unlock
        self.say(fill(self.tr("Settings of %1 saved."), account.name))
        self._after_change(account.id)

    def set_secret(self) -> None:
        account = self.current()
        if account is not None:
            self._open_secret(account)

    def _open_secret(self, account: Account) -> None:
        self.secret_dialog = SecretDialog(self.bridge, account, parent=self)
        self.secret_dialog.saved.connect(self._on_secret_saved)
        self.secret_dialog.open()

    def _on_secret_saved(self, account_id: int) -> None:
        if self.bridge.is_locked:
            return  # saved just before a lock: no connection test on a locked desk
        self._after_change(account_id)
        self.test_account(account_id)  # the user wants to know at once whether the new token works

    def test(self) -> None:
        account_id = self.current_id()
        if account_id is not None:
            self.test_account(account_id)

    def test_account(self, account_id: int) -> None:
        """Ask the channel who we are connected to (network pool); the answer goes to the message line."""
        if self.bridge.is_locked:
            return
        name = self._name(account_id)
        accounts = self.bridge.desk.accounts
        self._test_seq += 1
        seq = self._test_seq
        self._testing = True
        self._update_buttons()
        self.say(fill(self.tr("Testing %1…"), name))
        self.bridge.tasks.network(
            lambda: accounts.test(account_id),
            on_done=lambda found: self._on_tested(seq, name, str(found)),
            on_error=lambda err: self._on_tested(seq, name, None, err),
        )

    def _on_tested(self, seq: int, name: str, found: str | None, err: BaseException | None = None) -> None:
        if seq != self._test_seq or self.bridge.is_locked:
            return  # an answer from before a lock (or an older test): the page has moved on
        self._testing = False
        self._update_buttons()
        if err is None:
            self.say(fill(self.tr("%1: connected to %2."), name, found))
        else:
            self.say(fill(self.tr("%1: connection failed: %2"), name, self._describe(err)), alert=True)

    def pause_or_resume(self) -> None:
        account = self.current()
        if account is None:
            return
        accounts = self.bridge.desk.accounts
        if account.status == "paused":
            self._write(lambda: accounts.resume(account.id), fill(self.tr("%1 resumed."), account.name), account.id)
        else:
            self._write(lambda: accounts.pause(account.id), fill(self.tr("%1 paused."), account.name), account.id)

    def remove(self) -> None:
        account = self.current()
        if account is None:
            return
        question = fill(
            self.tr("Remove the account %1? Its settings and secret are deleted."),
            account.name,
        )
        if not self.confirm(question) or self.bridge.is_locked:
            return  # no, or a lock came while the question was open: nothing is removed on a locked desk
        accounts = self.bridge.desk.accounts
        self._write(lambda: accounts.remove(account.id), fill(self.tr("%1 removed."), account.name), None)

    def sync_now(self) -> None:
        account = self.current()
        if account is None:
            return
        self.say(fill(self.tr("Syncing %1…"), account.name))
        if self.scheduler is not None:
            self.scheduler.sync_now(account.id)
            return
        sync = self.bridge.desk.sync
        self.bridge.tasks.write(
            lambda: sync.sync_account(account.id),
            on_done=self._on_synced,
            on_error=lambda err: self._on_sync_failed(account.id, self._describe(err)),
        )

    # -- results ---------------------------------------------------------------------------------

    def say(self, text: str, *, alert: bool = False) -> None:
        self.message.setStyleSheet(f"color: {ALERT.name()};" if alert else "")
        self.message.setText(text)

    def _name(self, account_id: int) -> str:
        return next((a.name for a in self.accounts if a.id == account_id), str(account_id))

    def _describe(self, err: BaseException) -> str:
        if isinstance(err, UserError):
            return error_text(err)
        log.error("channel account action failed", exc_info=(type(err), err, err.__traceback__))
        return fill(self.tr("unexpected error (%1); see the log"), type(err).__name__)

    def _write(self, job: Callable[[], Any], done_text: str, select: int | None) -> None:
        def done(_result: object) -> None:
            self.say(done_text)
            self._after_change(select)

        self.bridge.tasks.write(job, on_done=done, on_error=self._on_error)

    def _after_change(self, select: int | None) -> None:
        if self.scheduler is not None:
            self.scheduler.tick()  # a resumed or new account is due at once
        self.reload(select=select)

    def _on_error(self, err: BaseException) -> None:
        if not self.bridge.is_locked:
            self.say(self._describe(err), alert=True)

    def _on_synced(self, result: SyncResult) -> None:
        if result.error is not None:
            self.say(fill(self.tr("%1: sync failed: %2"), result.account, stored_error_text(result.error)), alert=True)
            return
        self.progress.clear()
        self.say(
            fill(
                self.tr("%1: %2 fetched, %3 new, %4 updated."),
                result.account,
                result.fetched,
                result.new,
                result.updated,
            )
        )

    def _on_sync_failed(self, account_id: int, message: str) -> None:
        self.progress.clear()
        self.say(fill(self.tr("%1: sync failed: %2"), self._name(account_id), message), alert=True)

    def _on_sync_progress(self, account_id: int, fetched: int, stored: int) -> None:
        self.progress.setText(
            fill(self.tr("Syncing %1: %2 fetched, %3 stored"), self._name(account_id), fetched, stored)
        )

    def _on_accounts_changed(self, _account_id: int | None) -> None:
        self._reload_timer.start()  # a sync changes health several times in a row: one reload for all

    def _on_locked(self) -> None:
        """Desk data leaves the screen: the dialogs close, the table empties."""
        for dialog in (self.account_dialog, self.secret_dialog):
            if dialog is not None:
                dialog.reject()
        close_dialogs(self)  # the Remove question (its own exec()) and any other window of ours
        self.accounts = []
        self._reloads.drop()  # a list read before the lock is not shown
        self._test_seq += 1
        self._testing = False
        self.table.setRowCount(0)
        self.progress.clear()
        self.message.clear()
        self._update_buttons()
        self.reject()

    def _ask(self, question: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Remove account"), "", parent=self)
        box.setTextFormat(Qt.TextFormat.PlainText)  # the question quotes the account's name
        box.setText(question)
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        return box.exec() == QMessageBox.StandardButton.Yes

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        self.reload()  # opened again after a lock: fresh figures
