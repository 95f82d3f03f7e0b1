"""The case form's possible duplicates: similar recent cases, and linking this one as a follow-up of one."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout

from ui.pv.form_base import CaseFormBase
from ui.pv.form_widgets import alive


class DuplicatesSection(CaseFormBase):
    """Suggestions are read off the UI thread after each load; a stale answer (a write happened since) is dropped."""

    def _build_duplicates(self) -> QGroupBox:
        box = QGroupBox(self.tr("Possible duplicates"))
        layout = QVBoxLayout(box)
        self.duplicates = QListWidget()
        self.duplicates.setMinimumHeight(70)
        self.link_button = QPushButton(self.tr("Link as follow-up of the selected case"))
        self.link_button.clicked.connect(self._link_selected)
        layout.addWidget(self.duplicates)
        layout.addWidget(self.link_button)
        return box

    def _load_duplicates(self, case_id: int) -> None:
        token = self._reads
        self.bridge.tasks.read(
            lambda: self.desk.pv.duplicates(case_id),
            on_done=alive(self, lambda found: self._show_duplicates(token, found)),
            on_error=alive(self, self._failed),
        )

    def _show_duplicates(self, token: int, found: list[Any]) -> None:
        if token != self._reads:
            return
        self.duplicates.clear()
        for suggestion in found:
            reasons = "; ".join(suggestion.reasons)
            text = f"{suggestion.reference} \u2014 {round(suggestion.score * 100)} % \u2014 {reasons}"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, suggestion.case_id)
            self.duplicates.addItem(item)
        if not found:
            self.duplicates.addItem(QListWidgetItem(self.tr("No similar case in the last 30 days.")))
        self.link_button.setEnabled(bool(found))

    def link_as_follow_up(self, of_case_id: int) -> None:
        if self.case is not None:
            case_id = self.case.id
            self._write(
                lambda: self.desk.pv.link_as_follow_up(case_id, of_case_id),
                self.tr("Link PV case"),
                self.tr("Linked as follow-up."),
            )

    def _link_selected(self) -> None:
        item = self.duplicates.currentItem()
        other = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if isinstance(other, int):
            self.link_as_follow_up(other)
        else:
            self.message_bar.show_error(self.tr("Select the case this one repeats first."))
