"""The composer from "/" to the outbox: template search, filled placeholders, blocked sends, PV lock."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, Qt

from cmdesk import replies
from cmdesk.channels.outbox import OutboxItem
from cmdesk.desk import Desk
from cmdesk.model import OutboxAction, OutboxState
from cmdesk.templates import Category
from tests.conftest import NOW
from tests.unit.conftest import MakeMessage
from ui.bridge import DeskBridge
from ui.templates.composer import Composer


def approve(desk: Desk, tid: int) -> None:
    me = desk.agent_name
    desk.set_current_agent("Dr. Jonas Weber")
    desk.templates.approve(tid, reference="MLR-2026-001", expires_at=NOW + timedelta(days=365))
    desk.set_current_agent(me)


@pytest.fixture
def composer(tdesk: Desk, qtbot: Any) -> Iterator[Composer]:
    bridge = DeskBridge(tdesk)
    widget = Composer(bridge)
    qtbot.addWidget(widget)
    widget.resize(500, 300)
    widget.show()
    yield widget
    bridge.close()


def test_slash_search_enter_fills_the_template_and_send_queues_it(
    composer: Composer, tdesk: Desk, make_message: MakeMessage, qtbot: Any
) -> None:
    thanks = tdesk.templates.create(
        name="Danke fürs Feedback",
        category=Category.THANKS,
        language="de",
        body="Hallo {{author.first_name}}, danke! {{agent.first_name}}",
        tags=["lob"],
    ).id
    other = tdesk.templates.create(
        name="Netiquette", category=Category.MODERATION, language="de", body="Bitte freundlich."
    ).id
    approve(tdesk, thanks)
    approve(tdesk, other)
    mid = make_message(intent="praise")
    composer.set_message(mid)
    composer.editor.setFocus()
    qtbot.keyClick(composer.editor, "/")
    qtbot.waitUntil(composer.picker.isVisible, timeout=5000)
    qtbot.keyClicks(composer.picker.search, "lob")
    assert [composer.picker.list.item(i).text() for i in range(composer.picker.list.count())] == [
        "★ Danke fürs Feedback (de, thanks)"
    ]
    qtbot.keyClick(composer.picker.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: composer.editor.toPlainText() == "Hallo Jürgen, danke! Anna", timeout=5000)
    qtbot.waitUntil(composer.send_button.isEnabled, timeout=5000)
    with qtbot.waitSignal(composer.sent, timeout=5000) as sent:
        qtbot.mouseClick(composer.send_button, Qt.MouseButton.LeftButton)
    item = tdesk.outbox.get(sent.args[0])
    assert (item.message_id, item.action, item.text, item.state) == (
        mid,
        OutboxAction.REPLY,
        "Hallo Jürgen, danke! Anna",
        OutboxState.QUEUED,
    )
    assert tdesk.templates.get(thanks).usage_count == 1
    qtbot.waitUntil(lambda: composer.delivery.text() == "reply: queued", timeout=5000)


def test_an_unfilled_placeholder_is_shown_and_blocks_send(
    composer: Composer, make_message: MakeMessage, qtbot: Any
) -> None:
    composer.set_message(make_message())
    composer.editor.setPlainText("Referenz {{case.reference}}")
    qtbot.waitUntil(lambda: composer.problems.text() == "{{case.reference}} is not filled in.", timeout=5000)
    assert composer.send_button.isEnabled() is False
    assert composer.counter.text() == "27 / 8,000 characters"


def test_hostile_text_stays_text_in_every_label(composer: Composer, make_message: MakeMessage, qtbot: Any) -> None:
    composer.set_message(make_message())
    hostile = "<b>bold</b><img src=x onerror=alert(1)> {{x.y}}"
    composer.editor.setPlainText(hostile)
    qtbot.waitUntil(lambda: "{{x.y}} is not filled in." in composer.problems.text(), timeout=5000)
    assert composer.problems.textFormat() == Qt.TextFormat.PlainText
    assert composer.editor.toPlainText() == hostile


def test_a_suspected_adverse_event_locks_the_editor_to_pv_safe_templates(
    composer: Composer, tdesk: Desk, make_message: MakeMessage, qtbot: Any
) -> None:
    plain = tdesk.templates.create(name="Danke", category=Category.THANKS, language="de", body="Danke!").id
    safe = tdesk.templates.create(
        name="Nebenwirkung melden",
        category=Category.PV_FOLLOW_UP,
        language="de",
        body="Danke. Bitte wenden Sie sich an {{safety.contact}}.",
        pv_safe=True,
    ).id
    approve(tdesk, plain)
    approve(tdesk, safe)
    mid = make_message("Seit Cardiolin Ausschlag", intent="adverse_event", pv_suspected=True, screening="unscreened")
    composer.set_message(mid)
    qtbot.waitUntil(composer.editor.isReadOnly, timeout=5000)
    composer.open_templates()
    qtbot.waitUntil(composer.picker.isVisible, timeout=5000)
    assert [composer.picker.list.item(i).text() for i in range(composer.picker.list.count())] == [
        "★ Nebenwirkung melden (de, pv_follow_up)  [PV-safe]"
    ]
    qtbot.keyClick(composer.picker.search, Qt.Key.Key_Return)
    qtbot.waitUntil(composer.send_button.isEnabled, timeout=5000)
    assert composer.editor.toPlainText() == "Danke. Bitte wenden Sie sich an drug.safety@novalind.example."


def outbox_item(state: OutboxState, message_id: int, **changes: Any) -> OutboxItem:
    fields: dict[str, Any] = {
        "id": 1,
        "account_id": 1,
        "message_id": message_id,
        "action": OutboxAction.REPLY,
        "text": "Danke!",
        "extra": {},
        "state": state,
        "attempts": 1,
        "last_error": None,
        "remote_id": None,
        "remote_url": None,
        "next_attempt_at": None,
        "created_by": "Anna Berger",
        "created_at": NOW,
        "updated_at": NOW,
    }
    return OutboxItem(**{**fields, **changes})


def test_an_older_delivery_read_finishing_last_never_replaces_the_newer_state(
    composer: Composer, tdesk: Desk, make_message: MakeMessage, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each outbox change starts a read; one that saw "failed" ending after one that saw "sent" once stayed shown."""
    mid = make_message()
    composer.set_message(mid)
    qtbot.waitUntil(lambda: not composer.bridge.tasks.busy, timeout=5000)
    gate = threading.Event()
    answers = iter(
        [
            [outbox_item(OutboxState.FAILED, mid, last_error="timeout")],
            [outbox_item(OutboxState.SENT, mid, remote_url="https://example.org/r/1")],
        ]
    )

    def items_for(message_id: int) -> list[OutboxItem]:
        answer = next(answers)
        if answer[0].state == OutboxState.FAILED:
            gate.wait(10)  # the older read ends last
        return answer

    monkeypatch.setattr(tdesk.outbox, "items_for", items_for)
    composer._on_outbox_changed(1, mid)  # the reply failed once ...
    composer._on_outbox_changed(1, mid)  # ... and was sent on its retry
    qtbot.waitUntil(lambda: composer.delivery.text() != "", timeout=5000)
    gate.set()
    qtbot.waitUntil(lambda: not composer.bridge.tasks.busy, timeout=5000)
    assert (composer.delivery.text(), composer.retry_button.isVisible(), composer._failed_outbox_id) == (
        "reply: sent https://example.org/r/1",
        False,
        None,
    )


