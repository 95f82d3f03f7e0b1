"""The live validity panel: the four minimum criteria of a valid case, each with what satisfies it.

A reviewer must see at a glance why a case may (or may not yet) be forwarded, and
what a follow-up question still has to find out; so every line names the field
or verbatim words that met the criterion, or what is missing.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QWidget

from cmdesk.pv.validation import Criterion, Validity
from ui.pv import labels

# source English (QT_TRANSLATE_NOOP returns its argument), translated at use
TITLES: dict[str, object] = {
    "reporter": QT_TRANSLATE_NOOP("ValidityPanel", "Identifiable reporter"),
    "patient": QT_TRANSLATE_NOOP("ValidityPanel", "Identifiable patient"),
    "product": QT_TRANSLATE_NOOP("ValidityPanel", "Suspect product"),
    "event": QT_TRANSLATE_NOOP("ValidityPanel", "Adverse event"),
}
TICK = "\u2714"
CROSS = "\u2718"
MET_STYLE = "color: #1b7f3b; font-weight: bold;"
MISSING_STYLE = "color: #b00020; font-weight: bold;"


def _tr(text: object) -> str:
    return QCoreApplication.translate("ValidityPanel", str(text))


def title(name: str) -> str:
    return _tr(TITLES[name])


def describe(criterion: Criterion) -> str:
    """One line: which field satisfied the criterion and with what, or what is still missing."""
    if criterion.met:
        return labels.fill(
            QCoreApplication.translate("ValidityPanel", "%1: \u201c%2\u201d"),
            labels.tr(criterion.field),
            criterion.evidence,
        )
    return labels.fill(QCoreApplication.translate("ValidityPanel", "missing: %1"), labels.tr(criterion.missing))


class ValidityPanel(QGroupBox):
    """Shows a :class:`Validity`; the case form calls :meth:`show_validity` whenever a field changes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Minimum criteria (valid case)"))
        grid = QGridLayout(self)
        self.marks: dict[str, QLabel] = {}
        self.details: dict[str, QLabel] = {}
        for row, name in enumerate(TITLES):
            mark = QLabel(CROSS)
            mark.setTextFormat(Qt.TextFormat.PlainText)
            heading = QLabel(title(name))
            heading.setTextFormat(Qt.TextFormat.PlainText)
            detail = QLabel("")
            detail.setTextFormat(Qt.TextFormat.PlainText)
            detail.setWordWrap(True)
            detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            grid.addWidget(mark, row, 0)
            grid.addWidget(heading, row, 1)
            grid.addWidget(detail, row, 2)
            self.marks[name] = mark
            self.details[name] = detail
        self.summary = QLabel("")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        grid.addWidget(self.summary, len(TITLES), 0, 1, 3)
        grid.setColumnStretch(2, 1)
        self.validity: Validity | None = None

    def show_validity(self, validity: Validity) -> None:
        self.validity = validity
        for criterion in validity.criteria:
            mark = self.marks[criterion.name]
            mark.setText(TICK if criterion.met else CROSS)
            mark.setStyleSheet(MET_STYLE if criterion.met else MISSING_STYLE)
            met_text = self.tr("%1: met") if criterion.met else self.tr("%1: missing")
            mark.setAccessibleName(labels.fill(met_text, title(criterion.name)))
            self.details[criterion.name].setText(describe(criterion))
        met = sum(1 for c in validity.criteria if c.met)
        self.summary.setText(
            self.tr("Valid: all four minimum criteria are met.")
            if validity.valid
            else labels.fill(self.tr("Not valid yet: %1 of 4 criteria met."), met)
        )

    def states(self) -> dict[str, bool]:
        """Criterion name -> met, as shown (for tests and the form's buttons)."""
        if self.validity is None:
            return {name: False for name in TITLES}
        return {c.name: c.met for c in self.validity.criteria}
