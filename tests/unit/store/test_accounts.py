"""The SQL of channel accounts: settings, cursor, health and the recent throughput, on a real store."""

from __future__ import annotations

from cmdesk.desk import Desk
from cmdesk.store import accounts
from cmdesk.store import outbox as outbox_sql
from cmdesk.store import sync as sync_sql
from tests.unit.conftest import MakeMessage

CREATED = "2026-11-01T00:00:00Z"


def _add(desk: Desk, name: str, kind: str = "youtube", interval: int = 300) -> int:
    with desk.store.transaction() as conn:
        return accounts.insert_account(
            conn, name=name, kind=kind, settings='{"channel_id":"UC1"}', sync_interval_s=interval, created_at=CREATED
        )


def test_a_new_account_is_active_and_has_never_synced(desk: Desk) -> None:
    account_id = _add(desk, "Novalind YouTube")
    row = accounts.account_by_id(desk.store.read(), account_id)
    assert tuple(row or ()) == (
        account_id,
        "Novalind YouTube",
        "youtube",
        '{"channel_id":"UC1"}',
        "{}",
        "active",
        300,
        None,
        None,
        None,
        None,
        None,
        CREATED,
    )
    assert accounts.account_by_name(desk.store.read(), "Novalind YouTube") == row


def test_accounts_are_listed_by_name_and_looked_up(desk: Desk) -> None:
    b = _add(desk, "B channel")
    a = _add(desk, "A channel")
    conn = desk.store.read()
    assert [(r[0], r[1]) for r in accounts.account_rows(conn)] == [(a, "A channel"), (b, "B channel")]
    assert (accounts.name_taken(conn, "A channel"), accounts.name_taken(conn, "C channel")) == (True, False)
    assert (accounts.account_by_name(conn, "C channel"), accounts.account_by_id(conn, 99)) == (None, None)


def _health(desk: Desk, account_id: int) -> tuple[object, ...]:
    row = accounts.account_by_id(desk.store.read(), account_id)
    assert row is not None
    return tuple(row[3:12])  # settings, cursor, status, interval, success, error, error at, retry, token expiry


def test_settings_status_and_retry_change(desk: Desk) -> None:
    account_id = _add(desk, "Novalind YouTube")
    with desk.store.transaction() as conn:
        accounts.update_settings(conn, account_id, settings='{"channel_id":"UC2"}', sync_interval_s=600)
        accounts.set_retry_at(conn, account_id, at="2026-11-24T09:00:00Z")
    assert _health(desk, account_id) == (
        '{"channel_id":"UC2"}',
        "{}",
        "active",
        600,
        None,
        None,
        None,
        "2026-11-24T09:00:00Z",
        None,
    )
    with desk.store.transaction() as conn:
        accounts.set_status(conn, account_id, "paused")
    assert _health(desk, account_id) == ('{"channel_id":"UC2"}', "{}", "paused", 600, None, None, None, None, None)


def test_a_failure_then_a_success(desk: Desk) -> None:
    account_id = _add(desk, "Novalind YouTube")
    with desk.store.transaction() as conn:
        accounts.record_failure(
            conn,
            account_id,
            error="the channel timed out",
            at="2026-11-24T09:00:00Z",
            retry_at="2026-11-24T09:00:30Z",
            status=None,
        )
    assert _health(desk, account_id) == (
        '{"channel_id":"UC1"}',
        "{}",
        "active",
        300,
        None,
        "the channel timed out",
        "2026-11-24T09:00:00Z",
        "2026-11-24T09:00:30Z",
        None,
    )
    with desk.store.transaction() as conn:
        accounts.record_success(
            conn, account_id, cursor='{"page":2}', at="2026-11-24T09:01:00Z", token_expires_at="2027-01-01T00:00:00Z"
        )
        accounts.record_success(conn, account_id, cursor='{"page":3}', at="2026-11-24T09:02:00Z", token_expires_at=None)
    # the error time stays as history; the token expiry is kept when a page does not tell it
    assert _health(desk, account_id) == (
        '{"channel_id":"UC1"}',
        '{"page":3}',
        "active",
        300,
        "2026-11-24T09:02:00Z",
        None,
        "2026-11-24T09:00:00Z",
        None,
        "2027-01-01T00:00:00Z",
    )
    with desk.store.transaction() as conn:
        accounts.record_failure(
            conn, account_id, error="token expired", at="2026-11-24T10:00:00Z", retry_at=None, status="reconnect_needed"
        )
        accounts.set_last_success(conn, account_id, at="2026-11-24T10:05:00Z")
    assert _health(desk, account_id) == (
        '{"channel_id":"UC1"}',
        '{"page":3}',
        "reconnect_needed",
        300,
        "2026-11-24T10:05:00Z",
        "token expired",
        "2026-11-24T10:00:00Z",
        None,
        "2027-01-01T00:00:00Z",
    )


def test_watched_accounts_leave_out_paused_and_file_accounts(desk: Desk) -> None:
    watched = _add(desk, "Novalind YouTube")
    paused = _add(desk, "Old page", kind="facebook")
    _add(desk, "Export", kind="file")
    with desk.store.transaction() as conn:
        accounts.set_status(conn, paused, "paused")
        accounts.record_failure(conn, watched, error="down", at="2026-11-24T09:00:00Z", retry_at=None, status=None)
    assert accounts.watched_rows(desk.store.read(), except_kind="file") == [
        (watched, "Novalind YouTube", "active", None, CREATED, "down")
    ]


def test_received_since_counts_recent_messages_per_account(tdesk: Desk, make_message: MakeMessage) -> None:
    make_message()
    make_message()
    conn = tdesk.store.read()
    assert not accounts.has_messages(conn, _add(tdesk, "Novalind YouTube"))
    assert accounts.has_messages(conn, 1)
    assert accounts.received_since(conn, "2026-11-24T08:00:00Z") == {1: 2}
    assert accounts.received_since(conn, "2026-11-24T08:00:00Z", account_id=2) == {}
    assert accounts.received_since(conn, "2026-11-24T09:00:01Z") == {}


def test_deleting_an_account_takes_its_authors_outbox_and_rejects(desk: Desk) -> None:
    kept = _add(desk, "Kept")
    gone = _add(desk, "Gone")
    with desk.store.transaction() as conn:
        for account_id in (kept, gone):
            conn.execute(
                "INSERT INTO author (account_id, external_id, name, first_seen_at) VALUES (?, 'u1', 'Eva', ?)",
                (account_id, CREATED),
            )
            outbox_sql.insert_item(
                conn,
                account_id=account_id,
                message_id=None,
                action="reply",
                payload="{}",
                created_by="Anna Berger",
                created_at=CREATED,
            )
            conn.execute(
                "INSERT INTO rejected_item (account_id, external_id, reason, raw, received_at)"
                " VALUES (?, 'x', 'no text', '{}', ?)",
                (account_id, CREATED),
            )
        accounts.delete_account(conn, gone)
    conn = desk.store.read()
    counts = [
        conn.execute(f"SELECT account_id, COUNT(*) FROM {table} GROUP BY account_id").fetchall()
        for table in ("author", "outbox", "rejected_item")
    ]
    assert counts == [[(kept, 1)], [(kept, 1)], [(kept, 1)]]
    assert [r[0] for r in accounts.account_rows(conn)] == [kept]
    assert sync_sql.rejected_exists(conn, account_id=kept, external_id="x", reason="no text", raw="{}")