def test_a_check_for_the_mode_just_left_finishing_last_is_dropped(
    composer: Composer, make_message: MakeMessage, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Public, private, public with the same text: the private check ending last once set problems and Send."""
    composer.set_message(make_message())
    composer.editor.setPlainText("Danke für Ihre Nachricht.")
    qtbot.waitUntil(composer.send_button.isEnabled, timeout=5000)
    gate = threading.Event()
    real = replies.check

    def check(desk: Desk, mid: int, text: str, *, private: bool, template_id: int | None) -> replies.ReplyCheck:
        if private:
            gate.wait(10)
            return replies.ReplyCheck(("private only",), (), True, None, False)
        return real(desk, mid, text, private=private, template_id=template_id)

    monkeypatch.setattr(replies, "check", check)
    composer.mode.setCurrentIndex(1)  # a check for a private message starts ...
    composer.send_button.setEnabled(False)
    composer.mode.setCurrentIndex(0)  # ... and the user goes back to a public reply
    qtbot.waitUntil(composer.send_button.isEnabled, timeout=5000)
    gate.set()
    qtbot.waitUntil(lambda: not composer.bridge.tasks.busy, timeout=5000)
    assert (composer.mode.currentIndex(), composer.problems.text(), composer.send_button.isEnabled()) == (0, "", True)


def test_the_template_list_note_is_translated_on_the_ui_thread(
    composer: Composer, make_message: MakeMessage, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A worker touches no widget: the "no template fits" note is translated before the read is submitted."""
    threads: list[str] = []

    def tr(self: Composer, text: str, disambiguation: str | None = None, n: int = -1) -> str:
        threads.append(threading.current_thread().name)
        return QCoreApplication.translate("Composer", text, disambiguation, n)

    monkeypatch.setattr(Composer, "tr", tr)
    composer.set_message(make_message())
    composer.open_templates()
    qtbot.waitUntil(composer.picker.isVisible, timeout=5000)
    qtbot.waitUntil(lambda: not composer.bridge.tasks.busy, timeout=5000)
    ui_thread = threading.main_thread().name
    assert (composer.picker.hint.text(), sorted(set(threads))) == (
        "No approved template fits this message.",
        [ui_thread],
    )
