"""Search field (debounced full-text search) and filter chips: channel, status, mood, PV, assignee, language, date."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QMenu, QToolButton, QVBoxLayout, QWidget

from cmdesk.model import MoodLabel, Status
from ui.queue import columns as cols

DEBOUNCE_MS = 250
DATE_PRESETS = {"24h": timedelta(hours=24), "7d": timedelta(days=7), "30d": timedelta(days=30)}


def filter_kwargs(chips: dict[str, Any], *, now: datetime) -> dict[str, Any]:
    """Chip state (JSON-friendly, as saved) -> QueueFilter keyword arguments."""
    kwargs: dict[str, Any] = {}
    for key in ("account_ids", "statuses", "moods", "languages"):
        if chips.get(key):
            kwargs[key] = tuple(chips[key])
    if chips.get("pv") is not None:
        kwargs["pv"] = bool(chips["pv"])
    if chips.get("assignee") is not None:
        kwargs["assignee"] = str(chips["assignee"])
    if chips.get("date") in DATE_PRESETS:
        kwargs["created_from"] = now - DATE_PRESETS[chips["date"]]
    return kwargs


class Chip(QToolButton):
    """A filter chip: a button with a menu of choices; its text says what is chosen."""

    changed = Signal()

    def __init__(self, key: str, title: str, *, multi: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.title = title
        self.multi = multi
        self.setObjectName(f"chip_{key}")
        self.setProperty("chip", True)
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self._menu = QMenu(self)
        self.setMenu(self._menu)
        self._group = QActionGroup(self)
        self._group.setExclusive(not multi)
        self._choices: list[tuple[Any, str]] = []
        self._value: Any = [] if multi else None
        self._update_text()

    def set_choices(self, choices: list[tuple[Any, str]]) -> None:
        """(value, label) pairs; for single-choice chips the first should be (None, "any")."""
        self._choices = choices
        self._menu.clear()
        for action in self._group.actions():
            self._group.removeAction(action)
        for value, label in choices:
            action = QAction(label, self._menu)
            action.setCheckable(True)
            action.setData(value)
            action.setChecked(value in self._value if self.multi else value == self._value)
            action.triggered.connect(self._on_triggered)
            self._group.addAction(action)
            self._menu.addAction(action)
        self._update_text()

    def value(self) -> Any:
        return list(self._value) if self.multi else self._value

    def set_value(self, value: Any, *, emit: bool = False) -> None:
        self._value = list(value or []) if self.multi else value
        for action in self._group.actions():
            data = action.data()
            action.setChecked(data in self._value if self.multi else data == self._value)
        self._update_text()
        if emit:
            self.changed.emit()

    def _on_triggered(self) -> None:
        if self.multi:
            self._value = [a.data() for a in self._group.actions() if a.isChecked()]
        else:
            checked = self._group.checkedAction()
            self._value = checked.data() if checked is not None else None
        self._update_text()
        self.changed.emit()

    def _update_text(self) -> None:
        labels = dict((repr(v), label) for v, label in self._choices)
        if self.multi:
            chosen = [labels.get(repr(v), str(v)) for v in self._value]
        else:
            chosen = [] if self._value is None else [labels.get(repr(self._value), str(self._value))]
        self.setText(f"{self.title}: {', '.join(chosen)}" if chosen else self.title)
        self.setProperty("active", bool(chosen))
        self.style().unpolish(self)
        self.style().polish(self)


class SearchBar(QWidget):
    """Emits ``changed`` after the user stops typing (debounced) or picks a chip."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("search_bar")
        self.field = QLineEdit(self)
        self.field.setObjectName("search_field")
        self.field.setClearButtonEnabled(True)
        self.field.setPlaceholderText(self.tr("Search messages and authors ( / )"))
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self.changed)
        self.field.textEdited.connect(lambda _text: self._debounce.start())
        self.field.returnPressed.connect(self.apply_now)
        self.chips: dict[str, Chip] = {}
        chip_row = QHBoxLayout()
        chip_row.setContentsMargins(0, 0, 0, 0)
        chip_row.setSpacing(4)
        for key, title, multi in (
            ("account_ids", self.tr("Channel"), True),
            ("statuses", self.tr("Status"), True),
            ("moods", self.tr("Mood"), True),
            ("pv", self.tr("PV"), False),
            ("assignee", self.tr("Assignee"), False),
            ("languages", self.tr("Language"), True),
            ("date", self.tr("Date"), False),
        ):
            chip = Chip(key, title, multi=multi, parent=self)
            chip.changed.connect(self.changed)
            self.chips[key] = chip
            chip_row.addWidget(chip)
        self.clear_button = QToolButton(self)
        self.clear_button.setObjectName("chips_clear")
        self.clear_button.setText(self.tr("Clear filters"))
        self.clear_button.clicked.connect(self.clear)
        chip_row.addWidget(self.clear_button)
        chip_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.field)
        layout.addLayout(chip_row)
        self._fill_fixed_choices()

    def _fill_fixed_choices(self) -> None:
        self.chips["statuses"].set_choices([(s.value, cols.status_label(s)) for s in Status])
        self.chips["moods"].set_choices([(m.value, cols.mood_label(m)) for m in MoodLabel])
        self.chips["pv"].set_choices(
            [(None, self.tr("any")), (True, self.tr("suspected")), (False, self.tr("not suspected"))]
        )
        self.chips["languages"].set_choices(
            [("de", self.tr("German")), ("en", self.tr("English")), ("other", self.tr("other"))]
        )
        self.chips["date"].set_choices(
            [
                (None, self.tr("any time")),
                ("24h", self.tr("last 24 hours")),
                ("7d", self.tr("last 7 days")),
                ("30d", self.tr("last 30 days")),
            ]
        )
        self.set_agents([])

    def set_accounts(self, accounts: list[tuple[int, str]]) -> None:
        self.chips["account_ids"].set_choices(list(accounts))

    def set_agents(self, agents: list[str]) -> None:
        self.chips["assignee"].set_choices(
            [(None, self.tr("anyone")), ("", self.tr("unassigned"))] + [(name, name) for name in agents]
        )

    # -- state -------------------------------------------------------------------------------

    def search_text(self) -> str:
        return self.field.text().strip()

    def chip_state(self) -> dict[str, Any]:
        """JSON-friendly chip values (saved filters store this)."""
        return {key: chip.value() for key, chip in self.chips.items()}

    def set_state(self, *, search: str, chips: dict[str, Any]) -> None:
        self.field.setText(search)
        for key, chip in self.chips.items():
            chip.set_value(chips.get(key))
        self.changed.emit()

    def clear(self) -> None:
        for chip in self.chips.values():
            chip.set_value(None)
        self.field.clear()
        self._debounce.stop()
        self.changed.emit()

    def apply_now(self) -> None:
        """Enter in the field: search without waiting for the debounce."""
        self._debounce.stop()
        self.changed.emit()

    def focus_search(self) -> None:
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()
