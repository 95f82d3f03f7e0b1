"""Triage on selections: every change audited with a status event, PV guard on closing, one step of undo."""

from __future__ import annotations

from typing import Any

import pytest

from cmdesk import events
from cmdesk.desk import Desk
from cmdesk.errors import InvalidInput
from cmdesk.model import OutboxState, PVScreening, Status
from cmdesk.store import audit
from cmdesk.triage import TriageResult
from tests.conftest import NOW
from tests.unit.conftest import MakeMessage


def row(desk: Desk, message_id: int) -> dict[str, Any]:
    fields = "status, assignee, handled_at, pv_suspected, pv_screening, pv_screening_reason, priority, due_at"
    values = desk.store.read().execute(f"SELECT {fields} FROM message WHERE id = ?", (message_id,)).fetchone()
    return dict(zip(fields.split(", "), values, strict=True))


def status_events(desk: Desk, message_id: int) -> list[tuple[str, str | None, str | None, str | None]]:
    return [(f, old, new, reason) for _at, _actor, f, old, new, reason in desk.triage.history(message_id)]


def actions(desk: Desk) -> list[tuple[str, str | None]]:
    newest_first = audit.entries(desk.store.read())
    return [(e.action, e.entity_id) for e in reversed(newest_first) if e.action.startswith("triage.")]


def test_assign_changes_the_selection_records_events_and_tells_listeners(
    tdesk: Desk, make_message: MakeMessage
) -> None:
    a, b = make_message(), make_message()
    heard: list[Any] = []
    tdesk.events.subscribe(events.MESSAGES_CHANGED, lambda **payload: heard.append(payload["ids"]))

    result = tdesk.triage.assign([a, b], assignee="Anna Berger")

    assert result == TriageResult("assign", (a, b), (), "Assigned 2 messages to Anna Berger")
    assert [row(tdesk, m)["assignee"] for m in (a, b)] == ["Anna Berger", "Anna Berger"]
    assert status_events(tdesk, a) == [("assignee", None, "Anna Berger", None)]
    assert actions(tdesk) == [("triage.assign", str(a)), ("triage.assign", str(b))]
    assert heard == [[a, b]]


def test_assign_to_an_unknown_colleague_is_refused_and_changes_nothing(tdesk: Desk, make_message: MakeMessage) -> None:
    a = make_message()
    with pytest.raises(InvalidInput, match="'Ana Berger' is not a colleague"):
        tdesk.triage.assign([a], assignee="Ana Berger")
    assert row(tdesk, a)["assignee"] is None
    assert tdesk.triage.undo_summary is None


def test_unchanged_and_missing_messages_are_reported_as_skipped(tdesk: Desk, make_message: MakeMessage) -> None:
    a, b = make_message(), make_message()
    tdesk.triage.assign([a], assignee="Anna Berger")
    result = tdesk.triage.assign([a, b, 999], assignee="Anna Berger")
    assert result == TriageResult(
        "assign", (b,), ((a, "already so"), (999, "there is no such message")), "Assigned 1 message to Anna Berger"
    )


def test_done_records_when_the_message_was_handled_and_reopening_clears_it(
    tdesk: Desk, make_message: MakeMessage, clock: Any
) -> None:
    a = make_message()
    tdesk.triage.set_status([a], status=Status.DONE)
    assert (row(tdesk, a)["status"], row(tdesk, a)["handled_at"]) == ("done", "2026-11-24T09:00:00Z")
    tdesk.triage.set_status([a], status="open")
    assert (row(tdesk, a)["status"], row(tdesk, a)["handled_at"]) == ("open", None)
    assert status_events(tdesk, a) == [("status", "open", "done", None), ("status", "done", "open", None)]


def test_a_suspected_adverse_event_without_pv_decision_cannot_be_closed(tdesk: Desk, make_message: MakeMessage) -> None:
    ae = make_message("Seit Cardiolin habe ich Herzrasen.", pv_suspected=True, screening="unscreened")
    plain = make_message()
    result = tdesk.triage.set_status([ae, plain], status=Status.NO_ACTION)
    assert result.message_ids == (plain,)
    assert result.skipped == (
        (
            ae,
            "a suspected adverse event waiting for a PV decision: open a case or mark it not PV-relevant before"
            " closing it",
        ),
    )
    assert row(tdesk, ae)["status"] == "open"
    # after a decision it can be closed
    tdesk.triage.mark_pv([ae], relevant=False, reason="Herzrasen vor Einnahme, kein Zusammenhang")
    assert tdesk.triage.set_status([ae], status=Status.DONE).message_ids == (ae,)


