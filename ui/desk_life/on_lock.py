"""What a window of its own does when the desk locks: its dialogs close with it.

A dialog opened from a window (a question, Day 0, Forward, a file dialog) is a window of its own: hiding or
emptying its parent leaves it on screen beside the lock screen, with the store's data in it, and an answer
given after the lock would act on a locked desk.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QWidget


def close_dialogs(window: QWidget) -> None:
    """Reject every open dialog of ``window``: a question asked there answers No, an edit is dropped."""
    for dialog in window.findChildren(QDialog):
        if dialog.isVisible():
            dialog.reject()
