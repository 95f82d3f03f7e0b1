"""The "/" template search: type to filter by name, tag and text, Enter inserts the filled-in template."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFrame, QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from cmdesk.templates import Template

TEMPLATE_ID_ROLE = Qt.ItemDataRole.UserRole


class TemplatePicker(QFrame):
    """A popup list under the editor; ``chosen(template_id)`` when the user picks one, ``cancelled`` on Escape."""

    chosen = Signal(int)
    cancelled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setObjectName("template_picker")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.search = QLineEdit(self)
        self.search.setObjectName("template_search")
        self.search.setPlaceholderText(self.tr("Search templates by name, tag or text"))
        self.list = QListWidget(self)
        self.list.setObjectName("template_list")
        self.hint = QLabel(self)
        self.hint.setTextFormat(Qt.TextFormat.PlainText)
        self.hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.search)
        layout.addWidget(self.list)
        layout.addWidget(self.hint)
        self.resize(420, 300)
        self.search.installEventFilter(self)
        self.list.itemActivated.connect(self._on_activated)
        self._templates: list[Template] = []
        self._suggested: set[int] = set()
        self.search.textChanged.connect(self._refilter)

    def set_templates(self, templates: list[Template], *, suggested: list[int], note: str = "") -> None:
        """The templates the user may choose here (already filtered by channel, language and PV lock)."""
        self._templates = templates
        self._suggested = set(suggested)
        order = {tid: n for n, tid in enumerate(suggested)}
        self._templates.sort(key=lambda t: (order.get(t.id, len(order)), -t.usage_count, t.name))
        self.hint.setText(note)
        self.hint.setVisible(bool(note))
        self._refilter(self.search.text())

    def _refilter(self, text: str) -> None:
        words = [w.casefold() for w in text.split()]
        self.list.clear()
        for t in self._templates:
            body = t.latest.body
            haystack = " ".join([t.name, t.category.value, *t.tags, body]).casefold()
            if not all(w in haystack for w in words):
                continue
            star = "★ " if t.id in self._suggested else ""
            pv = "  [PV-safe]" if t.pv_safe else ""
            item = QListWidgetItem(f"{star}{t.name} ({t.language}, {t.category.value}){pv}")
            item.setToolTip(body)
            item.setData(TEMPLATE_ID_ROLE, t.id)
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Up/Down move in the list while the search field keeps the focus; Enter picks, Escape closes."""
        if watched is self.search and isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress:
            key = event.key()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
                row = self.list.currentRow() + (1 if key == Qt.Key.Key_Down else -1)
                self.list.setCurrentRow(max(0, min(row, self.list.count() - 1)))
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                item = self.list.currentItem()
                if item is not None:
                    self._on_activated(item)
                return True
            if key == Qt.Key.Key_Escape:
                self.hide()
                self.cancelled.emit()
                return True
        return super().eventFilter(watched, event)

    def _on_activated(self, item: QListWidgetItem) -> None:
        template_id = item.data(TEMPLATE_ID_ROLE)
        self.hide()
        if isinstance(template_id, int):
            self.chosen.emit(template_id)

    def open_below(self, anchor: QWidget) -> None:
        self.search.clear()
        self.move(anchor.mapToGlobal(anchor.rect().bottomLeft()))
        self.show()
        self.search.setFocus(Qt.FocusReason.PopupFocusReason)
