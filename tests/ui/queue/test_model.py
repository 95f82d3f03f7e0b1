"""The queue model: Qt's model checks, lazy rows, exact counts, selection kept by id across refreshes."""

from __future__ import annotations

import threading
import time
from array import array
from typing import Any

from PySide6.QtCore import QModelIndex, QModelRoleData, QModelRoleDataSpan, Qt
from PySide6.QtGui import QIcon

from cmdesk.desk import Desk
from ui.bridge import DeskBridge
from ui.queue import columns as cols
from ui.queue.model import FIRST_PAGE, QueueModel, find_rows
from ui.queue.view import QueueView


def loaded_model(bridge: DeskBridge, qtbot: Any, view: str = "all", **chips: Any) -> QueueModel:
    model = QueueModel(bridge)
    with qtbot.waitSignal(model.ids_loaded, timeout=10_000):
        model.set_filter(bridge.desk.queue.filter(view, **chips))
    return model


def test_the_model_passes_qts_model_checks(bridge: DeskBridge, qtbot: Any, qtmodeltester: Any) -> None:
    model = loaded_model(bridge, qtbot)
    qtmodeltester.check(model, force_py=True)


def test_rows_are_the_query_in_queue_order_with_exact_count(bridge: DeskBridge, qtbot: Any) -> None:
    model = loaded_model(bridge, qtbot, "unassigned")
    queue = bridge.desk.queue
    f = queue.filter("unassigned")
    assert (model.rowCount(), model.complete) == (queue.count(f), True)
    ids = [model.index(row, 0).data(cols.MESSAGE_ID_ROLE) for row in range(model.rowCount())]
    assert ids == list(queue.ids(f))


def test_a_row_shows_its_message_in_every_column(bridge: DeskBridge, qtbot: Any) -> None:
    model = loaded_model(bridge, qtbot)
    row = bridge.desk.queue.page(bridge.desk.queue.filter("all"), limit=1)[0]
    now = bridge.desk.clock.now()
    shown = [model.index(0, c).data() for c in range(model.columnCount())]
    expected = [cols.value(row, c, Qt.ItemDataRole.DisplayRole, now=now) for c in range(model.columnCount())]
    assert shown == expected
    assert shown[cols.AUTHOR] == row.author_name
    assert shown[cols.TEXT] == row.excerpt


def test_rows_beyond_the_first_page_show_loading_until_the_ids_arrive(
    bridge: DeskBridge, qtbot: Any, monkeypatch: Any
) -> None:
    model = QueueModel(bridge)
    queue = bridge.desk.queue
    f = queue.filter("all")
    total = queue.count(f)
    assert total > FIRST_PAGE  # the session store is big enough to need a second read
    gate = threading.Event()
    real_ids = queue.ids

    def held_ids(*args: Any, **kwargs: Any) -> Any:
        gate.wait(10)  # the full id list arrives only when the test lets it
        return real_ids(*args, **kwargs)

    monkeypatch.setattr(queue, "ids", held_ids)
    with qtbot.waitSignal(model.total_changed, timeout=10_000, check_params_cb=lambda n: n == total):
        model.set_filter(f)
    assert (model.rowCount(), model.complete, model.index(total - 1, cols.TEXT).data()) == (total, False, "loading…")
    with qtbot.waitSignal(model.ids_loaded, timeout=10_000):
        gate.set()
    assert model.index(total - 1, cols.TEXT).data(cols.MESSAGE_ID_ROLE) == real_ids(f)[-1]


def test_selection_follows_its_message_when_the_order_changes(bridge: DeskBridge, qtbot: Any) -> None:
    model = loaded_model(bridge, qtbot)
    view = QueueView(model)
    qtbot.addWidget(view)
    view.go_to_row(5)
    chosen = view.current_id()
    assert chosen is not None
    _move_to_top(bridge.desk, chosen)
    with qtbot.waitSignal(model.refreshed, timeout=10_000):
        model.refresh([chosen])
    assert (view.current_id(), view.currentIndex().row(), view.selected_ids()) == (chosen, 0, [chosen])


def test_a_message_that_leaves_the_view_drops_out_of_the_selection(bridge: DeskBridge, qtbot: Any) -> None:
    model = loaded_model(bridge, qtbot, "unassigned")
    view = QueueView(model)
    qtbot.addWidget(view)
    view.go_to_row(0)
    gone = view.current_id()
    assert gone is not None
    before = model.rowCount()
    _set_status(bridge.desk, gone, "done")
    with qtbot.waitSignal(model.refreshed, timeout=10_000):
        model.refresh([gone])
    assert (model.rowCount(), model.row_of(gone), view.current_id()) == (before - 1, None, None)


def test_html_in_a_message_is_shown_as_the_characters_written(bridge: DeskBridge, qtbot: Any) -> None:
    hostile = "<b>bold</b><img src=x onerror=alert(1)>"
    model = loaded_model(bridge, qtbot)
    first = model.message_id(0)
    assert first is not None
    _set_text(bridge.desk, first, hostile)
    with qtbot.waitSignal(model.refreshed, timeout=10_000):
        model.refresh([first])
    assert model.index(model.row_of(first) or 0, cols.TEXT).data() == hostile


