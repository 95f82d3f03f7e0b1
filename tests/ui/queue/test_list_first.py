"""From a query's start to the paint after its first page, the side panels and the pane's search marks wait."""

from __future__ import annotations

from typing import Any

from ui.bridge import DeskBridge
from ui.queue.list_first import ListFirst
from ui.queue.model import QueueModel
from ui.queue.view import QueueView
from ui.widgets.delivery import Delivery


def _list_first(bridge: DeskBridge, qtbot: Any) -> tuple[QueueModel, QueueView, ListFirst, Delivery]:
    model = QueueModel(bridge)
    view = QueueView(model)
    qtbot.addWidget(view)
    delivery = Delivery()
    return model, view, ListFirst(bridge, model, view, [delivery]), delivery


def _search_loading(model: QueueModel, list_first: ListFirst, delivery: Delivery, text: str, load: str) -> list[str]:
    """A query for ``text`` starts, then a panel's ``load`` arrives; returns what the panel has shown."""
    shown: list[str] = []
    model.query_started.emit()
    list_first.want(text)
    delivery.send(delivery.ticket(), lambda: shown.append(load))
    return shown


def test_search_and_panels_wait_for_the_paint_after_the_first_page(bridge: DeskBridge, qtbot: Any) -> None:
    model, view, list_first, delivery = _list_first(bridge, qtbot)
    shown = _search_loading(model, list_first, delivery, "Nebenwirkung", "author of the old selection")
    view.painted.emit()  # a paint of the old rows: too early
    model.first_page_ready.emit()
    before_paint = (bridge.search_text, list(shown), delivery.paused)
    view.painted.emit()
    qtbot.waitUntil(lambda: not delivery.paused)
    assert (before_paint, bridge.search_text, shown) == (
        ("", [], True),
        "Nebenwirkung",
        ["author of the old selection"],
    )


def test_a_failed_read_releases_everything_at_once(bridge: DeskBridge, qtbot: Any) -> None:
    model, _view, list_first, delivery = _list_first(bridge, qtbot)
    shown = _search_loading(model, list_first, delivery, "Kopfschmerzen", "message 3")
    model.load_failed.emit("the store is locked")
    assert (bridge.search_text, shown, delivery.paused) == ("Kopfschmerzen", ["message 3"], False)


def test_the_search_can_be_handed_over_before_the_panels_are_released(bridge: DeskBridge, qtbot: Any) -> None:
    model, _view, list_first, delivery = _list_first(bridge, qtbot)
    model.query_started.emit()
    list_first.want("Schwindel")
    list_first.hand_over_search()  # a message is about to be shown: it gets the marks
    assert (bridge.search_text, delivery.paused) == ("Schwindel", True)


def test_a_query_started_before_the_release_keeps_its_own_loads_back(bridge: DeskBridge, qtbot: Any) -> None:
    model, view, _unused, delivery = _list_first(bridge, qtbot)
    shown: list[str] = []
    model.query_started.emit()
    model.first_page_ready.emit()
    view.painted.emit()  # the release is due once this frame is out...
    model.query_started.emit()  # ...but the user starts another query first
    delivery.send(delivery.ticket(), lambda: shown.append("message of the old selection"))
    qtbot.wait(50)
    held = (list(shown), delivery.paused)
    model.first_page_ready.emit()
    view.painted.emit()
    qtbot.waitUntil(lambda: not delivery.paused)
    assert (held, shown) == (([], True), ["message of the old selection"])


def test_a_list_that_is_never_painted_holds_nothing_back_for_long(bridge: DeskBridge, qtbot: Any) -> None:
    from ui.queue.list_first import UNPAINTED_RELEASE_MS

    model, _view, list_first, delivery = _list_first(bridge, qtbot)
    shown = _search_loading(model, list_first, delivery, "Husten", "message 5")
    model.first_page_ready.emit()  # ...and the window is minimised: no paint follows
    qtbot.wait(UNPAINTED_RELEASE_MS // 2)
    early = list(shown)
    qtbot.waitUntil(lambda: not delivery.paused, timeout=UNPAINTED_RELEASE_MS * 4)
    assert (early, shown, bridge.search_text) == ([], ["message 5"], "Husten")
