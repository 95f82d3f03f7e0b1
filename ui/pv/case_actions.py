"""The case form's button row: save, mark ready, forward, acknowledge, close as invalid, export."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QDialog, QFileDialog, QHBoxLayout, QInputDialog, QPushButton

from cmdesk.pv.model import Case, CaseState
from cmdesk.pv.service import EDITABLE_STATES
from ui.pv.export import EXPORT_FORMATS, write_export
from ui.pv.form_base import CaseFormBase
from ui.pv.form_widgets import alive
from ui.pv.forward_dialog import ForwardDialog
from ui.pv.labels import fill


class CaseActions(CaseFormBase):
    """What the reviewer can do with the whole case; each button is enabled only in the states that allow it."""

    def _build_buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.save_button = QPushButton(self.tr("Save draft"))
        self.save_button.clicked.connect(self.save)
        self.ready_button = QPushButton(self.tr("Mark ready"))
        self.ready_button.clicked.connect(self.mark_ready)
        self.forward_button = QPushButton(self.tr("Forward to drug safety\u2026"))
        self.forward_button.clicked.connect(self._ask_forward)
        self.ack_button = QPushButton(self.tr("Acknowledge\u2026"))
        self.ack_button.clicked.connect(self._ask_acknowledge)
        self.close_invalid_button = QPushButton(self.tr("Close as invalid\u2026"))
        self.close_invalid_button.clicked.connect(self._ask_close_invalid)
        for button in (
            self.save_button,
            self.ready_button,
            self.forward_button,
            self.ack_button,
            self.close_invalid_button,
        ):
            row.addWidget(button)
        row.addStretch(1)
        self.export_buttons: dict[str, QPushButton] = {}
        for fmt, text in (("pdf", "PDF"), ("e2b", "E2B XML"), ("json", "JSON")):
            button = QPushButton(text)
            button.setToolTip(fill(self.tr("Export the saved case as %1"), EXPORT_FORMATS[fmt][0]))
            button.clicked.connect(lambda _checked=False, f=fmt: self._ask_export(f))
            row.addWidget(button)
            self.export_buttons[fmt] = button
        self._update_buttons()
        return row

    def _update_buttons(self) -> None:
        case = self.case
        state = case.state if case is not None else None
        editable = state in EDITABLE_STATES
        valid = self.validity_panel.validity is not None and self.validity_panel.validity.valid
        self.save_button.setEnabled(editable)
        self.ready_button.setEnabled(state == CaseState.DRAFT and valid)
        self.forward_button.setEnabled(state == CaseState.READY)
        self.ack_button.setEnabled(state == CaseState.FORWARDED)
        self.close_invalid_button.setEnabled(editable)
        self.request_button.setEnabled(case is not None and state != CaseState.CLOSED_INVALID)
        for button in self.export_buttons.values():
            button.setEnabled(case is not None)

    def _with_changes(self, fn: Callable[[int], Case]) -> Callable[[], Case]:
        """Save what is typed first, then run ``fn`` (both on the writer, in order)."""
        assert self.case is not None
        case_id, changes = self.case.id, self.changes()

        def run() -> Case:
            if changes:
                self.desk.pv.update(case_id, **changes)
            return fn(case_id)

        return run

    def save(self) -> None:
        if self.case is None:
            return
        changes = self.changes()
        if not changes:
            self.message_bar.show_info(self.tr("Nothing changed since the last save."))
            return
        case_id = self.case.id
        self._write(lambda: self.desk.pv.update(case_id, **changes), self.tr("Save PV case"), self.tr("Saved."))

    def mark_ready(self) -> None:
        if self.case is not None:
            self._write(
                self._with_changes(self.desk.pv.mark_ready), self.tr("Mark PV case ready"), self.tr("Ready to forward.")
            )

    def forward(self, method: str, to: str) -> None:
        if self.case is None:
            return
        self._write(
            self._with_changes(lambda case_id: self.desk.pv.forward(case_id, method, to)),
            self.tr("Forward PV case"),
            self.tr("Forwarded to drug safety (e-mail queued).")
            if method == "email"
            else fill(self.tr("Forwarded to drug safety (files written to %1)."), to),
        )

    def acknowledge(self, safety_case_number: str) -> None:
        if self.case is not None:
            case_id = self.case.id
            self._write(
                lambda: self.desk.pv.acknowledge(case_id, safety_case_number),
                self.tr("Acknowledge PV case"),
                self.tr("Receipt by drug safety recorded."),
            )

    def close_invalid(self, reason: str) -> None:
        if self.case is None:
            return
        if not reason.strip():
            self._refuse(self.tr("Say why the case is closed as invalid."))
            return
        case_id = self.case.id
        self._write(
            lambda: self.desk.pv.close_invalid(case_id, reason), self.tr("Close PV case"), self.tr("Closed as invalid.")
        )

    def export_to(self, fmt: str, path: Path) -> None:
        """Write the saved case as ``fmt`` to ``path`` off the UI thread."""
        if self.case is None:
            return
        case = self.case
        done = (
            self.tr("Exported to %1 (the saved version; unsaved edits are not in it).")
            if self.dirty
            else self.tr("Exported to %1.")
        )
        self.bridge.tasks.read(
            lambda: write_export(self.desk, case, fmt, path),
            label=fill(self.tr("Export %1"), case.reference),
            on_done=alive(self, lambda written: self.message_bar.show_info(fill(done, written))),
            on_error=alive(self, self._failed),
        )

    # -- dialogs (thin: they only collect what the methods above need) ------------------------------

    def _ask_forward(self) -> None:
        inbox = str(self.desk.settings.get("pv_safety_inbox") or "")
        folder = str(self.desk.settings.get("pv_export_folder") or "")
        dialog = ForwardDialog(inbox, folder, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.forward(*dialog.choice())

    def _ask_acknowledge(self) -> None:
        number, ok = QInputDialog.getText(self, self.tr("Acknowledge"), self.tr("Drug safety's case number:"))
        if ok:
            self.acknowledge(number)

    def _ask_close_invalid(self) -> None:
        reason, ok = QInputDialog.getText(self, self.tr("Close as invalid"), self.tr("Why is this not a valid case?"))
        if ok:
            self.close_invalid(reason)

    def _ask_export(self, fmt: str) -> None:
        if self.case is None:
            return
        filter_text, suffix = EXPORT_FORMATS[fmt]
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export case"), f"{self.case.reference}.{suffix}", filter_text
        )
        if path:
            self.export_to(fmt, Path(path))