def test_waiting_is_allowed_for_a_suspected_adverse_event(tdesk: Desk, make_message: MakeMessage) -> None:
    ae = make_message("Seit Cardiolin habe ich Herzrasen.", pv_suspected=True, screening="unscreened")
    assert tdesk.triage.set_status([ae], status=Status.WAITING).message_ids == (ae,)


def test_not_pv_relevant_needs_a_reason(tdesk: Desk, make_message: MakeMessage) -> None:
    a = make_message(pv_suspected=True, screening="unscreened")
    with pytest.raises(InvalidInput, match="give a reason"):
        tdesk.triage.mark_pv([a], relevant=False, reason="   ")
    assert row(tdesk, a)["pv_screening"] == "unscreened"


def test_not_pv_relevant_clears_the_flag_and_keeps_the_reason(tdesk: Desk, make_message: MakeMessage) -> None:
    a = make_message(pv_suspected=True, screening="unscreened")
    tdesk.triage.mark_pv([a], relevant=False, reason="Frage zur Packungsgröße")
    found = row(tdesk, a)
    assert (found["pv_suspected"], found["pv_screening"], found["pv_screening_reason"]) == (
        0,
        "not_ae",
        "Frage zur Packungsgröße",
    )
    assert status_events(tdesk, a) == [
        ("pv_suspected", "1", "0", "Frage zur Packungsgröße"),
        ("pv_screening", "unscreened", "not_ae", "Frage zur Packungsgröße"),
        ("pv_screening_reason", None, "Frage zur Packungsgröße", "Frage zur Packungsgröße"),
    ]


def test_pv_relevant_puts_a_cleared_message_back_into_review_with_the_adverse_event_deadline(
    tdesk: Desk, make_message: MakeMessage
) -> None:
    a = make_message("Gibt es Cardiolin auch als Saft? Meine Tochter schluckt schlecht.", screening="auto_cleared")
    before = row(tdesk, a)
    assert before["priority"] > 0

    tdesk.triage.mark_pv([a], reason="Übelkeit nach Einnahme")

    after = row(tdesk, a)
    assert after == {
        **before,
        "pv_suspected": 1,
        "pv_screening": "unscreened",
        "pv_screening_reason": "Übelkeit nach Einnahme",
        "priority": 0,
        "due_at": "2026-11-24T13:00:00Z",  # received 09:00 + 4 h adverse-event SLA
    }


def test_a_message_in_a_case_is_not_rescreened_by_triage(tdesk: Desk, make_message: MakeMessage) -> None:
    a = make_message(pv_suspected=True, screening=PVScreening.CASE.value)
    result = tdesk.triage.mark_pv([a], relevant=False, reason="doch nicht")
    assert result.skipped == ((a, "already part of a PV case; change it in the case"),)


def test_tag_and_untag_reuse_tags_case_insensitively(tdesk: Desk, make_message: MakeMessage) -> None:
    a, b = make_message(), make_message()
    tdesk.triage.tag([a], tag="Lieferengpass")
    result = tdesk.triage.tag([a, b], tag="  lieferengpass ")
    assert result.message_ids == (b,)
    assert (tdesk.triage.tags(a), tdesk.triage.tags(b)) == (["Lieferengpass"], ["Lieferengpass"])
    assert tdesk.triage.known_tags() == ["Lieferengpass"]
    tdesk.triage.untag([a, b], tag="LIEFERENGPASS")
    assert (tdesk.triage.tags(a), tdesk.triage.tags(b)) == ([], [])


def test_notes_are_stored_per_message_with_author_and_time(tdesk: Desk, make_message: MakeMessage) -> None:
    a, b = make_message(), make_message()
    tdesk.set_current_agent("Anna Berger")
    tdesk.triage.note([a, b], text="  Rückruf am Montag vereinbart  ")
    assert [(author, text, at) for _id, author, text, at in tdesk.triage.notes(a)] == [
        ("Anna Berger", "Rückruf am Montag vereinbart", NOW)
    ]
    with pytest.raises(InvalidInput, match="a note needs text"):
        tdesk.triage.note([a], text="\n ")


