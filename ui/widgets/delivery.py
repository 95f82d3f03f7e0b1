"""A panel's loaded data: shown now, or held back while the queue's list is loading.

After a click on a view, a chip or a search, the list is what the user looks at. A message or an
author that finishes loading in those same moments took the UI thread (and Python's lock, which the
list's own read needs) for 20-45 ms at 10^6 messages to lay out and paint a panel that the new
query is about to change anyway. Held back, it is shown right after the list's first paint.

Loads run on a pool of readers and can finish out of order. Each request takes a ticket when it is
made, and a result whose request is older than one already delivered is dropped: the panel shows
the newest request's result, and an older one arriving late can neither replace it while it is held
(the panel stayed on "Loading…" for good) nor overwrite it once shown.
"""

from __future__ import annotations

from collections.abc import Callable


class Delivery:
    """Runs a panel's ``show`` at once, or keeps the newest one while paused and runs it on ``resume``."""

    def __init__(self) -> None:
        self._paused = False
        self._waiting: Callable[[], None] | None = None
        self._issued = 0  # the last ticket handed out
        self._newest = 0  # the newest ticket whose result came in (or the last ticket when dropped)

    @property
    def paused(self) -> bool:
        return self._paused

    @property
    def waiting(self) -> bool:
        """Something loaded is held back."""
        return self._waiting is not None

    def ticket(self) -> int:
        """Number a request as it is made; its result goes to :meth:`send` with this number."""
        self._issued += 1
        return self._issued

    def send(self, ticket: int, show: Callable[[], None]) -> None:
        """Show loaded data now, or after ``resume``; the result of a request older than one delivered is dropped."""
        if ticket <= self._newest:
            return
        self._newest = ticket
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
        """Forget what is held (the panel moved on or was cleared): it is never shown, nor kept in memory.

        Results of requests made before this are dropped when they arrive.
        """
        self._waiting = None
        self._newest = self._issued
