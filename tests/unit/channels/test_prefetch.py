"""The prefetcher hands pages over in order, grouped up to an item budget, and stops where it must."""

from __future__ import annotations

import time
from datetime import datetime
from typing import Any

import pytest

from cmdesk.channels.base import Page
from cmdesk.channels.prefetch import AHEAD_PAGES, Prefetcher
from cmdesk.errors import TransientChannelError
from cmdesk.model import IncomingMessage, MessageKind

T0 = datetime.fromisoformat("2026-11-24T08:00:00+00:00")


def _comment(n: int) -> IncomingMessage:
    return IncomingMessage(f"c{n}", MessageKind.COMMENT, "", T0, None, "")


class Source:
    """``pages`` pages of ``size`` comments each; the fetch of page ``fail_at`` fails."""

    def __init__(self, *, pages: int, size: int = 10, fail_at: int | None = None) -> None:
        self.pages, self.size, self.fail_at = pages, size, fail_at
        self.cursors: list[dict[str, Any]] = []

    def fetch(self, cursor: dict[str, Any]) -> tuple[Page, str]:
        self.cursors.append(dict(cursor))
        n = int(cursor.get("page", 0))
        if n == self.fail_at:
            raise TransientChannelError("timeout")
        items = tuple(_comment(i) for i in range(n * self.size, (n + 1) * self.size))
        return Page(items=items, cursor={"page": n + 1}, done=n + 1 >= self.pages), f"made {n}"


def drained(fetcher: Prefetcher[str]) -> None:
    """Wait until the fetch thread has queued all it will (deterministic grouping for the assertions)."""
    fetcher._thread.join(timeout=30)


def taken(fetcher: Prefetcher[str], *, max_items: int) -> list[list[str]]:
    groups = []
    while group := fetcher.take(max_items=max_items):
        groups.append([made for _, made in group])
    return groups


def test_pages_come_in_order_grouped_up_to_the_budget() -> None:
    source = Source(pages=5)
    fetcher = Prefetcher(source.fetch, {}, max_pages=None, name="test-fetch")
    drained(fetcher)
    groups = taken(fetcher, max_items=25)
    fetcher.close()
    assert groups == [["made 0", "made 1"], ["made 2", "made 3"], ["made 4"]]
    assert source.cursors == [{}, {"page": 1}, {"page": 2}, {"page": 3}, {"page": 4}]


def test_a_page_larger_than_the_budget_comes_alone() -> None:
    source = Source(pages=2, size=30)
    fetcher = Prefetcher(source.fetch, {}, max_pages=None, name="test-fetch")
    drained(fetcher)
    assert taken(fetcher, max_items=25) == [["made 0"], ["made 1"]]
    fetcher.close()


def test_nothing_is_fetched_past_the_page_budget() -> None:
    source = Source(pages=5)
    fetcher = Prefetcher(source.fetch, {"page": 1}, max_pages=2, name="test-fetch")
    drained(fetcher)
    assert (taken(fetcher, max_items=100), source.cursors) == ([["made 1", "made 2"]], [{"page": 1}, {"page": 2}])
    fetcher.close()


def test_a_failed_fetch_is_raised_after_the_pages_before_it() -> None:
    source = Source(pages=5, fail_at=2)
    fetcher = Prefetcher(source.fetch, {}, max_pages=None, name="test-fetch")
    drained(fetcher)
    first = [made for _, made in fetcher.take(max_items=100)]
    with pytest.raises(TransientChannelError, match="timeout"):
        fetcher.take(max_items=100)
    fetcher.close()
    assert (first, len(source.cursors)) == (["made 0", "made 1"], 3)


def test_fetching_waits_when_enough_pages_are_ahead_and_close_stops_it() -> None:
    source = Source(pages=100)
    fetcher = Prefetcher(source.fetch, {}, max_pages=None, name="test-fetch")
    [(_, made)] = fetcher.take(max_items=1)
    expected = 1 + AHEAD_PAGES + 1  # the one taken, AHEAD_PAGES waiting, and one fetched that waits for room
    for _ in range(3000):
        if len(source.cursors) >= expected:
            break
        time.sleep(0.01)
    fetcher.close()
    assert (made, fetcher._thread.is_alive(), len(source.cursors)) == ("made 0", False, expected)


def test_a_stop_while_a_slow_fetch_runs_returns_at_once_and_close_need_not_wait() -> None:
    """Locking the desk during a slow channel answer: the sync ends without waiting for that answer."""
    import threading

    answer = threading.Event()

    def slow(cursor: dict[str, Any]) -> tuple[Page, str]:
        answer.wait(30)  # a channel that takes its time
        return Page(items=(_comment(0),), cursor={"page": 1}, done=True), "late"

    fetcher: Prefetcher[str] = Prefetcher(slow, {}, max_pages=None, name="slow")
    try:
        assert fetcher.take(max_items=10, stop=lambda: True) == []
        fetcher.close(wait=False)
        assert fetcher._thread.is_alive()  # still inside the fetch: nobody waited for it
    finally:
        answer.set()
    fetcher._thread.join(timeout=30)
    assert not fetcher._thread.is_alive()  # it ends once the answer comes, handing nothing over