def test_undo_takes_back_the_last_field_change(tdesk: Desk, make_message: MakeMessage) -> None:
    a, b = make_message(), make_message()
    tdesk.triage.set_status([a, b], status=Status.DONE)
    assert tdesk.triage.undo_summary == "Marked 2 messages done"

    result = tdesk.triage.undo()

    assert result == TriageResult("undo", (a, b), (), "Undid: Marked 2 messages done")
    assert [(row(tdesk, m)["status"], row(tdesk, m)["handled_at"]) for m in (a, b)] == [("open", None)] * 2
    assert status_events(tdesk, a)[-1] == ("status", "done", "open", "undo")
    assert ("triage.undo", str(a)) in actions(tdesk)
    assert tdesk.triage.undo_summary is None
    with pytest.raises(InvalidInput, match="nothing to undo"):
        tdesk.triage.undo()


def test_undo_leaves_a_colleagues_later_change_alone(tdesk: Desk, make_message: MakeMessage) -> None:
    a, b = make_message(), make_message()
    tdesk.triage.assign([a, b], assignee="Anna Berger")
    with tdesk.store.transaction() as conn:  # a colleague's desk reassigned b meanwhile
        conn.execute("UPDATE message SET assignee = 'Dr. Jonas Weber' WHERE id = ?", (b,))
    result = tdesk.triage.undo()
    assert (result.message_ids, result.skipped) == ((a,), ((b, "changed by someone else since"),))
    assert (row(tdesk, a)["assignee"], row(tdesk, b)["assignee"]) == (None, "Dr. Jonas Weber")


def test_undo_of_tag_note_and_pv(tdesk: Desk, make_message: MakeMessage) -> None:
    a = make_message(pv_suspected=True, screening="unscreened")
    tdesk.triage.tag([a], tag="Rückruf")
    tdesk.triage.undo()
    assert tdesk.triage.tags(a) == []
    tdesk.triage.note([a], text="Bitte prüfen")
    tdesk.triage.undo()
    assert tdesk.triage.notes(a) == []
    before = row(tdesk, a)
    tdesk.triage.mark_pv([a], relevant=False, reason="Werbung")
    tdesk.triage.undo()
    assert row(tdesk, a) == before


def test_hide_is_queued_in_the_outbox_and_undo_cancels_it_before_delivery(
    tdesk: Desk, make_message: MakeMessage
) -> None:
    a = make_message()
    result = tdesk.triage.queue_moderation([a])
    assert (result.message_ids, result.summary) == ((a,), "Queued hide for 1 message")
    [item] = tdesk.outbox.items_for(a)
    assert (item.action.value, item.state) == ("hide", OutboxState.QUEUED)
    tdesk.triage.undo()
    assert tdesk.outbox.items_for(a) == []
    assert audit.entries(tdesk.store.read())[0].action == "outbox.cancel"


def test_hide_after_delivery_is_undone_by_unhiding_on_the_channel(tdesk: Desk, make_message: MakeMessage) -> None:
    a = make_message()
    tdesk.triage.queue_moderation([a])
    [item] = tdesk.outbox.items_for(a)
    with tdesk.store.transaction() as conn:  # the sync engine delivered it
        conn.execute("UPDATE outbox SET state = 'sent', attempts = 1 WHERE id = ?", (item.id,))
    tdesk.triage.undo()
    assert sorted((i.action.value, i.state.value) for i in tdesk.outbox.items_for(a)) == [
        ("hide", "sent"),
        ("unhide", "queued"),
    ]


def test_messages_on_channels_without_moderation_are_skipped(tdesk: Desk, make_message: MakeMessage) -> None:
    a = make_message()
    with tdesk.store.transaction() as conn:
        conn.execute("UPDATE message SET kind = 'direct_message' WHERE id = ?", (a,))
    result = tdesk.triage.queue_moderation([a])
    assert (result.message_ids, result.skipped) == ((), ((a, "facebook direct_messages cannot be hidden"),))
    assert tdesk.outbox.items_for(a) == []
