"""The PV entries for the main window: a case from the selected messages in one keystroke, and the review list.

``pv_actions(window)`` only needs ``window.bridge`` and ``window.view.selected_ids()``,
so the lead can wire it into the main window's menu without this module knowing it.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMessageBox, QWidget

from ui.bridge import DeskBridge
from ui.pv.case_form import CaseForm, open_case_form
from ui.pv.review_view import ReviewView

NEW_CASE_SHORTCUT = "Ctrl+Shift+P"


class _SelectsMessages(Protocol):
    def selected_ids(self) -> list[int]: ...


class PVWindow(Protocol):
    """What the actions need of the main window."""

    bridge: DeskBridge
    view: _SelectsMessages


def new_case_from_selection(window: QWidget, bridge: DeskBridge, ids: list[int]) -> CaseForm | None:
    if not ids:
        QMessageBox.information(
            window,
            QCoreApplication.translate("PVActions", "New PV case"),
            QCoreApplication.translate("PVActions", "Select the message that reports the adverse event first."),
        )
        return None
    return open_case_form(bridge, window, message_ids=ids)


def pv_actions(window: QWidget) -> list[QAction]:
    """[New PV case from message (Ctrl+Shift+P), PV review]; parented to ``window``."""
    host: PVWindow = window  # type: ignore[assignment]  # the main window: has .bridge and .view
    new_case = QAction(QCoreApplication.translate("PVActions", "New PV case from message"), window)
    new_case.setObjectName("action_pv_new_case")
    new_case.setShortcut(QKeySequence(NEW_CASE_SHORTCUT))
    new_case.setStatusTip(
        QCoreApplication.translate(
            "PVActions", "Open a draft pharmacovigilance case prefilled from the selected messages"
        )
    )
    new_case.triggered.connect(lambda: new_case_from_selection(window, host.bridge, host.view.selected_ids()))

    review = QAction(QCoreApplication.translate("PVActions", "PV review"), window)
    review.setObjectName("action_pv_review_window")
    review.setStatusTip(QCoreApplication.translate("PVActions", "Messages waiting for a PV decision, by deadline"))
    opened: list[ReviewView] = []

    def show_review() -> None:
        if not opened:
            opened.append(ReviewView(host.bridge, window))
        view = opened[0]
        view.refresh()
        view.show()
        view.raise_()
        view.activateWindow()

    review.triggered.connect(show_review)
    return [new_case, review]
