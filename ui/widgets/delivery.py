"""A panel's loaded data: shown now, or held back while the queue's list is loading.

After a click on a view, a chip or a search, the list is what the user looks at. A message or an
author that finishes loading in those same moments took the UI thread (and Python's lock, which the
list's own read needs) for 20-45 ms at 10^6 messages to lay out and paint a panel that the new
query is about to change anyway. Held back, it is shown right after the list's first paint.
"""

from __future__ import annotations

from collections.abc import Callable


class Delivery:
    """Runs a panel's ``show`` at once, or keeps the newest one while paused and runs it on ``resume``."""

    def __init__(self) -> None:
        self._paused = False
        self._waiting: Callable[[], None] | None = None

    @property
    def paused(self) -> bool:
        return self._paused

    @property
    def waiting(self) -> bool:
        """Something loaded is held back."""
        return self._waiting is not None

    def send(self, show: Callable[[], None]) -> None:
        """Show loaded data now, or after ``resume`` (a newer load replaces an older one still held)."""
        if self._paused:
            self._waiting = show
        else:
            show()

    def then(self, show: Callable[[], None]) -> None:
        """Show a smaller, newer load after what is held (or now): a reply's outbox after the held message."""
        held = self._waiting
        if not self._paused:
            show()
        elif held is None:
            self._waiting = show
        else:

            def both() -> None:
                held()
                show()

            self._waiting = both

    def pause(self) -> None:
        self._paused = True

    def resume(self) -> None:
        self._paused = False
        show, self._waiting = self._waiting, None
        if show is not None:
            show()

    def drop(self) -> None:
        """Forget what is held (the panel moved on or was cleared): it is never shown, nor kept in memory."""
        self._waiting = None
