"""The PV review list: every message still waiting for a PV decision, the most urgent deadline first.

A reviewer either opens a case from the selection or clears several messages at
once as "not an adverse event"; clearing needs one reason, because an inspector
will ask why a message that mentions a product and a complaint was not reported.
"""

from __future__ import annotations

import html
from datetime import UTC

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cmdesk.clock import Clock
from cmdesk.pv import clocks
from cmdesk.pv.screening import ReviewItem
from ui.bridge import DeskBridge
from ui.error_text import error_text
from ui.pv import labels
from ui.pv.case_form import CaseForm, MessageBar, alive, open_case_form

# source English (QT_TRANSLATE_NOOP returns its argument), translated at use
COLUMNS: tuple[object, ...] = (
    QT_TRANSLATE_NOOP("ReviewView", "Decide by"),
    QT_TRANSLATE_NOOP("ReviewView", "Suspected"),
    QT_TRANSLATE_NOOP("ReviewView", "Score"),
    QT_TRANSLATE_NOOP("ReviewView", "Author"),
    QT_TRANSLATE_NOOP("ReviewView", "Account"),
    QT_TRANSLATE_NOOP("ReviewView", "Message"),
)
OVERDUE = QColor("#b00020")
EXCERPT = 200


def excerpt(text: str) -> str:
    """One line of the message for the table; the full text is in the tooltip (plain text)."""
    flat = " ".join(text.split())
    return flat if len(flat) <= EXCERPT else flat[: EXCERPT - 1] + "\u2026"


