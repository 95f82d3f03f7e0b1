"""The case form's header: reference, state and the two deadline countdowns."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtWidgets import QHBoxLayout, QLabel

from cmdesk.pv import clocks
from cmdesk.pv.model import CaseState
from cmdesk.pv.service import EDITABLE_STATES
from ui.pv import labels
from ui.pv.form_base import CaseFormBase
from ui.pv.form_widgets import plain_label, when
from ui.pv.labels import fill

OVERDUE_STYLE = "color: #b00020; font-weight: bold;"
COUNTDOWN_INTERVAL_MS = 60_000


class HeaderSection(CaseFormBase):
    """Which case this is and how long is left to forward and to report it."""

    def _build_header(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.reference_label = plain_label(self.tr("Opening case\u2026"))
        font = self.reference_label.font()
        if font.pointSize() > 0:
            font.setPointSize(font.pointSize() + 3)
        font.setBold(True)
        self.reference_label.setFont(font)
        self.state_label = plain_label()
        self.internal_countdown = plain_label()
        self.internal_countdown.setAccessibleName(self.tr("Internal forward deadline"))
        self.regulatory_countdown = plain_label()
        self.regulatory_countdown.setAccessibleName(self.tr("Regulatory deadline"))
        row.addWidget(self.reference_label)
        row.addWidget(self.state_label)
        row.addStretch(1)
        row.addWidget(self.internal_countdown)
        row.addSpacing(16)
        row.addWidget(self.regulatory_countdown)
        return row

    def refresh_countdowns(self) -> None:
        """Header clocks from the injected clock; a seriousness tick shows the shorter deadline at once."""
        case = self.case
        if case is None:
            self.internal_countdown.setText("")
            self.regulatory_countdown.setText("")
            return
        now = self.clock.now()
        if case.state in EDITABLE_STATES:
            self._countdown(self.internal_countdown, self.tr("Forward to drug safety"), case.internal_due_at, now)
        else:
            done = (
                fill(self.tr("forwarded %1"), when(case.forwarded_at))
                if case.forwarded_at
                else labels.state(case.state.value)
            )
            self.internal_countdown.setText(fill(self.tr("Forward to drug safety: %1"), done))
            self.internal_countdown.setStyleSheet("")
        if case.state == CaseState.CLOSED_INVALID:
            self.regulatory_countdown.setText(self.tr("Regulatory: not reportable (closed as invalid)"))
            self.regulatory_countdown.setStyleSheet("")
            return
        serious = any(self.form_seriousness().values()) if case.state in EDITABLE_STATES else case.serious
        due = clocks.regulatory_due(case.day0, serious=serious) if serious != case.serious else case.regulatory_due_at
        label = self.tr("Regulatory (serious, 15 d)") if serious else self.tr("Regulatory (non-serious, 90 d)")
        self._countdown(self.regulatory_countdown, label, due, now)

    def _countdown(self, label: QLabel, title: str, due: datetime, now: datetime) -> None:
        label.setText(fill(self.tr("%1: %2 (due %3)"), title, labels.countdown(due, now), when(due)))
        label.setStyleSheet(OVERDUE_STYLE if clocks.overdue(due, now) else "")
