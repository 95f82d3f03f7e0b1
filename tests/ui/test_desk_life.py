"""Desk life: first run, locking (Ctrl+L and idle) clears the screen, unlocking with keyring or passphrase."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from cmdesk.clock import FixedClock
from cmdesk.desk import Desk
from cmdesk.errors import WrongKey
from cmdesk.model import Role
from cmdesk.settings import Agent
from cmdesk.store.keys import KeyManager
from tests.ui.conftest import NOW, SessionKeyring, fill_demo
from ui.bridge import DeskBridge
from ui.desk_life.first_run import FirstRunDialog
from ui.desk_life.unlock import UnlockDialog
from ui.main_window import MainWindow
from ui.queue.saved_filters import SavedFilters

PASSPHRASE = "correct horse battery"


def assert_screen_is_clear(window: MainWindow) -> None:
    assert (
        window.bridge.desk.is_locked,
        window.stack.currentWidget() is window.lock_screen,
        window.model.rowCount(),
        window.views.counts(),
        window.count_label.text(),
        window.actions_by_name["done"].isEnabled(),
    ) == (True, True, 0, {}, "", False)


def test_ctrl_l_locks_and_the_keyring_unlocks(main_window: MainWindow, qtbot: Any) -> None:
    rows = main_window.model.rowCount()
    main_window.activateWindow()
    with qtbot.waitSignal(main_window.bridge.locked):
        qtbot.keyClick(main_window.view, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert_screen_is_clear(main_window)
    with qtbot.waitSignal(main_window.model.ids_loaded, timeout=10_000):
        qtbot.mouseClick(main_window.lock_screen.button, Qt.MouseButton.LeftButton)
    assert (main_window.bridge.desk.is_locked, main_window.model.rowCount()) == (False, rows)
    assert main_window.stack.currentWidget() is main_window.splitter


def test_idle_time_locks_the_desk(main_window: MainWindow, qtbot: Any) -> None:
    with qtbot.waitSignal(main_window.bridge.locked, timeout=5_000):
        main_window.idle.set_minutes(0.001)
    assert_screen_is_clear(main_window)


@pytest.fixture
def passphrase_window(tmp_path: Path, qtbot: Any) -> Iterator[MainWindow]:
    desk = Desk.create(
        tmp_path / "pass.cmdesk", mode="passphrase", passphrase=PASSPHRASE, clock=FixedClock(NOW), agent="Anna Berger"
    )
    fill_demo(desk, messages=60)
    bridge = DeskBridge(desk)
    window = MainWindow(bridge, saved_filters=SavedFilters(tmp_path / "saved.json"))
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.model.ids_loaded, timeout=10_000):
        window.show()
    yield window
    window.idle.detach()
    bridge.close()
    desk.close()


def test_a_passphrase_desk_unlocks_only_with_its_passphrase(passphrase_window: MainWindow, qtbot: Any) -> None:
    window = passphrase_window
    rows = window.model.rowCount()
    window.lock_desk()
    assert_screen_is_clear(window)
    qtbot.mouseClick(window.lock_screen.button, Qt.MouseButton.LeftButton)
    dialog = window.unlock_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.passphrase.setText("wrong")
    dialog.accept()
    assert (dialog.isVisible(), dialog.error.isHidden(), window.bridge.desk.is_locked) == (True, False, True)
    assert dialog.error.text() == f"wrong passphrase for {window.bridge.desk.path}"
    dialog.passphrase.setText(PASSPHRASE)
    with qtbot.waitSignal(window.model.ids_loaded, timeout=10_000):
        dialog.accept()
    assert (dialog.isVisible(), dialog.passphrase.text(), window.model.rowCount()) == (False, "", rows)


def test_the_unlock_dialog_shows_the_error_as_plain_text(qtbot: Any) -> None:
    def refuse(passphrase: str) -> None:
        raise WrongKey("<b>wrong</b> passphrase")

    dialog = UnlockDialog(store_label="desk.cmdesk", try_unlock=refuse)
    qtbot.addWidget(dialog)
    dialog.passphrase.setText("x")
    dialog.accept()
    assert (dialog.error.text(), dialog.error.textFormat()) == ("<b>wrong</b> passphrase", Qt.TextFormat.PlainText)


def test_first_run_creates_the_store_with_name_and_role(tmp_path: Path, qtbot: Any) -> None:
    path = tmp_path / "new.cmdesk"
    dialog = FirstRunDialog(path=path, keys=KeyManager(SessionKeyring()), clock=FixedClock(NOW))
    qtbot.addWidget(dialog)
    dialog.accept()
    assert (dialog.error.text(), dialog.desk) == ("Please enter your name.", None)
    dialog.name.setText("Jonas Keller")
    dialog.role.setCurrentIndex(dialog.role.findData(Role.PV_REVIEWER.value))
    dialog.use_passphrase.setChecked(True)
    dialog.passphrase.setText("short")
    dialog.repeat.setText("short")
    dialog.accept()
    assert (dialog.error.text(), path.exists()) == ("The passphrase needs at least 8 characters.", False)
    dialog.passphrase.setText(PASSPHRASE)
    dialog.repeat.setText(PASSPHRASE + "!")
    dialog.accept()
    assert dialog.error.text() == "The two passphrases differ."
    dialog.repeat.setText(PASSPHRASE)
    dialog.accept()
    desk = dialog.desk
    assert desk is not None
    try:
        assert (desk.agent_name, desk.settings.agents()) == ("Jonas Keller", [Agent("Jonas Keller", Role.PV_REVIEWER)])
        assert (dialog.passphrase.text(), dialog.result()) == ("", FirstRunDialog.DialogCode.Accepted)
    finally:
        desk.close()
    reopened = Desk.open(path, passphrase=PASSPHRASE)
    reopened.close()


def test_a_lock_closes_the_open_dialogs_of_a_window_and_leaves_the_rest(qtbot: Any) -> None:
    from PySide6.QtWidgets import QDialog, QWidget

    from ui.desk_life.on_lock import close_dialogs

    window = QWidget()
    qtbot.addWidget(window)
    shown, closed_before = QDialog(window), QDialog(window)
    shown.show()
    shown.setResult(QDialog.DialogCode.Accepted)  # so the Rejected below can only come from close_dialogs
    closed_before.done(QDialog.DialogCode.Accepted)  # answered earlier: its answer stands
    elsewhere = QDialog()
    qtbot.addWidget(elsewhere)
    elsewhere.show()
    close_dialogs(window)
    assert (shown.isVisible(), shown.result(), closed_before.result(), elsewhere.isVisible()) == (
        False,
        QDialog.DialogCode.Rejected,
        QDialog.DialogCode.Accepted,
        True,
    )
