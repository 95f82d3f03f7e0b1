"""PVService tells listeners about every committed change: cases, PV screening of messages, the outbox."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from cmdesk import events
from cmdesk.desk import Desk
from cmdesk.errors import InvalidInput
from cmdesk.pv.model import CaseState
from tests.unit.pv.test_service import account, add_message

Heard = list[tuple[str, dict[str, Any]]]


@pytest.fixture
def heard(desk: Desk) -> Heard:
    """Events in order; for a case, the state a fresh read sees then (so the change was committed first)."""
    log: Heard = []

    def on_case(case_id: int | None) -> None:
        assert case_id is not None
        log.append((events.CASES_CHANGED, {"case_id": case_id, "stored_state": desk.pv.get(case_id).state}))

    desk.events.subscribe(events.CASES_CHANGED, on_case)
    desk.events.subscribe(events.MESSAGES_CHANGED, lambda ids: log.append((events.MESSAGES_CHANGED, {"ids": ids})))
    desk.events.subscribe(
        events.OUTBOX_CHANGED,
        lambda outbox_id, message_id: log.append(
            (events.OUTBOX_CHANGED, {"outbox_id": outbox_id, "message_id": message_id})
        ),
    )
    return log


def case_changed(case_id: int, state: CaseState = CaseState.DRAFT) -> tuple[str, dict[str, Any]]:
    return (events.CASES_CHANGED, {"case_id": case_id, "stored_state": state})


def test_new_case_and_add_message_announce_the_case_and_the_screened_messages(desk: Desk, heard: Heard) -> None:
    first = add_message(desk, external_id="a")
    second = add_message(desk, "Auch Kopfschmerzen.", external_id="b", events=("Kopfschmerzen",))
    third = add_message(desk, "Und Übelkeit.", external_id="c", events=("Übelkeit",))
    case = desk.pv.new_case([first, second, first])
    desk.pv.add_message(case.id, third)
    assert heard == [
        (events.MESSAGES_CHANGED, {"ids": [first, second]}),
        case_changed(case.id),
        (events.MESSAGES_CHANGED, {"ids": [third]}),
        case_changed(case.id),
    ]


def test_edits_announce_the_case_once_even_when_they_send_it_back_to_draft(desk: Desk, heard: Heard) -> None:
    case = desk.pv.new_case([add_message(desk)])
    heard.clear()
    desk.pv.update(case.id, narrative="Reviewed narrative.")
    desk.pv.mark_ready(case.id)
    desk.pv.update(case.id, events=())  # no event left: back to draft
    assert heard == [case_changed(case.id), case_changed(case.id, CaseState.READY), case_changed(case.id)]


def test_every_workflow_step_announces_the_case(
    desk: Desk, heard: Heard, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from cmdesk.pv import service

    monkeypatch.setattr(service.PVService, "write_exports", lambda self, cases, folder, formats: [])
    case = desk.pv.new_case([add_message(desk, external_id="a")])
    other = desk.pv.new_case([add_message(desk, external_id="b", author="Tom", handle="tom")])
    heard.clear()
    desk.pv.request_follow_up(case.id, "private_message", note="asked for the batch")
    desk.pv.log_follow_up_outcome(case.id, "answered")
    desk.pv.mark_ready(case.id)
    desk.pv.forward(case.id, "folder", str(tmp_path))
    desk.pv.acknowledge(case.id, "SAF-1")
    desk.pv.link_as_follow_up(other.id, case.id)
    desk.pv.close_invalid(other.id, "duplicate of SAF-1")
    assert heard == [
        case_changed(case.id),
        case_changed(case.id),
        case_changed(case.id, CaseState.READY),
        case_changed(case.id, CaseState.FORWARDED),
        case_changed(case.id, CaseState.ACKNOWLEDGED),
        case_changed(other.id),
        case_changed(other.id, CaseState.CLOSED_INVALID),
    ]


def test_forwarding_by_email_also_announces_the_outbox_item(desk: Desk, heard: Heard) -> None:
    case = desk.pv.mark_ready(desk.pv.new_case([add_message(desk)]).id)
    account(desk, "PV mailbox", "email")
    heard.clear()
    desk.pv.forward(case.id, "email", "safety@example.com")
    outbox_id = desk.store.read().execute("SELECT id FROM outbox").fetchone()[0]
    assert heard == [
        (events.OUTBOX_CHANGED, {"outbox_id": outbox_id, "message_id": None}),
        case_changed(case.id, CaseState.FORWARDED),
    ]


def test_screen_not_ae_announces_only_the_messages_it_changed(desk: Desk, heard: Heard) -> None:
    m1 = add_message(desk, external_id="a")
    m2 = add_message(desk, external_id="b", author="Tom", handle="tom")
    assert desk.pv.screen_not_ae([m1], "product praise") == 1
    assert desk.pv.screen_not_ae([m1, m2, m2], "product praise") == 1
    assert desk.pv.screen_not_ae([m1, m2], "product praise") == 0
    assert heard == [(events.MESSAGES_CHANGED, {"ids": [m1]}), (events.MESSAGES_CHANGED, {"ids": [m2]})]


def test_a_refused_change_announces_nothing(desk: Desk, heard: Heard) -> None:
    m1 = add_message(desk, external_id="a")
    case = desk.pv.new_case([m1])
    heard.clear()
    with pytest.raises(InvalidInput):
        desk.pv.new_case([m1])
    with pytest.raises(InvalidInput):
        desk.pv.screen_not_ae([m1], "oops")
    with pytest.raises(InvalidInput):
        desk.pv.acknowledge(case.id, "SAF-1")
    with pytest.raises(InvalidInput):
        desk.pv.update(case.id, day0=desk.clock.now(), day0_reason="")
    assert heard == []
