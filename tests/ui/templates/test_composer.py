"""The composer from "/" to the outbox: template search, filled placeholders, blocked sends, PV lock."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt

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
