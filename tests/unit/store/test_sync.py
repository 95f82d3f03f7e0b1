"""The SQL the sync engine needs beside messages and accounts: rejects seen before and open alerts."""

from __future__ import annotations

from cmdesk.desk import Desk
from cmdesk.store import messages, sync

T0 = "2026-11-24T09:00:00Z"
T1 = "2026-11-24T10:00:00Z"


def test_a_reject_is_found_only_with_the_same_item_reason_and_payload(tdesk: Desk) -> None:
    with tdesk.store.transaction() as conn:
        messages.insert_rejected(conn, account_id=1, external_id=None, reason="no text", raw='{"a":1}', at=T0)
    conn = tdesk.store.read()
    found = [
        sync.rejected_exists(conn, account_id=1, external_id=None, reason="no text", raw='{"a":1}'),
        sync.rejected_exists(conn, account_id=1, external_id="c1", reason="no text", raw='{"a":1}'),
        sync.rejected_exists(conn, account_id=1, external_id=None, reason="no author", raw='{"a":1}'),
        sync.rejected_exists(conn, account_id=1, external_id=None, reason="no text", raw='{"a":2}'),
        sync.rejected_exists(conn, account_id=2, external_id=None, reason="no text", raw='{"a":1}'),
    ]
    assert found == [True, False, False, False, False]


def test_an_alert_is_open_until_cleared(desk: Desk) -> None:
    with desk.store.transaction() as conn:
        alert_id = sync.raise_alert(conn, kind="monitoring_gap", key="account:1", at=T0, detail='{"account_id":1}')
    conn = desk.store.read()
    assert (
        sync.alert_open(conn, kind="monitoring_gap", key="account:1"),
        sync.alert_open(conn, kind="monitoring_gap", key="account:2"),
    ) == (True, False)
    with desk.store.transaction() as conn:
        cleared = [
            sync.clear_alerts(conn, kind="monitoring_gap", key="account:1", at=T1),
            sync.clear_alerts(conn, kind="monitoring_gap", key="account:1", at=T1),
        ]
    assert cleared == [True, False]
    rows = desk.store.read().execute("SELECT id, kind, key, raised_at, cleared_at, detail FROM alert").fetchall()
    assert rows == [(alert_id, "monitoring_gap", "account:1", T0, T1, '{"account_id":1}')]
    assert not sync.alert_open(desk.store.read(), kind="monitoring_gap", key="account:1")
