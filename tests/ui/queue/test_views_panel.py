"""The views panel: exact counts of every view, and one count for requests made together."""

from __future__ import annotations

from typing import Any

from ui.bridge import DeskBridge
from ui.queue.saved_filters import SavedFilters
from ui.queue.views_panel import ViewsPanel


def test_requests_made_together_are_one_count_of_every_view(
    bridge: DeskBridge, qtbot: Any, tmp_path: Any, monkeypatch: Any
) -> None:
    panel = ViewsPanel(bridge, saved=SavedFilters(tmp_path / "saved.json"))
    qtbot.addWidget(panel)
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
