"""The views panel: exact counts of every view, and one count for requests made together."""

from __future__ import annotations

import threading
from typing import Any

import pytest

from tests.ui.conftest import cancel_then_drain
from ui.bridge import DeskBridge
from ui.queue.saved_filters import SavedFilters
from ui.queue.views_panel import ViewsPanel


@pytest.fixture
def panel(bridge: DeskBridge, qtbot: Any, tmp_path: Any) -> ViewsPanel:
    made = ViewsPanel(bridge, saved=SavedFilters(tmp_path / "saved.json"))
    qtbot.addWidget(made)
    return made


def test_requests_made_together_are_one_count_of_every_view(
    panel: ViewsPanel, bridge: DeskBridge, qtbot: Any, monkeypatch: Any
) -> None:
    queue = bridge.desk.queue
    counted: list[int] = []
    real = queue.view_counts

    def counting() -> dict[str, int]:
        counted.append(1)
        return real()

    monkeypatch.setattr(queue, "view_counts", counting)
    with qtbot.waitSignal(panel.counts_changed, timeout=10_000):
        for _ in range(3):  # what the window does at start-up
            panel.refresh_counts()
    assert (panel.counts(), len(counted)) == (real(), 1)
    shown = {
        panel.topLevelItem(0).child(n).text(0): panel.topLevelItem(0).child(n).text(1)
        for n in range(panel.topLevelItem(0).childCount())
    }
    assert shown == {title: f"{real()[key]:,}".replace(",", "\u202f") for key, title in panel.view_titles().items()}


def test_counts_come_back_after_a_lock_during_a_count(
    panel: ViewsPanel, bridge: DeskBridge, qtbot: Any, monkeypatch: Any
) -> None:
    """A lock cancels the running count, and a cancelled task calls nothing back.

    Before the fix the panel still thought a count was running: after unlocking it never counted again.
    """
    queue, tasks = bridge.desk.queue, bridge.tasks
    real = queue.view_counts
    entered, gate = threading.Event(), threading.Event()

    def gated() -> dict[str, int]:
        entered.set()
        gate.wait(10)
        return {"my": -1}  # what a count from before the lock would show

    monkeypatch.setattr(queue, "view_counts", gated)
    cancel_then_drain(bridge, gate, monkeypatch)
    panel.refresh_counts()
    qtbot.waitUntil(entered.is_set, timeout=10_000)
    bridge.lock()  # Ctrl+L while the count runs
    monkeypatch.setattr(queue, "view_counts", real)
    bridge.unlock()
    with qtbot.waitSignal(panel.counts_changed, timeout=10_000, raising=False):
        panel.refresh_counts()
    qtbot.waitUntil(lambda: not panel._count_timer.isActive() and not tasks.busy, timeout=10_000)
    assert (panel._counting, panel.counts()) == (False, real())


def test_a_count_from_before_a_clear_is_dropped(
    panel: ViewsPanel, bridge: DeskBridge, qtbot: Any, monkeypatch: Any
) -> None:
    """Counts cleared while one runs: the next request counts at once, and the older answer landing last is dropped."""
    queue = bridge.desk.queue
    real = queue.view_counts
    entered, gate = threading.Event(), threading.Event()
    calls: list[int] = []

    def first_gated() -> dict[str, int]:
        calls.append(1)
        if len(calls) == 1:
            entered.set()
            gate.wait(10)
            return {"my": -1}
        return real()

    monkeypatch.setattr(queue, "view_counts", first_gated)
    panel.refresh_counts()
    qtbot.waitUntil(entered.is_set, timeout=10_000)
    panel.clear_counts()
    with qtbot.waitSignal(panel.counts_changed, timeout=10_000):
        panel.refresh_counts()
    gate.set()
    qtbot.waitUntil(lambda: not bridge.tasks.busy, timeout=10_000)
    assert (panel._counting, panel.counts(), len(calls)) == (False, real(), 2)
