"""Plain-Python change notifications from the core; the UI turns them into Qt signals."""

from __future__ import annotations

import logging
import threading
from collections import defaultdict
from collections.abc import Callable
from typing import Any

log = logging.getLogger(__name__)

Listener = Callable[..., None]

# Event names the core emits (keyword payloads in brackets):
MESSAGES_CHANGED = "messages_changed"  # (ids: list[int] | None)  None = many/unknown
ACCOUNTS_CHANGED = "accounts_changed"  # (account_id: int | None)
SYNC_PROGRESS = "sync_progress"  # (account_id: int, fetched: int, stored: int)
OUTBOX_CHANGED = "outbox_changed"  # (outbox_id: int, message_id: int | None)
CASES_CHANGED = "cases_changed"  # (case_id: int | None)
TEMPLATES_CHANGED = "templates_changed"  # ()
ALERTS_CHANGED = "alerts_changed"  # ()
PEOPLE_CHANGED = "people_changed"  # (person_id: int)


class EventBus:
    """Listeners are called on the emitting thread; a failing listener never breaks the emitter."""

    def __init__(self) -> None:
        self._listeners: dict[str, list[Listener]] = defaultdict(list)
        self._lock = threading.Lock()

    def subscribe(self, event: str, listener: Listener) -> Callable[[], None]:
        with self._lock:
            self._listeners[event].append(listener)

        def unsubscribe() -> None:
            with self._lock:
                if listener in self._listeners[event]:
                    self._listeners[event].remove(listener)

        return unsubscribe

    def emit(self, event: str, **payload: Any) -> None:
        with self._lock:
            listeners = list(self._listeners[event])
        for listener in listeners:
            try:
                listener(**payload)
            except Exception:
                log.exception("listener for %s failed", event)
