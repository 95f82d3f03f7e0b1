"""The case form's seriousness criteria: the reviewer decides, the detector's hints sit beside each box."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QFormLayout, QGroupBox, QLabel

from cmdesk.pv.model import SERIOUSNESS_CRITERIA, Case
from ui.pv import labels
from ui.pv.form_base import CaseFormBase
from ui.pv.form_widgets import plain_label


class SeriousnessSection(CaseFormBase):
    """One check box per E2B seriousness criterion, each with the detector's hint."""

    def _build_seriousness(self) -> QGroupBox:
        self.seriousness_box = QGroupBox(self.tr("Seriousness (decided by you; the detector only hints)"))
        grid = QFormLayout(self.seriousness_box)
        self.seriousness: dict[str, QCheckBox] = {}
        self.hints: dict[str, QLabel] = {}
        for criterion in SERIOUSNESS_CRITERIA:
            check = QCheckBox(labels.code_label(labels.SERIOUSNESS, criterion))
            hint = plain_label()
            hint.setStyleSheet("color: #8a5a00;")
            check.toggled.connect(self._changed)
            grid.addRow(check, hint)
            self.seriousness[criterion] = check
            self.hints[criterion] = hint
        return self.seriousness_box

    def _fill_seriousness(self, case: Case) -> None:
        for criterion, check in self.seriousness.items():
            check.setChecked(bool(case.seriousness.get(criterion, False)))
            hinted = criterion in case.seriousness_hints
            self.hints[criterion].setText(self.tr("detector hint: mentioned in the message") if hinted else "")

    def form_seriousness(self) -> dict[str, bool]:
        return {c: self.seriousness[c].isChecked() for c in SERIOUSNESS_CRITERIA}
