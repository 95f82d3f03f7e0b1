"""A list view's reloads, numbered: only the newest one's list is shown.

Reads run on several readers and finish in any order. A list reloaded twice in quick succession (a
sync pass changing an account's state, a language picked twice) must not end on the older list. A
reload asked to select a row (the template just saved) hands that wish on when a newer reload
supersedes it, so the selection is not lost with the dropped list.
"""

from __future__ import annotations


class NewestList:
    """Tickets for a list's reloads, and the row the newest list is to select."""

    def __init__(self) -> None:
        self._issued = 0
        self._select: int | None = None

    def start(self, select: int | None = None) -> int:
        """A reload begins: its ticket; ``select`` is kept for whichever reload's list is shown."""
        self._issued += 1
        if select is not None:
            self._select = select
        return self._issued

    def arrived(self, ticket: int) -> tuple[bool, int | None]:
        """A reload's list came in: (whether to show it, the row to select); the wish is used up when shown."""
        if ticket != self._issued:
            return False, None
        select, self._select = self._select, None
        return True, select

    def drop(self) -> None:
        """The view emptied (a lock): lists still on their way are not shown, and no wish is left."""
        self._issued += 1
        self._select = None
