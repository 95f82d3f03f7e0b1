"""The pane's search marks change after the paint that shows the first page of hits, not before."""

from __future__ import annotations

from typing import Any

from ui.bridge import DeskBridge
from ui.queue.model import QueueModel
from ui.queue.pane_search import PaneSearch
from ui.queue.view import QueueView


def _pane_search(bridge: DeskBridge, qtbot: Any) -> tuple[QueueModel, QueueView, PaneSearch]:
    model = QueueModel(bridge)
    view = QueueView(model)
    qtbot.addWidget(view)
    return model, view, PaneSearch(bridge, model, view)


def test_the_search_is_handed_over_after_the_first_page_is_painted(bridge: DeskBridge, qtbot: Any) -> None:
    model, view, pane_search = _pane_search(bridge, qtbot)
    pane_search.want("Nebenwirkung")
    view.painted.emit()  # a paint of the old rows: too early
    before_first_page = bridge.search_text
    model.first_page_ready.emit()
    after_first_page = bridge.search_text
    view.painted.emit()
    assert (before_first_page, after_first_page, bridge.search_text) == ("", "", "Nebenwirkung")


def test_a_failed_read_hands_the_search_over_at_once(bridge: DeskBridge, qtbot: Any) -> None:
    model, _view, pane_search = _pane_search(bridge, qtbot)
    pane_search.want("Kopfschmerzen")
    model.load_failed.emit("the store is locked")
    assert bridge.search_text == "Kopfschmerzen"
