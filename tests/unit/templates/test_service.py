"""The template library: versions, approval by approvers only, expiry on the desk's clock, PV lock, sharing."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest

from cmdesk.clock import FixedClock
from cmdesk.desk import Desk
from cmdesk.errors import InvalidInput
from cmdesk.model import ChannelKind
from cmdesk.store import audit
from cmdesk.store.keys import KeyManager
from cmdesk.templates import Category, VersionState
from cmdesk.templates.service import _not_approved_for
from tests.conftest import NOW, MemoryKeyring
from tests.unit.conftest import MakeMessage

APPROVER = "Dr. Jonas Weber"


def approve_as_approver(desk: Desk, template_id: int, *, days: int = 365) -> None:
    me = desk.agent_name
    desk.set_current_agent(APPROVER)
    try:
        desk.templates.approve(template_id, reference="MLR-2026-117", expires_at=NOW + timedelta(days=days))
    finally:
        desk.set_current_agent(me)


def new_template(desk: Desk, **kw: object) -> int:
    fields: dict[str, object] = {
        "name": "Danke",
        "category": Category.THANKS,
        "language": "de",
        "body": "Hallo {{author.first_name}}, danke! {{agent.first_name}}",
    }
    fields.update(kw)
    return desk.templates.create(**fields).id  # type: ignore[arg-type]


def test_a_new_template_is_a_draft_that_cannot_be_sent(tdesk: Desk) -> None:
    tid = new_template(tdesk)
    template = tdesk.templates.get(tid)
    assert [(v.version, v.state, v.created_by) for v in template.versions] == [(1, VersionState.DRAFT, "Anna Berger")]
    with pytest.raises(InvalidInput, match="has no approved version"):
        tdesk.templates.check_sendable(tid)


def test_only_an_approver_approves_and_the_reference_is_required(tdesk: Desk) -> None:
    tid = new_template(tdesk)
    with pytest.raises(InvalidInput, match="Anna Berger is not an approver"):
        tdesk.templates.approve(tid, reference="MLR-1", expires_at=None)
    tdesk.set_current_agent(APPROVER)
    with pytest.raises(InvalidInput, match="review reference"):
        tdesk.templates.approve(tid, reference="  ", expires_at=None)
    version = tdesk.templates.approve(tid, reference="MLR-2026-117", expires_at=NOW + timedelta(days=30))
    assert (version.state, version.approval_reference, version.approved_by, version.expires_at) == (
        VersionState.APPROVED,
        "MLR-2026-117",
        APPROVER,
        NOW + timedelta(days=30),
    )
    actions = [e.action for e in audit.entries(tdesk.store.read(), entity="template")]
    assert actions == ["template.approve", "template.create"]  # newest first


def test_editing_an_approved_template_makes_a_new_draft_and_keeps_the_approved_text_usable(tdesk: Desk) -> None:
    tid = new_template(tdesk)
    approve_as_approver(tdesk, tid)
    draft = tdesk.templates.edit(tid, "Hallo {{author.first_name}}, herzlichen Dank! {{agent.first_name}}")
    template = tdesk.templates.get(tid)
    assert [(v.version, v.state) for v in template.versions] == [
        (1, VersionState.APPROVED),
        (2, VersionState.DRAFT),
    ]
    assert draft.version == 2
    assert tdesk.templates.check_sendable(tid).version == 1
    approve_as_approver(tdesk, tid)
    assert [v.state for v in tdesk.templates.get(tid).versions] == [VersionState.RETIRED, VersionState.APPROVED]
    assert tdesk.templates.check_sendable(tid).version == 2


def test_an_expired_approval_blocks_sending_on_the_injected_clock(tdesk: Desk, clock: FixedClock) -> None:
    tid = new_template(tdesk)
    approve_as_approver(tdesk, tid, days=10)
    clock.advance(timedelta(days=9, hours=23))
    assert tdesk.templates.check_sendable(tid).version == 1
    clock.advance(timedelta(hours=1))
    with pytest.raises(InvalidInput, match="expired on 2026-12-04"):
        tdesk.templates.check_sendable(tid)
    assert tdesk.templates.sendable() == []


def test_retired_templates_leave_the_library_but_keep_their_history(tdesk: Desk) -> None:
    tid = new_template(tdesk)
    approve_as_approver(tdesk, tid)
    tdesk.set_current_agent(APPROVER)
    tdesk.templates.retire(tid, reason="replaced by new wording")
    assert tdesk.templates.library() == []
    assert [v.state for v in tdesk.templates.library(include_retired=True)[0].versions] == [VersionState.RETIRED]


def test_unknown_placeholders_are_refused_when_saving(tdesk: Desk) -> None:
    with pytest.raises(InvalidInput, match=r"unknown placeholder \{\{author.surname\}\}"):
        new_template(tdesk, body="Dear {{author.surname}}")


def test_rendering_fills_from_message_author_agent_and_settings(tdesk: Desk, make_message: MakeMessage) -> None:
    tid = new_template(tdesk, body="Hallo {{author.first_name}}, zu {{product}}: {{safety.contact}} – {{company}}")
    mid = make_message()
    assert tdesk.templates.render(tid, message_id=mid).text == (
        "Hallo Jürgen, zu Cardiolin: drug.safety@novalind.example – Novalind Pharma GmbH"
    )


def test_rendering_without_a_case_leaves_the_case_reference_as_a_problem(
    tdesk: Desk, make_message: MakeMessage
) -> None:
    tid = new_template(tdesk, body="Referenz {{case.reference}}")
    result = tdesk.templates.render(tid, message_id=make_message())
    assert [(p.name, p.reason) for p in result.problems] == [("case.reference", "missing")]
    assert tdesk.templates.render(tid, message_id=make_message(), case_reference="CMD-2026-000001").text == (
        "Referenz CMD-2026-000001"
    )


def test_a_suspected_adverse_event_only_gets_pv_safe_templates(tdesk: Desk, make_message: MakeMessage) -> None:
    thanks = new_template(tdesk)
    ack = new_template(
        tdesk, name="Nebenwirkung", category=Category.PV_FOLLOW_UP, body="Danke, bitte {{safety.contact}}", pv_safe=True
    )
    approve_as_approver(tdesk, thanks)
    approve_as_approver(tdesk, ack)
    ae = make_message(
        "Seit Cardiolin habe ich Ausschlag", intent="adverse_event", pv_suspected=True, screening="unscreened"
    )
    assert [t.id for t in tdesk.templates.suggest(ae)] == [ack]
    with pytest.raises(InvalidInput, match="only PV-safe templates"):
        tdesk.templates.check_sendable(thanks, message_id=ae)
    cleared = make_message("Seit Cardiolin gut", intent="praise", pv_suspected=True, screening="not_ae")
    assert [t.id for t in tdesk.templates.suggest(cleared)] == [thanks, ack]


def test_suggestions_follow_language_and_channel(tdesk: Desk, make_message: MakeMessage) -> None:
    de = new_template(tdesk)
    en = new_template(tdesk, name="Thanks", language="en", body="Thanks {{author.first_name}}!")
    yt_only = new_template(tdesk, name="YT", channels=["youtube"], body="Danke!")
    for tid in (de, en, yt_only):
        approve_as_approver(tdesk, tid)
    assert [t.id for t in tdesk.templates.suggest(make_message(intent="praise"))] == [de]


def test_a_template_for_another_channel_is_refused_with_the_channel_named_in_words(
    tdesk: Desk, make_message: MakeMessage
) -> None:
    yt_only = new_template(tdesk, name="YT", channels=["youtube"], body="Danke!")
    approve_as_approver(tdesk, yt_only)
    with pytest.raises(InvalidInput) as err:
        tdesk.templates.check_sendable(yt_only, message_id=make_message(intent="praise"))
    assert (str(err.value), err.value.template) == (
        "template 'YT' is not approved for Facebook",
        "template {name!r} is not approved for {channel}",
    )


@pytest.mark.parametrize(
    ("kind", "sentence"),
    [
        (ChannelKind.DISCOURSE, "template 'YT' is not approved for Discourse"),
        (ChannelKind.EMAIL, "template 'YT' is not approved for e-mail"),
        (ChannelKind.FILE, "template 'YT' is not approved for imported messages"),
    ],
)
def test_a_kind_without_a_brand_is_part_of_the_sentence(kind: ChannelKind, sentence: str) -> None:
    assert str(_not_approved_for(kind, name="YT")) == sentence


def test_usage_is_counted_per_template(tdesk: Desk, make_message: MakeMessage) -> None:
    tid = new_template(tdesk)
    approve_as_approver(tdesk, tid)
    version = tdesk.templates.check_sendable(tid)
    mid = make_message()
    tdesk.templates.record_use(version.id, message_id=mid)
    tdesk.templates.record_use(version.id, message_id=mid)
    assert [(u.name, u.uses, u.last_used_at) for u in tdesk.templates.usage()] == [("Danke", 2, NOW)]
    assert tdesk.templates.get(tid).usage_count == 2


def test_export_and_import_carry_versions_and_approvals_and_skip_existing(
    tdesk: Desk, tmp_path: Path, clock: FixedClock, memory_keyring: MemoryKeyring
) -> None:
    tid = new_template(tdesk)
    approve_as_approver(tdesk, tid)
    tdesk.templates.edit(tid, "Neu: {{agent.name}}")
    exported = json.loads(json.dumps(tdesk.templates.export_json()))  # through a file's worth of JSON
    assert tdesk.templates.import_json(exported) == []  # same name and language: skipped, never overwritten
    other = Desk.create(tmp_path / "other.cmdesk", mode="keyring", keys=KeyManager(memory_keyring), clock=clock)
    try:
        [new_id] = other.templates.import_json(exported, source="desk A")
        imported = other.templates.get(new_id)
        assert [(v.version, v.body, v.state, v.approval_reference) for v in imported.versions] == [
            (1, "Hallo {{author.first_name}}, danke! {{agent.first_name}}", VersionState.APPROVED, "MLR-2026-117"),
            (2, "Neu: {{agent.name}}", VersionState.DRAFT, None),
        ]
        assert other.templates.check_sendable(new_id).version == 1
    finally:
        other.close()


def test_import_rejects_a_file_that_is_not_a_library(tdesk: Desk) -> None:
    with pytest.raises(InvalidInput, match="not a cmdesk template library"):
        tdesk.templates.import_json({"templates": "nope"})
    with pytest.raises(InvalidInput, match="template 1 in the file is incomplete"):
        tdesk.templates.import_json({"format": "cmdesk-templates/1", "templates": [{"name": "x"}]})


def test_the_default_library_has_every_required_kind_in_both_languages(tdesk: Desk) -> None:
    added = tdesk.templates.install_defaults()
    library = tdesk.templates.library()
    assert added == len(library) == 14
    kinds = {(t.category, t.language) for t in library}
    assert kinds == {(c, lang) for c in Category for lang in ("de", "en")}
    assert all(t.latest.state == VersionState.DRAFT for t in library)  # the customer's own review approves them
    acknowledgements = [t for t in library if t.category == Category.PV_FOLLOW_UP]
    assert all(t.pv_safe and "{{safety.contact}}" in t.latest.body for t in acknowledgements)
