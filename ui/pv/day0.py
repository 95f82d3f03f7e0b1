"""Day 0 on the case form: shown with its reason, changed only with a new reason."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QDateTime, QTimeZone
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QWidget,
)

from cmdesk.pv.model import Case
from ui.pv.form_base import CaseFormBase
from ui.pv.form_widgets import plain_label, when
from ui.pv.labels import fill


class Day0Dialog(QDialog):
    """Day 0 moves both deadlines, so a change needs a reason (it goes into the audit trail)."""

    def __init__(self, day0: datetime, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Change day 0"))
        form = QFormLayout(self)
        # time zones, not the time specs Qt 6.12 deprecates (a warning the tests turn into a failure)
        self.edit = QDateTimeEdit(QDateTime.fromSecsSinceEpoch(int(day0.timestamp()), QTimeZone.utc()))
        self.edit.setDisplayFormat("yyyy-MM-dd HH:mm 'UTC'")
        self.edit.setTimeZone(QTimeZone.utc())
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("Why does day 0 change? (required)"))
        form.addRow(self.tr("Day 0"), self.edit)
        form.addRow(self.tr("Reason"), self.reason)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(False)
        self.reason.textChanged.connect(lambda text: ok.setEnabled(bool(text.strip())))

    def value(self) -> datetime:
        return datetime.fromtimestamp(self.edit.dateTime().toSecsSinceEpoch(), UTC)


class Day0Section(CaseFormBase):
    """The day-0 box of the case form and the write that moves day 0."""

    def _build_day0(self) -> QGroupBox:
        box = QGroupBox(self.tr("Day 0 (first receipt of the minimum information)"))
        row = QHBoxLayout(box)
        self.day0_label = plain_label()
        self.day0_reason_label = plain_label(wrap=True)
        self.day0_button = QPushButton(self.tr("Change day 0\u2026"))
        self.day0_button.clicked.connect(self._ask_day0)
        row.addWidget(self.day0_label)
        row.addWidget(self.day0_reason_label, 1)
        row.addWidget(self.day0_button)
        return box

    def _fill_day0(self, case: Case) -> None:
        self.day0_label.setText(when(case.day0))
        self.day0_reason_label.setText(fill(self.tr("changed: %1"), case.day0_reason) if case.day0_reason else "")

    def change_day0(self, day0: datetime, reason: str) -> bool:
        """Move day 0; refused here (before any write) when no reason is given."""
        if self.case is None:
            return False
        if not reason.strip():
            self._refuse(self.tr("Say why day 0 changes: it moves both reporting deadlines."))
            return False
        case_id = self.case.id
        self._write(
            lambda: self.desk.pv.update(case_id, day0=day0, day0_reason=reason.strip()),
            self.tr("Change day 0"),
            self.tr("Day 0 changed; the deadlines moved with it."),
        )
        return True

    def _ask_day0(self) -> None:
        if self.case is None:
            return
        dialog = Day0Dialog(self.case.day0, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.change_day0(dialog.value(), dialog.reason.text())