def test_clearing_forgets_every_row(bridge: DeskBridge, qtbot: Any) -> None:
    model = loaded_model(bridge, qtbot)
    model.clear()
    assert (model.rowCount(), model.filter, model.data(model.index(0, 0))) == (0, None, None)
    assert model.rowCount(model.index(0, 0)) == 0 and model.index(0, 0) == QModelIndex()


def test_multi_data_answers_every_role_as_data_does(bridge: DeskBridge, qtbot: Any) -> None:
    model = loaded_model(bridge, qtbot)
    roles = [*cols.ROLES, Qt.ItemDataRole.FontRole, Qt.ItemDataRole.CheckStateRole, cols.MESSAGE_ID_ROLE]
    for row in (0, 3, model.rowCount() - 1):
        for column in range(model.columnCount()):
            index = model.index(row, column)
            answers = []
            for role in roles:
                role_data = QModelRoleData(int(role))
                model.multiData(index, QModelRoleDataSpan(role_data))
                answers.append(comparable(role_data.data()))
            assert answers == [comparable(model.data(index, role)) for role in roles]


def comparable(value: Any) -> Any:
    """Icons come back from a QVariant as new wrappers: compare what they show."""
    return ("icon", value.cacheKey()) if isinstance(value, QIcon) else value


def test_rows_of_ids_are_found_one_by_one_or_in_one_pass() -> None:
    ids = array("q", [5, 9, 2**40 + 7, 3, 7 * 256])  # 7 * 256 holds the bytes of 7 off an id boundary
    assert find_rows(ids, [9, 7, 3, 4]) == {9: 1, 3: 3}
    many = array("q", range(100, 0, -1))
    assert find_rows(many, range(0, 120, 5)) == {n: 100 - n for n in range(5, 101, 5)}


def test_a_new_filter_cancels_the_reads_of_the_one_before(bridge: DeskBridge, qtbot: Any, monkeypatch: Any) -> None:
    model = QueueModel(bridge)
    queue = bridge.desk.queue
    first, second = queue.filter("all"), queue.filter("unassigned")
    cancelled: list[bool] = []
    counting = threading.Event()
    real_count = queue.count

    def slow_count(f: Any, *, canceller: Any = None) -> int:
        if f == first:  # the first filter's count (on a reader thread) waits until the second filter starts
            counting.set()
            for _ in range(1_000):
                if canceller.cancelled:
                    break
                time.sleep(0.01)
            cancelled.append(canceller.cancelled)
        return real_count(f, canceller=canceller)

    monkeypatch.setattr(queue, "count", slow_count)
    failures: list[str] = []
    model.load_failed.connect(failures.append)
    with qtbot.waitSignal(model.first_page_ready, timeout=10_000):
        model.set_filter(first)
    qtbot.waitUntil(counting.is_set, timeout=10_000)
    with qtbot.waitSignal(model.ids_loaded, timeout=10_000):
        model.set_filter(second)
    qtbot.waitUntil(lambda: bool(cancelled), timeout=10_000)  # the old count's reader thread ends on its own time
    ids = [model.message_id(row) for row in range(model.rowCount())]
    assert (ids, cancelled, failures) == (list(queue.ids(second)), [True], [])


def test_a_refresh_during_a_new_querys_first_page_announces_that_page(
    bridge: DeskBridge, qtbot: Any, monkeypatch: Any
) -> None:
    model = loaded_model(bridge, qtbot)
    queue = bridge.desk.queue
    second = queue.filter("unassigned")
    gate, entered = threading.Event(), threading.Event()
    real_first_ids = queue.first_ids

    def held_first_ids(*args: Any, **kwargs: Any) -> Any:
        entered.set()
        gate.wait(10)  # the first page comes in only after the refresh
        return real_first_ids(*args, **kwargs)

    monkeypatch.setattr(queue, "first_ids", held_first_ids)
    emitted: list[str] = []
    for name in ("first_page_ready", "ids_loaded", "refreshed"):
        getattr(model, name).connect(lambda name=name: emitted.append(name))
    model.set_filter(second)  # a click on a view
    qtbot.waitUntil(entered.is_set, timeout=10_000)
    with qtbot.waitSignal(model.refreshed, timeout=10_000):
        model.refresh()  # messages_changed meanwhile (a sync pass, a triage write)
    gate.set()  # the first page lands last and is dropped as older
    qtbot.waitUntil(lambda: not bridge.tasks.busy, timeout=10_000)
    ids = [model.message_id(row) for row in range(model.rowCount())]
    assert (emitted, ids, model.complete) == (
        ["first_page_ready", "ids_loaded", "refreshed"],
        list(queue.ids(second)),
        True,
    )


# -- changes another desk or the sync engine would make (direct SQL: the triage core is tested elsewhere) --


def _execute(desk: Desk, sql: str, params: tuple[Any, ...]) -> None:
    with desk.store.transaction() as conn:
        conn.execute(sql, params)


def _move_to_top(desk: Desk, message_id: int) -> None:
    _execute(desk, "UPDATE message SET priority = -1 WHERE id = ?", (message_id,))


def _set_status(desk: Desk, message_id: int, status: str) -> None:
    _execute(desk, "UPDATE message SET status = ? WHERE id = ?", (status, message_id))


def _set_text(desk: Desk, message_id: int, text: str) -> None:
    _execute(desk, "UPDATE message SET text = ? WHERE id = ?", (text, message_id))
