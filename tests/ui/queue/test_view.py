"""The queue view: which message is current, told to the others once, and when."""

from __future__ import annotations

from typing import Any

from cmdesk.queue import QueueFilter
from ui.bridge import DeskBridge
from ui.queue.model import QueueModel
from ui.queue.view import QueueView


def shown_view(bridge: DeskBridge, qtbot: Any) -> tuple[QueueModel, QueueView, list[int | None]]:
    model = QueueModel(bridge)
    view = QueueView(model)
    qtbot.addWidget(view)
    view.resize(900, 500)
    view.show()
    heard: list[int | None] = []
    view.current_message_changed.connect(heard.append)
    return model, view, heard


def pick_first_row(model: QueueModel, view: QueueView) -> None:
    """What the main window does when a first page arrives."""
    model.first_page_ready.connect(lambda: view.go_to_row(0))


def test_a_new_query_announces_its_first_message_once_after_the_list(bridge: DeskBridge, qtbot: Any) -> None:
    model, view, heard = shown_view(bridge, qtbot)
    pick_first_row(model, view)
    with qtbot.waitSignal(model.first_page_ready, timeout=10_000):
        model.set_filter(bridge.desk.queue.filter("all"))
    assert heard == []  # the list is painted first
    with qtbot.waitSignal(view.current_message_changed, timeout=10_000):
        pass
    assert heard == [model.message_id(0)]


def test_a_step_is_announced_at_once_and_a_jump_after_the_list(bridge: DeskBridge, qtbot: Any) -> None:
    model, view, heard = shown_view(bridge, qtbot)
    with qtbot.waitSignal(model.ids_loaded, timeout=10_000):
        model.set_filter(bridge.desk.queue.filter("all"))
    view.go_to_row(0)
    # the view may have made row 0 current by itself already, when it got the focus (Qt does)
    qtbot.waitUntil(lambda: heard == [model.message_id(0)], timeout=10_000)
    view.step(1)
    assert heard == [model.message_id(0), model.message_id(1)]
    last = model.rowCount() - 1
    view.go_to_row(last)
    assert heard == [model.message_id(0), model.message_id(1)]
    with qtbot.waitSignal(view.current_message_changed, timeout=10_000):
        pass
    assert heard == [model.message_id(0), model.message_id(1), model.message_id(last)]


def test_a_query_that_follows_quickly_passes_over_the_message_of_the_one_before(bridge: DeskBridge, qtbot: Any) -> None:
    model, view, heard = shown_view(bridge, qtbot)
    pick_first_row(model, view)
    queue = bridge.desk.queue
    with qtbot.waitSignal(model.first_page_ready, timeout=10_000):
        model.set_filter(queue.filter("all"))
    with qtbot.waitSignal(model.first_page_ready, timeout=10_000):
        model.set_filter(queue.filter("waiting"))
    # the announcement may come while the first page is still being handled, or after the paint
    qtbot.waitUntil(lambda: bool(heard), timeout=10_000)
    assert heard == [queue.first_ids(queue.filter("waiting"), limit=1)[0]]


def test_search_marks_change_with_the_first_page_of_the_search(bridge: DeskBridge, qtbot: Any) -> None:
    model, view, _heard = shown_view(bridge, qtbot)
    with qtbot.waitSignal(model.ids_loaded, timeout=10_000):
        model.set_filter(bridge.desk.queue.filter("all"))
    before_reset: list[object] = []
    model.modelAboutToBeReset.connect(lambda: before_reset.append(view.itemDelegateForColumn(3)))
    with qtbot.waitSignal(model.first_page_ready, timeout=10_000):
        view.set_search("Nebenwirkung")
        model.set_filter(QueueFilter(view="all", search="Nebenwirkung"))
    # the rows on screen until then are not marked (and painted again) for a search they were not found by
    assert (before_reset, view.itemDelegateForColumn(3)) == ([None], view.excerpt_delegate)
    view.set_search("")  # no query follows: the marks go at once
    qtbot.waitUntil(lambda: view.itemDelegateForColumn(3) is None, timeout=10_000)


def test_german_headers_and_due_times_fit_their_columns(bridge: DeskBridge, qtbot: Any) -> None:
    from ui import i18n
    from ui.queue import columns as cols

    assert i18n.install("de") is True
    try:
        view = QueueView(QueueModel(bridge))
        qtbot.addWidget(view)
        header = view.horizontalHeader()
        metrics = header.fontMetrics()
        too_narrow = [
            text
            for column, text in ((cols.MOOD, "Stimmung"), (cols.AGE, "55 T · 55 T überfällig"))
            if header.sectionSize(column) < metrics.horizontalAdvance(text) + 16
        ]
    finally:
        i18n.install("en")
    assert too_narrow == []


def test_author_and_assignee_give_way_to_the_excerpt_and_come_back(bridge: DeskBridge, qtbot: Any) -> None:
    from ui.queue import columns as cols

    view = QueueView(QueueModel(bridge))
    qtbot.addWidget(view)
    header = view.horizontalHeader()
    view.resize(1600, 400)
    view.show()
    qtbot.waitExposed(view)
    natural = (header.sectionSize(cols.AUTHOR), header.sectionSize(cols.ASSIGNEE))
    view.resize(760, 400)
    qtbot.waitUntil(lambda: header.sectionSize(cols.AUTHOR) < natural[0])
    narrow = (header.sectionSize(cols.AUTHOR), header.sectionSize(cols.ASSIGNEE), header.sectionSize(cols.TEXT))
    view.resize(1600, 400)
    qtbot.waitUntil(lambda: header.sectionSize(cols.AUTHOR) == natural[0])
    scale = narrow[0] / natural[0]
    assert 240 <= narrow[2] <= 242  # the excerpt's room (the widths are whole pixels)
    assert scale < 1 and abs(narrow[1] - natural[1] * scale) <= 1  # both in proportion
    assert (header.sectionSize(cols.AUTHOR), header.sectionSize(cols.ASSIGNEE)) == natural


def test_a_layout_saved_on_a_narrow_screen_keeps_the_users_widths(bridge: DeskBridge, qtbot: Any) -> None:
    from ui.queue import columns as cols

    narrow = QueueView(QueueModel(bridge))
    qtbot.addWidget(narrow)
    narrow.resize(1600, 400)
    narrow.show()
    qtbot.waitExposed(narrow)
    narrow.horizontalHeader().resizeSection(cols.AUTHOR, 200)  # the user widens Author
    narrow.resize(760, 400)
    qtbot.waitUntil(lambda: narrow.horizontalHeader().sectionSize(cols.AUTHOR) < 200)
    state = narrow.header_state()
    squeezed = narrow.horizontalHeader().sectionSize(cols.AUTHOR)
    wide = QueueView(QueueModel(bridge))
    qtbot.addWidget(wide)
    restored = wide.restore_header_state(state)
    wide.resize(1600, 400)
    wide.show()
    qtbot.waitExposed(wide)
    assert (restored, squeezed < 200, wide.horizontalHeader().sectionSize(cols.AUTHOR)) == (True, True, 200)
