"""Triage dialogs: keyboard-first, OK only when the answer is complete, "not PV-relevant" needs a reason."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from ui.triage.dialogs import ChoiceDialog, NoteDialog, PVDecisionDialog, ask_pv_decision, ask_tag


def answer_modal(qtbot: Any, act: Callable[[QWidget], None]) -> None:
    """Type into the next modal dialog as soon as it opens."""

    def later() -> None:
        dialog = QApplication.activeModalWidget()
        assert dialog is not None
        act(dialog)

    QTimer.singleShot(0, later)


def test_choice_dialog_accepts_only_a_non_empty_answer_and_collapses_spaces(qtbot: Any) -> None:
    dialog = ChoiceDialog(None, title="Tag", label="Tag:", choices=["Lieferengpass", "Rückruf"])
    qtbot.addWidget(dialog)
    assert dialog.ok.isEnabled() is False
    qtbot.keyClicks(dialog.combo.lineEdit(), "  neue   Packung ")
    assert (dialog.ok.isEnabled(), dialog.value()) == (True, "neue Packung")


def test_not_pv_relevant_cannot_be_confirmed_without_a_reason(qtbot: Any) -> None:
    dialog = PVDecisionDialog(None, count=3)
    qtbot.addWidget(dialog)
    assert (dialog.ok.isEnabled(), dialog.value()) == (True, (True, None))
    dialog.not_relevant.setChecked(True)
    assert dialog.ok.isEnabled() is False
    assert dialog.reason_label.text() == "Reason (required: why is this not an adverse event?):"
    qtbot.keyClicks(dialog.reason, "Frage zur Lieferbarkeit, keine Reaktion")
    assert (dialog.ok.isEnabled(), dialog.value()) == (True, (False, "Frage zur Lieferbarkeit, keine Reaktion"))


def test_note_dialog_saves_with_ctrl_return_and_counts_characters(qtbot: Any) -> None:
    dialog = NoteDialog(None)
    qtbot.addWidget(dialog)
    dialog.text.insertPlainText("Rückruf vereinbart")  # QTest types ASCII only
    assert dialog.counter.text() == "18 / 4000 characters"
    with qtbot.waitSignal(dialog.accepted, timeout=2000):
        qtbot.keyClick(dialog.text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.value() == "Rückruf vereinbart"


def test_ask_tag_offers_the_tags_in_use(bridge: Any, qtbot: Any) -> None:
    desk = bridge.desk
    message_id = desk.store.read().execute("SELECT min(id) FROM message WHERE direction = 'in'").fetchone()[0]
    desk.triage.tag([message_id], tag="Lieferengpass")
    seen: list[list[str]] = []

    def act(dialog: QWidget) -> None:
        assert isinstance(dialog, ChoiceDialog)
        seen.append([dialog.combo.itemText(i) for i in range(dialog.combo.count())])
        dialog.combo.setEditText("Lieferengpass")
        dialog.accept()

    answer_modal(qtbot, act)
    assert ask_tag(bridge, None) == "Lieferengpass"
    assert seen == [desk.triage.known_tags()]
    assert "Lieferengpass" in seen[0]


def test_ask_pv_decision_returns_none_on_escape(bridge: Any, qtbot: Any) -> None:
    def act(dialog: QWidget) -> None:
        assert isinstance(dialog, QDialog)
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    answer_modal(qtbot, act)
    assert ask_pv_decision(bridge, None, count=1) is None
