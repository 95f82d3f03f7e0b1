"""The accounts table: one row per channel account with its status, last success and error, throughput, token."""

from __future__ import annotations

import html
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from cmdesk.channels.accounts import Account
from cmdesk.model import ChannelKind
from ui.accounts.text import fill, status_text
from ui.error_text import stored_error_text
from ui.widgets.icons import channel_icon

ID_ROLE = Qt.ItemDataRole.UserRole
ALERT = QColor("#b42318")
MUTED = QColor("#667085")
TOKEN_WARNING = timedelta(days=7)
COLUMNS = 6  # account, status, last success, last error, items/hour, token expiry


def when(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")


class AccountsTable(QTableWidget):
    """A small in-memory list (a desk has a handful of accounts); every cell is plain text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, COLUMNS, parent)
        self.setObjectName("accounts_table")
        self.setHorizontalHeaderLabels(
            [
                self.tr("Account"),
                self.tr("Status"),
                self.tr("Last success"),
                self.tr("Last error"),
                self.tr("Items/hour"),
                self.tr("Token expires"),
            ]
        )
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.verticalHeader().setVisible(False)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)

    def show_accounts(self, accounts: list[Account], now: datetime, *, select: int | None = None) -> None:
        self.setRowCount(len(accounts))
        for row, account in enumerate(accounts):
            for column, item in enumerate(self._items(account, now)):
                item.setData(ID_ROLE, account.id)
                self.setItem(row, column, item)
            if account.id == select:
                self.selectRow(row)

    def current_id(self) -> int | None:
        rows = self.selectionModel().selectedRows()
        return self._row_id(rows[0].row()) if rows else None

    def select(self, account_id: int) -> None:
        for row in range(self.rowCount()):
            if self._row_id(row) == account_id:
                self.selectRow(row)
                return

    def _row_id(self, row: int) -> int | None:
        item = self.item(row, 0)
        value = item.data(ID_ROLE) if item is not None else None
        return value if isinstance(value, int) else None

    # -- cells -------------------------------------------------------------------------------------

    def _items(self, account: Account, now: datetime) -> list[QTableWidgetItem]:
        name = QTableWidgetItem(channel_icon(account.kind), account.name)
        name.setToolTip(account.kind)
        status = QTableWidgetItem(status_text(account.status))
        if account.status == "reconnect_needed":
            status.setForeground(QBrush(ALERT))
        elif account.status == "paused":
            status.setForeground(QBrush(MUTED))
        if account.kind == ChannelKind.FILE.value:
            success = QTableWidgetItem(self.tr("filled by file import"))
        elif account.last_success_at is None:
            success = QTableWidgetItem(self.tr("never"))
        else:
            success = QTableWidgetItem(f"{when(account.last_success_at)} ({self.age(now - account.last_success_at)})")
        last_error = stored_error_text(account.last_error or "")
        error = QTableWidgetItem(last_error)  # item text is never rich text
        if account.last_error:
            error.setForeground(QBrush(ALERT))
            if account.last_error_at is not None:  # escaped: a tooltip would render markup in a channel's text
                tip = fill(self.tr("%1 (at %2)"), last_error, when(account.last_error_at))
                error.setToolTip(f"<p>{html.escape(tip)}</p>")
        items = QTableWidgetItem(str(account.items_last_hour))
        items.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        token = QTableWidgetItem(self.token_text(account, now))
        expires = account.token_expires_at
        if expires is not None and expires - now <= TOKEN_WARNING:
            token.setForeground(QBrush(ALERT))
        return [name, status, success, error, items, token]

    def token_text(self, account: Account, now: datetime) -> str:
        expires = account.token_expires_at
        if expires is None:
            return "–"
        day = expires.astimezone(UTC).strftime("%Y-%m-%d")
        if expires <= now:
            return fill(self.tr("expired %1"), day)
        if expires - now <= TOKEN_WARNING:
            return fill(self.tr("%1 (renew soon)"), day)
        return day

    def age(self, delta: timedelta) -> str:
        minutes = int(delta.total_seconds() // 60)
        if minutes < 1:
            return self.tr("just now")
        if minutes < 60:
            return self.tr("%n min ago", "", minutes)
        if minutes < 48 * 60:
            return self.tr("%n h ago", "", minutes // 60)
        return self.tr("%n day(s) ago", "", minutes // (24 * 60))
