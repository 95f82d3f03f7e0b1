"""The PV case workflow end to end on a real desk: prefill, edits, states, forwarding, audit."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from cmdesk.clock import FixedClock, utc
from cmdesk.desk import Desk
from cmdesk.errors import InvalidInput
from cmdesk.ingest import ingest
from cmdesk.model import (
    IncomingMessage,
    Intent,
    MessageKind,
    MoodLabel,
    MoodResult,
    PVSignal,
    Span,
    SuggestedAction,
    TextAnalysis,
)
from cmdesk.pv.case_writing import snapshot_hash
from cmdesk.pv.model import (
    SERIOUSNESS_CRITERIA,
    Case,
    CaseEvent,
    CaseProduct,
    CaseState,
    FollowUp,
    Patient,
    Qualification,
    Reporter,
    SourceSnapshot,
)
from cmdesk.store import audit

TEXT = "Meine Mutter (82) nimmt Novalind und hat seitdem starken Schwindel und ist gestürzt."


class TinyAnalyzer:
    """Returns a fixed analysis: these tests are about cases, not about detection."""

    def __init__(self, signal: PVSignal, language: str = "de") -> None:
        self.signal = signal
        self.language = language

    def analyze(self, text: str) -> TextAnalysis:
        return TextAnalysis(
            language=self.language,
            mood=MoodResult(MoodLabel.NEGATIVE, -0.5),
            intent=Intent.ADVERSE_EVENT,
            expects_reply=True,
            pv=self.signal,
            suggested_action=SuggestedAction.OPEN_PV_CASE,
        )

    def prioritize(self, analysis: TextAnalysis, *, received_at: datetime) -> tuple[int, datetime]:
        return 0, received_at + timedelta(hours=1)


def signal_for(text: str, events: tuple[str, ...], products: tuple[str, ...] = ("Novalind",)) -> PVSignal:
    spans = tuple(Span(text.index(e), text.index(e) + len(e), e, "event") for e in events)
    return PVSignal(
        suspected=True, score=0.9, products=products, events=spans, seriousness=("other_medically_important",)
    )


def account(desk: Desk, name: str = "Novalind DE Facebook", kind: str = "facebook", settings: str = "{}") -> int:
    with desk.store.transaction() as conn:
        row = conn.execute("SELECT id FROM channel_account WHERE name = ?", (name,)).fetchone()
        if row:
            return int(row[0])
        cur = conn.execute(
            "INSERT INTO channel_account (name, kind, settings, created_at) VALUES (?, ?, ?, '2026-01-01T00:00:00Z')",
            (name, kind, settings),
        )
        return int(cur.lastrowid or 0)


def add_message(
    desk: Desk,
    text: str = TEXT,
    *,
    external_id: str = "c1",
    author: str = "Maria Keller",
    handle: str = "maria.keller",
    events: tuple[str, ...] = ("starken Schwindel", "gestürzt"),
    account_id: int | None = None,
    at: datetime | None = None,
) -> int:
    acc = account_id or account(desk)
    item = IncomingMessage(
        external_id=external_id,
        kind=MessageKind.COMMENT,
        text=text,
        created_at=(at or desk.clock.now()) - timedelta(minutes=30),
        author_external_id=handle,
        author_name=author,
        author_handle=handle,
        author_profile_url=f"https://facebook.com/{handle}",
        url=f"https://facebook.com/p/{external_id}",
    )
    with desk.store.transaction() as conn:
        result = ingest(
            conn,
            account_id=acc,
            items=[item],
            analyzer=TinyAnalyzer(signal_for(text, events)),
            now=at or desk.clock.now(),
        )
    return result.message_ids[0]


def actions(desk: Desk, case_id: int) -> list[tuple[str, dict[str, Any]]]:
    rows = audit.entries(desk.store.read(), entity="pv_case", entity_id=str(case_id))
    return sorted(((e.action, e.detail) for e in rows), key=lambda a: json.dumps(a, sort_keys=True))


def test_new_case_is_prefilled_snapshotted_and_audited(desk: Desk, clock: FixedClock) -> None:
    desk.settings.set("products", [{"brand": "Novalind", "substance": "novalinumab", "misspellings": ["novalin"]}])
    desk.settings.set("company_name", "Novalind Pharma GmbH")
    mid = add_message(desk)
    case = desk.pv.new_case([mid])
    now = clock.now()
    snap_at = now - timedelta(minutes=30)
    assert case == Case(
        id=1,
        reference="CMD-2026-000001",
        state=CaseState.DRAFT,
        day0=now,
        internal_due_at=utc(2026, 11, 25, 9, 0),
        regulatory_due_at=utc(2027, 2, 22, 9, 0),
        reporter=Reporter(
            handle="maria.keller",
            name="Maria Keller",
            channel="Novalind DE Facebook",
            channel_kind="facebook",
            profile_url="https://facebook.com/maria.keller",
            qualification=Qualification.CONSUMER,
            country="DE",
        ),
        patient=Patient(
            relation="mother", age_value=82, age_group="6", sex="female", evidence=("Meine Mutter", "(82)")
        ),
        products=(CaseProduct(name="Novalind", substance="novalinumab", id=1),),
        events=(
            CaseEvent(verbatim="starken Schwindel", language="de", id=1),
            CaseEvent(verbatim="gestürzt", language="de", id=2),
        ),
        seriousness={c: False for c in SERIOUSNESS_CRITERIA},
        narrative=case.narrative,
        sources=(
            SourceSnapshot(
                message_id=mid,
                text=TEXT,
                permalink="https://facebook.com/p/c1",
                created_at=snap_at,
                received_at=now,
                account="Novalind DE Facebook",
                channel_kind="facebook",
                author="maria.keller",
                sha256=snapshot_hash(TEXT, "https://facebook.com/p/c1", snap_at, now),
                added_at=now,
            ),
        ),
        created_by="Anna Berger",
        created_at=now,
        updated_at=now,
        person_id=case.person_id,
        seriousness_hints=("other_medically_important",),
        sender_organisation="Novalind Pharma GmbH",
        sender_country="DE",
    )
    assert case.person_id is not None
    assert "Novalind" in case.narrative and "mother" in case.narrative
    assert desk.pv.get(case.id) == case
    screening = desk.store.read().execute("SELECT pv_screening FROM message WHERE id = ?", (mid,)).fetchone()[0]
    assert screening == "case"
    assert actions(desk, case.id) == [
        ("pv.case.create", {"day0": "2026-11-24T09:00:00Z", "messages": [mid], "reference": "CMD-2026-000001"})
    ]
    message_audit = audit.entries(desk.store.read(), entity="message", entity_id=str(mid))
    assert [(e.action, e.actor, e.detail) for e in message_audit] == [
        ("pv.screen", "Anna Berger", {"case_id": case.id, "new": "case", "old": "unscreened"})
    ]


def test_references_count_up_and_a_message_joins_only_one_case(desk: Desk) -> None:
    first = desk.pv.new_case([add_message(desk, external_id="a")])
    second = desk.pv.new_case([add_message(desk, external_id="b", author="Tom", handle="tom")])
    assert (first.reference, second.reference) == ("CMD-2026-000001", "CMD-2026-000002")
    with pytest.raises(InvalidInput, match="already belongs to case CMD-2026-000001"):
        desk.pv.new_case([first.sources[0].message_id])


def test_several_messages_of_one_person_feed_one_case(desk: Desk, clock: FixedClock) -> None:
    m1 = add_message(desk, external_id="a", at=clock.now() - timedelta(hours=3))
    m2 = add_message(desk, "Und jetzt auch Übelkeit nach Novalind.", external_id="b", events=("Übelkeit",))
    case = desk.pv.new_case([m2, m1])
    assert case.day0 == clock.now() - timedelta(hours=3)
    assert [e.verbatim for e in case.events] == ["starken Schwindel", "gestürzt", "Übelkeit"]
    other = add_message(desk, external_id="c", author="Tom", handle="tom")
    with pytest.raises(InvalidInput, match="different authors"):
        desk.pv.new_case([other, add_message(desk, external_id="d")])


def test_update_audits_old_and_new_and_day0_needs_a_reason(desk: Desk) -> None:
    case = desk.pv.new_case([add_message(desk)])
    with pytest.raises(InvalidInput, match="say why day 0 changes"):
        desk.pv.update(case.id, day0=utc(2026, 11, 23, 8, 0))
    serious = {c: c == "hospitalisation" for c in SERIOUSNESS_CRITERIA}
    updated = desk.pv.update(
        case.id,
        seriousness=serious,
        day0=utc(2026, 11, 23, 8, 0),
        day0_reason="post seen by agency on 23 Nov",
        narrative="Edited.",
    )
    assert (updated.day0, updated.day0_reason, updated.serious, updated.narrative) == (
        utc(2026, 11, 23, 8, 0),
        "post seen by agency on 23 Nov",
        True,
        "Edited.",
    )
    assert (updated.internal_due_at, updated.regulatory_due_at) == (utc(2026, 11, 24, 8, 0), utc(2026, 12, 8, 8, 0))
    entries = [d for a, d in actions(desk, case.id) if a == "pv.case.update"]
    assert {"field": "narrative", "old": case.narrative, "new": "Edited."} in entries
    assert {
        "field": "day0",
        "old": "2026-11-24T09:00:00Z",
        "new": "2026-11-23T08:00:00Z",
        "reason": "post seen by agency on 23 Nov",
    } in entries
    assert {"field": "seriousness", "old": case.seriousness, "new": serious} in entries
    assert {
        "field": "deadlines",
        "old": ["2026-11-25T09:00:00Z", "2027-02-22T09:00:00Z"],
        "new": ["2026-11-24T08:00:00Z", "2026-12-08T08:00:00Z"],
    } in entries
    with pytest.raises(InvalidInput, match="unknown seriousness criteria: fatal"):
        desk.pv.update(case.id, seriousness={"fatal": True})


def test_workflow_to_acknowledged_via_folder(desk: Desk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from cmdesk.pv import service

    monkeypatch.setattr(service.PVService, "write_exports", lambda self, cases, folder, formats: ["x.pdf", "x.xml"])
    case = desk.pv.new_case([add_message(desk)])
    with pytest.raises(InvalidInput) as refused:
        desk.pv.forward(case.id, "folder", str(tmp_path))
    assert str(refused.value) == "case CMD-2026-000001 is still a draft; mark it as ready first"
    ready = desk.pv.mark_ready(case.id)
    assert ready.state == CaseState.READY
    forwarded = desk.pv.forward(case.id, "folder", str(tmp_path))
    assert (forwarded.state, forwarded.forward_method, forwarded.forward_to, forwarded.forwarded_by) == (
        CaseState.FORWARDED,
        "folder",
        str(tmp_path),
        "Anna Berger",
    )
    with pytest.raises(InvalidInput, match="enter the case number"):
        desk.pv.acknowledge(case.id, " ")
    done = desk.pv.acknowledge(case.id, "DE-NOV-2026-123")
    assert (done.state, done.safety_case_number, done.acknowledged_at) == (
        CaseState.ACKNOWLEDGED,
        "DE-NOV-2026-123",
        desk.clock.now(),
    )
    assert [a for a, _ in actions(desk, case.id)].count("pv.case.state") == 3
    assert (
        "pv.case.forward",
        {"files": ["x.pdf", "x.xml"], "late": False, "method": "folder", "to": str(tmp_path)},
    ) in actions(desk, case.id)
    assert ("pv.case.acknowledge", {"new": "DE-NOV-2026-123", "old": ""}) in actions(desk, case.id)
    with pytest.raises(InvalidInput) as refused:
        desk.pv.update(case.id, narrative="too late")
    assert str(refused.value) == (
        "case CMD-2026-000001 was already acknowledged by drug safety; it can no longer be changed"
    )


def test_forward_to_a_folder_writes_pdf_e2b_and_json(desk: Desk, tmp_path: Path) -> None:
    case = desk.pv.mark_ready(desk.pv.new_case([add_message(desk)]).id)
    desk.pv.forward(case.id, "folder", str(tmp_path / "safety"))
    files = sorted((tmp_path / "safety").iterdir())
    assert [f.name for f in files] == ["CMD-2026-000001.json", "CMD-2026-000001.pdf", "CMD-2026-000001.xml"]
    assert json.loads(files[0].read_text("utf-8"))["reference"] == "CMD-2026-000001"
    assert files[1].read_bytes().startswith(b"%PDF")
    assert b"CMD-2026-000001" in files[2].read_bytes()


def test_mark_ready_lists_what_is_missing(desk: Desk) -> None:
    case = desk.pv.new_case([add_message(desk, "Novalind ist doof.", events=())])
    with pytest.raises(
        InvalidInput,
        match=r"missing: an identifiable patient \(initials, age or age group, or sex\); a suspected adverse reaction",
    ):
        desk.pv.mark_ready(case.id)
    assert desk.pv.validity(case.id).valid is False


def test_forward_by_email_needs_an_email_account(desk: Desk, tmp_path: Path) -> None:
    case = desk.pv.mark_ready(desk.pv.new_case([add_message(desk)]).id)
    desk.settings.set("pv_safety_inbox", "safety@example.com")
    with pytest.raises(InvalidInput, match="configure an e-mail account"):
        desk.pv.forward(case.id, "email", "")
    mail = account(desk, "PV mailbox", "email")
    desk.settings.set("pv_export_folder", str(tmp_path / "attachments"))
    forwarded = desk.pv.forward(case.id, "email", "")
    assert forwarded.forward_to == "safety@example.com"
    row = desk.store.read().execute("SELECT account_id, action, payload, state FROM outbox").fetchone()
    payload = json.loads(row[2])
    assert (row[0], row[1], row[3]) == (mail, "email", "queued")
    assert payload["to"] == "safety@example.com"
    assert payload["attachments"] == ["CMD-2026-000001.pdf", "CMD-2026-000001.xml", "CMD-2026-000001.json"]
    assert payload["subject"] == "Suspected adverse event CMD-2026-000001"
    assert payload["attachment_folder"] == str(tmp_path / "attachments")
    assert sorted(p.name for p in (tmp_path / "attachments").iterdir()) == sorted(payload["attachments"])


def test_a_step_the_state_does_not_allow_is_refused_in_a_whole_sentence_per_state(
    desk: Desk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from cmdesk.pv import service

    monkeypatch.setattr(service.PVService, "write_exports", lambda self, cases, folder, formats: ["x.pdf"])
    case = desk.pv.new_case([add_message(desk)])
    closed = desk.pv.new_case([add_message(desk, external_id="c2")])
    desk.pv.close_invalid(closed.id, "a joke")
    desk.pv.mark_ready(case.id)
    refused: list[str] = []
    for step in (
        lambda: desk.pv.mark_ready(case.id),
        lambda: desk.pv.acknowledge(case.id, "DE-1"),
        lambda: desk.pv.forward(case.id, "folder", str(tmp_path)),
        lambda: desk.pv.forward(case.id, "folder", str(tmp_path)),
        lambda: desk.pv.update(closed.id, narrative="later"),
    ):
        try:
            step()
        except InvalidInput as err:
            refused.append(str(err))
    assert refused == [
        f"case {case.reference} is already ready to forward",
        f"case {case.reference} is not forwarded yet; forward it first",
        f"case {case.reference} was already forwarded to drug safety; it can no longer be changed",
        f"case {closed.reference} is closed as invalid; it can no longer be changed",
    ]


def test_close_invalid_needs_a_reason(desk: Desk) -> None:
    case = desk.pv.new_case([add_message(desk)])
    with pytest.raises(InvalidInput, match="say why"):
        desk.pv.close_invalid(case.id, "")
    closed = desk.pv.close_invalid(case.id, "reporter confirmed it was a joke")
    assert (closed.state, closed.closed_reason) == (CaseState.CLOSED_INVALID, "reporter confirmed it was a joke")
    assert (
        "pv.case.state",
        {"field": "state", "new": "closed_invalid", "old": "draft", "reason": "reporter confirmed it was a joke"},
    ) in actions(desk, case.id)


def test_follow_up_log(desk: Desk, clock: FixedClock) -> None:
    case = desk.pv.new_case([add_message(desk)])
    with pytest.raises(InvalidInput, match="no follow-up was requested"):
        desk.pv.log_follow_up_outcome(case.id, "answered")
    desk.pv.request_follow_up(case.id, "private_message", note="asked for batch")
    clock.advance(timedelta(days=2))
    after = desk.pv.log_follow_up_outcome(case.id, "no_answer")
    assert [replace(f, id=None) for f in after.follow_ups] == [
        FollowUp(
            at=utc(2026, 11, 24, 9),
            actor="Anna Berger",
            channel="private_message",
            outcome="requested",
            note="asked for batch",
        ),
        FollowUp(at=utc(2026, 11, 26, 9), actor="Anna Berger", channel="private_message", outcome="no_answer"),
    ]
    assert [a for a, _ in actions(desk, case.id)].count("pv.case.follow_up") == 2


def test_add_message_and_link_as_follow_up(desk: Desk) -> None:
    case = desk.pv.new_case([add_message(desk, external_id="a")])
    more = desk.pv.add_message(
        case.id, add_message(desk, "Auch Kopfschmerzen.", external_id="b", events=("Kopfschmerzen",))
    )
    assert [s.message_id for s in more.sources] == [1, 2]
    other = desk.pv.new_case([add_message(desk, external_id="c", author="Tom", handle="tom")])
    with pytest.raises(InvalidInput, match="another person"):
        desk.pv.add_message(case.id, add_message(desk, external_id="d", author="Tom", handle="tom"))
    linked = desk.pv.link_as_follow_up(other.id, case.id)
    assert linked.follow_up_of == case.id
    assert ("pv.case.link_follow_up", {"new": case.id, "old": None}) in actions(desk, other.id)
    with pytest.raises(InvalidInput, match="itself"):
        desk.pv.link_as_follow_up(case.id, case.id)


def test_screen_not_ae_and_review_queue(desk: Desk, clock: FixedClock) -> None:
    m1 = add_message(desk, external_id="a", at=clock.now() - timedelta(hours=5))
    m2 = add_message(desk, external_id="b", author="Tom", handle="tom")
    m3 = add_message(desk, external_id="c", author="Eva", handle="eva")
    assert [i.message_id for i in desk.pv.review_queue()] == [m1, m2, m3]
    assert desk.pv.review_queue()[0].due_at == utc(2026, 11, 25, 4, 0)
    with pytest.raises(InvalidInput, match="give a reason"):
        desk.pv.screen_not_ae([m1], " ")
    assert desk.pv.screen_not_ae([m1, m2], "product praise, no event") == 2
    assert [i.message_id for i in desk.pv.review_queue()] == [m3]
    entries = audit.entries(desk.store.read(), entity="message", entity_id=str(m1))
    assert [(e.action, e.detail) for e in entries] == [
        ("pv.screen", {"new": "not_ae", "old": "unscreened", "reason": "product praise, no event"})
    ]
    desk.pv.new_case([m3])
    with pytest.raises(InvalidInput, match="belongs to a PV case"):
        desk.pv.screen_not_ae([m3], "oops")


def test_list_by_state_and_due(desk: Desk, clock: FixedClock) -> None:
    a = desk.pv.new_case([add_message(desk, external_id="a")])
    clock.advance(timedelta(hours=10))
    b = desk.pv.new_case([add_message(desk, external_id="b", author="Tom", handle="tom")])
    desk.pv.close_invalid(a.id, "spam")
    assert [c.id for c in desk.pv.list()] == [a.id, b.id]
    assert [c.id for c in desk.pv.list(states=[CaseState.DRAFT])] == [b.id]
    assert [c.id for c in desk.pv.list(due_before=utc(2026, 11, 25, 10))] == [a.id]


def test_an_edit_that_breaks_validity_sends_a_ready_case_back_to_draft(desk: Desk, clock: FixedClock) -> None:
    case = desk.pv.mark_ready(desk.pv.new_case([add_message(desk)]).id)
    back = desk.pv.update(case.id, events=())
    assert (back.state, back.events) == (CaseState.DRAFT, ())
    assert (
        "pv.case.state",
        {"field": "state", "new": "draft", "old": "ready", "reason": "no longer meets the minimum criteria"},
    ) in actions(desk, case.id)
    with pytest.raises(InvalidInput, match="day 0 cannot be in the future"):
        desk.pv.update(case.id, day0=clock.now() + timedelta(hours=1), day0_reason="typo")
    with pytest.raises(InvalidInput, match="cannot be changed here: state"):
        desk.pv.update(case.id, state="forwarded")
