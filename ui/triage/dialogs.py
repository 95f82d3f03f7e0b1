"""The small questions triage asks: to whom, which tag, what note, and the PV decision with its reason.

Each function shows a modal dialog and returns the answer, or None when the user
cancels. They are built for the keyboard: the field has focus, Enter accepts,
Escape cancels. ``ui.queue.triage_actions`` finds them by name.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ui.bridge import DeskBridge

NOTE_MAX = 4000


class _Dialog(QDialog):
    def __init__(self, parent: QWidget | None, title: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setModal(True)
        self.layout_ = QVBoxLayout(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def label(self, text: str) -> QLabel:
        label = QLabel(text, self)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        self.layout_.addWidget(label)
        return label

    def finish(self) -> None:
        self.layout_.addWidget(self.buttons)

    @property
    def ok(self) -> QWidget:
        button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert button is not None
        return button


class ChoiceDialog(_Dialog):
    """An editable combo with completion: colleagues or tags."""

    def __init__(
        self, parent: QWidget | None, *, title: str, label: str, choices: list[str], current: str = ""
    ) -> None:
        super().__init__(parent, title)
        self.label(label)
        self.combo = QComboBox(self)
        self.combo.setEditable(True)
        self.combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.combo.addItems(choices)
        completer = QCompleter(choices, self.combo)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.combo.setCompleter(completer)
        self.combo.setEditText(current)
        self.layout_.addWidget(self.combo)
        self.finish()
        line = self.combo.lineEdit()
        assert line is not None
        line.textChanged.connect(lambda text: self.ok.setEnabled(bool(text.strip())))
        self.ok.setEnabled(bool(current.strip()))
        self.combo.setFocus()

    def value(self) -> str:
        return " ".join(self.combo.currentText().split())


class NoteDialog(_Dialog):
    """A multi-line internal note; Ctrl+Return saves (Return makes a new line)."""

    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent, self.tr("Add note"))
        self.label(self.tr("Internal note (never sent to the channel):"))
        self.text = QPlainTextEdit(self)
        self.text.setTabChangesFocus(True)
        self.layout_.addWidget(self.text)
        self.counter = self.label("")
        self.finish()
        self.text.textChanged.connect(self._changed)
        self.text.installEventFilter(self)
        self._changed()
        self.text.setFocus()

    def _changed(self) -> None:
        body = self.text.toPlainText().strip()
        self.counter.setText(self.tr("%1 / %2 characters").replace("%1", str(len(body))).replace("%2", str(NOTE_MAX)))
        self.ok.setEnabled(0 < len(body) <= NOTE_MAX)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Ctrl+Return in the text saves; a plain Return stays a new line."""
        if (
            watched is self.text
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            if self.ok.isEnabled():
                self.accept()
            return True
        return super().eventFilter(watched, event)

    def value(self) -> str:
        return self.text.toPlainText().strip()


class PVDecisionDialog(_Dialog):
    """Is this a suspected adverse event? "Yes" sends it to PV review; "no" needs a reason for the record."""

    def __init__(self, parent: QWidget | None, *, count: int) -> None:
        super().__init__(parent, self.tr("PV decision"))
        self.label(self.tr("%n selected message(s):", "", count))
        self.relevant = QRadioButton(self.tr("Suspected adverse event: send to PV review (deadline starts now)"), self)
        self.not_relevant = QRadioButton(self.tr("Not PV-relevant"), self)
        group = QButtonGroup(self)
        group.addButton(self.relevant)
        group.addButton(self.not_relevant)
        self.relevant.setChecked(True)
        self.layout_.addWidget(self.relevant)
        self.layout_.addWidget(self.not_relevant)
        self.reason_label = self.label(self.tr("Reason (optional):"))
        self.reason = QPlainTextEdit(self)
        self.reason.setTabChangesFocus(True)
        self.reason.setMaximumHeight(90)
        self.layout_.addWidget(self.reason)
        self.finish()
        self.relevant.toggled.connect(self._changed)
        self.reason.textChanged.connect(self._changed)
        self._changed()
        self.relevant.setFocus()

    def _changed(self) -> None:
        needs_reason = self.not_relevant.isChecked()
        self.reason_label.setText(
            self.tr("Reason (required: why is this not an adverse event?):")
            if needs_reason
            else self.tr("Reason (optional):")
        )
        self.ok.setEnabled(not needs_reason or bool(self.reason.toPlainText().strip()))

    def value(self) -> tuple[bool, str | None]:
        return self.relevant.isChecked(), (self.reason.toPlainText().strip() or None)


def ask_assignee(bridge: DeskBridge, parent: QWidget | None, *, agents: list[str]) -> str | None:
    me = bridge.desk.agent_name
    choices = [me, *sorted(a for a in agents if a != me)]
    dialog = ChoiceDialog(
        parent,
        title=QCoreApplication.translate("TriageDialogs", "Assign"),
        label=QCoreApplication.translate("TriageDialogs", "Assign the selected messages to:"),
        choices=choices,
        current=me,
    )
    return dialog.value() if dialog.exec() == QDialog.DialogCode.Accepted and dialog.value() else None


def ask_tag(bridge: DeskBridge, parent: QWidget | None) -> str | None:
    dialog = ChoiceDialog(
        parent,
        title=QCoreApplication.translate("TriageDialogs", "Tag"),
        label=QCoreApplication.translate("TriageDialogs", "Tag:"),
        choices=bridge.desk.triage.known_tags(),
    )
    return dialog.value() if dialog.exec() == QDialog.DialogCode.Accepted and dialog.value() else None


def ask_note(bridge: DeskBridge, parent: QWidget | None) -> str | None:
    dialog = NoteDialog(parent)
    return dialog.value() if dialog.exec() == QDialog.DialogCode.Accepted and dialog.value() else None


def ask_pv_decision(bridge: DeskBridge, parent: QWidget | None, *, count: int = 1) -> tuple[bool, str | None] | None:
    dialog = PVDecisionDialog(parent, count=count)
    return dialog.value() if dialog.exec() == QDialog.DialogCode.Accepted else None
