"""Triage from the window: each key runs one TriageService call on the selection via the task runner.

The dialogs that ask for a tag, a note or a PV reason come from ``ui.triage.dialogs``
when present; a plain input dialog stands in otherwise.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QInputDialog, QWidget

from cmdesk.model import Status
from ui.bridge import DeskBridge
from ui.error_text import error_text


class TriageActions(QObject):
    """Runs triage calls off the UI thread; ``finished(ids)`` after each success, ``failed(text)`` otherwise."""

    finished = Signal(object)  # list[int] (the messages that changed)
    failed = Signal(str)
    reported = Signal(str, object)  # what was done, [(message id, why it was skipped)] worth showing

    def __init__(self, bridge: DeskBridge, *, parent_widget: QWidget) -> None:
        super().__init__(parent_widget)
        self._bridge = bridge
        self._parent = parent_widget

    # -- the actions -------------------------------------------------------------------------

    def assign(self, ids: list[int], assignee: str | None) -> None:
        self._run(ids, lambda t: t.assign(ids, assignee=assignee), label=self.tr("Assigning"))

    def set_status(self, ids: list[int], status: Status) -> None:
        self._run(ids, lambda t: t.set_status(ids, status=status), label=self.tr("Changing status"))

    def tag(self, ids: list[int], tag: str) -> None:
        self._run(ids, lambda t: t.tag(ids, tag=tag), label=self.tr("Tagging"))

    def note(self, ids: list[int], text: str) -> None:
        self._run(ids, lambda t: t.note(ids, text=text), label=self.tr("Adding note"))

    def mark_pv(self, ids: list[int], reason: str | None, *, relevant: bool = True) -> None:
        self._run(
            ids, lambda t: t.mark_pv(ids, relevant=relevant, reason=reason), label=self.tr("Recording PV decision")
        )

    def hide(self, ids: list[int]) -> None:
        self._run(ids, lambda t: t.queue_moderation(ids, action="hide"), label=self.tr("Queueing hide"))

    def undo(self) -> None:
        self._run([], lambda t: t.undo(), label=self.tr("Undoing"))

    # -- asking the user ---------------------------------------------------------------------------

    def ask_assignee(self, agents: list[str]) -> str | None:
        dialog = self._dialog("ask_assignee")
        if dialog is not None:
            result: str | None = dialog(self._bridge, self._parent, agents=agents)
            return result
        me = self._bridge.desk.agent_name
        choices = [me] + [a for a in agents if a != me]
        name, ok = QInputDialog.getItem(self._parent, self.tr("Assign"), self.tr("Assign to:"), choices, 0, True)
        return name.strip() if ok and name.strip() else None

    def ask_tag(self) -> str | None:
        return self._ask("ask_tag", self.tr("Tag"), self.tr("Tag:"))

    def ask_note(self) -> str | None:
        dialog = self._dialog("ask_note")
        if dialog is not None:
            result: str | None = dialog(self._bridge, self._parent)
            return result
        text, ok = QInputDialog.getMultiLineText(self._parent, self.tr("Note"), self.tr("Note:"))
        return text.strip() if ok and text.strip() else None

    def ask_pv_decision(self, count: int) -> tuple[bool, str | None] | None:
        """(relevant, reason) or None; "not relevant" always comes with a reason."""
        dialog = self._dialog("ask_pv_decision")
        if dialog is not None:
            result: tuple[bool, str | None] | None = dialog(self._bridge, self._parent, count=count)
            return result
        text, ok = QInputDialog.getText(self._parent, self.tr("PV decision"), self.tr("Why is this an adverse event?"))
        return (True, text.strip() or None) if ok else None

    def _ask(self, name: str, title: str, label: str) -> str | None:
        dialog = self._dialog(name)
        if dialog is not None:
            result: str | None = dialog(self._bridge, self._parent)
            return result
        text, ok = QInputDialog.getText(self._parent, title, label)
        return text.strip() if ok and text.strip() else None

    @staticmethod
    def _dialog(name: str) -> Callable[..., Any] | None:
        try:
            module = importlib.import_module("ui.triage.dialogs")
        except ImportError:
            return None
        found = getattr(module, name, None)
        return found if callable(found) else None

    # -- running ----------------------------------------------------------------------------------

    def _run(self, ids: list[int], call: Callable[[Any], Any], *, label: str) -> None:
        desk = self._bridge.desk
        if desk.is_locked:
            return

        def done(result: Any) -> None:
            changed = ids or _ids_of(result)
            self.finished.emit(changed)
            if hasattr(result, "message_ids"):
                notable = [(mid, why) for mid, why in result.skipped if why != "already so"]
                self.reported.emit(self.describe(result.action, len(result.message_ids)), notable)

        self._bridge.tasks.write(
            lambda: call(desk.triage),
            label=label,
            on_done=done,
            on_error=lambda err: self.failed.emit(error_text(err)),
        )

    def describe(self, action: str, count: int) -> str:
        """One translated line for the status bar."""
        texts = {
            "assign": self.tr("Assigned %n message(s)", "", count),
            "status": self.tr("Changed the status of %n message(s)", "", count),
            "pv": self.tr("Recorded the PV decision for %n message(s)", "", count),
            "tag": self.tr("Tagged %n message(s)", "", count),
            "untag": self.tr("Removed the tag from %n message(s)", "", count),
            "note": self.tr("Added a note to %n message(s)", "", count),
            "moderation": self.tr("Queued hiding of %n message(s)", "", count),
            "undo": self.tr("Undid the last action on %n message(s)", "", count),
        }
        return texts.get(action, self.tr("Changed %n message(s)", "", count))


def _ids_of(result: Any) -> list[int]:
    """Undo may tell which messages it touched; without that the whole queue is refreshed."""
    found = getattr(result, "message_ids", None)
    return list(found) if found else []
