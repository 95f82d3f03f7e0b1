"""The case form's follow-up log: requests to the reporter and what came of them."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from cmdesk.pv.model import Case
from ui.pv import labels
from ui.pv.form_base import CaseFormBase
from ui.pv.form_widgets import when
from ui.pv.labels import fill


class FollowUpsSection(CaseFormBase):
    """The follow-up table and its three buttons: request, answer received, no answer."""

    def _build_follow_ups(self) -> QGroupBox:
        box = QGroupBox(self.tr("Follow-ups"))
        layout = QVBoxLayout(box)
        self.follow_ups = QTableWidget(0, 5)
        self.follow_ups.setHorizontalHeaderLabels(
            [self.tr("When"), self.tr("Who"), self.tr("Channel"), self.tr("Outcome"), self.tr("Note")]
        )
        self.follow_ups.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.follow_ups.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.follow_ups.setMinimumHeight(90)
        buttons = QHBoxLayout()
        self.request_button = QPushButton(self.tr("Request follow-up\u2026"))
        self.request_button.clicked.connect(self._ask_follow_up)
        self.answered_button = QPushButton(self.tr("Answer received"))
        self.answered_button.clicked.connect(lambda: self.log_follow_up("answered"))
        self.no_answer_button = QPushButton(self.tr("No answer"))
        self.no_answer_button.clicked.connect(lambda: self.log_follow_up("no_answer"))
        for button in (self.request_button, self.answered_button, self.no_answer_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addWidget(self.follow_ups)
        layout.addLayout(buttons)
        return box

    def _fill_follow_ups(self, case: Case) -> None:
        self.follow_ups.setRowCount(0)
        for f in case.follow_ups:
            row = self.follow_ups.rowCount()
            self.follow_ups.insertRow(row)
            for column, value in enumerate(
                (when(f.at), f.actor, f.channel, labels.code_label(labels.FOLLOW_UP_OUTCOMES, f.outcome), f.note)
            ):
                self.follow_ups.setItem(row, column, QTableWidgetItem(value))
        requested = any(f.outcome == "requested" for f in case.follow_ups)
        self.answered_button.setEnabled(requested)
        self.no_answer_button.setEnabled(requested)

    def request_follow_up(self, channel: str, note: str = "") -> None:
        if self.case is not None:
            case_id = self.case.id
            self._write(
                lambda: self.desk.pv.request_follow_up(case_id, channel, note=note),
                self.tr("Request follow-up"),
                self.tr("Follow-up request logged."),
            )

    def log_follow_up(self, outcome: str, note: str = "") -> None:
        if self.case is not None:
            case_id = self.case.id
            self._write(
                lambda: self.desk.pv.log_follow_up_outcome(case_id, outcome, note),
                self.tr("Log follow-up"),
                self.tr("Follow-up outcome logged."),
            )

    def _ask_follow_up(self) -> None:
        if self.case is None:
            return
        default = self.case.reporter.channel or self.case.reporter.channel_kind
        note, ok = QInputDialog.getText(
            self, self.tr("Request follow-up"), fill(self.tr("What was asked (on %1)?"), default)
        )
        if ok:
            self.request_follow_up(default or "unknown", note)