class ReviewView(QDialog):
    """A window of its own: the review queue, bulk "not an adverse event", and "open case"."""

    loaded = Signal(int)  # number of messages shown
    screened = Signal(int)  # number of messages cleared as not an adverse event

    def __init__(self, bridge: DeskBridge, parent: QWidget | None = None, *, clock: Clock | None = None) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self.clock: Clock = clock or bridge.desk.clock
        self.items: list[ReviewItem] = []
        self.forms: list[CaseForm] = []
        self._reads = 0
        self.setWindowTitle(self.tr("PV review"))
        self.setWindowFlag(Qt.WindowType.Window, True)
        self.resize(1100, 640)
        layout = QVBoxLayout(self)
        self.message_bar = MessageBar()
        layout.addWidget(self.message_bar)
        self.summary = QLabel("")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.summary)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([QCoreApplication.translate("ReviewView", str(c)) for c in COLUMNS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        for column in range(len(COLUMNS) - 1):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(len(COLUMNS) - 1, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(lambda _index: self.open_case())
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("Why are the selected messages not adverse events? (required)"))
        self.reason.textChanged.connect(self._update_buttons)
        self.not_ae_button = QPushButton(self.tr("Not an adverse event"))
        self.not_ae_button.clicked.connect(self.mark_not_ae)
        self.open_button = QPushButton(self.tr("Open case"))
        self.open_button.clicked.connect(self.open_case)
        refresh = QPushButton(self.tr("Refresh"))
        refresh.clicked.connect(self.refresh)
        row.addWidget(self.reason, 1)
        row.addWidget(self.not_ae_button)
        row.addWidget(self.open_button)
        row.addWidget(refresh)
        layout.addLayout(row)
        self._update_buttons()
        bridge.messages_changed.connect(self._on_store_changed)
        bridge.cases_changed.connect(self._on_store_changed)
        bridge.locked.connect(self._on_locked)
        bridge.unlocked.connect(self.refresh)
        self.refresh()

    # -- loading -------------------------------------------------------------------------------

    def refresh(self) -> None:
        self._reads += 1
        token = self._reads
        if self.bridge.is_locked:
            return  # the unlock reads again; a read now would only fail on the closed store
        self.bridge.tasks.read(
            self.bridge.desk.pv.review_queue,
            on_done=alive(self, lambda items: self._show(token, items)),
            on_error=alive(self, self._show_error),
        )

    def _on_store_changed(self, _what: object) -> None:
        self.refresh()

    def _on_locked(self) -> None:
        """Nothing from the store stays on screen while the desk is locked: the list is emptied until the unlock.

        The reason typed for "not an adverse event" is the reviewer's own text and stays.
        """
        self._reads += 1  # a read made before the lock is never shown
        self.items = []
        self.table.setRowCount(0)
        self.summary.clear()
        self.message_bar.clear()
        self._update_buttons()

    def _show(self, token: int, items: list[ReviewItem]) -> None:
        if token != self._reads:
            return
        kept = set(self.selected_ids())
        self.items = items
        now = self.clock.now()
        self.table.setRowCount(0)
        self.table.setRowCount(len(items))
        for row, item in enumerate(items):
            late = clocks.overdue(item.due_at, now)
            due = QTableWidgetItem(
                f"{item.due_at.astimezone(UTC).strftime('%Y-%m-%d %H:%M')} ({labels.countdown(item.due_at, now)})"
            )
            due.setData(Qt.ItemDataRole.UserRole, item.message_id)
            if late:
                due.setForeground(QBrush(OVERDUE))
            text = QTableWidgetItem(excerpt(item.text))
            # Qt guesses whether a tooltip is rich text; escaped and marked as rich, it shows the words as written
            text.setToolTip("<qt>" + html.escape(item.text).replace("\n", "<br>") + "</qt>")
            cells = (
                due,
                QTableWidgetItem(self.tr("yes") if item.suspected else ""),
                QTableWidgetItem(f"{item.score:.2f}"),
                QTableWidgetItem(item.author),
                QTableWidgetItem(item.account),
                text,
            )
            for column, cell in enumerate(cells):
                self.table.setItem(row, column, cell)
            if item.message_id in kept:
                self.table.selectRow(row)
        overdue = sum(1 for i in items if clocks.overdue(i.due_at, now))
        self.summary.setText(
            labels.fill(self.tr("%n message(s) waiting for a PV decision, %1 overdue.", "", len(items)), overdue)
        )
        self._update_buttons()
        self.loaded.emit(len(items))

    def _show_error(self, err: BaseException) -> None:
        self.message_bar.show_error(error_text(err))

    # -- selection and actions -------------------------------------------------------------------

    def selected_ids(self) -> list[int]:
        rows = sorted({index.row() for index in self.table.selectedIndexes()})
        ids: list[int] = []
        for row in rows:
            cell = self.table.item(row, 0)
            value = cell.data(Qt.ItemDataRole.UserRole) if cell is not None else None
            if isinstance(value, int):
                ids.append(value)
        return ids

    def select_ids(self, ids: list[int]) -> None:
        wanted = set(ids)
        self.table.clearSelection()
        mode = self.table.selectionMode()
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.MultiSelection)
        for row, item in enumerate(self.items):
            if item.message_id in wanted:
                self.table.selectRow(row)
        self.table.setSelectionMode(mode)

    def _update_buttons(self) -> None:
        selected = bool(self.table.selectedIndexes())
        self.not_ae_button.setEnabled(selected and bool(self.reason.text().strip()))
        self.open_button.setEnabled(selected)

    def mark_not_ae(self) -> None:
        """Clear the selection as not adverse events, with the one reason typed above."""
        ids, reason = self.selected_ids(), self.reason.text().strip()
        if not ids:
            self.message_bar.show_error(self.tr("Select the messages that are not adverse events."))
            return
        if not reason:
            self.message_bar.show_error(self.tr("Say why these messages are not adverse events."))
            return
        desk = self.bridge.desk

        def job() -> int:
            return desk.pv.screen_not_ae(ids, reason)  # the PV service announces the change itself

        def done(changed: int) -> None:
            self.reason.clear()
            self.message_bar.show_info(self.tr("%n message(s) cleared as not an adverse event.", "", changed))
            self.screened.emit(changed)
            self.refresh()

        self.bridge.tasks.write(
            job,
            label=self.tr("Clear PV messages"),
            on_done=alive(self, done),
            on_error=alive(self, self._show_error),
        )

    def open_case(self) -> CaseForm | None:
        """One draft case from the selected messages (they must be by the same person)."""
        ids = self.selected_ids()
        if not ids:
            self.message_bar.show_error(self.tr("Select the messages to open a case from."))
            return None
        form = open_case_form(self.bridge, self, message_ids=ids)
        self.forms.append(form)
        form.destroyed.connect(lambda _obj=None, f=form: self.forms.remove(f) if f in self.forms else None)
        return form
