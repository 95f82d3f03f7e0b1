"""Reconciliation: flagged vs forwarded vs acknowledged, with each discrepancy named."""

from __future__ import annotations

from datetime import timedelta

import pytest

from cmdesk.clock import FixedClock, utc
from cmdesk.desk import Desk
from cmdesk.pv import reconcile
from cmdesk.pv.reconcile import Discrepancy, Report
from cmdesk.store.codec import to_db_time, to_json

TEXT = "Since Novalind I have a rash."
SIGNAL = {"suspected": True, "products": ["Novalind"], "events": [[24, 28, "rash", "event"]]}


def add_message(desk: Desk, *, external_id: str, author: str, handle: str) -> int:
    """A suspected message stored directly (the detector is not what this test is about)."""
    now = to_db_time(desk.clock.now())
    with desk.store.transaction() as conn:
        if conn.execute("SELECT 1 FROM channel_account WHERE id = 1").fetchone() is None:
            conn.execute(
                "INSERT INTO channel_account (id, name, kind, created_at) VALUES (1, 'FB', 'facebook', ?)", (now,)
            )
        person = conn.execute("INSERT INTO person (display_name, created_at) VALUES (?, ?)", (author, now)).lastrowid
        author_id = conn.execute(
            "INSERT INTO author (account_id, external_id, name, handle, person_id, first_seen_at) VALUES (1,?,?,?,?,?)",
            (handle, author, handle, person, now),
        ).lastrowid
        cur = conn.execute(
            "INSERT INTO message (account_id, external_id, kind, author_id, text, created_at, received_at, "
            "pv_suspected, pv_score, pv_signal) VALUES (1, ?, 'comment', ?, ?, ?, ?, 1, 0.9, ?)",
            (external_id, author_id, TEXT, now, now, to_json(SIGNAL)),
        )
        return int(cur.lastrowid or 0)


def test_an_empty_desk_has_nothing_to_reconcile(desk: Desk, clock: FixedClock) -> None:
    assert desk.pv.reconcile() == Report(clock.now(), 0, 0, 0, 0, 0, ())


def test_every_discrepancy_kind(desk: Desk, clock: FixedClock, monkeypatch: pytest.MonkeyPatch) -> None:
    from cmdesk.pv import service

    monkeypatch.setattr(service.PVService, "write_exports", lambda self, cases, folder, formats: [])
    never = add_message(desk, external_id="a", author="A", handle="a")
    cleared = add_message(desk, external_id="b", author="B", handle="b")
    desk.pv.screen_not_ae([cleared], "a joke")
    draft = desk.pv.new_case([add_message(desk, external_id="c", author="C", handle="c")])
    late = desk.pv.mark_ready(desk.pv.new_case([add_message(desk, external_id="d", author="D", handle="d")]).id)
    done = desk.pv.mark_ready(desk.pv.new_case([add_message(desk, external_id="e", author="E", handle="e")]).id)
    desk.pv.forward(done.id, "folder", "/tmp/x")
    desk.pv.acknowledge(done.id, "SAF-1")
    clock.advance(timedelta(hours=30))
    desk.pv.forward(late.id, "folder", "/tmp/x")
    clock.advance(timedelta(days=4))
    report = desk.pv.reconcile()
    assert report == Report(
        at=utc(2026, 11, 29, 15),
        flagged=5,
        screened_not_ae=1,
        cases=3,
        forwarded=2,
        acknowledged=1,
        discrepancies=(
            Discrepancy(
                reconcile.NEVER_FORWARDED, never, None, "", "flagged, but no case was opened or screening done"
            ),
            Discrepancy(
                reconcile.NEVER_FORWARDED, draft.sources[0].message_id, draft.id, draft.reference, "case is still draft"
            ),
            Discrepancy(
                reconcile.FORWARDED_LATE,
                None,
                late.id,
                late.reference,
                "forwarded 2026-11-25T15:00:00Z, internal due 2026-11-25T09:00:00Z",
            ),
            Discrepancy(
                reconcile.NOT_ACKNOWLEDGED,
                None,
                late.id,
                late.reference,
                "forwarded 2026-11-25T15:00:00Z, no safety case number after 3 days",
            ),
        ),
    )
    assert len(desk.pv.reconcile(ack_days=5).discrepancies) == 3
