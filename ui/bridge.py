"""DeskBridge: the Desk, the task runner and the core's events as Qt signals on the UI thread."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal

from cmdesk import events
from cmdesk.desk import Desk
from ui.tasks import TaskRunner

_FORWARDED = (
    events.MESSAGES_CHANGED,
    events.PEOPLE_CHANGED,
    events.ACCOUNTS_CHANGED,
    events.SYNC_PROGRESS,
    events.OUTBOX_CHANGED,
    events.CASES_CHANGED,
    events.TEMPLATES_CHANGED,
    events.ALERTS_CHANGED,
)


class DeskBridge(QObject):
    """What every window part gets: ``desk``, ``tasks`` and these signals.

    Core listeners run on whatever thread emitted; they only queue the event, and
    the matching signal below is emitted on the UI thread.
    """

    messages_changed = Signal(object)  # list[int] | None (None: many or unknown)
    accounts_changed = Signal(object)  # account id | None
    sync_progress = Signal(int, int, int)  # account id, fetched, stored
    outbox_changed = Signal(int, object)  # outbox id, message id | None
    cases_changed = Signal(object)  # case id | None
    templates_changed = Signal()
    alerts_changed = Signal()
    people_changed = Signal(int)  # person id
    locked = Signal()
    unlocked = Signal()
    search_changed = Signal(str)  # the queue's search text, for highlighting hits elsewhere
    current_message_changed = Signal(object)  # message id | None
    _core_event = Signal(str, object)

    def __init__(self, desk: Desk, *, tasks: TaskRunner | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.tasks = tasks or TaskRunner(self)
        self.search_text = ""
        self._core_event.connect(self._on_core_event, Qt.ConnectionType.QueuedConnection)
        self._unsubscribe: list[Callable[[], None]] = [
            desk.events.subscribe(name, self._listener(name)) for name in _FORWARDED
        ]

    def _listener(self, name: str) -> Callable[..., None]:
        def listen(**payload: Any) -> None:
            self._core_event.emit(name, payload)

        return listen

    def _on_core_event(self, name: str, payload: dict[str, Any]) -> None:
        if name == events.MESSAGES_CHANGED:
            self.messages_changed.emit(payload.get("ids"))
        elif name == events.ACCOUNTS_CHANGED:
            self.accounts_changed.emit(payload.get("account_id"))
        elif name == events.SYNC_PROGRESS:
            self.sync_progress.emit(payload["account_id"], payload["fetched"], payload["stored"])
        elif name == events.OUTBOX_CHANGED:
            self.outbox_changed.emit(payload["outbox_id"], payload.get("message_id"))
        elif name == events.CASES_CHANGED:
            self.cases_changed.emit(payload.get("case_id"))
        elif name == events.TEMPLATES_CHANGED:
            self.templates_changed.emit()
        elif name == events.ALERTS_CHANGED:
            self.alerts_changed.emit()
        elif name == events.PEOPLE_CHANGED:
            self.people_changed.emit(payload["person_id"])

    # -- desk life ---------------------------------------------------------------------------

    @property
    def is_locked(self) -> bool:
        return self.desk.is_locked

    def set_search_text(self, text: str) -> None:
        if text != self.search_text:
            self.search_text = text
            self.search_changed.emit(text)

    def lock(self) -> None:
        """Close the database and tell every widget to clear itself.

        Background reads are cancelled and waited for first: closing the store frees the
        connections they read through.
        """
        if self.desk.is_locked:
            return
        self.tasks.drain()
        self.desk.lock()
        self.locked.emit()

    def unlock(self, *, passphrase: str | None = None) -> None:
        """Open the database again; raises WrongKey/NoKeySource (user errors) on failure."""
        self.desk.unlock(passphrase=passphrase)
        self.unlocked.emit()

    def close(self) -> None:
        for unsubscribe in self._unsubscribe:
            unsubscribe()
        self._unsubscribe.clear()
        self.tasks.shutdown()
