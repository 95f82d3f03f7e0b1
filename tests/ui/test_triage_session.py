"""A triage session on the demo store, keyboard only: assign, done, waiting, tag, note, PV decision, hide, undo."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from cmdesk.desk import Desk
from ui.main_window import MainWindow
from ui.triage.dialogs import ChoiceDialog, NoteDialog, PVDecisionDialog


def press(qtbot: Any, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    target = QApplication.focusWidget()
    assert target is not None
    qtbot.keyClick(target, key, modifier)


def answer_next_dialog(act: Callable[[QWidget], None]) -> None:
    def later() -> None:
        dialog = QApplication.activeModalWidget()
        assert dialog is not None
        act(dialog)

    QTimer.singleShot(0, later)


def back_to_queue(qtbot: Any, window: MainWindow) -> None:
    """After a dialog closes, the offscreen platform leaves no active window: give the queue the focus again."""
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.view.setFocus()
    qtbot.waitUntil(window.view.hasFocus)


def field(desk: Desk, message_id: int, name: str) -> Any:
    return desk.store.read().execute(f"SELECT {name} FROM message WHERE id = ?", (message_id,)).fetchone()[0]


def wait_for(qtbot: Any, window: MainWindow, check: Callable[[], bool]) -> None:
    qtbot.waitUntil(lambda: not window._tasks and check(), timeout=5000)


@pytest.fixture
def window(main_window: MainWindow, qtbot: Any) -> MainWindow:
    main_window.activateWindow()
    with qtbot.waitSignal(main_window.model.ids_loaded, timeout=10_000):
        main_window.views.select_view("all")
    main_window.view.setFocus()
    qtbot.waitUntil(main_window.view.hasFocus)
    return main_window


def plain_message(window: MainWindow) -> int:
    """Go to an open message that is no suspected adverse event (those cannot be closed before a PV decision)."""
    found = (
        window.bridge.desk.store.read()
        .execute(
            "SELECT id FROM message WHERE direction = 'in' AND status = 'open' AND pv_suspected = 0"
            " AND pv_screening = 'auto_cleared' ORDER BY id LIMIT 1"
        )
        .fetchone()
    )
    assert found is not None
    assert window.view.select_id(found[0])
    return int(found[0])


def test_assign_to_me_done_and_undo_from_the_keyboard(window: MainWindow, qtbot: Any) -> None:
    desk = window.bridge.desk
    current = plain_message(window)

    press(qtbot, Qt.Key.Key_A, Qt.KeyboardModifier.ShiftModifier)
    wait_for(qtbot, window, lambda: field(desk, current, "assignee") == desk.agent_name)
    press(qtbot, Qt.Key.Key_E)
    wait_for(qtbot, window, lambda: field(desk, current, "status") == "done")
    press(qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    wait_for(qtbot, window, lambda: field(desk, current, "status") == "open")
    assert window.statusBar().currentMessage() == "Undid the last action on 1 message"


def test_tag_note_and_waiting_from_the_keyboard(window: MainWindow, qtbot: Any) -> None:
    desk = window.bridge.desk
    current = plain_message(window)

    def tag(dialog: QWidget) -> None:
        assert isinstance(dialog, ChoiceDialog)
        line = dialog.combo.lineEdit()
        assert line is not None
        qtbot.keyClicks(line, "Rueckruf")
        qtbot.keyClick(line, Qt.Key.Key_Return)

    before = desk.triage.tags(current)
    answer_next_dialog(tag)
    press(qtbot, Qt.Key.Key_T)
    wait_for(qtbot, window, lambda: desk.triage.tags(current) == sorted([*before, "Rueckruf"]))

    def note(dialog: QWidget) -> None:
        assert isinstance(dialog, NoteDialog)
        qtbot.keyClicks(dialog.text, "Call back on Monday")
        qtbot.keyClick(dialog.text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    back_to_queue(qtbot, window)
    answer_next_dialog(note)
    press(qtbot, Qt.Key.Key_N)
    wait_for(qtbot, window, lambda: [n[2] for n in desk.triage.notes(current)] == ["Call back on Monday"])

    back_to_queue(qtbot, window)
    press(qtbot, Qt.Key.Key_W)
    wait_for(qtbot, window, lambda: field(desk, current, "status") == "waiting")


def test_p_records_a_pv_decision_and_closing_an_unscreened_suspect_is_refused(window: MainWindow, qtbot: Any) -> None:
    desk = window.bridge.desk
    current = plain_message(window)

    def relevant(dialog: QWidget) -> None:
        assert isinstance(dialog, PVDecisionDialog)
        qtbot.keyClicks(dialog.reason, "Patient mentions dizziness")
        dialog.accept()

    answer_next_dialog(relevant)
    press(qtbot, Qt.Key.Key_P)
    wait_for(qtbot, window, lambda: field(desk, current, "pv_suspected") == 1)
    assert (field(desk, current, "pv_screening"), field(desk, current, "pv_screening_reason")) == (
        "unscreened",
        "Patient mentions dizziness",
    )

    assert window.view.current_id() == current
    back_to_queue(qtbot, window)
    press(qtbot, Qt.Key.Key_E)
    wait_for(qtbot, window, lambda: bool(visible_warnings(window)))
    [box] = visible_warnings(window)
    assert box.text() == "Changed the status of 0 messages"
    assert "waiting for a PV decision" in box.informativeText()
    assert field(desk, current, "status") == "open"
    box.close()


def visible_warnings(window: MainWindow) -> list[QMessageBox]:
    return [b for b in window.findChildren(QMessageBox) if b.isVisible()]


def test_h_queues_hiding_for_a_comment(window: MainWindow, qtbot: Any) -> None:
    desk = window.bridge.desk
    found = (
        desk.store.read()
        .execute(
            "SELECT m.id FROM message m JOIN channel_account ch ON ch.id = m.account_id "
            "WHERE ch.kind = 'facebook' AND m.kind = 'comment' AND m.direction = 'in' ORDER BY m.id LIMIT 1"
        )
        .fetchone()
    )
    assert found is not None
    assert window.view.select_id(found[0])
    window.view.setFocus()
    press(qtbot, Qt.Key.Key_H)
    wait_for(qtbot, window, lambda: [i.action.value for i in desk.outbox.items_for(found[0])][-1:] == ["hide"])
