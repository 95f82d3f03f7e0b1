"""Pages fetched one after another on a helper thread, ahead of the store, and handed over in order."""

from __future__ import annotations

import copy
import threading
from collections import deque
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from cmdesk.channels.base import Page

T = TypeVar("T")

AHEAD_PAGES = 8  # fetched pages waiting to be stored, at most: enough to fill a few transactions
STOP_POLL_S = 0.1  # how often a wait for the next page asks whether to stop


class _End:
    """No page comes after this: the last one was done, or the page budget is spent."""


_END = _End()


class Prefetcher(Generic[T]):
    """Runs ``fetch`` from ``cursor`` on, each call with the cursor of the page before, until the channel is done.

    ``fetch`` returns a page and what else was made of it on this thread (its analysis).
    The fetches need only the previous cursor, so they overlap the store's work instead of
    adding to it, up to AHEAD_PAGES ahead. Nothing is fetched past the last page or past
    ``max_pages``. :meth:`take` hands the pages over in order and raises a failed fetch's
    error only once every page before it has been taken. :meth:`close` drops what was not
    taken and waits for a fetch under way, so none is left running.
    """

    def __init__(
        self,
        fetch: Callable[[dict[str, Any]], tuple[Page, T]],
        cursor: dict[str, Any],
        *,
        max_pages: int | None,
        name: str,
    ) -> None:
        self._fetch = fetch
        self._ready: deque[tuple[Page, T] | BaseException | _End] = deque()
        self._changed = threading.Condition()
        self._closed = False
        self._thread = threading.Thread(target=self._run, args=(dict(cursor), max_pages), name=name, daemon=True)
        self._thread.start()

    def _run(self, cursor: dict[str, Any], max_pages: int | None) -> None:
        fetched = 0
        while max_pages is None or fetched < max_pages:
            try:
                page, made = self._fetch(cursor)
            except BaseException as err:  # handed to the storing thread, which raises it in its turn
                self._put(err)
                return
            fetched += 1
            if not self._put((page, made)) or page.done:
                break
            cursor = copy.deepcopy(dict(page.cursor))  # the connector may keep and change what it returned
        self._put(_END)

    def _put(self, entry: tuple[Page, T] | BaseException | _End) -> bool:
        """Queue ``entry`` once there is room; False if closed meanwhile (then nothing more is fetched)."""
        with self._changed:
            while len(self._ready) >= AHEAD_PAGES and not self._closed and isinstance(entry, tuple):
                self._changed.wait()
            if self._closed:
                return False
            self._ready.append(entry)
            self._changed.notify_all()
            return True

    def take(self, *, max_items: int, stop: Callable[[], bool] | None = None) -> list[tuple[Page, T]]:
        """The next page (waiting for it) and those fetched behind it, up to ``max_items`` items in all.

        The first page is always taken, however many items it has. Empty after the last page, and
        as soon as ``stop`` answers True while the next page is still being fetched (a slow channel
        must not hold up locking the desk for its whole answer time).
        """
        taken: list[tuple[Page, T]] = []
        items = 0
        with self._changed:
            while not self._ready:
                if stop is not None and stop():
                    return taken
                self._changed.wait(STOP_POLL_S if stop is not None else None)
            while self._ready:
                entry = self._ready[0]
                if isinstance(entry, _End):
                    break
                if isinstance(entry, BaseException):
                    if taken:
                        break  # raised by the next call, after these pages are stored
                    self._ready.popleft()
                    raise entry
                if taken and items + len(entry[0].items) > max_items:
                    break
                self._ready.popleft()
                taken.append(entry)
                items += len(entry[0].items)
            self._changed.notify_all()
        return taken

    def close(self, *, wait: bool = True) -> None:
        """Drop the pages not taken (the stored cursor still points before them) and wait for the thread.

        Without ``wait`` a fetch under way is left to finish on its own (the thread is a daemon and
        stops there): what it brings is dropped, as the cursor stored still points before it.
        """
        with self._changed:
            self._closed = True
            self._ready.clear()
            self._changed.notify_all()
        if wait:
            self._thread.join()
