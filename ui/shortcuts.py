"""The keyboard map of the window (one place) and the ? overlay that lists every shortcut."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)


@dataclass(frozen=True)
class Shortcut:
    name: str  # the QAction's objectName suffix
    keys: tuple[str, ...]  # portable QKeySequence text
    # QT_TRANSLATE_NOOP marks the source English for lupdate; its stub says "object", the value is the str
    text: Any  # menu text (source English; translated at use)
    group: Any


QUEUE = QT_TRANSLATE_NOOP("Shortcuts", "Queue")
TRIAGE = QT_TRANSLATE_NOOP("Shortcuts", "Triage")
VIEWS = QT_TRANSLATE_NOOP("Shortcuts", "Views")
DESK = QT_TRANSLATE_NOOP("Shortcuts", "Desk")

SHORTCUTS: tuple[Shortcut, ...] = (
    Shortcut("next", ("J",), QT_TRANSLATE_NOOP("Shortcuts", "Next message"), QUEUE),
    Shortcut("previous", ("K",), QT_TRANSLATE_NOOP("Shortcuts", "Previous message"), QUEUE),
    Shortcut("open", ("Return", "Enter"), QT_TRANSLATE_NOOP("Shortcuts", "Open message"), QUEUE),
    Shortcut("first", ("Home",), QT_TRANSLATE_NOOP("Shortcuts", "First message"), QUEUE),
    Shortcut("last", ("End",), QT_TRANSLATE_NOOP("Shortcuts", "Last message"), QUEUE),
    Shortcut("search", ("/",), QT_TRANSLATE_NOOP("Shortcuts", "Search"), QUEUE),
    Shortcut("clear_search", ("Escape",), QT_TRANSLATE_NOOP("Shortcuts", "Back to the queue"), QUEUE),
    Shortcut("refresh", ("F5",), QT_TRANSLATE_NOOP("Shortcuts", "Refresh queue"), QUEUE),
    Shortcut("assign", ("A",), QT_TRANSLATE_NOOP("Shortcuts", "Assign…"), TRIAGE),
    Shortcut("assign_me", ("Shift+A",), QT_TRANSLATE_NOOP("Shortcuts", "Assign to me"), TRIAGE),
    Shortcut("done", ("E",), QT_TRANSLATE_NOOP("Shortcuts", "Mark done"), TRIAGE),
    Shortcut("waiting", ("W",), QT_TRANSLATE_NOOP("Shortcuts", "Mark waiting"), TRIAGE),
    Shortcut("reopen", ("O",), QT_TRANSLATE_NOOP("Shortcuts", "Reopen"), TRIAGE),
    Shortcut("tag", ("T",), QT_TRANSLATE_NOOP("Shortcuts", "Tag…"), TRIAGE),
    Shortcut("note", ("N",), QT_TRANSLATE_NOOP("Shortcuts", "Add note…"), TRIAGE),
    Shortcut("pv", ("P",), QT_TRANSLATE_NOOP("Shortcuts", "PV decision…"), TRIAGE),
    Shortcut("pv_case", ("Ctrl+Shift+P",), QT_TRANSLATE_NOOP("Shortcuts", "New PV case from message"), TRIAGE),
    Shortcut("hide", ("H",), QT_TRANSLATE_NOOP("Shortcuts", "Hide comment on the channel"), TRIAGE),
    Shortcut("reply", ("R",), QT_TRANSLATE_NOOP("Shortcuts", "Reply"), TRIAGE),
    Shortcut("undo", ("Ctrl+Z",), QT_TRANSLATE_NOOP("Shortcuts", "Undo last action"), TRIAGE),
    Shortcut("view_my", ("Ctrl+1",), QT_TRANSLATE_NOOP("Shortcuts", "My queue"), VIEWS),
    Shortcut("view_unassigned", ("Ctrl+2",), QT_TRANSLATE_NOOP("Shortcuts", "Unassigned"), VIEWS),
    Shortcut("view_pv_review", ("Ctrl+3",), QT_TRANSLATE_NOOP("Shortcuts", "PV review"), VIEWS),
    Shortcut("view_waiting", ("Ctrl+4",), QT_TRANSLATE_NOOP("Shortcuts", "Waiting"), VIEWS),
    Shortcut("view_done", ("Ctrl+5",), QT_TRANSLATE_NOOP("Shortcuts", "Done"), VIEWS),
    Shortcut("view_all", ("Ctrl+6",), QT_TRANSLATE_NOOP("Shortcuts", "All"), VIEWS),
    Shortcut("save_filter", ("Ctrl+S",), QT_TRANSLATE_NOOP("Shortcuts", "Save filter…"), VIEWS),
    Shortcut("help", ("?", "F1"), QT_TRANSLATE_NOOP("Shortcuts", "Keyboard shortcuts"), DESK),
    Shortcut("templates", ("Ctrl+Shift+T",), QT_TRANSLATE_NOOP("Shortcuts", "Template library"), DESK),
    Shortcut("dashboard", ("Ctrl+D",), QT_TRANSLATE_NOOP("Shortcuts", "Dashboard"), DESK),
    Shortcut("accounts", ("Ctrl+,",), QT_TRANSLATE_NOOP("Shortcuts", "Channel accounts"), DESK),
    Shortcut("lock", ("Ctrl+L",), QT_TRANSLATE_NOOP("Shortcuts", "Lock desk"), DESK),
    Shortcut("quit", ("Ctrl+Q",), QT_TRANSLATE_NOOP("Shortcuts", "Quit"), DESK),
)

BY_NAME = {s.name: s for s in SHORTCUTS}


def tr(text: str) -> str:
    return QCoreApplication.translate("Shortcuts", text)


def key_sequences(name: str) -> list[QKeySequence]:
    return [QKeySequence(k) for k in BY_NAME[name].keys]


class ShortcutHelp(QDialog):
    """The ? overlay: every shortcut of the window, grouped, read from SHORTCUTS."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcut_help")
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.table = QTableWidget(len(SHORTCUTS), 3, self)
        self.table.setHorizontalHeaderLabels([self.tr("Group"), self.tr("Action"), self.tr("Keys")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        for row, shortcut in enumerate(SHORTCUTS):
            keys = ", ".join(QKeySequence(k).toString(QKeySequence.SequenceFormat.NativeText) for k in shortcut.keys)
            for column, text in enumerate((tr(shortcut.group), tr(shortcut.text), keys)):
                item = QTableWidgetItem(text)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled)
                self.table.setItem(row, column, item)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(520, 620)

    def _cell(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text() if item is not None else ""

    def rows(self) -> list[tuple[str, str, str]]:
        return [(self._cell(r, 0), self._cell(r, 1), self._cell(r, 2)) for r in range(self.table.rowCount())]
