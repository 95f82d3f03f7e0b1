"""Small widget helpers the PV case form's sections share: plain labels, combo boxes, table cells."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QComboBox, QLabel, QTableWidget, QWidget


def plain_label(text: str = "", *, wrap: bool = False) -> QLabel:
    """A label that never interprets markup: message and user text may contain anything."""
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    return label


def headers(columns: tuple[object, ...]) -> list[str]:
    return [QCoreApplication.translate("CaseForm", str(c)) for c in columns]


def when(moment: datetime | None) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC") if moment else ""


def alive(widget: QWidget, fn: Callable[[Any], None]) -> Callable[[Any], None]:
    """A task callback that does nothing once ``widget`` is gone (the window was closed while the task ran)."""

    def call(value: Any) -> None:
        if shiboken6.isValid(widget):
            fn(value)

    return call


def combo(items: list[tuple[str, str]], *, editable: bool = False) -> QComboBox:
    """Items as (stored value, shown text)."""
    box = QComboBox()
    box.setEditable(editable)
    for value, text in items:
        box.addItem(text, value)
    return box


def select(box: QComboBox, value: str) -> None:
    index = box.findData(value)
    if index < 0 and box.isEditable():
        box.setEditText(value)
        return
    if index < 0:
        box.addItem(value, value)
        index = box.count() - 1
    box.setCurrentIndex(index)


def combo_value(box: QComboBox) -> str:
    if box.isEditable():
        text = box.currentText().strip()
        index = box.findText(text)
        return str(box.itemData(index)) if index >= 0 and box.itemData(index) is not None else text
    data = box.currentData()
    return "" if data is None else str(data)


def cell_text(table: QTableWidget, row: int, column: int) -> str:
    item = table.item(row, column)
    return item.text().strip() if item is not None else ""


def cell_combo(table: QTableWidget, row: int, column: int) -> str:
    widget = table.cellWidget(row, column)
    return combo_value(widget) if isinstance(widget, QComboBox) else ""
