"""The PV review list (bulk "not an adverse event", open case) and the main-window PV actions."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from cmdesk.desk import Desk
from cmdesk.pv.model import CaseState
from ui.bridge import DeskBridge
from ui.pv.actions import NEW_CASE_SHORTCUT, pv_actions
from ui.pv.case_form import CaseForm
from ui.pv.review_view import ReviewView, excerpt


def unscreen(desk: Desk, count: int, *, suspected: int = 1) -> list[int]:
    """Make the PV queue exactly ``count`` messages, the first ``suspected`` of them flagged by the detector.

    Independent of what the demo and the detector leave unscreened, so the counts below are known.
    """
    with desk.store.transaction() as conn:
        conn.execute(
            "UPDATE message SET pv_screening = 'auto_cleared', pv_suspected = 0 WHERE pv_screening = 'unscreened'"
        )
        ids = [
            int(r[0])
            for r in conn.execute(
                "SELECT id FROM message WHERE direction = 'in' AND pv_screening = 'auto_cleared' ORDER BY id LIMIT ?",
                (count,),
            ).fetchall()
        ]
        conn.execute(f"UPDATE message SET pv_screening = 'unscreened' WHERE id IN ({','.join('?' * len(ids))})", ids)
        for mid in ids[:suspected]:
            conn.execute("UPDATE message SET pv_suspected = 1 WHERE id = ?", (mid,))
    return ids


@pytest.fixture
def review(bridge: DeskBridge, qtbot: Any) -> ReviewView:
    unscreen(bridge.desk, 5)
    view = ReviewView(bridge, None)
    qtbot.addWidget(view)
    qtbot.waitUntil(lambda: view.table.rowCount() == 5 and not bridge.tasks.busy, timeout=10_000)
    return view


def shown_ids(view: ReviewView) -> list[int]:
    ids = []
    for row in range(view.table.rowCount()):
        cell = view.table.item(row, 0)
        assert cell is not None
        ids.append(int(cell.data(Qt.ItemDataRole.UserRole)))
    return ids


def test_lists_the_review_queue_by_deadline(review: ReviewView, bridge: DeskBridge) -> None:
    queue = bridge.desk.pv.review_queue()
    assert shown_ids(review) == [i.message_id for i in queue]
    assert [i.due_at for i in queue] == sorted(i.due_at for i in queue)
    overdue = sum(1 for i in queue if i.due_at < bridge.desk.clock.now())
    assert review.summary.text() == f"5 messages waiting for a PV decision, {overdue} overdue."
    assert review.summary.textFormat() == Qt.TextFormat.PlainText
    suspected = [i.message_id for i in queue if i.suspected]
    assert len(suspected) == 1


def test_bulk_not_an_adverse_event_needs_one_reason(review: ReviewView, bridge: DeskBridge, qtbot: Any) -> None:
    first_two = shown_ids(review)[:2]
    review.select_ids(first_two)
    assert review.selected_ids() == first_two
    assert review.open_button.isEnabled()
    assert not review.not_ae_button.isEnabled()  # no reason yet
    review.reason.setText("   ")
    assert not review.not_ae_button.isEnabled()
    review.reason.setText("product praise, no complaint")
    assert review.not_ae_button.isEnabled()
    with qtbot.waitSignal(review.screened, timeout=10_000) as screened:
        review.not_ae_button.click()
    assert screened.args == [2]
    qtbot.waitUntil(lambda: review.table.rowCount() == 3 and not bridge.tasks.busy, timeout=10_000)
    rows = (
        bridge.desk.store.read()
        .execute(f"SELECT pv_screening, pv_screening_reason FROM message WHERE id IN ({first_two[0]}, {first_two[1]})")
        .fetchall()
    )
    assert [tuple(r) for r in rows] == [("not_ae", "product praise, no complaint")] * 2
    assert review.reason.text() == ""
    assert review.message_bar.text == "2 messages cleared as not an adverse event."


def test_open_case_for_the_selection(review: ReviewView, bridge: DeskBridge, qtbot: Any) -> None:
    suspected = next(i.message_id for i in review.items if i.suspected)
    review.select_ids([suspected])
    form = review.open_case()
    assert isinstance(form, CaseForm)
    qtbot.waitUntil(lambda: form.case is not None and not bridge.tasks.busy, timeout=10_000)
    assert form.case is not None
    assert form.case.state == CaseState.DRAFT
    assert [s.message_id for s in form.case.sources] == [suspected]
    qtbot.waitUntil(lambda: suspected not in shown_ids(review) and not bridge.tasks.busy, timeout=10_000)
    form.close()


def test_excerpt_is_one_short_line() -> None:
    assert excerpt("a\nb   c") == "a b c"
    assert len(excerpt("x" * 500)) == 200


class _FakeQueueView:
    def __init__(self, ids: list[int]) -> None:
        self.ids = ids

    def selected_ids(self) -> list[int]:
        return self.ids


class _FakeWindow(QWidget):
    def __init__(self, bridge: DeskBridge, ids: list[int]) -> None:
        super().__init__()
        self.bridge = bridge
        self.view = _FakeQueueView(ids)


def test_new_case_action_opens_the_form_for_the_selected_message(bridge: DeskBridge, qtbot: Any) -> None:
    message_id, _other = unscreen(bridge.desk, 2)
    window = _FakeWindow(bridge, [message_id])
    qtbot.addWidget(window)
    new_case, review_action = pv_actions(window)
    assert new_case.text() == "New PV case from message"
    assert new_case.shortcut().toString() == NEW_CASE_SHORTCUT
    assert review_action.text() == "PV review"
    new_case.trigger()
    forms = window.findChildren(CaseForm)
    assert len(forms) == 1
    qtbot.waitUntil(lambda: forms[0].case is not None and not bridge.tasks.busy, timeout=10_000)
    case = forms[0].case
    assert case is not None
    assert [s.message_id for s in case.sources] == [message_id]
    review_action.trigger()
    views = window.findChildren(ReviewView)
    assert len(views) == 1
    qtbot.waitUntil(lambda: views[0].table.rowCount() == 1 and not bridge.tasks.busy, timeout=10_000)
    overdue = sum(1 for i in bridge.desk.pv.review_queue() if i.due_at < bridge.desk.clock.now())
    assert views[0].summary.text() == f"1 message waiting for a PV decision, {overdue} overdue."  # English plural


def test_a_lock_empties_the_list_until_the_unlock(review: ReviewView, bridge: DeskBridge, qtbot: Any) -> None:
    """Nothing from the store stays on screen while locked; the reviewer's own reason text stays."""
    review.reason.setText("Product praise only.")
    review.select_ids(shown_ids(review)[:2])
    bridge.lock()
    while_locked = (review.table.rowCount(), review.items, review.summary.text(), review.open_button.isEnabled())
    with qtbot.waitSignal(review.loaded, timeout=10_000) as loaded:
        bridge.unlock()  # keyring mode
    queue = bridge.desk.pv.review_queue()
    assert (while_locked, loaded.args, shown_ids(review), review.reason.text()) == (
        (0, [], "", False),
        [5],
        [item.message_id for item in queue],
        "Product praise only.",
    )
