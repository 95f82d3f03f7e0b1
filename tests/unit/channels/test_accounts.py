"""Channel accounts: settings validated, secrets only in the keyring, health read back."""

from __future__ import annotations

from datetime import timedelta

import pytest

from cmdesk.clock import FixedClock
from cmdesk.desk import Desk
from cmdesk.errors import InvalidInput, NotFound
from cmdesk.store.keys import read_keyinfo


def test_add_and_get_by_name_and_id(desk: Desk) -> None:
    account = desk.accounts.add("facebook", "Pharma DE", {"page_id": "123", "sync_interval_s": "120"})
    assert account.name == "Pharma DE"
    assert account.kind == "facebook"
    assert account.settings == {"page_id": "123"}
    assert account.sync_interval_s == 120
    assert account.status == "active"
    assert desk.accounts.get("Pharma DE") == account
    assert desk.accounts.get(account.id) == account
    assert desk.accounts.get(str(account.id)) == account


def test_unknown_setting_kind_and_duplicate_are_refused(desk: Desk) -> None:
    with pytest.raises(InvalidInput) as err:
        desk.accounts.add("facebook", "A", {"imap_host": "x"})
    assert str(err.value) == (
        "a Facebook account has no setting 'imap_host'; it accepts: sync_interval_s, country, base_url, page_id"
    )
    with pytest.raises(InvalidInput, match="unknown channel kind"):
        desk.accounts.add("myspace", "A", {})
    with pytest.raises(InvalidInput, match="whole number"):
        desk.accounts.add("email", "A", {"imap_port": "nine"})
    with pytest.raises(InvalidInput, match="at least 30"):
        desk.accounts.add("youtube", "A", {"sync_interval_s": "5"})
    desk.accounts.add("youtube", "A", {"channel_id": "UC1"})
    with pytest.raises(InvalidInput, match="already exists"):
        desk.accounts.add("youtube", "A", {"channel_id": "UC1"})
    with pytest.raises(NotFound):
        desk.accounts.get("nobody")


def test_secret_lives_in_the_keyring_not_in_the_store(desk: Desk, memory_keyring) -> None:  # type: ignore[no-untyped-def]
    account = desk.accounts.add("facebook", "FB", {"page_id": "1"})
    assert desk.accounts.secret(account) is None
    desk.accounts.set_secret("FB", "EAAB-secret-token")
    store_id = read_keyinfo(desk.path).store_id
    assert memory_keyring.secrets[("cmdesk", f"account:{store_id}:{account.id}")] == "EAAB-secret-token"
    assert desk.accounts.secret("FB") == "EAAB-secret-token"
    assert desk.accounts.get("FB", check_secrets=True).has_secret is True
    assert desk.accounts.get("FB").has_secret is None
    desk.close()
    assert b"EAAB-secret-token" not in desk.path.read_bytes()


def test_set_secret_reactivates_an_account_needing_reconnection(desk: Desk) -> None:
    account = desk.accounts.add("facebook", "FB", {"page_id": "1"})
    with desk.store.transaction() as conn:
        conn.execute("UPDATE channel_account SET status = 'reconnect_needed' WHERE id = ?", (account.id,))
    desk.accounts.set_secret("FB", "new-token")
    assert desk.accounts.get("FB").status == "active"


def test_update_pause_resume_and_remove(desk: Desk, memory_keyring) -> None:  # type: ignore[no-untyped-def]
    desk.accounts.add("email", "Mail", {"address": "pv@example.org", "imap_host": "imap.example.org", "imap_port": 993})
    updated = desk.accounts.update("Mail", {"imap_port": "143", "address": "cm@example.org", "sync_interval_s": 600})
    assert updated.settings == {"address": "cm@example.org", "imap_host": "imap.example.org", "imap_port": 143}
    with pytest.raises(InvalidInput) as err:
        desk.accounts.update("Mail", {"imap_host": None})
    assert str(err.value) == "an e-mail account needs the setting(s): imap_host"
    assert updated.sync_interval_s == 600
    assert desk.accounts.pause("Mail").status == "paused"
    assert desk.accounts.resume("Mail").status == "active"
    desk.accounts.set_secret("Mail", "pw")
    desk.accounts.remove("Mail")
    assert desk.accounts.list() == []
    assert memory_keyring.secrets.keys() == {k for k in memory_keyring.secrets if k[1].startswith("store:")}


def test_list_counts_messages_received_in_the_last_hour(desk: Desk, clock: FixedClock) -> None:
    account = desk.accounts.add("file", "Export", {})
    recent = clock.now() - timedelta(minutes=10)
    old = clock.now() - timedelta(hours=2)
    with desk.store.transaction() as conn:
        for n, received in enumerate([old, recent, recent]):  # stored in arrival order
            at = received.isoformat(timespec="seconds")[:19] + "Z"
            conn.execute(
                "INSERT INTO message (account_id, external_id, kind, text, created_at, received_at)"
                " VALUES (?,?,?,?,?,?)",
                (account.id, f"m{n}", "comment", "hello", at, at),
            )
    [listed] = desk.accounts.list()
    assert listed.items_last_hour == 2
    assert listed.as_json()["items_last_hour"] == 2


def test_an_account_without_secret_asks_for_reconnection(desk: Desk) -> None:
    desk.accounts.add("facebook", "FB", {"page_id": "1"})
    result = desk.sync.sync_account("FB")
    message = "'FB' has no token or password yet; set it with `cmdesk accounts secret FB`"
    assert result.error == message
    account = desk.accounts.get("FB")
    assert (account.status, account.last_error) == ("reconnect_needed", message)
