"""The rules a reply passes before the outbox: placeholders, channel limits, PV lock, free-text setting."""

from __future__ import annotations

from datetime import timedelta

import pytest

from cmdesk import replies
from cmdesk.desk import Desk
from cmdesk.errors import InvalidInput
from cmdesk.model import OutboxAction, OutboxState
from cmdesk.templates import Category
from tests.conftest import NOW
from tests.unit.conftest import MakeMessage


def approved(desk: Desk, *, body: str, pv_safe: bool = False, name: str = "T") -> int:
    tid = desk.templates.create(name=name, category=Category.PV_FOLLOW_UP, language="de", body=body, pv_safe=pv_safe).id
    me = desk.agent_name
    desk.set_current_agent("Dr. Jonas Weber")
    desk.templates.approve(tid, reference="MLR-9", expires_at=NOW + timedelta(days=90))
    desk.set_current_agent(me)
    return tid


def test_a_plain_reply_passes_and_goes_to_the_outbox(tdesk: Desk, make_message: MakeMessage) -> None:
    mid = make_message()
    assert replies.check(tdesk, mid, "Danke für Ihre Frage!") == replies.ReplyCheck(
        problems=(), placeholders=(), private_possible=True, max_chars=8000, template_only=False
    )
    outbox_id = replies.send(tdesk, mid, "Danke für Ihre Frage!")
    item = tdesk.outbox.get(outbox_id)
    assert (item.action, item.state, item.text) == (OutboxAction.REPLY, OutboxState.QUEUED, "Danke für Ihre Frage!")


def test_unfilled_placeholders_and_limits_are_problems_and_block_sending(
    tdesk: Desk, make_message: MakeMessage
) -> None:
    mid = make_message()
    result = replies.check(tdesk, mid, "Hallo {{author.first_name}} " + "x" * 8000)
    assert result.problems == (
        "{{author.first_name}} is not filled in.",
        "8,028 characters; facebook accepts at most 8,000 here.",
    )
    assert result.placeholders == ((6, 27, "author.first_name"),)
    with pytest.raises(InvalidInput, match="is not filled in"):
        replies.send(tdesk, mid, "Hallo {{author.first_name}}")
    assert tdesk.outbox.items_for(mid) == []


def test_a_suspected_adverse_event_takes_only_an_unedited_pv_safe_template(
    tdesk: Desk, make_message: MakeMessage
) -> None:
    mid = make_message("Seit Cardiolin Ausschlag", intent="adverse_event", pv_suspected=True, screening="unscreened")
    lock = "This message may report an adverse event: only PV-safe templates until a PV reviewer clears it."
    assert replies.check(tdesk, mid, "Oh nein, gute Besserung!").problems == (lock,)
    plain = approved(tdesk, body="Danke!", name="plain")
    safe = approved(tdesk, body="Danke, bitte melden Sie sich bei {{safety.contact}}.", pv_safe=True, name="safe")
    assert "only PV-safe templates may be used" in replies.check(tdesk, mid, "Danke!", template_id=plain).problems[0]
    text = tdesk.templates.render(safe, message_id=mid).text
    assert replies.check(tdesk, mid, text, template_id=safe).ok
    assert replies.check(tdesk, mid, text + " Welche Dosis?", template_id=safe).problems == (
        "This message may report an adverse event: the template text may not be changed.",
    )
    replies.send(tdesk, mid, text, template_id=safe)
    assert tdesk.templates.get(safe).usage_count == 1


def test_switching_free_text_off_requires_a_template(tdesk: Desk, make_message: MakeMessage) -> None:
    tdesk.settings.set("free_text_replies", False)
    result = replies.check(tdesk, make_message(), "Danke!")
    assert (result.problems, result.template_only) == (
        ("Free-text replies are switched off on this desk: choose an approved template.",),
        True,
    )


def test_private_replies_to_old_comments_are_refused(tdesk: Desk, make_message: MakeMessage, clock: object) -> None:
    mid = make_message()
    tdesk.clock.advance(timedelta(days=8))  # type: ignore[attr-defined]
    assert replies.check(tdesk, mid, "Hallo", private=True).problems == (
        "A private reply is only possible within 7 days of the comment; answer publicly.",
    )
